"""The professor's check sheet: rendered from forms/check_sheet, with a live result.

The widget holds no rules: what to show, what is missing and what the answers mean
come from domain.checksheet and the determination engine; saving and submitting go
through the store.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.catalog import Question
from exportdesk.domain.checksheet import CheckSheet
from exportdesk.domain.decision_view import OfficeDecision, office_decision
from exportdesk.domain.facts import FactsError
from exportdesk.domain.text_rules import max_length
from exportdesk.domain.workflow import APPLICANT_EDITABLE, status_text
from exportdesk.gui.people_link import attach_person_link
from exportdesk.gui.widgets.attachments import AttachmentsPanel
from exportdesk.gui.widgets.questions import (
    CheckList,
    ChoiceButtons,
    ComboChoice,
    CountryInput,
    DateInput,
    PercentInput,
    QuestionWidget,
    ResearchAreaPicker,
    TextInput,
)
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User

AUTOSAVE_MS = 300
REFRESH_MS = 150


def outbox_path(ref: str, round_: int) -> Path:
    """Where a member PC puts the case files it writes for the office."""
    env = os.environ.get("EXPORTDESK_OUTBOX")
    if env:
        folder = Path(env)
    else:
        from platformdirs import user_documents_path

        folder = user_documents_path() / "ExportDesk"
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"-{round_}" if round_ > 1 else ""
    return folder / f"{ref}{suffix}.exportdesk"


def local_date(stamp: str) -> str:
    """An ISO UTC time stamp as the local calendar date."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:10]
    return moment.astimezone().date().isoformat()


class ResultPanel(QFrame):
    """The live answer: no procedure needed, or send to the office, with the reasons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.missing = QLabel()
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.saved = QLabel()
        self.saved.setObjectName("saved")
        self.saved.setStyleSheet("color: #666;")
        # Shown when the applicant or their proxy saved the draft from another desk.
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("reload")
        self.reload_button.hide()
        for w in (self.heading, self.outcome, self.reasons, self.missing):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.saved)

    def show_result(self, outcome: str | None, text: str, reasons: list[str]) -> None:
        colours = {"no_procedure": "#1b5e20", "office_review": "#b71c1c", None: "#555"}
        backgrounds = {"no_procedure": "#e8f5e9", "office_review": "#ffebee", None: "#f2f2f2"}
        self.outcome.setText(text)
        self.outcome.setProperty("outcome", outcome or "")
        self.outcome.setStyleSheet(
            f"font-size: 15pt; font-weight: bold; color: {colours[outcome]};"
            f" background: {backgrounds[outcome]}; padding: 8px; border-radius: 4px;"
        )
        self.reasons.setText("".join(f"<p>・{escape(r)}</p>" for r in reasons))

    def show_decision(self, d: OfficeDecision, labels: dict[str, str]) -> None:
        """The office has spoken: its decision replaces the engine's provisional answer."""
        good = d.status in ("approved", "approved_with_conditions")
        outcome = "no_procedure" if good else "office_review"
        self.show_result(outcome, f"{labels['office']}: {d.status_text}", [])
        parts = []
        if d.decision:
            parts.append(f"<p><b>{escape(labels['decision'])}</b>: {escape(d.decision)}</p>")
        if d.conditions:
            parts.append(f"<p><b>{escape(labels['conditions'])}</b>: {escape(d.conditions)}</p>")
        if d.reasons:
            parts.append(f"<p><b>{escape(labels['reasons'])}</b>: {escape(d.reasons)}</p>")
        if d.questions:
            parts.append(f"<p><b>{escape(labels['questions'])}</b></p>")
            parts += [f"<p>・{escape(q)}</p>" for q in d.questions]
        if d.approvals:
            parts.append(f"<p><b>{escape(labels['approvals'])}</b></p>")
            parts += [
                f"<p>・{escape(a.step)}: {escape(a.name)} ({escape(a.date)})</p>"
                for a in d.approvals
            ]
        if d.decided_on:
            parts.append(f"<p>{escape(labels['decided_on'])}: {escape(d.decided_on)}</p>")
        self.reasons.setText("".join(parts))


class CheckSheetEditor(QWidget):
    """Edit one case's check sheet. Saves itself; submits through the store."""

    submitted = Signal(int)
    reload_requested = Signal(int)  # the user drops their copy for the one stored now

    def __init__(self, store: Store, user: User, case_id: int, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.catalog = store.catalog
        self.sheet = CheckSheet(self.catalog)
        self.case = store.get_case(user, case_id)
        self.case_id = case_id
        # What kind of installation this is does not change while the sheet is open;
        # asked once, not at every refresh.
        self.member = store.is_member()
        self.answers: dict[str, Any] = dict(self.case["answers"])
        self.widgets: dict[str, QuestionWidget] = {}
        self.rows: dict[str, list[QWidget]] = {}
        self.sections: dict[str, QGroupBox] = {}
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        # Typing refreshes the result once the fingers rest, not at every key.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        self.header = QLabel()
        self.header.setObjectName("case_header")
        self.header.setWordWrap(True)
        self.questions_box = self._office_questions()

        form = QWidget()
        form_layout = QVBoxLayout(form)
        for section in self.catalog.check_sheet.sections:
            form_layout.addWidget(self._build_section(section))
        self.attachments = AttachmentsPanel(store, user, case_id, lang)
        form_layout.addWidget(self.attachments)
        form_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(form)

        self.result = ResultPanel()
        self.result.reload_button.clicked.connect(lambda: self.reload_requested.emit(case_id))
        self.result.heading.setText(self.tr("Result"))
        splitter = QSplitter()
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.result)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.prev_button = QPushButton(self.tr("Previous section"))
        self.next_button = QPushButton(self.tr("Next section"))
        self.save_button = QPushButton(self.tr("Save"))
        self.print_button = QPushButton(self.tr("Print / Save as PDF"))
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(lambda: self.save_pdf())
        self.send_button = QPushButton(self.tr("Send to the office as a file…"))
        self.send_button.setToolTip(
            self.tr("For an office that works on another PC: submits and writes a signed case file")
        )
        self.send_button.clicked.connect(lambda: self.send_file())
        # On a campus database the office already has the case: no file to carry.
        self.send_button.setVisible(store.case_files_needed())
        self.submit_button = QPushButton(self.tr("Submit to the office"))
        self.submit_button.setObjectName("submit")
        self.submit_button.setDefault(True)
        self.prev_button.setToolTip("Ctrl+PgUp")
        self.next_button.setToolTip("Ctrl+PgDown")
        self.save_button.setToolTip("Ctrl+S")
        self.submit_button.setToolTip("Ctrl+Enter")
        self.prev_button.clicked.connect(lambda: self.move_section(-1))
        self.next_button.clicked.connect(lambda: self.move_section(1))
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.submit_button)
        for keys, slot in (
            ("Ctrl+PgUp", lambda: self.move_section(-1)),
            ("Ctrl+PgDown", lambda: self.move_section(1)),
            ("Ctrl+S", self.save),
            ("Ctrl+P", lambda: self.save_pdf()),
            ("Ctrl+Return", self.submit),
            ("Ctrl+Enter", self.submit),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        if self.questions_box:
            layout.addWidget(self.questions_box)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        for qid, widget in self.widgets.items():
            widget.set_value(self.answers.get(qid))
            widget.changed.connect(lambda qid=qid: self._on_changed(qid))
        self.refresh()
        # The person the case is about, from the People records (gui/people_link.py).
        self.person_link = None
        self.person_link = attach_person_link(self)

    # --- building -------------------------------------------------------------

    def _office_questions(self) -> QGroupBox | None:
        questions = [m for m in self.case["messages"] if m["kind"] == "question"]
        if not questions or self.case["status"] != "returned":
            return None
        box = QGroupBox(self.tr("Questions from the export control office"))
        lay = QVBoxLayout(box)
        for m in questions:
            label = QLabel(f"{m['user_name']} ({m['at'][:10]}): {m['body']}")
            label.setWordWrap(True)
            lay.addWidget(label)
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("reply")
        self.reply.setPlaceholderText(self.tr("Your answer (sent with the resubmission)"))
        self.reply.setFixedHeight(60)
        lay.addWidget(self.reply)
        return box

    def _make_widget(self, q: Question) -> QuestionWidget:
        lang = self.lang
        yes, no, unknown = self.tr("Yes"), self.tr("No"), self.tr("Don't know")
        if q.type == "yes_no":
            return ChoiceButtons(q, [(True, yes), (False, no)])
        if q.type == "yes_no_unknown":
            return ChoiceButtons(q, [("yes", yes), ("no", no), ("unknown", unknown)])
        if q.type == "choice":
            options = [(oid, text[lang]) for oid, text in self.sheet.options(q)]
            if len(options) <= 3:
                return ChoiceButtons(q, options)
            return ComboChoice(q, options, self.tr("— choose —"))
        if q.type == "text":
            widget = TextInput(q)
            limit = max_length(q)
            if isinstance(widget.edit, QLineEdit):
                widget.edit.setMaxLength(limit)
            if q.id == "title":  # the title prints in headers: show what is left
                counter = QLabel()
                counter.setObjectName("title_counter")
                counter.setStyleSheet("color: #666;")

                def count(_text: str = "", w: TextInput = widget, c: QLabel = counter) -> None:
                    c.setText(f"{len(w.value())}/{limit}")

                widget.edit.textChanged.connect(count)
                widget.layout().addWidget(counter)
                count()
            return widget
        if q.type == "date":
            return DateInput(q)
        if q.type == "country":
            return CountryInput(q, self.catalog, lang, self.tr("Type a country name or code"))
        if q.type == "percent":
            return PercentInput(q)
        if q.type == "multi" and q.options_from == "research_areas":
            return ResearchAreaPicker(
                q, self.catalog, lang, self.tr("Search by name or KAKENHI code")
            )
        options = [(oid, text[lang]) for oid, text in self.sheet.options(q)]
        return CheckList(q, options, columns=1 if q.options_from == "red_flags" else 3)

    def _build_section(self, section: Any) -> QGroupBox:
        box = QGroupBox(section.title.get(self.lang))
        box.setObjectName(f"section:{section.id}")
        grid = QGridLayout(box)
        # Labels get a share of a wide window; on a narrow one they wrap at their minimum.
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        row = 0
        if section.help:
            hint = QLabel(section.help.get(self.lang))
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555;")
            grid.addWidget(hint, row, 0, 1, 3)
            row += 1
        for q in section.questions:
            label = QLabel(q.text.get(self.lang) + (" *" if q.required else ""))
            label.setObjectName(f"label:{q.id}")
            label.setWordWrap(True)
            label.setMinimumWidth(180)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            widget = self._make_widget(q)
            label.setBuddy(widget.focus_target())
            help_text = self._help_text(q)
            row_widgets: list[QWidget] = [label, widget]
            if help_text:
                label.setToolTip(help_text)
                widget.setToolTip(help_text)
                button = QToolButton()
                button.setText("?")
                button.setObjectName(f"help:{q.id}")
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setToolTip(help_text)
                button.clicked.connect(lambda _=False, q=q: self.show_help(q))
                grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
                row_widgets.append(button)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
            self.widgets[q.id] = widget
            self.rows[q.id] = row_widgets
            row += 1
        self.sections[section.id] = box
        return box

    def _help_text(self, q: Question) -> str:
        parts = [q.help.get(self.lang)] if q.help else []
        if q.category:
            cat = self.catalog.category_by_id[q.category]
            category = self.tr("Category")
            parts.append(f"{category} {cat.id}: {cat.short.get(self.lang)}")
        return "\n".join(parts)

    def show_help(self, q: Question) -> None:
        parts = [f"<p>{escape(q.help.get(self.lang))}</p>"] if q.help else []
        if q.category:
            cat = self.catalog.category_by_id[q.category]
            category = self.tr("Category")
            parts.append(f"<h4>{category} {cat.id}: {escape(cat.short.get(self.lang))}</h4>")
            parts.append(f"<p>{escape(cat.definition.get(self.lang))}</p>")
            for exc in cat.exceptions:
                parts.append(
                    f"<p>{escape(exc.label.get(self.lang))} {escape(exc.text.get(self.lang))}</p>"
                )
            examples = self.tr("Example cases")
            parts.append(f"<p><b>{examples}</b></p><ul>")
            parts += [f"<li>{escape(e.text.get(self.lang))}</li>" for e in cat.examples]
            parts.append("</ul>")
        if q.exemption:
            ex = self.catalog.exemption_by_id[q.exemption]
            parts.append(
                f"<h4>{escape(ex.name.get(self.lang))}</h4><p>{escape(ex.description.get(self.lang))}</p>"
            )
            parts += [f"<p>・{escape(c.get(self.lang))}</p>" for c in ex.cases]
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Help"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText("".join(parts))
        box.open()
        self.help_box = box

    # --- state ------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        owner = self.user.id in (self.case["applicant_id"], self.case["filed_by_id"])
        return owner and self.case["status"] in APPLICANT_EDITABLE

    def _on_changed(self, qid: str) -> None:
        value = self.widgets[qid].value()
        if self.answers.get(qid) == value:
            return
        self.answers[qid] = value
        self._dirty = True
        self._timer.start()
        if isinstance(self.widgets[qid], TextInput):
            self._refresh_timer.start()
        else:
            self.refresh()

    def refresh(self) -> None:
        """Show the questions that apply, and the result so far."""
        self._refresh_timer.stop()
        for section in self.catalog.check_sheet.sections:
            self.sections[section.id].setVisible(self.sheet.section_visible(section, self.answers))
        for qid, row_widgets in self.rows.items():
            shown = self.sheet.visible(qid, self.answers)
            for w in row_widgets:
                w.setVisible(shown)
        editable = self.editable
        for w in self.widgets.values():
            w.setEnabled(editable)
        self.attachments.set_editable(editable)
        self.submit_button.setEnabled(editable)
        member = self.member
        owner = self.user.id in (self.case["applicant_id"], self.case["filed_by_id"])
        resend = member and owner and self.case["status"] == "submitted"
        self.send_button.setEnabled(editable or resend)
        if member:
            self.send_button.setText(
                self.tr("Write the case file again…") if resend else self.tr("Save case file as…")
            )
        self.save_button.setEnabled(editable)
        self._update_header()
        self._update_result()

    def _update_header(self) -> None:
        c = self.case
        activity = self.catalog.activity_by_id.get(self.answers.get("activity") or "")
        title = self.answers.get("title") or self.tr("(untitled)")
        parts = [f"<b>{escape(c['ref'])}</b>", escape(str(title))]
        if activity:
            parts.append(escape(activity.name.get(self.lang)))
        status = self.tr("Status")
        state = status_text(c["status"], self.lang)
        if c["status"] == "submitted" and c.get("sent_at"):
            state = self.tr("sent to the office on %1, awaiting decision").replace(
                "%1", local_date(c["sent_at"])
            )
        parts.append(f"{status}: {escape(state)}")
        if self._dirty and getattr(self, "_save_error", False):
            # The title above is what was typed, not what is stored: say so.
            unsaved = self.tr("changes not saved")
            parts.append(f"<i>{escape(unsaved)}</i>")
        self.header.setText(" — ".join(parts))

    def _update_result(self) -> None:
        decided = office_decision(self.case, self.catalog, self.lang)
        if decided is not None and decided.status != "returned":
            self.result.missing.setText("")
            self.result.show_decision(
                decided,
                {
                    "office": self.tr("Decision of the export control office"),
                    "decision": self.tr("Decision"),
                    "conditions": self.tr("Conditions"),
                    "reasons": self.tr("Reasons"),
                    "questions": self.tr("Questions from the office"),
                    "approvals": self.tr("Approved by"),
                    "decided_on": self.tr("Decided on"),
                },
            )
            return
        missing = self.sheet.missing(self.answers)
        if missing:
            items = "".join(f"<li>{escape(q.text.get(self.lang))}</li>" for q in missing)
            still = self.tr("Still to answer")
            self.result.missing.setText(f"<b>{still}</b><ul>{items}</ul>")
        else:
            done = self.tr("All required answers given.")
            self.result.missing.setText(f"<b>{done}</b>")
        if not self.answers.get("activity"):
            self.result.show_result(None, self.tr("Choose the activity to begin."), [])
            return
        try:
            _facts, det = self.store.evaluate_answers(self.answers)
        except FactsError as exc:
            self.result.show_result(None, self.tr("Some answers cannot be read yet."), [str(exc)])
            return
        text = det["outcome_text"][self.lang]
        if missing:
            text = self.tr("So far: ") + text
        self.result.show_result(det["outcome"], text, [r[self.lang] for r in det["reasons"]])

    # --- saving and submitting -----------------------------------------------------

    def save(self) -> bool:
        self._timer.stop()
        if not self._dirty or not self.editable:
            return True
        try:
            # Autosave runs while the user types: keep the messages and attachments already
            # loaded and take the saved row from save_draft instead of reading the case again.
            # The revision loaded: a proxy's or the professor's save since is not overwritten.
            saved = self.store.save_draft(
                self.user, self.case_id, self.answers, expected_revision=self.case["revision"]
            )
            self.case = {**self.case, **saved}
        except StoreError as exc:
            # What was typed stays on screen (self.answers, the widgets) for the next Save.
            self.result.status.setText(exc.message(self.lang))
            self.result.saved.setText(self.tr("Not saved"))
            self._save_error = True
            # Someone else saved this draft: what was typed stays until the user reloads.
            self.result.reload_button.setVisible(exc.code == "draft_conflict")
            self._update_header()
            return False
        self._dirty = False
        if getattr(self, "_save_error", False):  # the problem is fixed: say no more of it
            self.result.status.setText("")
            self._save_error = False
            self._update_header()
        self.result.saved.setText(self.tr("Saved"))
        if self.person_link is not None:
            self.person_link.saved()
        return True

    def submit(self) -> None:
        if not self.editable or not self.save():
            return
        self.result.status.setText("")
        try:
            reply = getattr(self, "reply", None)
            if reply is not None and reply.toPlainText().strip():
                self.store.answer_questions(self.user, self.case_id, reply.toPlainText().strip())
            if self.member:
                # The office works elsewhere: submitting is writing the signed case file.
                self.send_file(str(outbox_path(self.case["ref"], self.case["round"])))
                return
            self.case = self.store.submit(self.user, self.case_id)
        except StoreError as exc:
            self.result.status.setText(exc.message(self.lang))
            QMessageBox.warning(self, self.tr("Cannot submit yet"), exc.message(self.lang))
            return
        det = self.case["determination"]
        self.result.status.setText(
            self.tr("Submitted. The sheet is filed with the export control office.")
            + " "
            + det["outcome_text"][self.lang]
        )
        self.refresh()
        self.submitted.emit(self.case_id)

    def save_pdf(self, path: str | None = None) -> str | None:
        """The filled check sheet (and review sheet or decision, once there) as a PDF."""
        from exportdesk.gui.widgets.print_case import save_case_pdf

        self.save()
        saved = save_case_pdf(self, self.store, self.user, self.case_id, self.lang, path)
        if saved:
            self.result.status.setText(self.tr("Saved to %1").replace("%1", saved))
        return saved

    def send_file(self, path: str | None = None, open_mail: bool | None = None) -> str | None:
        """Submit and write the signed case file; offer to open the mail program."""
        from PySide6.QtCore import QUrl, QUrlQuery
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QFileDialog

        from exportdesk.exchange import Exchange, ExchangeError

        if not self.save():
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Send to the office"),
                f"{self.case['ref']}.exportdesk",
                "ExportDesk (*.exportdesk)",
            )
        if not path:
            return None
        try:
            Exchange(self.store).write_case(self.user, self.case_id, path)
        except (StoreError, ExchangeError) as exc:
            self.result.status.setText(exc.message(self.lang))
            QMessageBox.warning(self, self.tr("Cannot submit yet"), exc.message(self.lang))
            return None
        except OSError as exc:
            text = self.tr("The case file could not be written: %1").replace(
                "%1", exc.strerror or str(exc)
            )
            self.result.status.setText(text)
            QMessageBox.warning(self, self.tr("Send to the office"), text)
            return None
        self.case = self.store.get_case(self.user, self.case_id)
        self.refresh()
        self.result.status.setText(
            self.tr("Submitted: the case file for the office is saved as %1.").replace("%1", path)
        )
        self.submitted.emit(self.case_id)
        inst = self.store.institution() or {}
        url = QUrl(f"mailto:{inst.get('office_email', '')}")
        query = QUrlQuery()
        query.addQueryItem("subject", f"[ExportDesk] {self.case['ref']} {self.case['title']}")
        query.addQueryItem("body", self.tr("Case file attached: %1").replace("%1", path))
        url.setQuery(query)
        self.mail_url = url
        if open_mail:
            QDesktopServices.openUrl(url)
        elif open_mail is None:
            # Not modal: the professor may go on working and mail the file later.
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Send to the office"),
                self.tr(
                    "The case file is ready: %1\nSend it to the export control office (%2)"
                    " by e-mail. Open your mail program now?"
                )
                .replace("%1", path)
                .replace("%2", inst.get("office_email") or "—"),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                self,
            )
            box.button(QMessageBox.StandardButton.Open).setText(self.tr("Open mail program"))
            box.accepted.connect(lambda: QDesktopServices.openUrl(url))
            box.open()
            self.sent_box = box
        return path

    def move_section(self, step: int) -> None:
        visible = [s for s in self.catalog.check_sheet.sections if self.sections[s.id].isVisible()]
        if not visible:
            return
        focus = self.focusWidget()
        current = 0
        for i, s in enumerate(visible):
            if focus is not None and self.sections[s.id].isAncestorOf(focus):
                current = i
        target = visible[max(0, min(len(visible) - 1, current + step))]
        self.scroll.ensureWidgetVisible(self.sections[target.id])
        for q in target.questions:
            if self.sheet.visible(q.id, self.answers):
                self.widgets[q.id].focus_target().setFocus(Qt.FocusReason.TabFocusReason)
                break

    def closeEvent(self, event: Any) -> None:
        self.save()
        super().closeEvent(event)
