"""A case's attachments: the person's CV, the maker's classification certificate, a
signed pledge. Each is kept with its SHA-256, travels in case files, and is shown to the
office; whether one may be added is the store's decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


class AttachmentsPanel(QGroupBox):
    changed = Signal()

    def __init__(
        self, store: Store, user: User, case_id: int, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Attachments"))
        self.setObjectName("attachments")
        self.store = store
        self.user = user
        self.case_id = case_id
        self.lang = lang
        hint = QLabel(
            self.tr(
                "For example the person's CV, the maker's classification certificate"
                " (該非判定書) or the signed pledge. Each file is recorded with its SHA-256."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("attachment_table")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"), "SHA-256"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(130)
        self.add_button = QPushButton(self.tr("Add file…"))
        self.add_button.setObjectName("add_attachment")
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.add_button.clicked.connect(lambda: self.add())
        self.save_button.clicked.connect(lambda: self.save_copy())
        self.message = QLabel()
        self.message.setObjectName("attachment_message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        case = self.store.get_case(self.user, self.case_id)
        self.rows: list[dict[str, Any]] = case["attachments"]
        self.table.setRowCount(len(self.rows))
        for r, att in enumerate(self.rows):
            size = f"{att['size'] / 1024:,.0f} KB" if att["size"] >= 1024 else f"{att['size']} B"
            for c, value in enumerate((att["filename"], size, att["sha256"][:16] + "…")):
                item = QTableWidgetItem(value)
                item.setToolTip(att["sha256"])
                self.table.setItem(r, c, item)
        self.table.setVisible(bool(self.rows))
        self.save_button.setEnabled(bool(self.rows))

    def set_editable(self, editable: bool) -> None:
        self.add_button.setVisible(editable)

    def add(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if not path:
            return False
        try:
            content = Path(path).read_bytes()
            self.store.add_attachment(self.user, self.case_id, Path(path).name, content)
        except StoreError as exc:
            self.message.setText(exc.message(self.lang))
            return False
        except OSError as exc:
            self.message.setText(
                self.tr("The file cannot be read: %1").replace("%1", exc.strerror or str(exc))
            )
            return False
        self.message.setText("")
        self.reload()
        self.changed.emit()
        return True

    def save_copy(self, path: str | None = None) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0].row() if rows else 0
        if not self.rows:
            return None
        name, content = self.store.attachment_content(self.user, self.rows[index]["id"])
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), name)
        if not path:
            return None
        try:
            Path(path).write_bytes(content)
        except OSError as exc:
            self.message.setText(
                self.tr("The file cannot be written: %1").replace("%1", exc.strerror or str(exc))
            )
            return None
        return path
