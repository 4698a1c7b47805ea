"""A long session in one process: thousands of real key events, every question answered,
submitted and printed. On a binding that drops references at each call (PySide6 6.12.0
on Python 3.11) this aborts the interpreter long before the end."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from exportdesk.gui.app import install_language
from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.widgets.questions import (
    ChoiceButtons,
    ComboChoice,
    CountryInput,
    DateInput,
    PercentInput,
    TextInput,
)
from tests.store_fixtures import make_campus
from tests.test_documents import text_of

SENTENCE = "Moulding data for carbon-fibre composites, batch 7; "


def type_keys(qtbot, edit, text: str) -> int:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(edit, text)
    return len(text)


def answer_what_is_missing(editor: CheckSheetEditor, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Answer every visible unanswered question the way a careful professor would:
    'no' where a yes would open more, a plain value where a value is asked."""
    for _ in range(60):
        missing = [q for q in editor.sheet.missing(editor.answers)]
        if not missing:
            return
        q = missing[0]
        widget = editor.widgets[q.id]
        assert widget.isVisible(), q.id
        if isinstance(widget, ChoiceButtons):
            values = widget.values
            choice = False if False in values else ("no" if "no" in values else values[-1])
            widget.button(choice).click()
        elif isinstance(widget, ComboChoice):
            widget.combo.setCurrentIndex(widget.combo.count() - 1)
        elif isinstance(widget, CountryInput):
            widget.combo.lineEdit().setText("DE")
            widget.combo.lineEdit().editingFinished.emit()
        elif isinstance(widget, DateInput):
            qtbot.keyClicks(widget.edit, "2026-10-01")
        elif isinstance(widget, PercentInput):
            qtbot.keyClicks(widget.focus_target(), "0")
        elif isinstance(widget, TextInput):
            qtbot.keyClicks(widget.edit, "n/a")
        else:
            boxes = widget.findChildren(type(widget.focus_target()))
            (boxes[-1] if boxes else widget.focus_target()).click()
        QApplication.processEvents()
    raise AssertionError(f"still missing: {[q.id for q in editor.sheet.missing(editor.answers)]}")


def test_five_thousand_keystrokes_submit_and_print(tmp_path: Path, qtbot, qapp, fonts):
    install_language(qapp, "ja")
    campus = make_campus(tmp_path / "soak.db")
    window = MainWindow(campus.store, campus.prof, "ja")
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    none_before = sys.getrefcount(None)
    window.cases_page.new_button.click()
    editor = window.tabs.currentWidget()
    assert isinstance(editor, CheckSheetEditor)
    editor.widgets["activity"].combo.setCurrentIndex(
        editor.widgets["activity"].combo.findData("providing_technology")
    )
    typed = 0
    title = editor.widgets["title"].edit
    counterpart = editor.widgets["counterpart_name"].edit
    assert isinstance(title, QLineEdit) and isinstance(counterpart, QLineEdit)
    # Type, correct and retype, as a person drafting a title does.
    while typed < 3000:
        title.setFocus()
        typed += type_keys(qtbot, title, SENTENCE[:40])
        for _ in range(20):
            qtbot.keyClick(title, Qt.Key.Key_Backspace)
            typed += 1
        typed += type_keys(qtbot, counterpart, "TU Beispiel ")
        qtbot.keyClick(counterpart, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(counterpart, Qt.Key.Key_Delete)
        typed += 2
    typed += type_keys(qtbot, counterpart, "Technische Universitaet Beispiel")
    answer_what_is_missing(editor, qtbot)
    description = editor.widgets.get("technology_description")
    if description is not None and description.isVisible():
        edit = description.edit
        assert isinstance(edit, QPlainTextEdit)
        while typed < 5000:
            typed += type_keys(qtbot, edit, SENTENCE)
    else:
        while typed < 5000:
            typed += type_keys(qtbot, title, "x")
            qtbot.keyClick(title, Qt.Key.Key_Backspace)
            typed += 1
    answer_what_is_missing(editor, qtbot)
    assert typed >= 5000
    qtbot.waitUntil(lambda: not editor._dirty, timeout=5000)

    editor.submit_button.click()
    stored = campus.store.get_case(campus.prof, editor.case_id)
    assert stored["status"] == "submitted", editor.result.status.text()
    assert stored["answers"]["counterpart_name"] == "Technische Universitaet Beispiel"
    pdf = tmp_path / "soak.pdf"
    assert editor.save_pdf(str(pdf)) == str(pdf)
    assert stored["ref"] in text_of(pdf.read_bytes())
    # The binding kept None alive: the count moved by what Python itself holds, not by
    # one per call (a broken binding moves it by hundreds of thousands here).
    assert abs(sys.getrefcount(None) - none_before) < 5000
