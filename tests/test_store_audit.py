"""Audit trail: every action logged, tampering detected; migrations; export; db CLI."""

from __future__ import annotations

import csv
import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from exportdesk.cli import main
from exportdesk.store import Store
from exportdesk.store.db import LATEST, open_database
from exportdesk.store.export import export_cases
from tests.store_fixtures import Campus, controlled_answers, make_campus, ready_for_decision


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


def test_backup_and_restore(campus: Campus, tmp_path: Path, capsys):
    path = campus.store.path
    campus.store.close()
    backup = tmp_path / "copy.db"
    assert main(["db", "--db", str(path), "backup", str(backup)]) == 0
    _tamper(path, "DELETE FROM approvals")
    assert main(["db", "--db", str(path), "restore", str(backup)]) == 0
    store = Store(path)
    assert store.db.execute("SELECT count(*) FROM approvals").fetchone()[0] == 2
    assert store.verify_audit().ok
    not_db = tmp_path / "junk.db"
    not_db.write_bytes(b"this is not sqlite" * 100)
    assert main(["db", "--db", str(path), "restore", str(not_db)]) == 1
    assert "Not an ExportDesk database" in capsys.readouterr().err


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
    assert export_cases(campus.store, target, fmt) == 1
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
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data[0]["decision"] == "no_licence_needed"
        assert data[0]["counterpart"] == "Technische Universität Beispiel"
    last = campus.store.db.execute(
        "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()[0]
    assert last == "export"


def test_export_cli(campus: Campus, tmp_path: Path, capsys):
    path = campus.store.path
    target = tmp_path / "out.json"
    assert main(["export", "--db", str(path), "--format", "json", "-o", str(target)]) == 0
    assert "1 cases written" in capsys.readouterr().out
    assert target.exists()
