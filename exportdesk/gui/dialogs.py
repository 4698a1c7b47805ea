"""Sign-in, and (in gui/setup.py) the first-run set-up.

Only the widgets the sign-in window needs are imported here: each Qt class costs its
enums at first use, and this window is on the way to every start.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


def __getattr__(name: str) -> Any:
    if name == "SetupDialog":
        from exportdesk.gui.setup import SetupDialog

        return SetupDialog
    raise AttributeError(name)


class LoginDialog(QDialog):
    def __init__(self, store: Store, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.user: User | None = None
        inst = store.institution() or {}
        self.setWindowTitle(self.tr("ExportDesk: sign in"))
        title = QLabel(inst.get(f"name_{lang}") or inst.get("name_ja", ""))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
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
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.setMinimumWidth(420)

    def sign_in(self) -> None:
        try:
            self.user = self.store.authenticate(self.login.text(), self.password.text())
        except StoreError as exc:
            self.error.setText(exc.message(self.lang))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
