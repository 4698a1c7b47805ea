"""The ICP screen: the institution profile, the format, a preview and saving as PDF."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from exportdesk.documents.icp import icp_pdf
from exportdesk.domain.profile import InstitutionProfile, ProfileError, parse_profile
from exportdesk.gui.widgets.pdf_preview import PdfPreview
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


class IcpView(QWidget):
    def __init__(self, store: Store, user: User, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        inst = store.institution() or {}
        saved = inst.get("profile") or {}
        self.pdf_bytes = b""

        def line(value: str) -> QLineEdit:
            edit = QLineEdit(value)
            return edit

        self.name_ja = line(inst.get("name_ja", ""))
        self.name_en = line(inst.get("name_en", ""))
        self.president_ja = line(saved.get("president_title", {}).get("ja", "学長"))
        self.president_en = line(saved.get("president_title", {}).get("en", "President"))
        self.chief_ja = line(saved.get("chief_manager_post", {}).get("ja", "研究担当理事"))
        self.chief_en = line(
            saved.get("chief_manager_post", {}).get("en", "Executive Vice-President for Research")
        )
        self.office_ja = line(inst.get("office_name_ja", ""))
        self.office_en = line(inst.get("office_name_en", ""))
        self.committee = QCheckBox(self.tr("Export control committee"))
        self.committee.setChecked(saved.get("committee", True))
        self.retention = QSpinBox()
        self.retention.setRange(1, 50)
        self.retention.setValue(int(inst.get("retention_years", 7)))
        self.effective = QDateEdit(QDate.currentDate())
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.small = QRadioButton(self.tr("Small university"))
        self.large = QRadioButton(self.tr("Large university"))
        group = QButtonGroup(self)
        group.addButton(self.small)
        group.addButton(self.large)
        (self.large if inst.get("icp_format") == "large" else self.small).setChecked(True)
        self.language = QComboBox()
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "ja" else 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Institution name (Japanese)"), self.name_ja)
        form.addRow(self.tr("Institution name (English)"), self.name_en)
        form.addRow(self.tr("Chief officer (Japanese)"), self.president_ja)
        form.addRow(self.tr("Chief officer (English)"), self.president_en)
        form.addRow(self.tr("Chief manager's post (Japanese)"), self.chief_ja)
        form.addRow(self.tr("Chief manager's post (English)"), self.chief_en)
        form.addRow(self.tr("Office name (Japanese)"), self.office_ja)
        form.addRow(self.tr("Office name (English)"), self.office_en)
        form.addRow("", self.committee)
        form.addRow(self.tr("Retention period"), self.retention)
        form.addRow(self.tr("Effective date"), self.effective)
        formats = QHBoxLayout()
        formats.addWidget(self.small)
        formats.addWidget(self.large)
        form.addRow(self.tr("ICP format"), formats)
        form.addRow(self.tr("Language"), self.language)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("preview")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)
        left_layout.addStretch(1)

        self.view = PdfPreview()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def profile(self) -> InstitutionProfile:
        departments = [
            {"code": d["code"], "ja": d["name_ja"], "en": d["name_en"]}
            for d in self.store.departments()
        ]
        return parse_profile(
            {
                "name": {"ja": self.name_ja.text(), "en": self.name_en.text()},
                "president_title": {"ja": self.president_ja.text(), "en": self.president_en.text()},
                "chief_manager_post": {"ja": self.chief_ja.text(), "en": self.chief_en.text()},
                "office_name": {"ja": self.office_ja.text(), "en": self.office_en.text()},
                "departments": departments,
                "committee": self.committee.isChecked(),
                "retention_years": self.retention.value(),
                "effective_date": dt.date.fromisoformat(
                    self.effective.date().toString("yyyy-MM-dd")
                ),
                "icp_format": "large" if self.large.isChecked() else "small",
            }
        )

    def build(self) -> bool:
        try:
            profile = self.profile()
        except ProfileError as exc:
            self.message.setText(exc.message(self.lang))
            return False
        self.pdf_bytes = icp_pdf(
            profile, self.store.catalog, profile.icp_format, self.language.currentData()
        )
        if self.user.has("admin"):
            try:
                keep = profile.model_dump(
                    mode="json", include={"president_title", "chief_manager_post", "committee"}
                )
                self.store.update_institution(self.user, profile=keep)
            except StoreError as exc:
                self.message.setText(exc.message(self.lang))
        return True

    def preview(self) -> None:
        if not self.build():
            return
        pages = self.view.load(self.pdf_bytes)
        self.message.setText(self.tr("%n page(s)", "", pages))

    def save_pdf(self, path: str | None = None) -> None:
        if not self.build():
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save ICP"), "icp.pdf", "PDF (*.pdf)"
            )
        if path:
            with open(path, "wb") as fh:
                fh.write(self.pdf_bytes)
            self.message.setText(self.tr("Saved to %1").replace("%1", path))
