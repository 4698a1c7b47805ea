"""The professor's check sheet, driven through the real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from exportdesk.gui.app import install_language
from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.dialogs import LoginDialog, SetupDialog
from exportdesk.gui.main_window import MainWindow
from exportdesk.store import Store
from tests.gui_helpers import User
from tests.store_fixtures import PASSWORD, Campus, make_campus


@pytest.fixture
def campus(tmp_path: Path, fonts, qapp) -> Campus:
    install_language(qapp, "ja")
    return make_campus(tmp_path / "gui.db")


@pytest.fixture
def window(campus: Campus, qtbot) -> MainWindow:
    w = MainWindow(campus.store, campus.prof, "ja")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def new_case(window: MainWindow, user: User) -> CheckSheetEditor:
    user.click(window.cases_page.new_button)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, CheckSheetEditor)
    return editor


def fill_person_basics(user: User, editor: CheckSheetEditor, nationality: str, entry: str) -> None:
    user.answer(editor, "nationality", nationality)
    user.answer(editor, "employed_in_japan", False)
    user.answer(editor, "entry_date", entry)
    user.answer(editor, "diplomat_or_foreign_official", False)
    user.answer(editor, "foreign_contract_exists", False)


def outcome(editor: CheckSheetEditor) -> str:
    return editor.result.outcome.text()


def test_typical_visit_in_at_most_16_interactions(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "visiting_researcher")
    user.type(editor.widgets["title"].edit, "Visit of Dr. Schmidt")
    user.type(editor.widgets["planned_date"].edit, "2026-12-01")
    user.type(editor.widgets["counterpart_name"].edit, "Technische Universität Beispiel")
    user.answer(editor, "counterpart_country", "DE")
    fill_person_basics(user, editor, "DE", "2026-11-28")
    user.answer(editor, "foreign_government_benefit", False)
    user.answer(editor, "acts_on_foreign_government_instructions", False)
    user.answer(editor, "technology_provided", False)
    assert "手続不要" in outcome(editor)
    # An untouched red-flag list is not a "no": the explicit answer is one more click.
    assert "すべて回答済み" not in editor.result.missing.text()
    user.click(editor.widgets["red_flags"].boxes["none"])
    assert "すべて回答済み" in editor.result.missing.text()
    user.click(editor.submit_button)
    assert user.interactions <= 16, user.interactions
    stored = campus.store.get_case(campus.prof, editor.case_id)
    assert stored["status"] == "submitted"
    assert stored["outcome"] == "no_procedure"
    assert stored["answers"]["counterpart_country"] == "DE"
    assert "提出しました" in editor.result.status.text()
    assert not editor.submit_button.isEnabled()
    # The case shows in My cases with its Japanese status.
    page = window.cases_page
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "提出済み"


def test_list_controlled_technology_to_non_resident(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "foreign_student_admission")
    fill_person_basics(user, editor, "CN", "2026-11-01")
    user.answer(editor, "technology_provided", True)
    user.answer(editor, "technology_where", "japan")
    user.answer(editor, "publicly_available", False)
    user.answer(editor, "basic_science", False)
    user.answer(editor, "for_patent_filing", False)
    user.answer(editor, "technology_list_controlled", "yes")
    user.click(editor.widgets["technology_list_items"].boxes["5"])
    assert "輸出管理担当部署の審査が必要" in outcome(editor)
    reasons = editor.result.reasons.text()
    assert "非居住者" in reasons and "リスト規制技術（5）" in reasons


def test_resident_in_category_2(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "foreign_student_admission")
    user.type(editor.widgets["planned_date"].edit, "2026-12-01")
    fill_person_basics(user, editor, "VN", "2025-04-01")
    user.answer(editor, "foreign_government_benefit", True)
    spin = editor.widgets["foreign_government_benefit_share"].spin
    assert spin.isVisible()
    spin.setValue(60)
    user.answer(editor, "technology_provided", True)
    user.answer(editor, "technology_where", "japan")
    user.answer(editor, "publicly_available", False)
    user.answer(editor, "basic_science", False)
    user.answer(editor, "for_patent_filing", False)
    user.answer(editor, "technology_list_controlled", "unknown")
    assert "輸出管理担当部署の審査が必要" in outcome(editor)
    assert "特定類型2" in editor.result.reasons.text()
    assert editor.answers["foreign_government_benefit_share"] == 60


def test_counterpart_in_country_of_concern(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "joint_research")
    user.answer(editor, "counterpart_country", "IR")
    user.answer(editor, "technology_provided", True)
    user.answer(editor, "technology_where", "abroad")
    user.answer(editor, "publicly_available", False)
    user.answer(editor, "basic_science", False)
    user.answer(editor, "for_patent_filing", False)
    assert "輸出管理担当部署の審査が必要" in outcome(editor)
    assert "懸念国" in editor.result.reasons.text()


def test_red_flag_and_country_search_in_japanese(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "international_conference")
    country = editor.widgets["counterpart_country"]
    user.type(country.combo.lineEdit(), "フランス")
    country.combo.lineEdit().editingFinished.emit()
    assert editor.answers["counterpart_country"] == "FR"
    user.click(editor.widgets["red_flags"].boxes["purpose_unclear"])
    assert "輸出管理担当部署の審査が必要" in outcome(editor)
    assert "目的が不明確" in editor.result.reasons.text()


def test_incomplete_sheet_cannot_be_submitted(
    window: MainWindow, campus: Campus, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "visiting_researcher")
    assert "件名" in editor.result.missing.text()
    user.click(editor.submit_button)
    assert shown and "未回答の必須項目" in shown[0] and "国籍" in shown[0]
    assert campus.store.get_case(campus.prof, editor.case_id)["status"] == "draft"


def test_hidden_questions_follow_answers(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    assert not editor.sections["person"].isVisible()  # no activity yet
    user.answer(editor, "activity", "visiting_researcher")
    assert editor.sections["person"].isVisible()
    assert not editor.sections["goods"].isVisible()
    user.answer(editor, "nationality", "JP")
    assert editor.widgets["japanese_lives_abroad"].isVisible()
    assert not editor.widgets["working_abroad"].isVisible()
    assert not editor.widgets["entry_date"].isVisible()
    user.answer(editor, "japanese_lives_abroad", True)
    assert editor.widgets["japanese_abroad_since"].isVisible()
    assert editor.widgets["working_abroad"].isVisible()
    user.answer(editor, "foreign_contract_exists", True)
    assert editor.widgets["must_follow_instructions"].isVisible()
    assert not editor.widgets["japanese_employer_priority_agreed"].isVisible()


def test_drafts_autosave_and_survive_a_restart(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "joint_research")
    user.type(editor.widgets["counterpart_name"].edit, "清華大学")
    qtbot.waitUntil(lambda: "保存しました" in editor.result.saved.text(), timeout=3000)
    # A second process (a restart after a crash) sees what was typed.
    other = Store(campus.store.path)
    stored = other.get_case(campus.prof, editor.case_id)
    assert stored["answers"]["counterpart_name"] == "清華大学"
    reopened = CheckSheetEditor(other, campus.prof, editor.case_id, "ja")
    qtbot.addWidget(reopened)
    assert reopened.widgets["counterpart_name"].value() == "清華大学"
    assert reopened.widgets["activity"].value() == "joint_research"
    other.close()


def test_research_area_picker_searches_and_syncs(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "technology_provision")
    user.answer(editor, "technology_provided", True)
    picker = editor.widgets["research_areas"]
    user.type(picker.search, "航空宇宙")
    assert picker.proxy.rowCount() == 3  # 24010 is under items 4, 11 and 13
    picker.check("24010")
    assert all(i.checkState() == Qt.CheckState.Checked for i in picker.items["24010"])
    assert editor.answers["research_areas"] == ["24010"]
    picker.search.clear()
    user.type(picker.search, "49060")
    assert picker.proxy.rowCount() == 1


def test_language_switch_at_run_time(window: MainWindow, campus: Campus, qtbot, qapp):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "visiting_researcher")
    case_id = editor.case_id
    assert window.tabs.tabText(0) == "自分の案件"
    window.lang_actions["en"].trigger()
    assert window.tabs.tabText(0) == "My cases"
    reopened = window.tabs.currentWidget()
    assert isinstance(reopened, CheckSheetEditor) and reopened.case_id == case_id
    assert (
        reopened.findChild(type(reopened.header), "label:nationality")
        .text()
        .startswith("Nationality")
    )
    assert reopened.widgets["activity"].value() == "visiting_researcher"
    window.lang_actions["ja"].trigger()
    assert window.tabs.tabText(0) == "自分の案件"
    install_language(qapp, "ja")


def test_keyboard_save_and_next_section(window: MainWindow, campus: Campus, qtbot):
    user = User(qtbot)
    editor = new_case(window, user)
    user.answer(editor, "activity", "visiting_researcher")
    editor.widgets["title"].edit.setFocus()
    editor.move_section(1)
    assert editor.sections["counterpart"].isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (
        campus.store.get_case(campus.prof, editor.case_id)["answers"]["activity"]
        == "visiting_researcher"
    )


def test_my_cases_search_duplicate(window: MainWindow, campus: Campus, qtbot):
    from tests.store_fixtures import plain_visit_answers

    s = campus.store
    first = s.create_case(
        campus.prof, answers=plain_visit_answers(counterpart_name="Alpha Institute")
    )
    s.create_case(campus.prof, answers=plain_visit_answers(counterpart_name="Beta GmbH"))
    page = window.cases_page
    page.refresh()
    assert page.model.rowCount() == 2
    page.search.setText("Alpha")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.table.selectRow(0)
    page.duplicate_selected()
    editor = window.tabs.currentWidget()
    assert isinstance(editor, CheckSheetEditor) and editor.case_id != first["id"]
    assert editor.widgets["counterpart_name"].value() == "Alpha Institute"


def test_first_run_setup_then_sign_in(tmp_path: Path, qtbot, fonts, qapp):
    install_language(qapp, "ja")
    store = Store(tmp_path / "first.db")
    setup = SetupDialog(store, "ja")
    qtbot.addWidget(setup)
    setup.name_ja.setText("架空大学")
    setup.name_en.setText("Example University")
    setup.large.setChecked(True)
    setup.departments.setPlainText(
        "ENG, 工学部, Faculty of Engineering\nSCI、理学部、Faculty of Science"
    )
    setup.admin_login.setText("admin")
    setup.admin_name.setText("管理者")
    setup.password.setText("short")
    setup.password2.setText("short")
    setup.create()
    assert "10文字以上" in setup.error.text()
    assert not store.is_set_up()
    setup.password.setText(PASSWORD)
    setup.password2.setText(PASSWORD)
    setup.create()
    assert store.is_set_up() and store.institution()["icp_format"] == "large"
    assert [d["code"] for d in store.departments()] == ["ENG", "SCI"]

    login = LoginDialog(store, "ja")
    qtbot.addWidget(login)
    login.login.setText("admin")
    login.password.setText("not the password")
    login.sign_in()
    assert "ユーザー名又はパスワードが違います" in login.error.text()
    assert login.password.text() == ""
    login.password.setText(PASSWORD)
    login.sign_in()
    assert login.user is not None and login.user.login == "admin"
