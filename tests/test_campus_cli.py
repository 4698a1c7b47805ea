"""Maintenance commands on a campus address: what they do there, and what they refuse."""

from __future__ import annotations

import pytest

from exportdesk.cli import main
from tests.campus_world import World, pg_world
from tests.store_fixtures import PASSWORD, plain_visit_answers


@pytest.fixture
def world(pg_cluster):  # type: ignore[no-untyped-def]
    w = pg_world(pg_cluster)
    w.cluster = pg_cluster  # type: ignore[attr-defined]
    yield w
    w.close()


def address(w: World) -> str:
    c = w.cluster  # type: ignore[attr-defined]
    return f"postgresql://{c.host}:{c.port}/{w.dbname}"


def test_db_verify_reads_the_servers_chain_as_the_office(world: World, capsys, monkeypatch):
    w = world
    case = w.store(w.prof).create_case(w.prof, answers=plain_visit_answers())
    w.store(w.prof).submit(w.prof, case["id"])
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    # Either place for --db, as on a single PC.
    assert main(["db", "verify", "--db", address(w), "--user", w.office.login]) == 0
    out = capsys.readouterr().out
    entries = w.store(w.office).db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert f"audit log: {entries} entries, chain intact" in out and entries >= 2
    # A professor sees only part of the log: the check is not theirs to make.
    assert main(["db", "--db", address(w), "verify", "--user", w.prof.login]) != 0
    assert "You are not allowed to do this." in capsys.readouterr().err
    # Edits of the server's file belong to IT: init and migrate are not run from here.
    assert main(["db", "migrate", "--db", address(w)]) != 0
    assert "docs/campus.md" in capsys.readouterr().err


def test_a_mistyped_database_name_is_not_called_a_wrong_password(world: World) -> None:
    from exportdesk.store import StoreError
    from exportdesk.store.pg.signin import sign_in

    c = world.cluster  # type: ignore[attr-defined]
    wrong_name = f"postgresql://{c.host}:{c.port}/{world.dbname}x"
    with pytest.raises(StoreError) as err:
        sign_in(wrong_name, world.prof.login, PASSWORD)
    assert err.value.code == "no_campus_database"
    assert f"{world.dbname}x" in err.value.ja and "campus address" in err.value.en
    # A wrong password on that address is still only a wrong password (the server checks
    # the password before it looks for the database).
    with pytest.raises(StoreError) as err:
        sign_in(wrong_name, world.prof.login, "not the password")
    assert err.value.code == "login_failed"
