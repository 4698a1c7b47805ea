"""What Windows and macOS need and Linux lets slide: `spawn` workers, paths with spaces and
Japanese characters, no open file replaced, permissions that cannot always be set."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest

from exportdesk import portable
from exportdesk.cli import main
from tests.store_fixtures import PASSWORD, controlled_answers, make_campus

# A folder such as C:\Users\山田 太郎\Documents on a Japanese Windows PC.
HOME = "山田 太郎/書類 (輸出管理)"


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    # Commands sign in: the sample office's administrator, password from the environment.
    from tests.store_fixtures import PASSWORD

    monkeypatch.setenv("EXPORTDESK_USER", "admin")
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    folder = tmp_path / HOME
    folder.mkdir(parents=True)
    return folder


def test_batch_printing_uses_spawn_workers_under_a_japanese_path(home: Path, monkeypatch):
    from exportdesk.documents import batch

    campus = make_campus(home / "台帳 データ.db")
    s = campus.store
    for i in range(3):
        case = s.create_case(campus.prof, answers=controlled_answers() | {"title": f"来訪 {i}"})
        s.submit(campus.prof, case["id"])
    started: list[str] = []
    real = batch.ProcessPoolExecutor

    def watching(*args, **kwargs):  # records the start method the pool was given
        started.append(kwargs["mp_context"].get_start_method())
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", watching)
    cases = [s.get_case(None, r["id"]) for r in s.list_cases(None, limit=10)]
    out = home / "印刷 出力"
    paths = batch.write_case_pdfs(cases, out, lang="ja", institution="架空工業大学", workers=2)
    assert started == ["spawn"]
    assert [p.parent for p in paths] == [out] * 3
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths)
    assert not list(out.glob("*.part"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_default_data_folder_under_a_japanese_path(home: Path, monkeypatch, capsys):
    """The user data folder (database, keys) found through the platform's rules, not --db."""
    monkeypatch.delenv("EXPORTDESK_DB", raising=False)
    monkeypatch.delenv("EXPORTDESK_KEYS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "アプリ データ"))
    from exportdesk.exchange.keys import default_key_dir, load_or_create_key
    from exportdesk.store.db import default_db_path

    db = default_db_path()
    assert db.is_relative_to(home)
    assert main(["db", "init"]) == 0
    assert db.is_file() and str(db) in capsys.readouterr().out
    key = load_or_create_key()
    assert load_or_create_key().private_bytes_raw() == key.private_bytes_raw()
    keys = default_key_dir()
    assert keys.is_relative_to(home)
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    assert stat.S_IMODE((keys / "ed25519.pem").stat().st_mode) == 0o600


def test_restore_and_migration_never_replace_the_open_database(home: Path, capsys, monkeypatch):
    """Windows refuses to replace or delete an open file: restore copies pages into it."""
    from exportdesk.store import Store

    # Commands sign in: as the administrator.
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("EXPORTDESK_USER", "admin")

    path = home / "台帳 データ.db"
    campus = make_campus(path)
    case = campus.store.create_case(campus.prof, answers=controlled_answers())
    backup = home / "控え (2026年12月1日).db"
    assert main(["db", "--db", str(path), "backup", str(backup)]) == 0
    campus.store.create_case(campus.prof, answers=controlled_answers() | {"title": "後で"})
    opened = Store(path)  # the application still has the database open
    inode = path.stat().st_ino
    assert main(["db", "--db", str(path), "restore", str(backup)]) == 0
    assert path.stat().st_ino == inode
    assert [c["ref"] for c in opened.list_cases(None, limit=10)] == [case["ref"]]
    assert (home / "台帳 データ.db.before-restore.bak").is_file()
    assert main(["db", "--db", str(path), "verify"]) == 0
    if os.name != "nt":
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_exports_and_imports_under_a_japanese_path(home: Path, capsys, monkeypatch):
    from openpyxl import load_workbook

    # Commands sign in: the office exports the filed case.
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("EXPORTDESK_USER", "office1")

    path = home / "台帳 データ.db"
    campus = make_campus(path)
    case = campus.store.create_case(campus.prof, answers=controlled_answers())
    campus.store.submit(campus.prof, case["id"])  # the office exports filed cases, not drafts
    for fmt in ("csv", "xlsx", "json"):
        target = home / f"案件 一覧.{fmt}"
        assert main(["export", "--db", str(path), "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 0
    assert (home / "案件 一覧.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert load_workbook(home / "案件 一覧.xlsx").active.max_row == 2


def test_case_files_and_keys_under_japanese_paths(home: Path, capsys, monkeypatch):
    from exportdesk.store import Store

    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    office = make_campus(home / "事務局 台帳.db")
    office.store.close()
    odb, okeys = ["--db", str(home / "事務局 台帳.db")], ["--keys", str(home / "事務局 鍵")]
    pdb, pkeys = ["--db", str(home / "研究室 台帳.db")], ["--keys", str(home / "研究室 鍵")]
    profile = home / "機関 ファイル.exportdesk"
    assert main(["profile", *odb, *okeys, "export", "--user", "admin", "-o", str(profile)]) == 0
    args = ["import", str(profile), "--login", "prof", "--name", "山田 太郎", "--department", "ENG"]
    assert main(["profile", *pdb, *pkeys, *args]) == 0
    prof_store = Store(home / "研究室 台帳.db")
    case = prof_store.create_case(prof_store.get_user(1), answers=controlled_answers())
    prof_store.close()
    sent = home / f"案件 {case['ref']}.exportdesk"
    assert main(["send-case", *pdb, *pkeys, case["ref"], "--user", "prof", "-o", str(sent)]) == 0
    assert main(["import-case", *odb, *okeys, str(sent), "--user", "office1", "--trust"]) == 0
    assert "imported new case" in capsys.readouterr().out
    assert (home / "研究室 鍵" / "ed25519.pem").is_file()


def test_permissions_that_cannot_be_set_are_logged(tmp_path: Path, monkeypatch, caplog):
    target = tmp_path / "鍵.pem"
    target.write_text("secret")
    caplog.set_level(logging.WARNING, logger="exportdesk")
    monkeypatch.setattr(portable, "_WINDOWS", True)
    assert portable.restrict_to_owner(target) is False
    assert "Windows has no owner-only file modes" in caplog.text and "鍵.pem" in caplog.text
    monkeypatch.setattr(portable, "_WINDOWS", False)
    caplog.clear()

    def refuse(path, mode):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(portable.os, "chmod", refuse)
    assert portable.restrict_to_owner(target) is False
    assert "could not be restricted" in caplog.text and "Operation not permitted" in caplog.text
    monkeypatch.undo()
    assert portable.restrict_to_owner(target) is True
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_version_option(capsys):
    from exportdesk import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"ExportDesk {__version__}"
