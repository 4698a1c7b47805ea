"""Lists of cases: a lazily loaded table model and the 'My cases' page."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.workflow import STATUSES, status_text
from exportdesk.gui.widgets.row_table import AnyIndex, RowTableModel
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User

PAGE = 200


class CaseTableModel(RowTableModel):
    """Cases from the store, fetched a page at a time as the view scrolls."""

    COLUMNS = (
        "ref",
        "status",
        "activity",
        "title",
        "counterpart_name",
        "counterpart_country",
        "applicant_name",
        "updated_at",
    )
    # Columns the store can sort on (the applicant's name and country cannot).
    SORTABLE: ClassVar[frozenset[str]] = frozenset(
        {"ref", "status", "activity", "title", "counterpart_name", "updated_at"}
    )

    def __init__(self, store: Store, user: User, lang: str, mine: bool = False) -> None:
        super().__init__()
        self.store = store
        self.user = user
        self.lang = lang
        self.mine = mine
        self.filters: dict[str, Any] = {}
        self.order_by = "updated_at"
        self.descending = True
        self.total = 0
        self.headers = [
            self.tr("Ref"),
            self.tr("Status"),
            self.tr("Activity"),
            self.tr("Title"),
            self.tr("Counterpart"),
            self.tr("Country"),
            self.tr("Applicant"),
            self.tr("Updated"),
        ]
        self.reload()

    def reload(self, **filters: Any) -> None:
        if filters:
            self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        # Read first: a refused or failed read (StoreError) leaves the rows shown as they are.
        total = self.store.count_cases(self.user, mine=self.mine, **self.filters)
        rows = self._page(0)
        self.beginResetModel()
        self.total, self.rows = total, rows
        self.endResetModel()

    def _page(self, offset: int) -> list[dict[str, Any]]:
        return self.store.list_cases(
            self.user,
            mine=self.mine,
            order_by=self.order_by,
            descending=self.descending,
            limit=PAGE,
            offset=offset,
            **self.filters,
        )

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        more = self._page(len(self.rows))
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(key) or ""
            if key == "status":
                return status_text(value, self.lang)
            if key == "activity":
                activity = self.store.catalog.activity_by_id.get(value)
                return activity.name.get(self.lang) if activity else value
            if key == "updated_at":
                return value[:16].replace("T", " ")
            return value
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column]
        if key not in self.SORTABLE:
            return
        self.order_by = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def case_id(self, row: int) -> int:
        return int(self.rows[row]["id"])


class CasesPage(QWidget):
    """'My cases': the user's cases and those filed as proxy."""

    open_case = Signal(int)

    def __init__(self, store: Store, user: User, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.model = CaseTableModel(store, user, lang, mine=True)

        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(self.tr("Search title, counterpart or reference"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_text(status, lang), status)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())

        self.new_button = QPushButton(self.tr("New case"))
        self.new_button.setObjectName("new_case")
        self.new_button.setToolTip("Ctrl+N")
        self.open_button = QPushButton(self.tr("Open"))
        self.duplicate_button = QPushButton(self.tr("Same as last time"))
        self.duplicate_button.setToolTip(self.tr("Start a new case from the selected one"))
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.new_button.clicked.connect(self.new_case)
        self.open_button.clicked.connect(self._open_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)

        self.table = QTableView()
        self.table.setObjectName("cases_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(7, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for column in (3, 4):  # title and counterpart share the spare width
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.table.doubleClicked.connect(
            lambda idx: self.open_case.emit(self.model.case_id(idx.row()))
        )
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.duplicate_button)
        actions.addWidget(self.withdraw_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("empty_hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #444; padding: 12px; font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._update_count()

    def apply_filters(self) -> None:
        self.model.reload(
            search=self.search.text().strip(), status=self.status_filter.currentData()
        )
        self._update_count()

    def refresh(self) -> None:
        self.model.reload()
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n case(s)", "", self.model.total))
        filtered = bool(self.search.text().strip()) or self.status_filter.currentIndex() > 0
        if self.model.total:
            self.empty_hint.hide()
            return
        self.empty_hint.setText(
            self.tr("No case matches the search or filter.")
            if filtered
            else self.tr(
                "No cases yet. Press 'New case' (Ctrl+N) before a visit, a shipment of samples,"
                " a trip with equipment or sharing technology abroad: the check sheet tells you"
                " in a few questions whether the export control office needs to look at it."
            )
        )
        self.empty_hint.show()

    def selected_case(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_id(rows[0].row()) if rows else None

    def _open_selected(self) -> None:
        case_id = self.selected_case()
        if case_id is not None:
            self.open_case.emit(case_id)

    def new_case(self) -> None:
        applicant_id = self.user.id
        applicants = self.store.proxied_applicants(self.user)
        if applicants:
            names = [f"{u.name} ({u.login})" for u in applicants]
            if self.user.has("applicant"):
                myself = self.tr("myself")
                names.insert(0, f"{self.user.name} ({myself})")
                applicants.insert(0, self.user)
            choice, ok = QInputDialog.getItem(
                self, self.tr("New case"), self.tr("Filing for:"), names, 0, False
            )
            if not ok:
                return
            applicant_id = applicants[names.index(choice)].id
        try:
            case = self.store.create_case(self.user, applicant_id=applicant_id)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("New case"), exc.message(self.lang))
            return
        self.refresh()
        self.open_case.emit(case["id"])

    def duplicate_selected(self) -> None:
        case_id = self.selected_case()
        if case_id is None:
            return
        try:
            case = self.store.duplicate(self.user, case_id)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Same as last time"), exc.message(self.lang))
            return
        self.refresh()
        self.open_case.emit(case["id"])

    def withdraw_selected(self) -> None:
        case_id = self.selected_case()
        if case_id is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Withdraw"), self.tr("Reason for withdrawing:")
        )
        if not ok:
            return
        try:
            self.store.withdraw(self.user, case_id, reason)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Withdraw"), exc.message(self.lang))
            return
        self.refresh()
