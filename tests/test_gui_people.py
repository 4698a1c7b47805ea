"""The People screen, the reminders on the office's home screen and the import dialog."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from exportdesk.gui.app import install_language
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.people_import import ImportDialog
from tests.gui_helpers import User
from tests.store_fixtures import Campus, make_campus

CSV = (
    "学籍番号,姓,名,国籍,入国日,身分,所属,メール\n"
    "S1,Wang,Li,中国,2026/04/01,修士課程学生,ENG,wang@example.ac.jp\n"
    "S2,Kim,Minji,韓国,2026/11/20,研究生,SCI,kim@example.ac.jp\n"
)


@pytest.fixture
def campus(tmp_path: Path, qapp) -> Campus:
    install_language(qapp, "ja")
    c = make_campus(tmp_path / "gui-people.db", "small")
    s = c.store
    s.add_person(
        c.office,
        family_name="Wang",
        given_name="Li",
        nationality="CN",
        external_id="S1",
        entry_date="2026-04-01",
        status="master",
        department_id=c.eng,
        email="wang@example.ac.jp",
    )
    s.add_person(
        c.office,
        family_name="Kim",
        given_name="Minji",
        nationality="KR",
        external_id="S2",
        entry_date="2026-11-20",
        status="research_student",
        department_id=c.sci,
    )
    s.add_person(
        c.office,
        family_name="Adams",
        given_name="Jo",
        nationality="US",
        external_id="S3",
        entry_date="2025-10-01",
        status="postdoc",
        department_id=c.eng,
        stay_until="2026-12-10",
    )
    return c


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def window(campus: Campus, user, qtbot) -> MainWindow:
    w = MainWindow(campus.store, user, "ja")
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    return w


def names(w: MainWindow) -> list[str]:
    model = w.people_page.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_people_screen_search_sort_and_roles(campus: Campus, qtbot):
    w = window(campus, campus.office, qtbot)
    page = w.people_page
    assert [w.tabs.tabText(i) for i in range(3)][1:] == ["リマインダー", "人物"]
    assert names(w) == ["Adams Jo", "Kim Minji", "Wang Li"]
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by ID: S1, S2, S3
    assert names(w) == ["Wang Li", "Kim Minji", "Adams Jo"]
    User(qtbot).type(page.search, "kim")
    qtbot.waitUntil(lambda: names(w) == ["Kim Minji"], timeout=2000)
    assert page.count_label.text() == "1 人"
    page.search.clear()
    qtbot.waitUntil(lambda: len(names(w)) == 3, timeout=2000)
    # A department manager sees their department; an applicant has no People screen.
    manager = window(campus, campus.manager_sci, qtbot)
    assert names(manager) == ["Kim Minji"]
    prof = window(campus, campus.prof, qtbot)
    assert prof.people_page is None and prof.due_panel is None


def test_pledge_through_its_states_on_screen(campus: Campus, qtbot, tmp_path: Path, warnings):
    w = window(campus, campus.office, qtbot)
    page = w.people_page
    page.select_person(campus.store.list_people(campus.office, search="Wang")[0]["id"])
    panel = page.panel
    assert panel.title.text() == "Wang Li"
    panel.pledge_kind.setCurrentIndex(panel.pledge_kind.findData("entry"))
    qtbot.mouseClick(panel.request_button, Qt.MouseButton.LeftButton)
    assert panel.pledges.item(0, 1).text() == "依頼済み"
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    panel.pledges.selectRow(0)
    panel.receive_pledge(str(scan))
    assert panel.pledges.item(0, 1).text() == "受領済み"
    assert panel.pledges.item(0, 3).text().startswith("signed.pdf (")
    panel.pledges.selectRow(0)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert panel.pledges.item(0, 1).text() == "確認済み"
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row(r)["family_name"] == "Wang"
    )
    assert (
        page.model.index(row, page.model.COLUMNS.index("pledges")).data()
        == "受入時の誓約書: 確認済み"
    )
    assert panel.person_id == page.model.row_id(row)
    # Checking again is refused with a message; nothing changes.
    panel.pledges.selectRow(0)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert warnings and "進められません" in warnings[0]
    pdf = tmp_path / "pledge.pdf"
    panel.print_pledge(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_due_list_on_the_home_screen(campus: Campus, qtbot, tmp_path: Path):
    w = window(campus, campus.office, qtbot)
    due = w.due_panel
    rows = due.rows
    assert {r["kind"] for r in rows} == {"entry_pledge", "declaration_missing", "exit_pledge"}
    overdue_rows = [i for i, r in enumerate(rows) if r["overdue"]]
    assert overdue_rows and overdue_rows == list(range(len(overdue_rows)))
    fg = Qt.ItemDataRole.ForegroundRole
    assert due.model.index(0, 0).data(fg).red() == 192
    assert due.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "期限切れ"
    fresh = next(i for i, r in enumerate(rows) if not r["overdue"])
    assert due.model.index(fresh, 0).data(fg) is None
    assert due.model.index(fresh, 3).data() == rows[fresh]["name"]
    assert due.summary.text() == f"{len(rows)} 件（期限切れ {len(overdue_rows)} 件）"
    assert due.export(str(tmp_path / "due.xlsx")) == len(rows)
    opened = []
    due.open_url = opened.append
    due.table.selectRow(0)
    url = due.send_reminder()
    assert url.startswith("mailto:") and opened[0].toString().startswith("mailto:")
    body = unquote(url.split("body=")[1])
    assert rows[0]["name"] in body and rows[0]["what"] in body
    # Double-clicking a reminder opens the person on the People screen.
    due.open_person.emit(rows[0]["person_id"])
    assert w.tabs.currentWidget() is w.people_page
    assert w.people_page.panel.person_id == rows[0]["person_id"]


def test_import_dialog_cp932_and_a_bad_row(campus: Campus, qtbot, tmp_path: Path):
    s = campus.store
    good = tmp_path / "students.csv"
    good.write_bytes(CSV.replace("Wang", "Zhang").replace("S1", "S4").encode("cp932"))
    dialog = ImportDialog(s, campus.office, "ja")
    qtbot.addWidget(dialog)
    assert dialog.load(str(good))
    assert "Shift_JIS" in dialog.file_label.text()
    assert dialog.combos["family_name"].currentData() == "姓"
    assert dialog.import_button.isEnabled()
    # S2 matches Kim by ID (update), S4 is new.
    assert [dialog.preview_table.item(r, 1).text() for r in range(2)] == ["新規", "更新"]
    counts = dialog.run_import()
    assert counts == {"new": 1, "updated": 1, "unchanged": 0}
    assert len(s.list_people(campus.office)) == 4

    bad = tmp_path / "bad.csv"
    bad.write_bytes((CSV + "S9,Doe,,Atlantis,2026/04/01,,ENG,\n").encode("cp932"))
    before = s.db.execute("SELECT * FROM people").fetchall()
    dialog2 = ImportDialog(s, campus.office, "ja")
    qtbot.addWidget(dialog2)
    dialog2.load(str(bad))
    assert not dialog2.import_button.isEnabled()
    assert dialog2.preview_table.item(2, 3).text() == "国籍が分かりません：Atlantis"
    assert dialog2.preview_table.item(2, 3).foreground().color().red() == 192
    assert "1行" in dialog2.message.text()
    assert dialog2.run_import() is None
    assert "何も登録していません" in dialog2.message.text()
    assert s.db.execute("SELECT * FROM people").fetchall() == before


def test_people_screen_in_english(campus: Campus, qtbot, qapp):
    install_language(qapp, "en")
    try:
        w = MainWindow(campus.store, campus.office, "en")
        qtbot.addWidget(w)
        w.show()
        assert w.tabs.tabText(1) == "Reminders" and w.tabs.tabText(2) == "People"
        assert w.people_page.model.headerData(1, Qt.Orientation.Horizontal, 0) == "Name"
        assert "Pledge at entry missing" in {r["what"] for r in w.due_panel.rows}
        assert isinstance(w.people_page.panel, QWidget)
    finally:
        install_language(qapp, "ja")


def test_check_sheet_fills_from_the_declaration_and_a_changed_answer_opens_a_recheck(
    campus: Campus, qtbot
):
    from exportdesk.gui.checksheet import CheckSheetEditor
    from tests.store_fixtures import plain_visit_answers

    s = campus.store
    pid = s.add_person(
        campus.prof,
        family_name="Park",
        given_name="Jin",
        nationality="KR",
        entry_date="2026-03-01",
        status="doctoral",
    )
    facts = {
        "nationality": "KR",
        "employed_in_japan": False,
        "entry_date": "2026-03-01",
        "diplomat_or_foreign_official": False,
        "foreign_contract_exists": False,
        "foreign_government_benefit": False,
        "acts_on_foreign_government_instructions": False,
    }
    s.declare(campus.office, pid, declared_on="2026-10-26", facts=facts)
    answers = {
        k: v
        for k, v in plain_visit_answers().items()
        if k not in ("nationality", "entry_date", "foreign_government_benefit")
    }
    case = s.create_case(campus.prof, answers=answers)
    editor = CheckSheetEditor(s, campus.prof, case["id"], "ja")
    qtbot.addWidget(editor)
    editor.show()
    link = editor.person_link
    assert link is not None and link.combo.count() == 2  # (none) and the person hosted
    link.combo.setCurrentIndex(link.combo.findData(pid))
    assert s.get_case(campus.prof, case["id"])["person_id"] == pid
    assert editor.answers["nationality"] == "KR" and editor.answers["entry_date"] == "2026-03-01"
    assert editor.answers["foreign_government_benefit"] is False
    assert link.note.text() == "2026-10-26 の申告による回答です（30 日前）。"
    assert s.case_rechecks(campus.office, case["id"]) == []
    # The professor answers differently: saving opens a re-check for the office.
    User(qtbot).click(editor.widgets["foreign_government_benefit"].button(True))
    assert editor.save()
    assert [r["reason"] for r in s.case_rechecks(campus.office, case["id"])] == [
        "answer: foreign_government_benefit"
    ]
    assert "再確認" in link.note.text()
    # Someone with no recorded people sees no person choice.
    other = s.create_case(campus.prof_sci, answers=plain_visit_answers())
    plain = CheckSheetEditor(s, campus.prof_sci, other["id"], "en")
    qtbot.addWidget(plain)
    assert plain.person_link is None


def test_office_sees_untrained_or_expired_applicant_and_open_rechecks_on_a_case(
    campus: Campus, qtbot
):
    from exportdesk.gui.review import ReviewEditor
    from tests.store_fixtures import controlled_answers

    s = campus.store
    case = s.create_case(campus.prof, answers=controlled_answers())
    s.submit(campus.prof, case["id"])
    editor = ReviewEditor(s, campus.office, case["id"], "ja")
    qtbot.addWidget(editor)
    assert editor.people_notes.text() == "申請者の輸出管理研修の記録がありません。"
    s.record_training(
        campus.office,
        course="e-learning",
        taken_on="2023-01-05",
        expires_on="2025-01-05",
        user_id=campus.prof.id,
    )
    editor2 = ReviewEditor(s, campus.office, case["id"], "ja")
    qtbot.addWidget(editor2)
    assert editor2.people_notes.text() == "申請者の輸出管理研修は 2025-01-05 に期限切れです。"
    s.record_training(
        campus.office, course="e-learning", taken_on="2026-06-01", user_id=campus.prof.id
    )
    editor3 = ReviewEditor(s, campus.office, case["id"], "ja")
    qtbot.addWidget(editor3)
    assert editor3.people_notes is None
