"""Re-checks and reminders for the office's home screen: pledges missing at entry,
end-of-stay pledges due, declarations to renew, open re-checks; overdue in red,
exportable to Excel, a reminder mail through the user's mail program."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportdesk.gui.people_page import RED
from exportdesk.store import Store
from exportdesk.store.users import User


def mailto_url(to: list[str], subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068) the mail program opens as a new message."""
    return (
        "mailto:"
        + ",".join(quote(a, safe="@") for a in to)
        + f"?subject={quote(subject)}&body={quote(body)}"
    )


class DuePanel(QWidget):
    open_person = Signal(int)

    COLUMNS = ("due_on", "what", "external_id", "name", "department", "supervisor", "detail")

    def __init__(self, store: Store, user: User, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.rows: list[dict[str, Any]] = []
        # Replaced in tests: opening a real mail program offscreen would do nothing useful.
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl
        self.summary = QLabel()
        self.summary.setObjectName("due_summary")
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("due_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due"),
                self.tr("What"),
                self.tr("ID"),
                self.tr("Name"),
                self.tr("Department"),
                self.tr("Supervisor"),
                self.tr("Detail"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda idx: self.open_person.emit(self.rows[idx.row()]["person_id"])
        )
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.mail_button = QPushButton(self.tr("Reminder mail…"))
        self.mail_button.setToolTip(self.tr("Opens your mail program with the selected people"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(lambda: self.export())
        self.mail_button.clicked.connect(lambda: self.send_reminder())
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.mail_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.store.due_list(self.user, self.lang)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, key in enumerate(self.COLUMNS):
                item = QTableWidgetItem(str(row[key] or ""))
                if row["overdue"]:
                    item.setForeground(RED)
                    if key == "due_on":
                        item.setToolTip(self.tr("Overdue"))
                item.setData(Qt.ItemDataRole.UserRole, row["person_id"])
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        overdue = sum(1 for row in self.rows if row["overdue"])
        self.summary.setText(
            self.tr("%1 due, %2 overdue")
            .replace("%1", str(len(self.rows)))
            .replace("%2", str(overdue))
        )

    def export(self, path: str | None = None) -> int:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to Excel"), "reminders.xlsx", "Excel (*.xlsx)"
            )
        if not path:
            return 0
        return self.store.export_due_list(self.user, path, self.lang)

    def selected_rows(self) -> list[dict[str, Any]]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[r] for r in rows] or list(self.rows)

    def reminder_url(self) -> str:
        rows = self.selected_rows()
        to = sorted({r["email"] for r in rows if r["email"]})
        subject = self.tr("Export control: documents to submit")
        lines = [
            self.tr("Please submit the following to the export control office:"),
            "",
            *(f"- {r['name']}: {r['what']} ({r['due_on']})" for r in rows),
        ]
        return mailto_url(to, subject, "\n".join(lines))

    def send_reminder(self) -> str:
        url = self.reminder_url()
        self.open_url(QUrl(url))
        return url
