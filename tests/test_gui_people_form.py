"""The window form for a person and the training dialog, driven as a user drives them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from exportdesk.gui.app import install_language
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.people_training import TrainingDialog
from exportdesk.gui.person_form import PersonForm
from tests.gui_helpers import User
from tests.store_fixtures import Campus, make_campus


@pytest.fixture
def campus(tmp_path: Path, qapp) -> Campus:
    install_language(qapp, "ja")
    c = make_campus(tmp_path / "gui-person-form.db", "small")
    c.store.add_person(
        c.office,
        family_name="Wang",
        given_name="Li",
        nationality="CN",
        external_id="S1",
        entry_date="2026-04-01",
        status="master",
        department_id=c.eng,
        funding="MEXT",
    )
    c.store.add_person(
        c.office,
        family_name="Kim",
        given_name="Minji",
        nationality="KR",
        external_id="S2",
        status="research_student",
        department_id=c.sci,
    )
    return c


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def window(campus: Campus, user: Any, qtbot) -> MainWindow:
    w = MainWindow(campus.store, user, "ja")
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    w.tabs.setCurrentWidget(w.people_page)
    return w


def pid(campus: Campus, external_id: str) -> int:
    row = campus.store.db.execute("SELECT id FROM people WHERE external_id = ?", [external_id])
    return int(row.fetchone()[0])


def snapshot(campus: Campus) -> tuple[list, list, list, int]:
    db = campus.store.db
    return (
        db.execute("SELECT * FROM people ORDER BY id").fetchall(),
        db.execute("SELECT * FROM training ORDER BY id").fetchall(),
        db.execute("SELECT * FROM rechecks ORDER BY id").fetchall(),
        db.execute("SELECT count(*) FROM audit_log").fetchone()[0],
    )


def audit(campus: Campus, action: str, entity_id: int) -> list[dict[str, Any]]:
    rows = campus.store.db.execute(
        "SELECT before_json, after_json, user_id FROM audit_log"
        " WHERE action = ? AND entity = 'person' AND entity_id = ? ORDER BY seq",
        [action, str(entity_id)],
    ).fetchall()
    return [
        {"before": json.loads(b) if b else None, "after": json.loads(a), "user_id": u}
        for b, a, u in rows
    ]


def test_new_person_through_the_form(campus: Campus, qtbot):
    w = window(campus, campus.office, qtbot)
    page = w.people_page
    assert page.new_button.isVisible()
    user = User(qtbot)
    user.click(page.new_button)
    form = page.findChild(PersonForm)
    assert form is not None and form.isVisible()
    assert form.windowTitle() == "人物の新規登録"
    user.type(form.texts["external_id"], "S7")
    user.type(form.texts["family_name"], "Nguyen")
    user.type(form.texts["given_name"], "Anh")
    user.type(form.texts["name_native"], "阮英")
    user.type(form.nationality.combo.lineEdit(), "VN")
    form.nationality.combo.lineEdit().editingFinished.emit()
    user.type(form.dates["birth_date"], "平成12年1月5日")
    user.type(form.dates["entry_date"], "2026/12/01")
    user.type(form.dates["stay_until"], "令和10年3月31日")
    user.choose(form.status, "doctoral")
    user.choose(form.department, campus.eng)
    user.type(form.texts["supervisor"], "Prof. Sato")
    user.choose(form.host, campus.prof.id)
    user.type(form.texts["funding"], "JSPS")
    user.click(form.employed)
    user.type(form.contracts, "Foreign University X (visiting)")
    user.click(form.save_button)
    assert not form.isVisible()

    new_id = pid(campus, "S7")
    person = campus.store.person(new_id)
    assert person["family_name"] == "Nguyen" and person["nationality"] == "VN"
    assert (person["birth_date"], person["entry_date"], person["stay_until"]) == (
        "2000-01-05",
        "2026-12-01",
        "2028-03-31",
    )
    assert person["status"] == "doctoral" and person["department_id"] == campus.eng
    assert person["host_user_id"] == campus.prof.id and person["employed_in_japan"] == 1
    assert person["foreign_contracts"] == "Foreign University X (visiting)"
    # Audited by the store, as the office.
    created = audit(campus, "create", new_id)
    assert len(created) == 1 and created[0]["user_id"] == campus.office.id
    assert created[0]["after"]["entry_date"] == "2026-12-01"
    # Listed, selected, and said.
    assert page.panel.person_id == new_id
    assert page.panel.title.text() == "Nguyen Anh（阮英）"
    assert page.notice.text() == "保存しました。"
    assert any(r["id"] == new_id for r in page.model.all_rows())


def test_missing_name_and_unknown_country_change_nothing(campus: Campus, qtbot):
    w = window(campus, campus.office, qtbot)
    form = w.people_page.new_person()
    qtbot.addWidget(form)
    before = snapshot(campus)
    User(qtbot).type(form.nationality.combo.lineEdit(), "Atlantis")
    assert form.save() is False and form.isVisible()
    assert "氏名（姓）" in form.message.text()
    assert form.texts["family_name"].property("refused") is True
    User(qtbot).type(form.texts["family_name"], "Doe")
    assert form.save() is False
    assert form.message.text() == "次の項目を確認してください：国籍"
    assert snapshot(campus) == before


def test_editing_the_status_opens_a_recheck_and_shows_it(campus: Campus, qtbot):
    w = window(campus, campus.office, qtbot)
    page = w.people_page
    wang = pid(campus, "S1")
    page.select_person(wang)
    panel = page.panel
    assert panel.edit_button.isEnabled() and panel.recheck.text() == ""
    User(qtbot).click(panel.edit_button)
    form = panel.findChild(PersonForm)
    assert form.windowTitle() == "人物の編集"
    assert form.texts["family_name"].text() == "Wang"
    assert form.dates["entry_date"].text() == "2026-04-01"
    assert form.status.currentData() == "master"
    assert form.changes() == {}
    User(qtbot).choose(form.status, "doctoral")
    assert form.changes() == {"status": "doctoral"}
    User(qtbot).click(form.save_button)
    assert not form.isVisible()

    assert campus.store.person(wang)["status"] == "doctoral"
    opened = campus.store.rechecks(campus.office, wang, open_only=True)
    assert [r["reason"] for r in opened] == ["status"]
    assert [h["status"] for h in campus.store.status_history(campus.office, wang)] == [
        "master",
        "doctoral",
    ]
    updated = audit(campus, "update", wang)
    assert updated[-1]["before"] == {"status": "master"}
    assert updated[-1]["after"] == {"status": "doctoral"}
    assert audit(campus, "recheck_opened", wang)[-1]["after"]["because"] == ["status"]
    # The user is told, on the page and on the person; the row turns red.
    assert page.notice.text() == "保存しました。再確認を開始しました：身分の変更"
    assert panel.person_id == wang
    assert "身分の変更" in panel.recheck.text()
    row = next(r for r in range(page.model.rowCount()) if page.model.row_id(r) == wang)
    red = page.model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.red() == 192
    # A declaration recorded from the panel answers the re-check: the old notice goes.
    assert panel._run(
        lambda: campus.store.declare(
            campus.office, wang, declared_on="2026-11-26", categories=[], note="renewed"
        )
    )
    assert campus.store.rechecks(campus.office, wang, open_only=True) == []
    assert page.notice.text() == "" and panel.recheck.text() == ""


def test_a_bad_date_is_refused_and_nothing_changes(campus: Campus, qtbot):
    w = window(campus, campus.office, qtbot)
    page = w.people_page
    wang = pid(campus, "S1")
    page.select_person(wang)
    form = page.panel.edit_person()
    qtbot.addWidget(form)
    before = snapshot(campus)
    form.dates["entry_date"].clear()
    User(qtbot).type(form.dates["entry_date"], "2026/02/30")
    assert form.dates["entry_date"].property("invalid") is True  # marked as typed
    User(qtbot).choose(form.status, "doctoral")  # a good change in the same save
    User(qtbot).click(form.save_button)
    assert form.isVisible()
    text = form.message.text()
    assert text.startswith("次の項目を確認してください：最新の入国日")
    assert "存在しない日付" in text
    assert form.dates["entry_date"].property("refused") is True
    assert snapshot(campus) == before
    # Corrected, the same form saves.
    form.dates["entry_date"].clear()
    User(qtbot).type(form.dates["entry_date"], "令和8年3月30日")
    assert form.save() is True
    assert campus.store.person(wang)["entry_date"] == "2026-03-30"


def test_english_messages(campus: Campus, qtbot, qapp):
    install_language(qapp, "en")
    try:
        w = MainWindow(campus.store, campus.office, "en")
        qtbot.addWidget(w)
        w.people_page.select_person(pid(campus, "S1"))
        form = w.people_page.panel.edit_person()
        qtbot.addWidget(form)
        assert form.windowTitle() == "Edit person"
        form.dates["stay_until"].setText("R8.13.1")
        before = snapshot(campus)
        assert form.save() is False
        assert form.message.text().startswith("Please check: Stay until\n'R8.13.1' is not a date")
        assert snapshot(campus) == before
    finally:
        install_language(qapp, "ja")


def test_recording_training_for_a_person_and_for_an_applicant(campus: Campus, qtbot):
    w = window(campus, campus.office, qtbot)
    page = w.people_page
    wang = pid(campus, "S1")
    page.select_person(wang)
    panel = page.panel
    panel.tabs.setCurrentIndex(2)
    user = User(qtbot)
    user.click(panel.training_button)
    dialog = panel.findChild(TrainingDialog)
    assert dialog.isVisible()
    user.choose(dialog.course, "meti_elearning")
    user.type(dialog.taken_on, "令和8年5月1日")
    # An expiry before the day taken is refused; nothing changes.
    user.type(dialog.expires_on, "2026/04/30")
    before = snapshot(campus)
    user.click(dialog.save_button)
    assert dialog.isVisible()
    assert dialog.message.text().startswith("次の項目を確認してください：有効期限")
    assert snapshot(campus) == before
    dialog.expires_on.clear()
    user.click(dialog.save_button)
    assert not dialog.isVisible()
    courses = campus.store.training(campus.office, person_id=wang)
    assert [(t["course"], t["taken_on"], t["expires_on"]) for t in courses] == [
        ("meti_elearning", "2026-05-01", "2028-05-01")
    ]
    assert panel.training.item(0, 0).text() == "経済産業省 安全保障貿易管理 eラーニング"
    assert "2028-05-01" in panel.details.text()
    assert audit(campus, "training", wang)[0]["after"]["course"] == "meti_elearning"

    # An applicant (a user, not a person): the office chooses them in the dialog.
    dialog = page.applicant_training()
    qtbot.addWidget(dialog)
    user.choose(dialog.applicant, campus.prof.id)
    dialog.course.setEditText("Lab safety and export control (Dept. of Physics)")
    user.type(dialog.taken_on, "2026/06/10")
    user.type(dialog.expires_on, "2027/06/09")
    assert dialog.save() is True
    assert campus.store.training_status(user_id=campus.prof.id) == {
        "state": "valid",
        "expires_on": "2027-06-09",
    }
    row = campus.store.db.execute(
        "SELECT after_json FROM audit_log WHERE action = 'training' AND entity = 'user'"
        " AND entity_id = ?",
        [str(campus.prof.id)],
    ).fetchone()
    assert json.loads(row[0])["course"] == "Lab safety and export control (Dept. of Physics)"
    assert page.notice.text() == "研修を記録しました。"


def test_department_manager_edits_only_their_department(campus: Campus, qtbot, warnings):
    manager = campus.manager_sci
    w = window(campus, manager, qtbot)
    page = w.people_page
    kim, wang = pid(campus, "S2"), pid(campus, "S1")
    assert [r["id"] for r in page.model.all_rows()] == [kim]
    # Training is the office's: the buttons are not there.
    assert not page.applicant_training_button.isVisible()
    page.select_person(kim)
    assert page.panel.edit_button.isEnabled()
    assert not page.panel.training_button.isVisible()
    # The engineering student is neither listed nor editable; the store says no.
    assert not campus.store.may_edit_person(manager, wang)
    before = snapshot(campus)
    page.panel.person_id = wang  # as if a stale selection pointed at them
    assert page.panel.edit_person() is None
    assert warnings == ["この人物の記録を閲覧する権限がありません。"]
    assert page.findChild(PersonForm) is None
    assert snapshot(campus) == before
    # Their own department's person they can correct (audited as themselves).
    page.panel.show_person(kim)
    form = page.panel.edit_person()
    qtbot.addWidget(form)
    User(qtbot).type(form.texts["supervisor"], "Prof. Suzuki")
    assert form.save() is True
    assert audit(campus, "update", kim)[-1]["user_id"] == manager.id
    assert audit(campus, "update", kim)[-1]["after"] == {"supervisor": "Prof. Suzuki"}
    # Moved to engineering, Kim leaves this manager's sight: saved, no crash, not listed.
    form = page.panel.edit_person()
    qtbot.addWidget(form)
    User(qtbot).choose(form.department, campus.eng)
    assert form.save() is True
    assert page.model.all_rows() == [] and page.panel.person_id is None
    assert page.notice.text() == "保存しました。"
    assert campus.store.person(kim)["department_id"] == campus.eng
    reasons = [r["reason"] for r in campus.store.rechecks(campus.office, kim, open_only=True)]
    assert reasons == ["department_id"]


def test_chief_manager_sees_people_but_does_not_add(campus: Campus, qtbot):
    w = window(campus, campus.chief, qtbot)
    assert not w.people_page.new_button.isVisible()
    assert not w.people_page.applicant_training_button.isVisible()


def test_the_list_reads_pages_of_rows_as_they_are_shown(campus: Campus, qtbot):
    """More people than one page: every row shows the person the store puts there."""
    s = campus.store
    for i in range(450):
        s.add_person(
            campus.office,
            family_name=f"P{i:03d}",
            nationality="CN" if i % 2 else "KR",
            external_id=f"X{i:03d}",
            department_id=campus.eng,
        )
    w = window(campus, campus.office, qtbot)
    page, model = w.people_page, w.people_page.model
    assert model.rowCount() == 452 and page.count_label.text() == "452 人"
    expected = [p["id"] for p in s.list_people(campus.office, order_by="nationality")]
    page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    for row in (449, 0, 201, 451, 200, 199):  # out of order, across pages
        assert model.row_id(row) == expected[row]
        person = s.person(expected[row])
        assert model.index(row, 0).data() == person["external_id"]
        assert model.index(row, 3).data() == person["nationality"]
    page.select_person(expected[430])
    assert page.panel.person_id == expected[430]
    assert page.table.currentIndex().row() == 430


def test_a_managers_new_person_goes_to_their_department(campus: Campus, qtbot):
    w = window(campus, campus.manager_sci, qtbot)
    form = w.people_page.new_person()
    qtbot.addWidget(form)
    # Only the manager's own department is offered, already chosen (the store's rule).
    offered = [form.department.itemData(i) for i in range(form.department.count())]
    assert offered == [campus.sci] and form.department.currentData() == campus.sci
    # Hosts are the active applicants only: not the office, nor the chief manager.
    hosts = {form.host.itemData(i) for i in range(form.host.count())}
    assert campus.prof.id in hosts and campus.office.id not in hosts
    assert campus.chief.id not in hosts


def test_two_forms_on_one_person_keep_each_others_changes(campus: Campus, qtbot):
    """office2 changes the family name while office has the same record open: office's
    change of another field saves beside it; office's change of the family name from the
    older copy is refused beside the field, with nothing changed and the input kept."""
    wang = pid(campus, "S1")
    mine = PersonForm(campus.store, campus.office, "ja", wang)
    theirs = PersonForm(campus.store, campus.office2, "ja", wang)
    again = PersonForm(campus.store, campus.office, "ja", wang)
    for form in (mine, theirs, again):
        qtbot.addWidget(form)
        form.show()
    user = User(qtbot)
    theirs.texts["family_name"].clear()
    user.type(theirs.texts["family_name"], "Wong")
    assert theirs.save() is True
    user.type(mine.texts["email"], "li@example.ac.jp")
    assert mine.save() is True
    stored = campus.store.person(wang)
    assert (stored["family_name"], stored["email"]) == ("Wong", "li@example.ac.jp")
    before = snapshot(campus)
    again.texts["family_name"].clear()
    user.type(again.texts["family_name"], "Wang-Li")
    assert again.save() is False
    assert again.isVisible()
    text = again.message.text()
    assert campus.office2.name in text and "姓" in text and "family_name" not in text
    assert again.texts["family_name"].property("refused") is True
    assert again.texts["family_name"].text() == "Wang-Li"
    assert snapshot(campus) == before
