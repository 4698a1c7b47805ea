"""The window form for a person's record: new or edited, every field the store keeps.

The store checks everything and refuses what is wrong; the form shows its refusal next
to the field it names, in the user's language, and stays open with nothing changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.people import PERSON_DATES, RECHECK_FIELDS, default_people_rules
from exportdesk.gui.widgets.date_edit import DateEdit
from exportdesk.gui.widgets.questions import CountryInput
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User

DATE_FIELDS = PERSON_DATES
TEXT_FIELDS = ("external_id", "family_name", "given_name", "name_native", "supervisor", "email")
TEXT_FIELDS += ("funding",)


class PersonForm(QDialog):
    """New person (person_id None) or edit one; `saved` carries the id and the re-checks
    the save opened (their reasons, as the store words them)."""

    saved = Signal(int, list)

    def __init__(
        self,
        store: Store,
        user: User,
        lang: str,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # Asked first: a refusal (not visible to this user) leaves no half-built dialog.
        record = store.get_person(user, person_id) if person_id else {}
        super().__init__(parent)
        self.store = store
        self.user = user
        self.lang = lang
        self.person_id = person_id
        self.record: dict[str, Any] = record
        self.setWindowTitle(self.tr("Edit person") if person_id else self.tr("New person"))
        rules = default_people_rules()

        self.texts: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(key)
            self.texts[key] = edit
        self.texts["email"].setPlaceholderText("name@example.ac.jp")
        self.texts["funding"].setPlaceholderText(self.tr("e.g. MEXT scholarship, own funds"))
        self.dates = {key: DateEdit(key) for key in DATE_FIELDS}
        self.nationality = CountryInput(
            store.catalog.questions["nationality"], store.catalog, lang, self.tr("Country")
        )
        self.nationality.combo.setObjectName("nationality")
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.addItem("—", "")
        for status in rules.statuses:
            self.status.addItem(status.text.get(lang), status.id)
        self.department = QComboBox()
        self.department.setObjectName("department_id")
        # A new person goes where the store lets this user put one (a manager: their own).
        allowed = None if person_id else store.departments_for_new_person(user)
        if allowed is None:
            self.department.addItem("—", None)
        for dep in store.departments():
            if allowed is None or dep["id"] in allowed:
                self.department.addItem(dep[f"name_{lang}"], dep["id"])
        self.host = QComboBox()
        self.host.setObjectName("host_user_id")
        self.host.addItem("—", None)
        for account in store.users():
            if store.may_host(account.id) or account.id == self.record.get("host_user_id"):
                self.host.addItem(account.name, account.id)
        self.employed = QCheckBox(self.tr("Employed in Japan"))
        self.employed.setObjectName("employed_in_japan")
        self.contracts = QPlainTextEdit()
        self.contracts.setObjectName("foreign_contracts")
        self.contracts.setTabChangesFocus(True)
        self.contracts.setFixedHeight(56)
        self.contracts.setPlaceholderText(self.tr("Contracts with foreign bodies, one a line"))

        self.labels = {
            "external_id": self.tr("Student / staff ID"),
            "family_name": self.tr("Family name"),
            "given_name": self.tr("Given name"),
            "name_native": self.tr("Native name"),
            "nationality": self.tr("Nationality"),
            "birth_date": self.tr("Date of birth"),
            "email": self.tr("E-mail"),
            "status": self.tr("Status"),
            "department_id": self.tr("Department"),
            "supervisor": self.tr("Supervisor / host"),
            "host_user_id": self.tr("Host (user)"),
            "entry_date": self.tr("Latest entry to Japan"),
            "stay_from": self.tr("Stay from"),
            "stay_until": self.tr("Stay until"),
            "funding": self.tr("Funding sources"),
            "employed_in_japan": self.tr("Employment"),
            "foreign_contracts": self.tr("Foreign contracts"),
        }
        widgets: dict[str, QWidget] = {
            **self.texts,
            **self.dates,
            "nationality": self.nationality,
            "status": self.status,
            "department_id": self.department,
            "host_user_id": self.host,
            "employed_in_japan": self.employed,
            "foreign_contracts": self.contracts,
        }
        self.widgets = widgets
        who = QGroupBox(self.tr("Who"))
        who_form = QFormLayout(who)
        for key in ("external_id", "family_name", "given_name", "name_native", "nationality"):
            who_form.addRow(self._label(key), widgets[key])
        for key in ("birth_date", "email"):
            who_form.addRow(self._label(key), widgets[key])
        stay = QGroupBox(self.tr("Status and stay"))
        stay_form = QFormLayout(stay)
        for key in ("status", "department_id", "supervisor", "host_user_id"):
            stay_form.addRow(self._label(key), widgets[key])
        for key in ("entry_date", "stay_from", "stay_until"):
            stay_form.addRow(self._label(key), widgets[key])
        ties = QGroupBox(self.tr("Funding, employment and foreign ties"))
        ties_form = QFormLayout(ties)
        for key in ("funding", "employed_in_japan", "foreign_contracts"):
            ties_form.addRow(self._label(key), widgets[key])
        sep = "、" if lang == "ja" else ", "
        reasons = sep.join(rules.label("recheck_reasons", f, lang) for f in RECHECK_FIELDS)
        self.recheck_note = QLabel(
            self.tr("These changes open a re-check by the export control office: %1").replace(
                "%1", reasons
            )
        )
        self.recheck_note.setWordWrap(True)
        self.recheck_note.setStyleSheet("color: #555;")
        self.message = QLabel()
        self.message.setObjectName("form_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c00000;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(who)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(stay)
        right.addWidget(ties)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.recheck_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._fill()

    def _label(self, key: str) -> QLabel:
        text = self.labels[key] + (" *" if key in ("family_name", "nationality") else "")
        label = QLabel(text)
        label.setBuddy(self._focus_target(key))
        return label

    def _focus_target(self, key: str) -> QWidget:
        return self.nationality.combo if key == "nationality" else self.widgets[key]

    def _fill(self) -> None:
        r = self.record
        for key, edit in self.texts.items():
            edit.setText(str(r.get(key) or ""))
        for key, date in self.dates.items():
            date.setText(str(r.get(key) or ""))
        self.nationality.set_value(r.get("nationality"))
        self.status.setCurrentIndex(max(0, self.status.findData(r.get("status") or "")))
        for combo, key in ((self.department, "department_id"), (self.host, "host_user_id")):
            index = combo.findData(r.get(key)) if r.get(key) is not None else 0
            combo.setCurrentIndex(max(0, index))
        self.employed.setChecked(bool(r.get("employed_in_japan")))
        self.contracts.setPlainText(str(r.get("foreign_contracts") or ""))

    def values(self) -> dict[str, Any]:
        """What the form holds, as typed: the store reads and checks it (dates included)."""
        values: dict[str, Any] = {k: e.text().strip() for k, e in self.texts.items()}
        values.update({k: d.text().strip() or None for k, d in self.dates.items()})
        typed_country = self.nationality.combo.currentText().strip()
        values["nationality"] = self.nationality.value() or typed_country or None
        values["status"] = self.status.currentData()
        values["department_id"] = self.department.currentData()
        values["host_user_id"] = self.host.currentData()
        values["employed_in_japan"] = self.employed.isChecked()
        values["foreign_contracts"] = self.contracts.toPlainText().strip()
        return values

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the record (all of them for a new person)."""
        values = self.values()
        if not self.person_id:
            return {k: v for k, v in values.items() if v not in ("", None)}

        def same(key: str, value: Any) -> bool:
            before = self.record.get(key)
            if key == "employed_in_japan":
                return bool(before) == bool(value)
            return (before if before is not None else "") == (value if value is not None else "")

        return {k: v for k, v in values.items() if not same(k, v)}

    def save(self) -> bool:
        """Save through the store; on a refusal say why beside the field, change nothing."""
        self._clear_marks()
        changes = self.changes()
        if self.person_id and not changes:
            self.accept()
            return True
        try:
            if self.person_id:
                before = {r["id"] for r in self._open_rechecks(self.person_id)}
                # What the form loaded: a colleague's change since to a field changed here
                # is refused by the store, not overwritten.
                self.store.update_person(self.user, self.person_id, loaded=self.record, **changes)
                person_id = self.person_id
            else:
                before = set()
                person_id = self.store.add_person(self.user, **changes)
        except StoreError as exc:
            self._show_refusal(exc)
            return False
        try:
            opened = [
                self.store.reason_text(r["reason"], self.lang)
                for r in self._open_rechecks(person_id)
                if r["id"] not in before
            ]
        except StoreError:  # moved out of this user's sight (to another department)
            opened = []
        self.person_id = person_id
        self.saved.emit(person_id, opened)
        self.accept()
        return True

    def _open_rechecks(self, person_id: int) -> list[dict[str, Any]]:
        return self.store.rechecks(self.user, person_id, open_only=True)

    def _clear_marks(self) -> None:
        self.message.setText("")
        for widget in self.widgets.values():
            if widget.property("refused"):
                widget.setProperty("refused", False)
                widget.setStyleSheet("")

    def _show_refusal(self, exc: StoreError) -> None:
        if exc.code == "person_conflict":
            self._show_conflict(exc)
            return
        detail = str(exc.values.get("detail", "")) if exc.code == "invalid" else ""
        keys = [k.strip() for k in detail.split("/") if k.strip() in self.widgets]
        if not keys:
            self.message.setText(exc.message(self.lang))
            return
        why = exc.values.get("why")
        names = "、".join if self.lang == "ja" else ", ".join
        text = self.tr("Please check: %1").replace("%1", names(self.labels[k] for k in keys))
        if isinstance(why, dict):
            text += "\n" + why[self.lang]
        self.message.setText(text)
        for key in keys:
            widget = self.widgets[key]
            widget.setProperty("refused", True)
            widget.setStyleSheet("background: #fde2e2;")
        self._focus_target(keys[0]).setFocus()

    def _show_conflict(self, exc: StoreError) -> None:
        """A colleague changed fields this form changes too: name them with the form's
        labels and mark them; what was typed stays for the user to compare."""
        keys = [k for k in exc.values.get("keys", []) if k in self.widgets]
        names = "、".join if self.lang == "ja" else ", ".join
        fields = names(self.labels[k] for k in keys) or exc.values.get("fields", "")
        text = StoreError(
            "person_conflict", name=exc.values["name"], at=exc.values["at"], fields=fields
        ).message(self.lang)
        self.message.setText(text)
        for key in keys:
            widget = self.widgets[key]
            widget.setProperty("refused", True)
            widget.setStyleSheet("background: #fde2e2;")
