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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exportdesk.gui.people_page import RED
from exportdesk.gui.widgets.row_table import AnyIndex, RowTableModel
from exportdesk.store import Store
from exportdesk.store.users import User


def mailto_url(to: list[str], subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068) the mail program opens as a new message."""
    return (
        "mailto:"
        + ",".join(quote(a, safe="@") for a in to)
        + f"?subject={quote(subject)}&body={quote(body)}"
    )


class DueTableModel(RowTableModel):
    """The due list as the store gives it; cells are formatted only when painted."""

    COLUMNS = ("due_on", "what", "external_id", "name", "department", "supervisor", "detail")

    def __init__(self, headers: list[str], overdue_tip: str) -> None:
        super().__init__()
        self.headers = headers
        self.overdue_tip = overdue_tip

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row[key] or "")
        if role == Qt.ItemDataRole.ForegroundRole and row["overdue"]:
            return RED
        if role == Qt.ItemDataRole.ToolTipRole and row["overdue"] and key == "due_on":
            return self.overdue_tip
        if role == Qt.ItemDataRole.UserRole:
            return row["person_id"]
        return None


class DuePanel(QWidget):
    open_person = Signal(int)

    COLUMNS = DueTableModel.COLUMNS

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
        self.model = DueTableModel(
            [
                self.tr("Due"),
                self.tr("What"),
                self.tr("ID"),
                self.tr("Name"),
                self.tr("Department"),
                self.tr("Supervisor"),
                self.tr("Detail"),
            ],
            self.tr("Overdue"),
        )
        self.table = QTableView()
        self.table.setObjectName("due_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 220, 90, 150, 80, 120)):
            self.table.setColumnWidth(column, width)
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
        self.model.set_rows(self.rows)
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
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
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
