"""Export-control training (METI's e-learning, seminars): who took what, and until when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from exportdesk.domain.dates import DateError, parse_date
from exportdesk.domain.residency import add_months
from exportdesk.store.base import Part
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User


def _day(text: Any, key: str) -> dt.date:
    """A date typed as 2026/12/01 or 令和8年12月1日, or refused naming the field."""
    try:
        return parse_date(str(text or ""))
    except DateError as exc:
        raise StoreError("invalid", detail=key, why={"ja": exc.ja, "en": exc.en}) from None


class Training(Part):
    @staticmethod
    def may_record_training(actor: User) -> bool:
        """The office (or the administrator) records training."""
        return actor.has("office") or actor.has("admin")

    def record_training(
        self,
        actor: User,
        *,
        course: str,
        taken_on: str,
        expires_on: str | None = None,
        person_id: int | None = None,
        user_id: int | None = None,
    ) -> int:
        """The office records a course taken by a person or by a user (an applicant)."""
        from exportdesk.domain.people import default_people_rules

        self._require(self.may_record_training(actor))
        if (person_id is None) == (user_id is None):
            raise StoreError("invalid", detail="person_id / user_id")
        if not course.strip():
            raise StoreError("invalid", detail="course")
        taken = _day(taken_on, "taken_on")
        expires = (
            _day(expires_on, "expires_on")
            if expires_on and str(expires_on).strip()
            else add_months(taken, default_people_rules().reminders.training_valid_months)
        )
        if expires < taken:
            why = {"ja": "有効期限が受講日より前です。", "en": "It is before the day taken."}
            raise StoreError("invalid", detail="expires_on", why=why)
        if person_id is not None:
            self.store.get_person(actor, person_id)
        else:
            self.store.get_user(user_id)
        row = {
            "person_id": person_id,
            "user_id": user_id,
            "course": course.strip(),
            "taken_on": taken.isoformat(),
            "expires_on": expires.isoformat(),
            "recorded_by": actor.id,
            "recorded_at": self.now(),
        }
        with self.db.atomic():
            tid = int(self.db["training"].insert(row).last_pk)
            entity, eid = ("person", person_id) if person_id else ("user", user_id)
            self._audit(actor, "training", entity, eid, None, {**row, "id": tid})
        return tid

    def training(
        self, actor: User, *, person_id: int | None = None, user_id: int | None = None
    ) -> list[dict[str, Any]]:
        if person_id is not None:
            self.store.get_person(actor, person_id)
            return self._rows(
                "SELECT * FROM training WHERE person_id = ? ORDER BY taken_on", [person_id]
            )
        self._require(actor.id == user_id or actor.sees_all_cases)
        return self._rows("SELECT * FROM training WHERE user_id = ? ORDER BY taken_on", [user_id])

    def training_status(
        self, *, person_id: int | None = None, user_id: int | None = None
    ) -> dict[str, Any]:
        """{"state": valid|expired|none, "expires_on": date or None} on today's date."""
        from exportdesk.domain.people import training_state

        column, key = ("person_id", person_id) if person_id is not None else ("user_id", user_id)
        rows = self._rows(f"SELECT expires_on FROM training WHERE {column} = ?", [key])
        state, expires = training_state(rows, self.store.clock().date())
        return {"state": state, "expires_on": expires}

    def case_applicant_training(self, actor: User, case_id: int) -> dict[str, Any]:
        """Training of the case's applicant, for the office to see beside the case."""
        case = self.store.get_case(actor, case_id)
        return self.training_status(user_id=case["applicant_id"])
