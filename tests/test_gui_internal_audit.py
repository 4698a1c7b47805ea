"""The internal audit page driven offscreen, with screenshots in both languages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from exportdesk.gui.app import install_language
from exportdesk.gui.internal_audit import AuditPage
from tests.stats_fixtures import make_stats_campus
from tests.store_fixtures import Campus
from tests.test_documents import flat, text_of

SHOTS = os.environ.get("EXPORTDESK_SHOTS")


@pytest.fixture
def campus(tmp_path: Path) -> Campus:
    return make_stats_campus(tmp_path / "gui-audit.db")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_audit_page(campus: Campus, qtbot, qapp, fonts, tmp_path: Path, lang: str, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    install_language(qapp, lang)
    shots = Path(SHOTS or tmp_path)
    try:
        page = AuditPage(campus.store, campus.office, lang, year=2026)
        qtbot.addWidget(page)
        page.resize(1024, 640)
        page.show()
        qtbot.waitExposed(page)
        assert page.audit is None and not page.close_button.isEnabled()
        page.per_department.setValue(2)
        page.seed.setText("gui-seed")
        assert page.start()
        assert page.audit is not None and page.audit["seed"] == "gui-seed"
        assert page.checklist.rowCount() == len(campus.store.catalog.exporter_standards.entries)
        assert page.cases.rowCount() == 4  # two from each department with cases
        page.grab().save(str(shots / f"{lang}-audit-checklist.png"))

        page.checklist.selectRow(0)
        page.item_result.setCurrentIndex(page.item_result.findData("fail"))
        assert not page.record_item()  # a failed item needs a note
        assert warnings and ("所見" in warnings[-1] or "note" in warnings[-1])
        page.item_note.setText("責任者の任命記録なし")
        assert page.record_item()
        assert page.audit["checklist"][0]["result"] == "fail"

        page.tabs.setCurrentIndex(1)
        page.cases.selectRow(0)
        # the combos start from what the records suggest
        first = page.audit["cases"][0]
        assert (
            page.case_results["sheet_complete"].currentData()
            == (first["evidence"]["sheet_complete"]["suggested"])
        )
        page.case_note.setText("記録を確認")
        assert page.record_case()
        assert page.audit["cases"][0]["checked_at"]
        page.grab().save(str(shots / f"{lang}-audit-cases.png"))

        page.tabs.setCurrentIndex(2)
        page.finding_text.setText("任命記録の不備")
        page.action_text.setText("任命記録を整備する")
        page.owner.setCurrentIndex(page.owner.findData(campus.chief.id))
        assert page.add_finding()
        page.findings.selectRow(0)
        assert page.action_done("整備した")
        assert page.findings.item(0, 5).text()
        page.grab().save(str(shots / f"{lang}-audit-findings.png"))

        assert not page.close_audit("まとめ")  # cases still unchecked
        assert page.audit["status"] == "open"
        target = tmp_path / "audit.pdf"
        assert page.save_pdf(str(target))
        assert "gui-seed" in flat(text_of(target.read_bytes()))
        assert (
            campus.store.db.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'internal_audit'"
            ).fetchone()[0]
            == 1
        )
    finally:
        install_language(qapp, "ja")
