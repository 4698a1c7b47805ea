"""The Statistics page driven offscreen: figures, drill-down, report, screenshots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exportdesk.gui.app import install_language
from exportdesk.gui.statistics import VIEWS, StatisticsPage
from tests.stats_fixtures import make_stats_campus
from tests.store_fixtures import Campus
from tests.test_documents import flat, text_of

SHOTS = os.environ.get("EXPORTDESK_SHOTS")  # a folder to keep the screenshots in


@pytest.fixture
def campus(tmp_path: Path) -> Campus:
    return make_stats_campus(tmp_path / "gui-stats.db")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_statistics_page(campus: Campus, qtbot, qapp, fonts, tmp_path: Path, lang: str):
    install_language(qapp, lang)
    try:
        page = StatisticsPage(campus.store, campus.office, lang, year=2026)
        qtbot.addWidget(page)
        page.resize(1024, 640)
        page.show()
        qtbot.waitExposed(page)
        assert "7" in page.headline.text()
        # the month view: twelve bars, February has three cases in two colours and more
        assert [b.key for b in page.chart.bars] == [f"2026-{m:02d}" for m in range(1, 13)]
        assert page.chart.bars[1].total == 3 and len(page.chart.series) == 4
        shot = page.grab()
        assert (shot.width(), shot.height()) == (1024, 640)
        shot.save(str(Path(SHOTS or tmp_path) / f"{lang}-statistics-month.png"))

        # click the February bar: its three cases are listed
        with qtbot.waitSignal(page.chart.clicked):
            qtbot.mouseClick(
                page.chart, Qt.MouseButton.LeftButton, pos=page.chart.bar_centre("2026-02")
            )
        assert page.table.rowCount() == 3
        assert {page.table.item(r, 2).text() for r in range(3)} == {"Case 2", "Case 5", "Case 6"}
        with qtbot.waitSignal(page.open_case) as opened:
            page._open_row(0, 0)
        assert opened.args[0] == page.rows[0]["id"]

        page.views.setCurrentRow(VIEWS.index("department"))
        # the Law faculty, without cases, shows as 0
        assert {b.key: b.total for b in page.chart.bars} == {
            campus.eng: 5,
            campus.sci: 2,
            campus.law: 0,
        }
        page.chart.select(campus.law)
        assert page.table.rowCount() == 0

        page.views.setCurrentRow(VIEWS.index("turnaround"))
        medians = {page.table.item(r, 0).text(): page.table.item(r, 2).text() for r in range(3)}
        law = "法学部" if lang == "ja" else "Faculty of Law"
        sci = "理学部" if lang == "ja" else "Faculty of Science"
        assert medians[law] == "–" and medians[sci] == "10.0"
        page.grab().save(str(Path(SHOTS or tmp_path) / f"{lang}-statistics-turnaround.png"))

        page.views.setCurrentRow(VIEWS.index("licences"))
        page.chart.select(campus.sci)
        assert page.table.rowCount() == 1 and page.table.item(0, 2).text() == "Case 5"
        page.views.setCurrentRow(VIEWS.index("country_group"))
        page.chart.select("concern")
        assert page.table.rowCount() == 2
        page.grab().save(str(Path(SHOTS or tmp_path) / f"{lang}-statistics-countries.png"))

        # an empty year: zeros everywhere, nothing breaks
        page.year.setValue(2024)
        assert page.summary is not None and page.summary.total == 0
        page.views.setCurrentRow(VIEWS.index("month"))
        assert all(b.total == 0 for b in page.chart.bars) and len(page.chart.bars) == 12
        page.year.setValue(2026)

        target = tmp_path / "report.pdf"
        assert page.save_report(str(target))
        text = flat(text_of(target.read_bytes()))
        assert ("年次報告" if lang == "ja" else "AnnualReport") in text
        exports = campus.store.db.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'annual_report'"
        ).fetchone()[0]
        assert exports == 1

        dialog = page.edit_texts()
        qtbot.addWidget(dialog)
        dialog.section.setCurrentIndex(1)
        dialog.edit.setPlainText("Edited in the dialog.")
        assert dialog.save()
        assert Statistics_texts(campus, lang)["activities"] == "Edited in the dialog."
        dialog.close()
    finally:
        install_language(qapp, "ja")


def Statistics_texts(campus: Campus, lang: str) -> dict[str, str]:
    from exportdesk.store.stats import Statistics

    return Statistics(campus.store).report_texts(2026, lang)


def test_applicant_has_no_statistics(campus: Campus, qtbot, fonts):
    from exportdesk.gui.main_window import MainWindow

    window = MainWindow(campus.store, campus.prof, "en")
    qtbot.addWidget(window)
    assert not hasattr(window, "statistics_page")
    office = MainWindow(campus.store, campus.office, "en")
    qtbot.addWidget(office)
    assert office.statistics_page.summary is not None
