"""`exportdesk people import|list` on a real database."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from exportdesk.cli import main
from tests.campus_world import ATTRS, ENGINES, pg_world
from tests.store_fixtures import PASSWORD, make_campus

CSV = (
    "学籍番号,姓,名,国籍,入国日,身分,所属\n"
    "S1,Wang,Li,中国,2026/04/01,修士課程学生,ENG\n"
    "S2,Kim,Minji,韓国,2026/11/20,研究生,SCI\n"
)


@pytest.fixture(autouse=True)
def signed_in(monkeypatch):
    """Commands sign in with the fixtures' password, as a script would."""
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)


@pytest.fixture(params=ENGINES)
def who(request, tmp_path: Path) -> Callable[[str], list[str]]:  # type: ignore[no-untyped-def]
    """`--user LOGIN --db …` for a person: the one file on SQLite; on the campus database
    their own connection (their role), as they would run the command."""
    if request.param == "sqlite":
        path = str(make_campus(tmp_path / "cli-people.db", "small").store.path)
        return lambda login: ["--user", login, "--db", path]
    w = pg_world(request.getfixturevalue("pg_cluster"))
    w.close()
    attrs = {login: attr for login, attr in ATTRS.items()}

    def as_(login: str) -> list[str]:
        if login not in attrs:  # someone the database does not know
            return ["--user", login, "--db", w.dsn["office"]]
        return ["--user", w.users[attrs[login]].login, "--db", w.dsn[attrs[login]]]

    return as_


def test_import_and_list(who, tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    path = tmp_path / "people.csv"
    path.write_bytes((CSV + "S3,Doe,,Atlantis,,,ENG\n").encode("cp932"))
    assert main(["people", "import", str(path), *who("office1")]) == 2
    out = capsys.readouterr()
    assert "line 4: Unknown nationality: Atlantis" in out.out and "Nothing was imported" in out.err
    assert main(["people", "list", *who("office1"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    path.write_bytes(CSV.encode("cp932"))
    assert main(["people", "import", str(path), *who("office1"), "--dry-run"]) == 0
    assert "2 new, 0 to update, 0 with errors (dry run)" in capsys.readouterr().out
    assert main(["people", "import", str(path), *who("office1")]) == 0
    assert "imported: 2 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    # An applicant may not import.
    assert main(["people", "import", str(path), *who("prof")]) == 1
    assert "not allowed" in capsys.readouterr().err

    assert main(["people", "list", *who("mgr-sci"), "--json"]) == 0
    assert [p["family_name"] for p in json.loads(capsys.readouterr().out)] == ["Kim"]
    assert main(["people", "list", *who("office1"), "--due", "--json", "--lang", "en"]) == 0
    due = json.loads(capsys.readouterr().out)
    assert {(d["name"], d["kind"], d["overdue"]) for d in due} == {
        ("Wang Li", "entry_pledge", True),
        ("Wang Li", "declaration_missing", True),
        ("Kim Minji", "entry_pledge", False),
        ("Kim Minji", "declaration_missing", False),
    }
    assert main(["people", "list", *who("office1"), "--due"]) == 0
    assert "受入時の誓約書が未提出" in capsys.readouterr().out
    assert main(["people", "list", *who("prof")]) == 1
    assert main(["people", "list", *who("nobody")]) == 1
