"""Signing in to the campus database with a login and password typed by the person.

The connection itself is the check: PostgreSQL authenticates the role (SCRAM, LDAP or
Kerberos as pg_hba.conf says) and ExportDesk then only confirms that the connected
role is an active account of the institution. Nothing is written before that: no
failed-attempt record (the server's log has it) and never the password.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from exportdesk.store.errors import StoreError
from exportdesk.store.pg.engine import PostgresEngine
from exportdesk.store.users import User


def address_login(dsn: str) -> str:
    """The login the campus address names, if any (to fill in the sign-in field)."""
    try:
        return str(conninfo_to_dict(dsn).get("user") or "")
    except psycopg.ProgrammingError:
        return ""


def sign_in(dsn: str, login: str, password: str, **store_options: Any) -> tuple[Any, User]:
    """Connect as `login` with `password` and return (Store, User).

    An empty password leaves the credentials to the address, ~/.pgpass, PGPASSWORD or
    Kerberos, as psql does. A wrong password and an unknown login are the same
    `login_failed`; an unreachable server is `server_unreachable`."""
    from exportdesk.store.service import Store

    login = login.strip()
    if not login:
        raise StoreError("login_failed")
    engine = PostgresEngine(dsn, user=login, password=password or None)
    try:
        store = Store(engine=engine, **store_options)
        try:
            set_up = store.is_set_up()
        except psycopg.errors.UndefinedTable:
            set_up = False
        if not set_up:
            raise StoreError("campus_not_set_up")
        user = store.authenticate(login, password)
    except BaseException:
        engine.close()
        raise
    return store, user
