"""People over time: who sees whom, declarations, pledges, re-checks, the due list, training."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exportdesk.store import StoreError
from tests.campus_world import ENGINES, campus_on
from tests.store_fixtures import Campus, plain_visit_answers

SCAN = b"%PDF-1.4 signed pledge scan"

CHINESE_STUDENT_FACTS = {
    "nationality": "CN",
    "employed_in_japan": False,
    "entry_date": "2026-04-01",
    "diplomat_or_foreign_official": False,
    "foreign_contract_exists": False,
    "foreign_government_benefit": False,
    "acts_on_foreign_government_instructions": False,
}


@pytest.fixture(params=ENGINES)
def campus(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    # On PostgreSQL each person acts through their own connection (campus_world).
    return campus_on(request, tmp_path / "people.db")


def audit_count(c: Campus) -> int:
    return c.store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def refused(c: Campus, code: str, fn, *args, **kwargs) -> StoreError:
    """The action is refused with `code`, and neither the audit log nor any person row moves."""
    tables = ("people", "declarations", "pledges", "rechecks", "training", "person_scans")
    before = {t: c.store.db.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    before_audit = audit_count(c)
    with pytest.raises(StoreError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, err.value.en
    assert err.value.ja and err.value.en
    assert audit_count(c) == before_audit
    for t in tables:
        assert c.store.db.execute(f"SELECT * FROM {t}").fetchall() == before[t], t
    return err.value


def student(c: Campus, **extra) -> int:
    fields = {
        "family_name": "Wang",
        "given_name": "Li",
        "nationality": "CN",
        "entry_date": "2026-04-01",
        "status": "master",
        "department_id": c.eng,
        "external_id": "S2026001",
        "supervisor": "研究 一郎",
        "email": "wang@example.ac.jp",
    }
    return c.store.add_person(c.office, **(fields | extra))


# --- who sees whom -------------------------------------------------------------------------


def test_people_are_visible_only_to_the_office_their_manager_and_host(campus: Campus):
    s = campus.store
    eng_person = student(campus, host_user_id=campus.prof.id)
    sci_person = student(
        campus, external_id="S2026002", family_name="Kim", department_id=campus.sci
    )
    assert {p["id"] for p in s.list_people(campus.office)} == {eng_person, sci_person}
    assert {p["id"] for p in s.list_people(campus.chief)} == {eng_person, sci_person}
    assert [p["id"] for p in s.list_people(campus.manager_eng)] == [eng_person]
    assert [p["id"] for p in s.list_people(campus.manager_sci)] == [sci_person]
    assert [p["id"] for p in s.list_people(campus.prof)] == [eng_person]
    assert s.list_people(campus.prof_sci) == []
    assert s.people_screen_allowed(campus.office) and s.people_screen_allowed(campus.manager_sci)
    assert not s.people_screen_allowed(campus.prof)
    refused(campus, "person_not_visible", s.get_person, campus.manager_sci, eng_person)
    refused(
        campus,
        "person_not_visible",
        s.update_person,
        campus.prof_sci,
        eng_person,
        status="doctoral",
    )
    refused(campus, "person_not_visible", s.request_pledge, campus.prof_sci, eng_person, "entry")


def test_search_and_sort(campus: Campus):
    s = campus.store
    student(campus)
    student(campus, external_id="S2026002", family_name="Kim", given_name="Minji", nationality="KR")
    student(
        campus,
        external_id="S2026003",
        family_name="Adams",
        nationality="US",
        department_id=campus.sci,
    )
    names = [p["family_name"] for p in s.list_people(campus.office)]
    assert names == ["Adams", "Kim", "Wang"]
    desc = s.list_people(campus.office, order_by="external_id", descending=True)
    assert [p["external_id"] for p in desc] == ["S2026003", "S2026002", "S2026001"]
    assert [p["family_name"] for p in s.list_people(campus.office, search="minji")] == ["Kim"]
    assert [p["family_name"] for p in s.list_people(campus.office, search="SCI")] == ["Adams"]
    assert [p["family_name"] for p in s.list_people(campus.office, search="wang S2026001")] == [
        "Wang"
    ]
    assert s.list_people(campus.office, search="nobody") == []
    with pytest.raises(StoreError):
        s.list_people(campus.office, order_by="id; DROP TABLE people")


def test_status_history_and_recheck_by_change_of_status(campus: Campus):
    s = campus.store
    pid = student(campus)
    s.declare(campus.office, pid, declared_on="2026-04-05", facts=CHINESE_STUDENT_FACTS)
    assert s.people_needing_recheck(campus.office) == []
    s.update_person(campus.office, pid, status="doctoral")
    assert [h["status"] for h in s.status_history(campus.office, pid)] == ["master", "doctoral"]
    open_ = s.rechecks(campus.office, pid, open_only=True)
    assert [r["reason"] for r in open_] == ["status"]
    assert s.person(pid)["needs_recheck"] == 1
    s.update_person(campus.office, pid, funding="China Scholarship Council")
    assert {r["reason"] for r in s.rechecks(campus.office, pid, open_only=True)} == {
        "status",
        "funding",
    }
    # The office closes a re-check; the flag stays while another is open.
    first = s.rechecks(campus.office, pid, open_only=True)[0]["id"]
    refused(campus, "forbidden", s.close_recheck, campus.prof, first)
    s.close_recheck(campus.office, first, "Confirmed with the student")
    assert s.person(pid)["needs_recheck"] == 1
    # A new declaration closes what is left.
    s.declare(campus.office, pid, declared_on="2026-11-25", facts=CHINESE_STUDENT_FACTS)
    assert s.rechecks(campus.office, pid, open_only=True) == []
    assert s.person(pid)["needs_recheck"] == 0
    actions = [r[0] for r in s.db.execute("SELECT action FROM audit_log WHERE entity = 'person'")]
    assert actions.count("recheck_opened") == 2 and actions.count("recheck_closed") == 2
    # The one the declaration closed is on the trail with its reason and the declaration.
    last = s.db.execute(
        "SELECT after_json FROM audit_log WHERE action = 'recheck_closed' ORDER BY seq DESC"
    ).fetchone()[0]
    closed = json.loads(last)
    assert closed["reason"] == "funding" and closed["note"].startswith("declaration ")


def test_bad_person_input_changes_nothing(campus: Campus):
    s = campus.store
    refused(campus, "invalid", s.add_person, campus.office, family_name="X", nationality="XX")
    refused(
        campus,
        "invalid",
        s.add_person,
        campus.office,
        family_name="X",
        nationality="CN",
        status="pope",
    )
    refused(
        campus,
        "invalid",
        s.add_person,
        campus.office,
        family_name="X",
        nationality="CN",
        stay_until="soon",
    )
    refused(
        campus,
        "invalid",
        s.add_person,
        campus.office,
        family_name="X",
        nationality="CN",
        department_id=999,
    )


# --- declarations --------------------------------------------------------------------------


def test_declaration_from_facts_works_out_categories_and_residency(campus: Campus):
    s = campus.store
    pid = student(campus)
    facts = CHINESE_STUDENT_FACTS | {
        "foreign_government_benefit": True,
        "foreign_government_benefit_share": 80,
    }
    dec = s.declare(
        campus.office, pid, declared_on="2026-11-01", facts=facts, scan=("decl.pdf", SCAN)
    )
    row = s.latest_declaration(pid)
    assert row["id"] == dec and (row["category_1"], row["category_2"], row["category_3"]) == (
        0,
        1,
        0,
    )
    assert row["resident"] == 1  # more than six months after entry
    assert row["state"] == "received" and row["scan_id"]
    # Categories that do not follow from the facts are refused.
    refused(
        campus,
        "invalid",
        s.declare,
        campus.office,
        pid,
        declared_on="2026-11-02",
        facts=facts,
        categories=[],
    )
    refused(
        campus,
        "invalid",
        s.declare,
        campus.office,
        pid,
        declared_on="2026-11-02",
        facts={"shoe_size": 42},
    )
    refused(campus, "forbidden", s.check_declaration, campus.prof, dec)
    s.check_declaration(campus.office, dec)
    assert s.latest_declaration(pid)["state"] == "checked"
    refused(campus, "bad_state", s.check_declaration, campus.office, dec)


def test_declaration_that_changes_category_opens_a_recheck_on_the_open_case(campus: Campus):
    s = campus.store
    pid = student(campus, host_user_id=campus.prof.id)
    s.declare(campus.office, pid, declared_on="2026-04-05", facts=CHINESE_STUDENT_FACTS)
    case = s.create_case(campus.prof, answers=plain_visit_answers(), person_id=pid)
    s.submit(campus.prof, case["id"])
    finished = s.create_case(campus.prof, answers=plain_visit_answers(), person_id=pid)
    s.withdraw(campus.prof, finished["id"])
    # Same categories again: nothing opens.
    s.declare(campus.office, pid, declared_on="2026-06-01", facts=CHINESE_STUDENT_FACTS)
    assert s.case_rechecks(campus.office, case["id"]) == []
    # Now a foreign government scholarship: category 2.
    s.declare(
        campus.office,
        pid,
        declared_on="2026-11-20",
        facts=CHINESE_STUDENT_FACTS
        | {"foreign_government_benefit": True, "foreign_government_benefit_share": 50},
    )
    opened = s.case_rechecks(campus.office, case["id"])
    assert [r["reason"] for r in opened] == ["declaration"]
    assert s.case_rechecks(campus.office, finished["id"]) == []
    trail = s.db.execute(
        "SELECT before_json, after_json FROM audit_log WHERE entity = 'case' AND entity_id = ?"
        " AND action = 'person_declaration_changed'",
        [str(case["id"])],
    ).fetchall()
    assert len(trail) == 1 and json.loads(trail[0][1]) == {"categories": [2]}
    # The case re-check shows on the due list until the office closes it.
    assert any(d["kind"] == "recheck" for d in s.due_list(campus.office))
    s.close_recheck(campus.office, opened[0]["id"])
    assert s.case_rechecks(campus.office, case["id"]) == []


def test_case_prefill_from_declaration_and_a_changed_answer(campus: Campus):
    s = campus.store
    pid = student(campus, host_user_id=campus.prof.id)
    s.declare(campus.office, pid, declared_on="2026-04-05", facts=CHINESE_STUDENT_FACTS)
    case = s.create_case(campus.prof, answers=plain_visit_answers())
    assert s.person_answers_for_case(campus.prof, case["id"]) is None
    s.link_case_person(campus.prof, case["id"], pid)
    record = s.person_answers_for_case(campus.prof, case["id"])
    assert record["answers"]["nationality"] == "CN"
    assert record["answers"]["foreign_government_benefit"] is False
    assert record["declared_on"].isoformat() == "2026-04-05" and record["age_days"] == 234
    # The same answers: nothing opens. A different one opens one re-check on the case.
    assert s.note_case_answers(campus.prof, case["id"], dict(record["answers"])) == []
    changed = dict(record["answers"], foreign_government_benefit=True)
    assert s.note_case_answers(campus.prof, case["id"], changed) == ["foreign_government_benefit"]
    assert s.note_case_answers(campus.prof, case["id"], changed) == ["foreign_government_benefit"]
    rechecks = s.case_rechecks(campus.office, case["id"])
    assert [r["reason"] for r in rechecks] == ["answer: foreign_government_benefit"]
    # Someone who cannot see the person cannot link them.
    other = s.create_case(campus.prof_sci, answers=plain_visit_answers())
    refused(campus, "person_not_visible", s.link_case_person, campus.prof_sci, other["id"], pid)


# --- pledges -------------------------------------------------------------------------------


def test_pledge_through_its_states_with_a_signed_scan(campus: Campus):
    s = campus.store
    pid = student(campus, host_user_id=campus.prof.id)
    pledge = s.request_pledge(campus.prof, pid, "entry", due_on="2026-04-15")
    refused(campus, "bad_state", s.request_pledge, campus.office, pid, "entry")
    refused(campus, "bad_state", s.check_pledge, campus.office, pledge)
    refused(campus, "scan_required", s.receive_pledge, campus.prof, pledge, "scan.pdf", b"")
    s.receive_pledge(campus.prof, pledge, "C:\\scans\\wang-pledge.pdf", SCAN)
    row = s.pledges(campus.office, pid)[0]
    assert row["state"] == "received" and row["scan_name"] == "wang-pledge.pdf"
    assert row["scan_sha256"] == hashlib.sha256(SCAN).hexdigest()
    refused(campus, "bad_state", s.receive_pledge, campus.prof, pledge, "again.pdf", SCAN)
    refused(campus, "forbidden", s.check_pledge, campus.prof, pledge)
    s.check_pledge(campus.office, pledge)
    assert s.pledges(campus.office, pid)[0]["state"] == "checked"
    refused(campus, "bad_state", s.check_pledge, campus.office, pledge)
    name, content, digest = s.scan(campus.office, row["scan_id"])
    assert (name, content, digest) == ("wang-pledge.pdf", SCAN, hashlib.sha256(SCAN).hexdigest())
    refused(campus, "invalid", s.request_pledge, campus.office, pid, "whenever")
    actions = [r[0] for r in s.db.execute("SELECT action FROM audit_log WHERE entity = 'person'")]
    for action in ("pledge_requested", "scan_attached", "pledge_received", "pledge_checked"):
        assert action in actions


def test_a_scan_changed_behind_the_stores_back_is_refused(campus: Campus):
    s = campus.store
    pid = student(campus)
    pledge = s.request_pledge(campus.office, pid, "entry")
    s.receive_pledge(campus.office, pledge, "p.pdf", SCAN)
    s.db.execute("UPDATE person_scans SET content = ?", [b"forged"])
    refused(campus, "scan_mismatch", s.check_pledge, campus.office, pledge)


# --- the due list --------------------------------------------------------------------------


def kinds(c: Campus, name: str) -> dict[str, bool]:
    return {
        d["kind"]: d["overdue"] for d in c.store.due_list(c.office) if d["name"].startswith(name)
    }


def test_due_list(campus: Campus, tmp_path: Path):
    s = campus.store
    # Entered in April with nothing on file: entry pledge and declaration overdue.
    late = student(campus)
    assert kinds(campus, "Wang") == {"entry_pledge": True, "declaration_missing": True}
    # Arrived last week: due, not yet overdue.
    student(campus, family_name="Kim", external_id="S2", nationality="KR", entry_date="2026-11-20")
    assert kinds(campus, "Kim") == {"entry_pledge": False, "declaration_missing": False}
    flags = [d["overdue"] for d in s.due_list(campus.office)]
    assert flags == [True, True, False, False]  # overdue first
    # Everything on file, leaving in three weeks: the end-of-stay pledge is due.
    done = student(
        campus, family_name="Adams", external_id="S3", nationality="US", stay_until="2026-12-15"
    )
    pledge = s.request_pledge(campus.office, done, "entry")
    s.receive_pledge(campus.office, pledge, "p.pdf", SCAN)
    s.declare(campus.office, done, declared_on="2026-11-01", categories=[])
    assert kinds(campus, "Adams") == {"exit_pledge": False}
    campus.clock.advance(days=30)
    assert kinds(campus, "Adams") == {"exit_pledge": True}
    # Eleven months on, the declaration is up for renewal.
    campus.clock.advance(days=310)
    assert kinds(campus, "Adams")["declaration_renew"] is False
    campus.clock.advance(days=40)
    assert kinds(campus, "Adams")["declaration_renew"] is True
    # Overdue first, labelled in the user's language; managers see only their department.
    due = s.due_list(campus.office, "en")
    assert {d["what"] for d in due} >= {"Pledge at entry missing", "End-of-stay pledge due"}
    assert s.due_list(campus.manager_sci) == []
    # Exported to Excel with overdue rows in red.
    path = tmp_path / "due.xlsx"
    assert s.export_due_list(campus.office, path, "en") == len(due)
    sheet = load_workbook(path).active
    assert sheet.max_row == len(due) + 1
    assert sheet.cell(2, 1).font.color.rgb.endswith("C00000")
    names = [sheet.cell(r, 5).value for r in range(2, sheet.max_row + 1)]
    assert names.count("Wang Li") == 2 and late


# --- training ------------------------------------------------------------------------------


def test_training_of_people_and_applicants(campus: Campus):
    s = campus.store
    pid = student(campus)
    assert s.training_status(person_id=pid) == {"state": "none", "expires_on": None}
    refused(
        campus,
        "forbidden",
        s.record_training,
        campus.prof,
        course="e-learning",
        taken_on="2026-05-01",
        person_id=pid,
    )
    refused(
        campus,
        "invalid",
        s.record_training,
        campus.office,
        course="e-learning",
        taken_on="2026-05-01",
    )
    refused(
        campus,
        "invalid",
        s.record_training,
        campus.office,
        course="e-learning",
        taken_on="2026-05-01",
        expires_on="2026-01-01",
        person_id=pid,
    )
    s.record_training(campus.office, course="METI e-learning", taken_on="2026-05-01", person_id=pid)
    assert s.training_status(person_id=pid) == {"state": "valid", "expires_on": "2028-05-01"}
    # The applicant of a case: untrained, then expired, shown to the office.
    case = s.create_case(campus.prof, answers=plain_visit_answers())
    assert s.case_applicant_training(campus.office, case["id"])["state"] == "none"
    s.record_training(
        campus.office,
        course="Seminar",
        taken_on="2024-01-10",
        expires_on="2025-01-10",
        user_id=campus.prof.id,
    )
    assert s.case_applicant_training(campus.office, case["id"]) == {
        "state": "expired",
        "expires_on": "2025-01-10",
    }
    assert [t["course"] for t in s.training(campus.prof, user_id=campus.prof.id)] == ["Seminar"]


# --- what a record points at ---------------------------------------------------------------


def test_a_person_id_from_the_student_system_is_one_persons(campus: Campus) -> None:
    c = campus
    first = student(c)
    err = refused(c, "person_id_taken", student, c, family_name="Nguyen", given_name="Anh")
    assert "S2026001" in err.ja and "Wang Li" in err.en
    other = student(c, external_id="S2026002", family_name="Nguyen", given_name="Anh")
    refused(c, "person_id_taken", c.store.update_person, c.office, other, external_id="S2026001")
    # Saving a record with its own ID, or another field, is no conflict.
    c.store.update_person(c.office, first, external_id="S2026001", supervisor="Prof. Sato")
    assert c.store.person(first)["supervisor"] == "Prof. Sato"


def test_the_host_is_an_active_applicant(campus: Campus) -> None:
    c = campus
    refused(c, "person_host", student, c, host_user_id=c.office.id)  # files no cases
    person = student(c, host_user_id=c.prof.id)
    refused(c, "person_host", c.store.update_person, c.office, person, host_user_id=c.chief.id)
    refused(c, "invalid", c.store.update_person, c.office, person, host_user_id=999_999)
    c.store.update_person(c.office, person, host_user_id=c.manager_eng.id)  # also an applicant
    assert c.store.person(person)["host_user_id"] == c.manager_eng.id


def test_a_department_manager_records_people_of_their_department(campus: Campus) -> None:
    c = campus
    manager = c.manager_sci
    assert c.store.departments_for_new_person(manager) == [c.sci]
    assert c.store.departments_for_new_person(c.office) is None
    fields = {"family_name": "Park", "given_name": "Jisoo", "nationality": "KR"}
    refused(c, "person_department", c.store.add_person, manager, **fields)
    refused(c, "person_department", c.store.add_person, manager, **fields, department_id=c.eng)
    person = c.store.add_person(manager, **fields, department_id=c.sci)
    assert c.store.person(person)["department_id"] == c.sci


def test_an_id_held_by_someone_out_of_sight_is_refused_without_naming_them(campus: Campus):
    c = campus
    student(c)  # S2026001, in engineering, recorded by the office
    fields = {"family_name": "Lee", "given_name": "Su", "nationality": "KR"}
    # The science professor may not see Wang, and is not told who holds the ID.
    err = refused(
        c, "person_id_taken_elsewhere", c.store.add_person, c.prof_sci, **fields,
        external_id="S2026001",
    )  # fmt: skip
    assert "Wang" not in err.en and "S2026001" in err.ja
    mine = c.store.add_person(c.prof_sci, **fields, external_id="S2026009")
    refused(
        c, "person_id_taken_elsewhere", c.store.update_person, c.prof_sci, mine,
        external_id="S2026001",
    )  # fmt: skip
