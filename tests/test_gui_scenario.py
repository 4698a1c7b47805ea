"""The lead's measured scenario, from sign-in to a sent case, through the real widgets:
a Chinese visiting researcher who entered 2 months ago, 30% funded by a government
programme, with carbon-fibre composite technology. It must stay within 30 interactions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from exportdesk.gui.app import install_language
from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.dialogs import LoginDialog
from exportdesk.gui.main_window import MainWindow
from tests.gui_helpers import User
from tests.store_fixtures import PASSWORD, make_campus


def test_visiting_researcher_scenario_within_30_interactions(tmp_path: Path, fonts, qapp, qtbot):
    install_language(qapp, "ja")
    campus = make_campus(tmp_path / "scenario.db")
    user = User(qtbot)

    login = LoginDialog(campus.store, "ja")
    qtbot.addWidget(login)
    login.show()
    user.type(login.login, campus.prof.login)
    user.type(login.password, PASSWORD)
    ok = login.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    user.click(ok)
    assert login.user is not None

    window = MainWindow(campus.store, login.user, "ja")
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    user.click(window.cases_page.new_button)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, CheckSheetEditor)

    user.answer(editor, "activity", "visiting_researcher")
    user.type(editor.widgets["title"].edit, "Visiting researcher (composites)")
    user.type(editor.widgets["planned_date"].edit, "2026-12-01")
    user.type(editor.widgets["counterpart_name"].edit, "Example University of Technology")
    user.answer(editor, "counterpart_country", "CN")
    user.answer(editor, "nationality", "CN")
    user.answer(editor, "employed_in_japan", False)
    user.answer(editor, "entry_date", "2026-10-01")
    user.answer(editor, "diplomat_or_foreign_official", False)
    user.answer(editor, "foreign_contract_exists", False)
    user.answer(editor, "foreign_government_benefit", True)
    user.interactions += 1  # one entry in the percent box
    editor.widgets["foreign_government_benefit_share"].spin.setValue(30)
    user.answer(editor, "acts_on_foreign_government_instructions", False)
    user.answer(editor, "technology_provided", True)
    user.answer(editor, "technology_where", "japan")
    user.type(
        editor.widgets["technology_description"].edit, "Moulding data, carbon-fibre composites"
    )
    user.answer(editor, "publicly_available", False)
    user.answer(editor, "basic_science", False)
    user.answer(editor, "for_patent_filing", False)
    user.answer(editor, "technology_list_controlled", "unknown")
    picker = editor.widgets["research_areas"]
    user.type(picker.search, "26030")
    user.interactions += 1  # one tick in the picker
    picker.check("26030")
    user.type(editor.widgets["end_use"].edit, "Joint research on composites")
    user.click(editor.widgets["red_flags"].boxes["none"])
    assert "すべて回答済み" in editor.result.missing.text()
    assert "輸出管理担当部署の審査が必要" in editor.result.outcome.text()
    user.click(editor.submit_button)

    stored = campus.store.get_case(campus.prof, editor.case_id)
    assert stored["status"] == "submitted"
    assert stored["determination"]["resident"] is False
    assert user.interactions <= 30, user.interactions
    print(f"scenario interactions: {user.interactions}")
