"""The office's review: queue, prefilled review sheet, decisions and approval chains."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QRadioButton

from exportdesk.gui.app import install_language
from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.review import ReviewEditor
from tests.gui_helpers import User
from tests.store_fixtures import Campus, controlled_answers, make_campus


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def campus_for(tmp_path: Path, fmt: str, qapp) -> Campus:
    install_language(qapp, "ja")
    return make_campus(tmp_path / f"{fmt}.db", fmt)


def window_for(campus: Campus, user, qtbot) -> MainWindow:
    w = MainWindow(campus.store, user, "ja")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def submit(campus: Campus, who=None) -> int:
    who = who or campus.prof
    case = campus.store.create_case(who, answers=controlled_answers())
    campus.store.submit(who, case["id"])
    return case["id"]


def radio(editor: ReviewEditor, name: str) -> QRadioButton:
    button = editor.findChild(QRadioButton, name)
    assert button is not None, name
    return button


def fill_review(
    user: User, editor: ReviewEditor, decision: str, reasons: str, conditions: str = ""
) -> None:
    for name in (
        "use_requirement:False",
        "end_user_requirement:False",
        "inform_requirement:False",
        "classification_basis:office_comparison",
        "pledge:requested",
    ):
        user.click(radio(editor, name))
    panel = editor.inputs["end_user_list"]
    if panel.waive_button.isVisible():  # no list imported in these installations
        user.type(panel.waiver, "No list imported yet")
        user.click(panel.waive_button)
    combo = editor.inputs["decision"]
    user.choose(combo, decision)
    editor.inputs["reasons"].setPlainText(reasons)
    editor.inputs["conditions"].setPlainText(conditions)
    user.click(editor.decide_button)


def open_from_queue(window: MainWindow, case_id: int) -> ReviewEditor:
    queue = window.queue_page
    assert queue is not None
    queue.refresh()
    rows = [queue.model.case_id(r) for r in range(queue.model.rowCount())]
    assert case_id in rows
    editor = window.open_review(case_id)
    assert isinstance(editor, ReviewEditor)
    return editor


def test_small_university_review_and_chain(tmp_path, qtbot, qapp, fonts, warnings):
    campus = campus_for(tmp_path, "small", qapp)
    case_id = submit(campus)
    office = window_for(campus, campus.office, qtbot)
    queue = office.queue_page
    row = [queue.model.case_id(r) for r in range(queue.model.rowCount())].index(case_id)
    why = queue.model.index(row, queue.model.COLUMNS.index("why")).data()
    assert "リスト規制技術（5）" in why
    assert queue.model.index(row, queue.model.COLUMNS.index("country_group")).data() == "グループA"
    assert "提出済み: 1" in queue.counts.text()

    editor = open_from_queue(office, case_id)
    # Prefilled from the check sheet: nothing typed again.
    assert radio(editor, "technology_classification:listed").isChecked()
    assert editor.inputs["technology_classification"][2].text() == "5"
    assert radio(editor, "resident_confirmed:non_resident").isChecked()
    assert "Technische Universität Beispiel" in editor.inputs["counterpart"].text()
    assert "グループA" in editor.inputs["country_group"].text()
    assert (
        "外国ユーザーリスト照合結果は記録されていません"
        in editor.inputs["end_user_list"].label.text()
    )

    user = User(qtbot)
    user.click(editor.take_button)
    assert campus.store.get_case(campus.office, case_id)["status"] == "under_review"
    fill_review(
        user, editor, "approved_with_conditions", "公開済みの成形データのみ提供", "図面は提供しない"
    )
    stored = campus.store.get_case(campus.office, case_id)
    assert stored["decision"] == "approved_with_conditions"
    assert stored["review"]["use_requirement"] is False
    assert stored["review"]["technology_classification"] == {"choice": "listed", "items": "5"}
    user.click(editor.approve_button)
    assert "輸出管理担当部署" in editor.chain.text() and "✔" in editor.chain.text()

    chief = window_for(campus, campus.chief, qtbot)
    chief_editor = open_from_queue(chief, case_id)
    user.click(chief_editor.approve_button)
    final = campus.store.get_case(campus.chief, case_id)
    assert final["status"] == "approved_with_conditions"
    assert [a["step"] for a in final["approvals"]] == ["office", "chief"]
    timeline = chief_editor.timeline.toPlainText()
    assert "承認" in timeline and "chief" in timeline and "office1" in timeline
    assert not warnings


def test_large_university_chain_with_return_and_resubmit(tmp_path, qtbot, qapp, fonts, warnings):
    campus = campus_for(tmp_path, "large", qapp)
    case_id = submit(campus)
    user = User(qtbot)

    manager = window_for(campus, campus.manager_eng, qtbot)
    m_editor = open_from_queue(manager, case_id)
    assert not m_editor.decide_button.isEnabled()  # the department does not decide
    user.click(m_editor.approve_button)

    office = window_for(campus, campus.office, qtbot)
    o_editor = open_from_queue(office, case_id)
    o_editor.comment.setText("図面番号を教えてください")
    user.click(o_editor.return_button)
    assert campus.store.get_case(campus.office, case_id)["status"] == "returned"

    # The professor sees the question, answers it, changes the sheet and resubmits.
    prof = window_for(campus, campus.prof, qtbot)
    editor = prof.open_case(case_id)
    assert isinstance(editor, CheckSheetEditor)
    assert (
        editor.questions_box is not None
        and "図面番号" in editor.questions_box.findChildren(type(editor.header))[0].text()
    )
    editor.reply.setPlainText("図面 No. A-123 のみです")
    user.answer(editor, "publicly_available", True)
    user.answer(editor, "publication_restricted", False)
    user.click(editor.submit_button)
    resubmitted = campus.store.get_case(campus.prof, case_id)
    assert resubmitted["status"] == "submitted" and resubmitted["round"] == 2
    assert [m["kind"] for m in resubmitted["messages"]] == ["question", "answer"]

    # Round 2: the whole chain again.
    m_editor = open_from_queue(manager, case_id)
    m_editor.case = campus.store.get_case(campus.manager_eng, case_id)
    m_editor.refresh()
    user.click(m_editor.approve_button)
    office.close_tab(office.tabs.indexOf(o_editor))
    o_editor = open_from_queue(office, case_id)
    fill_review(user, o_editor, "licence_required", "リスト規制技術（5）を非居住者に提供")
    user.click(o_editor.approve_button)
    chief = window_for(campus, campus.chief, qtbot)
    user.click(open_from_queue(chief, case_id).approve_button)
    final = campus.store.get_case(campus.chief, case_id)
    assert final["status"] == "licence_required"
    round2 = [(a["step"], a["action"]) for a in final["approvals"] if a["round"] == 2]
    assert round2 == [("department", "approve"), ("office", "approve"), ("chief", "approve")]
    actions = [e["action"] for e in campus.store.timeline(campus.office, case_id)]
    assert actions.count("approve") == 4 and "question" in actions and "answer" in actions
    assert campus.store.verify_audit().ok
    assert not warnings


def test_self_approval_is_refused_in_the_gui(tmp_path, qtbot, qapp, fonts, warnings):
    campus = campus_for(tmp_path, "large", qapp)
    case_id = submit(campus, who=campus.manager_eng)
    manager = window_for(campus, campus.manager_eng, qtbot)
    editor = open_from_queue(manager, case_id)
    before = campus.store.get_case(campus.manager_eng, case_id)
    User(qtbot).click(editor.approve_button)
    assert warnings and "自分が申請した" in warnings[0]
    after = campus.store.get_case(campus.manager_eng, case_id)
    assert after["approvals"] == before["approvals"] == []
    assert after["status"] == "submitted"


def test_screening_hits_are_resolved_in_the_review_sheet(tmp_path, qtbot, qapp, fonts, warnings):
    import datetime as dt

    from tests.eul_pdf import meti_pdf
    from tests.test_eul import sample_entities

    campus = campus_for(tmp_path, "small", qapp)
    pdf = tmp_path / "eul.pdf"
    pdf.write_bytes(meti_pdf(sample_entities()[:6]))
    campus.store.eul.import_file(campus.office, pdf, dt.date(2025, 10, 9))
    case = campus.store.create_case(
        campus.prof,
        answers=controlled_answers()
        | {"counterpart_name": "Korea Mining Development Trading Corp."},
    )
    campus.store.submit(campus.prof, case["id"])
    office = window_for(campus, campus.office, qtbot)
    editor = open_from_queue(office, case["id"])
    panel = editor.inputs["end_user_list"]
    assert panel.table.rowCount() == 1
    assert "Korea Mining Development Trading Corporation" in panel.table.item(0, 0).text()
    assert "#1 2025-10-09" in panel.label.text()
    user = User(qtbot)
    panel.table.selectRow(0)
    user.click(panel.dismiss_button)  # no note: refused, nothing stored
    assert "note is required" in panel.label.text() or "理由の記入は必須" in panel.label.text()
    assert campus.store.eul.unresolved(
        campus.store.get_case(campus.office, case["id"])["review"]["screening"]
    )
    user.type(panel.note, "Different firm: registry checked")
    panel.known_good.setChecked(True)
    user.click(panel.dismiss_button)
    stored = campus.store.get_case(campus.office, case["id"])["review"]["screening"]["hits"][0][
        "resolution"
    ]
    assert (
        stored["decision"] == "false_positive"
        and stored["note"] == "Different firm: registry checked"
    )
    assert "Different firm" in panel.table.item(0, 4).text()
    assert len(campus.store.eul.known_good()) == 1
    # Later edits of the review sheet keep the resolution.
    editor.inputs["screening_note"].setPlainText("checked")
    editor.save()
    again = campus.store.get_case(campus.office, case["id"])["review"]
    assert again["screening"]["hits"][0]["resolution"]["decision"] == "false_positive"
    assert again["screening_note"] == "checked"


def test_end_user_list_import_from_the_menu(tmp_path, qtbot, qapp, fonts, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from tests.eul_pdf import meti_pdf
    from tests.test_eul import sample_entities

    campus = campus_for(tmp_path, "small", qapp)
    pdf = tmp_path / "eul.pdf"
    pdf.write_bytes(meti_pdf(sample_entities()[:6]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2025-10-09", True))
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *a, **k: shown.append(text)
    )
    office = window_for(campus, campus.office, qtbot)
    office.import_end_user_list(str(pdf))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "6 件" in shown[0]
    assert campus.store.eul.versions()[0]["effective_date"] == "2025-10-09"


def test_case_file_round_trip_through_two_guis(tmp_path, qtbot, qapp, fonts, monkeypatch, warnings):
    from exportdesk.exchange import Exchange
    from exportdesk.gui.dialogs import SetupDialog
    from exportdesk.store import Store
    from tests.store_fixtures import PASSWORD

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *a, **k: shown.append(text)
    )
    campus = campus_for(tmp_path, "small", qapp)
    office_keys, prof_keys = tmp_path / "office-keys", tmp_path / "prof-keys"
    monkeypatch.setenv("EXPORTDESK_KEYS", str(office_keys))
    Exchange(campus.store).write_profile(campus.admin, tmp_path / "inst.exportdesk")

    # The professor's own installation, set up from the institution file.
    monkeypatch.setenv("EXPORTDESK_KEYS", str(prof_keys))
    prof_store = Store(tmp_path / "prof.db")
    setup = SetupDialog(prof_store, "ja")
    qtbot.addWidget(setup)
    setup.admin_login.setText("prof")
    setup.admin_name.setText("研究 一郎")
    setup.password.setText(PASSWORD)
    setup.password2.setText(PASSWORD)
    setup.from_file(str(tmp_path / "inst.exportdesk"))
    assert (
        setup.user is not None
        and prof_store.institution()["uid"] == campus.store.institution()["uid"]
    )
    prof_window = MainWindow(prof_store, setup.user, "ja")
    qtbot.addWidget(prof_window)
    local = prof_store.create_case(setup.user, answers=controlled_answers())
    editor = prof_window.open_case(local["id"])
    case_file = editor.send_file(str(tmp_path / "case.exportdesk"), open_mail=False)
    assert case_file and prof_store.get_case(setup.user, local["id"])["status"] == "submitted"

    # The office opens it, trusting the new key, and sends the decision back.
    monkeypatch.setenv("EXPORTDESK_KEYS", str(office_keys))
    office = window_for(campus, campus.office, qtbot)
    text = office.open_exchange_file(case_file, trust=True)
    assert text.startswith("審査待ち一覧に新しい案件が入りました")
    assert office.open_exchange_file(case_file).startswith("このファイルは既に取り込まれています")
    office_case = campus.store.list_cases(campus.office)[0]
    review = office.open_review(office_case["id"])
    review.comment.setText("型番を教えてください")
    User(qtbot).click(review.return_button)
    decision = review.send_decision(str(tmp_path / "decision.exportdesk"))
    assert decision

    monkeypatch.setenv("EXPORTDESK_KEYS", str(prof_keys))
    prof_window.open_exchange_file(decision)
    assert prof_store.get_case(setup.user, local["id"])["status"] == "returned"
    reopened = prof_window.open_case(local["id"])
    assert reopened.questions_box is not None
    assert (
        "型番を教えてください"
        in reopened.questions_box.findChildren(type(reopened.header))[0].text()
    )
