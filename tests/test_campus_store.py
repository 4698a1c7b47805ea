"""The store's workflow on both engines: the same calls, the same results.

On PostgreSQL every person acts through their own connection, so the server's
row-level security, guard triggers and audit function take part in every call.
"""

from __future__ import annotations

import pytest

from exportdesk.store import StoreError
from tests.campus_world import World, pg_world, sqlite_world
from tests.store_fixtures import plain_visit_answers, ready_for_decision


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request, tmp_path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        w = sqlite_world(tmp_path / "campus.db")
    else:
        w = pg_world(request.getfixturevalue("pg_cluster"))
    yield w
    w.close()


def submitted_case(w: World, **answers: object) -> dict:
    s = w.store(w.prof)
    case = s.create_case(w.prof, answers=plain_visit_answers(**answers))
    return s.submit(w.prof, case["id"])


def test_small_chain_from_filing_to_approval(world: World) -> None:
    w = world
    case = submitted_case(w)
    assert case["status"] == "submitted"
    assert case["ref"].endswith(f"{case['id']:06d}")
    office = w.store(w.office)
    office.take_for_review(w.office, case["id"])
    ready_for_decision(office, w.office, case["id"])
    office.record_decision(w.office, case["id"], "no_licence_needed", "公知の技術のみ")
    with pytest.raises(StoreError) as refused:
        w.store(w.prof).approve(w.prof, case["id"])
    assert refused.value.code == "self_approval"
    w.store(w.office2).approve(w.office2, case["id"], "確認しました")
    done = w.store(w.chief).approve(w.chief, case["id"])
    assert done["status"] == "approved"
    assert [a["step"] for a in done["approvals"]] == ["office", "chief"]
    seen_by_prof = w.store(w.prof).get_case(w.prof, case["id"])
    assert seen_by_prof["status"] == "approved"
    result = office.verify_audit()
    assert result.ok, result.problems
    assert result.entries >= 6


def test_each_person_sees_only_their_cases(world: World) -> None:
    w = world
    case = submitted_case(w, title="Sample exchange with Kyoto partners")
    for user in (w.prof_sci, w.manager_sci):
        store = w.store(user)
        with pytest.raises(StoreError) as refused:
            store.get_case(user, case["id"])
        # SQLite refuses in Python; PostgreSQL's policy hides the row altogether.
        assert refused.value.code in {"not_visible", "not_found"}
        assert store.list_cases(user) == []
        assert store.count_cases(user) == 0
        # Nor through the text search (a separate path on PostgreSQL: search_cases).
        assert store.list_cases(user, search="Kyoto") == []
        assert store.count_cases(user, search="Kyoto") == 0
    for user in (w.prof, w.manager_eng, w.office, w.chief):
        assert [c["id"] for c in w.store(user).list_cases(user)] == [case["id"]], user.login
        found = w.store(user).list_cases(user, search="kyoto")
        assert [c["id"] for c in found] == [case["id"]], user.login


def test_proxy_files_for_the_professor(world: World) -> None:
    w = world
    s = w.store(w.secretary)
    case = s.create_case(w.secretary, applicant_id=w.prof.id, answers=plain_visit_answers())
    assert case["applicant_id"] == w.prof.id and case["filed_by_id"] == w.secretary.id
    with pytest.raises(StoreError):
        s.create_case(w.secretary, applicant_id=w.prof_sci.id, answers=plain_visit_answers())
    assert s.submit(w.secretary, case["id"])["status"] == "submitted"


def test_return_and_resubmit_opens_a_new_round(world: World) -> None:
    w = world
    case = submitted_case(w)
    office = w.store(w.office)
    returned = office.return_case(w.office, case["id"], "渡航先の詳細を記入してください")
    assert returned["status"] == "returned"
    prof = w.store(w.prof)
    prof.answer_questions(w.prof, case["id"], "記入しました")
    again = prof.submit(w.prof, case["id"])
    assert (again["status"], again["round"]) == ("submitted", 2)
    assert office.verify_audit().ok


def test_text_search_finds_the_same_cases_on_both_engines(world: World) -> None:
    """Every query is checked against what a case-insensitive substring of the reference,
    the title or the counterpart finds, so both engines give that same answer: words,
    Japanese, 1-2 characters (no trigram index on either engine), reference numbers,
    letters outside ASCII in either case, full-width letters, LIKE's own characters."""
    w = world
    s = w.store(w.prof)
    titles = [
        "Joint research with Technische Universität München",
        "東京大学との共同研究（材料評価）",
        "Visit of Dr. Müller",
        "Conference 100% online",
        "Sample_shipment to Busan",
        "Ｌｉｍａ研究所への訪問",
        "研",
    ]
    cases = {}
    for title in titles:
        cases[title] = s.create_case(w.prof, answers=plain_visit_answers(title=title))
    ref = cases["研"]["ref"]
    office = w.store(w.office)
    queries = ["münchen", "MÜNCHEN", "ÜN", "ü", "Ü", "共同研究", "研", "東京", "研究所", "Dr."]
    queries += ["100%", "%", "e_s", "ple_", "_", "zz", "大学", "ＬＩＭＡ", "ｌｉ", "Ｌ", "ü 1"]
    queries += [ref, ref[-4:], ref[-2:], ref[:5], "beispiel", "Universität Beispiel"]
    for query in queries:
        expected = {
            case["id"]
            for case in cases.values()
            if any(
                query.casefold() in text.casefold()
                for text in (case["ref"], case["title"], "Technische Universität Beispiel")
            )
        }
        for who in (w.office, w.prof):
            store = w.store(who)
            found = [c["id"] for c in store.list_cases(who, search=query, order_by="ref")]
            assert set(found) == expected, (query, who.login)
            assert found == sorted(found, reverse=True), query  # refs follow the ids here
            assert store.count_cases(who, search=query) == len(expected), query
        # Nobody else's search finds them, however short the text.
        assert w.store(w.prof_sci).count_cases(w.prof_sci, search=query) == 0, query
        assert w.store(w.manager_sci).list_cases(w.manager_sci, search=query) == [], query
    # The search combines with the other filters, paging and every sort order.
    w.store(w.prof).submit(w.prof, cases["研"]["id"])
    submitted = office.list_cases(w.office, search="研", status="submitted")
    assert [c["id"] for c in submitted] == [cases["研"]["id"]]
    assert office.count_cases(w.office, search="研", status="submitted", department_id=w.eng) == 1
    assert office.count_cases(w.office, search="研", department_id=w.sci) == 0
    for order_by in sorted(office.SORTABLE):
        pages = [
            [
                c["id"]
                for c in office.list_cases(
                    w.office, search="e", order_by=order_by, limit=2, offset=offset
                )
            ]
            for offset in (0, 2, 4)
        ]
        whole = [c["id"] for c in office.list_cases(w.office, search="e", order_by=order_by)]
        assert [i for page in pages for i in page] == whole[:6], order_by


def test_reference_numbers_are_unique_and_come_from_one_sequence(world: World) -> None:
    w = world
    refs = []
    for user in (w.prof, w.manager_eng, w.prof_sci):
        store = w.store(user)
        for _ in range(3):
            refs.append(store.create_case(user, answers=plain_visit_answers())["ref"])
    assert len(set(refs)) == len(refs)
    numbers = sorted(int(r.split("-")[1]) for r in refs)
    assert numbers == list(range(numbers[0], numbers[0] + len(refs)))


def decided_case(w: World) -> dict:
    """A submitted case whose decision the office recorded: the office step is next."""
    case = submitted_case(w)
    office = w.store(w.office)
    office.take_for_review(w.office, case["id"])
    ready_for_decision(office, w.office, case["id"])
    return office.record_decision(w.office, case["id"], "no_licence_needed", "公知の技術のみ")


def signing_state(w: World, case_id: int) -> tuple:
    """The case, its approvals and the audit log, as the office reads them."""
    store = w.store(w.office)
    return (
        store._rows("SELECT * FROM cases WHERE id = ?", [case_id]),
        store._rows("SELECT * FROM approvals WHERE case_id = ? ORDER BY id", [case_id]),
        store._rows("SELECT seq, hash FROM audit_log ORDER BY seq"),
    )


def test_a_step_a_colleague_signed_first_is_refused_as_such(world: World) -> None:
    """The office's window was opened before a colleague signed the office step: the
    refusal names the colleague and asks for a reload; it does not say that the office
    lacks the role of the chief's step (the step that is next now)."""
    w = world
    case = decided_case(w)
    w.store(w.office2).approve(w.office2, case["id"])
    before = signing_state(w, case["id"])
    office = w.store(w.office)
    for attempt in (
        lambda: office.approve(w.office, case["id"]),
        lambda: office.record_decision(w.office, case["id"], "no_licence_needed", "再判断"),
    ):
        with pytest.raises(StoreError) as refused:
            attempt()
        assert refused.value.code == "step_signed"
        assert refused.value.en == (
            "審査 次郎 has already signed this step (Export control office); reload the case."
        )
        assert refused.value.ja == (
            "審査 次郎さんがこの段階（輸出管理担当部署）を既に承認しました。案件を開き直してください。"
        )
        assert signing_state(w, case["id"]) == before
    # The chief completes the chain; a second try at the chief's step by the office is
    # still told about the office's step, which is the one it could have signed.
    assert w.store(w.chief).approve(w.chief, case["id"])["status"] == "approved"
    with pytest.raises(StoreError) as refused:
        office.approve(w.office, case["id"])
    assert refused.value.code == "step_signed"
    # Someone holding the role of no signed step still hears the case's state.
    with pytest.raises(StoreError) as refused:
        w.store(w.manager_eng).approve(w.manager_eng, case["id"])
    assert refused.value.code == "bad_transition"


def test_the_next_step_without_its_role_is_still_a_missing_role(world: World) -> None:
    w = world
    case = decided_case(w)
    w.store(w.office2).approve(w.office2, case["id"])
    before = signing_state(w, case["id"])
    with pytest.raises(StoreError) as refused:
        w.store(w.manager_eng).approve(w.manager_eng, case["id"])
    assert refused.value.code == "wrong_role"
    assert signing_state(w, case["id"]) == before
