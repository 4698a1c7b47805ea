"""Importing people: choose the file, confirm the column mapping, preview, import all or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportdesk.gui.people_page import RED
from exportdesk.imports.people import FIELDS, PeopleImportError, Table, read_table
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


class ImportDialog(QDialog):
    imported = Signal(object)

    def __init__(self, store: Store, user: User, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.path = ""
        self.table_data: Table | None = None
        self.preview_rows: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Import people"))
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(lambda: self.choose_file())
        self.combos: dict[str, QComboBox] = {}
        mapping_box = QWidget()
        self.mapping_form = QFormLayout(mapping_box)
        labels = {
            "external_id": self.tr("ID"),
            "family_name": self.tr("Family name *"),
            "given_name": self.tr("Given name"),
            "name_native": self.tr("Native name"),
            "nationality": self.tr("Nationality *"),
            "birth_date": self.tr("Birth date"),
            "entry_date": self.tr("Entry"),
            "stay_from": self.tr("Stay from"),
            "stay_until": self.tr("Stay until"),
            "status": self.tr("Status"),
            "department": self.tr("Department"),
            "supervisor": self.tr("Supervisor"),
            "email": self.tr("E-mail"),
            "funding": self.tr("Funding"),
            "employed_in_japan": self.tr("Employed in Japan"),
            "foreign_contracts": self.tr("Foreign contracts"),
        }
        for name in FIELDS:
            combo = QComboBox()
            combo.currentIndexChanged.connect(lambda _i: self._invalidate())
            self.combos[name] = combo
            self.mapping_form.addRow(labels[name], combo)
        self.preview_table = QTableWidget(0, 4)
        self.preview_table.setObjectName("import_preview")
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Action"), self.tr("Person"), self.tr("Problems")]
        )
        self.preview_table.verticalHeader().hide()
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.message = QLabel()
        self.message.setObjectName("import_message")
        self.message.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        body = QHBoxLayout()
        body.addWidget(mapping_box)
        right = QVBoxLayout()
        right.addWidget(self.preview_table, 1)
        right.addWidget(self.message)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.preview_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(960, 600)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import people"), "", self.tr("Tables (*.csv *.txt *.xlsx)")
        )
        if path:
            self.load(path)

    def load(self, path: str) -> bool:
        try:
            table = read_table(path)
        except PeopleImportError as exc:
            self.message.setText(exc.message(self.lang))
            return False
        self.path = path
        self.table_data = table
        encoding = {"xlsx": "Excel", "cp932": "Shift_JIS (CP932)", "utf-8": "UTF-8"}
        self.file_label.setText(
            f"{Path(path).name} — {encoding.get(table.encoding, table.encoding)}, "
            + self.tr("%1 rows").replace("%1", str(len(table.rows)))
        )
        mapping = self.store.import_mapping(table.headers)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), "")
            for header in table.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(name, ""))))
            combo.blockSignals(False)
        self.preview()
        return True

    def mapping(self) -> dict[str, str]:
        return {name: c.currentData() for name, c in self.combos.items() if c.currentData()}

    def _invalidate(self) -> None:
        self.import_button.setEnabled(False)

    def preview(self) -> None:
        if self.table_data is None:
            return
        try:
            self.preview_rows = self.store.preview_people_import(
                self.user, self.table_data, self.mapping()
            )
        except StoreError as exc:
            self.preview_rows = []
            self.preview_table.setRowCount(0)
            self.message.setText(exc.message(self.lang))
            self.import_button.setEnabled(False)
            return
        actions = {"new": self.tr("new"), "update": self.tr("update")}
        index = 0 if self.lang == "ja" else 1
        self.preview_table.setRowCount(len(self.preview_rows))
        for r, row in enumerate(self.preview_rows):
            fields = row["fields"]
            name = " ".join(
                x
                for x in (
                    fields.get("external_id"),
                    fields.get("family_name"),
                    fields.get("given_name"),
                )
                if x
            )
            cells = [
                str(row["line"]),
                actions[row["action"]],
                name,
                "; ".join(e[index] for e in row["errors"]),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row["errors"]:
                    item.setForeground(RED)
                self.preview_table.setItem(r, c, item)
        self.preview_table.resizeColumnsToContents()
        bad = sum(1 for r in self.preview_rows if r["errors"])
        if bad:
            self.message.setText(
                self.tr(
                    "%1 rows have errors: correct the file or the mapping. Nothing is imported"
                    " while any row is wrong."
                ).replace("%1", str(bad))
            )
        else:
            new = sum(1 for r in self.preview_rows if r["action"] == "new")
            self.message.setText(
                self.tr("%1 new, %2 to update.")
                .replace("%1", str(new))
                .replace("%2", str(len(self.preview_rows) - new))
            )
        self.import_button.setEnabled(not bad and bool(self.preview_rows))

    def run_import(self) -> dict[str, int] | None:
        if self.table_data is None:
            return None
        try:
            counts = self.store.import_people(self.user, self.table_data, self.mapping(), self.path)
        except StoreError as exc:
            self.message.setText(exc.message(self.lang))
            return None
        self.message.setText(
            self.tr("Imported: %1 new, %2 updated, %3 unchanged.")
            .replace("%1", str(counts["new"]))
            .replace("%2", str(counts["updated"]))
            .replace("%3", str(counts["unchanged"]))
        )
        self.import_button.setEnabled(False)
        self.imported.emit(counts)
        return counts
