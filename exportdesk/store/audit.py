"""The audit log: who did what, when, with before/after values, hash-chained.

Each entry's hash covers its own fields and the previous entry's hash, and the
chain's head (last seq and hash) is kept in `meta`. Editing, deleting or
reordering any past entry breaks the chain; `verify` finds where.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

GENESIS = "0" * 64


def canonical(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(prev_hash: str, row: dict[str, Any]) -> str:
    payload = canonical(
        [
            prev_hash,
            row["seq"],
            row["at"],
            row["user_id"],
            row["user_login"],
            row["action"],
            row["entity"],
            str(row["entity_id"]),
            row["before_json"],
            row["after_json"],
        ]
    )
    assert payload is not None
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    db: sqlite_utils.Database,
    *,
    at: str,
    user_id: int | None,
    user_login: str,
    action: str,
    entity: str,
    entity_id: Any = "",
    before: Any = None,
    after: Any = None,
) -> int:
    """Add one entry. Call inside the transaction that makes the change."""
    head = db.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if head:
        last_seq, prev_hash = json.loads(head[0])
    else:
        last_seq, prev_hash = 0, GENESIS
    row = {
        "seq": last_seq + 1,
        "at": at,
        "user_id": user_id,
        "user_login": user_login,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before_json": canonical(before),
        "after_json": canonical(after),
        "prev_hash": prev_hash,
    }
    row["hash"] = entry_hash(prev_hash, row)
    db.execute(
        "INSERT INTO audit_log (seq, at, user_id, user_login, action, entity, entity_id,"
        " before_json, after_json, prev_hash, hash) VALUES (:seq, :at, :user_id, :user_login,"
        " :action, :entity, :entity_id, :before_json, :after_json, :prev_hash, :hash)",
        row,
    )
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [json.dumps([row["seq"], row["hash"]])],
    )
    return int(row["seq"])


@dataclass
class VerifyResult:
    ok: bool
    entries: int
    problems: list[str]


def verify(db: sqlite_utils.Database) -> VerifyResult:
    problems: list[str] = []
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
    cursor = db.execute(
        "SELECT seq, at, user_id, user_login, action, entity, entity_id, before_json,"
        " after_json, prev_hash, hash FROM audit_log ORDER BY seq"
    )
    cols = [c[0] for c in cursor.description]
    for values in cursor:
        row = dict(zip(cols, values, strict=True))
        count += 1
        seq = row["seq"]
        if seq != expected_seq:
            problems.append(f"entry {expected_seq} is missing (next is {seq})")
        if row["prev_hash"] != prev_hash:
            problems.append(f"entry {seq}: does not follow the previous entry (deleted or moved)")
        if entry_hash(row["prev_hash"], row) != row["hash"]:
            problems.append(f"entry {seq}: content does not match its hash (edited)")
        prev_hash = row["hash"]
        expected_seq = seq + 1
        if len(problems) > 20:
            problems.append("… (stopped after 20 problems)")
            break
    head = db.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if head:
        head_seq, head_hash = json.loads(head[0])
        if (head_seq, head_hash) != (expected_seq - 1, prev_hash):
            problems.append(
                f"the log ends at entry {expected_seq - 1} but the recorded head is entry"
                f" {head_seq} (entries removed from the end, or the head altered)"
            )
    elif count:
        problems.append("the recorded head of the log is missing")
    return VerifyResult(not problems, count, problems)
