"""The internal audit page: start the year's audit (seeded sample), record the programme
checklist and the per-case checks, findings with corrective actions, close it, print it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.internal_audit import RESULTS, SEVERITIES, audit_forms
from exportdesk.store import Store, StoreError
from exportdesk.store.internal_audit import InternalAudits
from exportdesk.store.users import User


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    return table


class AuditPage(QWidget):
    def __init__(self, store: Store, user: User, lang: str, year: int | None = None) -> None:
        super().__init__()
        self.store, self.user, self.lang = store, user, lang
        self.audits = InternalAudits(store)
        self.forms = audit_forms()
        self.audit: dict[str, Any] | None = None

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or store.clock().year)
        self.per_department = QSpinBox()
        self.per_department.setRange(1, 100)
        self.per_department.setValue(5)
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("random"))
        self.seed.setMaximumWidth(140)
        self.start_button = QPushButton(self.tr("Start the audit"))
        self.close_button = QPushButton(self.tr("Close the audit…"))
        self.pdf_button = QPushButton(self.tr("Audit report (PDF)…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(QLabel(self.tr("Cases per department")))
        top.addWidget(self.per_department)
        top.addWidget(QLabel(self.tr("Seed")))
        top.addWidget(self.seed)
        top.addWidget(self.start_button)
        top.addStretch(1)
        top.addWidget(self.close_button)
        top.addWidget(self.pdf_button)
        self.state = QLabel()
        self.state.setWordWrap(True)

        self.result_names = {
            "pass": self.tr("Pass"),
            "fail": self.tr("Fail"),
            "not_applicable": self.tr("Not applicable"),
        }
        # programme checklist
        self.checklist = _table(
            [
                self.tr("Standards element"),
                self.tr("ICP articles"),
                self.tr("Result"),
                self.tr("Note"),
            ]
        )
        self.item_result = self._result_combo()
        self.item_note = QLineEdit()
        self.item_button = QPushButton(self.tr("Record"))
        row = QHBoxLayout()
        row.addWidget(self.item_result)
        row.addWidget(self.item_note, 1)
        row.addWidget(self.item_button)
        programme = QWidget()
        box = QVBoxLayout(programme)
        box.addWidget(self.checklist, 1)
        box.addLayout(row)

        # sampled cases
        n = len(self.forms.case_checks)
        self.cases = _table(
            [self.tr("Case"), self.tr("Title"), *[str(i) for i in range(1, n + 1)], self.tr("Note")]
        )
        self.case_results: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for i, check in enumerate(self.forms.case_checks):
            combo = self._result_combo()
            self.case_results[check.id] = combo
            text = QLabel(f"{i + 1}. {check.text.get(lang)}")
            text.setWordWrap(True)
            grid.addWidget(text, i, 0)
            grid.addWidget(combo, i, 1)
            grid.setColumnStretch(0, 1)
        self.case_note = QLineEdit()
        self.case_note.setPlaceholderText(self.tr("Note (required when a check fails)"))
        self.case_button = QPushButton(self.tr("Record the checks"))
        sample = QWidget()
        box = QVBoxLayout(sample)
        box.addWidget(
            QLabel(
                self.tr("○ pass, × fail, － not applicable; in brackets: what the records suggest")
            )
        )
        box.addWidget(self.cases, 1)
        box.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.case_note, 1)
        row.addWidget(self.case_button)
        box.addLayout(row)

        # findings
        self.findings = _table(
            [
                self.tr("Severity"),
                self.tr("Finding"),
                self.tr("Corrective action"),
                self.tr("Owner"),
                self.tr("Due"),
                self.tr("Done"),
            ]
        )
        self.severity = QComboBox()
        for s in SEVERITIES:
            self.severity.addItem(self.forms.severities[s].get(lang), s)  # type: ignore[index]
        self.finding_text = QLineEdit()
        self.action_text = QLineEdit()
        self.owner = QComboBox()
        self.owner.addItem("—", None)
        for u in store.users():
            self.owner.addItem(u.name, u.id)
        self.due = QDateEdit(QDate.currentDate().addMonths(3))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.finding_button = QPushButton(self.tr("Add the finding"))
        self.done_button = QPushButton(self.tr("Action done…"))
        form = QFormLayout()
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Finding"), self.finding_text)
        form.addRow(self.tr("Corrective action"), self.action_text)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner, 1)
        owner_row.addWidget(QLabel(self.tr("Due")))
        owner_row.addWidget(self.due)
        form.addRow(self.tr("Owner"), owner_row)
        findings = QWidget()
        box = QVBoxLayout(findings)
        box.addWidget(self.findings, 1)
        box.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_button)
        row.addWidget(self.finding_button)
        box.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(programme, self.tr("Programme checklist"))
        self.tabs.addTab(sample, self.tr("Sampled cases"))
        self.tabs.addTab(findings, self.tr("Findings and actions"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)

        self.year.valueChanged.connect(self.load)
        self.start_button.clicked.connect(self.start)
        self.item_button.clicked.connect(self.record_item)
        self.case_button.clicked.connect(self.record_case)
        self.cases.itemSelectionChanged.connect(self._case_selected)
        self.finding_button.clicked.connect(self.add_finding)
        self.done_button.clicked.connect(lambda: self.action_done())
        self.close_button.clicked.connect(lambda: self.close_audit())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.load()

    def _result_combo(self) -> QComboBox:
        combo = QComboBox()
        for r in RESULTS:
            combo.addItem(self.result_names[r], r)
        return combo

    def _warn(self, exc: StoreError) -> None:
        QMessageBox.warning(self, self.tr("Internal audit"), exc.message(self.lang))

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        try:
            audit_id = self.audits.id_for_year(self.year.value())
            self.audit = self.audits.get(self.user, audit_id)
        except StoreError:
            self.audit = None
        audit = self.audit
        is_open = audit is not None and audit["status"] == "open"
        for w in (self.item_button, self.case_button, self.finding_button, self.close_button):
            w.setEnabled(is_open)
        self.pdf_button.setEnabled(audit is not None)
        self.done_button.setEnabled(audit is not None)
        for w in (self.start_button, self.per_department, self.seed):
            w.setEnabled(audit is None)
        if audit is None:
            self.state.setText(self.tr("No internal audit is recorded for this year."))
            for table in (self.checklist, self.cases, self.findings):
                table.setRowCount(0)
            return
        checked = sum(1 for c in audit["cases"] if c["checked_at"])
        self.state.setText(
            self.tr("%1 · seed %2 · %3 of %4 sampled cases checked · %5 finding(s)")
            .replace("%1", self.tr("Closed") if audit["status"] == "closed" else self.tr("Open"))
            .replace("%2", audit["seed"])
            .replace("%3", str(checked))
            .replace("%4", str(len(audit["cases"])))
            .replace("%5", str(len(audit["findings"])))
        )
        sep = "、" if self.lang == "ja" else ", "
        self.checklist.setRowCount(len(audit["checklist"]))
        for r, item in enumerate(audit["checklist"]):
            articles = sep.join(
                (f"第{a['number']}条" if self.lang == "ja" else f"Art. {a['number']}")
                for a in item["articles"]
            )
            values = [
                item["text"][self.lang],
                articles or "—",
                self.result_names.get(item["result"], ""),
                item["note"],
            ]
            for c, v in enumerate(values):
                self.checklist.setItem(r, c, QTableWidgetItem(v))
        self._fit(self.checklist, 0)
        marks = {"pass": "○", "fail": "×", "not_applicable": "－"}
        self.cases.setRowCount(len(audit["cases"]))
        for r, case in enumerate(audit["cases"]):
            values = [case["ref"], case["title"]]
            for check in self.forms.case_checks:
                if case["checks"]:
                    values.append(marks[case["checks"][check.id]])
                else:  # what the records suggest, in brackets until the auditor decides
                    values.append(f"({marks[case['evidence'][check.id]['suggested']]})")
            values.append(case["note"])
            for c, v in enumerate(values):
                self.cases.setItem(r, c, QTableWidgetItem(v))
        self._fit(self.cases, 1)
        self.findings.setRowCount(len(audit["findings"]))
        for r, f in enumerate(audit["findings"]):
            values = [
                self.forms.severities[f["severity"]].get(self.lang),
                f["finding"],
                f["action"],
                f["owner_name"] or "",
                f["due_date"] or "",
                (f["done_at"] or "")[:10],
            ]
            for c, v in enumerate(values):
                self.findings.setItem(r, c, QTableWidgetItem(v))
        self._fit(self.findings, 1)

    @staticmethod
    def _fit(table: QTableWidget, stretch: int) -> None:
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for col in range(table.columnCount()):
            header.setSectionResizeMode(
                col,
                QHeaderView.ResizeMode.Stretch
                if col == stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )

    def _case_selected(self) -> None:
        row = self.cases.currentRow()
        if self.audit is None or not 0 <= row < len(self.audit["cases"]):
            return
        case = self.audit["cases"][row]
        for check_id, combo in self.case_results.items():
            value = case["checks"].get(check_id) or case["evidence"][check_id]["suggested"]
            combo.setCurrentIndex(combo.findData(value))
        self.case_note.setText(case["note"])

    # --- actions ------------------------------------------------------------------------

    def start(self) -> bool:
        try:
            self.audits.start(
                self.user,
                self.year.value(),
                per_department=self.per_department.value(),
                seed=self.seed.text().strip() or None,
            )
        except StoreError as exc:
            self._warn(exc)
            return False
        self.load()
        return True

    def record_item(self) -> bool:
        row = self.checklist.currentRow()
        if self.audit is None or not 0 <= row < len(self.audit["checklist"]):
            return False
        try:
            self.audits.check_programme(
                self.user,
                self.audit["id"],
                self.audit["checklist"][row]["id"],
                self.item_result.currentData(),
                self.item_note.text(),
            )
        except StoreError as exc:
            self._warn(exc)
            return False
        self.load()
        self.checklist.selectRow(min(row + 1, self.checklist.rowCount() - 1))
        return True

    def record_case(self) -> bool:
        row = self.cases.currentRow()
        if self.audit is None or not 0 <= row < len(self.audit["cases"]):
            return False
        results = {k: combo.currentData() for k, combo in self.case_results.items()}
        try:
            self.audits.check_case(
                self.user,
                self.audit["id"],
                self.audit["cases"][row]["case_id"],
                results,
                self.case_note.text(),
            )
        except StoreError as exc:
            self._warn(exc)
            return False
        self.load()
        self.cases.selectRow(min(row + 1, self.cases.rowCount() - 1))
        return True

    def add_finding(self) -> bool:
        if self.audit is None:
            return False
        severity = self.severity.currentData()
        try:
            self.audits.add_finding(
                self.user,
                self.audit["id"],
                severity=severity,
                finding=self.finding_text.text(),
                action=self.action_text.text(),
                owner_id=self.owner.currentData(),
                due_date=self.due.date().toString("yyyy-MM-dd")
                if self.owner.currentData() is not None
                else None,
            )
        except StoreError as exc:
            self._warn(exc)
            return False
        self.finding_text.clear()
        self.action_text.clear()
        self.load()
        return True

    def action_done(self, note: str | None = None) -> bool:
        row = self.findings.currentRow()
        if self.audit is None or not 0 <= row < len(self.audit["findings"]):
            return False
        if note is None:
            note, ok = QInputDialog.getText(
                self, self.tr("Action done"), self.tr("How was it corrected?")
            )
            if not ok:
                return False
        try:
            self.audits.complete_action(self.user, self.audit["findings"][row]["id"], note)
        except StoreError as exc:
            self._warn(exc)
            return False
        self.load()
        return True

    def close_audit(self, summary: str | None = None) -> bool:
        if self.audit is None:
            return False
        if summary is None:
            summary, ok = QInputDialog.getMultiLineText(
                self, self.tr("Close the audit"), self.tr("Summary of the audit:")
            )
            if not ok:
                return False
        try:
            self.audits.close(self.user, self.audit["id"], summary)
        except StoreError as exc:
            self._warn(exc)
            return False
        self.load()
        return True

    def save_pdf(self, path: str | None = None) -> bool:
        from exportdesk.documents.audit_report import audit_report_pdf

        if self.audit is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Audit report"),
                f"internal-audit-{self.audit['year']}-{self.lang}.pdf",
                "PDF (*.pdf)",
            )
            if not path:
                return False
        lang = self.lang
        departments = {d["id"]: d[f"name_{lang}"] for d in self.store.departments()}
        inst = self.store.institution() or {}
        try:
            Path(path).write_bytes(
                audit_report_pdf(self.audit, departments, inst.get(f"name_{lang}", ""), lang)
            )
            self.store.record_export(self.user, "internal_audit", path, len(self.audit["cases"]))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Audit report"), str(exc))
            return False
        return True
