"""Users and roles: the administrators' screen for accounts, roles, proxies and passwords.

Every change goes through the store's account methods, which check the rules and audit
each change; this screen only shows and collects.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportdesk.gui.widgets.dialog_parts import error_label, ok_cancel
from exportdesk.store import Store, StoreError
from exportdesk.store.users import ROLES, User


def role_label(role: str) -> str:
    """A role's name in the user's language (one translation context for every screen)."""
    labels = {
        "applicant": QCoreApplication.translate("Roles", "Applicant"),
        "proxy": QCoreApplication.translate("Roles", "Proxy (files for others)"),
        "dept_manager": QCoreApplication.translate("Roles", "Department manager"),
        "office": QCoreApplication.translate("Roles", "Export control office"),
        "chief_manager": QCoreApplication.translate("Roles", "Chief export control manager"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return labels[role]


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UserDialog(QDialog):
    """Create an account or edit one: name, department, roles, whom a proxy files for."""

    def __init__(
        self, store: Store, actor: User, lang: str, account: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.actor = actor
        self.lang = lang
        self.account = account
        self.saved: User | None = None
        self.setWindowTitle(self.tr("New user") if account is None else self.tr("Edit user"))
        departments = store.departments()

        self.login = QLineEdit(account["login"] if account else "")
        self.login.setReadOnly(account is not None)
        self.name = QLineEdit(account["name"] if account else "")
        self.email = QLineEdit(account["email"] if account else "")
        self.department = QComboBox()
        self.department.addItem(self.tr("(none)"), None)
        for dep in departments:
            self.department.addItem(f"{dep['code']} {dep[f'name_{lang}']}", dep["id"])
        if account:
            self.department.setCurrentIndex(self.department.findData(account["department_id"]))
        self.password = _password_edit()
        self.password2 = _password_edit()

        held = {r for r, _ in account["roles"]} if account else {"applicant"}
        self.roles: dict[str, QCheckBox] = {}
        roles_box = QVBoxLayout()
        for role in ROLES:
            box = QCheckBox(role_label(role))
            box.setObjectName(f"role:{role}")
            box.setChecked(role in held)
            box.toggled.connect(self._enable)
            self.roles[role] = box
            roles_box.addWidget(box)
        roles_box.addStretch(1)

        # Which departments a department manager manages; whom a proxy files for.
        managed = {d for r, d in account["roles"] if r == "dept_manager"} if account else set()
        self.managed = QListWidget()
        for dep in departments:
            item = QListWidgetItem(f"{dep['code']} {dep[f'name_{lang}']}")
            item.setData(Qt.ItemDataRole.UserRole, dep["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if dep["id"] in managed else Qt.CheckState.Unchecked
            )
            self.managed.addItem(item)
        proxy_for = set(account["proxy_for"]) if account else set()
        self.proxy_for = QListWidget()
        for other in store.list_accounts(actor):
            if account and other["id"] == account["id"]:
                continue
            if not any(r == "applicant" for r, _ in other["roles"]):
                continue
            item = QListWidgetItem(f"{other['name']} ({other['login']})")
            item.setData(Qt.ItemDataRole.UserRole, other["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if other["id"] in proxy_for else Qt.CheckState.Unchecked
            )
            self.proxy_for.addItem(item)
        for lst in (self.managed, self.proxy_for):
            lst.setMinimumHeight(70)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Full name"), self.name)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Department"), self.department)
        if account is None:
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Password again"), self.password2)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Roles")), 0, 0)
        grid.addLayout(roles_box, 1, 0)
        grid.addWidget(QLabel(self.tr("Manages these departments")), 0, 1)
        grid.addWidget(self.managed, 1, 1)
        grid.addWidget(QLabel(self.tr("Files cases for")), 0, 2)
        grid.addWidget(self.proxy_for, 1, 2)
        self.error = error_label()
        buttons, self.ok_button = ok_cancel(self, self.tr("Save"), self.tr("Cancel"), self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._enable()

    def _enable(self) -> None:
        self.managed.setEnabled(self.roles["dept_manager"].isChecked())
        self.proxy_for.setEnabled(self.roles["proxy"].isChecked())

    @staticmethod
    def _checked(lst: QListWidget) -> list[int]:
        return [
            lst.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_roles(self) -> list[tuple[str, int | None]]:
        roles: list[tuple[str, int | None]] = []
        for role, box in self.roles.items():
            if not box.isChecked():
                continue
            if role == "dept_manager":
                roles += [(role, dep) for dep in self._checked(self.managed)]
            else:
                roles.append((role, None))
        return roles

    def save(self) -> None:
        roles = self.chosen_roles()
        if not roles:
            self.error.setText(self.tr("Choose at least one role."))
            return
        if self.roles["dept_manager"].isChecked() and not self._checked(self.managed):
            self.error.setText(self.tr("Choose the departments this manager manages."))
            return
        if self.account is None and self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        proxy_for = set(self._checked(self.proxy_for)) if self.roles["proxy"].isChecked() else set()
        try:
            self.saved = self.store.save_account(
                self.actor,
                self.account["id"] if self.account else None,
                login=self.login.text(),
                name=self.name.text(),
                email=self.email.text(),
                department_id=self.department.currentData(),
                roles=roles,
                proxy_for=proxy_for,
                password=self.password.text(),
                language=self.lang,
            )
        except StoreError as exc:
            self.error.setText(exc.message(self.lang))
            return
        self.accept()


class PasswordDialog(QDialog):
    """An administrator sets a new password for someone who forgot theirs."""

    def __init__(self, store: Store, actor: User, lang: str, account: dict[str, Any]) -> None:
        super().__init__()
        self.store = store
        self.actor = actor
        self.lang = lang
        self.account = account
        self.setWindowTitle(self.tr("Reset password"))
        self.password = _password_edit()
        self.password2 = _password_edit()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(
            QLabel(
                self.tr("New password for %1 (%2)")
                .replace("%1", account["name"])
                .replace("%2", account["login"])
            )
        )
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Password again"), self.password2)
        buttons, self.ok_button = ok_cancel(
            self, self.tr("Set password"), self.tr("Cancel"), self.save
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            self.store.reset_password(self.actor, self.account["id"], self.password.text())
        except StoreError as exc:
            self.error.setText(exc.message(self.lang))
            return
        self.accept()


class UsersPage(QWidget):
    """The list of accounts with what an administrator can do to each."""

    COLUMNS = 5

    def __init__(self, store: Store, user: User, lang: str) -> None:
        super().__init__()
        self.store = store
        self.user = user
        self.lang = lang
        self.rows: list[dict[str, Any]] = []
        self.dialog: QDialog | None = None
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Department"), self.tr("Roles"),
             self.tr("State")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _i: self.edit_user())

        self.new_button = QPushButton(self.tr("New user…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.toggle_active)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("message")

        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.password_button,
            self.unlock_button,
            self.active_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Accounts on this installation. Every change is recorded in the audit log."
                " Deactivated accounts keep their cases and history."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    # --- the list --------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        current = self.selected()
        select_id = select_id if select_id is not None else (current["id"] if current else None)
        departments = {d["id"]: d for d in self.store.departments()}
        self.rows = self.store.list_accounts(self.user)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            dep = departments.get(row["department_id"])
            roles = []
            for role, dep_id in row["roles"]:
                text = role_label(role)
                if dep_id is not None and dep_id in departments:
                    text += f" ({departments[dep_id]['code']})"
                roles.append(text)
            if row["proxy_for"]:
                logins = {r["id"]: r["login"] for r in self.rows}
                roles.append(
                    self.tr("for %1").replace(
                        "%1", ", ".join(logins.get(a, "?") for a in row["proxy_for"])
                    )
                )
            if not row["active"]:
                state = self.tr("Deactivated")
            elif row["locked"]:
                state = self.tr("Locked")
            else:
                state = self.tr("Active")
            cells = [
                row["login"],
                row["name"],
                f"{dep['code']} {dep[f'name_{self.lang}']}" if dep else "",
                "、".join(roles) if self.lang == "ja" else ", ".join(roles),
                state,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not row["active"]:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(i, col, item)
            if row["id"] == select_id:
                self.table.selectRow(i)
        self._enable()

    def select(self, login: str) -> None:
        for i, row in enumerate(self.rows):
            if row["login"] == login:
                self.table.selectRow(i)
                return
        raise KeyError(login)

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows() if self.rows else []
        return self.rows[rows[0].row()] if rows else None

    def _enable(self) -> None:
        row = self.selected()
        for button in (self.edit_button, self.password_button, self.active_button):
            button.setEnabled(row is not None)
        self.unlock_button.setEnabled(bool(row and row["locked"]))
        self.active_button.setText(
            self.tr("Reactivate") if row and not row["active"] else self.tr("Deactivate")
        )

    # --- actions ---------------------------------------------------------------------

    def _open(self, dialog: QDialog, done: str) -> QDialog:
        """Show a dialog without blocking; refresh and say what changed when it is saved."""
        self.dialog = dialog
        dialog.setParent(self, Qt.WindowType.Dialog)
        dialog.accepted.connect(lambda: self._saved(dialog, done))
        dialog.open()
        return dialog

    def _saved(self, dialog: QDialog, done: str) -> None:
        saved = getattr(dialog, "saved", None)
        self.refresh(select_id=saved.id if saved else None)
        self.message.setText(done)

    def new_user(self) -> QDialog:
        return self._open(
            UserDialog(self.store, self.user, self.lang), self.tr("The account was created.")
        )

    def edit_user(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        return self._open(
            UserDialog(self.store, self.user, self.lang, row), self.tr("The account was saved.")
        )

    def reset_password(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        return self._open(
            PasswordDialog(self.store, self.user, self.lang, row),
            self.tr("The new password is set. Tell it to %1 in person.").replace("%1", row["name"]),
        )

    def _act(self, action: Any, done: str) -> None:
        try:
            action()
        except StoreError as exc:
            self.message.setText(exc.message(self.lang))
            return
        self.refresh()
        self.message.setText(done)

    def unlock(self) -> None:
        row = self.selected()
        if row:
            self._act(
                lambda: self.store.unlock_user(self.user, row["id"]),
                self.tr("%1 can sign in again.").replace("%1", row["name"]),
            )

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row["active"]:
            answer = QMessageBox.question(
                self,
                self.tr("Deactivate"),
                self.tr("Deactivate the account of %1? Their cases and history stay.").replace(
                    "%1", row["name"]
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._act(
            lambda: self.store.set_active(self.user, row["id"], not row["active"]),
            (self.tr("%1 is deactivated.") if row["active"] else self.tr("%1 is active again."))
            .replace("%1", row["name"]),
        )  # fmt: skip
