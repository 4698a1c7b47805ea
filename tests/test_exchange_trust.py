"""Case and decision files are verified, never believed (threat model: between
installations, a signature proves who sent a file and nothing more)."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

from exportdesk.exchange import Exchange, ExchangeError, write_package
from exportdesk.store import Store, StoreError
from tests.store_fixtures import PASSWORD, controlled_answers, ready_for_decision
from tests.test_exchange import Pair, counts, laptop_login, make_pair, send


def resign(path: Path, kind: str, files: dict[str, bytes], manifest: dict[str, Any], key) -> None:  # type: ignore[no-untyped-def]
    """Write `files` as a `kind` file signed by `key`, as the sender of `manifest` would."""
    write_package(
        path,
        kind,
        files,
        key=key,
        institution_uid=manifest["institution_uid"],
        forms_version=manifest["forms_version"],
        sender={k: v for k, v in manifest["sender"].items() if k != "public_key"},
    )


def forged_case(pair: Pair, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    """A case file signed by the professor's real (trusted) key, with edited content."""
    _, good = send(pair, f"base-{name}")
    src = zipfile.ZipFile(good)
    files = {n: src.read(n) for n in src.namelist() if n not in ("manifest.json", "signature")}
    case = json.loads(files["case.json"])
    change(case)
    files["case.json"] = json.dumps(case, ensure_ascii=False).encode()
    manifest = json.loads(src.read("manifest.json"))
    path = pair.tmp / name
    resign(path, "case", files, manifest, pair.prof_x.key)
    return path


def trusted(pair: Pair) -> dict[str, Any]:
    """The office has met the professor's key once (a first, honest case)."""
    _, path = send(pair, "first.exportdesk")
    return pair.office_x.import_case(pair.office.office, path, trust_new_key=True)


def refused_by_store(pair: Pair, path: Path, code: str) -> StoreError:
    before = counts(pair.office.store)
    with pytest.raises(StoreError) as err:
        pair.office_x.import_case(pair.office.office, path)
    assert err.value.code == code, err.value.en
    assert err.value.ja and err.value.en
    assert counts(pair.office.store) == before
    return err.value


def test_a_file_cannot_overwrite_another_professors_case(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    o = pair.office
    # Another professor's case, filed at the office through its own (different) key.
    other_store = Store(tmp_path / "other.db")
    other_x = Exchange(other_store, key_dir=tmp_path / "other-keys")
    other_x.import_profile(
        tmp_path / "institution.exportdesk",
        login=laptop_login(o, o.prof_sci),
        name="理論 四郎",
        password=PASSWORD,
        department="SCI",
    )
    other_user = other_store.get_user(1)
    theirs = other_store.create_case(other_user, answers=controlled_answers())
    other_x.write_case(other_user, theirs["id"], tmp_path / "theirs.exportdesk")
    victim = o.store.get_case(
        o.office,
        other_x_import := pair.office_x.import_case(
            o.office, tmp_path / "theirs.exportdesk", trust_new_key=True
        )["case_id"],
    )
    o.store.return_case(o.office, other_x_import, "please add the drawings")
    trusted(pair)
    stolen_id = victim["exchange_id"]

    def steal(case: dict[str, Any]) -> None:
        case["exchange_id"] = stolen_id
        case["round"] = 5
        case["answers"]["title"] = "overwritten"

    path = forged_case(pair, "steal.exportdesk", steal)
    refused_by_store(pair, path, "exchange_owner")
    assert o.store.get_case(o.office, other_x_import)["title"] == victim["title"]


def test_a_sender_files_only_for_itself_or_as_a_registered_proxy(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    o = pair.office
    trusted(pair)

    def as_chief(case: dict[str, Any]) -> None:
        case["applicant"] = {"login": o.chief.login, "name": "統括 三郎", "department": "ENG"}
        case["filed_by"] = {"login": pair.prof.login, "name": "研究 一郎"}

    refused_by_store(pair, forged_case(pair, "chief.exportdesk", as_chief), "filed_for_other")

    def filer_is_office(case: dict[str, Any]) -> None:
        case["filed_by"] = {"login": o.office.login, "name": "輸出 花子"}

    refused_by_store(
        pair, forged_case(pair, "office.exportdesk", filer_is_office), "filed_for_other"
    )


def test_the_office_computes_the_outcome_itself(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    trusted(pair)

    def lie(case: dict[str, Any]) -> None:
        case["answers"] |= {"counterpart_country": "KP", "title": "To North Korea"}
        case["determination"] = {
            "outcome": "no_procedure",
            "reasons": [{"code": "nothing", "ja": "問題なし", "en": "nothing to see"}],
        }
        case["facts"] = {"activity": "visit"}

    path = forged_case(pair, "lie.exportdesk", lie)
    result = pair.office_x.import_case(pair.office.office, path)
    case = pair.office.store.get_case(pair.office.office, result["case_id"])
    assert case["outcome"] == "office_review"
    assert case["determination"]["outcome"] == "office_review"
    codes = {r["code"] for r in case["determination"]["reasons"]}
    assert "nothing" not in codes and codes
    assert case["forms_version"] == pair.office.store.catalog.version


def test_an_incomplete_sheet_is_refused(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    trusted(pair)

    def blank(case: dict[str, Any]) -> None:
        case["answers"] = {"title": "nothing answered"}

    refused_by_store(pair, forged_case(pair, "blank.exportdesk", blank), "incomplete")


@pytest.mark.parametrize(
    "field,value",
    [
        ("exchange_id", None),
        ("round", "1"),
        ("round", 0),
        ("applicant", None),
        ("applicant", {"login": None}),
        ("answers", []),
        ("messages", [{"kind": "answer", "body": None, "at": "x"}]),
        ("attachments", [{"filename": "a", "sha256": "zz", "size": 1, "path": "x"}]),
    ],
)
def test_malformed_case_json_is_refused_before_anything_is_written(
    tmp_path: Path, field: str, value: Any
):
    pair = make_pair(tmp_path)
    trusted(pair)

    def spoil(case: dict[str, Any]) -> None:
        case[field] = value

    path = forged_case(pair, "bad.exportdesk", spoil)
    before = counts(pair.office.store)
    with pytest.raises(ExchangeError) as err:
        pair.office_x.import_case(pair.office.office, path)
    assert err.value.code == "malformed" and field in err.value.en
    assert counts(pair.office.store) == before


def decision_file(pair: Pair, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    """A decision file signed by the office's real key, with edited content."""
    _, path = send(pair, f"case-{name}")
    result = pair.office_x.import_case(pair.office.office, path, trust_new_key=True)
    o = pair.office
    ready_for_decision(o.store, o.office, result["case_id"])
    o.store.record_decision(o.office, result["case_id"], "no_licence_needed", "公開済みの情報のみ")
    o.store.approve(o.office2, result["case_id"])
    o.store.approve(o.chief, result["case_id"])
    good = pair.tmp / f"good-{name}"
    pair.office_x.write_decision(o.office, result["case_id"], good)
    src = zipfile.ZipFile(good)
    decision = json.loads(src.read("decision.json"))
    change(decision)
    manifest = json.loads(src.read("manifest.json"))
    out = pair.tmp / name
    resign(
        out,
        "decision",
        {"decision.json": json.dumps(decision, ensure_ascii=False).encode()},
        manifest,
        pair.office_x.key,
    )
    return out


def test_a_decision_cannot_revive_a_withdrawn_case(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    path = decision_file(pair, "d.exportdesk", lambda d: None)
    local = pair.prof_store.list_cases(pair.prof)[0]
    pair.prof_store.withdraw(pair.prof, local["id"], "no longer planned")
    with pytest.raises(StoreError) as err:
        pair.prof_x.import_decision(pair.prof, path)
    assert err.value.code == "decision_not_allowed"
    assert pair.prof_store.get_case(pair.prof, local["id"])["status"] == "withdrawn"


@pytest.mark.parametrize("status", ["draft", "bogus", "submitted", "withdrawn"])
def test_a_decision_file_with_an_unknown_or_impossible_status_is_refused(
    tmp_path: Path, status: str
):
    pair = make_pair(tmp_path)

    def set_status(d: dict[str, Any]) -> None:
        d["status"] = status

    path = decision_file(pair, "d.exportdesk", set_status)
    local = pair.prof_store.list_cases(pair.prof)[0]
    with pytest.raises(StoreError) as err:
        pair.prof_x.import_decision(pair.prof, path)
    assert err.value.code == "decision_not_allowed"
    assert pair.prof_store.get_case(pair.prof, local["id"])["status"] == "submitted"


def test_a_decision_must_match_its_status(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()

    def mismatch(d: dict[str, Any]) -> None:
        d["decision"] = "licence_required"  # status still says approved

    path = decision_file(pair, "d.exportdesk", mismatch)
    with pytest.raises(StoreError) as err:
        pair.prof_x.import_decision(pair.prof, path)
    assert err.value.code == "invalid"


def institution_file(pair: Pair, change) -> Path:  # type: ignore[no-untyped-def]
    src = zipfile.ZipFile(pair.tmp / "institution.exportdesk")
    profile = json.loads(src.read("institution.json"))
    change(profile)
    manifest = json.loads(src.read("manifest.json"))
    out = pair.tmp / "bad-institution.exportdesk"
    resign(
        out,
        "profile",
        {"institution.json": json.dumps(profile, ensure_ascii=False).encode()},
        manifest,
        pair.office_x.key,
    )
    return out


@pytest.mark.parametrize(
    "field,value",
    [
        ("uid", None),
        ("departments", None),
        ("departments", [{"code": None, "name_ja": "x", "name_en": "x"}]),
        ("retention_years", "7"),
        ("icp_format", "medium"),
        ("name_ja", ""),
    ],
)
def test_a_malformed_institution_file_leaves_the_pc_ready_for_a_good_one(
    tmp_path: Path, field: str, value: Any
):
    pair = make_pair(tmp_path)

    def spoil(profile: dict[str, Any]) -> None:
        profile[field] = value

    bad = institution_file(pair, spoil)
    fresh = Store(tmp_path / "fresh.db")
    x = Exchange(fresh, key_dir=tmp_path / "fresh-keys")
    with pytest.raises(ExchangeError) as err:
        x.import_profile(bad, login="p2", name="新 任", password=PASSWORD)
    assert err.value.code == "malformed"
    assert not fresh.is_set_up()
    assert fresh.db.execute("SELECT count(*) FROM users").fetchone()[0] == 0
    user = x.import_profile(
        tmp_path / "institution.exportdesk", login="p2", name="新 任", password=PASSWORD
    )
    assert fresh.is_set_up() and user.login == "p2"


def test_a_member_pc_user_is_not_an_administrator(tmp_path: Path):
    pair = make_pair(tmp_path)
    assert pair.prof.has("applicant")
    assert not pair.prof.has("admin") and not pair.prof.has("office")
    assert pair.prof_store.is_member()


def test_one_reference_number_on_both_installations(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    # The office has numbered cases of its own already.
    o = pair.office
    for _ in range(3):
        o.store.create_case(o.prof, answers=controlled_answers())
    local_id, path = send(pair, "c.exportdesk")
    local_ref = pair.prof_store.get_case(pair.prof, local_id)["ref"]
    result = pair.office_x.import_case(o.office, path, trust_new_key=True)
    assert o.store.get_case(o.office, result["case_id"])["ref"] == local_ref
    assert o.store.case_id_for(local_ref) == result["case_id"]
    # A second member PC numbers its cases differently.
    assert local_ref.split("-")[1] != "000001"


def zip_bomb(pair: Pair, inflated: int) -> Path:
    """A signed case file whose attachment inflates to `inflated` bytes of zeros."""
    _, good = send(pair, "bomb-base.exportdesk")
    src = zipfile.ZipFile(good)
    manifest = json.loads(src.read("manifest.json"))
    out = pair.tmp / "bomb.exportdesk"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", src.read("manifest.json"))
        zf.writestr("signature", src.read("signature"))
        for n in src.namelist():
            if n not in ("manifest.json", "signature"):
                zf.writestr(n, src.read(n))
        with zf.open("attachments/1-zeros.bin", "w", force_zip64=True) as fh:
            block = bytes(1024 * 1024)
            for _ in range(inflated // len(block)):
                fh.write(block)
    out.write_bytes(buffer.getvalue())
    del manifest
    return out


def test_a_zip_bomb_is_refused_without_inflating_it(tmp_path: Path):
    pair = make_pair(tmp_path)
    bomb = zip_bomb(pair, 256 * 1024 * 1024)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = counts(pair.office.store)
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ExchangeError) as err:
        pair.office_x.import_case(pair.office.office, bomb, trust_new_key=True)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert err.value.code in ("tampered", "too_large")
    assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    assert elapsed < 5
    assert counts(pair.office.store) == before


def test_an_unprefixed_number_is_replaced_and_the_decision_brings_it_back(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    o = pair.office

    def old_style(case: dict[str, Any]) -> None:
        case["sender_ref"] = "2026-000001"  # as a PC numbered before member prefixes

    path = forged_case(pair, "old.exportdesk", old_style)
    for _ in range(2):  # the office has numbered cases of its own
        o.store.create_case(o.prof, answers=controlled_answers())
    result = pair.office_x.import_case(o.office, path, trust_new_key=True)
    office_ref = o.store.get_case(o.office, result["case_id"])["ref"]
    # (On the campus database the server numbers it, in the server's year.)
    assert office_ref.split("-")[1] == "000003"
    # The office's own next case cannot collide with it either.
    assert o.store.create_case(o.prof, answers=controlled_answers())["ref"] != office_ref
    ready_for_decision(o.store, o.office, result["case_id"])
    o.store.record_decision(o.office, result["case_id"], "no_licence_needed", "公開情報のみ")
    o.store.approve(o.office2, result["case_id"])
    o.store.approve(o.chief, result["case_id"])
    pair.office_x.write_decision(o.office, result["case_id"], tmp_path / "d.exportdesk")
    back = pair.prof_x.import_decision(pair.prof, tmp_path / "d.exportdesk")
    assert pair.prof_store.get_case(pair.prof, back["case_id"])["ref"] == office_ref


def test_every_file_carries_the_signed_audit_head(tmp_path: Path):
    from exportdesk.store.maintenance import heads_in_file

    pair = make_pair(tmp_path)
    _, path = send(pair, "c.exportdesk")
    heads = heads_in_file(path)
    assert len(heads) == 1 and heads[0]["seq"] >= 1 and heads[0]["hash"]
    assert heads_in_file(tmp_path / "institution.exportdesk")
