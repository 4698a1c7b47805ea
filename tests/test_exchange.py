"""Case files between two installations: submit, import, review, decision, import back."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exportdesk.exchange import Exchange, ExchangeError, NeedsTrust, read_package, write_package
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User
from tests.campus_world import PersonStores, per_person
from tests.store_fixtures import (
    PASSWORD,
    Campus,
    controlled_answers,
    make_campus,
    ready_for_decision,
)


@dataclass
class Pair:
    office: Campus
    office_x: Exchange
    prof_store: Store
    prof_x: Exchange
    prof: object
    tmp: Path


def laptop_login(office: Campus, user: User) -> str:
    """The login a PC off the network files under: on an office's own SQLite, the
    office's record of the person; on the campus database, someone known only from
    their files (a person who signs in there submits through their own connection)."""
    return user.login + "-laptop" if isinstance(office.store, PersonStores) else user.login


def make_pair(tmp_path: Path, fmt: str = "small", office: Campus | None = None) -> Pair:
    """A professor's PC (SQLite) and the office: `office`, else an office's own SQLite."""
    office = office or make_campus(tmp_path / "office.db", fmt)
    office_x = per_person(office, lambda store: Exchange(store, key_dir=tmp_path / "office-keys"))
    profile = tmp_path / "institution.exportdesk"
    office_x.write_profile(office.admin, profile)
    prof_store = Store(tmp_path / "prof.db")
    prof_x = Exchange(prof_store, key_dir=tmp_path / "prof-keys")
    prof = prof_x.import_profile(
        profile,
        login=laptop_login(office, office.prof),
        name="研究 一郎",
        password=PASSWORD,
        department="ENG",
    )
    return Pair(office, office_x, prof_store, prof_x, prof, tmp_path)


def counts(store: Store) -> tuple[int, ...]:
    return tuple(
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("cases", "exchange_log", "audit_log", "users", "messages", "trusted_keys")
    )


def send(pair: Pair, name: str, answers=None) -> tuple[int, Path]:
    case = pair.prof_store.create_case(pair.prof, answers=answers or controlled_answers())
    path = pair.tmp / name
    pair.prof_x.write_case(pair.prof, case["id"], path)
    return case["id"], path


def test_profile_sets_up_the_installation(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    inst = pair.prof_store.institution()
    assert (
        inst["name_ja"] == "架空工業大学" and inst["uid"] == pair.office.store.institution()["uid"]
    )
    assert [d["code"] for d in pair.prof_store.departments()] == ["ENG", "SCI"]
    assert inst["office_public_key"] == pair.office_x.public_key
    assert pair.prof.has("applicant") and pair.prof.department_id is not None


@pytest.mark.parametrize("fmt", ["small", "large"])
def test_round_trip_with_return_and_resubmit(new_pair, tmp_path: Path, fmt: str):  # type: ignore[no-untyped-def]
    pair = new_pair(fmt)
    o, s = pair.office, pair.office.store
    local_id, path = send(pair, "case-1.exportdesk")
    assert pair.prof_store.get_case(pair.prof, local_id)["status"] == "submitted"

    info = pair.office_x.inspect(path)
    assert info["new"] and info["kind"] == "case" and info["fingerprint"]
    with pytest.raises(NeedsTrust) as err:
        pair.office_x.import_case(o.office, path)
    assert err.value.extra["fingerprint"] in err.value.ja
    result = pair.office_x.import_case(o.office, path, trust_new_key=True)
    assert result["new"]
    case_id = result["case_id"]
    again = pair.office_x.import_case(o.office, path)
    assert again == {"already": True, "case_id": case_id}
    imported = s.get_case(o.office, case_id)
    assert (
        imported["status"] == "submitted"
        and imported["applicant_id"] == s.user_by_login(pair.prof.login).id
    )  # linked to the known user (on the campus database, the one known from files)
    assert imported["answers"]["technology_list_items"] == ["5"]
    assert imported["determination"]["outcome"] == "office_review"

    # Round 1: the office asks a question.
    if fmt == "large":
        s.approve(o.manager_eng, case_id)
    s.return_case(o.office, case_id, "図面は含まれますか")
    decision_1 = tmp_path / "decision-1.exportdesk"
    pair.office_x.write_decision(o.office, case_id, decision_1)
    back = pair.prof_x.import_decision(pair.prof, decision_1)
    local = pair.prof_store.get_case(pair.prof, local_id)
    assert back["status"] == "returned" and local["status"] == "returned"
    assert local["messages"][-1]["body"] == "図面は含まれますか"

    # The professor answers and resubmits; the office receives round 2 of the same case.
    pair.prof_store.answer_questions(pair.prof, local_id, "含まれません")
    pair.prof_store.save_draft(
        pair.prof,
        local_id,
        local["answers"] | {"publicly_available": True, "publication_restricted": False},
    )
    pair.prof_x.write_case(pair.prof, local_id, tmp_path / "case-2.exportdesk")
    round1 = s.get_case(o.office, case_id)
    result2 = pair.office_x.import_case(o.office, tmp_path / "case-2.exportdesk")
    assert result2["case_id"] == case_id and not result2["new"] and result2["round"] == 2
    round2 = s.get_case(o.office, case_id)
    # A new revision: a review sheet still open on round 1 cannot save over round 2.
    assert round2["revision"] > round1["revision"]
    with pytest.raises(StoreError) as stale:
        s.save_review(o.office, case_id, {"transit": "x"}, expected_revision=round1["revision"])
    assert stale.value.code == "review_conflict"
    assert [m["kind"] for m in round2["messages"]] == ["question", "answer"]
    assert round2["outcome"] == "no_procedure"

    if fmt == "large":
        s.approve(o.manager_eng, case_id)
    ready_for_decision(s, o.office, case_id)
    s.record_decision(
        o.office, case_id, "approved_with_conditions", "公開データのみ", "図面は提供しない"
    )
    s.approve(o.office, case_id)
    s.approve(o.chief, case_id)
    pair.office_x.write_decision(o.office, case_id, tmp_path / "decision-2.exportdesk")
    pair.prof_x.import_decision(pair.prof, tmp_path / "decision-2.exportdesk")
    final = pair.prof_store.get_case(pair.prof, local_id)
    assert final["status"] == "approved_with_conditions"
    assert (
        final["decision_reasons"] == "公開データのみ"
        and final["decision_conditions"] == "図面は提供しない"
    )
    assert [a["step"] for a in final["review"]["office_approvals"]][-1] == "chief"
    assert s.verify_audit().ok and pair.prof_store.verify_audit().ok


def test_case_file_carries_no_passwords_or_other_users(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    _, path = send(pair, "c.exportdesk")
    blob = b"".join(zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist())
    assert b"$argon2" not in blob and b"password" not in blob.lower()
    assert b"office1" not in blob and b"chief" not in blob
    names = zipfile.ZipFile(path).namelist()
    assert {"manifest.json", "signature", "case.json", "check-sheet.pdf"} <= set(names)


def refused(pair: Pair, data: bytes, code: str, trust: bool = True) -> ExchangeError:
    path = pair.tmp / "incoming.exportdesk"
    path.write_bytes(data)
    before = counts(pair.office.store)
    with pytest.raises(ExchangeError) as err:
        pair.office_x.import_case(pair.office.office, path, trust_new_key=trust)
    assert err.value.code == code, err.value.en
    assert err.value.ja and err.value.en
    assert counts(pair.office.store) == before
    return err.value


def rezip(data: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    src = zipfile.ZipFile(io.BytesIO(data))
    files = {n: src.read(n) for n in src.namelist()}
    change(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for n, d in files.items():
            zf.writestr(n, d)
    return out.getvalue()


def test_each_refusal(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    _, path = send(pair, "good.exportdesk")
    good = path.read_bytes()
    refused(pair, b"definitely not a zip file", "corrupted")
    refused(pair, good[: len(good) // 2], "corrupted")

    def edit_case(files):  # type: ignore[no-untyped-def]
        case = json.loads(files["case.json"])
        case["answers"]["technology_list_items"] = []
        files["case.json"] = json.dumps(case).encode()

    assert "case.json" in refused(pair, rezip(good, edit_case), "tampered").en

    def edit_manifest(files):  # type: ignore[no-untyped-def]
        files["manifest.json"] = files["manifest.json"].replace(b'"case"', b'"case" ')

    refused(pair, rezip(good, edit_manifest), "bad_signature")

    # Another institution's file.
    other = make_pair(tmp_path / "other")
    _, other_path = send(other, "other.exportdesk")
    refused(pair, other_path.read_bytes(), "other_institution")

    # A forms version this installation does not know.
    inst = pair.prof_store.institution()
    unknown = tmp_path / "unknown-forms.exportdesk"
    files = {
        n: zipfile.ZipFile(path).read(n)
        for n in zipfile.ZipFile(path).namelist()
        if n not in ("manifest.json", "signature")
    }
    write_package(
        unknown,
        "case",
        files,
        key=pair.prof_x.key,
        institution_uid=inst["uid"],
        forms_version="1999.1",
        sender={"login": "prof", "name": "x", "email": "", "fingerprint": ""},
    )
    refused(pair, unknown.read_bytes(), "unknown_forms")

    # First the real key is trusted; a file signed by another key for the same login is refused.
    pair.office_x.import_case(pair.office.office, path, trust_new_key=True)
    impostor = Exchange(pair.prof_store, key_dir=tmp_path / "impostor-keys")
    local2 = pair.prof_store.create_case(pair.prof, answers=controlled_answers())
    impostor.write_case(pair.prof, local2["id"], tmp_path / "impostor.exportdesk")
    refused(pair, (tmp_path / "impostor.exportdesk").read_bytes(), "unknown_key")


def test_decision_must_come_from_the_office_key(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    local_id, path = send(pair, "c.exportdesk")
    result = pair.office_x.import_case(pair.office.office, path, trust_new_key=True)
    pair.office.store.return_case(pair.office.office, result["case_id"], "question")
    forged_x = Exchange(pair.office.store, key_dir=tmp_path / "forger-keys")
    forged = tmp_path / "forged.exportdesk"
    forged_x.write_decision(pair.office.office, result["case_id"], forged)
    with pytest.raises(StoreError) as err:
        pair.prof_x.import_decision(pair.prof, forged)
    assert err.value.code == "not_office_key"
    assert pair.prof_store.get_case(pair.prof, local_id)["status"] == "submitted"


def test_older_format_still_imports(new_pair, tmp_path: Path):  # type: ignore[no-untyped-def]
    pair = new_pair()
    _, path = send(pair, "v2.exportdesk")
    src = zipfile.ZipFile(path)
    case = json.loads(src.read("case.json"))
    for key in ("messages", "attachments", "filed_by"):
        case.pop(key)
    inst = pair.prof_store.institution()
    old = tmp_path / "v1.exportdesk"
    write_package(
        old,
        "case",
        {"case.json": json.dumps(case).encode(), "check-sheet.pdf": src.read("check-sheet.pdf")},
        key=pair.prof_x.key,
        institution_uid=inst["uid"],
        forms_version=case["forms_version"],
        sender={"login": pair.prof.login, "name": "研究 一郎", "email": "", "fingerprint": ""},
        format_version=1,
    )
    assert read_package(old.read_bytes()).manifest["format_version"] == 1
    result = pair.office_x.import_case(pair.office.office, old, trust_new_key=True)
    assert (
        pair.office.store.get_case(pair.office.office, result["case_id"])["status"] == "submitted"
    )


@pytest.fixture(scope="module")
def fuzz_pair(tmp_path_factory) -> tuple[Pair, bytes]:
    pair = make_pair(tmp_path_factory.mktemp("fuzz"))
    _, path = send(pair, "seed.exportdesk")
    return pair, path.read_bytes()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_never_crash_or_import(fuzz_pair, data):
    pair, _seed = fuzz_pair
    before = counts(pair.office.store)
    path = pair.tmp / "random.exportdesk"
    path.write_bytes(data)
    with pytest.raises(ExchangeError):
        pair.office_x.import_case(pair.office.office, path, trust_new_key=True)
    assert counts(pair.office.store) == before


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, 10**7), st.integers(0, 255))
def test_mutated_files_import_whole_or_not_at_all(fuzz_pair, position, value):
    pair, seed = fuzz_pair
    mutated = bytearray(seed)
    mutated[position % len(seed)] = value
    path = pair.tmp / "mutated.exportdesk"
    path.write_bytes(bytes(mutated))
    before = counts(pair.office.store)
    try:
        result = pair.office_x.import_case(pair.office.office, path, trust_new_key=True)
    except (ExchangeError, StoreError):
        # Refused as a file, or (a second copy with other unsigned bytes) by the workflow.
        assert counts(pair.office.store) == before
    else:
        # A byte outside the signed content (a zip timestamp, say): the whole case arrives.
        case = pair.office.store.get_case(pair.office.office, result["case_id"])
        assert case["answers"] == controlled_answers() and case["status"] == "submitted"


def test_cli_round_trip(tmp_path: Path, capsys, monkeypatch):
    from exportdesk.cli import main

    # Commands sign in, as a script does: the user and password from the environment.
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)

    office = make_campus(tmp_path / "office.db")
    office.store.close()
    odb, okeys = ["--db", str(tmp_path / "office.db")], ["--keys", str(tmp_path / "ok")]
    pdb, pkeys = ["--db", str(tmp_path / "prof.db")], ["--keys", str(tmp_path / "pk")]
    profile = tmp_path / "inst.exportdesk"
    assert main(["profile", *odb, *okeys, "export", "--user", "admin", "-o", str(profile)]) == 0
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    assert (
        main(
            [
                "profile",
                *pdb,
                *pkeys,
                "import",
                str(profile),
                "--login",
                "prof",
                "--name",
                "研究 一郎",
                "--department",
                "ENG",
            ]
        )
        == 0
    )
    prof_store = Store(tmp_path / "prof.db")
    prof = prof_store.get_user(1)
    case = prof_store.create_case(prof, answers=controlled_answers())
    prof_store.close()
    out = tmp_path / "c.exportdesk"
    assert main(["send-case", *pdb, *pkeys, case["ref"], "--user", "prof", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["import-case", *odb, *okeys, str(out), "--user", "office1"]) == 2
    assert "fingerprint" in capsys.readouterr().err
    assert main(["import-case", *odb, *okeys, str(out), "--user", "office1", "--trust"]) == 0
    assert "imported new case" in capsys.readouterr().out
    assert main(["import-case", *odb, *okeys, str(out), "--user", "office1"]) == 0
    assert "already imported" in capsys.readouterr().out
    store = Store(tmp_path / "office.db")
    office_case = store.list_cases(store.get_user(2))[0]
    store.return_case(store.get_user(2), office_case["id"], "Which model?")
    store.close()
    decision = tmp_path / "d.exportdesk"
    assert (
        main(
            [
                "send-decision",
                *odb,
                *okeys,
                office_case["ref"],
                "--user",
                "office1",
                "-o",
                str(decision),
            ]
        )
        == 0
    )
    assert main(["import-decision", *pdb, *pkeys, str(decision), "--user", "prof"]) == 0
    assert "case now returned" in capsys.readouterr().out


def _check(schema: dict, value, defs: dict, where: str = "") -> None:  # type: ignore[no-untyped-def]
    """The parts of JSON Schema the exchange schema uses: required, type, enum, const."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].split("/")[-1]]
    types = {"object": dict, "array": list, "string": str, "integer": int, "null": type(None)}
    if "type" in schema:
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        assert any(isinstance(value, types[t]) for t in allowed), (
            f"{where}: {value!r} is not {allowed}"
        )
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r}"
    if "const" in schema:
        assert value == schema["const"], where
    for key in schema.get("required", []):
        assert key in value, f"{where}: missing {key}"
    for key, sub in schema.get("properties", {}).items():
        if isinstance(value, dict) and key in value:
            _check(sub, value[key], defs, f"{where}.{key}")


def test_files_follow_the_documented_schema(tmp_path: Path):
    schema = json.loads(
        (Path(__file__).resolve().parent.parent / "docs" / "exchange.schema.json").read_text()
    )
    defs = schema["$defs"]
    pair = make_pair(tmp_path)
    _, path = send(pair, "c.exportdesk")
    package = read_package(path.read_bytes())
    _check(defs["manifest"], package.manifest, defs, "manifest")
    _check(defs["case"], package.json("case.json"), defs, "case")
    result = pair.office_x.import_case(pair.office.office, path, trust_new_key=True)
    pair.office.store.return_case(pair.office.office, result["case_id"], "q")
    pair.office_x.write_decision(pair.office.office, result["case_id"], tmp_path / "d.exportdesk")
    _check(
        defs["decision"],
        read_package((tmp_path / "d.exportdesk").read_bytes()).json("decision.json"),
        defs,
    )
    _check(
        defs["institution"],
        read_package((tmp_path / "institution.exportdesk").read_bytes()).json("institution.json"),
        defs,
    )
