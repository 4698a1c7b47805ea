"""A proxy at a terminal (psql as the secretary) reads the people their professor hosts,
as the store shows them, and nothing else; and changes no one else's."""

from __future__ import annotations

import pytest

from tests.campus_world import World, pg_world
from tests.test_campus_pg import psql
from tests.test_campus_pg_people import rows, snapshot

SCAN = b"%PDF-1.4 signed declaration scan"


@pytest.fixture
def world(pg_cluster):  # type: ignore[no-untyped-def]
    """The professor's visitor (with a declaration), another professor's visitor and an
    ENG student no one hosts, recorded by the office."""
    w = pg_world(pg_cluster)
    office = w.store(w.office)
    ids = {
        "visitor": office.add_person(
            w.office,
            family_name="Schmidt",
            nationality="DE",
            department_id=w.eng,
            host_user_id=w.prof.id,
        ),
        "other_host": office.add_person(
            w.office, family_name="Dubois", nationality="FR", host_user_id=w.prof_sci.id
        ),
        "unhosted": office.add_person(
            w.office, family_name="Wang", nationality="CN", department_id=w.eng
        ),
    }
    office.declare(w.office, ids["visitor"], declared_on="2026-11-20", categories=[])
    yield w, ids
    w.close()


def test_the_proxy_reads_what_the_store_shows_them(world: tuple[World, dict]):
    w, ids = world
    before = snapshot(w)
    assert rows(w, "secretary", "SELECT id FROM exportdesk.people") == [str(ids["visitor"])]
    assert rows(w, "secretary", "SELECT person_id FROM exportdesk.declarations") == [
        str(ids["visitor"])
    ]
    # The store, on the secretary's own connection, lists the same people.
    store = w.store(w.secretary)
    assert [p["id"] for p in store.list_people(w.secretary)] == [ids["visitor"]]
    assert store.get_person(w.secretary, ids["visitor"])["family_name"] == "Schmidt"
    assert snapshot(w) == before


def test_the_proxy_changes_no_one_elses_record(world: tuple[World, dict]):
    w, ids = world
    before = snapshot(w)
    # Hidden rows are not there to change: the update finds nothing.
    for other in ("other_host", "unhosted"):
        result = psql(
            w, "secretary", f"UPDATE exportdesk.people SET funding = 'x' WHERE id = {ids[other]}"
        )
        assert result.returncode == 0 and result.stderr == ""
    # Nor may they record someone in another professor's or person's name.
    result = psql(
        w,
        "secretary",
        "INSERT INTO exportdesk.people (family_name, nationality, host_user_id, created_by,"
        f" created_at, updated_at) VALUES ('Ghost', 'US', {w.prof_sci.id}, {w.prof_sci.id},"
        " 'now', 'now')",
    )
    assert result.returncode != 0 and "row-level security" in result.stderr
    assert snapshot(w) == before


def test_a_removed_proxy_reads_no_one(world: tuple[World, dict]):
    w, _ids = world
    w.store(w.admin).remove_proxy(w.admin, w.secretary.id, w.prof.id)
    assert rows(w, "secretary", "SELECT count(*) FROM exportdesk.people") == ["0"]
    assert rows(w, "secretary", "SELECT count(*) FROM exportdesk.declarations") == ["0"]
    assert w.store(w.secretary).list_people(w.secretary) == []
