"""A professor's own PC (set up from the office's institution file): Submit sends the
case to the office, and the office's decision comes back into the same window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from exportdesk.exchange import Exchange
from exportdesk.gui.app import install_language
from exportdesk.gui.main_window import MainWindow
from exportdesk.store import Store
from tests.gui_helpers import User
from tests.store_fixtures import PASSWORD, controlled_answers, make_campus, ready_for_decision
from tests.test_documents import text_of


def test_submit_on_a_member_pc_sends_and_the_decision_comes_back(
    tmp_path: Path, qtbot, qapp, fonts, monkeypatch
):
    install_language(qapp, "ja")
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *a, **k: shown.append(text)
    )
    outbox = tmp_path / "outbox 送付"
    monkeypatch.setenv("EXPORTDESK_OUTBOX", str(outbox))
    office = make_campus(tmp_path / "office.db", "small")
    office_x = Exchange(office.store, key_dir=tmp_path / "office-keys")
    office_x.write_profile(office.admin, tmp_path / "inst.exportdesk")

    prof_store = Store(tmp_path / "prof.db")
    monkeypatch.setenv("EXPORTDESK_KEYS", str(tmp_path / "prof-keys"))
    prof_x = Exchange(prof_store)
    prof = prof_x.import_profile(
        tmp_path / "inst.exportdesk", login="prof", name="研究 一郎", password=PASSWORD
    )
    window = MainWindow(prof_store, prof, "ja")
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    case = prof_store.create_case(prof, answers=controlled_answers())
    editor = window.open_case(case["id"])
    user = User(qtbot)
    user.click(editor.submit_button)

    # One action: submitted, and the signed case file is in the outbox.
    sent = list(outbox.glob("*.exportdesk"))
    assert [p.name for p in sent] == [f"{case['ref']}.exportdesk"]
    local = prof_store.get_case(prof, case["id"])
    assert local["status"] == "submitted" and local["sent_at"]
    assert "担当部署へ送付済み" in editor.header.text() and "判断待ち" in editor.header.text()
    assert str(sent[0]) in editor.result.status.text()
    box = editor.sent_box
    assert box.isVisible() and "export@example.ac.jp" in box.text()
    box.close()
    assert editor.send_button.isEnabled()  # the file can be written again if a mail is lost

    # The office imports it (same reference), decides with conditions, three people sign.
    result = office_x.import_case(office.office, sent[0], trust_new_key=True)
    office_case = office.store.get_case(office.office, result["case_id"])
    assert office_case["ref"] == case["ref"]
    o = office.store
    ready_for_decision(o, office.office, result["case_id"])
    o.record_decision(
        office.office,
        result["case_id"],
        "approved_with_conditions",
        "公開情報のみ",
        "図面は渡さない",
    )
    o.approve(office.office2, result["case_id"])
    o.approve(office.chief, result["case_id"])
    office_x.write_decision(office.office, result["case_id"], tmp_path / "decision.exportdesk")

    # Back on the professor's PC: the decision replaces the engine's provisional answer.
    message = window.open_exchange_file(str(tmp_path / "decision.exportdesk"))
    assert "条件付き承認" in message and "approved_with_conditions" not in message
    editor = window.open_case(case["id"])
    panel = editor.result
    assert "輸出管理担当部署の判断" in panel.outcome.text()
    assert "条件付き承認" in panel.outcome.text()
    reasons = panel.reasons.text()
    for needle in ("図面は渡さない", "公開情報のみ", "審査 次郎", "統括 三郎"):
        assert needle in reasons, needle
    assert "要審査" not in panel.outcome.text()

    pdf = tmp_path / "printed.pdf"
    assert editor.save_pdf(str(pdf)) == str(pdf)
    text = text_of(pdf.read_bytes())
    for needle in ("輸出管理担当部署の判断", "図面は渡さない", "統括 三郎", case["ref"]):
        assert needle in text, needle
    assert "（未回答）" not in text.split("輸出管理担当部署の判断")[1]
