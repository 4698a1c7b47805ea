"""Setting up a campus database: run by the university's IT staff, never by the window.

`init_campus` creates the group roles, the schema (through the versioned migrations),
the policies and the institution; `add_user` creates one person's PostgreSQL role and
their ExportDesk record. Both connect with the DSN of a PostgreSQL administrator (a
superuser, or a role with CREATEROLE that owns the database) and act as the NOLOGIN
role `exportdesk_owner`, which owns every object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from exportdesk.domain.profile import InstitutionProfile
from exportdesk.store.db import LATEST
from exportdesk.store.errors import StoreError
from exportdesk.store.pg import schema
from exportdesk.store.pg.engine import SCHEMA, PostgresEngine
from exportdesk.store.pg.logins import LOGINS_SQL
from exportdesk.store.users import ROLES, User


@dataclass
class InitResult:
    found: int
    version: int
    created_institution: bool


def _connect(dsn: str) -> psycopg.Connection[Any]:
    try:
        return psycopg.connect(dsn, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as exc:
        raise StoreError("server_unreachable", detail=str(exc).strip()) from None


def _ensure_roles(conn: psycopg.Connection[Any]) -> None:
    for role, options in (
        (schema.OWNER, "NOLOGIN CREATEROLE"),
        (schema.USERS, "NOLOGIN"),
        (schema.ADMINS, "NOLOGIN"),
    ):
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
        if not exists:
            conn.execute(sql.SQL(f"CREATE ROLE {{}} {options}").format(sql.Identifier(role)))
    # The administrator running the set-up acts as the owner (SET ROLE); the owner
    # puts new people into the groups (PostgreSQL 16 and later ask for ADMIN OPTION).
    conn.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(schema.OWNER)))
    for group in (schema.USERS, schema.ADMINS):
        conn.execute(
            sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(
                sql.Identifier(group), sql.Identifier(schema.OWNER)
            )
        )


def schema_version(conn: psycopg.Connection[Any]) -> int:
    present = conn.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = %s AND table_name = 'meta'",
        [SCHEMA],
    ).fetchone()
    if not present:
        return 0
    row = conn.execute(
        sql.SQL("SELECT value FROM {}.meta WHERE key = 'schema_version'").format(
            sql.Identifier(SCHEMA)
        )
    ).fetchone()
    return int(row[0]) if row else 0


def migrate(dsn: str) -> tuple[int, int]:
    """Bring the campus schema to the latest version; returns (found, now)."""
    with _connect(dsn) as conn:
        _ensure_roles(conn)
        conn.execute(
            sql.SQL("CREATE SCHEMA IF NOT EXISTS {} AUTHORIZATION {}").format(
                sql.Identifier(SCHEMA), sql.Identifier(schema.OWNER)
            )
        )
        # pg_trgm is a trusted extension, but creating one needs CREATE on the
        # database, which the administrator has and the owner role need not.
        conn.execute(
            sql.SQL("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA {}").format(
                sql.Identifier(SCHEMA)
            )
        )
        found = schema_version(conn)
        if found > LATEST:
            raise StoreError("schema_newer", found=found, known=LATEST)
        with conn.transaction():
            conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(schema.OWNER)))
            conn.execute(sql.SQL("SET LOCAL search_path = {}").format(sql.Identifier(SCHEMA)))
            # One set-up at a time, even if two administrators run it together.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('exportdesk migrate'))")
            found = schema_version(conn)
            for version in range(found + 1, LATEST + 1):
                conn.execute(schema.MIGRATIONS[version - 1])  # type: ignore[arg-type]
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', %s)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(LATEST)],
            )
            conn.execute(schema.security_sql())  # type: ignore[arg-type]
            conn.execute(LOGINS_SQL)  # type: ignore[arg-type]
    return found, LATEST


def owner_store(dsn: str) -> Any:
    """A Store on the campus database acting as the schema owner (set-up tools only)."""
    from exportdesk.store.service import Store

    return Store(engine=PostgresEngine(dsn, role=schema.OWNER))


def init_campus(
    dsn: str,
    profile: InstitutionProfile,
    *,
    admin_login: str,
    admin_name: str,
    admin_password: str,
) -> InitResult:
    """Schema, roles, policies, and (once) the institution with its first administrator."""
    found, version = migrate(dsn)
    store = owner_store(dsn)
    try:
        if store.is_set_up():
            return InitResult(found, version, False)
        store.setup(
            name_ja=profile.name.ja,
            name_en=profile.name.en,
            icp_format=profile.icp_format,
            office_name_ja=profile.office_name.ja,
            office_name_en=profile.office_name.en,
            departments=[(d.code, d.ja, d.en) for d in profile.departments],
            admin_login=admin_login,
            admin_name=admin_name,
            admin_password=admin_password,
            retention_years=profile.retention_years,
            office_email=profile.office_email,
            profile=profile.model_dump(mode="json"),
        )
    finally:
        store.close()
    return InitResult(found, version, True)


def add_user(
    dsn: str,
    *,
    login: str,
    name: str,
    password: str,
    roles: list[str],
    department: str | None = None,
    email: str = "",
    language: str = "ja",
    proxy_for: list[str] | None = None,
) -> User:
    """One person: their PostgreSQL login role and their ExportDesk record.

    A department manager manages `department`; every other role is institution-wide.
    """
    store = owner_store(dsn)
    try:
        deps = {d["code"]: d["id"] for d in store.departments()}
        if department is not None and department not in deps:
            raise StoreError("invalid", detail=f"department {department}")
        dep_id = deps.get(department) if department else None
        unknown = [r for r in roles if r not in ROLES]
        if unknown or not roles:
            raise StoreError("invalid", detail=f"role {', '.join(unknown) or '(none)'}")
        pairs = [(r, dep_id if r == "dept_manager" else None) for r in roles]
        proxied: set[int] = set()
        for applicant in proxy_for or []:
            row = store._row("SELECT id FROM users WHERE lower(login) = lower(?)", [applicant])
            if row is None:
                raise StoreError("not_found")
            proxied.add(row["id"])
        # The set-up tool acts for IT; the server records the administrator's own login.
        it = User(0, "it", "IT", "", None, "en", frozenset({("admin", None)}))
        # The Users screen's own call: one path for the record, its roles, its proxies
        # and its PostgreSQL login role (create_login, pg/logins.py).
        return store.save_account(
            it,
            None,
            login=login,
            name=name,
            password=password,
            roles=pairs,
            department_id=dep_id,
            email=email,
            language=language,
            proxy_for=proxied,
        )
    finally:
        store.close()
