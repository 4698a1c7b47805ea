"""The Statistics page: figures for a year as bars with their numbers, a click on a bar
lists the cases behind it; the annual report PDF and its section texts from here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.annual_report import SECTIONS, heading
from exportdesk.domain.statistics import TURNAROUND_EDGES, Period, PeriodError, bin_labels
from exportdesk.domain.workflow import status_text
from exportdesk.gui.widgets.bar_chart import Bar, BarChart
from exportdesk.store import Store, StoreError
from exportdesk.store.stats import EUL_RESOLUTIONS, Statistics, Summary
from exportdesk.store.users import User

VIEWS = (
    "month",
    "activity",
    "outcome",
    "decision",
    "country_group",
    "department",
    "turnaround",
    "eul",
    "licences",
)


class StatisticsPage(QWidget):
    open_case = Signal(int)

    def __init__(self, store: Store, user: User, lang: str, year: int | None = None) -> None:
        super().__init__()
        self.store = store
        self.user = user
        self.lang = lang
        self.stats = Statistics(store)
        self.summary: Summary | None = None
        self.view = "month"

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or store.clock().year)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Calendar year"), "calendar")
        self.kind.addItem(self.tr("Fiscal year (April–March)"), "fiscal")
        self.report_button = QPushButton(self.tr("Annual report (PDF)…"))
        self.texts_button = QPushButton(self.tr("Report texts…"))
        self.texts_button.setVisible(user.has("office") or user.has("admin"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.texts_button)
        top.addWidget(self.report_button)
        self.headline = QLabel()
        self.headline.setWordWrap(True)

        self.views = QListWidget()
        self.views.setFixedWidth(220)
        titles = {
            "month": self.tr("By month and activity"),
            "activity": self.tr("By activity"),
            "outcome": self.tr("By outcome"),
            "decision": self.tr("By decision"),
            "country_group": self.tr("By country group and outcome"),
            "department": self.tr("By department"),
            "turnaround": self.tr("Review time"),
            "eul": self.tr("End User List hits"),
            "licences": self.tr("Licences applied for"),
        }
        for view in VIEWS:
            self.views.addItem(titles[view])
        self.chart = BarChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        self.hint = QLabel()
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(self._open_row)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.hint)
        lower_layout.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scroll)
        split.addWidget(lower)
        split.setSizes([300, 200])
        body = QHBoxLayout()
        body.addWidget(self.views)
        body.addWidget(split, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addLayout(body, 1)

        self.rows: list[dict[str, Any]] = []
        self.year.valueChanged.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.views.currentRowChanged.connect(self._view_changed)
        self.chart.clicked.connect(self.drill_down)
        self.report_button.clicked.connect(lambda: self.save_report())
        self.texts_button.clicked.connect(lambda: self.edit_texts())
        self.refresh()
        self.views.setCurrentRow(0)

    # --- figures ------------------------------------------------------------------------

    def period(self) -> Period:
        year = self.year.value()
        if self.kind.currentData() == "fiscal":
            return Period.fiscal_year(year)
        return Period.calendar_year(year)

    def refresh(self) -> None:
        try:
            self.summary = self.stats.summary(self.user, self.period())
        except (StoreError, PeriodError) as exc:
            self.summary = None
            self.headline.setText(exc.message(self.lang))
            self.chart.set_data([])
            return
        s = self.summary
        t = s.turnaround_all
        days = self.tr("%1 d")
        median = "–" if t.median is None else days.replace("%1", f"{t.median:.1f}")
        p90 = "–" if t.p90 is None else days.replace("%1", f"{t.p90:.1f}")
        self.headline.setText(
            self.tr(
                "Cases filed: %1 · needing review: %2 · licences applied for: %3 · "
                "review time median %4, 90th percentile %5 · End User List hits: %6 "
                "(unresolved %7)"
            )
            .replace("%1", str(s.total))
            .replace("%2", str(s.counts["outcome"].get("office_review", 0)))
            .replace("%3", str(s.licences))
            .replace("%4", median)
            .replace("%5", p90)
            .replace("%6", str(sum(s.eul_hits.values())))
            .replace("%7", str(s.eul_hits["unresolved"]))
        )
        self.show_view(self.view)

    def _view_changed(self, row: int) -> None:
        if 0 <= row < len(VIEWS):
            self.show_view(VIEWS[row])

    def show_view(self, view: str) -> None:
        self.view = view
        s = self.summary
        self._clear_table()
        if s is None:
            return
        label = self.stats.label
        lang = self.lang
        self.chart.number_format = "{:g}"
        if view == "month":
            activities = sorted(s.counts["activity"], key=lambda k: -s.counts["activity"][k])
            bars = [
                Bar(m, m, [float(s.activity_by_month[m].get(a, 0)) for a in activities])
                for m in s.counts["month"]
            ]
            self.chart.set_data(bars, [label("activity", a, lang) for a in activities])
        elif view == "country_group":
            outcomes = sorted(k for k in s.counts["outcome"])
            groups = sorted(s.counts["country_group"], key=lambda k: -s.counts["country_group"][k])
            bars = [
                Bar(
                    g,
                    label("country_group", g, lang),
                    [float(s.group_by_outcome.get(g, {}).get(o, 0)) for o in outcomes],
                )
                for g in groups
            ]
            self.chart.set_data(bars, [label("outcome", o, lang) for o in outcomes])
        elif view == "department":
            bars = [
                Bar(
                    d["id"],
                    label("department", d["id"], lang),
                    [float(s.counts["department"].get(d["id"], 0))],
                )
                for d in self.stats.departments(self.user)
            ]
            if s.counts["department"].get(None):
                bars.append(
                    Bar(
                        None, label("department", None, lang), [float(s.counts["department"][None])]
                    )
                )
            self.chart.set_data(bars)
        elif view == "turnaround":
            labels = bin_labels(TURNAROUND_EDGES, lang)
            self.chart.set_data(
                [Bar(i, labels[i], [float(n)]) for i, n in enumerate(s.turnaround_histogram)]
            )
            self._turnaround_table()
        elif view == "eul":
            self.chart.set_data(
                [Bar(k, label("eul", k, lang), [float(s.eul_hits[k])]) for k in EUL_RESOLUTIONS]
            )
        elif view == "licences":
            self.chart.set_data(
                [
                    Bar(
                        d["id"],
                        label("department", d["id"], lang),
                        [float(s.licences_by_department.get(d["id"], 0))],
                    )
                    for d in self.stats.departments(self.user)
                ]
            )
        else:
            items = sorted(s.counts[view].items(), key=lambda kv: -kv[1])
            self.chart.set_data([Bar(k, label(view, k, lang), [float(n)]) for k, n in items])
        if view != "turnaround":
            self.hint.setText(self.tr("Click a bar to list its cases."))

    # --- drill down -----------------------------------------------------------------------

    def drill_down(self, key: Any) -> None:
        if self.view == "turnaround":
            return
        if self.view == "eul":
            dim, value, also = "eul_hit", None, None
        elif self.view == "licences":
            dim, value, also = "licence", None, ("department", key)
        else:
            dim, value, also = self.view, key, None
        try:
            self.rows = self.stats.cases_behind(self.user, self.period(), dim, value, also=also)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Statistics"), exc.message(self.lang))
            return
        bar = next((b for b in self.chart.bars if b.key == key), None)
        self.hint.setText(
            self.tr("Cases behind “%1”: %2 (double-click to open)")
            .replace("%1", bar.label if bar else str(key))
            .replace("%2", str(len(self.rows)))
        )
        headers = [
            self.tr("Reference"),
            self.tr("Status"),
            self.tr("Title"),
            self.tr("Counterpart"),
            self.tr("Country"),
            self.tr("Filed"),
        ]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = [
                row["ref"],
                status_text(row["status"], self.lang),
                row["title"],
                row["counterpart_name"],
                row["counterpart_country"],
                (row["submitted_at"] or "")[:10],
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _turnaround_table(self) -> None:
        s = self.summary
        assert s is not None
        headers = [
            self.tr("Department"),
            self.tr("Decided"),
            self.tr("Median (days)"),
            self.tr("90th percentile (days)"),
        ]
        self.hint.setText(self.tr("Review time from filing to decision, by department"))
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        depts = self.stats.departments(self.user)
        self.table.setRowCount(len(depts))
        for r, d in enumerate(depts):
            t = s.turnaround_by_department[d["id"]]
            values = [
                self.stats.label("department", d["id"], self.lang),
                str(t.count),
                "–" if t.median is None else f"{t.median:.1f}",
                "–" if t.p90 is None else f"{t.p90:.1f}",
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _clear_table(self) -> None:
        self.rows = []
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.hint.setText("")

    def _open_row(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_case.emit(int(self.rows[row]["id"]))

    # --- the annual report ------------------------------------------------------------------

    def save_report(self, path: str | None = None) -> bool:
        from exportdesk.documents.report import annual_report_pdf

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Annual report"),
                f"annual-report-{self.year.value()}-{self.lang}.pdf",
                "PDF (*.pdf)",
            )
            if not path:
                return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = self.stats.report_data(self.user, self.year.value(), self.lang, self.period())
            Path(path).write_bytes(annual_report_pdf(data))
            self.store.record_export(self.user, "annual_report", path, data.total)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Annual report"), exc.message(self.lang))
            return False
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Annual report"), str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def edit_texts(self) -> ReportTextsDialog:
        dialog = ReportTextsDialog(self.stats, self.user, self.year.value(), self.lang, self)
        dialog.open()
        return dialog


class ReportTextsDialog(QDialog):
    """The office's text for each section of the annual report (empty: the drafted default)."""

    def __init__(
        self, stats: Statistics, user: User, year: int, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.stats, self.user, self.year, self.lang = stats, user, year, lang
        self.setWindowTitle(self.tr("Report texts %1").replace("%1", str(year)))
        self.section = QComboBox()
        for s in SECTIONS:
            self.section.addItem(heading(s, lang), s)
        self.edit = QPlainTextEdit()
        self.default = QLabel()
        self.default.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.section)
        layout.addWidget(self.edit)
        layout.addWidget(
            QLabel(self.tr("Left empty, the report prints the text drafted from the figures."))
        )
        layout.addWidget(buttons)
        self.section.currentIndexChanged.connect(self.load)
        self.resize(560, 360)
        self.load()

    def load(self) -> None:
        texts = self.stats.report_texts(self.year, self.lang)
        self.edit.setPlainText(texts.get(self.section.currentData(), ""))

    def save(self) -> bool:
        try:
            self.stats.save_report_text(
                self.user, self.year, self.lang, self.section.currentData(), self.edit.toPlainText()
            )
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Report texts"), exc.message(self.lang))
            return False
        return True
