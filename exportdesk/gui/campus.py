"""Campus mode in the window: choosing the campus address once, and signing in to it.

The sign-in connects to PostgreSQL as the typed login with the typed password (the
server checks it); the password lives only in the dialog's field and the open
connection, never in a setting or a message.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exportdesk.gui.widgets.dialog_parts import error_label, keep_campus_address, ok_cancel
from exportdesk.store import Store, StoreError
from exportdesk.store.db_location import campus_server, check_campus_address
from exportdesk.store.pg.engine import redact
from exportdesk.store.pg.signin import address_login, sign_in
from exportdesk.store.users import User


class CampusAddressDialog(QDialog):
    """The campus database's address, kept for the next start (without a password)."""

    def __init__(self, lang: str, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.chosen: str | None = None
        self.forgotten = False
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("ExportDesk: campus database"))
        intro = QLabel(
            self.tr(
                "The address of the university's ExportDesk database, from the export"
                " control office or IT, e.g. postgresql://db.example.ac.jp/exportdesk."
                " You type your password when you sign in; it is never saved."
            )
        )
        intro.setWordWrap(True)
        self.address = QLineEdit(current if current and current == redact(current) else "")
        self.address.setObjectName("address")
        self.address.setPlaceholderText("postgresql://db.example.ac.jp/exportdesk")
        self.error = error_label()
        buttons, self.ok_button = ok_cancel(self, self.tr("Save"), self.tr("Cancel"), self.save)
        self.forget_button = buttons.addButton(
            self.tr("Use this PC's own file"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.forget_button.setObjectName("forget")
        self.forget_button.clicked.connect(self.forget)
        form = QFormLayout()
        form.addRow(self.tr("Campus address"), self.address)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def save(self) -> QMessageBox | None:
        """Ask before keeping the address: this window is open to anyone at the PC before
        signing in, and every later sign-in sends the typed password to that server."""
        try:
            address = check_campus_address(self.address.text())
            host, port, dbname, verified = campus_server(address)
        except StoreError as exc:
            self.error.setText(exc.message(self.lang))
            return None
        self.error.clear()
        tls = (
            self.tr("Its certificate is checked (sslmode=verify-full).")
            if verified
            else self.tr("Its certificate is not checked (no sslmode=verify-full).")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("ExportDesk: campus database"),
            self.tr("From now on, signing in on this PC sends your password to:"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirm-address")
        box.setInformativeText(
            self.tr("Server %1, port %2, database %3.")
            .replace("%1", host)
            .replace("%2", port)
            .replace("%3", dbname)
            + " "
            + tls
            + " "
            + self.tr(
                "Use it only if the export control office or IT gave you this address. Keep it?"
            )
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda _code: self._confirmed(
                address, box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
            )
        )
        box.open()
        self.confirmation = box
        return box

    def _confirmed(self, address: str, yes: bool) -> None:
        if not yes:
            self.error.setText(self.tr("The campus address was not changed."))
            return
        unsaved = self.tr("The setting could not be saved: %1")
        if keep_campus_address(self.error, address, self.lang, unsaved):
            self.chosen = address
            self.accept()

    def forget(self) -> None:
        """No campus address kept: the next start opens this PC's own file."""
        unsaved = self.tr("The setting could not be saved: %1")
        if keep_campus_address(self.error, None, self.lang, unsaved):
            self.forgotten = True
            self.accept()


class CampusSignInDialog(QDialog):
    """Sign in to the campus database as one's own PostgreSQL role."""

    def __init__(self, dsn: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dsn = dsn
        self.lang = lang
        self.store: Store | None = None
        self.user: User | None = None
        self.setWindowTitle(self.tr("ExportDesk: sign in to the campus database"))
        title = QLabel(self.tr("Campus database"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.where = QLabel()
        self.where.setObjectName("where")
        self.where.setWordWrap(True)
        self.change_button = QPushButton(self.tr("Change address…"))
        self.change_button.setObjectName("change-address")
        self.change_button.clicked.connect(lambda: self.change_address())
        self.login = QLineEdit(address_login(dsn))
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons, self.ok_button = ok_cancel(
            self, self.tr("Sign in"), self.tr("Cancel"), self.sign_in
        )
        where = QHBoxLayout()
        where.addWidget(self.where, 1)
        where.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._show_address()
        (self.password if self.login.text() else self.login).setFocus()

    def _show_address(self) -> None:
        self.where.setText(redact(self.dsn))

    def change_address(self) -> CampusAddressDialog:
        """Choose another campus address (kept for the next start too)."""
        dialog = CampusAddressDialog(self.lang, self.dsn, self)
        dialog.finished.connect(lambda _code: self._address_chosen(dialog))
        dialog.open()
        return dialog

    def _address_chosen(self, dialog: CampusAddressDialog) -> None:
        if dialog.forgotten:
            self.error.setText(
                self.tr(
                    "The campus address is no longer kept: the next start opens this PC's"
                    " own file (unless --db or EXPORTDESK_DB names the campus database)."
                )
            )
        if dialog.chosen:
            self.dsn = dialog.chosen
            self._show_address()
            self.error.clear()

    def sign_in(self) -> None:
        self.error.clear()
        try:
            self.store, self.user = sign_in(self.dsn, self.login.text(), self.password.text())
        except StoreError as exc:
            self.error.setText(exc.message(self.lang))
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            # Not kept past the attempt: the connection holds what the server needs.
            self.password.clear()
        self.accept()
