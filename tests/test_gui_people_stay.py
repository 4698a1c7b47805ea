"""The period of stay in the window: typed in the person form, refused beside its field
when it ends before it starts, shown in the People table and the person's details; and
a secretary's check sheet offering the visitor of the professor they file for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exportdesk.gui.app import install_language
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.person_form import PersonForm
from tests.gui_helpers import User
from tests.store_fixtures import Campus, make_campus


@pytest.fixture
def campus(tmp_path: Path, qapp) -> Campus:
    install_language(qapp, "ja")
    return make_campus(tmp_path / "gui-stay.db", "small")


def people(campus: Campus) -> list:
    return campus.store.db.execute("SELECT * FROM people ORDER BY id").fetchall()


def open_window(campus: Campus, qtbot, lang: str = "ja") -> MainWindow:
    w = MainWindow(campus.store, campus.office, lang)
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    w.tabs.setCurrentWidget(w.people_page)
    return w


def test_a_planned_stay_through_the_form_the_table_and_the_details(campus: Campus, qtbot):
    page = open_window(campus, qtbot).people_page
    user = User(qtbot)
    user.click(page.new_button)
    form = page.findChild(PersonForm)
    assert form is not None and form.isVisible()
    user.type(form.texts["family_name"], "Schmidt")
    user.type(form.nationality.combo.lineEdit(), "DE")
    form.nationality.combo.lineEdit().editingFinished.emit()
    user.choose(form.status, "visiting_researcher")
    # Typed the wrong way round: refused beside the end of the stay, nothing stored.
    user.type(form.dates["stay_from"], "令和9年10月1日")
    user.type(form.dates["stay_until"], "2027/09/30")
    user.click(form.save_button)
    assert form.isVisible()
    assert form.message.text().startswith("次の項目を確認してください：在籍期限")
    assert "開始日（2027-10-01）より前です" in form.message.text()
    assert form.dates["stay_until"].property("refused") is True
    assert people(campus) == []
    # Corrected, it saves.
    form.dates["stay_from"].clear()
    user.type(form.dates["stay_from"], "2027/04/01")
    user.click(form.save_button)
    assert not form.isVisible()
    [row] = campus.store.list_people(campus.office)
    assert (row["stay_from"], row["stay_until"]) == ("2027-04-01", "2027-09-30")
    # The table's column and the person's details.
    model = page.model
    column = model.COLUMNS.index("stay_from")
    header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "在籍開始日"
    assert model.index(0, column).data() == "2027-04-01"
    assert page.panel.person_id == row["id"]
    assert "在籍開始日" in page.panel.details.text()
    assert "2027-04-01" in page.panel.details.text()
    # Sorted by the start of stay from its header (by name, Adams would come first).
    other = campus.store.add_person(
        campus.office, family_name="Adams", nationality="US", stay_from="2028-10-01"
    )
    page.apply_filters()
    assert [model.row_id(r) for r in range(2)] == [other, row["id"]]
    page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert [model.row_id(r) for r in range(2)] == [row["id"], other]
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert [model.row_id(r) for r in range(2)] == [other, row["id"]]


def test_the_same_refusal_in_english(campus: Campus, qtbot, qapp):
    install_language(qapp, "en")
    try:
        pid = campus.store.add_person(
            campus.office,
            family_name="Schmidt",
            nationality="DE",
            stay_from="2027-04-01",
            stay_until="2027-09-30",
        )
        page = open_window(campus, qtbot, "en").people_page
        page.select_person(pid)
        form = page.panel.edit_person()
        qtbot.addWidget(form)
        assert form.labels["stay_from"] == "Stay from"
        before = people(campus)
        form.dates["stay_until"].clear()
        User(qtbot).type(form.dates["stay_until"], "2027-03-31")
        assert form.save() is False
        assert form.message.text() == (
            "Please check: Stay until\n"
            "The period of stay ends (2027-03-31) before it starts (2027-04-01)."
        )
        assert people(campus) == before
    finally:
        install_language(qapp, "ja")


def test_a_secretary_filing_for_the_professor_picks_the_professors_visitor(campus: Campus, qtbot):
    from exportdesk.gui.checksheet import CheckSheetEditor
    from tests.store_fixtures import plain_visit_answers

    s = campus.store
    visitor = s.add_person(
        campus.office,
        family_name="Schmidt",
        nationality="DE",
        status="visiting_researcher",
        host_user_id=campus.prof.id,
        stay_from="2027-04-01",
    )
    s.add_person(
        campus.office, family_name="Dubois", nationality="FR", host_user_id=campus.prof_sci.id
    )
    s.declare(campus.office, visitor, declared_on="2026-11-20", categories=[])
    answers = {k: v for k, v in plain_visit_answers().items() if k != "nationality"}
    case = s.create_case(campus.secretary, applicant_id=campus.prof.id, answers=answers)
    editor = CheckSheetEditor(s, campus.secretary, case["id"], "ja")
    qtbot.addWidget(editor)
    editor.show()
    link = editor.person_link
    # The professor's visitor only: (none) and Schmidt, not another professor's.
    assert link is not None and link.combo.count() == 2
    link.combo.setCurrentIndex(link.combo.findData(visitor))
    assert s.get_case(campus.secretary, case["id"])["person_id"] == visitor
    assert editor.answers["nationality"] == "DE"
    assert link.note.text() == "2026-11-20 の申告による回答です（5 日前）。"
