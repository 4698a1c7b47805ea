"""Row seals: the hash of each record's state, committed into the audit chain.

Every row the application writes is noted by temporary triggers that exist only in the
application's own connection; the next audit entry seals those rows (their hashes after
the change, or null once deleted) and the chain's hash covers the seals. `db verify`
hashes the tables again and compares: a row edited, added or deleted behind the
application's back (by any other connection) no longer matches its last seal.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import sqlite_utils

# Each sealed table and the columns that name one of its rows in reports.
KEYS: dict[str, tuple[str, ...]] = {
    "institution": ("id",),
    "departments": ("id",),
    "users": ("id",),
    "user_roles": ("user_id", "role", "department_id"),
    "proxies": ("proxy_id", "applicant_id"),
    "trusted_keys": ("login",),
    "people": ("id",),
    "declarations": ("id",),
    "cases": ("id",),
    "approvals": ("id",),
    "messages": ("id",),
    "attachments": ("id",),
    "eul_versions": ("id",),
    "eul_entities": ("version_id", "no"),
    "known_good": ("id",),
    "meta": ("key",),
    "person_status_history": ("id",),
    "person_scans": ("id",),
    "pledges": ("id",),
    "rechecks": ("id",),
    "training": ("id",),
    "report_texts": ("year", "lang", "section"),
    "internal_audits": ("id",),
    "internal_audit_cases": ("audit_id", "case_id"),
    "internal_audit_findings": ("id",),
}

# Only these settings in `meta` are records; the rest is bookkeeping of the chain itself.
SEALED_META = ("screening_threshold",)

# Columns left out of a row's hash: an attachment's content is checked against its own
# sha256 column instead, so sealing a case does not re-read the files it holds.
SKIP_COLUMNS = {"attachments": {"content"}, "person_scans": {"content"}}

# Columns added after seals began (schema 12 on): left out of a row's hash while empty,
# so that the rows sealed before the column existed still match their seals.
ADDED_LATER = {"people": {"stay_from"}}

State = dict[str, dict[str, str | None]]  # table -> row key -> hash (None: deleted)


def _key_sql(table: str, prefix: str = "") -> str:
    parts = [f"ifnull({prefix}{c}, '')" for c in KEYS[table]]
    if len(parts) == 1:
        return f"CAST({prefix}{KEYS[table][0]} AS TEXT)"
    return " || '/' || ".join(parts)


def _meta_filter(prefix: str = "") -> str:
    return f"{prefix}key IN ({','.join(repr(k) for k in SEALED_META)})"


def row_hash(table: str, row: dict[str, Any]) -> str:
    skip = SKIP_COLUMNS.get(table, set())
    later = ADDED_LATER.get(table, set())
    values = {
        k: ("sha256:" + hashlib.sha256(v).hexdigest()) if isinstance(v, bytes) else v
        for k, v in row.items()
        if k not in skip and not (v is None and k in later)
    }
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _tables(db: Any) -> list[str]:
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in KEYS if t in names]


def install(db: sqlite_utils.Database) -> None:
    """Note every write to a sealed table made through this connection (TEMP triggers:
    other connections, such as a hand-written SQL session, do not have them)."""
    conn = db.conn
    conn.execute(
        # No unique key: an upsert's conflict handling would override the triggers' own
        # OR IGNORE; repeats are removed when the rows are sealed.
        "CREATE TEMP TABLE IF NOT EXISTS seal_dirty"
        " (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, key TEXT NOT NULL)"
    )
    for table in _tables(db):
        when_new = f" WHEN {_meta_filter('NEW.')}" if table == "meta" else ""
        when_old = f" WHEN {_meta_filter('OLD.')}" if table == "meta" else ""
        note_new = (
            f"INSERT INTO seal_dirty VALUES ('{table}', NEW.rowid, {_key_sql(table, 'NEW.')});"
        )
        note_old = (
            f"INSERT INTO seal_dirty VALUES ('{table}', OLD.rowid, {_key_sql(table, 'OLD.')});"
        )
        for event, when, body in (
            ("INSERT", when_new, note_new),
            ("UPDATE", "", note_old + note_new),
            ("DELETE", when_old, note_old),
        ):
            if table == "meta" and event == "UPDATE":
                when = f" WHEN {_meta_filter('NEW.')} OR {_meta_filter('OLD.')}"
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS seal_{table}_{event.lower()}"
                f" AFTER {event} ON main.{table}{when} BEGIN {body} END"
            )


def _hash_by_rowid(db: sqlite_utils.Database, table: str, row_id: int, key: str) -> str | None:
    cursor = db.execute(
        f"SELECT {_key_sql(table)} AS _key, * FROM {table} WHERE rowid = ?", [row_id]
    )
    values = cursor.fetchone()
    if values is None:
        return None
    row = dict(zip([c[0] for c in cursor.description], values, strict=True))
    if str(row.pop("_key")) != key:
        return None  # the row's key changed: the old key is gone
    return row_hash(table, row)


def pending(db: sqlite_utils.Database) -> bool:
    try:
        return db.execute("SELECT 1 FROM temp.seal_dirty LIMIT 1").fetchone() is not None
    except Exception:  # no triggers installed on this connection
        return False


def flush(db: sqlite_utils.Database) -> State | None:
    """Seals for every row written since the last flush (call inside the transaction)."""
    if not pending(db):
        return None
    state: State = {}
    for table, row_id, key in db.execute(
        "SELECT DISTINCT tbl, row_id, key FROM temp.seal_dirty ORDER BY tbl, row_id"
    ).fetchall():
        digest = _hash_by_rowid(db, table, row_id, key)
        rows = state.setdefault(table, {})
        if digest is not None or key not in rows:
            rows[key] = digest
    db.execute("DELETE FROM temp.seal_dirty")
    return state


def _all_rows(db: sqlite_utils.Database, table: str) -> Iterator[tuple[str, str]]:
    where = f" WHERE {_meta_filter()}" if table == "meta" else ""
    cursor = db.execute(f"SELECT {_key_sql(table)} AS _key, * FROM {table}{where}")
    cols = [c[0] for c in cursor.description]
    for values in cursor:
        row = dict(zip(cols, values, strict=True))
        key = str(row.pop("_key"))
        yield key, row_hash(table, row)


def whole_database(db: sqlite_utils.Database) -> State:
    """Seals for every row: the baseline of a database that had none."""
    return {t: dict(_all_rows(db, t)) for t in _tables(db)}


def current(db: sqlite_utils.Database) -> dict[tuple[str, str], str]:
    return {(t, k): h for t in _tables(db) for k, h in _all_rows(db, t)}


class Ledger:
    """What the chain says every sealed row should hash to, built entry by entry."""

    def __init__(self) -> None:
        self.expected: dict[tuple[str, str], tuple[str | None, int]] = {}

    def apply(self, seq: int, state: State) -> None:
        for table, rows in state.items():
            for key, digest in rows.items():
                self.expected[(table, key)] = (digest, seq)

    def compare(self, found: dict[tuple[str, str], str]) -> list[str]:
        problems: list[str] = []
        for (table, key), digest in sorted(found.items()):
            sealed = self.expected.get((table, key))
            if sealed is None or sealed[0] is None:
                problems.append(
                    f"{table} row {key}: not in the audit trail (added outside ExportDesk)"
                )
            elif sealed[0] != digest:
                problems.append(
                    f"{table} row {key}: changed outside ExportDesk"
                    f" (differs from what audit entry {sealed[1]} recorded)"
                )
        for (table, key), (digest, seq) in sorted(self.expected.items()):
            if digest is not None and (table, key) not in found:
                problems.append(
                    f"{table} row {key}: deleted outside ExportDesk (audit entry {seq} recorded it)"
                )
        return problems
