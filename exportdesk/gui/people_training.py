"""Recording export-control training (METI's e-learning, seminars) for a person on the
People screen, or for an applicant: the course, the day it was taken, its expiry."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from exportdesk.domain.people import default_people_rules
from exportdesk.gui.widgets.date_edit import DateEdit
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


def course_text(course: str, lang: str) -> str:
    """A course's name in the user's language when it is one of forms/people.yaml's."""
    return default_people_rules().label("training_courses", course, lang)


class TrainingDialog(QDialog):
    """For one person (person_id) or for an applicant chosen in the dialog."""

    recorded = Signal(int)

    def __init__(
        self,
        store: Store,
        user: User,
        lang: str,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.person_id = person_id
        self.setWindowTitle(self.tr("Record training"))
        form = QFormLayout(self)
        self.applicant = QComboBox()
        self.applicant.setObjectName("applicant")
        if person_id is None:
            for account in store.users():
                if account.has("applicant"):
                    self.applicant.addItem(f"{account.name} ({account.login})", account.id)
            form.addRow(self.tr("Applicant"), self.applicant)
        else:
            person = store.get_person(user, person_id)
            name = " ".join(x for x in (person["family_name"], person["given_name"]) if x)
            form.addRow(self.tr("Person"), QLabel(name))
        self.course = QComboBox()
        self.course.setObjectName("course")
        self.course.setEditable(True)
        self.course.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for entry in default_people_rules().training_courses:
            self.course.addItem(entry.text.get(lang), entry.id)
        self.course.lineEdit().setPlaceholderText(self.tr("Course, or type another"))
        self.taken_on = DateEdit("taken_on")
        self.expires_on = DateEdit("expires_on")
        self.expires_on.setPlaceholderText(self.tr("default"))
        months = default_people_rules().reminders.training_valid_months
        self.expires_on.setToolTip(
            self.tr("Empty: valid %1 months from the day taken").replace("%1", str(months))
        )
        form.addRow(self.tr("Course"), self.course)
        form.addRow(self.tr("Taken on"), self.taken_on)
        form.addRow(self.tr("Expires on"), self.expires_on)
        self.message = QLabel()
        self.message.setObjectName("training_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c00000;")
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form.addRow(buttons)
        self.fields = {"course": self.course, "taken_on": self.taken_on}
        self.fields["expires_on"] = self.expires_on
        self.labels = {
            "course": self.tr("Course"),
            "taken_on": self.tr("Taken on"),
            "expires_on": self.tr("Expires on"),
            "person_id / user_id": self.tr("Applicant"),
        }

    def course_value(self) -> str:
        """The course's id when one of the offered courses is chosen, else the typed text."""
        text = self.course.currentText().strip()
        index = self.course.currentIndex()
        if index >= 0 and text == self.course.itemText(index):
            return str(self.course.itemData(index))
        return text

    def save(self) -> bool:
        self.message.setText("")
        target = (
            {"person_id": self.person_id}
            if self.person_id is not None
            else {"user_id": self.applicant.currentData()}
        )
        try:
            tid = self.store.record_training(
                self.user,
                course=self.course_value(),
                taken_on=self.taken_on.text().strip(),
                expires_on=self.expires_on.text().strip() or None,
                **target,
            )
        except StoreError as exc:
            detail = str(exc.values.get("detail", "")) if exc.code == "invalid" else ""
            if detail in self.labels:
                text = self.tr("Please check: %1").replace("%1", self.labels[detail])
                why = exc.values.get("why")
                self.message.setText(text + ("\n" + why[self.lang] if why else ""))
            else:
                self.message.setText(exc.message(self.lang))
            return False
        self.recorded.emit(tid)
        self.accept()
        return True
