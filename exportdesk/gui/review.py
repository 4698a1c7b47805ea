"""The export control office: review queue, review sheet, approvals and timeline.

The review sheet is rendered from forms/review_sheet and prefilled from the case;
every rule (who may approve, what a decision needs) is the store's.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.workflow import STATUSES, STEP_TEXT, status_text
from exportdesk.gui.cases_page import AnyIndex, CaseTableModel
from exportdesk.gui.people_link import case_people_notes
from exportdesk.gui.widgets.attachments import AttachmentsPanel
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User

OPEN_STATUSES = ["submitted", "under_review", "returned"]


class QueueModel(CaseTableModel):
    """Cases waiting for the office, with why they came and who holds them."""

    COLUMNS = (
        "ref",
        "status",
        "age",
        "title",
        "planned_date",
        "activity",
        "counterpart_name",
        "counterpart_country",
        "country_group",
        "why",
        "applicant",
        "department",
    )
    SORTABLE: ClassVar[frozenset[str]] = CaseTableModel.SORTABLE | {"planned_date"}

    def __init__(self, store: Store, user: User, lang: str) -> None:
        super().__init__(store, user, lang, mine=False)
        self.headers = [
            self.tr("Ref"),
            self.tr("Status"),
            self.tr("Age (days)"),
            self.tr("Title"),
            self.tr("Planned date"),
            self.tr("Activity"),
            self.tr("Counterpart"),
            self.tr("Country"),
            self.tr("Country group"),
            self.tr("Why it came to the office"),
            self.tr("Applicant"),
            self.tr("Department"),
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.COLUMNS[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and key in ("planned_date", "department"):
            if key == "planned_date":
                return row.get("planned_date") or "—"
            return row.get(f"department_{self.lang}") or "—"
        if role == Qt.ItemDataRole.DisplayRole and key == "applicant":
            title = row.get("applicant_title") or ""
            return f"{row['applicant_name']}（{title}）" if title else row["applicant_name"]
        if role == Qt.ItemDataRole.DisplayRole and key in ("age", "country_group", "why"):
            if key == "age":
                start = row.get("submitted_at") or row.get("created_at")
                days = (dt.datetime.now(dt.UTC).date() - dt.date.fromisoformat(start[:10])).days
                return days
            det = row.get("_det")
            if det is None:
                det = row["_det"] = json.loads(row.get("determination_json") or "null") or {}
            if key == "country_group":
                group = self.store.catalog.group_by_id.get(det.get("country_group") or "")
                return (group.short or group.name).get(self.lang) if group else "—"
            reasons = [r for r in det.get("reasons", []) if r.get("effect") == "office_review"]
            return ("／" if self.lang == "ja" else " / ").join(r[self.lang] for r in reasons) or (
                det.get("outcome_text", {}).get(self.lang, "") if det else ""
            )
        if role == Qt.ItemDataRole.ToolTipRole and key == "why":
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return (
            super().data(index, role)
            if key in CaseTableModel.COLUMNS
            else (row["id"] if role == Qt.ItemDataRole.UserRole else None)
        )


class QueuePage(QWidget):
    open_case = Signal(int)

    def __init__(self, store: Store, user: User, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.model = QueueModel(store, user, lang)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.search = QLineEdit()
        self.search.setObjectName("queue_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search title, counterpart or reference"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open cases"), OPEN_STATUSES)
        for status in STATUSES[1:]:  # every status but draft, which the office never sees
            self.status_filter.addItem(status_text(status, lang), [status])
        self.status_filter.addItem(self.tr("All"), None)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.table = QTableView()
        self.table.setObjectName("queue_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QueueModel.COLUMNS.index("why"), QHeaderView.ResizeMode.Stretch
        )
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("empty_hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #444; padding: 12px; font-size: 11pt;")
        self.table.doubleClicked.connect(
            lambda idx: self.open_case.emit(self.model.case_id(idx.row()))
        )
        self.open_button = QPushButton(self.tr("Open review sheet"))
        self.open_button.clicked.connect(self._open_selected)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.apply_filters()

    def apply_filters(self) -> None:
        self.model.reload(
            search=self.search.text().strip(), status=self.status_filter.currentData()
        )
        counts = self.store.counts_by_status(self.user)
        parts = [f"{status_text(s, self.lang)}: {counts.get(s, 0)}" for s in OPEN_STATUSES]
        self.counts.setText(self.tr("Open cases") + " — " + " / ".join(parts))
        if self.model.total:
            self.empty_hint.hide()
        else:
            self.empty_hint.setText(
                self.tr("No case matches the search or filter.")
                if self.search.text().strip() or self.status_filter.currentIndex() > 0
                else self.tr(
                    "No case is waiting for the office. Submitted check sheets appear here;"
                    " case files sent by e-mail are opened with File > Open (or dropped here)."
                )
            )
            self.empty_hint.show()

    def refresh(self) -> None:
        self.apply_filters()

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_case.emit(self.model.case_id(rows[0].row()))


class ScreeningPanel(QWidget):
    """End User List results for the counterpart: each hit accepted or dismissed with a note."""

    resolved = Signal()

    def __init__(
        self, store: Store, user: User, case: dict[str, Any], lang: str, parent=None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.case = case
        self.lang = lang
        self.label = QLabel()
        self.label.setObjectName("screening")
        self.label.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("screening_hits")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Listed entity"),
                self.tr("Matched name"),
                self.tr("Score"),
                self.tr("Why"),
                self.tr("Resolution"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.note = QLineEdit()
        self.note.setObjectName("screening_note")
        self.note.setPlaceholderText(self.tr("Note (required)"))
        self.known_good = QCheckBox(self.tr("Add to known-good counterparts"))
        self.accept_button = QPushButton(self.tr("True match"))
        self.dismiss_button = QPushButton(self.tr("False positive"))
        self.rescreen_button = QPushButton(self.tr("Screen now"))
        self.accept_button.clicked.connect(lambda: self.resolve("true_match"))
        self.dismiss_button.clicked.connect(lambda: self.resolve("false_positive"))
        self.rescreen_button.clicked.connect(self.rescreen)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.known_good)
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        row.addWidget(self.rescreen_button)
        # Without a list (or without a counterpart) the office records why it did not screen.
        self.waiver = QLineEdit()
        self.waiver.setObjectName("screening_waiver")
        self.waiver.setPlaceholderText(self.tr("Why the counterpart is not screened"))
        self.waive_button = QPushButton(self.tr("Record as not screened"))
        self.waive_button.setObjectName("waive_screening")
        self.waive_button.clicked.connect(self.waive)
        waiver_row = QHBoxLayout()
        waiver_row.addWidget(self.waiver, 1)
        waiver_row.addWidget(self.waive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addLayout(waiver_row)
        self.show_case(case)

    def waive(self) -> None:
        try:
            case = self.store.waive_screening(self.user, self.case["id"], self.waiver.text())
        except StoreError as exc:
            self.label.setText(exc.message(self.lang))
            return
        self.waiver.clear()
        self.show_case(case)
        self.resolved.emit()

    def show_case(self, case: dict[str, Any]) -> None:
        self.case = case
        screening = case.get("review", {}).get("screening")
        hits = (screening or {}).get("hits", [])
        waiver = case.get("review", {}).get("screening_waiver")
        if not screening and waiver:
            self.label.setText(
                self.tr("Not screened: %1 (%2)")
                .replace("%1", escape(waiver["reason"]))
                .replace("%2", escape(waiver["by"]))
            )
        elif not screening:
            self.label.setText(self.tr("No End User List screening recorded for this case."))
        else:
            labels = [x["label"] for x in screening.get("lists", [])]
            version = escape("; ".join(labels) or str(screening.get("list_version", "")))
            self.label.setText(self.tr("%n possible match(es)", "", len(hits)) + f" — {version}")
        self.table.setRowCount(len(hits))
        for r, hit in enumerate(hits):
            resolution = hit.get("resolution") or {}
            decision = {
                "true_match": self.tr("True match"),
                "false_positive": self.tr("False positive"),
            }.get(resolution.get("decision", ""), self.tr("Open"))
            if resolution.get("note"):
                decision += f": {resolution['note']}"
            concerns = "/".join(hit.get("concerns", []))
            listed = (hit.get("list_name") or {}).get(self.lang, "")
            if hit.get("hit_kind") == "export_ban":
                listed += " — " + self.tr("export prohibited")
            values = [
                f"{listed} No.{hit['no']} {hit['entity']} [{hit['country']}] {concerns}".strip(),
                hit["matched"],
                f"{hit['score']:.0f}",
                hit["why"],
                decision,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.setVisible(bool(hits))
        office = self.user.has("office") and case["status"] in ("submitted", "under_review")
        for w in (self.note, self.known_good, self.accept_button, self.dismiss_button):
            w.setVisible(bool(hits))
            w.setEnabled(office)
        self.rescreen_button.setEnabled(office)
        for w in (self.waiver, self.waive_button):
            w.setVisible(not screening)
            w.setEnabled(office)

    def resolve(self, decision: str) -> None:
        rows = self.table.selectionModel().selectedRows()
        hits = self.case.get("review", {}).get("screening", {}).get("hits", [])
        if not rows and len(hits) == 1:
            rows = [self.table.model().index(0, 0)]
        if not rows:
            return
        hit = hits[rows[0].row()]
        try:
            case = self.store.eul.resolve(
                self.user,
                self.case["id"],
                hit["no"],
                decision,
                self.note.text(),
                known_good=self.known_good.isChecked(),
                list_kind=hit.get("list", "eul"),
            )
        except StoreError as exc:
            self.label.setText(exc.message(self.lang))
            return
        self.note.clear()
        self.show_case(case)
        self.resolved.emit()

    def rescreen(self) -> None:
        try:
            case = self.store.screen_case(self.user, self.case["id"])
        except StoreError as exc:
            self.label.setText(exc.message(self.lang))
            return
        if case is None:
            self.label.setText(self.tr("No End User List has been imported yet."))
            return
        self.show_case(case)
        self.resolved.emit()


class ReviewEditor(QWidget):
    """The review sheet of one case, its decision, approvals and timeline."""

    changed = Signal(int)

    def __init__(self, store: Store, user: User, case_id: int, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.catalog = store.catalog
        self.case_id = case_id
        self.case = store.get_case(user, case_id)
        # The revision of the case the sheet's inputs show (or this editor saved last):
        # saves carry it, so a colleague's save since is refused rather than overwritten.
        self._revision: int = self.case["revision"]
        self._unsaved = False  # typed here and not saved yet
        self.inputs: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.save)

        self.header = QLabel()
        self.header.setObjectName("review_header")
        self.header.setWordWrap(True)
        self.tabs = QTabWidget()
        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        for section in self.catalog.review_sheet.sections:
            sheet_layout.addWidget(self._section(section))
        sheet_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(sheet)
        self.tabs.addTab(scroll, self.tr("Review sheet"))
        self.answers_view = QTextBrowser()
        self.answers_view.setObjectName("answers")
        self.tabs.addTab(self.answers_view, self.tr("Check-sheet answers"))
        self.timeline = QTextBrowser()
        self.timeline.setObjectName("timeline")
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.attachments = AttachmentsPanel(store, user, case_id, lang)
        self.attachments.set_editable(
            user.has("office") and self.case["status"] in ("submitted", "under_review")
        )
        self.tabs.addTab(
            self.attachments,
            self.tr("Attachments (%1)").replace("%1", str(len(self.attachments.rows))),
        )

        self.chain = QLabel()
        self.chain.setObjectName("chain")
        self.chain.setWordWrap(True)
        self.comment = QLineEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("Comment (required to return the case)"))
        self.take_button = QPushButton(self.tr("Start review"))
        self.decide_button = QPushButton(self.tr("Record decision"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approve")
        self.return_button = QPushButton(self.tr("Return to applicant"))
        self.send_decision_button = QPushButton(self.tr("Send decision file…"))
        self.send_decision_button.clicked.connect(lambda: self.send_decision())
        self.print_button = QPushButton(self.tr("Print / Save as PDF"))
        self.print_button.setObjectName("print")
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(lambda: self.save_pdf())
        QShortcut(QKeySequence("Ctrl+P"), self, activated=lambda: self.save_pdf())
        self.take_button.clicked.connect(self.take)
        self.decide_button.clicked.connect(self.decide)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_case)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        # A colleague's change this editor has not taken in: said here, with Reload.
        self.notice = QLabel()
        self.notice.setObjectName("conflict_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00;")
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("reload")
        self.reload_button.clicked.connect(self.reload)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.reload_button)
        self.notice.hide()
        self.reload_button.hide()
        actions = QHBoxLayout()
        for b in (
            self.take_button,
            self.decide_button,
            self.approve_button,
            self.return_button,
            self.send_decision_button,
            self.print_button,
        ):
            actions.addWidget(b)
        actions.addWidget(self.comment, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        # Training and re-checks of the people involved (gui/people_link.py).
        self.people_notes = case_people_notes(self)
        if self.people_notes is not None:
            layout.addWidget(self.people_notes)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.chain)
        layout.addLayout(actions)
        layout.addLayout(notice_row)
        layout.addWidget(self.status)
        self._load_values()
        self.refresh()
        # On a SQLite file nobody announces a colleague's save: look again when the
        # window comes back to the front (campus mode also hears it live: follow()).
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state)

    # --- building ------------------------------------------------------------------

    def _section(self, section: Any) -> QGroupBox:
        box = QGroupBox(section.title.get(self.lang))
        form = QFormLayout(box)
        for item in section.items:
            widget = self._input(item)
            label = QLabel(item.text.get(self.lang) + (" *" if item.required else ""))
            label.setWordWrap(True)
            label.setMinimumWidth(240)
            form.addRow(label, widget)
        return box

    def _input(self, item: Any) -> QWidget:
        lang = self.lang
        if item.type == "readonly":
            widget = QLabel()
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.inputs[item.id] = widget
            return widget
        if item.type == "screening":
            widget = ScreeningPanel(self.store, self.user, self.case, lang)
            widget.resolved.connect(self._after_screening)
            self.inputs[item.id] = widget
            return widget
        if item.type in ("yes_no", "choice", "classification"):
            container = QWidget()
            row = QHBoxLayout(container)
            row.setContentsMargins(0, 0, 0, 0)
            group = QButtonGroup(container)
            options = (
                [(True, self.tr("Yes")), (False, self.tr("No"))]
                if item.type == "yes_no"
                else [(o.id, o.text.get(lang)) for o in item.options or []]
            )
            column = QVBoxLayout() if item.type != "yes_no" else row
            for i, (value, text) in enumerate(options):
                button = QRadioButton(text)
                button.setObjectName(f"{item.id}:{value}")
                group.addButton(button, i)
                column.addWidget(button)
            if item.type != "yes_no":
                row.addLayout(column)
            extra = None
            if item.type == "classification":
                extra = QLineEdit()
                extra.setObjectName(f"{item.id}:items")
                extra.setPlaceholderText(self.tr("Item and sub-item, e.g. 5(1)"))
                extra.setMaximumWidth(220)
                extra.textChanged.connect(lambda _t: self._schedule())
                row.addWidget(extra, 0, Qt.AlignmentFlag.AlignTop)
            row.addStretch(1)
            group.idClicked.connect(lambda _i: self._schedule())
            self.inputs[item.id] = (group, [v for v, _ in options], extra)
            return container
        if item.type in ("multi", "categories"):
            container = QWidget()
            col = QVBoxLayout(container)
            col.setContentsMargins(0, 0, 0, 0)
            if item.type == "categories":
                choices = [
                    (c.id, f"{c.id}: {c.short.get(lang)}")
                    for c in self.catalog.resident_categories.entries
                ]
            else:
                choices = [(e.id, e.name.get(lang)) for e in self.catalog.exemptions.entries]
            boxes = {}
            for value, text in choices:
                box = QCheckBox(text)
                box.setObjectName(f"{item.id}:{value}")
                box.toggled.connect(lambda _c: self._schedule())
                col.addWidget(box)
                boxes[value] = box
            self.inputs[item.id] = boxes
            return container
        if item.type == "decision":
            combo = QComboBox()
            combo.setObjectName("decision")
            combo.addItem(self.tr("— choose —"), None)
            for d in self.catalog.review_sheet.decisions:
                combo.addItem(d.text.get(lang), d.id)
            self.inputs[item.id] = combo
            return combo
        edit = QPlainTextEdit()
        edit.setObjectName(item.id)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70 if item.multiline else 44)
        if item.id not in ("reasons", "conditions"):
            edit.textChanged.connect(self._schedule)
        self.inputs[item.id] = edit
        return edit

    # --- values -----------------------------------------------------------------------

    def prefill(self) -> dict[str, Any]:
        """What the check sheet already says, so nothing is typed again."""
        c = self.case
        answers, det = c["answers"], c.get("determination") or {}
        values: dict[str, Any] = {}
        if answers.get("technology_provided") is False or not answers.get("technology_provided"):
            values["technology_classification"] = {"choice": "not_applicable"}
        elif answers.get("technology_list_controlled") == "yes":
            items = ", ".join(answers.get("technology_list_items") or [])
            values["technology_classification"] = {"choice": "listed", "items": items}
        elif answers.get("technology_list_controlled") == "unknown":
            values["technology_classification"] = {"choice": "unclear"}
        if not (answers.get("goods_exported") or answers.get("goods_handed_over")):
            values["goods_classification"] = {"choice": "not_applicable"}
        elif answers.get("goods_list_controlled") == "yes":
            values["goods_classification"] = {
                "choice": "listed",
                "items": ", ".join(answers.get("goods_list_items") or []),
            }
        values["exemptions_applied"] = list(det.get("exemptions", []))
        resident = det.get("resident")
        values["resident_confirmed"] = (
            "not_applicable" if resident is None else ("resident" if resident else "non_resident")
        )
        values["categories_confirmed"] = list(det.get("specific_categories", []))
        return values

    def _load_values(self) -> None:
        review = {**self.prefill(), **self.case.get("review", {})}
        self._loading = True
        for item in (i for s in self.catalog.review_sheet.sections for i in s.items):
            widget = self.inputs.get(item.id)
            value = review.get(item.id)
            if isinstance(widget, tuple):
                group, values, extra = widget
                choice = value.get("choice") if isinstance(value, dict) else value
                for i, v in enumerate(values):
                    group.button(i).setChecked(choice is not None and v == choice)
                if extra is not None and isinstance(value, dict):
                    extra.setText(value.get("items", ""))
            elif isinstance(widget, dict):
                for v, box in widget.items():
                    box.setChecked(v in (value or []))
            elif isinstance(widget, QPlainTextEdit) and item.id not in ("reasons", "conditions"):
                widget.setPlainText(value or "")
        self.inputs["reasons"].setPlainText(self.case.get("decision_reasons") or "")
        self.inputs["conditions"].setPlainText(self.case.get("decision_conditions") or "")
        combo = self.inputs["decision"]
        combo.setCurrentIndex(max(0, combo.findData(self.case.get("decision"))))
        self._loading = False
        self._loaded_decision = self._decision_inputs()

    def _decision_inputs(self) -> tuple[Any, str, str]:
        """The decision part, saved only with Record decision (not autosaved)."""
        return (
            self.inputs["decision"].currentData(),
            self.inputs["reasons"].toPlainText(),
            self.inputs["conditions"].toPlainText(),
        )

    def has_unsaved_input(self) -> bool:
        return (
            self._unsaved
            or self._timer.isActive()
            or self._decision_inputs() != getattr(self, "_loaded_decision", None)
        )

    def values(self) -> dict[str, Any]:
        review: dict[str, Any] = {}
        for item in (i for s in self.catalog.review_sheet.sections for i in s.items):
            widget = self.inputs.get(item.id)
            if isinstance(widget, tuple):
                group, values, extra = widget
                checked = group.checkedId()
                value = None if checked < 0 else values[checked]
                if extra is not None:
                    review[item.id] = (
                        {"choice": value, "items": extra.text().strip()} if value else None
                    )
                else:
                    review[item.id] = value
            elif isinstance(widget, dict):
                review[item.id] = [v for v, box in widget.items() if box.isChecked()]
            elif isinstance(widget, QPlainTextEdit) and item.id not in ("reasons", "conditions"):
                review[item.id] = widget.toPlainText()
        current = self.store.get_case(self.user, self.case_id)["review"]
        if "screening" in current:  # kept by the screening panel, never edited here
            review["screening"] = current["screening"]
        return review

    def _after_screening(self) -> None:
        self.case = self.store.get_case(self.user, self.case_id)
        self.refresh()

    def _schedule(self) -> None:
        if not getattr(self, "_loading", False):
            self._unsaved = True
            self._timer.start()

    # --- colleagues' changes ------------------------------------------------------------

    def case_changed(self, case_id: int) -> None:
        """The store's watch heard that a case changed (campus mode)."""
        if case_id == self.case_id:
            self.follow()

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.isVisible():
            self.follow()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if getattr(self, "_shown", False):  # back to this tab: the case may have moved on
            self.follow()
        self._shown = True

    def follow(self) -> None:
        """Show the case as stored now: its state and buttons always; a colleague's
        review only if nothing typed here is unsaved (else a notice offers Reload)."""
        try:
            case = self.store.get_case(self.user, self.case_id)
        except StoreError as exc:  # e.g. moved out of this user's sight
            self.status.setText(exc.message(self.lang))
            return
        if case["revision"] != self._revision and not self.has_unsaved_input():
            self.reload(case)
            return
        self.case = case
        self.attachments.set_editable(
            self.user.has("office") and case["status"] in ("submitted", "under_review")
        )
        self.refresh()
        if case["revision"] != self._revision:
            self._show_notice(
                self.tr(
                    "A colleague changed this review. Your unsaved input is kept;"
                    " Reload to see their changes (Reload discards your input)."
                )
            )

    def reload(self, case: dict[str, Any] | None = None) -> None:
        """Take the case as stored now, a colleague's review included (input here is
        dropped: the user asked for it, or had nothing unsaved)."""
        self._timer.stop()
        self.case = case or self.store.get_case(self.user, self.case_id)
        self._revision = self.case["revision"]
        self._load_values()
        self._unsaved = False
        self.notice.hide()
        self.reload_button.hide()
        self.status.setText("")
        self.attachments.set_editable(
            self.user.has("office") and self.case["status"] in ("submitted", "under_review")
        )
        self.refresh()

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        self.reload_button.show()

    # --- actions ------------------------------------------------------------------------

    def _run(self, action: Any, *args: Any) -> bool:
        try:
            self.case = action(*args)
        except StoreError as exc:
            if exc.code == "review_conflict":
                self._show_notice(exc.message(self.lang))
                return False
            self.status.setText(exc.message(self.lang))
            QMessageBox.warning(self, self.tr("Not possible"), exc.message(self.lang))
            return False
        self.case = self.store.get_case(self.user, self.case_id)
        self.status.setText("")  # an earlier refusal no longer applies
        self.refresh()
        self.changed.emit(self.case_id)
        return True

    def save(self) -> bool:
        self._timer.stop()
        if self.case["status"] not in ("submitted", "under_review") or not self.user.has("office"):
            return True
        try:
            saved = self.store.save_review(
                self.user, self.case_id, self.values(), expected_revision=self._revision
            )
            case = self.store.get_case(self.user, self.case_id)
        except StoreError as exc:
            # What the office typed stays in the widgets for the next Save.
            if exc.code == "review_conflict":
                self._show_notice(exc.message(self.lang))
            else:
                self.status.setText(exc.message(self.lang))
            return False
        self._revision = saved["revision"]
        self._unsaved = False
        self.case = case
        return True

    def save_pdf(self, path: str | None = None) -> str | None:
        from exportdesk.gui.widgets.print_case import save_case_pdf

        self.save()
        saved = save_case_pdf(self, self.store, self.user, self.case_id, self.lang, path)
        if saved:
            self.status.setText(self.tr("Saved to %1").replace("%1", saved))
        return saved

    def take(self) -> None:
        self._run(self.store.take_for_review, self.user, self.case_id)

    def decide(self) -> bool:
        if not self.save():
            return False
        decision = self.inputs["decision"].currentData()
        if decision is None:
            self.status.setText(self.tr("Choose a decision."))
            return False
        return self._run(
            self._record_decision,
            decision,
            self.inputs["reasons"].toPlainText(),
            self.inputs["conditions"].toPlainText(),
        )

    def _record_decision(self, decision: str, reasons: str, conditions: str) -> dict[str, Any]:
        case = self.store.record_decision(
            self.user,
            self.case_id,
            decision,
            reasons,
            conditions,
            expected_revision=self._revision,
        )
        if decision != "returned":  # a return writes no decision, only the state
            self._revision = case["revision"]
            self._loaded_decision = self._decision_inputs()
        return case

    def approve(self) -> bool:
        # A signature covers the review as stored: not after a refused save (a colleague's
        # newer review, a lost connection), whose input is still on screen.
        if not self.save():
            return False
        return self._run(self.store.approve, self.user, self.case_id, self.comment.text())

    def return_case(self) -> bool:
        if not self.save():
            return False
        ok = self._run(self.store.return_case, self.user, self.case_id, self.comment.text())
        if ok:
            self.comment.clear()
        return ok

    # --- display ---------------------------------------------------------------------------

    def refresh(self) -> None:
        c = self.case
        lang = self.lang
        activity = self.catalog.activity_by_id.get(c["activity"])
        status_label = self.tr("Status")
        self.header.setText(
            f"<b>{escape(c['ref'])}</b> — {escape(c['title'])} — "
            f"{escape(activity.name.get(lang) if activity else '')} — "
            f"{status_label}: {escape(status_text(c['status'], lang))}"
        )
        det = c.get("determination") or {}
        group = self.catalog.group_by_id.get(det.get("country_group") or "")
        overview = {
            "title": c["title"],
            "applicant": "・".join(
                part
                for part in (
                    c.get(f"department_{lang}", ""),
                    c.get("applicant_title", ""),
                    c.get("applicant_name", ""),
                )
                if part
            ),
            "activity": activity.name.get(lang) if activity else "",
            "counterpart": f"{c['counterpart_name']} ({c['counterpart_country']})",
            "subject": c["answers"].get("technology_description")
            or c["answers"].get("goods_description")
            or "—",
            "country_group": group.name.get(lang) if group else "—",
        }
        for key, value in overview.items():
            if isinstance(self.inputs.get(key), QLabel):
                self.inputs[key].setText(value)
        office = self.user.has("office")
        editable = office and c["status"] in ("submitted", "under_review")
        for widget in self.inputs.values():
            target = (
                widget[0].buttons()
                if isinstance(widget, tuple)
                else (widget.values() if isinstance(widget, dict) else [widget])
            )
            for w in target:
                if not isinstance(w, QLabel | ScreeningPanel):
                    w.setEnabled(editable)
            if isinstance(widget, tuple) and widget[2] is not None:
                widget[2].setEnabled(editable)
        self.take_button.setVisible(office and c["status"] == "submitted")
        self.decide_button.setEnabled(editable)
        pending = self.store.pending_step(self.case_id)
        self.approve_button.setEnabled(pending is not None)
        self.return_button.setEnabled(c["status"] in ("submitted", "under_review"))
        self.send_decision_button.setVisible(bool(c.get("exchange_id")))
        self.send_decision_button.setEnabled(
            c["status"]
            in ("returned", "approved", "approved_with_conditions", "licence_required", "rejected")
        )
        panel = self.inputs.get("end_user_list")
        if isinstance(panel, ScreeningPanel):
            panel.show_case(self.case)
        self._show_chain()
        self._show_answers()
        self._show_timeline()

    def send_decision(self, path: str | None = None) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        from exportdesk.exchange import Exchange, ExchangeError

        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Send decision file"),
                f"{self.case['ref']}-decision.exportdesk",
                "ExportDesk (*.exportdesk)",
            )
        if not path:
            return None
        try:
            Exchange(self.store).write_decision(self.user, self.case_id, path)
        except (ExchangeError, StoreError) as exc:
            self.status.setText(exc.message(self.lang))
            return None
        self.status.setText(self.tr("Decision file written: %1").replace("%1", path))
        return path

    def _show_chain(self) -> None:
        parts = []
        for step in self.store.approval_chain(self.case_id):
            name = STEP_TEXT[step["step"]][0 if self.lang == "ja" else 1]
            approval = step["approval"]
            if approval:
                parts.append(f"✔ {name}: {approval['user_name']} ({approval['at'][:10]})")
            else:
                parts.append(f"□ {name}")
        self.chain.setText(self.tr("Approvals") + ": " + "  →  ".join(parts))

    def _show_answers(self) -> None:
        from exportdesk.documents.sheets import check_sheet_sections

        html = []
        for section in check_sheet_sections(
            self.catalog, self.case["answers"], self.lang, blank=False
        ):
            html.append(f"<h3>{escape(section['title'])}</h3><table>")
            for row in section["rows"]:
                html.append(
                    f"<tr><td>{escape(row['question'])}</td><td><b>{escape(row['answer'])}</b></td></tr>"
                )
            html.append("</table>")
        det = self.case.get("determination") or {}
        if det:
            html.append(f"<h3>{escape(det['outcome_text'][self.lang])}</h3><ul>")
            html += [f"<li>{escape(r[self.lang])}</li>" for r in det["reasons"]]
            html.append("</ul>")
        self.answers_view.setHtml("".join(html))

    def _show_timeline(self) -> None:
        html = ["<table cellpadding='3'>"]
        for entry in self.store.timeline(self.user, self.case_id):
            # Stored in UTC, shown in the user's local time.
            local = dt.datetime.fromisoformat(entry["at"].replace("Z", "+00:00")).astimezone()
            when = local.strftime("%Y-%m-%d %H:%M")
            after = entry.get("after") or {}
            detail = ""
            if entry["action"] in ("status", "approve"):
                detail = status_text(after.get("status", ""), self.lang)
                if after.get("step"):
                    detail += f" ({STEP_TEXT[after['step']][0 if self.lang == 'ja' else 1]})"
                if after.get("comment"):
                    detail += f" — {after['comment']}"
            elif entry["action"] == "decision":
                decision = self.catalog.decision_by_id.get(after.get("decision", ""))
                detail = (
                    decision.text.get(self.lang) if decision else ""
                ) + f" — {after.get('reasons', '')}"
            elif entry["action"] in ("question", "answer", "comment"):
                detail = after.get("text", "")
            elif entry["action"] in ("save", "review"):
                detail = self._field_names(after, entry["action"])
            elif entry["action"] in ("import_case", "import_decision"):
                detail = status_text(after.get("status", ""), self.lang)
            elif entry["action"] == "waive_screening":
                detail = after.get("reason", "")
            html.append(
                f"<tr><td>{escape(when)}</td><td>{escape(entry['user_login'])}</td>"
                f"<td>{escape(self._action_text(entry['action']))}</td><td>{escape(str(detail))}</td></tr>"
            )
        html.append("</table>")
        self.timeline.setHtml("".join(html))

    def _action_text(self, action: str) -> str:
        texts = {
            "create": self.tr("created"),
            "save": self.tr("check sheet edited"),
            "status": self.tr("status"),
            "review": self.tr("review sheet edited"),
            "decision": self.tr("decision"),
            "approve": self.tr("approved"),
            "question": self.tr("question to applicant"),
            "answer": self.tr("applicant's answer"),
            "attach": self.tr("attachment"),
            "comment": self.tr("comment"),
            "import_case": self.tr("case file received"),
            "import_decision": self.tr("decision file received"),
            "send": self.tr("case file written for the office"),
            "export": self.tr("file written"),
            "screen": self.tr("screened against the lists"),
            "rescreen": self.tr("screened again (new list)"),
            "screening_resolution": self.tr("list match resolved"),
            "waive_screening": self.tr("recorded as not screened"),
            "trust_key": self.tr("sender's key trusted"),
        }
        return texts.get(action, self.tr("other change"))

    def _field_names(self, keys: Any, kind: str) -> str:
        """Question or review-item texts for the ids a change touched."""
        if kind == "save":
            names = {q.id: q.text.get(self.lang) for q in self.catalog.questions.values()}
        else:
            names = {
                i.id: i.text.get(self.lang)
                for sec in self.catalog.review_sheet.sections
                for i in sec.items
            }
        return (
            "、".join(names.get(k, k) for k in sorted(keys))
            if self.lang == "ja"
            else (", ".join(names.get(k, k) for k in sorted(keys)))
        )
