"""A database with known figures for the statistics, report and audit tests.

Cases are written as rows (the statistics read rows; how a case got there is tested
elsewhere), with hand-chosen dates so every expected figure can be counted by eye.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.store_fixtures import Campus, make_campus

# (dept, activity, outcome, decision, country, submitted_at, decided_at, hits)
# hits: list of resolution decisions (None = unresolved) of End User List hits.
ROWS: list[tuple[str, str, str | None, str | None, str, str | None, str | None, list]] = [
    # ENG: five cases in 2026
    (
        "ENG",
        "joint_research",
        "office_review",
        "licence_required",
        "KP",
        "2026-01-10T09:00:00Z",
        "2026-01-20T09:00:00Z",
        ["true_match"],
    ),
    (
        "ENG",
        "joint_research",
        "office_review",
        "no_licence_needed",
        "US",
        "2026-01-15T09:00:00Z",
        "2026-01-17T09:00:00Z",
        ["false_positive", None],
    ),
    ("ENG", "visiting_researcher", "no_procedure", None, "DE", "2026-02-01T09:00:00Z", None, []),
    (
        "ENG",
        "sending_samples",
        "office_review",
        "approved_with_conditions",
        "VN",
        "2026-04-30T23:59:59Z",
        "2026-06-09T23:59:59Z",
        [],
    ),
    ("ENG", "visiting_researcher", "office_review", None, "", "2026-12-31T23:59:59Z", None, []),
    # SCI: two cases in 2026
    (
        "SCI",
        "joint_research",
        "office_review",
        "licence_required",
        "IR",
        "2026-02-20T00:00:00Z",
        "2026-03-02T00:00:00Z",
        [],
    ),
    (
        "SCI",
        "international_conference",
        "no_procedure",
        None,
        "CN",
        "2026-02-21T00:00:00Z",
        None,
        [],
    ),
    # outside 2026 (boundaries) and a draft never filed
    (
        "ENG",
        "joint_research",
        "office_review",
        "no_licence_needed",
        "US",
        "2025-12-31T23:59:59Z",
        "2026-01-05T00:00:00Z",
        ["true_match"],
    ),
    ("SCI", "joint_research", "office_review", None, "US", "2027-01-01T00:00:00Z", None, []),
    ("ENG", "joint_research", None, None, "US", None, None, []),
]


def _hits(resolutions: list[Any]) -> str:
    hits = [
        {"no": i + 1, "score": 90, "resolution": {"decision": r, "note": "n"} if r else None}
        for i, r in enumerate(resolutions)
    ]
    return json.dumps({"screening": {"list_version": "2025-10-09", "hits": hits}}) if hits else "{}"


def make_stats_campus(path: Path) -> Campus:
    """The usual campus plus a LAW department that has no cases, and ROWS as cases."""
    return add_stats_rows(make_campus(path))


def add_stats_rows(c: Campus) -> Campus:
    """A LAW department that has no cases, and ROWS as cases (written past the store)."""
    c.store.add_department(c.admin, "LAW", "法学部", "Faculty of Law")
    deps = {d["code"]: d["id"] for d in c.store.departments()}
    with c.store.db.atomic():
        for i, (dept, activity, outcome, decision, country, sub, dec, hits) in enumerate(ROWS):
            status = (
                "draft"
                if sub is None
                else "under_review"
                if decision is None
                else "approved"
                if decision == "no_licence_needed"
                else decision
            )
            c.store.db["cases"].insert(
                {
                    "ref": f"2026-9{i:05d}",
                    "applicant_id": c.prof.id if dept == "ENG" else c.prof_sci.id,
                    "filed_by_id": c.prof.id if dept == "ENG" else c.prof_sci.id,
                    "department_id": deps[dept],
                    "activity": activity,
                    "title": f"Case {i}",
                    "counterpart_name": f"Counterpart {i}",
                    "counterpart_country": country,
                    "status": status,
                    "outcome": outcome,
                    "decision": decision,
                    "forms_version": "2026.11",
                    "review_json": _hits(hits),
                    "created_at": sub or "2026-05-01T00:00:00Z",
                    "updated_at": sub or "2026-05-01T00:00:00Z",
                    "submitted_at": sub,
                    "decided_at": dec,
                }
            )
    c.law = deps["LAW"]  # type: ignore[attr-defined]
    return c
