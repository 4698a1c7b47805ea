"""Campus mode: which login roles a database's records have authority over.

Login roles are cluster-wide; an ExportDesk administrator (or an office member recording
a sender of case files) must not reach a role that another database made, nor one that
IT staff hold beside exportdesk_user (a member of exportdesk_owner could be taken over
by resetting its password, then SET ROLE). Each refusal is checked on the real cluster:
the records, the role's attributes and groups, and its password are unchanged.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from exportdesk.store.pg import schema
from exportdesk.store.pg.campus import migrate
from tests.campus_world import PASSWORD, World, pg_world
from tests.test_campus_logins import NEW_PASSWORD, create, new_login, role
from tests.test_campus_pg import psql, snapshot


@pytest.fixture
def world(pg_cluster):  # type: ignore[no-untyped-def]
    w = pg_world(pg_cluster)
    w.cluster = pg_cluster  # type: ignore[attr-defined]
    yield w
    w.close()


@pytest.fixture
def other(pg_cluster):  # type: ignore[no-untyped-def]
    """A second ExportDesk database on the same server."""
    w = pg_world(pg_cluster)
    w.cluster = pg_cluster  # type: ignore[attr-defined]
    yield w
    w.close()


def superuser(w: World, statement: str, params: Any = None) -> list[tuple]:
    with psycopg.connect(w.admin_dsn, autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def signs_in(w: World, login: str, password: str) -> bool:
    c = w.cluster  # type: ignore[attr-defined]
    try:
        psycopg.connect(
            host=c.host, port=c.port, dbname=w.dbname, user=login, password=password
        ).close()
    except psycopg.OperationalError:
        return False
    return True


def verifier(w: World, login: str) -> str:
    with psycopg.connect(w.admin_dsn) as conn:
        return conn.pgconn.encrypt_password(
            NEW_PASSWORD.encode(), login.encode(), b"scram-sha-256"
        ).decode()


def insert_user(login: str, password_hash: str = "!postgresql", active: int = 1) -> str:
    return (
        "INSERT INTO exportdesk.users (login, name, password_hash, active, created_at)"
        f" VALUES ('{login}', 'x', '{password_hash}', {active}, '2027-01-01')"
    )


@pytest.mark.parametrize("power", [schema.OWNER, "pg_write_all_data", "via a group"])
def test_an_administrator_cannot_take_over_it_staff(world: World, power: str) -> None:
    w = world
    dba = f"{w.dbname}-it-dba-{len(power)}"
    if power == "via a group":
        # Reached through another group, not directly.
        group = f"{w.dbname}-it-group"
        superuser(w, f'CREATE ROLE "{group}" NOLOGIN IN ROLE pg_execute_server_program')
        power = group
    superuser(w, f'CREATE ROLE "{dba}" LOGIN PASSWORD \'x\' IN ROLE {schema.USERS}, "{power}"')
    # Even a record and an entry this database would trust (as if IT had added them by
    # hand, triggers off) give an administrator no hold on the role.
    superuser(
        w,
        "BEGIN; SET LOCAL session_replication_role = replica;"
        f" {insert_user(dba)}; INSERT INTO exportdesk.own_logins SELECT rolname, r.oid, d.oid"
        f" FROM pg_roles r, pg_database d WHERE rolname = '{dba}'"
        " AND datname = current_database(); COMMIT",
    )
    before, role_before = snapshot(w), role(w, dba)
    attempts = [
        f"SELECT exportdesk.set_login_password('{dba}', '{verifier(w, dba)}')",
        f"UPDATE exportdesk.users SET active = 0 WHERE login = '{dba}'",
        f"INSERT INTO exportdesk.user_roles (user_id, role)"
        f" SELECT id, 'admin' FROM exportdesk.users WHERE login = '{dba}'",
    ]
    for statement in attempts:
        result = psql(w, "admin", statement)
        assert result.returncode != 0, statement
        assert "not an ExportDesk login" in result.stderr, result.stderr
    assert snapshot(w) == before
    assert role(w, dba) == role_before and role_before["login"] is True  # type: ignore[index]
    assert signs_in(w, dba, "x") and not signs_in(w, dba, NEW_PASSWORD)


def test_a_database_has_no_authority_over_another_databases_logins(
    world: World, other: World
) -> None:
    w = world
    theirs = new_login(other)
    create(other, theirs, [("applicant", None), ("admin", None)])
    before, role_before = snapshot(w), role(w, theirs)
    attempts = [
        # An administrator makes a record for the other database's person, to reset
        # their password or deactivate them.
        ("admin", insert_user(theirs), "not an ExportDesk login"),
        ("admin", insert_user(theirs, active=0), "not an ExportDesk login"),
        (
            "admin",
            f"SELECT exportdesk.set_login_password('{theirs}', '{verifier(w, theirs)}')",
            "no ExportDesk login",
        ),
        # The office records a "sender known only from case files" of that name (in any
        # case), which would strip their administrators' group or LOGIN.
        ("office", insert_user(theirs, "!0123456789abcdef", active=0), "a role of the server"),
        ("office", insert_user(theirs.upper(), "!0123456789abcd", active=0), "a role of the"),
        ("office", insert_user("Postgres", "!0123456789abcdef", active=0), "a role of the"),
    ]
    for who, statement, message in attempts:
        result = psql(w, who, statement)
        assert result.returncode != 0, statement
        assert message in result.stderr, result.stderr
    assert snapshot(w) == before
    assert role(w, theirs) == role_before
    assert role_before["groups"] == [schema.ADMINS, schema.USERS]  # type: ignore[index]
    assert role_before["login"] is True  # type: ignore[index]
    assert signs_in(other, theirs, PASSWORD) and not signs_in(other, theirs, NEW_PASSWORD)


def test_a_sender_of_case_files_never_touches_a_role(world: World) -> None:
    w = world
    # A sender whose login is no role: recorded, and no role appears or changes.
    sender = f"{w.dbname}-laptop"
    result = psql(w, "office", insert_user(sender, "!0123456789abcdef", active=0))
    assert result.returncode == 0, result.stderr
    assert role(w, sender) is None
    # A role named so later (another database's person) is still not this record's.
    superuser(w, f"CREATE ROLE \"{sender}\" LOGIN PASSWORD 'x' IN ROLE {schema.USERS}")
    before = role(w, sender)
    result = psql(w, "admin", f"UPDATE exportdesk.users SET active = 1 WHERE login = '{sender}'")
    assert result.returncode == 0, result.stderr
    assert role(w, sender) == before


def test_a_database_set_up_before_knows_its_own_logins(world: World) -> None:
    w = world
    mine = new_login(w)
    create(w, mine, [("applicant", None)])
    remote = f"{w.dbname}-remote"
    assert psql(w, "office", insert_user(remote, "!0123456789abcdef", active=0)).returncode == 0
    ours = {r[0] for r in superuser(w, "SELECT login FROM exportdesk.own_logins")}
    assert mine in ours and w.prof.login in ours and remote not in ours
    # As a database of an earlier release: no table; `campus init` fills it once from
    # the campus accounts (never from senders of case files).
    superuser(w, "DROP TABLE exportdesk.own_logins")
    migrate(w.admin_dsn)
    assert {r[0] for r in superuser(w, "SELECT login FROM exportdesk.own_logins")} == ours
    # Nobody but the owner reads or writes it.
    for who in ("admin", "office"):
        result = psql(w, who, f"INSERT INTO exportdesk.own_logins VALUES ('{w.dbname}-x')")
        assert result.returncode != 0 and "permission denied" in result.stderr
    # Its own people are still the administrators' to manage.
    mine_id = superuser(w, "SELECT id FROM exportdesk.users WHERE login = %s", [mine])[0][0]
    w.store(w.admin).reset_password(w.admin, mine_id, NEW_PASSWORD)
    assert signs_in(w, mine, NEW_PASSWORD)


def test_a_role_dropped_and_made_again_elsewhere_is_not_this_databases(
    world: World, other: World
) -> None:
    w = world
    login = new_login(w)
    create(w, login, [("applicant", None)])
    # IT drops the role; another database makes one of the same name for its person.
    superuser(w, f'DROP ROLE "{login}"')
    create(other, login, [("applicant", None)])
    before, role_before = snapshot(w), role(w, login)
    attempts = [
        (
            f"SELECT exportdesk.set_login_password('{login}', '{verifier(w, login)}')",
            "not an ExportDesk",
        ),
        (f"UPDATE exportdesk.users SET active = 0 WHERE login = '{login}'", "not an ExportDesk"),
        (
            "INSERT INTO exportdesk.user_roles (user_id, role)"
            f" SELECT id, 'admin' FROM exportdesk.users WHERE login = '{login}'",
            "not an ExportDesk login",
        ),
    ]
    for statement, message in attempts:
        result = psql(w, "admin", statement)
        assert result.returncode != 0, statement
        assert message in result.stderr, result.stderr
    assert snapshot(w) == before
    assert role(w, login) == role_before and role_before["login"] is True  # type: ignore[index]
    assert signs_in(other, login, PASSWORD) and not signs_in(other, login, NEW_PASSWORD)
    # The other database, which made this role, still manages it.
    result = psql(other, "admin", f"UPDATE exportdesk.users SET active = 0 WHERE login = '{login}'")
    assert result.returncode == 0, result.stderr
    assert role(other, login)["login"] is False  # type: ignore[index]


def test_a_template_copy_of_the_database_has_no_authority(world: World) -> None:
    w = world
    login = new_login(w)
    create(w, login, [("applicant", None)])
    w.close()  # CREATE DATABASE … TEMPLATE needs the source without connections
    copy = f"{w.dbname}_copy"
    superuser(w, f'CREATE DATABASE "{copy}" TEMPLATE "{w.dbname}"')
    try:
        in_copy = World(
            w.engine, w.users, {}, w.eng, w.sci,
            {k: v.replace(f"/{w.dbname}", f"/{copy}") for k, v in w.dsn.items()},
            w.admin_dsn.replace(w.dbname, copy), copy,
        )  # fmt: skip
        before, role_before = snapshot(in_copy), role(w, login)
        attempts = [
            (
                f"SELECT exportdesk.set_login_password('{login}', '{verifier(w, login)}')",
                "not an Export",
            ),
            (f"UPDATE exportdesk.users SET active = 0 WHERE login = '{login}'", "not an Export"),
        ]
        for statement, message in attempts:
            result = psql(in_copy, "admin", statement)
            assert result.returncode != 0, statement
            assert message in result.stderr, result.stderr
        assert snapshot(in_copy) == before
        assert role(w, login) == role_before and role_before["login"] is True  # type: ignore[index]
        assert signs_in(w, login, PASSWORD) and not signs_in(w, login, NEW_PASSWORD)
        # The database that made the role still manages it.
        result = psql(w, "admin", f"SELECT exportdesk.set_login_password('{login}', "
                      f"'{verifier(w, login)}')")  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert signs_in(w, login, NEW_PASSWORD)
    finally:
        superuser(w, f'DROP DATABASE "{copy}" WITH (FORCE)')


def test_a_table_of_names_from_an_earlier_release_gets_the_oids_once(world: World) -> None:
    w = world
    mine, gone = new_login(w), new_login(w)
    create(w, mine, [("applicant", None)])
    create(w, gone, [("applicant", None)])
    superuser(w, "ALTER TABLE exportdesk.own_logins DROP COLUMN role_oid, DROP COLUMN db_oid")
    superuser(w, f'DROP ROLE "{gone}"')
    migrate(w.admin_dsn)
    rows = superuser(
        w,
        "SELECT o.login, o.role_oid = r.oid, d.datname FROM exportdesk.own_logins o"
        " JOIN pg_roles r ON r.rolname = o.login JOIN pg_database d ON d.oid = o.db_oid",
    )
    assert (mine, True, w.dbname) in rows
    # A name whose role is gone is no longer this database's.
    assert gone not in {r[0] for r in superuser(w, "SELECT login FROM exportdesk.own_logins")}
    mine_id = superuser(w, "SELECT id FROM exportdesk.users WHERE login = %s", [mine])[0][0]
    w.store(w.admin).reset_password(w.admin, mine_id, NEW_PASSWORD)
    assert signs_in(w, mine, NEW_PASSWORD)
