"""Two people saving the same record from what each loaded: the second, older copy is
refused with the colleague's name and time, and nothing of it is written (both engines).

On PostgreSQL each person has their own connection (as two desks would); on SQLite one
file is opened by two Store objects (two processes' worth of connections).
"""

from __future__ import annotations

from typing import Any

import pytest

from exportdesk.store import Store, StoreError
from exportdesk.store.conflicts import when
from tests.campus_world import World, pg_world, sqlite_world
from tests.store_fixtures import plain_visit_answers, ready_for_decision


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request, tmp_path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        w = sqlite_world(tmp_path / "campus.db")
        # A second connection to the same file for the second desk.
        second = Store(tmp_path / "campus.db")
        w.stores[w.office2.id] = second
    else:
        w = pg_world(request.getfixturevalue("pg_cluster"))
    yield w
    w.close()


def under_review(w: World) -> dict[str, Any]:
    prof = w.store(w.prof)
    case = prof.create_case(w.prof, answers=plain_visit_answers())
    prof.submit(w.prof, case["id"])
    return w.store(w.office).take_for_review(w.office, case["id"])


def state(w: World, case_id: int) -> tuple[dict[str, Any], int]:
    """The case row as stored and the length of its audit trail."""
    s = w.store(w.office)
    return s._case_row(case_id), len(s.timeline(w.office, case_id))


def last_entry(w: World, case_id: int, action: str) -> dict[str, Any]:
    entries = w.store(w.office).timeline(w.office, case_id)
    return next(e for e in reversed(entries) if e["action"] == action)


def test_the_older_review_form_is_refused_and_nothing_changes(world: World) -> None:
    w = world
    case = under_review(w)
    office, office2 = w.store(w.office), w.store(w.office2)
    # Both open the same review sheet.
    loaded = office.get_case(w.office, case["id"])
    loaded2 = office2.get_case(w.office2, case["id"])
    assert loaded["revision"] == loaded2["revision"]
    form2 = loaded2["review"] | {"final_destination": "B の仕向地", "screening_note": "照会済み"}
    saved2 = office2.save_review(
        w.office2, case["id"], form2, expected_revision=loaded2["revision"]
    )
    assert saved2["revision"] == loaded2["revision"] + 1
    before = state(w, case["id"])
    # office saves their older form: final_destination still empty there.
    older = loaded["review"] | {"final_destination": "", "transit": "自分の所見"}
    with pytest.raises(StoreError) as refused:
        office.save_review(w.office, case["id"], older, expected_revision=loaded["revision"])
    assert refused.value.code == "review_conflict"
    at = when(last_entry(w, case["id"], "review")["at"])
    assert refused.value.en == (
        f"A colleague ({w.office2.name}) saved this review at {at}; your changes are still"
        " on screen. Reload to see theirs."
    )
    assert w.office2.name in refused.value.ja and at in refused.value.ja
    assert state(w, case["id"]) == before  # nothing written, not even updated_at
    stored = office.get_case(w.office, case["id"])["review"]
    assert stored["final_destination"] == "B の仕向地"
    assert stored["screening_note"] == "照会済み"
    # Reload, then save: office2's text stays, office's own is added.
    again = office.get_case(w.office, case["id"])
    mine = again["review"] | {"transit": "自分の所見"}
    saved = office.save_review(w.office, case["id"], mine, expected_revision=again["revision"])
    assert saved["review"]["final_destination"] == "B の仕向地"
    assert saved["review"]["transit"] == "自分の所見"
    assert saved["revision"] == again["revision"] + 1
    assert office.verify_audit().ok


def test_a_stale_decision_is_refused_and_nothing_changes(world: World) -> None:
    w = world
    case = under_review(w)
    office, office2 = w.store(w.office), w.store(w.office2)
    ready_for_decision(office, w.office, case["id"])
    loaded = office.get_case(w.office, case["id"])
    loaded2 = office2.get_case(w.office2, case["id"])
    office2.save_review(
        w.office2,
        case["id"],
        loaded2["review"] | {"screening_note": "追加の所見"},
        expected_revision=loaded2["revision"],
    )
    before = state(w, case["id"])
    with pytest.raises(StoreError) as refused:
        office.record_decision(
            w.office,
            case["id"],
            "no_licence_needed",
            "公知の技術のみ",
            expected_revision=loaded["revision"],
        )
    assert refused.value.code == "review_conflict"
    assert w.office2.name in refused.value.en
    assert state(w, case["id"]) == before
    fresh = office.get_case(w.office, case["id"])
    decided = office.record_decision(
        w.office,
        case["id"],
        "no_licence_needed",
        "公知の技術のみ",
        expected_revision=fresh["revision"],
    )
    assert decided["decision"] == "no_licence_needed"
    assert decided["revision"] == fresh["revision"] + 1
    assert decided["review"]["screening_note"] == "追加の所見"


def test_what_nobody_typed_does_not_make_a_form_stale(world: World) -> None:
    """Taking the case or recording why it is not screened changes no one's text: a form
    loaded before either still saves, and keeps the store's part."""
    w = world
    prof = w.store(w.prof)
    case = prof.submit(w.prof, prof.create_case(w.prof, answers=plain_visit_answers())["id"])
    office, office2 = w.store(w.office), w.store(w.office2)
    loaded2 = office2.get_case(w.office2, case["id"])
    office.take_for_review(w.office, case["id"])
    office.waive_screening(w.office, case["id"], "リスト未取込み")
    saved = office2.save_review(
        w.office2,
        case["id"],
        loaded2["review"] | {"screening_note": "所見"},
        expected_revision=loaded2["revision"],
    )
    assert saved["status"] == "under_review"
    assert saved["review"]["screening_note"] == "所見"
    assert saved["review"]["screening_waiver"]["reason"] == "リスト未取込み"


def test_proxy_and_professor_on_one_draft(world: World) -> None:
    """The professor and their secretary (a registered proxy) may both edit a draft:
    the autosave of the older copy is refused instead of wiping the other's text."""
    w = world
    secretary, prof = w.store(w.secretary), w.store(w.prof)
    case = secretary.create_case(w.secretary, applicant_id=w.prof.id, answers=plain_visit_answers())
    mine = prof.get_case(w.prof, case["id"])
    theirs = secretary.get_case(w.secretary, case["id"])
    prof.save_draft(
        w.prof,
        case["id"],
        mine["answers"] | {"title": "教授が書いた題名"},
        expected_revision=mine["revision"],
    )
    before = (secretary._case_row(case["id"]), len(secretary.timeline(w.secretary, case["id"])))
    with pytest.raises(StoreError) as refused:
        secretary.save_draft(
            w.secretary,
            case["id"],
            theirs["answers"] | {"counterpart_name": "秘書が書いた相手先"},
            expected_revision=theirs["revision"],
        )
    assert refused.value.code == "draft_conflict"
    assert w.prof.name in refused.value.ja
    after = (secretary._case_row(case["id"]), len(secretary.timeline(w.secretary, case["id"])))
    assert after == before
    assert secretary.get_case(w.secretary, case["id"])["title"] == "教授が書いた題名"


def test_person_fields_changed_by_a_colleague_are_not_overwritten(world: World) -> None:
    w = world
    office, office2 = w.store(w.office), w.store(w.office2)
    pid = office.add_person(
        w.office, family_name="Wang", given_name="Li", nationality="CN", status="master"
    )
    loaded = office.get_person(w.office, pid)
    loaded2 = office2.get_person(w.office2, pid)
    office2.update_person(w.office2, pid, loaded=loaded2, family_name="Wong")
    # Another field: both changes stay.
    office.update_person(w.office, pid, loaded=loaded, email="li@example.ac.jp")
    both = office.get_person(w.office, pid)
    assert (both["family_name"], both["email"]) == ("Wong", "li@example.ac.jp")
    # The same field, from the copy loaded before the colleague's change: refused.
    with pytest.raises(StoreError) as refused:
        office.update_person(w.office, pid, loaded=loaded, family_name="Wang-Li", given_name="L.")
    assert refused.value.code == "person_conflict"
    assert refused.value.values["keys"] == ["family_name"]
    assert w.office2.name in refused.value.en and "family_name" in refused.value.en
    assert office.get_person(w.office, pid) == both
    # Reloaded, the same change saves.
    fresh = office.get_person(w.office, pid)
    office.update_person(w.office, pid, loaded=fresh, family_name="Wang-Li")
    assert office.get_person(w.office, pid)["family_name"] == "Wang-Li"


def test_list_work_keeps_a_review_saved_meanwhile(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Resolving a list hit and re-screening write only the screening, merged into the
    review as stored: a colleague's review text saved in between stays."""
    import datetime as dt

    from tests.eul_pdf import meti_pdf
    from tests.store_fixtures import controlled_answers
    from tests.test_eul import sample_entities

    w = world
    office, office2 = w.store(w.office), w.store(w.office2)
    path = tmp_path / "v1.pdf"
    path.write_bytes(meti_pdf(sample_entities()))
    office.eul.import_file(w.office, path, dt.date(2025, 10, 9))
    prof = w.store(w.prof)
    answers = controlled_answers() | {"counterpart_name": "KOMID", "counterpart_country": "KP"}
    case = prof.submit(w.prof, prof.create_case(w.prof, answers=answers)["id"])
    assert case["review"]["screening"]["hits"]
    loaded2 = office2.get_case(w.office2, case["id"])
    office2.save_review(
        w.office2,
        case["id"],
        loaded2["review"] | {"screening_note": "登記簿を確認"},
        expected_revision=loaded2["revision"],
    )
    no = case["review"]["screening"]["hits"][0]["no"]
    resolved = office.eul.resolve(w.office, case["id"], no, "false_positive", "別会社")
    assert resolved["review"]["screening_note"] == "登記簿を確認"
    assert resolved["review"]["screening"]["hits"][0]["resolution"]["note"] == "別会社"
    path2 = tmp_path / "v2.pdf"
    path2.write_bytes(meti_pdf(sample_entities()))
    office.eul.import_file(w.office, path2, dt.date(2026, 10, 1))
    after = office.get_case(w.office, case["id"])["review"]
    assert after["screening_note"] == "登記簿を確認"
    assert after["screening"]["list_version"].startswith("#2")
