"""Excel exports: headers in the interface language, dates as dates, fitted widths, frozen
header, filters; CSV with a BOM so Japanese Excel opens it by double-click."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exportdesk.cli import main
from exportdesk.store.workbook import as_date, display_width, write_table
from tests.store_fixtures import PASSWORD, controlled_answers, make_campus


def test_write_table_formats(tmp_path: Path):
    target = tmp_path / "表.xlsx"
    write_table(
        target,
        "案件",
        ["件名", "作成日時 (UTC)", "期日"],
        [
            ["国際共同研究に関する技術提供の事前確認", "2026-11-28T01:02:03.456Z", "2026-12-01"],
            ["short", "", "not a date"],
        ],
        lang="ja",
        date_columns=[1, 2],
    )
    ws = load_workbook(target).active
    assert ws.title == "案件"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:C3"
    assert ws["A1"].font.b
    assert ws["B2"].value == dt.datetime(2026, 11, 28, 1, 2, 3)
    assert ws["B2"].number_format == "yyyy/mm/dd hh:mm"
    assert ws["C2"].value == dt.datetime(
        2026, 12, 1, 0, 0
    )  # openpyxl reads dates back as datetimes
    assert ws["C2"].number_format == "yyyy/mm/dd"
    assert ws["C3"].value == "not a date" and ws["B3"].value is None
    # 19 full-width characters take 38 columns; short columns stay readable.
    assert ws.column_dimensions["A"].width == 39
    assert 16 <= ws.column_dimensions["B"].width <= 20
    assert ws.column_dimensions["C"].width >= 10


def test_helpers():
    assert display_width("輸出 ABC") == 8
    assert as_date("2026-12-01") == dt.date(2026, 12, 1)
    assert as_date("2026-12-01T09:00:00+09:00") == dt.datetime(2026, 12, 1, 0, 0)
    assert as_date("R&D") == "R&D" and as_date(None) is None


@pytest.mark.parametrize(
    ("lang", "status_header", "created_header", "stamp"),
    [
        ("ja", "状態", "作成日時 (UTC)", "yyyy/mm/dd hh:mm"),
        ("en", "Status", "Created (UTC)", "yyyy-mm-dd hh:mm"),
    ],
)
def test_case_export_in_the_interface_language(
    tmp_path: Path,
    capsys,
    monkeypatch,
    lang: str,
    status_header: str,
    created_header: str,
    stamp: str,
):

    monkeypatch.setenv("EXPORTDESK_USER", "office1")
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    campus = make_campus(tmp_path / "台帳.db")
    case = campus.store.create_case(campus.prof, answers=controlled_answers())
    campus.store.submit(campus.prof, case["id"])
    xlsx = tmp_path / f"cases-{lang}.xlsx"
    args = ["export", "--db", str(tmp_path / "台帳.db"), "--lang", lang]
    assert main([*args, "--format", "xlsx", "-o", str(xlsx)]) == 0
    ws = load_workbook(xlsx).active
    header = [c.value for c in ws[1]]
    assert status_header in header and created_header in header
    assert all("/" not in h or "(" in h for h in header)  # one language, not "状態 / Status"
    created = ws.cell(row=2, column=header.index(created_header) + 1)
    assert isinstance(created.value, dt.datetime) and created.number_format == stamp
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    csv_file = tmp_path / f"cases-{lang}.csv"
    assert main([*args, "--format", "csv", "-o", str(csv_file)]) == 0
    data = csv_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert status_header in data.decode("utf-8-sig").splitlines()[0]
