"""The read-only guidance browser, driven offscreen."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from exportdesk.gui.app import install_language
from exportdesk.gui.guidance_browser import GuidanceBrowser


def commit_text(widget, text: str) -> None:
    """Type non-ASCII text the way an input method does (keyClicks aborts on it)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_bundled_font_is_used(qapp, fonts):
    assert fonts == "IPAexGothic"
    assert fonts in QFontDatabase.families()
    assert qapp.font().family() == "IPAexGothic"


def test_search_research_areas_by_japanese_english_and_code(qtbot, fonts, catalog):
    window = GuidanceBrowser(catalog, "ja")
    qtbot.addWidget(window)
    window.show()
    assert window.area_proxy.rowCount() == 54
    commit_text(window.area_search, "原子力")
    assert window.area_proxy.rowCount() >= 1
    codes = {window.area_proxy.index(r, 0).data() for r in range(window.area_proxy.rowCount())}
    assert "31010" in codes
    window.area_search.clear()
    qtbot.keyClicks(window.area_search, "virology")
    assert window.area_proxy.rowCount() == 1
    assert window.area_proxy.index(0, 1).data() == "ウイルス学関連"
    window.area_search.clear()
    qtbot.keyClicks(window.area_search, "2402")
    assert window.area_proxy.index(0, 0).data() == "24020"


def test_language_switch_at_run_time(qtbot, fonts, catalog, qapp):
    install_language(qapp, "ja")
    window = GuidanceBrowser(catalog, "ja")
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "注意を要する研究分野"
    assert window.area_proxy.index(0, 1).data() == "プラズマ科学関連"
    window.lang_actions["en"].trigger()
    assert window.tabs.tabText(0) == "Research areas of concern"
    assert window.area_proxy.index(0, 1).data() == "Plasma science"
    assert "Category 2" in window.categories_view.toPlainText()
    assert "25%" in window.categories_view.toPlainText()
    window.lang_actions["ja"].trigger()
    assert window.tabs.tabText(1) == "特定類型"
    assert "サバティカル" in window.categories_view.toPlainText()
    # The check-sheet questions come from forms/, not from widgets.
    tree = window.questions_tree
    assert tree.topLevelItemCount() == len(catalog.check_sheet.sections)
