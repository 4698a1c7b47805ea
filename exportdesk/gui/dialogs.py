"""Sign-in, and (in gui/setup.py) the first-run set-up.

Only the widgets the sign-in window needs are imported here: each Qt class costs its
enums at first use, and this window is on the way to every start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exportdesk.gui.widgets.dialog_parts import error_label
from exportdesk.store import StoreError
from exportdesk.store.users import User

if TYPE_CHECKING:  # the sign-in window opens before the store is imported
    from exportdesk.store import Store


def __getattr__(name: str) -> Any:
    if name == "SetupDialog":
        from exportdesk.gui.setup import SetupDialog

        return SetupDialog
    raise AttributeError(name)


class LoginDialog(QDialog):
    def __init__(
        self,
        store: Store | Callable[[], Store],
        lang: str,
        parent: QWidget | None = None,
        *,
        institution: dict[str, Any] | None = None,
    ) -> None:
        """`store`, or a function that opens it: then the window shows at once (with the
        `institution` read beforehand) and the store opens while the user types."""
        super().__init__(parent)
        self._open_store = store if callable(store) else None
        self.store: Store | None = None if callable(store) else store
        self.lang = lang
        self.user: User | None = None
        # Set when the person chose the university's campus database instead.
        self.campus_address: str | None = None
        inst = institution if institution is not None else (self.store_now().institution() or {})
        self.setWindowTitle(self.tr("ExportDesk: sign in"))
        title = QLabel(inst.get(f"name_{lang}") or inst.get("name_ja", ""))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.campus_button = QPushButton(self.tr("Campus database…"))
        self.campus_button.setObjectName("campus")
        self.campus_button.clicked.connect(lambda: self.choose_campus())
        row = QHBoxLayout()
        row.addWidget(self.campus_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.setMinimumWidth(420)

    def store_now(self) -> Store:
        if self.store is None:
            assert self._open_store is not None
            self.store = self._open_store()
        return self.store

    def choose_campus(self) -> QDialog:
        """Use the university's campus database from now on (kept for the next start)."""
        from exportdesk.gui.campus import CampusAddressDialog

        dialog = CampusAddressDialog(self.lang, "", self)
        dialog.finished.connect(lambda _code: self._campus_chosen(dialog.chosen))
        dialog.open()
        return dialog

    def _campus_chosen(self, address: str | None) -> None:
        if address:
            self.campus_address = address
            self.accept()

    def sign_in(self) -> None:
        try:
            self.user = self.store_now().authenticate(self.login.text(), self.password.text())
        except StoreError as exc:
            self.error.setText(exc.message(self.lang))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
