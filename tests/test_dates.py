"""Dates typed the way Japanese offices write them; dates printed the way each language writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from exportdesk.domain.dates import DateError, era_of, format_date, parse_date

DEC_1 = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-01",
        "2026/12/01",
        "2026/12/1",
        "2026.12.01",
        "2026年12月1日",
        "２０２６／１２／０１",
        "令和8年12月1日",
        "令和８年１２月１日",
        "令和 8 年 12 月 1 日",
        "R8.12.1",
        "r8/12/01",
        "2026/12/01(火)",
        "令和8年12月1日（火）",
        " 2026-12-01 ",
    ],
)
def test_accepted_forms(text: str):
    assert parse_date(text) == DEC_1


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("H30.3.31", dt.date(2018, 3, 31)),
        ("昭和64年1月7日", dt.date(1989, 1, 7)),
        ("2024/02/29", dt.date(2024, 2, 29)),
    ],
)
def test_era_boundaries_and_first_years(text: str, day: dt.date):
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("平成31年5月1日", "平成"),  # 令和元年 by then
        ("令和元年4月30日", "令和"),  # still 平成
        ("平成32年1月1日", "平成"),
        ("昭和64年1月8日", "昭和"),
        ("令和0年1月1日", "元年"),
        ("2026/02/30", "存在しない"),
        ("2026-13-01", "存在しない"),
        ("12/01/2026", "日付として読めません"),
        ("明日", "日付として読めません"),
        ("", "空欄"),
        ("2026-12-01T09:00", "日付として読めません"),
    ],
)
def test_refused_with_a_message_in_both_languages(text: str, why: str):
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert why in info.value.message("ja")
    assert "2026-12-01" in info.value.message("en")
    assert "2026/12/01" in info.value.message("ja")


def test_formats_per_language():
    assert format_date(DEC_1, "ja") == "2026年12月1日"
    assert format_date(DEC_1, "ja", era=True) == "令和8年12月1日"
    assert format_date(dt.date(2019, 5, 1), "ja", era=True) == "令和元年5月1日"
    assert format_date(DEC_1, "en") == "1 December 2026"
    assert era_of(dt.date(2019, 4, 30)) == ("平成", 31)


def test_formatted_dates_read_back():
    for day in (DEC_1, dt.date(2019, 5, 1), dt.date(1989, 1, 8), dt.date(2030, 1, 31)):
        assert parse_date(format_date(day, "ja")) == day
        assert parse_date(format_date(day, "ja", era=True)) == day


def test_store_and_facts_understand_japanese_dates(tmp_path):
    from exportdesk.domain.catalog import load_catalog
    from exportdesk.domain.facts import parse_facts
    from exportdesk.store.errors import StoreError
    from tests.store_fixtures import make_campus

    campus = make_campus(tmp_path / "日付 テスト.db")
    s = campus.store
    pid = s.add_person(
        campus.prof, family_name="Wang", nationality="CN", entry_date="令和8年4月1日"
    )
    assert s.person(pid)["entry_date"] == "2026-04-01"
    s.declare(campus.prof, pid, declared_on="2026/04/05", categories=[], pledge_signed=True)
    assert s.declarations(pid)[-1]["declared_on"] == "2026-04-05"
    with pytest.raises(StoreError):
        s.add_person(campus.prof, family_name="Kim", nationality="KR", entry_date="平成32年1月1日")
    facts = parse_facts({"activity": "joint_research", "as_of": "令和8年12月1日"}, load_catalog())
    assert facts.as_of == DEC_1


@pytest.mark.parametrize(("lang", "shown"), [("ja", "2026年12月1日"), ("en", "1December2026")])
def test_printed_check_sheet_writes_dates_in_the_interface_language(tmp_path, lang, shown):
    from exportdesk.documents.sheets import case_pdf
    from tests.store_fixtures import controlled_answers, make_campus
    from tests.test_documents import flat, text_of

    campus = make_campus(tmp_path / "印刷.db")
    answers = controlled_answers() | {"planned_date": "令和8年12月1日"}
    case = campus.store.create_case(campus.prof, answers=answers)
    assert case["answers"]["planned_date"] == "2026-12-01"  # stored the one way
    text = flat(
        text_of(case_pdf(campus.store.get_case(None, case["id"]), campus.store.catalog, lang, ""))
    )
    assert shown in text and "2026-12-01" not in text
