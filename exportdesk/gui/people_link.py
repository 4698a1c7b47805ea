"""On a check sheet: the recorded person a case is about.

Choosing the person links the case to their record and fills the residency and category
answers still empty from their latest declaration, saying how old it is. When the sheet
is saved with an answer that differs from the record, the store opens a re-check for the
office. The editor calls `attach_person_link(editor)` once and `link.saved()` after saving.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from exportdesk.gui.people_page import person_name
from exportdesk.store import StoreError

# Beyond this many visible people a drop-down is no help (the office sees everyone).
MAX_CHOICES = 500


class PersonLink(QWidget):
    def __init__(self, editor: Any, people: list[dict[str, Any]]) -> None:
        super().__init__()
        self.setObjectName("person_link")
        self.editor = editor
        self.store = editor.store
        self.user = editor.user
        self.combo = QComboBox()
        self.combo.setObjectName("person_choice")
        self.combo.addItem(self.tr("(no recorded person)"), None)
        for row in people:
            label = person_name(row)
            if row.get("external_id"):
                label = f"{row['external_id']} {label}"
            self.combo.addItem(label, row["id"])
        current = editor.case.get("person_id")
        if current is not None and self.combo.findData(current) < 0:
            self.combo.addItem(f"#{current}", current)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.setEnabled(editor.editable)
        self.combo.currentIndexChanged.connect(lambda _i: self.link(self.combo.currentData()))
        self.note = QLabel()
        self.note.setObjectName("person_link_note")
        self.note.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Person on record:")))
        layout.addWidget(self.combo)
        layout.addWidget(self.note, 1)
        self.show_record()

    def link(self, person_id: int | None) -> None:
        try:
            self.store.link_case_person(self.user, self.editor.case_id, person_id)
        except StoreError as exc:
            self.note.setText(exc.message(self.editor.lang))
            return
        self.editor.case = {**self.editor.case, "person_id": person_id}
        self.fill()

    def fill(self) -> None:
        """Empty answers about the person take the values on record."""
        record = self.store.person_answers_for_case(self.user, self.editor.case_id)
        if record is not None and self.editor.editable:
            filled = False
            for qid, value in record["answers"].items():
                if qid in self.editor.widgets and self.editor.answers.get(qid) in (None, ""):
                    self.editor.answers[qid] = value
                    self.editor.widgets[qid].set_value(value)
                    filled = True
            if filled:
                self.editor._dirty = True
                self.editor.save()
                self.editor.refresh()
        self.show_record(record)

    def show_record(self, record: dict[str, Any] | None = None) -> None:
        if record is None:
            record = self.store.person_answers_for_case(self.user, self.editor.case_id)
        if record is None:
            self.note.setText("")
        elif record["declared_on"] is None:
            self.note.setText(self.tr("No declaration on record."))
        else:
            self.note.setText(
                self.tr("Answers from the declaration of %1 (%2 days old).")
                .replace("%1", record["declared_on"].isoformat())
                .replace("%2", str(record["age_days"]))
            )
        self.note.setStyleSheet("")

    def saved(self) -> None:
        """After a save: an answer unlike the record opens a re-check for the office."""
        if not self.editor.case.get("person_id"):
            return
        differ = self.store.note_case_answers(self.user, self.editor.case_id, self.editor.answers)
        if differ:
            questions = self.editor.catalog.questions
            names = ", ".join(
                questions[q].text.get(self.editor.lang) if q in questions else q for q in differ
            )
            self.note.setText(
                self.tr("Differs from the person's record (%1): the office will re-check.").replace(
                    "%1", names
                )
            )
            self.note.setStyleSheet("color: #c00000;")


def attach_person_link(editor: Any) -> PersonLink | None:
    """Put the person choice above the check sheet when there is anyone to choose."""
    people = editor.store.list_people(editor.user, limit=MAX_CHOICES + 1)
    if not editor.case.get("person_id") and not (0 < len(people) <= MAX_CHOICES):
        return None
    link = PersonLink(editor, people if len(people) <= MAX_CHOICES else [])
    editor.layout().insertWidget(1, link)
    return link


class CaseNotes(QLabel):
    """For the office on a case: an applicant without valid training, open re-checks."""

    def __init__(self, editor: Any) -> None:
        super().__init__()
        self.setObjectName("case_people_notes")
        self.setWordWrap(True)
        self.setStyleSheet("color: #c00000;")
        store, user, case_id = editor.store, editor.user, editor.case_id
        lines = []
        training = store.case_applicant_training(user, case_id)
        if training["state"] == "none":
            lines.append(self.tr("The applicant has no export-control training on record."))
        elif training["state"] == "expired":
            lines.append(
                self.tr("The applicant's export-control training expired on %1.").replace(
                    "%1", training["expires_on"]
                )
            )
        for recheck in store.case_rechecks(user, case_id):
            lines.append(
                self.tr("Re-check open for the person: %1").replace(
                    "%1", store.reason_text(recheck["reason"], editor.lang)
                )
            )
        self.setText("\n".join(lines))


def case_people_notes(editor: Any) -> CaseNotes | None:
    """The notes for the office, or None when there is nothing to say or no office role."""
    if not editor.user.has("office"):
        return None
    notes = CaseNotes(editor)
    return notes if notes.text() else None
