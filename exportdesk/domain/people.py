"""People over time: statuses, pledges and declarations with their states, what is due.

Pure rules, no SQL and no Qt. The store hands in plain rows (dicts as stored) and
gets back decisions: which state may follow which, which reminders are due on a day,
which check-sheet answers a declaration gives, and whether an answer contradicts it.
The periods come from forms/people.yaml (domain/people_rules.py reads it). This module
stays light to import (no YAML, no pydantic, no catalogue at import time): the store
imports it on the way to the sign-in window.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from exportdesk.domain.catalog import Catalog
    from exportdesk.domain.people_rules import PeopleRules

STATES = ("requested", "received", "checked")
PLEDGE_KINDS = ("entry", "exit", "change")
# A change of one of these fields may change residency or a category: it opens a re-check.
RECHECK_FIELDS = (
    "status",
    "funding",
    "employed_in_japan",
    "foreign_contracts",
    "nationality",
    "department_id",
)

# Check-sheet questions (forms/check_sheet.yaml ids) a declaration answers for its person.
DECLARED_ANSWERS = (
    "nationality",
    "employed_in_japan",
    "entry_date",
    "diplomat_or_foreign_official",
    "foreign_contract_exists",
    "must_follow_instructions",
    "japanese_employer_priority_agreed",
    "counterparty_is_group_company",
    "foreign_government_benefit",
    "foreign_government_benefit_share",
    "acts_on_foreign_government_instructions",
)


# A person's dates, in the order a record shows them; the period of stay runs from
# stay_from to stay_until (the latest entry to Japan may fall before, in or after it).
PERSON_DATES = ("birth_date", "entry_date", "stay_from", "stay_until")
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


def person_date_problems(dates: dict[str, dt.date | None]) -> list[tuple[str, str, str]]:
    """(field, ja, en) for each of a person's dates that cannot stand: outside 1900-2100,
    or a period of stay that ends before it starts (named on its end)."""
    problems = []
    for key in PERSON_DATES:
        day = dates.get(key)
        if day is not None and not EARLIEST <= day <= LATEST:
            problems.append(
                (
                    key,
                    f"日付 {day.isoformat()} は範囲外です（1900年〜2100年）。",
                    f"The date {day.isoformat()} is out of range (1900-2100).",
                )
            )
    start, end = dates.get("stay_from"), dates.get("stay_until")
    named = {key for key, _ja, _en in problems}
    if (
        start is not None
        and end is not None
        and end < start
        and not named & {"stay_from", "stay_until"}
    ):
        problems.append(
            (
                "stay_until",
                f"在籍期間の終了日（{end.isoformat()}）が開始日（{start.isoformat()}）より前です。",
                f"The period of stay ends ({end.isoformat()}) before it starts"
                f" ({start.isoformat()}).",
            )
        )
    return problems


def default_people_rules() -> PeopleRules:
    """forms/people.yaml as shipped, loaded once (see domain/people_rules.py)."""
    from exportdesk.domain.people_rules import default_people_rules as load

    return load()


# --- states -------------------------------------------------------------------------------


def next_state(state: str) -> str | None:
    """requested → received → checked; None once checked."""
    index = STATES.index(state)
    return STATES[index + 1] if index + 1 < len(STATES) else None


# --- what is due ----------------------------------------------------------------------------


class Due(NamedTuple):
    """One thing due (a tuple: a due list holds ten thousand of them)."""

    person_id: int
    kind: str  # a due_kinds id in people.yaml
    due_on: dt.date
    overdue: bool
    detail: str = ""


@cache
def _periods(*days: int) -> tuple[dt.timedelta, ...]:
    return tuple(dt.timedelta(days=d) for d in days)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _has_pledge(pledges: list[dict[str, Any]], kind: str) -> bool:
    return any(p["kind"] == kind and p["state"] in ("received", "checked") for p in pledges)


def due_items(
    person: dict[str, Any],
    declarations: list[dict[str, Any]],
    pledges: list[dict[str, Any]],
    rechecks: list[dict[str, Any]],
    today: dt.date,
    rules: PeopleRules,
) -> list[Due]:
    """What the office must chase for one person on `today`."""
    from exportdesk.domain.residency import add_months

    r = rules.reminders
    days = _periods(r.entry_pledge_days, r.exit_pledge_notice_days)
    days += _periods(r.declaration_notice_days, r.recheck_days)
    pid = int(person["id"])
    found: list[Due] = []
    # The entry pledge is due after arrival: the latest entry, else the planned start of
    # the stay (a visitor recorded months ahead), else when the record was made.
    start = (
        _date(person.get("entry_date"))
        or _date(person.get("stay_from"))
        or _date(person.get("created_at"))
        or today
    )
    entry_due = start + days[0]
    if not _has_pledge(pledges, "entry"):
        found.append(Due(pid, "entry_pledge", entry_due, today > entry_due))
    stay_until = _date(person.get("stay_until"))
    if (
        stay_until is not None
        and today >= stay_until - days[1]
        and not _has_pledge(pledges, "exit")
    ):
        found.append(Due(pid, "exit_pledge", stay_until, today > stay_until))
    made = [d for d in declarations if d.get("state", "received") != "requested"]
    if not made:
        found.append(Due(pid, "declaration_missing", entry_due, today > entry_due))
    else:
        last = max(_date(d["declared_on"]) or start for d in made)
        renew = add_months(last, r.declaration_valid_months)
        if today >= renew - days[2]:
            found.append(Due(pid, "declaration_renew", renew, today > renew))
    for recheck in rechecks:
        if recheck.get("closed_at"):
            continue
        opened = _date(recheck["opened_at"]) or today
        due = opened + days[3]
        found.append(Due(pid, "recheck", due, today > due, str(recheck.get("reason", ""))))
    return found


def training_state(records: list[dict[str, Any]], today: dt.date) -> tuple[str, str | None]:
    """('valid'|'expired'|'none', latest expiry) from a person's or user's training rows."""
    if not records:
        return "none", None
    latest = max(r["expires_on"] for r in records)
    return ("valid" if latest >= today.isoformat() else "expired"), latest


# --- declarations and the check sheet ------------------------------------------------------


def _declared_person(facts: dict[str, Any], catalog: Catalog):  # type: ignore[no-untyped-def]
    """The engine's Person from declared answers, through the check sheet's own mapping."""
    from exportdesk.domain.checksheet import CheckSheet
    from exportdesk.domain.facts import FactsError, parse_facts

    answers = {k: v for k, v in facts.items() if k in DECLARED_ANSWERS}
    # Any activity that involves a person shows the person questions.
    activity = "visiting_researcher"
    try:
        engine = CheckSheet(catalog).facts({"activity": activity, **answers})
        if "person" not in engine:
            raise ValueError("nationality")
        return parse_facts({"activity": activity, "person": engine["person"]}, catalog).person
    except (FactsError, KeyError, TypeError) as exc:
        raise ValueError(str(exc)) from None


def declaration_categories(facts: dict[str, Any], catalog: Catalog) -> list[int]:
    """The categories the declared facts amount to, by the same rules as the check sheet."""
    from exportdesk.domain.residency import specific_categories

    return list(specific_categories(_declared_person(facts, catalog), catalog).categories)


def declared_residency(facts: dict[str, Any], on: dt.date, catalog: Catalog) -> bool | None:
    """Resident on `on` by the declared facts; None when they do not say enough."""
    try:
        person = _declared_person(facts, catalog)
    except ValueError:
        return None
    from exportdesk.domain.residency import residency

    return residency(person, on, catalog).resident


def declaration_facts(declaration: dict[str, Any]) -> dict[str, Any]:
    text = declaration.get("facts_json") or "{}"
    return json.loads(text) if isinstance(text, str) else dict(text)


def answers_from_record(
    person: dict[str, Any], declaration: dict[str, Any] | None, today: dt.date
) -> dict[str, Any]:
    """Check-sheet answers about a person: their record, then their latest declaration.

    Returns {"answers": {...}, "declared_on": date or None, "age_days": int or None}.
    """
    answers: dict[str, Any] = {}
    if person.get("nationality"):
        answers["nationality"] = person["nationality"]
    answers["employed_in_japan"] = bool(person.get("employed_in_japan"))
    if person.get("entry_date"):
        answers["entry_date"] = person["entry_date"]
    declared_on = None
    if declaration is not None:
        facts = declaration_facts(declaration)
        answers.update({k: v for k, v in facts.items() if k in DECLARED_ANSWERS})
        if not facts:
            # An old declaration holds only its categories: answer what they imply.
            answers["foreign_government_benefit"] = bool(declaration.get("category_2"))
            if declaration.get("category_2"):
                answers["foreign_government_benefit_share"] = 100
            answers["acts_on_foreign_government_instructions"] = bool(declaration.get("category_3"))
            answers["foreign_contract_exists"] = bool(declaration.get("category_1"))
            if declaration.get("category_1"):
                answers["must_follow_instructions"] = True
                answers["japanese_employer_priority_agreed"] = False
                answers["counterparty_is_group_company"] = False
        declared_on = _date(declaration.get("declared_on"))
    age = (today - declared_on).days if declared_on else None
    return {"answers": answers, "declared_on": declared_on, "age_days": age}


def contradicted_answers(record: dict[str, Any], answers: dict[str, Any]) -> list[str]:
    """Question ids whose answer on a check sheet differs from what the record says."""
    known = record["answers"]
    return sorted(
        qid
        for qid in DECLARED_ANSWERS
        if qid in known
        and qid in answers
        and answers[qid] is not None
        and answers[qid] != known[qid]
    )
