"""Specific-category declarations over time, and a case's link to its person's record."""

from __future__ import annotations

from typing import Any

from exportdesk.domain.dates import DateError, parse_date
from exportdesk.domain.workflow import APPLICANT_EDITABLE, OPEN
from exportdesk.store.base import Part, _dumps
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

# Cases still open to change: the applicant's drafts and the office's queue.
_LIVE_CASES = tuple(sorted(APPLICANT_EDITABLE | OPEN))


def _categories_of(row: dict[str, Any]) -> list[int]:
    return [c for c in (1, 2, 3) if row.get(f"category_{c}")]


class Declarations(Part):
    def declare(
        self,
        actor: User,
        person_id: int,
        *,
        declared_on: str,
        categories: list[int] | None = None,
        pledge_signed: bool = False,
        note: str = "",
        facts: dict[str, Any] | None = None,
        scan: tuple[str, bytes] | None = None,
    ) -> int:
        """Record a received specific-category declaration; closes the person's re-checks.

        With `facts` (check-sheet answers about the person) the categories and residency are
        worked out by the engine; categories given as well must agree. A declaration whose
        categories differ from the previous one opens a re-check on each live case about the
        person.
        """
        from exportdesk.domain import people as rules

        self.store.get_person(actor, person_id)
        try:  # 2026-04-05, 2026/04/05 or 令和8年4月5日
            day = parse_date(str(declared_on))
        except DateError:
            raise StoreError("invalid", detail="declared_on") from None
        declared_on = day.isoformat()
        resident = None
        if facts is not None:
            unknown = set(facts) - set(rules.DECLARED_ANSWERS)
            if unknown:
                raise StoreError("invalid", detail=", ".join(sorted(unknown)))
            try:
                derived = rules.declaration_categories(facts, self.catalog)
            except ValueError as exc:
                raise StoreError("invalid", detail=f"facts: {exc}") from None
            if categories is not None and sorted(categories) != derived:
                raise StoreError("invalid", detail="categories do not follow from the facts")
            categories = derived
            resident = rules.declared_residency(facts, day, self.catalog)
        if categories is None or any(c not in (1, 2, 3) for c in categories):
            raise StoreError("invalid", detail="categories")
        row = {
            "person_id": person_id,
            "declared_on": declared_on,
            "category_1": int(1 in categories),
            "category_2": int(2 in categories),
            "category_3": int(3 in categories),
            "pledge_signed": int(pledge_signed),
            "note": note,
            "state": "received",
            "resident": None if resident is None else int(resident),
            "facts_json": _dumps(facts or {}),
            "recorded_by": actor.id,
            "recorded_at": self.now(),
        }
        previous = self.latest_declaration(person_id)
        with self.db.atomic():
            if scan is not None:
                row["scan_id"] = self.store._store_scan(actor, person_id, *scan)
            requested = self._row(
                "SELECT id FROM declarations WHERE person_id = ? AND state = 'requested'"
                " ORDER BY id LIMIT 1",
                [person_id],
            )
            if requested:
                dec_id = int(requested["id"])
                self.db["declarations"].update(dec_id, row)
            else:
                dec_id = int(self.db["declarations"].insert(row).last_pk)
            self.store._refresh_summary(person_id)
            # A new declaration answers the person's open re-checks: each is closed, and
            # the trail says which and why (the office sees them go from its list).
            answered = self._rows(
                "SELECT id, reason FROM rechecks"
                " WHERE person_id = ? AND case_id IS NULL AND closed_at IS NULL ORDER BY id",
                [person_id],
            )
            for recheck in answered:
                self.db["rechecks"].update(
                    recheck["id"], {"closed_at": self.now(), "closed_by": actor.id}
                )
            self.store._sync_recheck_flag(person_id)
            self._audit(actor, "declare", "person", person_id, None, {**row, "id": dec_id})
            for recheck in answered:
                self._audit(
                    actor,
                    "recheck_closed",
                    "person",
                    person_id,
                    None,
                    {
                        "recheck_id": recheck["id"],
                        "reason": recheck["reason"],
                        "note": f"declaration {dec_id}",
                    },
                )
            if previous is not None and _categories_of(previous) != sorted(categories):
                for case_id in self._live_cases_of(person_id):
                    self.store._open_recheck(actor, person_id, "declaration", case_id)
                    self._audit(
                        actor,
                        "person_declaration_changed",
                        "case",
                        case_id,
                        {"categories": _categories_of(previous)},
                        {"categories": sorted(categories)},
                    )
        return dec_id

    def request_declaration(self, actor: User, person_id: int, note: str = "") -> int:
        """Ask the person for a declaration (state requested until it is received)."""
        self.store.get_person(actor, person_id)
        if self._row(
            "SELECT id FROM declarations WHERE person_id = ? AND state = 'requested'", [person_id]
        ):
            raise StoreError("bad_state", state="requested")
        row = {
            "person_id": person_id,
            "declared_on": self.store.clock().date().isoformat(),
            "category_1": 0,
            "category_2": 0,
            "category_3": 0,
            "note": note,
            "state": "requested",
            "recorded_by": actor.id,
            "recorded_at": self.now(),
        }
        with self.db.atomic():
            dec_id = int(self.db["declarations"].insert(row).last_pk)
            self._audit(actor, "declaration_requested", "person", person_id, None, row)
        return dec_id

    def check_declaration(self, actor: User, declaration_id: int) -> None:
        """The office confirms a received declaration against the signed paper."""
        self._require(actor.has("office"))
        row = self._row("SELECT * FROM declarations WHERE id = ?", [declaration_id])
        if row is None:
            raise StoreError("not_found")
        if row["state"] != "received":
            raise StoreError("bad_state", state=row["state"])
        with self.db.atomic():
            self.db["declarations"].update(
                declaration_id,
                {"state": "checked", "checked_by": actor.id, "checked_at": self.now()},
            )
            self._audit(
                actor,
                "declaration_checked",
                "person",
                row["person_id"],
                {"state": "received"},
                {"state": "checked", "declaration_id": declaration_id},
            )

    def declarations(self, person_id: int, actor: User | None = None) -> list[dict[str, Any]]:
        if actor is not None:
            self.store.get_person(actor, person_id)
        return self._rows(
            "SELECT * FROM declarations WHERE person_id = ? ORDER BY declared_on, id", [person_id]
        )

    def latest_declaration(self, person_id: int) -> dict[str, Any] | None:
        return self._row(
            "SELECT * FROM declarations WHERE person_id = ? AND state != 'requested'"
            " ORDER BY declared_on DESC, id DESC LIMIT 1",
            [person_id],
        )

    def _live_cases_of(self, person_id: int) -> list[int]:
        marks = ", ".join("?" * len(_LIVE_CASES))
        return [
            r[0]
            for r in self.db.execute(
                f"SELECT id FROM cases WHERE person_id = ? AND status IN ({marks}) ORDER BY id",
                [person_id, *_LIVE_CASES],
            )
        ]

    # --- a case about a person ------------------------------------------------------------

    def link_case_person(self, actor: User, case_id: int, person_id: int | None) -> None:
        """Tie a case to the person it is about (the applicant, while the case is editable)."""
        case = self.store._case_row(case_id)
        self.store._require_owner(actor, case)
        if case["status"] not in APPLICANT_EDITABLE:
            raise StoreError("not_editable", status=case["status"])
        if person_id is not None:
            self.store.get_person(actor, person_id)
        with self.db.atomic():
            self.db["cases"].update(case_id, {"person_id": person_id})
            self._audit(
                actor,
                "link_person",
                "case",
                case_id,
                {"person_id": case["person_id"]},
                {"person_id": person_id},
            )

    def person_answers_for_case(self, actor: User, case_id: int) -> dict[str, Any] | None:
        """What the linked person's record says for the check sheet, and how old it is.

        {"person_id", "answers": {question id: value}, "declared_on": date | None,
        "age_days": int | None}; None when the case is about no recorded person.
        """
        from exportdesk.domain import people as rules

        case = self.store.get_case(actor, case_id)
        if not case.get("person_id"):
            return None
        person = self.store.person(case["person_id"])
        record = rules.answers_from_record(
            person, self.latest_declaration(person["id"]), self.store.clock().date()
        )
        return {"person_id": person["id"], **record}

    def note_case_answers(self, actor: User, case_id: int, answers: dict[str, Any]) -> list[str]:
        """Compare a case's answers with its person's record; a difference opens a re-check.

        Returns the question ids that differ (the check sheet calls this when it saves).
        """
        from exportdesk.domain import people as rules

        record = self.person_answers_for_case(actor, case_id)
        if record is None:
            return []
        differ = rules.contradicted_answers(record, answers)
        if not differ:
            return []
        reason = "answer: " + ", ".join(differ)
        open_one = self._row(
            "SELECT id, reason FROM rechecks WHERE case_id = ? AND closed_at IS NULL"
            " AND reason LIKE 'answer:%'",
            [case_id],
        )
        with self.db.atomic():
            if open_one is None:
                self.store._open_recheck(actor, record["person_id"], reason, case_id)
            elif open_one["reason"] != reason:
                # One open re-check per case for differing answers; it names the latest set.
                self.db["rechecks"].update(open_one["id"], {"reason": reason})
                self._audit(
                    actor,
                    "recheck_updated",
                    "person",
                    record["person_id"],
                    {"reason": open_one["reason"]},
                    {"reason": reason, "case_id": case_id},
                )
        return differ
