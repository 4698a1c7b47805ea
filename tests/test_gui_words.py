"""The window speaks the user's language and tidies after itself: Qt's own buttons,
timeline actions, confidence words, input limits, messages that go once fixed,
printing failures said aloud, the queue's columns, empty lists that say what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from exportdesk.gui.app import install_language
from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.main_window import MainWindow
from exportdesk.store import StoreError
from tests.gui_helpers import User
from tests.store_fixtures import Campus, controlled_answers, make_campus


@pytest.fixture
def campus(tmp_path: Path, fonts, qapp) -> Campus:
    install_language(qapp, "ja")
    return make_campus(tmp_path / "words.db")


def window_for(campus: Campus, user, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(campus.store, user, "ja")
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    return w


def test_qt_own_buttons_are_japanese(campus: Campus, qtbot):
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
    )
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert "キャンセル" in texts and any(t.startswith("はい") for t in texts), texts


def test_timeline_names_actions_and_fields_in_words(campus: Campus, qtbot, tmp_path: Path):
    s = campus.store
    case = s.create_case(campus.prof, answers=controlled_answers())
    s.save_draft(campus.prof, case["id"], controlled_answers() | {"title": "Changed title"})
    s.submit(campus.prof, case["id"])
    s.waive_screening(campus.office, case["id"], "リスト未取込み")
    window = window_for(campus, campus.office, qtbot)
    editor = window.open_review(case["id"])
    text = editor.timeline.toPlainText()
    for raw in ("waive_screening", "save", "title", "import_case", "status"):
        assert raw not in text, raw
    assert "件名" in text and "リスト未取込み" in text


def test_guidance_browser_shows_confidence_in_words(qtbot, catalog, fonts):
    from exportdesk.gui.guidance_browser import GuidanceBrowser

    browser = GuidanceBrowser(catalog, "ja")
    qtbot.addWidget(browser)
    model = browser.area_model
    column = model.columnCount() - 1
    values = {model.index(r, column).data() for r in range(model.rowCount())}
    assert values and not values & {"confirmed", "corroborated", "unverified"}
    assert any("未確認" in v for v in values)


def test_title_limit_counter_and_store_rule(campus: Campus, qtbot):
    window = window_for(campus, campus.prof, qtbot)
    user = User(qtbot)
    user.click(window.cases_page.new_button)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, CheckSheetEditor)
    title = editor.widgets["title"].edit
    qtbot.keyClicks(title, "x" * 230)
    assert len(title.text()) == 200
    assert editor.findChild(type(editor.header), "title_counter").text() == "200/200"
    # The rule holds without the window too (command line, case files).
    with pytest.raises(StoreError) as err:
        campus.store.save_draft(campus.prof, editor.case_id, {"title": "y" * 201})
    assert "200文字以内" in err.value.ja


def test_emoji_refused_with_a_message_that_goes_once_fixed(campus: Campus, qtbot):
    window = window_for(campus, campus.prof, qtbot)
    User(qtbot).click(window.cases_page.new_button)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, CheckSheetEditor)
    editor.widgets["title"].edit.setText("Visit 🎉")
    assert not editor.save()
    assert "印刷できない文字" in editor.result.status.text()
    assert "U+1F389" in editor.result.status.text()
    assert campus.store.get_case(campus.prof, editor.case_id)["answers"].get("title") is None
    editor.widgets["title"].edit.setText("Visit")
    assert editor.save()
    assert editor.result.status.text() == ""
    assert campus.store.get_case(campus.prof, editor.case_id)["answers"]["title"] == "Visit"


def test_a_failed_print_says_so(campus: Campus, qtbot, monkeypatch, tmp_path: Path):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    case = campus.store.create_case(campus.prof, answers=controlled_answers())
    window = window_for(campus, campus.prof, qtbot)
    editor = window.open_case(case["id"])
    assert editor.save_pdf(str(tmp_path / "no such folder" / "x.pdf")) is None
    assert shown and "PDF を作成できませんでした" in shown[0]
    assert not list(tmp_path.glob("**/*.part"))


def test_queue_columns_and_applicant(campus: Campus, qtbot):
    s = campus.store
    case = s.create_case(campus.prof, answers=controlled_answers() | {"planned_date": "2026-12-24"})
    s.submit(campus.prof, case["id"])
    window = window_for(campus, campus.office, qtbot)
    queue = window.queue_page
    model = queue.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for needle in ("件名", "実施予定日", "部局", "申請者"):
        assert needle in headers, headers
    row = {headers[c]: model.index(0, c).data() for c in range(model.columnCount())}
    assert row["実施予定日"] == "2026-12-24"
    assert row["部局"] == "工学部"
    assert row["件名"] == case["answers"]["title"]
    assert not queue.empty_hint.isVisible()


def test_empty_lists_say_what_to_do(campus: Campus, qtbot):
    window = window_for(campus, campus.prof, qtbot)
    hint = window.cases_page.empty_hint
    assert hint.isVisible() and "新規案件" in hint.text()
    office = window_for(campus, campus.office, qtbot)
    assert office.queue_page.empty_hint.isVisible()
    assert "ファイル" in office.queue_page.empty_hint.text()


def test_new_case_closed_untouched_leaves_nothing(campus: Campus, qtbot):
    window = window_for(campus, campus.prof, qtbot)
    user = User(qtbot)
    user.click(window.cases_page.new_button)
    editor = window.tabs.currentWidget()
    window.close_tab(window.tabs.indexOf(editor))
    assert campus.store.count_cases(campus.prof) == 0
    window.tabs.setCurrentWidget(window.cases_page)
    user.click(window.cases_page.new_button)
    editor = window.tabs.currentWidget()
    user.type(editor.widgets["title"].edit, "Keep me")
    window.close_tab(window.tabs.indexOf(editor))
    assert campus.store.count_cases(campus.prof) == 1
    # One tab per case.
    case_id = campus.store.list_cases(campus.prof)[0]["id"]
    first = window.open_case(case_id)
    assert window.open_case(case_id) is first
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs.count(first.case["ref"]) == 1


def test_set_up_from_a_file_shows_the_office_key_fingerprint(campus: Campus, qtbot, tmp_path: Path):
    from exportdesk.exchange import Exchange, fingerprint
    from exportdesk.gui.setup import SetupDialog
    from exportdesk.store import Store

    office_x = Exchange(campus.store, key_dir=tmp_path / "office-keys")
    office_x.write_profile(campus.admin, tmp_path / "inst.exportdesk")
    dialog = SetupDialog(Store(tmp_path / "new.db"), "ja")
    qtbot.addWidget(dialog)
    dialog.mode_file.setChecked(True)
    assert dialog.choose_file(str(tmp_path / "inst.exportdesk"))
    assert fingerprint(office_x.public_key) in dialog.file_label.text()
    assert "担当部署の鍵の指紋" in dialog.file_label.text()
