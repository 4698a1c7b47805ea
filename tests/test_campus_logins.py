"""Campus mode: people's PostgreSQL login roles follow what administrators do.

Creating a person makes their login role; the administrator role grants the server's
administrators' group; deactivating turns LOGIN off; a password reset sets the role's
password. Each is checked on the real cluster by connecting as that person, and each
refusal (a professor at psql, an administrator reaching for the server's own roles)
changes nothing.
"""

from __future__ import annotations

import itertools
from typing import Any

import psycopg
import pytest

from exportdesk.cli import main
from exportdesk.store import Store, StoreError
from exportdesk.store.pg import schema
from exportdesk.store.pg.signin import sign_in
from tests.campus_world import PASSWORD, World, pg_world, user_dsn
from tests.test_campus_pg import psql, snapshot

NEW_PASSWORD = "a brand new passphrase"
_names = itertools.count(1)


@pytest.fixture
def world(pg_cluster):  # type: ignore[no-untyped-def]
    w = pg_world(pg_cluster)
    w.cluster = pg_cluster  # type: ignore[attr-defined]
    yield w
    w.close()


def new_login(w: World) -> str:
    # Login roles are cluster-wide: unique per test database.
    return f"{w.dbname}-p{next(_names)}"


def address(w: World) -> str:
    """The campus address without credentials, as a professor's PC would hold it."""
    c = w.cluster  # type: ignore[attr-defined]
    return f"postgresql://{c.host}:{c.port}/{w.dbname}"


def role(w: World, login: str) -> dict[str, Any] | None:
    """What the server says of `login`: can it log in, and in which groups."""
    with psycopg.connect(w.admin_dsn) as conn:
        row = conn.execute(
            "SELECT rolcanlogin, rolsuper, rolcreaterole,"
            " ARRAY(SELECT g.rolname::text FROM pg_auth_members m"
            "       JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1)"
            " FROM pg_roles r WHERE rolname = %s",
            [login],
        ).fetchone()
    if row is None:
        return None
    return {"login": row[0], "super": row[1], "createrole": row[2], "groups": row[3]}


def create(w: World, login: str, roles: list[tuple[str, int | None]]) -> int:
    admin = w.store(w.admin)
    user = admin.save_account(
        w.admin,
        None,
        login=login,
        name="新任 教員",
        password=PASSWORD,
        roles=roles,
        department_id=w.eng,
    )
    return user.id


def test_an_administrator_creates_a_person_who_then_signs_in(world: World) -> None:
    w = world
    login = new_login(w)
    user_id = create(w, login, [("applicant", None)])
    assert role(w, login) == {
        "login": True,
        "super": False,
        "createrole": False,
        "groups": [schema.USERS],
    }
    store, user = sign_in(address(w), login, PASSWORD)
    try:
        assert user.id == user_id and user.has("applicant")
        assert store.list_cases(user) == []
    finally:
        store.close()
    # The record was written by the administrator's own role, the sign-in by the person's.
    history = w.store(w.admin).account_history(w.admin, user_id)
    assert [(h["action"], h["user_login"]) for h in history] == [
        ("create", w.admin.login),
        ("login", login),
    ]


def test_a_duplicate_login_creates_no_role_and_no_record(world: World) -> None:
    w = world
    before = snapshot(w)
    with pytest.raises(StoreError) as refused:
        create(w, w.prof.login.upper(), [("applicant", None)])
    assert refused.value.code == "duplicate_login"
    assert snapshot(w) == before
    assert role(w, w.prof.login.upper()) is None


def test_the_administrator_role_grants_and_revokes_the_servers_group(world: World) -> None:
    w = world
    login = new_login(w)
    user_id = create(w, login, [("applicant", None)])
    admin = w.store(w.admin)
    admin.set_roles(w.admin, user_id, [("applicant", None), ("admin", None)])
    assert role(w, login)["groups"] == [schema.ADMINS, schema.USERS]  # type: ignore[index]
    # The new administrator can now do what administrators do, as their own role.
    store, new_admin = sign_in(address(w), login, PASSWORD)
    try:
        other = new_login(w)
        store.save_account(
            new_admin, None, login=other, name="追加", password=PASSWORD, roles=[("office", None)]
        )
        assert role(w, other)["login"] is True  # type: ignore[index]
    finally:
        store.close()
    admin.set_roles(w.admin, user_id, [("applicant", None)])
    assert role(w, login)["groups"] == [schema.USERS]  # type: ignore[index]
    store, former = sign_in(address(w), login, PASSWORD)
    try:
        before = snapshot(w)
        with pytest.raises(StoreError):
            store.save_account(
                former, None, login=new_login(w), name="x", password=PASSWORD, roles=[]
            )
        # Past the client's own check, the server refuses too.
        with pytest.raises(StoreError) as refused:
            store.db.register_login(new_login(w), PASSWORD, admin=False)
        assert refused.value.code == "forbidden_by_server"
        assert snapshot(w) == before
    finally:
        store.close()


def test_deactivating_stops_the_person_connecting(world: World) -> None:
    w = world
    login = new_login(w)
    user_id = create(w, login, [("applicant", None)])
    admin = w.store(w.admin)
    admin.set_active(w.admin, user_id, False)
    assert role(w, login)["login"] is False  # type: ignore[index]
    with pytest.raises(StoreError) as refused:
        sign_in(address(w), login, PASSWORD)
    # Like a wrong password: the sign-in does not tell who exists.
    assert refused.value.code == "login_failed"
    admin.set_active(w.admin, user_id, True)
    store, _user = sign_in(address(w), login, PASSWORD)
    store.close()


def test_a_password_reset_sets_the_roles_password(world: World) -> None:
    w = world
    login = new_login(w)
    user_id = create(w, login, [("applicant", None)])
    w.store(w.admin).reset_password(w.admin, user_id, NEW_PASSWORD)
    with pytest.raises(StoreError) as refused:
        sign_in(address(w), login, PASSWORD)
    assert refused.value.code == "login_failed"
    store, user = sign_in(address(w), login, NEW_PASSWORD)
    try:
        # The person then chooses their own (their role's own ALTER ROLE).
        store.change_password(user, NEW_PASSWORD, PASSWORD)
    finally:
        store.close()
    sign_in(address(w), login, PASSWORD)[0].close()


def _verifier(w: World, login: str) -> str:
    with psycopg.connect(w.admin_dsn) as conn:
        return conn.pgconn.encrypt_password(
            NEW_PASSWORD.encode(), login.encode(), b"scram-sha-256"
        ).decode()


def test_a_professor_at_psql_cannot_manage_logins(world: World) -> None:
    w = world
    office_verifier = _verifier(w, w.office.login)
    before = snapshot(w)
    roles_before = {u.login: role(w, u.login) for u in (w.prof, w.office, w.admin)}
    attempts = [
        f"SELECT exportdesk.create_login('{w.dbname}-intruder', '{office_verifier}')",
        f"SELECT exportdesk.set_login_password('{w.office.login}', '{office_verifier}')",
        f"SELECT exportdesk.sync_login({w.prof.id})",
        f'GRANT {schema.ADMINS} TO "{w.prof.login}"',
        f'ALTER ROLE "{w.office.login}" NOLOGIN',
        f"ALTER ROLE \"{w.office.login}\" PASSWORD '{office_verifier}'",
        f"INSERT INTO exportdesk.user_roles (user_id, role) VALUES ({w.prof.id}, 'admin')",
        f"UPDATE exportdesk.users SET active = 0 WHERE id = {w.office.id}",
    ]
    for statement in attempts:
        result = psql(w, "prof", statement)
        assert result.returncode != 0, statement
        # A grant refuses most; user_roles is open to inserts the office's import of case
        # files needs, so its policy refuses the professor's row.
        refusals = ("permission denied", "must have", "violates row-level security policy")
        assert any(r in result.stderr for r in refusals), result.stderr
    assert snapshot(w) == before
    assert {u.login: role(w, u.login) for u in (w.prof, w.office, w.admin)} == roles_before
    assert role(w, f"{w.dbname}-intruder") is None


def test_an_administrator_cannot_reach_the_servers_own_roles(world: World) -> None:
    w = world
    verifier = _verifier(w, "postgres")
    before = snapshot(w)
    attempts = [
        # The cluster's superuser and the schema's owner are not ExportDesk logins.
        f"SELECT exportdesk.set_login_password('postgres', '{verifier}')",
        f"SELECT exportdesk.set_login_password('{schema.OWNER}', '{verifier}')",
        f"SELECT exportdesk.create_login('{w.dbname}-clear', 'not a verifier')",
        # A record named after the superuser, then made an administrator.
        "BEGIN; INSERT INTO exportdesk.users (login, name, password_hash, created_at)"
        " VALUES ('postgres', 'x', '!postgresql', '2027-01-01'); COMMIT;",
        f'ALTER ROLE "{w.office.login}" NOLOGIN',
        f"UPDATE exportdesk.users SET login = 'renamed' WHERE id = {w.office.id}",
    ]
    for statement in attempts:
        result = psql(w, "admin", statement)
        assert result.returncode != 0, statement
    assert snapshot(w) == before
    assert role(w, w.office.login)["login"] is True  # type: ignore[index]
    assert role(w, f"{w.dbname}-clear") is None
    with psycopg.connect(w.admin_dsn.replace("/" + w.dbname, "/postgres")) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)  # the superuser's password holds


def test_campus_add_user_and_the_users_screen_give_the_same_person(
    world: World, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    w = world
    by_cli, by_window = new_login(w), new_login(w)
    monkeypatch.setenv("NEW_PW", PASSWORD)
    assert (
        main(
            [
                "campus",
                "add-user",
                w.admin_dsn,
                by_cli,
                "--name",
                "代理 七子",
                "--role",
                "proxy",
                "--department",
                "ENG",
                "--proxy-for",
                w.prof.login,
                "--password-env",
                "NEW_PW",
            ]
        )
        == 0
    )
    admin = w.store(w.admin)
    admin.save_account(
        w.admin,
        None,
        login=by_window,
        name="代理 七子",
        password=PASSWORD,
        roles=[("proxy", None)],
        department_id=w.eng,
        proxy_for={w.prof.id},
    )
    accounts = {a["login"]: a for a in admin.list_accounts(w.admin)}

    def same(a: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in a.items() if k not in ("id", "login", "created_at")}

    assert same(accounts[by_cli]) == same(accounts[by_window])
    assert role(w, by_cli) == role(w, by_window)
    for login in (by_cli, by_window):
        history = admin.account_history(w.admin, accounts[login]["id"])
        assert [h["action"] for h in history] == ["create", "add_proxy"]
        store, user = sign_in(address(w), login, PASSWORD)
        assert [u.login for u in store.proxied_applicants(user)] == [w.prof.login]
        store.close()


def test_the_typed_password_is_the_only_credential_needed(
    world: World, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    w = world
    c = w.cluster  # type: ignore[attr-defined]
    # ~/.pgpass (here PGPASSFILE) still serves an empty password field, as for psql.
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{c.host}:{c.port}:{w.dbname}:{w.office.login}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    store, user = sign_in(address(w), w.office.login, "")
    store.close()
    assert user.id == w.office.id
    # An address naming the login but no password: the typed one is used.
    named = f"postgresql://{w.prof.login}@{c.host}:{c.port}/{w.dbname}"
    store, user = sign_in(named, w.prof.login, PASSWORD)
    store.close()
    assert user.id == w.prof.id
    # An address that carries the password keeps working with nothing typed.
    store, user = sign_in(user_dsn(c, w.dbname, w.prof.login), w.prof.login, "")
    store.close()
    assert user.id == w.prof.id
    # Wrong password and unknown login: the same answer; nothing written.
    before = snapshot(w)
    answers = set()
    for login, password in ((w.prof.login, "not the password"), ("nobody-at-all", PASSWORD)):
        with pytest.raises(StoreError) as refused:
            sign_in(address(w), login, password)
        answers.add((refused.value.code, refused.value.ja, refused.value.en))
    assert answers == {("login_failed", "ユーザー名又はパスワードが違います。",
                        "The user name or password is wrong.")}  # fmt: skip
    assert snapshot(w) == before
    with pytest.raises(StoreError) as unreachable:
        sign_in(f"postgresql://{c.host}:1/{w.dbname}", w.prof.login, PASSWORD)
    assert unreachable.value.code == "server_unreachable"
    assert PASSWORD not in unreachable.value.en
    # Store(...) of an address with a password still opens as before.
    Store(user_dsn(c, w.dbname, w.prof.login)).close()


def test_the_command_line_connects_as_user_with_the_password(
    world: World, tmp_path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import json

    from tests.store_fixtures import plain_visit_answers

    w = world
    mine = w.store(w.prof).create_case(w.prof, answers=plain_visit_answers(title="Mine"))
    w.store(w.prof_sci).create_case(w.prof_sci, answers=plain_visit_answers(title="Not mine"))
    out = tmp_path / "cases.json"
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    argv = ["export", "--format", "json", "-o", str(out), "--db", address(w)]
    assert main([*argv, "--user", w.prof.login]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    rows = exported["cases"] if isinstance(exported, dict) else exported
    assert [r["ref"] for r in rows] == [mine["ref"]]
    out.unlink()
    capsys.readouterr()
    monkeypatch.setenv("EXPORTDESK_PASSWORD", "not the password")
    assert main([*argv, "--user", w.prof.login]) != 0
    assert "The user name or password is wrong." in capsys.readouterr().err
    assert not out.exists()
