"""The people who receive technology, and their specific-category declarations."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from exportdesk.store.base import RECHECK_FIELDS, Part
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User


class People(Part):
    # --- people -----------------------------------------------------------------------

    PERSON_FIELDS: ClassVar[tuple[str, ...]] = (
        "family_name",
        "given_name",
        "name_native",
        "nationality",
        "birth_date",
        "entry_date",
        "employed_in_japan",
        "status",
        "funding",
        "department_id",
        "host_user_id",
    )

    def _check_person(self, fields: dict[str, Any]) -> None:
        from exportdesk.domain.countries import is_country_code

        unknown = set(fields) - set(self.PERSON_FIELDS)
        if unknown:
            raise StoreError("invalid", detail=", ".join(sorted(unknown)))
        if "nationality" in fields and not is_country_code(fields["nationality"]):
            raise StoreError("invalid", detail="nationality")
        for key in ("birth_date", "entry_date"):
            if fields.get(key):
                try:
                    dt.date.fromisoformat(fields[key])
                except (TypeError, ValueError):
                    raise StoreError("invalid", detail=key) from None

    def add_person(self, actor: User, **fields: Any) -> int:
        self._require(
            any(actor.has(r) for r in ("applicant", "proxy", "office", "dept_manager", "admin"))
        )
        if not str(fields.get("family_name", "")).strip() or not fields.get("nationality"):
            raise StoreError("invalid", detail="family_name / nationality")
        self._check_person(fields)
        now = self.now()
        with self.db.atomic():
            pid = self.db["people"].insert({**fields, "created_at": now, "updated_at": now}).last_pk
            self._audit(actor, "create", "person", pid, None, fields)
        return int(pid)

    def update_person(self, actor: User, person_id: int, **fields: Any) -> dict[str, Any]:
        """Change a person's record; a change of status, funding or employment opens a re-check."""
        before = self.person(person_id)
        self._check_person(fields)
        changed = {k: v for k, v in fields.items() if before.get(k) != v}
        if not changed:
            return before
        update: dict[str, Any] = {**changed, "updated_at": self.now()}
        recheck = [k for k in changed if k in RECHECK_FIELDS]
        if recheck:
            update["needs_recheck"] = 1
            update["recheck_reason"] = ", ".join(recheck)
        with self.db.atomic():
            self.db["people"].update(person_id, update)
            self._audit(
                actor, "update", "person", person_id, {k: before.get(k) for k in changed}, changed
            )
            if recheck:
                self._audit(
                    actor, "recheck_opened", "person", person_id, None, {"because": recheck}
                )
        return self.person(person_id)

    def declare(
        self,
        actor: User,
        person_id: int,
        *,
        declared_on: str,
        categories: list[int],
        pledge_signed: bool,
        note: str = "",
    ) -> int:
        """Record a specific-category declaration (and pledge); closes an open re-check."""
        self.person(person_id)
        if any(c not in (1, 2, 3) for c in categories):
            raise StoreError("invalid", detail="categories")
        try:
            dt.date.fromisoformat(declared_on)
        except ValueError:
            raise StoreError("invalid", detail="declared_on") from None
        row = {
            "person_id": person_id,
            "declared_on": declared_on,
            "category_1": int(1 in categories),
            "category_2": int(2 in categories),
            "category_3": int(3 in categories),
            "pledge_signed": int(pledge_signed),
            "note": note,
            "recorded_by": actor.id,
            "recorded_at": self.now(),
        }
        with self.db.atomic():
            dec_id = self.db["declarations"].insert(row).last_pk
            self.db["people"].update(person_id, {"needs_recheck": 0, "recheck_reason": ""})
            self._audit(actor, "declare", "person", person_id, None, row)
        return int(dec_id)

    def person(self, person_id: int) -> dict[str, Any]:
        row = self._row("SELECT * FROM people WHERE id = ?", [person_id])
        if row is None:
            raise StoreError("not_found")
        return row

    def declarations(self, person_id: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT * FROM declarations WHERE person_id = ? ORDER BY declared_on, id", [person_id]
        )

    def people_needing_recheck(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM people WHERE needs_recheck = 1 ORDER BY updated_at")
