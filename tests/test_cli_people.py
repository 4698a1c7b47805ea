"""`exportdesk people import|list` on a real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exportdesk.cli import main
from tests.store_fixtures import PASSWORD, Campus, make_campus

CSV = (
    "学籍番号,姓,名,国籍,入国日,身分,所属\n"
    "S1,Wang,Li,中国,2026/04/01,修士課程学生,ENG\n"
    "S2,Kim,Minji,韓国,2026/11/20,研究生,SCI\n"
)


@pytest.fixture(autouse=True)
def signed_in(monkeypatch):
    """Commands sign in with the fixtures' password, as a script would."""
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)


@pytest.fixture
def campus(tmp_path: Path) -> Campus:
    return make_campus(tmp_path / "cli-people.db", "small")


def test_import_and_list(campus: Campus, tmp_path: Path, capsys):
    db = str(campus.store.path)
    path = tmp_path / "people.csv"
    path.write_bytes((CSV + "S3,Doe,,Atlantis,,,ENG\n").encode("cp932"))
    assert main(["people", "import", str(path), "--user", "office1", "--db", db]) == 2
    out = capsys.readouterr()
    assert "line 4: Unknown nationality: Atlantis" in out.out and "Nothing was imported" in out.err
    assert main(["people", "list", "--user", "office1", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    path.write_bytes(CSV.encode("cp932"))
    assert main(["people", "import", str(path), "--user", "office1", "--db", db, "--dry-run"]) == 0
    assert "2 new, 0 to update, 0 with errors (dry run)" in capsys.readouterr().out
    assert main(["people", "import", str(path), "--user", "office1", "--db", db]) == 0
    assert "imported: 2 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    # An applicant may not import.
    assert main(["people", "import", str(path), "--user", "prof", "--db", db]) == 1
    assert "not allowed" in capsys.readouterr().err

    assert main(["people", "list", "--user", "mgr-sci", "--db", db, "--json"]) == 0
    assert [p["family_name"] for p in json.loads(capsys.readouterr().out)] == ["Kim"]
    assert (
        main(["people", "list", "--user", "office1", "--db", db, "--due", "--json", "--lang", "en"])
        == 0
    )
    due = json.loads(capsys.readouterr().out)
    assert {(d["name"], d["kind"], d["overdue"]) for d in due} == {
        ("Wang Li", "entry_pledge", True),
        ("Wang Li", "declaration_missing", True),
        ("Kim Minji", "entry_pledge", False),
        ("Kim Minji", "declaration_missing", False),
    }
    assert main(["people", "list", "--user", "office1", "--db", db, "--due"]) == 0
    assert "受入時の誓約書が未提出" in capsys.readouterr().out
    assert main(["people", "list", "--user", "prof", "--db", db]) == 1
    assert main(["people", "list", "--user", "nobody", "--db", db]) == 1
