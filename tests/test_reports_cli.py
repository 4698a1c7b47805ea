"""`exportdesk report`, `report-text`, `survey` and `audit` on a database with known figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from exportdesk.cli import main
from exportdesk.domain.internal_audit import audit_forms
from tests.stats_fixtures import make_stats_campus
from tests.store_fixtures import PASSWORD, Campus
from tests.test_documents import flat


@pytest.fixture
def campus(tmp_path: Path) -> Campus:
    c = make_stats_campus(tmp_path / "cli.db")
    s = c.store
    for family, nat, status, dept, entry in [
        ("Li", "CN", "visiting_researcher", c.eng, "2025-04-01"),
        ("Wang", "CN", "doctoral", c.eng, "2026-04-01"),
        ("Nguyen", "VN", "doctoral", c.sci, None),
        ("Kim", "KR", "doctoral", c.sci, "2026-06-01"),  # arrives after the reference date
        ("Yamada", "JP", "visiting_researcher", c.eng, "2020-04-01"),  # not foreign
        ("Smith", "US", "", None, "2024-10-01"),
    ]:
        s.add_person(
            c.office,
            family_name=family,
            nationality=nat,
            status=status,
            department_id=dept,
            entry_date=entry,
        )
    return c


@pytest.fixture(autouse=True)
def signed_in(monkeypatch):
    """Commands sign in with the fixtures' password, as a script would."""
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)


def run(campus: Campus, *args: str) -> int:
    """Run a command as the office (unless the arguments name another user)."""
    user = [] if "--user" in args else ["--user", "office1"]
    return main([*args, "--db", str(campus.store.path), *user])


def test_report_command(campus: Campus, tmp_path: Path, capsys):
    from tests.test_documents import text_of

    target = tmp_path / "report.pdf"
    assert (
        run(
            campus,
            "report-text",
            "--year",
            "2026",
            "--lang",
            "ja",
            "--section",
            "overview",
            "--text",
            "コマンドから書いた本文",
            "--user",
            "office1",
        )
        == 0
    )
    assert run(campus, "report", "--year", "2026", "--lang", "ja", "-o", str(target)) == 0
    text = flat(text_of(target.read_bytes()))
    assert "コマンドから書いた本文" in text and "提出件数合計7件" in text
    assert "7 cases" in capsys.readouterr().out
    # a bad year or an applicant: a clear message, nothing written
    assert run(campus, "report", "--year", "1990", "-o", str(tmp_path / "x.pdf")) == 2
    assert (
        run(campus, "report", "--year", "2026", "--user", "prof", "-o", str(tmp_path / "y.pdf"))
        == 2
    )
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()
    assert "not allowed" in capsys.readouterr().err
    assert (
        main(
            [
                *("report-text", "--year", "2026", "--section", "overview", "--text", "x"),
                *("--db", str(campus.store.path)),
            ]
        )
        == 2
    )  # who edits must be named, and signs in


def test_survey_command(campus: Campus, tmp_path: Path):
    target = tmp_path / "survey.xlsx"
    assert run(campus, "survey", "--date", "2026-05-01", "--lang", "en", "-o", str(target)) == 0
    wb = load_workbook(target)
    ws = wb["By nationality"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=5, values_only=True)}
    header = rows.pop("Nationality")
    assert header == ("Doctoral student", "Visiting researcher", "(no status)", "Total")
    assert rows["China"] == (1, 1, 0, 2)
    assert rows["Vietnam"] == (1, 0, 0, 1)
    assert rows["United States"] == (0, 0, 1, 1)
    assert rows["Total"] == (2, 1, 1, 4)
    assert "Korea" not in " ".join(rows) and "Japan" not in rows
    dept = {r[0]: r[1:] for r in wb["By department"].iter_rows(min_row=6, values_only=True)}
    assert dept["Faculty of Law"] == (0, 0, 0, 0)  # a department with nobody still shows
    assert dept["Faculty of Engineering"] == (1, 1, 0, 2)
    assert dept["(no department)"] == (0, 0, 1, 1)
    assert run(campus, "survey", "--date", "May 1st", "-o", str(tmp_path / "bad.xlsx")) == 2
    assert not (tmp_path / "bad.xlsx").exists()


def test_audit_commands(campus: Campus, tmp_path: Path, capsys):
    from tests.test_documents import text_of

    assert (
        run(
            campus,
            "audit",
            "start",
            "--year",
            "2026",
            "--per-department",
            "1",
            "--seed",
            "cli-seed",
            "--user",
            "office1",
        )
        == 0
    )
    assert "seed cli-seed" in capsys.readouterr().out
    assert run(campus, "audit", "start", "--year", "2026", "--user", "office1") == 2
    assert run(campus, "audit", "verify", "--year", "2026") == 0
    assert run(campus, "audit", "show", "--year", "2026") == 0
    shown = capsys.readouterr().out
    refs = sorted({w for w in shown.split() if w.startswith("2026-9")})
    assert len(refs) == 2  # one per department with cases
    all_pass = ",".join(f"{c.id}=pass" for c in audit_forms().case_checks)
    for ref in refs:
        assert (
            run(
                campus,
                "audit",
                "check-case",
                "--year",
                "2026",
                "--case",
                ref,
                "--results",
                all_pass,
                "--user",
                "office1",
            )
            == 0
        )
    assert (
        run(
            campus,
            "audit",
            "check-case",
            "--year",
            "2026",
            "--case",
            refs[0],
            "--results",
            "sheet_complete=pass",
            "--user",
            "office1",
        )
        == 2
    )
    for std in campus.store.catalog.exporter_standards.entries:
        assert (
            run(
                campus,
                "audit",
                "check",
                "--year",
                "2026",
                "--standard",
                std.id,
                "--result",
                "pass",
                "--user",
                "office1",
            )
            == 0
        )
    assert (
        run(
            campus,
            "audit",
            "finding",
            "--year",
            "2026",
            "--severity",
            "minor",
            "--finding",
            "研修記録の一部欠落",
            "--corrective",
            "記録様式の統一",
            "--owner",
            "mgr-eng",
            "--due",
            "2027-03-31",
            "--user",
            "office1",
        )
        == 0
    )
    assert (
        run(campus, "audit", "close", "--year", "2026", "--summary", "適切", "--user", "office1")
        == 0
    )
    target = tmp_path / "audit.pdf"
    assert run(campus, "audit", "report", "--year", "2026", "-o", str(target)) == 0
    text = flat(text_of(target.read_bytes()))
    assert "cli-seed" in text and "研修記録の一部欠落" in text and all(r in text for r in refs)
    assert (
        run(
            campus,
            "audit",
            "check",
            "--year",
            "2026",
            "--standard",
            "audit",
            "--result",
            "fail",
            "--note",
            "late",
            "--user",
            "office1",
        )
        == 2
    )
    assert "closed" in capsys.readouterr().err


def test_survey_in_japanese(campus: Campus, tmp_path: Path):
    target = tmp_path / "survey-ja.xlsx"
    assert run(campus, "survey", "--date", "2026-05-01", "-o", str(target)) == 0
    wb = load_workbook(target)
    assert wb.sheetnames == ["国籍別", "部局別", "明細"]
    ws = wb["国籍別"]
    assert ws["A1"].value == "外国人研究者・留学生数（国籍別）"
    assert ws["A3"].value == "基準日 2026-05-01"
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=6, values_only=True)}
    assert rows["中国"] == (1, 1, 0, 2) and rows["合計"] == (2, 1, 1, 4)
    header = next(r for r in ws.iter_rows(min_row=4, max_row=6, values_only=True) if r[1])
    assert header[1:] == ("博士課程学生", "客員研究員", "（区分なし）", "合計")
