"""The People screen: everyone the user may see, searchable and sortable, with each
person's declarations, pledges, training and status history beside the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.people import default_people_rules
from exportdesk.gui.people_training import course_text
from exportdesk.gui.widgets.row_table import AnyIndex, RowTableModel
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User

RED = QColor(192, 0, 0)


def person_name(row: dict[str, Any]) -> str:
    return " ".join(x for x in (row.get("family_name"), row.get("given_name")) if x)


def categories_text(categories: list[int] | None, none_text: str) -> str:
    if categories is None:
        return ""
    return ", ".join(str(c) for c in categories) or none_text


class PeopleTableModel(RowTableModel):
    """The visible people, lazily: the store filters and sorts them and hands over their
    ids; a row's fields are read (a page at a time) and formatted only when painted."""

    PAGE = 200

    COLUMNS = (
        "external_id",
        "family_name",
        "name_native",
        "nationality",
        "status",
        "department",
        "supervisor",
        "entry_date",
        "stay_from",
        "stay_until",
        "declared_on",
        "categories",
        "pledges",
    )
    SORT_KEYS: ClassVar[dict[str, str]] = {
        "external_id": "external_id",
        "family_name": "family_name",
        "nationality": "nationality",
        "status": "status",
        "department": "department",
        "supervisor": "supervisor",
        "entry_date": "entry_date",
        "stay_from": "stay_from",
        "stay_until": "stay_until",
        "declared_on": "declared_on",
    }

    def __init__(self, store: Store, user: User, lang: str) -> None:
        super().__init__()
        self.store = store
        self.user = user
        self.lang = lang
        self.rules = default_people_rules()
        self.search = ""
        self.recheck_only = False
        self.order_by = "family_name"
        self.descending = False
        self.headers = [
            self.tr("ID"),
            self.tr("Name"),
            self.tr("Native name"),
            self.tr("Nationality"),
            self.tr("Status"),
            self.tr("Department"),
            self.tr("Supervisor"),
            self.tr("Entry"),
            self.tr("Stay from"),
            self.tr("Stay until"),
            self.tr("Declared"),
            self.tr("Categories"),
            self.tr("Pledges"),
        ]
        self._status_text = {s.id: s.text.get(lang) for s in self.rules.statuses}
        self._state_text = {s.id: s.text.get(lang) for s in self.rules.states}
        self._kind_text = {k.id: k.text.get(lang) for k in self.rules.pledge_kinds}
        self.ids: list[int] = []
        self._cache: dict[int, dict[str, Any]] = {}
        self.load()

    def load(self) -> None:
        """Read the people again (their rows are fetched anew when painted)."""
        # The ids first: a failed read (StoreError) keeps the rows already read, so
        # painting the list does not go to the server again.
        self.reload()
        self._cache.clear()

    def reload(self) -> None:
        """The ids for the current search, filter and order, from the store."""
        # Read first: a failed read (StoreError) leaves the list shown as it is.
        ids = self.store.people_order(
            self.user,
            search=self.search,
            order_by=self.order_by,
            descending=self.descending,
            recheck_only=self.recheck_only,
        )
        self.beginResetModel()
        self.ids = ids
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def row_id(self, row: int) -> int:
        return self.ids[row]

    def row_of(self, person_id: int) -> int | None:
        try:
            return self.ids.index(person_id)
        except ValueError:
            return None

    def row(self, row: int) -> dict[str, Any]:
        """One person's list row, reading the page around it when it is not read yet."""
        person_id = self.ids[row]
        found = self._cache.get(person_id)
        if found is None:
            start = row - row % self.PAGE
            self._cache.update(
                self.store.people_rows(self.user, self.ids[start : start + self.PAGE])
            )
            found = self._cache.get(person_id)
            if found is None:  # gone since the ids were read (another client, campus mode)
                found = {"id": person_id, "family_name": "", "needs_recheck": 0}
                self._cache[person_id] = found
        return found

    def all_rows(self) -> list[dict[str, Any]]:
        return [self.row(r) for r in range(len(self.ids))]

    def _pledges_text(self, states: str | None) -> str:
        if not states:
            return ""
        parts = []
        for item in states.split(","):
            kind, _, state = item.partition(":")
            parts.append(f"{self._kind_text.get(kind, kind)}: {self._state_text.get(state, state)}")
        return "; ".join(parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        try:
            row = self.row(index.row())
        except StoreError:
            # Not read yet and the server is out of reach (refresh() says so): an empty
            # cell now; it is read when painted again.
            return None
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "family_name":
                return person_name(row)
            if key == "status":
                return self._status_text.get(row.get("status"), row.get("status") or "")
            if key == "categories":
                return categories_text(row.get("categories"), self.tr("none"))
            if key == "pledges":
                return self._pledges_text(row.get("pledge_states"))
            return row.get(key) or ""
        if role == Qt.ItemDataRole.ForegroundRole and row.get("needs_recheck"):
            return RED
        if role == Qt.ItemDataRole.ToolTipRole and row.get("needs_recheck"):
            return self.tr("Re-check open")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(self.COLUMNS[column])
        descending = order == Qt.SortOrder.DescendingOrder
        # The header's indicator and sortByColumn both ask: read the order once.
        if key is None or (key, descending) == (self.order_by, self.descending):
            return
        self.order_by = key
        self.descending = descending
        self.reload()


class DeclarationDialog(QDialog):
    """A received declaration: its date, the categories declared, a note, the scan."""

    def __init__(self, catalog: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a declaration"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        from PySide6.QtCore import QDate

        self.date.setDate(QDate.currentDate())
        self.boxes: dict[int, QCheckBox] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("Declared on"), self.date)
        for cat in catalog.resident_categories.entries:
            if cat.id in (1, 2, 3):
                box = QCheckBox(f"{cat.id}: {cat.short.get(lang)}")
                self.boxes[cat.id] = box
                form.addRow("", box)
        self.note = QLineEdit()
        form.addRow(self.tr("Note"), self.note)
        self.scan_path = ""
        self.scan_button = QPushButton(self.tr("Attach the signed scan…"))
        self.scan_button.clicked.connect(self._choose_scan)
        form.addRow(self.tr("Scan"), self.scan_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scan"), "", "PDF, images (*)")
        if path:
            self.scan_path = path
            self.scan_button.setText(Path(path).name)

    def categories(self) -> list[int]:
        return [c for c, box in self.boxes.items() if box.isChecked()]


class PersonPanel(QWidget):
    """One person: details and status history, declarations, pledges, training."""

    changed = Signal(int)
    saved = Signal(int, list)  # the person's record was saved: id, re-checks opened

    def __init__(self, store: Store, user: User, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.rules = default_people_rules()
        self.person_id: int | None = None
        self.title = QLabel()
        self.title.setObjectName("person_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.recheck = QLabel()
        self.recheck.setStyleSheet("color: #c00000;")
        self.recheck.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.declarations = self._table(
            [self.tr("Declared on"), self.tr("Categories"), self.tr("Resident"), self.tr("State")]
        )
        self.pledges = self._table(
            [self.tr("Pledge"), self.tr("State"), self.tr("Due"), self.tr("Scan (SHA-256)")]
        )
        self.training = self._table([self.tr("Course"), self.tr("Taken"), self.tr("Expires")])

        self.pledge_kind = QComboBox()
        for kind in self.rules.pledge_kinds:
            self.pledge_kind.addItem(kind.text.get(lang), kind.id)
        self.request_button = QPushButton(self.tr("Request"))
        self.receive_button = QPushButton(self.tr("Received…"))
        self.check_button = QPushButton(self.tr("Checked"))
        self.print_button = QPushButton(self.tr("Print pledge…"))
        self.declare_button = QPushButton(self.tr("Record a declaration…"))
        self.check_declaration_button = QPushButton(self.tr("Declaration checked"))
        self.request_button.clicked.connect(self.request_pledge)
        self.receive_button.clicked.connect(lambda: self.receive_pledge())
        self.check_button.clicked.connect(self.check_pledge)
        self.print_button.clicked.connect(lambda: self.print_pledge())
        self.declare_button.clicked.connect(self.record_declaration)
        self.check_declaration_button.clicked.connect(self.check_declaration)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("edit_person")
        self.edit_button.clicked.connect(lambda: self.edit_person())
        self.training_button = QPushButton(self.tr("Record training…"))
        self.training_button.setObjectName("record_training")
        self.training_button.setVisible(store.may_record_training(user))
        self.training_button.clicked.connect(lambda: self.record_training())
        office = user.has("office")
        self.check_button.setVisible(office)
        self.check_declaration_button.setVisible(office)

        tabs = QTabWidget()
        tabs.setObjectName("person_tabs")
        decl = QWidget()
        dl = QVBoxLayout(decl)
        dl.addWidget(self.declarations)
        row = QHBoxLayout()
        row.addWidget(self.declare_button)
        row.addWidget(self.check_declaration_button)
        row.addStretch(1)
        dl.addLayout(row)
        tabs.addTab(decl, self.tr("Declarations"))
        pl = QWidget()
        plv = QVBoxLayout(pl)
        plv.addWidget(self.pledges)
        row = QHBoxLayout()
        row.addWidget(self.pledge_kind)
        row.addWidget(self.request_button)
        row.addWidget(self.receive_button)
        row.addWidget(self.check_button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        plv.addLayout(row)
        tabs.addTab(pl, self.tr("Pledges"))
        tr_tab = QWidget()
        trv = QVBoxLayout(tr_tab)
        trv.addWidget(self.training)
        row = QHBoxLayout()
        row.addWidget(self.training_button)
        row.addStretch(1)
        trv.addLayout(row)
        tabs.addTab(tr_tab, self.tr("Training"))
        self.tabs = tabs

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        layout.addLayout(head)
        layout.addWidget(self.recheck)
        layout.addWidget(self.details)
        layout.addWidget(tabs, 1)
        self.show_person(None)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]], ids: list[int], red: list[bool]) -> None:
        table.setRowCount(len(rows))
        for r, (cells, row_id, is_red) in enumerate(zip(rows, ids, red, strict=True)):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row_id)
                if is_red:
                    item.setForeground(RED)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def show_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        enabled = person_id is not None
        for button in (
            self.request_button,
            self.receive_button,
            self.check_button,
            self.print_button,
            self.declare_button,
            self.check_declaration_button,
            self.training_button,
        ):
            button.setEnabled(enabled)
        self.edit_button.setEnabled(
            enabled and self.store.may_edit_person(self.user, person_id)  # type: ignore[arg-type]
        )
        if person_id is None:
            self.title.setText(self.tr("Select a person"))
            self.recheck.setText("")
            self.details.setText("")
            for table in (self.declarations, self.pledges, self.training):
                table.setRowCount(0)
            return
        person = self.store.get_person(self.user, person_id)
        lang = self.lang
        title = person_name(person)
        if person["name_native"]:
            title += f"（{person['name_native']}）"
        self.title.setText(title)
        open_rechecks = self.store.rechecks(self.user, person_id, open_only=True)
        if open_rechecks:
            reasons = "; ".join(self.store.reason_text(r["reason"], lang) for r in open_rechecks)
            self.recheck.setText(self.tr("Re-check open: %1").replace("%1", reasons))
        else:
            self.recheck.setText("")
        history = self.store.status_history(self.user, person_id)
        status_of = {s.id: s.text.get(lang) for s in self.rules.statuses}
        history_text = " → ".join(
            f"{status_of.get(h['status'], h['status'])} ({h['recorded_at'][:10]})" for h in history
        )
        departments = {d["id"]: d[f"name_{lang}"] for d in self.store.departments()}
        training = self.store.training_status(person_id=person_id)
        training_text = {
            "valid": self.tr("valid until %1").replace("%1", training["expires_on"] or ""),
            "expired": self.tr("expired on %1").replace("%1", training["expires_on"] or ""),
            "none": self.tr("not trained"),
        }[training["state"]]
        fields = [
            (self.tr("ID"), person["external_id"]),
            (self.tr("Nationality"), person["nationality"]),
            (self.tr("Department"), departments.get(person["department_id"], "")),
            (self.tr("Supervisor"), person["supervisor"]),
            (self.tr("Status"), history_text),
            (self.tr("Entry"), person["entry_date"] or ""),
            (self.tr("Stay from"), person["stay_from"] or ""),
            (self.tr("Stay until"), person["stay_until"] or ""),
            (self.tr("Funding"), person["funding"]),
            (
                self.tr("Employed in Japan"),
                self.tr("yes") if person["employed_in_japan"] else self.tr("no"),
            ),
            (self.tr("Foreign contracts"), person["foreign_contracts"]),
            (self.tr("Training"), training_text),
        ]
        from html import escape

        self.details.setText(
            "<table>"
            + "".join(
                f"<tr><td style='color:#555;padding-right:8px'>{escape(k)}</td>"
                f"<td>{escape(str(v or '—'))}</td></tr>"
                for k, v in fields
            )
            + "</table>"
        )
        state_of = {s.id: s.text.get(lang) for s in self.rules.states}
        decls = list(reversed(self.store.declarations(person_id, self.user)))
        yes, no = self.tr("yes"), self.tr("no")
        self._fill(
            self.declarations,
            [
                [
                    d["declared_on"],
                    ""
                    if d["state"] == "requested"
                    else categories_text(
                        [c for c in (1, 2, 3) if d[f"category_{c}"]], self.tr("none")
                    ),
                    "" if d["resident"] is None else (yes if d["resident"] else no),
                    state_of.get(d["state"], d["state"]),
                ]
                for d in decls
            ],
            [d["id"] for d in decls],
            [False] * len(decls),
        )
        kind_of = {k.id: k.text.get(lang) for k in self.rules.pledge_kinds}
        pledges = self.store.pledges(self.user, person_id)
        self._fill(
            self.pledges,
            [
                [
                    kind_of.get(p["kind"], p["kind"]),
                    state_of.get(p["state"], p["state"]),
                    p["due_on"] or "",
                    f"{p['scan_name']} ({p['scan_sha256'][:12]}…)" if p["scan_name"] else "",
                ]
                for p in pledges
            ],
            [p["id"] for p in pledges],
            [False] * len(pledges),
        )
        courses = self.store.training(self.user, person_id=person_id)
        today = self.store.clock().date().isoformat()
        self._fill(
            self.training,
            [[course_text(t["course"], lang), t["taken_on"], t["expires_on"]] for t in courses],
            [t["id"] for t in courses],
            [t["expires_on"] < today for t in courses],
        )

    # --- actions --------------------------------------------------------------------

    def _selected(self, table: QTableWidget) -> int | None:
        items = table.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _run(self, action: Any) -> bool:
        try:
            action()
        except StoreError as exc:
            QMessageBox.warning(self, "ExportDesk", exc.message(self.lang))
            return False
        self.show_person(self.person_id)
        if self.person_id is not None:
            self.changed.emit(self.person_id)
        return True

    def edit_person(self) -> Any:
        """The person's record in the window form; the list and this panel follow a save."""
        from exportdesk.gui.person_form import PersonForm

        if self.person_id is None:
            return None
        try:
            form = PersonForm(self.store, self.user, self.lang, self.person_id, self)
        except StoreError as exc:
            QMessageBox.warning(self, "ExportDesk", exc.message(self.lang))
            return None
        form.saved.connect(self.saved.emit)
        form.open()
        return form

    def record_training(self) -> Any:
        from exportdesk.gui.people_training import TrainingDialog

        if self.person_id is None:
            return None
        dialog = TrainingDialog(self.store, self.user, self.lang, self.person_id, self)
        dialog.recorded.connect(lambda _tid: self._run(lambda: None))
        dialog.open()
        return dialog

    def request_pledge(self) -> None:
        if self.person_id is not None:
            kind = self.pledge_kind.currentData()
            self._run(lambda: self.store.request_pledge(self.user, self.person_id, kind))

    def receive_pledge(self, path: str | None = None) -> None:
        pledge_id = self._selected(self.pledges)
        if pledge_id is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Signed pledge"), "", "(*)")
        if not path:
            return
        content = Path(path).read_bytes()
        self._run(lambda: self.store.receive_pledge(self.user, pledge_id, path, content))

    def check_pledge(self) -> None:
        pledge_id = self._selected(self.pledges)
        if pledge_id is not None:
            self._run(lambda: self.store.check_pledge(self.user, pledge_id))

    def check_declaration(self) -> None:
        dec_id = self._selected(self.declarations)
        if dec_id is not None:
            self._run(lambda: self.store.check_declaration(self.user, dec_id))

    def record_declaration(self) -> None:
        if self.person_id is None:
            return
        dialog = DeclarationDialog(self.store.catalog, self.lang, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        scan = None
        if dialog.scan_path:
            scan = (dialog.scan_path, Path(dialog.scan_path).read_bytes())
        day = dialog.date.date().toString("yyyy-MM-dd")
        self._run(
            lambda: self.store.declare(
                self.user,
                self.person_id,
                declared_on=day,
                categories=dialog.categories(),
                note=dialog.note.text(),
                scan=scan,
            )
        )

    def print_pledge(self, path: str | None = None) -> None:
        """The bilingual pledge printed from the person's record (kind from the combo)."""
        from exportdesk.documents.sheets import pledge_pdf

        if self.person_id is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Print pledge"), f"pledge-{self.person_id}.pdf", "PDF (*.pdf)"
            )
        if not path:
            return
        person = self.store.get_person(self.user, self.person_id)
        data = pledge_pdf(
            self.store.catalog,
            self.store.institution() or {},
            person,
            self.store.latest_declaration(self.person_id),
            kind=self.pledge_kind.currentData(),
        )
        Path(path).write_bytes(data)
        self.store.record_export(self.user, "pledge_pdf", path, 1)


class PeoplePage(QWidget):
    """The People screen."""

    def __init__(self, store: Store, user: User, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.model = PeopleTableModel(store, user, lang)
        self.search = QLineEdit()
        self.search.setObjectName("people_search")
        self.search.setPlaceholderText(self.tr("Search name, ID, supervisor, nationality"))
        self.search.setClearButtonEnabled(True)
        self.recheck_only = QCheckBox(self.tr("Re-check open only"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setVisible(user.has("office") or user.has("admin"))
        self.import_button.clicked.connect(lambda: self.import_people())
        self.new_button = QPushButton(self.tr("New person…"))
        self.new_button.setObjectName("new_person")
        self.new_button.setVisible(store.may_add_person(user))
        self.new_button.clicked.connect(lambda: self.new_person())
        self.applicant_training_button = QPushButton(self.tr("Applicant training…"))
        self.applicant_training_button.setToolTip(
            self.tr("Record the export-control training of an applicant (a user)")
        )
        self.applicant_training_button.setVisible(store.may_record_training(user))
        self.applicant_training_button.clicked.connect(lambda: self.applicant_training())
        self.notice = QLabel()
        self.notice.setObjectName("people_notice")
        self.notice.setWordWrap(True)
        self.count_label = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.recheck_only.toggled.connect(lambda _c: self.apply_filters())

        self.table = QTableView()
        self.table.setObjectName("people_table")
        self.table.setModel(self.model)
        # The indicator first: enabling sorting then asks for the order the model has.
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(90)
        self._size_columns()
        self._noted: int | None = None  # the person the notice is about
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._selected(
                self.model.row_id(current.row()) if current.isValid() else None
            )
        )
        self.panel = PersonPanel(store, user, lang)
        self.panel.changed.connect(self._person_changed)
        self.panel.saved.connect(self._person_saved)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.recheck_only)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.applicant_training_button)
        top.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        self._update_count()

    # What a column typically holds, to size it without reading 10,000 rows.
    _SAMPLES = ("S2026001", "Family Given", "原語氏名", "CN", "", "ENG", "研究 一郎")
    _SAMPLES += ("2026-12-31",) * 4 + ("1, 2, 3", "")

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        longest_status = max(self.model._status_text.values(), key=metrics.horizontalAdvance)
        for column, sample in enumerate(self._SAMPLES):
            if column == 4:
                sample = longest_status
            title = self.model.headerData(column, Qt.Orientation.Horizontal, 0)
            width = max(metrics.horizontalAdvance(sample), header.horizontalAdvance(title) + 18)
            self.table.setColumnWidth(column, min(width + 14, 220))
        self.table.horizontalHeader().setStretchLastSection(True)

    def apply_filters(self) -> None:
        self.model.search = self.search.text().strip()
        self.model.recheck_only = self.recheck_only.isChecked()
        self.model.reload()
        self.panel.show_person(None)
        self._update_count()

    def refresh(self) -> None:
        """Read the people again (after an import or a change) and keep the filters."""
        try:
            self.model.load()
            self.apply_filters()
        except StoreError as exc:  # e.g. the campus server is out of reach: say so
            self._say(exc.message(self.lang), warn=True)
            self._load_problem = self.notice.text()
            return
        if getattr(self, "_load_problem", "") and self.notice.text() == self._load_problem:
            self._say("", warn=False)
        self._load_problem = ""

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n people", "", self.model.rowCount()))

    def _person_changed(self, person_id: int) -> None:
        """A pledge, declaration or training changed: the list shows its new state, the same
        person selected, and a notice of an earlier save (a re-check it opened, which a
        declaration may have closed) is no longer shown as if it were current."""
        self.model.load()
        self.select_person(person_id)
        self._say("", warn=False)

    def new_person(self) -> Any:
        from exportdesk.gui.person_form import PersonForm

        form = PersonForm(self.store, self.user, self.lang, None, self)
        form.saved.connect(self._person_saved)
        form.open()
        return form

    def applicant_training(self) -> Any:
        from exportdesk.gui.people_training import TrainingDialog

        dialog = TrainingDialog(self.store, self.user, self.lang, None, self)
        dialog.recorded.connect(lambda _tid: self._say(self.tr("Training recorded."), warn=False))
        dialog.open()
        return dialog

    def _person_saved(self, person_id: int, opened: list[str]) -> None:
        """Saved through the form: the list shows it, selected, and says what the save opened."""
        self.refresh()
        self.select_person(person_id)
        if opened:
            reasons = ("、" if self.lang == "ja" else "; ").join(opened)
            text = self.tr("Saved. A re-check was opened: %1").replace("%1", reasons)
            self._say(text, True, person_id)
        else:
            self._say(self.tr("Saved."), False, person_id)

    def _selected(self, person_id: int | None) -> None:
        if person_id != self._noted:
            self._say("", warn=False)
        self.panel.show_person(person_id)

    def _say(self, text: str, warn: bool, about: int | None = None) -> None:
        self._noted = about
        self.notice.setStyleSheet("color: #c00000; font-weight: bold;" if warn else "")
        self.notice.setText(text)

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row is not None:
            self.table.selectRow(row)

    def import_people(self, path: str | None = None) -> Any:
        from exportdesk.gui.people_import import ImportDialog

        dialog = ImportDialog(self.store, self.user, self.lang, self)
        if path:
            dialog.load(path)
        else:
            dialog.choose_file()
        dialog.imported.connect(lambda _counts: self.refresh())
        dialog.open()
        return dialog
