"""Optimistic concurrency: a save made from what an editor loaded is refused when a
colleague saved the same record since, instead of silently replacing their work.

One rule on both engines. A case carries `revision`, moved on by every write of what
people type into it (check-sheet answers, review sheet, decision). An editor saves with
the revision it loaded; the write first claims the row with
``UPDATE cases SET revision = revision WHERE id = ? AND revision = ?``: on SQLite the
transaction already holds the write lock, on PostgreSQL the statement takes the row lock
and re-checks the condition against the newest committed row. No row: someone saved
first, and the refusal rolls the whole transaction back.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from exportdesk.store.errors import StoreError


def when(at: str | None) -> str:
    """A stored UTC time as the user's local time, minutes only."""
    if not at:
        return "?"
    try:
        moment = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def last_change(
    part: Any,
    entity: str,
    entity_id: int,
    actions: tuple[str, ...],
    touching: list[str] | None = None,
) -> dict:
    """Who last wrote `entity` by one of `actions` (and, with `touching`, changed one of
    those fields), and when: from the audit log."""
    marks = ",".join("?" * len(actions))
    rows = part._rows(
        "SELECT a.at, a.user_login, a.after_json, u.name AS user_name FROM audit_log a"
        " LEFT JOIN users u ON u.id = a.user_id"
        f" WHERE a.entity = ? AND a.entity_id = ? AND a.action IN ({marks})"
        " ORDER BY a.seq DESC LIMIT 50",
        [entity, str(entity_id), *actions],
    )
    for row in rows:
        if touching is None:
            return row
        after = row["after_json"]
        try:
            after = json.loads(after) if isinstance(after, str) else after
        except ValueError:
            continue
        if isinstance(after, dict) and any(k in after for k in touching):
            return row
    return {}


def conflict(part: Any, code: str, case_id: int, actions: tuple[str, ...]) -> StoreError:
    """The refusal for a stale save of a case, naming who saved it last and when."""
    last = last_change(part, "case", case_id, actions)
    return StoreError(
        code, name=last.get("user_name") or last.get("user_login") or "?", at=when(last.get("at"))
    )


def lock_case(part: Any, case_id: int) -> None:
    """Inside a transaction: hold the case's row until it ends, so what is read next is
    what the write that follows builds on. SQLite's write transaction already excludes
    every other writer; the server takes the row's lock without writing it (its guard
    would read a write as a move of the case, which not everyone who locks may make)."""
    if part.db.name == "postgresql":
        part.db.execute("SELECT id FROM cases WHERE id = ? FOR UPDATE", [case_id])


def claim_case(
    part: Any, case_id: int, expected: int | None, code: str, actions: tuple[str, ...]
) -> None:
    """Inside a transaction: lock the case's row for the write that follows; with
    `expected`, refuse (`code`) when the row's revision is no longer the one loaded."""
    if expected is None:
        lock_case(part, case_id)
        return
    cursor = part.db.execute(
        "UPDATE cases SET revision = revision WHERE id = ? AND revision = ?",
        [case_id, int(expected)],
    )
    if cursor.rowcount == 0:
        raise conflict(part, code, case_id, actions)


# What moves a case's revision on, for naming the colleague who did it.
REVIEW_WRITES = ("review", "decision", "status", "save", "import_case", "import_decision")
DRAFT_WRITES = ("save", "create", "status", "import_case")
