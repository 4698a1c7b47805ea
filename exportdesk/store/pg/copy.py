"""`exportdesk db copy`: move a single-PC SQLite installation into a campus database.

All or nothing: the SQLite file's audit chain must verify first; every row is copied
in one PostgreSQL transaction as the schema owner; the chain is verified again on the
server, and an entry recording the copy is appended by the server's own function.
People's passwords stay behind (they were argon2 hashes for the single PC): each
gets a PostgreSQL login role without a password, for IT to set.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from exportdesk.store import audit
from exportdesk.store.errors import StoreError
from exportdesk.store.pg import schema
from exportdesk.store.pg.campus import migrate
from exportdesk.store.pg.engine import PASSWORD_MARK, SCHEMA, PostgresEngine

# Parents before children (foreign keys); tables found in both and not named here
# follow in alphabetical order.
ORDER = [
    "institution",
    "departments",
    "users",
    "user_roles",
    "proxies",
    "people",
    "declarations",
    "cases",
    "approvals",
    "messages",
    "attachments",
    "eul_versions",
    "eul_entities",
    "known_good",
    "trusted_keys",
    "exchange_log",
    "audit_log",
    "meta",
]
SKIP_META = {"schema_version"}  # each engine keeps its own


@dataclass
class CopyResult:
    rows: dict[str, int] = field(default_factory=dict)
    audit_entries: int = 0
    logins_without_password: list[str] = field(default_factory=list)


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
    ).fetchall()
    names = {r[0] for r in rows}
    # FTS5's shadow tables belong to the SQLite search index, not to the records.
    return sorted(n for n in names if not n.startswith("cases_fts"))


def copy_database(sqlite_path: Path | str, dsn: str) -> CopyResult:
    from exportdesk.store.engine import SQLiteEngine

    path = Path(sqlite_path)
    if not path.is_file():
        raise StoreError("not_found")
    source = SQLiteEngine(path)  # opens and migrates to the latest schema (backup first)
    try:
        before = audit.verify(source)
        if not before.ok:
            raise StoreError("invalid", detail=f"{path}: audit log: {before.problems[0]}")
        migrate(dsn)
        result = CopyResult(audit_entries=before.entries)
        with psycopg.connect(dsn, autocommit=True) as conn:
            _copy(source.conn, conn, result)
    finally:
        source.close()
    target = PostgresEngine(dsn, role=schema.OWNER)
    try:
        after = target.verify_audit()
        if not after.ok or after.entries != before.entries + 1:
            raise StoreError(
                "invalid", detail="audit log after the copy: " + "; ".join(after.problems[:3])
            )
    finally:
        target.close()
    return result


def _copy(src: sqlite3.Connection, conn: psycopg.Connection[Any], result: CopyResult) -> None:
    present = set(_sqlite_tables(src))
    pg_tables = {
        r[0]
        for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [SCHEMA]
        )
    }
    unknown = present - pg_tables
    if unknown:
        raise StoreError(
            "invalid", detail="tables unknown to the campus schema: " + ", ".join(sorted(unknown))
        )
    tables = [t for t in ORDER if t in present] + sorted(present - set(ORDER))
    with conn.transaction():
        conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(schema.OWNER)))
        conn.execute(sql.SQL("SET LOCAL search_path = {}").format(sql.Identifier(SCHEMA)))
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('exportdesk migrate'))")
        taken = conn.execute("SELECT count(*) FROM institution").fetchone()
        if taken and taken[0]:
            raise StoreError("invalid", detail="the campus database already holds an institution")
        for table in tables:
            cursor = src.execute(f'SELECT * FROM "{table}"')
            columns = [c[0] for c in cursor.description]
            rows = cursor.fetchall()
            if table == "meta":
                conn.execute("DELETE FROM meta WHERE key = 'audit_head'")
                rows = [r for r in rows if r[columns.index("key")] not in SKIP_META]
            if table == "users":
                hash_at = columns.index("password_hash")
                rows = [(*r[:hash_at], PASSWORD_MARK, *r[hash_at + 1 :]) for r in rows]
            if rows:
                query = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                    sql.Identifier(table),
                    sql.SQL(", ").join(map(sql.Identifier, columns)),
                    sql.SQL(", ").join(sql.Placeholder() * len(columns)),
                )
                with conn.cursor() as cur:
                    cur.executemany(query, rows)
            result.rows[table] = len(rows)
        # Identity sequences continue after the copied ids (one numbering per table).
        identity = {
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = %s"
                " AND column_name = 'id' AND is_identity = 'YES'",
                [SCHEMA],
            )
        }
        for table in tables:
            if table not in identity:
                continue
            has_id = conn.execute(
                "SELECT pg_get_serial_sequence(%s, 'id')", [f"{SCHEMA}.{table}"]
            ).fetchone()
            if has_id and has_id[0]:
                conn.execute(
                    sql.SQL(
                        "SELECT setval(%s, coalesce((SELECT max(id) FROM {}), 0) + 1, false)"
                    ).format(sql.Identifier(table)),
                    [has_id[0]],
                )
        if "audit_head" not in {
            r[0] for r in conn.execute("SELECT key FROM meta WHERE key = 'audit_head'")
        }:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('audit_head', %s)",
                [f'[0, "{audit.GENESIS}"]'],
            )
        logins = [r[0] for r in conn.execute("SELECT login FROM users ORDER BY id")]
        admins = {
            r[0]
            for r in conn.execute(
                "SELECT u.login FROM users u JOIN user_roles r ON r.user_id = u.id"
                " WHERE r.role = 'admin'"
            )
        }
        for login in logins:
            exists = conn.execute(
                "SELECT 1 FROM pg_roles WHERE lower(rolname) = lower(%s)", [login]
            ).fetchone()
            if exists:
                raise StoreError("duplicate_login", login=login)
            groups = [schema.USERS, schema.ADMINS] if login in admins else [schema.USERS]
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(
                    sql.Identifier(login), sql.SQL(", ").join(map(sql.Identifier, groups))
                )
            )
            # This database made the role: its records now speak for it (pg/logins.py).
            conn.execute("SELECT own_login(%s)", [login])
        # An inactive account's role cannot log in (pg/logins.py keeps it so from here on).
        conn.execute("SELECT sync_login(id) FROM users")
        result.logins_without_password = logins
        conn.execute(
            "SELECT audit_append('copy', 'database', '', NULL, %s)",
            [audit.canonical({"entries": result.audit_entries, "rows": result.rows})],
        )
