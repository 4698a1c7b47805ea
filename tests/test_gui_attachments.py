"""Attachments on the check sheet: recorded with SHA-256, carried in the case file,
shown to the office; a file too big for mail is refused with a message."""

from __future__ import annotations

import hashlib
from pathlib import Path

from exportdesk.exchange import Exchange
from exportdesk.gui.app import install_language
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.review import ReviewEditor
from exportdesk.store import Store
from exportdesk.store.cases import MAX_ATTACHMENT_BYTES
from tests.store_fixtures import PASSWORD, controlled_answers, make_campus


def test_attachment_travels_to_the_office(tmp_path: Path, qtbot, qapp, fonts, monkeypatch):
    install_language(qapp, "ja")
    office = make_campus(tmp_path / "office.db")
    office_x = Exchange(office.store, key_dir=tmp_path / "office-keys")
    office_x.write_profile(office.admin, tmp_path / "inst.exportdesk")
    prof_store = Store(tmp_path / "prof.db")
    prof_x = Exchange(prof_store, key_dir=tmp_path / "prof-keys")
    prof = prof_x.import_profile(
        tmp_path / "inst.exportdesk", login="prof", name="研究 一郎", password=PASSWORD
    )
    case = prof_store.create_case(prof, answers=controlled_answers())
    window = MainWindow(prof_store, prof, "ja")
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    editor = window.open_case(case["id"])
    cv = tmp_path / "履歴書 Wang.pdf"
    cv.write_bytes(b"%PDF-1.4 curriculum vitae")
    assert editor.attachments.add(str(cv))
    assert editor.attachments.table.rowCount() == 1
    digest = hashlib.sha256(cv.read_bytes()).hexdigest()
    assert editor.attachments.table.item(0, 2).toolTip() == digest

    big = tmp_path / "scan.tif"
    big.write_bytes(b"\0" * (MAX_ATTACHMENT_BYTES + 1))
    assert not editor.attachments.add(str(big))
    assert "20MB" in editor.attachments.message.text()
    assert editor.attachments.table.rowCount() == 1

    sent = tmp_path / "case.exportdesk"
    prof_x.write_case(prof, case["id"], sent)
    result = office_x.import_case(office.office, sent, trust_new_key=True)
    office_window = MainWindow(office.store, office.office, "ja")
    qtbot.addWidget(office_window)
    review = office_window.open_review(result["case_id"])
    assert isinstance(review, ReviewEditor)
    assert review.attachments.table.rowCount() == 1
    assert review.attachments.table.item(0, 0).text() == "履歴書 Wang.pdf"
    copy = review.attachments.save_copy(str(tmp_path / "copy.pdf"))
    assert copy and Path(copy).read_bytes() == cv.read_bytes()
    assert "1" in review.tabs.tabText(review.tabs.indexOf(review.attachments))
