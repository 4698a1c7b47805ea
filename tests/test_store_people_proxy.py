"""A proxy (a secretary filing for a professor) and the people that professor hosts:
the same on both engines, in the store's rules and in the campus database's policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exportdesk.store import StoreError
from tests.campus_world import ENGINES, campus_on
from tests.store_fixtures import Campus, plain_visit_answers

TABLES = ("people", "cases", "declarations", "audit_log")
FACTS = {
    "nationality": "DE",
    "employed_in_japan": False,
    "entry_date": "2026-11-28",
    "diplomat_or_foreign_official": False,
    "foreign_contract_exists": False,
    "foreign_government_benefit": False,
    "acts_on_foreign_government_instructions": False,
}


@pytest.fixture(params=ENGINES)
def campus(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    return campus_on(request, tmp_path / "proxy.db")


def snapshot(c: Campus) -> dict[str, list[Any]]:
    return {t: c.store.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


def people(c: Campus) -> dict[str, int]:
    """The professor's visitor, another professor's, and an ENG student no one hosts."""
    s = c.store
    return {
        "visitor": s.add_person(
            c.office,
            family_name="Schmidt",
            nationality="DE",
            status="visiting_researcher",
            department_id=c.eng,
            host_user_id=c.prof.id,
        ),
        "other_host": s.add_person(
            c.office, family_name="Dubois", nationality="FR", host_user_id=c.prof_sci.id
        ),
        "unhosted": s.add_person(
            c.office, family_name="Wang", nationality="CN", department_id=c.eng
        ),
    }


def test_a_proxy_sees_the_people_their_professor_hosts(campus: Campus):
    s = campus.store
    ids = people(campus)
    assert [p["id"] for p in s.list_people(campus.secretary)] == [ids["visitor"]]
    assert s.people_order(campus.secretary) == [ids["visitor"]]
    assert s.get_person(campus.secretary, ids["visitor"])["family_name"] == "Schmidt"
    assert s.may_edit_person(campus.secretary, ids["visitor"])
    # The same as their professor sees, and no more.
    assert [p["id"] for p in s.list_people(campus.prof)] == [ids["visitor"]]
    for other in ("other_host", "unhosted"):
        before = snapshot(campus)
        with pytest.raises(StoreError) as err:
            s.get_person(campus.secretary, ids[other])
        assert err.value.code == "person_not_visible"
        assert not s.may_edit_person(campus.secretary, ids[other])
        assert snapshot(campus) == before
    # Still no People screen: they meet people on the cases they file.
    assert not s.people_screen_allowed(campus.secretary)


def test_a_proxy_links_the_case_they_file_to_the_visitor(campus: Campus):
    s = campus.store
    ids = people(campus)
    s.declare(campus.office, ids["visitor"], declared_on="2026-11-20", facts=FACTS)
    case = s.create_case(
        campus.secretary, applicant_id=campus.prof.id, answers=plain_visit_answers()
    )
    s.link_case_person(campus.secretary, case["id"], ids["visitor"])
    record = s.person_answers_for_case(campus.secretary, case["id"])
    assert record is not None and record["person_id"] == ids["visitor"]
    assert record["answers"]["nationality"] == "DE"
    assert str(record["declared_on"]) == "2026-11-20"
    # Another professor's visitor cannot be linked, nor named when a case is made.
    before = snapshot(campus)
    with pytest.raises(StoreError) as err:
        s.link_case_person(campus.secretary, case["id"], ids["other_host"])
    assert err.value.code == "person_not_visible"
    with pytest.raises(StoreError) as err:
        s.create_case(
            campus.secretary,
            applicant_id=campus.prof.id,
            answers=plain_visit_answers(),
            person_id=ids["unhosted"],
        )
    assert err.value.code == "person_not_visible"
    assert snapshot(campus) == before
    # 'Same as last time' keeps the link for whoever may see the person.
    again = s.duplicate(campus.secretary, case["id"])
    assert s.get_case(campus.secretary, again["id"])["person_id"] == ids["visitor"]


def test_a_proxy_no_longer_sees_them_once_the_proxy_is_removed(campus: Campus):
    s = campus.store
    ids = people(campus)
    s.remove_proxy(campus.admin, campus.secretary.id, campus.prof.id)
    assert s.list_people(campus.secretary) == []
    with pytest.raises(StoreError) as err:
        s.get_person(campus.secretary, ids["visitor"])
    assert err.value.code == "person_not_visible"
