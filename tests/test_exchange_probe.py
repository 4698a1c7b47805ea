"""Findings of an adversarial review of case files, decisions and the review rules, each
held by a test (docs/threat-model.md: a signature proves who sent a file, nothing more)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from exportdesk.exchange import Exchange, ExchangeError
from exportdesk.store import Store, StoreError
from tests.store_fixtures import (
    PASSWORD,
    REVIEW_DEFAULTS,
    controlled_answers,
    make_campus,
    ready_for_decision,
)
from tests.test_exchange import counts, make_pair, send
from tests.test_exchange_trust import forged_case, resign


def decided(campus, case_id: int):  # type: ignore[no-untyped-def]
    ready_for_decision(campus.store, campus.office, case_id)
    return campus.store.record_decision(campus.office, case_id, "no_licence_needed", "公開情報")


def test_approval_rechecks_the_review_after_the_decision(tmp_path: Path):
    c = make_campus(tmp_path / "o.db")
    case = c.store.create_case(c.prof, answers=controlled_answers())
    c.store.submit(c.prof, case["id"])
    decided(c, case["id"])
    c.store.save_review(c.office, case["id"], {})  # the sheet emptied after the decision
    with pytest.raises(StoreError) as err:
        c.store.approve(c.office2, case["id"])
    assert err.value.code == "review_incomplete"
    assert c.store.get_case(c.office, case["id"])["approvals"] == []
    c.store.save_review(c.office, case["id"], dict(REVIEW_DEFAULTS))
    assert c.store.approve(c.office2, case["id"])["status"] == "under_review"


def test_a_dismissal_does_not_follow_a_changed_counterpart(tmp_path: Path):
    from tests.test_eul import import_pdf, sample_entities

    c = make_campus(tmp_path / "o.db")
    s = c.store
    import_pdf(c, tmp_path, sample_entities(), "v1.pdf", "2025-10-09")
    answers = controlled_answers() | {"counterpart_name": "KOMID", "counterpart_country": "KP"}
    case = s.submit(c.prof, s.create_case(c.prof, answers=answers)["id"])
    for hit in case["review"]["screening"]["hits"]:
        s.eul.resolve(c.office, case["id"], hit["no"], "false_positive", "other company")
    s.return_case(c.office, case["id"], "Please give the full name")
    s.save_draft(
        c.prof,
        case["id"],
        answers | {"counterpart_name": "Korea Mining Development Trading Corporation"},
    )
    again = s.submit(c.prof, case["id"])
    hits = again["review"]["screening"]["hits"]
    assert hits and all(h["resolution"] is None for h in hits)


def test_key_pinning_ignores_letter_case(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    _, first = send(pair, "first.exportdesk")
    pair.office_x.import_case(pair.office.office, first, trust_new_key=True)
    other = Store(tmp_path / "attacker.db")
    other_x = Exchange(other, key_dir=tmp_path / "attacker-keys")
    user = other_x.import_profile(
        tmp_path / "institution.exportdesk",
        login=pair.prof.login.upper(),
        name="研究 一郎",
        password=PASSWORD,
    )
    case = other.create_case(user, answers=controlled_answers())
    path = tmp_path / "upper.exportdesk"
    other_x.write_case(user, case["id"], path)
    with pytest.raises(ExchangeError) as err:
        pair.office_x.import_case(pair.office.office, path, trust_new_key=True)
    assert err.value.code == "unknown_key"


def test_the_department_is_the_offices_record_not_the_files(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair("large")

    def move(case: dict[str, Any]) -> None:
        case["applicant"]["department"] = "SCI"  # prof is ENG at the office

    _, first = send(pair, "first.exportdesk")
    pair.office_x.import_case(pair.office.office, first, trust_new_key=True)
    result = pair.office_x.import_case(pair.office.office, forged_case(pair, "m.exportdesk", move))
    o = pair.office
    case = o.store.get_case(o.office, result["case_id"])
    assert case["department_id"] == o.eng
    with pytest.raises(StoreError):
        o.store.approve(o.manager_sci, result["case_id"])


def attach(pair, listing: list[dict[str, Any]], member: bytes) -> Path:  # type: ignore[no-untyped-def]
    def change(case: dict[str, Any]) -> None:
        case["attachments"] = listing

    path = forged_case(pair, "att.exportdesk", change)
    # Re-sign with the member added (forged_case signs what it wrote).
    src = zipfile.ZipFile(path)
    files = {n: src.read(n) for n in src.namelist() if n not in ("manifest.json", "signature")}
    files["attachments/1-x.pdf"] = member
    manifest = json.loads(src.read("manifest.json"))
    resign(path, "case", files, manifest, pair.prof_x.key)
    return path


@pytest.mark.parametrize(
    "name",
    [
        "../../evil.sh",
        "/etc/cron.d/evil",
        "C:\\Users\\Public\\evil.bat",
        "a\x00b.pdf",
        "..",
        "",
        "\u202egnp.exe",
    ],
)
def test_attachment_names_are_plain_file_names(tmp_path: Path, name: str):
    pair = make_pair(tmp_path)
    _, first = send(pair, "first.exportdesk")
    pair.office_x.import_case(pair.office.office, first, trust_new_key=True)
    member = b"%PDF-1.4 cv"
    entry = {
        "filename": name,
        "sha256": hashlib.sha256(member).hexdigest(),
        "size": len(member),
        "path": "attachments/1-x.pdf",
    }
    path = attach(pair, [entry], member)
    before = counts(pair.office.store)
    with pytest.raises((StoreError, ExchangeError)):
        pair.office_x.import_case(pair.office.office, path)
    assert counts(pair.office.store) == before


def test_one_member_cannot_count_as_many_attachments(tmp_path: Path):
    pair = make_pair(tmp_path)
    _, first = send(pair, "first.exportdesk")
    pair.office_x.import_case(pair.office.office, first, trust_new_key=True)
    member = b"x" * 1000
    entry = {
        "filename": "x.pdf",
        "sha256": hashlib.sha256(member).hexdigest(),
        "size": len(member),
        "path": "attachments/1-x.pdf",
    }
    with pytest.raises(StoreError) as err:
        pair.office_x.import_case(pair.office.office, attach(pair, [entry] * 12, member))
    assert "twice" in err.value.en
    lying = entry | {"size": 999_999}
    with pytest.raises(StoreError):
        pair.office_x.import_case(pair.office.office, attach(pair, [lying], member))


def test_the_office_keeps_its_own_receipt_time(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()

    def lie(case: dict[str, Any]) -> None:
        case["submitted_at"] = "2026-13-45"

    result = pair.office_x.import_case(
        pair.office.office, forged_case(pair, "t.exportdesk", lie), trust_new_key=True
    )
    stamp = pair.office.store.get_case(pair.office.office, result["case_id"])["submitted_at"]
    assert stamp.startswith("2026-") and "13-45" not in stamp


def test_others_drafts_are_not_printed(tmp_path: Path, capsys, monkeypatch):
    from exportdesk.cli import main

    c = make_campus(tmp_path / "o.db")
    draft = c.store.create_case(c.prof, answers=controlled_answers())
    c.store.close()
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    db = ["--db", str(tmp_path / "o.db")]
    for who in ("office1", "chief", "mgr-eng"):
        out = tmp_path / f"{who}.pdf"
        assert main(["print", *db, draft["ref"], "--user", who, "-o", str(out)]) == 1
        assert not out.exists()
    mine = tmp_path / "mine.pdf"
    assert main(["print", *db, draft["ref"], "--user", "prof", "-o", str(mine)]) == 0


def test_a_file_cannot_speak_for_office_staff(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    impostor = Store(tmp_path / "impostor.db")
    x = Exchange(impostor, key_dir=tmp_path / "impostor-keys")
    user = x.import_profile(
        tmp_path / "institution.exportdesk",
        login=pair.office.office2.login,
        name="審査 次郎",
        password=PASSWORD,
    )
    case = impostor.create_case(user, answers=controlled_answers())
    path = tmp_path / "staff.exportdesk"
    x.write_case(user, case["id"], path)
    with pytest.raises(StoreError) as err:
        pair.office_x.import_case(pair.office.office, path, trust_new_key=True)
    assert err.value.code == "filed_for_other"
    assert pair.office.store.trusted_key(pair.office.office2.login) is None


def test_trust_can_be_bound_to_the_confirmed_fingerprint(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    _, path = send(pair, "c.exportdesk")
    with pytest.raises(ExchangeError) as err:
        pair.office_x.import_case(pair.office.office, path, trust_new_key="0000 1111 2222 3333")
    assert err.value.code == "unknown_key"
    fingerprint = pair.office_x.inspect(path)["fingerprint"]
    result = pair.office_x.import_case(pair.office.office, path, trust_new_key=fingerprint)
    assert result["new"]


def test_duplicate_member_names_and_odd_versions_are_refused(tmp_path: Path):
    pair = make_pair(tmp_path)
    _, path = send(pair, "c.exportdesk")
    src = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf, pytest.warns(UserWarning):
        for n in src.namelist():
            zf.writestr(n, src.read(n))
        zf.writestr("case.json", b"{}")  # a second, unsigned copy
    bad = tmp_path / "dup.exportdesk"
    bad.write_bytes(out.getvalue())
    with pytest.raises(ExchangeError) as err:
        pair.office_x.import_case(pair.office.office, bad, trust_new_key=True)
    assert err.value.code == "tampered"


def test_a_ref_with_a_trailing_newline_is_refused(tmp_path: Path):
    from tests.test_exchange_trust import decision_file

    pair = make_pair(tmp_path)

    def newline(d: dict[str, Any]) -> None:
        d["ref"] = d["ref"] + "\n"

    path = decision_file(pair, "d.exportdesk", newline)
    with pytest.raises(StoreError) as err:
        pair.prof_x.import_decision(pair.prof, path)
    assert err.value.code == "invalid"


def test_member_logins_follow_the_file_rules(tmp_path: Path):
    pair = make_pair(tmp_path)
    for login in ("export-control-office", "x" * 101, "two words"):
        fresh = Store(tmp_path / f"f{len(login)}.db")
        x = Exchange(fresh, key_dir=tmp_path / f"k{len(login)}")
        with pytest.raises(StoreError):
            x.import_profile(
                tmp_path / "institution.exportdesk", login=login, name="N", password=PASSWORD
            )
        assert not fresh.is_set_up()
    assert pair.prof.login == "prof"


def test_command_line_exchange_needs_a_real_sign_in(tmp_path: Path, capsys, monkeypatch):
    from exportdesk.cli import main

    make_campus(tmp_path / "o.db").store.close()
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    monkeypatch.delenv("EXPORTDESK_USER", raising=False)
    code = main(["send-decision", "--db", str(tmp_path / "o.db"), "1", "--user", "", "-o", "x"])
    assert code == 1 and "sign in" in capsys.readouterr().err


def test_answers_to_questions_never_asked_are_refused(tmp_path: Path):
    pair = make_pair(tmp_path)
    _, first = send(pair, "first.exportdesk")
    pair.office_x.import_case(pair.office.office, first, trust_new_key=True)

    def extra(case: dict[str, Any]) -> None:
        case["answers"]["x" * 40] = list(range(1000))

    path = forged_case(pair, "extra.exportdesk", extra)
    before = counts(pair.office.store)
    with pytest.raises(StoreError) as err:
        pair.office_x.import_case(pair.office.office, path)
    assert "unknown questions" in err.value.en
    assert counts(pair.office.store) == before
