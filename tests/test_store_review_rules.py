"""The office cannot skip required review items or the screening of the counterpart."""

from __future__ import annotations

import pytest

from exportdesk.store import StoreError
from tests.store_fixtures import REVIEW_DEFAULTS, Campus, controlled_answers, make_campus


@pytest.fixture
def campus(tmp_path) -> Campus:  # type: ignore[no-untyped-def]
    return make_campus(tmp_path / "office.db")


def submitted(campus: Campus) -> int:
    case = campus.store.create_case(campus.prof, answers=controlled_answers())
    campus.store.submit(campus.prof, case["id"])
    return int(case["id"])


def test_a_decision_needs_every_required_item_listed_in_the_users_language(campus: Campus):
    s, case_id = campus.store, submitted(campus)
    review = {k: v for k, v in REVIEW_DEFAULTS.items()}
    for key in ("classification_basis", "use_requirement", "pledge"):
        review.pop(key)
    s.save_review(campus.office, case_id, review)
    with pytest.raises(StoreError) as err:
        s.record_decision(campus.office, case_id, "no_licence_needed", "not listed")
    assert err.value.code == "review_incomplete"
    for needle in ("判定の根拠", "用途要件", "誓約書", "リスト照合"):
        assert needle in err.value.ja, needle
    assert "Basis of the classification" in err.value.en and "Written pledge" in err.value.en
    case = s.get_case(campus.office, case_id)
    assert case["decision"] is None and case["status"] == "submitted"


def test_listed_classification_needs_the_item_number(campus: Campus):
    s, case_id = campus.store, submitted(campus)
    s.save_review(
        campus.office,
        case_id,
        REVIEW_DEFAULTS | {"technology_classification": {"choice": "listed", "items": " "}},
    )
    s.waive_screening(campus.office, case_id, "no list yet")
    with pytest.raises(StoreError) as err:
        s.record_decision(campus.office, case_id, "licence_required", "item 5")
    assert "技術（外為令別表）" in err.value.ja


def test_screening_or_a_recorded_reason_is_required(campus: Campus):
    s, case_id = campus.store, submitted(campus)
    s.save_review(campus.office, case_id, dict(REVIEW_DEFAULTS))
    with pytest.raises(StoreError) as err:
        s.record_decision(campus.office, case_id, "no_licence_needed", "not listed")
    assert err.value.en.endswith(
        "screening of the counterpart against the lists (or the reason for not screening)"
    )
    with pytest.raises(StoreError) as err:
        s.waive_screening(campus.office, case_id, "   ")
    assert err.value.code == "reasons_required"
    with pytest.raises(StoreError) as err:
        s.waive_screening(campus.prof, case_id, "I say so")
    assert err.value.code == "forbidden"
    s.waive_screening(campus.office, case_id, "No list imported yet; checked by hand")
    decided = s.record_decision(campus.office, case_id, "no_licence_needed", "not listed")
    assert decided["decision"] == "no_licence_needed"
    actions = [e["action"] for e in s.timeline(campus.office, case_id)]
    assert "waive_screening" in actions


def test_the_review_sheet_cannot_forge_a_screening_result(campus: Campus):
    s, case_id = campus.store, submitted(campus)
    forged = dict(REVIEW_DEFAULTS) | {
        "screening": {"list_version": "2099-01-01", "hits": []},
        "screening_waiver": {"reason": "trust me", "by": "x", "at": "x"},
    }
    s.save_review(campus.office, case_id, forged)
    review = s.get_case(campus.office, case_id)["review"]
    assert "screening" not in review and "screening_waiver" not in review
    with pytest.raises(StoreError) as err:
        s.record_decision(campus.office, case_id, "no_licence_needed", "not listed")
    assert err.value.code == "review_incomplete"


def test_returning_with_questions_needs_no_complete_review(campus: Campus):
    s, case_id = campus.store, submitted(campus)
    result = s.record_decision(campus.office, case_id, "returned", "Which model is it?")
    assert result["status"] == "returned"


def test_an_open_list_match_blocks_the_decision_until_resolved(tmp_path):  # type: ignore[no-untyped-def]
    from tests.test_eul import import_pdf, sample_entities

    campus = make_campus(tmp_path / "lists.db")
    s = campus.store
    import_pdf(campus, tmp_path, sample_entities(), "v1.pdf", "2025-10-09")
    answers = controlled_answers() | {"counterpart_name": "KOMID", "counterpart_country": "KP"}
    case = s.create_case(campus.prof, answers=answers)
    s.submit(campus.prof, case["id"])  # screened automatically on arrival
    s.save_review(campus.office, case["id"], dict(REVIEW_DEFAULTS))
    with pytest.raises(StoreError) as err:
        s.record_decision(campus.office, case["id"], "licence_required", "item 5")
    assert "リスト照合で見つかった候補" in err.value.ja
    hits = s.get_case(campus.office, case["id"])["review"]["screening"]["hits"]
    assert hits and hits[0]["no"] == 3
    s.eul.resolve(campus.office, case["id"], 3, "true_match", "Same entity")
    for hit in hits[1:]:
        with pytest.raises(StoreError):  # still one open
            s.record_decision(campus.office, case["id"], "rejected", "Listed end user")
        s.eul.resolve(campus.office, case["id"], hit["no"], "false_positive", "Other entity")
    decided = s.record_decision(campus.office, case["id"], "rejected", "Listed end user")
    assert decided["decision"] == "rejected"
    assert decided["review"]["screening"]["list_version"].startswith("#1 2025-10-09")


def test_an_unclear_classification_lets_nothing_go_ahead(campus: Campus):
    s, case_id = campus.store, submitted(campus)
    unclear = {"choice": "unclear", "items": ""}
    s.save_review(campus.office, case_id, REVIEW_DEFAULTS | {"technology_classification": unclear})
    s.waive_screening(campus.office, case_id, "no list yet")
    for decision in ("no_licence_needed", "approved_with_conditions"):
        with pytest.raises(StoreError) as err:
            s.record_decision(campus.office, case_id, decision, "fine", "report yearly")
        assert err.value.code == "review_incomplete"
        assert "不明・疑義あり" in err.value.ja and "Unclear or doubtful" in err.value.en
        case = s.get_case(campus.office, case_id)
        assert case["decision"] is None and case["status"] == "submitted"
    # A licence application (or a refusal) is open to the office while it is unclear.
    s.record_decision(campus.office, case_id, "licence_required", "ask METI")
    assert s.get_case(campus.office, case_id)["decision"] == "licence_required"


def test_a_classification_made_unclear_after_the_decision_stops_its_approval(campus: Campus):
    s, case_id = campus.store, submitted(campus)
    s.save_review(
        campus.office,
        case_id,
        REVIEW_DEFAULTS | {"technology_classification": {"choice": "not_listed", "items": ""}},
    )
    s.waive_screening(campus.office, case_id, "no list yet")
    s.record_decision(campus.office, case_id, "no_licence_needed", "item 16 only")
    review = s.get_case(campus.office, case_id)["review"]
    s.save_review(
        campus.office,
        case_id,
        review | {"technology_classification": {"choice": "unclear", "items": ""}},
    )
    with pytest.raises(StoreError) as err:
        s.approve(campus.office2, case_id)  # the small format's first step: the office
    assert err.value.code == "review_incomplete"
    assert s.get_case(campus.office, case_id)["approvals"] == []
