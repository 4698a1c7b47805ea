"""The lists page: each list with its version, dates and size; importing from the page."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox

from exportdesk.gui.app import install_language
from exportdesk.gui.lists_page import ListsPage
from exportdesk.gui.main_window import MainWindow
from tests.ban_pdf import ban_pdf
from tests.eul_xlsx import meti_xlsx
from tests.store_fixtures import make_campus
from tests.test_lists import ban_blocks, entities


def cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_lists_page_shows_every_list(tmp_path: Path, qtbot, qapp, fonts):
    shots = Path(os.environ.get("EXPORTDESK_SHOTS") or tmp_path)
    campus = make_campus(tmp_path / "l.db")
    s = campus.store
    eul = tmp_path / "eul.xlsx"
    eul.write_bytes(meti_xlsx(entities()))
    s.eul.import_file(campus.office, eul)
    ban = tmp_path / "ban.pdf"
    ban.write_bytes(ban_pdf(ban_blocks()))
    s.eul.import_file(campus.office, ban)
    for lang, expected in (("ja", "外国ユーザーリスト"), ("en", "Foreign End User List")):
        install_language(qapp, lang)
        page = ListsPage(s, campus.office, lang)
        qtbot.addWidget(page)
        page.resize(1024, 640)
        page.show()
        assert page.lists.rowCount() == 4
        assert cells(page.lists, 0)[0] == expected
        assert cells(page.lists, 5)[:2] == ["14", "3"]  # entities
        assert cells(page.lists, 4)[1] == "2025-09-12"  # last update printed on the list
        assert cells(page.lists, 2)[2] == ("未取込" if lang == "ja" else "not imported")
        assert page.versions.rowCount() == 2
        assert "令和四年外務省告示第八十二号" in cells(page.versions, 6)
        page.grab().save(str(shots / f"lists-{lang}.png"))
    install_language(qapp, "ja")


def test_import_from_the_lists_tab(tmp_path: Path, qtbot, qapp, fonts, monkeypatch):
    install_language(qapp, "ja")
    campus = make_campus(tmp_path / "w.db")
    window = MainWindow(campus.store, campus.office, "ja")
    qtbot.addWidget(window)
    window.show()
    assert window.lists_page is not None and window.lists_page.versions.rowCount() == 0
    ban = tmp_path / "belarus.pdf"
    ban.write_bytes(ban_pdf(ban_blocks(), kind="belarus", updated="2022 年 07 月 05 日"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, t, *a, **k: shown.append(t))
    window.import_end_user_list(str(ban))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    page = window.lists_page
    assert page.versions.rowCount() == 1
    row = cells(page.lists, 0).index("輸出等禁止措置の対象団体（ベラルーシ共和国）")
    assert page.lists.item(row, 3).text() == "2022-07-05"
    # A professor has no lists tab.
    prof = MainWindow(campus.store, campus.prof, "ja")
    qtbot.addWidget(prof)
    assert prof.lists_page is None
