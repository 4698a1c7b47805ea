"""First-run set-up: a new institution, or a professor's PC from the institution file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exportdesk.gui.widgets.dialog_parts import error_label, keep_campus_address, ok_cancel
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


class SetupDialog(QDialog):
    """First run: either a new institution (names, ICP format, departments, the first
    administrator) or, on a professor's PC, the office's institution file and one person."""

    def __init__(self, store: Store, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.user: User | None = None
        # Set when the person chose the university's campus database instead.
        self.campus_address: str | None = None
        self.file_path = ""
        self.setWindowTitle(self.tr("ExportDesk: first-time set-up"))

        self.mode_file = QRadioButton(
            self.tr("Set up from an institution file (a professor's or secretary's PC)")
        )
        self.mode_file.setObjectName("mode:file")
        self.mode_new = QRadioButton(
            self.tr("Set up a new institution (the export control office, once)")
        )
        self.mode_new.setObjectName("mode:new")
        self.mode_campus = QRadioButton(
            self.tr("Connect to the university's campus database (PostgreSQL)")
        )
        self.mode_campus.setObjectName("mode:campus")
        modes = QButtonGroup(self)
        modes.addButton(self.mode_file)
        modes.addButton(self.mode_new)
        modes.addButton(self.mode_campus)
        self.mode_file.toggled.connect(self._mode_changed)
        self.mode_new.toggled.connect(self._mode_changed)
        self.mode_campus.toggled.connect(self._mode_changed)

        self.pages = QStackedWidget()
        choose = QLabel(
            self.tr(
                "The export control office sets ExportDesk up once and gives everyone an"
                " institution file (institution.exportdesk). If you received one, choose"
                " the first option."
            )
        )
        choose.setWordWrap(True)
        choose.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(choose)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._institution_page())
        self.pages.addWidget(self._campus_page())

        self.admin_login = QLineEdit()
        self.admin_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label = QLabel()
        self.name_label = QLabel()
        self.person = QWidget()
        person = QFormLayout(self.person)
        person.setContentsMargins(0, 0, 0, 0)
        person.addRow(self.login_label, self.admin_login)
        person.addRow(self.name_label, self.admin_name)
        person.addRow(self.tr("Password"), self.password)
        person.addRow(self.tr("Password again"), self.password2)
        self.error = error_label()
        buttons, self.ok_button = ok_cancel(
            self, self.tr("Set up"), self.tr("Cancel"), self.accept_setup
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode_file)
        layout.addWidget(self.mode_new)
        layout.addWidget(self.mode_campus)
        layout.addWidget(self.pages)
        layout.addWidget(self.person)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._mode_changed()

    def _file_page(self) -> QWidget:
        page = QWidget()
        self.file_button = QPushButton(self.tr("Choose the institution file…"))
        self.file_button.clicked.connect(lambda: self.choose_file())
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setWordWrap(True)
        self.file_department = QComboBox()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Institution file"), self.file_button)
        form.addRow("", self.file_label)
        form.addRow(self.tr("Your department"), self.file_department)
        return page

    def _institution_page(self) -> QWidget:
        page = QWidget()
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
        self.departments.setFixedHeight(70)
        self.retention = QSpinBox()
        self.retention.setRange(1, 50)
        self.retention.setValue(7)
        self.retention.setSuffix(self.tr(" years"))
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Institution name (Japanese)"), self.name_ja)
        form.addRow(self.tr("Institution name (English)"), self.name_en)
        form.addRow(self.tr("ICP format"), format_box)
        form.addRow(self.tr("Office name (Japanese)"), self.office_ja)
        form.addRow(self.tr("Office name (English)"), self.office_en)
        form.addRow(self.tr("Office e-mail"), self.office_email)
        form.addRow(self.tr("Departments"), self.departments)
        form.addRow(self.tr("Retention period"), self.retention)
        return page

    def _campus_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Where the university keeps one ExportDesk database for everyone, enter"
                " its address (from the export control office or IT). It is kept for the"
                " next start; you sign in with your own user name and password."
            )
        )
        intro.setWordWrap(True)
        self.campus = QLineEdit()
        self.campus.setObjectName("campus-address")
        self.campus.setPlaceholderText("postgresql://db.example.ac.jp/exportdesk")
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(intro)
        form.addRow(self.tr("Campus address"), self.campus)
        return page

    def _mode_changed(self) -> None:
        from_file, new = self.mode_file.isChecked(), self.mode_new.isChecked()
        campus = self.mode_campus.isChecked()
        self.pages.setCurrentIndex(1 if from_file else 2 if new else 3 if campus else 0)
        self.person.setVisible(from_file or new)
        self.ok_button.setEnabled(new or campus or (from_file and bool(self.file_path)))
        self.ok_button.setText(self.tr("Continue") if campus else self.tr("Set up"))
        if new:
            self.login_label.setText(self.tr("Administrator user name"))
            self.name_label.setText(self.tr("Administrator full name"))
        else:
            self.login_label.setText(self.tr("Your user name"))
            self.name_label.setText(self.tr("Your full name"))
        self.error.clear()

    def choose_file(self, path: str | None = None) -> bool:
        """Pick the institution file and show what it sets up (the import checks it fully)."""
        from PySide6.QtWidgets import QFileDialog

        from exportdesk.exchange import ExchangeError, institution_file, read_package_file

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Institution file"), "", "ExportDesk (*.exportdesk)"
            )
        if not path:
            return False
        self.file_path = ""
        self.file_department.clear()
        try:
            profile = institution_file.parse(read_package_file(path))
        except ExchangeError as exc:
            self.file_label.setText(exc.message(self.lang))
            self._mode_changed()
            return False
        from exportdesk.exchange import fingerprint

        # The office's key is trusted from here on: show its fingerprint to compare with
        # the one the office announces (its intranet page, or by phone).
        self.file_label.setText(
            self.tr("%1 — institution file of %2").replace("%1", Path(path).name)
            .replace("%2", profile[f"name_{self.lang}"])
            + "\n"
            + self.tr("Office key fingerprint: %1").replace(
                "%1", fingerprint(profile["office_public_key"])
            )
        )  # fmt: skip
        self.file_department.addItem(self.tr("(none)"), "")
        for dep in profile["departments"]:
            self.file_department.addItem(f"{dep['code']} {dep[f'name_{self.lang}']}", dep["code"])
        self.file_path = path
        self._mode_changed()
        return True

    def accept_setup(self) -> None:
        if self.mode_file.isChecked():
            self.from_file(self.file_path)
        elif self.mode_new.isChecked():
            self.create()
        elif self.mode_campus.isChecked():
            self.use_campus()

    def use_campus(self) -> None:
        """Keep the campus address (checked: no password in it); sign-in comes next."""
        from exportdesk.store.db_location import check_campus_address

        try:
            address = check_campus_address(self.campus.text())
        except StoreError as exc:
            self.error.setText(exc.message(self.lang))
            return
        unsaved = self.tr("The setting could not be saved: %1")
        if keep_campus_address(self.error, address, self.lang, unsaved):
            self.campus_address = address
            self.accept()

    def from_file(self, path: str | None = None) -> None:
        """Set the installation up exactly as the office's institution file says, with one
        person who files cases (not an administrator)."""
        from exportdesk.exchange import Exchange, ExchangeError

        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        if path and path != self.file_path and not self.choose_file(path):
            self.error.setText(self.file_label.text())
            return
        if not self.file_path:
            self.error.setText(self.tr("Choose the institution file first."))
            return
        try:
            self.user = Exchange(self.store).import_profile(
                self.file_path,
                login=self.admin_login.text(),
                name=self.admin_name.text(),
                password=self.password.text(),
                department=self.file_department.currentData() or "",
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
