"""First-run set-up and sign-in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


class SetupDialog(QDialog):
    """Creates the institution (names, ICP format, departments) and the first administrator."""

    def __init__(self, store: Store, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.user: User | None = None
        self.setWindowTitle(self.tr("ExportDesk: first-time set-up"))
        self.name_ja = QLineEdit()
        self.name_en = QLineEdit()
        self.office_ja = QLineEdit("輸出管理担当部署")
        self.office_en = QLineEdit("Export Control Office")
        self.office_email = QLineEdit()
        self.small = QRadioButton(self.tr("Small university: one central office"))
        self.large = QRadioButton(self.tr("Large university: department managers, then the office"))
        self.small.setChecked(True)
        formats = QButtonGroup(self)
        formats.addButton(self.small)
        formats.addButton(self.large)
        format_box = QVBoxLayout()
        format_box.addWidget(self.small)
        format_box.addWidget(self.large)
        self.departments = QPlainTextEdit()
        self.departments.setPlaceholderText(
            self.tr("One per line: CODE, Japanese name, English name")
        )
        self.departments.setFixedHeight(90)
        self.retention = QSpinBox()
        self.retention.setRange(1, 50)
        self.retention.setValue(7)
        self.retention.setSuffix(self.tr(" years"))
        self.admin_login = QLineEdit()
        self.admin_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Institution name (Japanese)"), self.name_ja)
        form.addRow(self.tr("Institution name (English)"), self.name_en)
        form.addRow(self.tr("ICP format"), format_box)
        form.addRow(self.tr("Office name (Japanese)"), self.office_ja)
        form.addRow(self.tr("Office name (English)"), self.office_en)
        form.addRow(self.tr("Office e-mail"), self.office_email)
        form.addRow(self.tr("Departments"), self.departments)
        form.addRow(self.tr("Retention period"), self.retention)
        form.addRow(self.tr("Administrator user name"), self.admin_login)
        form.addRow(self.tr("Administrator full name"), self.admin_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def from_file(self, path: str | None = None) -> None:
        """Set the installation up exactly as the office's institution file says."""
        from PySide6.QtWidgets import QFileDialog

        from exportdesk.exchange import Exchange, ExchangeError

        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Institution file"), "", "ExportDesk (*.exportdesk)"
            )
        if not path:
            return
        try:
            self.user = Exchange(self.store).import_profile(
                path,
                login=self.admin_login.text(),
                name=self.admin_name.text(),
                password=self.password.text(),
            )
        except (ExchangeError, StoreError) as exc:
            self.error.setText(exc.message(self.lang))
            return
        self.accept()

    def parse_departments(self) -> list[tuple[str, str, str]]:
        result = []
        for line in self.departments.toPlainText().splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.replace("，", ",").replace("、", ",").split(",")]
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise ValueError(line)
            result.append(
                (parts[0], parts[1], parts[2] if len(parts) > 2 and parts[2] else parts[1])
            )
        return result

    def create(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            departments = self.parse_departments()
        except ValueError as exc:
            self.error.setText(
                self.tr("Cannot read this department line: %1").replace("%1", str(exc))
            )
            return
        try:
            self.user = self.store.setup(
                name_ja=self.name_ja.text(),
                name_en=self.name_en.text(),
                icp_format="large" if self.large.isChecked() else "small",
                office_name_ja=self.office_ja.text(),
                office_name_en=self.office_en.text(),
                office_email=self.office_email.text(),
                departments=departments,
                retention_years=self.retention.value(),
                admin_login=self.admin_login.text(),
                admin_name=self.admin_name.text(),
                admin_password=self.password.text(),
            )
        except StoreError as exc:
            self.error.setText(exc.message(self.lang))
            return
        self.accept()


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
