"""Case records: roles, status moves, approval chains, retention, people, attachments."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportdesk.store import StoreError
from tests.store_fixtures import (
    Campus,
    controlled_answers,
    make_campus,
    plain_visit_answers,
    ready_for_decision,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def campus(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Campus]:
    """Each test on a SQLite file and on PostgreSQL (tests/campus_world.py)."""
    if request.param == "postgresql":
        from tests.campus_world import pg_campus

        c = pg_campus(request.getfixturevalue("pg_cluster"), "small")
    else:
        c = make_campus(tmp_path / "exportdesk.db", "small")
    yield c
    c.store.close()


@pytest.fixture
def large(tmp_path: Path) -> Campus:
    return make_campus(tmp_path / "large.db", "large")


def only_on_sqlite(c: Campus, why: str) -> None:
    if c.store.path is None:
        pytest.skip(why)


def audit_count(c: Campus) -> int:
    return c.store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def refused(c: Campus, code: str, fn, *args, **kwargs) -> StoreError:
    """Assert that an action is refused with `code` and changes nothing."""
    before_audit = audit_count(c)
    before_cases = c.store.db.execute("SELECT * FROM cases ORDER BY id").fetchall()
    with pytest.raises(StoreError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code
    assert err.value.ja and err.value.en
    assert audit_count(c) == before_audit
    assert c.store.db.execute("SELECT * FROM cases ORDER BY id").fetchall() == before_cases
    return err.value


def submitted_case(c: Campus, answers=None, who=None) -> dict:
    who = who or c.prof
    case = c.store.create_case(who, answers=answers or controlled_answers())
    return c.store.submit(who, case["id"])


# --- set-up and files ---------------------------------------------------------------


def test_database_file_is_owner_only(campus: Campus):
    only_on_sqlite(campus, "a campus database is no file; pg_hba.conf guards it")
    mode = stat.S_IMODE(campus.store.path.stat().st_mode)
    assert mode == 0o600


def test_setup_happens_once(campus: Campus):
    inst = campus.store.institution()
    assert inst["name_ja"] == "架空工業大学"
    assert inst["retention_years"] == 7
    refused(
        campus,
        "forbidden",
        campus.store.setup,
        name_ja="x",
        name_en="x",
        icp_format="small",
        office_name_ja="x",
        office_name_en="x",
        departments=[],
        admin_login="a2",
        admin_name="a",
        admin_password="long enough password",
    )


def test_passwords_are_argon2_hashes(campus: Campus):
    only_on_sqlite(campus, "PostgreSQL signs people in itself (docs/campus.md)")
    hashes = [r[0] for r in campus.store.db.execute("SELECT password_hash FROM users")]
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert all("correct horse" not in h for h in hashes)
    refused(
        campus,
        "weak_password",
        campus.store.create_user,
        campus.admin,
        login="x",
        name="x",
        password="short",
        roles=[],
    )


def test_lockout_after_repeated_failures(campus: Campus):
    only_on_sqlite(campus, "PostgreSQL signs people in itself (docs/campus.md)")
    store = campus.store
    assert store.authenticate("prof", "correct horse battery").id == campus.prof.id
    for _ in range(5):
        with pytest.raises(StoreError) as err:
            store.authenticate("prof", "wrong password!")
        assert err.value.code == "login_failed"
    with pytest.raises(StoreError) as err:
        store.authenticate("prof", "correct horse battery")
    assert err.value.code == "locked"
    assert "ロック" in err.value.ja
    # Without the password a locked account answers like an unknown login.
    for login in ("prof", "nobody-here"):
        with pytest.raises(StoreError) as err:
            store.authenticate(login, "wrong password!")
        assert err.value.code == "login_failed"
    campus.clock.advance(minutes=16)
    assert store.authenticate("prof", "correct horse battery").login == "prof"
    actions = [r[0] for r in store.db.execute("SELECT action FROM audit_log WHERE entity = 'user'")]
    # five failures, and the unknown login tried while prof was locked
    assert actions.count("login_failed") == 6 and "login_refused_locked" in actions
    assert actions.count("login") == 2


def test_unknown_login_fails_the_same_way(campus: Campus):
    only_on_sqlite(campus, "PostgreSQL signs people in itself (docs/campus.md)")
    with pytest.raises(StoreError) as err:
        campus.store.authenticate("nobody", "whatever whatever")
    assert err.value.code == "login_failed"


# --- visibility and editing --------------------------------------------------------------


def test_applicants_see_their_own_and_proxy_cases(campus: Campus):
    s = campus.store
    own = s.create_case(campus.prof, answers=plain_visit_answers())
    by_secretary = s.create_case(campus.secretary, applicant_id=campus.prof.id)
    other = s.create_case(campus.prof_sci, answers=plain_visit_answers())
    assert by_secretary["applicant_id"] == campus.prof.id
    assert by_secretary["filed_by_id"] == campus.secretary.id
    assert {c["id"] for c in s.list_cases(campus.prof)} == {own["id"], by_secretary["id"]}
    assert {c["id"] for c in s.list_cases(campus.secretary)} == {by_secretary["id"]}
    assert {c["id"] for c in s.list_cases(campus.prof_sci)} == {other["id"]}
    refused(campus, "not_visible", s.get_case, campus.prof_sci, own["id"])
    refused(campus, "not_owner", s.save_draft, campus.prof_sci, own["id"], {"title": "hijack"})


def test_proxy_only_for_registered_applicants(campus: Campus):
    refused(
        campus,
        "not_proxy",
        campus.store.create_case,
        campus.secretary,
        applicant_id=campus.prof_sci.id,
    )


def test_department_manager_sees_department_office_sees_all(campus: Campus):
    s = campus.store
    eng_case = s.create_case(campus.prof)
    sci_case = s.create_case(campus.prof_sci)
    assert {c["id"] for c in s.list_cases(campus.manager_sci)} == {sci_case["id"]}
    assert {c["id"] for c in s.list_cases(campus.manager_eng)} == {eng_case["id"]}
    assert {c["id"] for c in s.list_cases(campus.office)} == {eng_case["id"], sci_case["id"]}
    assert s.count_cases(campus.chief) == 2


def test_only_drafts_and_returned_cases_are_editable(campus: Campus):
    s = campus.store
    case = s.create_case(campus.prof)
    s.save_draft(campus.prof, case["id"], plain_visit_answers())
    s.submit(campus.prof, case["id"])
    refused(campus, "not_editable", s.save_draft, campus.prof, case["id"], {"title": "late change"})


def test_autosave_is_audited_as_a_diff(campus: Campus):
    s = campus.store
    case = s.create_case(campus.prof, answers={"title": "A"})
    s.save_draft(campus.prof, case["id"], {"title": "B", "activity": "joint_research"})
    entry = s.timeline(campus.prof, case["id"])[-1]
    assert entry["action"] == "save"
    assert entry["before"] == {"title": "A", "activity": None}
    assert entry["after"] == {"title": "B", "activity": "joint_research"}
    stored = s.get_case(campus.prof, case["id"])
    assert stored["title"] == "B" and stored["answers"]["activity"] == "joint_research"
    refused(
        campus,
        "draft_conflict",
        s.save_draft,
        campus.prof,
        case["id"],
        {"title": "C"},
        expected_revision=1,
    )


# --- status moves ---------------------------------------------------------------------------


def test_submit_incomplete_names_missing_answers(campus: Campus):
    s = campus.store
    case = s.create_case(campus.prof, answers={"activity": "visiting_researcher"})
    err = refused(campus, "incomplete", s.submit, campus.prof, case["id"])
    assert "件名" in err.ja and "国籍" in err.ja
    assert "Case title" in err.en


def test_submit_stores_the_determination_as_it_was(campus: Campus):
    case = submitted_case(campus)
    assert case["status"] == "submitted"
    assert case["outcome"] == "office_review"
    assert case["determination"]["transfer_type"] == "deemed"
    assert case["determination"]["forms_version"] == case["forms_version"]
    assert case["facts"]["technology"]["list_items"] == ["5"]


def test_no_procedure_case_is_still_filed(campus: Campus):
    case = submitted_case(campus, plain_visit_answers())
    assert case["status"] == "submitted"
    assert case["outcome"] == "no_procedure"


def test_bad_transitions(campus: Campus):
    s = campus.store
    draft = s.create_case(campus.prof, answers=controlled_answers())
    refused(campus, "bad_transition", s.approve, campus.office, draft["id"])
    refused(campus, "bad_transition", s.take_for_review, campus.office, draft["id"])
    s.withdraw(campus.prof, draft["id"], "plans changed")
    refused(campus, "bad_transition", s.submit, campus.prof, draft["id"])
    assert s.get_case(campus.prof, draft["id"])["status"] == "withdrawn"


def run_small_chain(c: Campus, case_id: int, decision="no_licence_needed") -> dict:
    s = c.store
    s.take_for_review(c.office, case_id)
    ready_for_decision(s, c.office, case_id)
    s.record_decision(
        c.office,
        case_id,
        decision,
        "非該当。公知の技術のみ。",
        "Report on return" if decision == "approved_with_conditions" else "",
    )
    s.approve(c.office, case_id, "確認しました")
    return s.approve(c.chief, case_id, "承認")


def test_small_university_chain(campus: Campus):
    case = submitted_case(campus)
    s = campus.store
    s.take_for_review(campus.office, case["id"])
    refused(campus, "no_decision", s.approve, campus.office, case["id"])
    refused(
        campus,
        "reasons_required",
        s.record_decision,
        campus.office,
        case["id"],
        "no_licence_needed",
        "  ",
    )
    refused(
        campus,
        "conditions_required",
        s.record_decision,
        campus.office,
        case["id"],
        "approved_with_conditions",
        "limited data",
    )
    ready_for_decision(s, campus.office, case["id"])
    s.record_decision(
        campus.office,
        case["id"],
        "approved_with_conditions",
        "Only published data",
        "No drawings; report changes",
    )
    refused(campus, "wrong_role", s.approve, campus.chief, case["id"])  # office signs first
    after_office = s.approve(campus.office, case["id"], "ok")
    assert after_office["status"] == "under_review"
    # Even holding the chief's role too, the office signer cannot sign a second step.
    both = s.set_roles(campus.admin, campus.office.id, [("office", None), ("chief_manager", None)])
    refused(campus, "already_approved_step", s.approve, both, case["id"])
    final = s.approve(campus.chief, case["id"], "承認します")
    assert final["status"] == "approved_with_conditions"
    assert final["closed_at"]
    assert [a["step"] for a in final["approvals"]] == ["office", "chief"]
    # A colleague's window opened before: the office step it came to sign is taken.
    refused(campus, "step_signed", s.approve, campus.office2, case["id"])


def test_large_university_chain(large: Campus):
    s = large.store
    case = submitted_case(large)
    chain = [step["step"] for step in s.approval_chain(case["id"])]
    assert chain == ["department", "office", "chief"]
    refused(large, "not_visible", s.approve, large.manager_sci, case["id"])  # other department
    refused(large, "wrong_role", s.approve, large.office, case["id"])  # department signs first
    s.approve(large.manager_eng, case["id"], "部局確認済み")
    ready_for_decision(s, large.office, case["id"])
    s.record_decision(
        large.office, case["id"], "licence_required", "List item 5 technology to a non-resident"
    )
    s.approve(large.office, case["id"])
    final = s.approve(large.chief, case["id"])
    assert final["status"] == "licence_required"
    steps = [(a["step"], a["user_id"]) for a in final["approvals"]]
    assert steps == [
        ("department", large.manager_eng.id),
        ("office", large.office.id),
        ("chief", large.chief.id),
    ]


def test_no_self_approval(large: Campus):
    s = large.store
    # The engineering department manager files a case of their own.
    case = submitted_case(large, who=large.manager_eng)
    refused(large, "self_approval", s.approve, large.manager_eng, case["id"])
    # An applicant who is also office staff cannot sign their own case either.
    s.set_roles(large.admin, large.prof.id, [("applicant", None), ("office", None)])
    prof = s.get_user(large.prof.id)
    own = submitted_case(large, who=prof)
    s.approve(large.manager_eng, own["id"])
    ready_for_decision(s, large.office, own["id"])
    s.record_decision(large.office, own["id"], "no_licence_needed", "not listed")
    refused(large, "self_approval", s.approve, prof, own["id"])
    # Nor a proxy the case they filed.
    by_proxy = s.create_case(
        large.secretary, applicant_id=large.prof.id, answers=controlled_answers()
    )
    s.submit(large.secretary, by_proxy["id"])
    s.set_roles(large.admin, large.secretary.id, [("proxy", None), ("office", None)])
    secretary = s.get_user(large.secretary.id)
    s.approve(large.manager_eng, by_proxy["id"])
    ready_for_decision(s, large.office, by_proxy["id"])
    s.record_decision(large.office, by_proxy["id"], "no_licence_needed", "not listed")
    refused(large, "self_approval", s.approve, secretary, by_proxy["id"])


def test_return_and_resubmit_round(campus: Campus):
    s = campus.store
    case = submitted_case(campus)
    s.take_for_review(campus.office, case["id"])
    refused(campus, "comment_required", s.return_case, campus.office, case["id"], " ")
    returned = s.return_case(campus.office, case["id"], "Which drawings will be shared?")
    assert returned["status"] == "returned"
    assert returned["messages"][-1]["kind"] == "question"
    s.answer_questions(campus.prof, case["id"], "Only the published figures.")
    answers = dict(returned["answers"], publicly_available=True, publication_restricted=False)
    s.save_draft(campus.prof, case["id"], answers)
    again = s.submit(campus.prof, case["id"])
    assert again["status"] == "submitted" and again["round"] == 2
    assert again["outcome"] == "no_procedure"
    final = run_small_chain(campus, case["id"])
    assert final["status"] == "approved"
    assert [m["kind"] for m in final["messages"]] == ["question", "answer"]


def test_chief_can_return_at_their_step(campus: Campus):
    s = campus.store
    case = submitted_case(campus)
    s.take_for_review(campus.office, case["id"])
    ready_for_decision(s, campus.office, case["id"])
    s.record_decision(campus.office, case["id"], "no_licence_needed", "not listed")
    s.approve(campus.office, case["id"])
    # A department manager sees the case but holds no step in the small format.
    refused(campus, "wrong_role", s.return_case, campus.manager_eng, case["id"], "x")
    returned = s.return_case(campus.chief, case["id"], "Please attach the maker's sheet")
    assert returned["status"] == "returned"


def test_decision_returned_sends_case_back(campus: Campus):
    s = campus.store
    case = submitted_case(campus)
    result = s.record_decision(
        campus.office, case["id"], "returned", "Please give the model number"
    )
    assert result["status"] == "returned"


def test_duplicate_same_as_last_time(campus: Campus):
    s = campus.store
    case = submitted_case(campus)
    copy = s.duplicate(campus.prof, case["id"])
    assert copy["status"] == "draft" and copy["id"] != case["id"]
    assert copy["answers"]["counterpart_name"] == case["answers"]["counterpart_name"]
    assert "planned_date" not in copy["answers"]


# --- retention ---------------------------------------------------------------------------


def test_retention_blocks_deletion_until_it_ends(campus: Campus):
    s = campus.store
    case = submitted_case(campus)
    final = run_small_chain(campus, case["id"])
    err = refused(campus, "retention", s.delete_case, campus.admin, case["id"])
    assert final["closed_at"][:4] == "2026"
    assert "2033" in err.en
    refused(campus, "forbidden", s.delete_case, campus.office, case["id"])
    campus.clock.advance(days=7 * 366)
    s.delete_case(campus.admin, case["id"])
    assert s.count_cases(campus.office) == 0
    last = s.db.execute(
        "SELECT action, before_json FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert last[0] == "delete" and case["ref"] in last[1]
    assert s.verify_audit().ok


def test_open_case_is_never_deleted(campus: Campus):
    case = submitted_case(campus)
    campus.clock.advance(days=20 * 366)
    refused(campus, "retention", campus.store.delete_case, campus.admin, case["id"])


# --- people ---------------------------------------------------------------------------------


def test_status_change_opens_recheck_and_declaration_closes_it(campus: Campus):
    s = campus.store
    pid = s.add_person(
        campus.prof,
        family_name="Wang",
        given_name="Li",
        nationality="CN",
        entry_date="2026-04-01",
        status="master",
    )
    s.declare(campus.prof, pid, declared_on="2026-04-05", categories=[], pledge_signed=True)
    assert s.people_needing_recheck() == []
    s.update_person(campus.prof, pid, status="doctoral")
    pending = s.people_needing_recheck()
    assert [p["id"] for p in pending] == [pid]
    assert pending[0]["recheck_reason"] == "status"
    s.declare(
        campus.prof,
        pid,
        declared_on="2027-04-02",
        categories=[2],
        pledge_signed=True,
        note="New foreign government scholarship",
    )
    assert s.people_needing_recheck() == []
    history = s.declarations(pid)
    assert [(d["declared_on"], d["category_2"]) for d in history] == [
        ("2026-04-05", 0),
        ("2027-04-02", 1),
    ]
    # A change that does not bear on the categories opens nothing.
    s.update_person(campus.prof, pid, given_name="Lí")
    assert s.people_needing_recheck() == []


def test_bad_person_input(campus: Campus):
    with pytest.raises(StoreError) as err:
        campus.store.add_person(campus.prof, family_name="X", nationality="XX")
    assert err.value.code == "invalid"


# --- attachments ------------------------------------------------------------------------------


def test_attachments_keep_content_and_hash(campus: Campus):
    s = campus.store
    case = s.create_case(campus.prof)
    data = "該非判定書\n".encode() * 100
    info = s.add_attachment(campus.prof, case["id"], "../../maker-sheet.pdf", data)
    name, content = s.attachment_content(campus.office, info["id"])
    assert name == "maker-sheet.pdf" and content == data
    import hashlib

    assert info["sha256"] == hashlib.sha256(data).hexdigest()
    refused(campus, "not_visible", s.attachment_content, campus.prof_sci, info["id"])


# --- search ---------------------------------------------------------------------------------------


def test_search_and_filters(campus: Campus):
    s = campus.store
    a = s.create_case(
        campus.prof,
        answers=plain_visit_answers(counterpart_name="清華大学", title="共同研究の打合せ"),
    )
    b = s.create_case(campus.prof, answers=plain_visit_answers(counterpart_name="Example GmbH"))
    s.submit(campus.prof, b["id"])
    assert [c["id"] for c in s.list_cases(campus.office, search="清華大")] == [a["id"]]
    assert [c["id"] for c in s.list_cases(campus.office, search="打合")] == [
        a["id"]
    ]  # 2 chars: LIKE
    assert [c["id"] for c in s.list_cases(campus.office, search="example gmbh")] == [b["id"]]
    assert [c["id"] for c in s.list_cases(campus.office, status="submitted")] == [b["id"]]
    assert s.list_cases(campus.office, department_id=campus.sci) == []
    assert s.list_cases(campus.office, search='"; DROP TABLE cases; --') == []
    assert s.counts_by_status(campus.office) == {"draft": 1, "submitted": 1}
