"""The screening lists page: every list with its version in force, dates and size, and the
history of imported versions. Importing is the main window's job (a file dialog and a
background worker); this page asks for it and shows the result."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportdesk.store import Store
from exportdesk.store.users import User


class ListsPage(QWidget):
    import_requested = Signal()

    def __init__(self, store: Store, user: User, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        title = QLabel(self.tr("Lists screened against"))
        title.setObjectName("lists_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        self.lists = QTableWidget(0, 7)
        self.lists.setObjectName("lists")
        self.lists.setHorizontalHeaderLabels(
            [
                self.tr("List"),
                self.tr("Measure"),
                self.tr("Version"),
                self.tr("In force from"),
                self.tr("Last update"),
                self.tr("Entities"),
                self.tr("Threshold"),
            ]
        )
        self.versions = QTableWidget(0, 7)
        self.versions.setObjectName("list_versions")
        self.versions.setHorizontalHeaderLabels(
            [
                self.tr("Version"),
                self.tr("List"),
                self.tr("In force from"),
                self.tr("Last update"),
                self.tr("Entities"),
                self.tr("File"),
                self.tr("Notice"),
            ]
        )
        for table, stretch in ((self.lists, 0), (self.versions, 5)):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            table.setWordWrap(False)
        self.import_button = QPushButton(self.tr("Import a list…"))
        self.import_button.setObjectName("import_list")
        self.import_button.clicked.connect(self.import_requested.emit)
        self.import_button.setVisible(user.has("office"))
        self.summary = QLabel()
        self.summary.setObjectName("lists_summary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.lists, 2)
        layout.addWidget(QLabel(self.tr("Imported versions")))
        layout.addWidget(self.versions, 3)
        self.refresh()

    def _measure(self, code: str) -> str:
        return {
            "catch_all_inform": self.tr("Catch-all: licence needed"),
            "export_ban": self.tr("Export prohibited"),
        }.get(code, code)

    def refresh(self) -> None:
        overview = self.store.eul.overview()
        self.lists.setRowCount(len(overview))
        missing = 0
        for r, entry in enumerate(overview):
            current = entry["current"]
            if current is None:
                missing += 1
            values = [
                entry["name"][self.lang],
                self._measure(entry["measure"]),
                f"#{current['id']}" if current else self.tr("not imported"),
                current["effective_date"] if current else "",
                (current["last_updated"] or "") if current else "",
                str(current["entity_count"]) if current else "",
                f"{entry['threshold']:g}",
            ]
            for c, value in enumerate(values):
                self.lists.setItem(r, c, QTableWidgetItem(value))
        names = {e["list"]: e["name"][self.lang] for e in overview}
        versions = self.store.eul.versions()
        self.versions.setRowCount(len(versions))
        for r, v in enumerate(versions):
            values = [
                f"#{v['id']}",
                names.get(v["list_kind"], v["list_kind"]),
                v["effective_date"],
                v["last_updated"],
                str(v["entity_count"]),
                v["source_name"],
                v["notice"],
            ]
            for c, value in enumerate(values):
                self.versions.setItem(r, c, QTableWidgetItem(value))
        if missing:
            self.summary.setText(
                self.tr(
                    "%n list(s) not imported yet: cases are not screened against them.", "", missing
                )
            )
        else:
            self.summary.setText(self.tr("Every list is imported; cases are screened against all."))
