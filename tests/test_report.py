"""The annual report PDF: figures, the office's texts and the fonts read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportdesk.documents.report import annual_report_pdf
from exportdesk.store import StoreError
from exportdesk.store.stats import Statistics
from tests.campus_world import ENGINES, campus_on, per_person
from tests.stats_fixtures import add_stats_rows
from tests.store_fixtures import Campus
from tests.test_documents import flat, fonts_of, text_of


@pytest.fixture(params=ENGINES)
def campus(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    # On PostgreSQL each person reads through their own connection (campus_world).
    return add_stats_rows(campus_on(request, tmp_path / "report.db"))


def audit_rows(c: Campus) -> int:
    return c.store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_report_in_both_languages_reads_back(campus: Campus):
    stats = per_person(campus, Statistics)
    stats.save_report_text(campus.office, 2026, "ja", "overview", "委員会への報告です。\n二行目")
    stats.save_report_text(campus.office, 2026, "en", "licences", "Two R&D <cases> needed one.")
    ja = annual_report_pdf(stats.report_data(campus.office, 2026, "ja"))
    en = annual_report_pdf(stats.report_data(campus.office, 2026, "en"))
    text_ja, text_en = flat(text_of(ja)), flat(text_of(en))
    assert "2026年安全保障輸出管理年次報告" in text_ja
    assert "委員会への報告です。" in text_ja and "二行目" in text_ja
    assert "提出件数合計7件" in text_ja
    assert "法学部" in text_ja and "懸念国" in text_ja
    # the drafted default where the office wrote nothing
    assert "許可申請が必要と判断した案件は2件であった。" in text_ja
    assert "TwoR&D<cases>neededone." in text_en
    assert "Casesfiledintotal:7" in text_en and "FacultyofLaw" in text_en
    for pdf in (ja, en):
        fonts = fonts_of(pdf)
        assert fonts and all(embedded for _n, embedded in fonts), fonts
        assert all("IPAex" in name for name, _e in fonts), fonts


def test_turnaround_figures_printed(campus: Campus):
    en = flat(
        text_of(annual_report_pdf(per_person(campus, Statistics).report_data(None, 2026, "en")))
    )
    # all departments: 2, 10, 10, 40 days -> median 10.0, p90 31.0
    assert "amedianof10.0daysanda90thpercentileof31.0days" in en


def test_empty_year_prints(campus: Campus):
    pdf = annual_report_pdf(per_person(campus, Statistics).report_data(campus.office, 2024, "ja"))
    text = flat(text_of(pdf))
    assert "提出件数合計0件" in text and "中央値は–日" in text


def test_section_texts_are_checked_and_audited(campus: Campus):
    stats = per_person(campus, Statistics)
    before = audit_rows(campus)
    for args in (
        (2026, "ja", "nonsense", "x"),
        (2026, "fr", "overview", "x"),
        (1990, "ja", "overview", "x"),
        (2026, "ja", "overview", "x" * 5000),
        (2026, "ja", "overview", "bad\x07bell"),
    ):
        with pytest.raises(StoreError) as err:
            stats.save_report_text(campus.office, *args)
        assert err.value.code == "invalid" and err.value.ja
    with pytest.raises(StoreError):
        stats.save_report_text(campus.prof, 2026, "ja", "overview", "x")
    assert audit_rows(campus) == before and stats.report_texts(2026, "ja") == {}
    stats.save_report_text(campus.office, 2026, "ja", "overview", "本文")
    stats.save_report_text(campus.office, 2026, "ja", "overview", "本文")  # unchanged: no entry
    assert audit_rows(campus) == before + 1
    stats.save_report_text(campus.office, 2026, "ja", "overview", "  ")
    assert stats.report_texts(2026, "ja") == {} and audit_rows(campus) == before + 2
    assert campus.store.verify_audit().ok
