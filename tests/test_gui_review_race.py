"""Two office staff with the same review sheet open, each through their own connection:
a save from the older sheet is refused on screen with the input kept and Reload offered;
an open sheet follows the case (live on a campus database, on coming back to the window
on a SQLite file) without dropping unsaved input."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from exportdesk.gui.app import install_language
from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.review import ReviewEditor
from exportdesk.store import Store
from tests.campus_world import World, pg_world
from tests.gui_helpers import User
from tests.store_fixtures import Campus, controlled_answers, make_campus


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def editor_for(store: Store, user, case_id: int, qtbot) -> ReviewEditor:  # type: ignore[no-untyped-def]
    editor = ReviewEditor(store, user, case_id, "ja")
    qtbot.addWidget(editor)
    editor.resize(1100, 800)
    editor.show()
    return editor


def text_of(editor: ReviewEditor, item: str) -> str:
    widget = editor.inputs[item]
    assert isinstance(widget, QPlainTextEdit)
    return widget.toPlainText()


def type_into(user: User, editor: ReviewEditor, item: str, text: str) -> None:
    widget = editor.inputs[item]
    widget.moveCursor(widget.textCursor().MoveOperation.End)
    user.type(widget, text)


def autosaved(qtbot, editor: ReviewEditor) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not editor._timer.isActive(), timeout=3000)


def come_back_to_the_window() -> None:
    app = QGuiApplication.instance()
    assert app is not None
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)


def test_two_editors_on_one_case_on_a_sqlite_file(tmp_path: Path, qtbot, qapp, warnings):  # type: ignore[no-untyped-def]
    install_language(qapp, "ja")
    campus: Campus = make_campus(tmp_path / "office.db")
    second = Store(tmp_path / "office.db")  # office2's own connection to the file
    case = campus.store.create_case(campus.prof, answers=controlled_answers())
    case_id = campus.store.submit(campus.prof, case["id"])["id"]
    a = editor_for(campus.store, campus.office, case_id, qtbot)
    b = editor_for(second, campus.office2, case_id, qtbot)
    user = User(qtbot)
    assert "提出済み" in b.header.text() and b.take_button.isVisible()

    # office starts the review; office2's sheet follows when its window comes back.
    user.click(a.take_button)
    assert "提出済み" in b.header.text()
    come_back_to_the_window()
    assert "審査中" in b.header.text()
    assert not b.take_button.isVisible()

    # office2 enters the final destination and a screening note (autosaved).
    type_into(user, b, "final_destination", "B の仕向地")
    type_into(user, b, "screening_note", "照会済み")
    autosaved(qtbot, b)
    stored = campus.store.get_case(campus.office, case_id)["review"]
    assert (stored["final_destination"], stored["screening_note"]) == ("B の仕向地", "照会済み")
    before = campus.store._case_row(case_id)

    # office's sheet is older (no final destination): its save is refused on screen.
    assert text_of(a, "final_destination") == ""
    type_into(user, a, "transit", "A の経由地")
    autosaved(qtbot, a)
    assert a.notice.isVisible() and a.reload_button.isVisible()
    assert a.reload_button.text() == "再読込み"
    assert campus.office2.name in a.notice.text()
    assert "保存しました" in a.notice.text()
    assert warnings == []  # said in the sheet, no dialog in the middle of typing
    assert text_of(a, "transit") == "A の経由地"  # the input stays
    assert campus.store._case_row(case_id) == before  # nothing changed
    assert not campus.store.get_case(campus.office, case_id)["review"].get("transit")

    # Reload shows office2's text; office's own change then saves next to it.
    user.click(a.reload_button)
    assert not a.notice.isVisible() and not a.reload_button.isVisible()
    assert text_of(a, "final_destination") == "B の仕向地"
    assert text_of(a, "screening_note") == "照会済み"
    type_into(user, a, "transit", "A の経由地")
    autosaved(qtbot, a)
    assert not a.notice.isVisible()
    stored = campus.store.get_case(campus.office, case_id)["review"]
    assert stored["final_destination"] == "B の仕向地"
    assert stored["transit"].endswith("A の経由地")

    # office2 has nothing unsaved: coming back shows office's change as it is.
    come_back_to_the_window()
    assert text_of(b, "transit").endswith("A の経由地")
    assert not b.notice.isVisible()

    # office2 types (not saved yet) while office saves: nothing typed is overwritten.
    type_into(user, b, "end_user", "B の需要者")
    b._timer.stop()  # office2 is still typing: the autosave has not run yet
    assert b.has_unsaved_input()
    type_into(user, a, "screening_note", "、追記")
    autosaved(qtbot, a)
    assert not a.notice.isVisible()
    come_back_to_the_window()
    assert text_of(b, "end_user") == "B の需要者"
    assert text_of(b, "screening_note") == "照会済み"
    assert b.notice.isVisible() and b.reload_button.isVisible()
    assert b.notice.text().startswith("同僚がこの審査票を変更しました。")
    assert "審査中" in b.header.text()
    # Its save is refused (the store kept office's note), until office2 reloads.
    assert not b.save()
    assert campus.store.get_case(campus.office, case_id)["review"]["screening_note"] == (
        "照会済み、追記"
    )
    # Nor does it sign or return the case over a review office2 has not seen.
    before = campus.store._case_row(case_id)
    b.comment.setText("相手方の所在地を教えてください")  # what a return needs
    assert b.approve() is False and b.return_case() is False
    assert campus.store.get_case(campus.office, case_id)["approvals"] == []
    assert campus.store._case_row(case_id) == before
    user.click(b.reload_button)
    assert text_of(b, "screening_note") == "照会済み、追記"
    second.close()


@pytest.fixture
def campus_world(pg_cluster):  # type: ignore[no-untyped-def]
    w = pg_world(pg_cluster)
    yield w
    w.close()


def test_an_open_sheet_follows_a_colleagues_change_live(campus_world: World, qtbot, qapp):  # type: ignore[no-untyped-def]
    """Campus mode: the window's watch hears office take the case and save the review;
    office2's open sheet shows both without being touched."""
    install_language(qapp, "ja")
    w = campus_world
    prof = w.store(w.prof)
    case = prof.create_case(w.prof, answers=controlled_answers())
    case_id = prof.submit(w.prof, case["id"])["id"]
    window = MainWindow(w.store(w.office2), w.office2, "ja")
    qtbot.addWidget(window)
    window.show()
    assert window.live.active
    editor = window.open_review(case_id)
    assert isinstance(editor, ReviewEditor)
    assert editor.take_button.isVisible()
    office = w.store(w.office)
    office.take_for_review(w.office, case_id)
    qtbot.waitUntil(lambda: "審査中" in editor.header.text(), timeout=5000)
    assert not editor.take_button.isVisible()
    loaded = office.get_case(w.office, case_id)
    office.save_review(
        w.office,
        case_id,
        loaded["review"] | {"final_destination": "A の仕向地"},
        expected_revision=loaded["revision"],
    )
    qtbot.waitUntil(lambda: text_of(editor, "final_destination") == "A の仕向地", timeout=5000)
    assert not editor.notice.isVisible()
    window.close()


def test_professor_and_proxy_on_one_draft(tmp_path: Path, qtbot, qapp):  # type: ignore[no-untyped-def]
    """The secretary (registered proxy) and the professor edit the same draft at once:
    the professor's autosave from the older copy is refused, the text typed stays, and
    Reload opens the sheet as the secretary saved it."""
    install_language(qapp, "ja")
    campus = make_campus(tmp_path / "office.db")
    # Filed by the secretary for the professor: both may edit it.
    case = campus.store.create_case(
        campus.secretary, applicant_id=campus.prof.id, answers={"title": "元の題名"}
    )
    window = MainWindow(campus.store, campus.prof, "ja")
    qtbot.addWidget(window)
    window.show()
    mine = window.open_case(case["id"])
    second = Store(tmp_path / "office.db")  # the secretary's desk
    theirs = CheckSheetEditor(second, campus.secretary, case["id"], "ja")
    qtbot.addWidget(theirs)
    theirs.show()
    user = User(qtbot)
    user.type(theirs.widgets["counterpart_name"].edit, "Beispiel Institut")
    qtbot.waitUntil(lambda: "保存しました" in theirs.result.saved.text(), timeout=3000)
    before = campus.store._case_row(case["id"])
    user.type(mine.widgets["planned_date"].edit, "2026-12-01")
    qtbot.waitUntil(lambda: mine.result.reload_button.isVisible(), timeout=3000)
    assert campus.secretary.name in mine.result.status.text()
    assert mine.result.reload_button.text() == "再読込み"
    assert mine.answers["planned_date"] == "2026-12-01"  # the input stays
    assert campus.store._case_row(case["id"]) == before
    user.click(mine.result.reload_button)
    reopened = window.tabs.currentWidget()
    assert isinstance(reopened, CheckSheetEditor) and reopened is not mine
    assert reopened.widgets["counterpart_name"].value() == "Beispiel Institut"
    assert not reopened.result.reload_button.isVisible()
    second.close()
