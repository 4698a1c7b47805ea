"""Drive ExportDesk's widgets the way a user does, counting the interactions."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.widgets.questions import ChoiceButtons, CountryInput, DateInput, TextInput


class User:
    """Counts clicks, selections and typed fields."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.interactions = 0

    def click(self, button: QAbstractButton) -> None:
        self.interactions += 1
        QApplication.processEvents()  # let layouts place a widget that was just shown
        assert button.isVisible() and button.width() > 0, button.objectName()
        if button.inherits("QRadioButton") or button.inherits("QCheckBox"):
            # Click the indicator: a radio stretched by its layout ignores a centre click.
            self.qtbot.mouseClick(
                button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2)
            )
        else:
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def type(self, edit: QWidget, text: str) -> None:
        """One typed field. Non-ASCII goes in as an input-method commit."""
        self.interactions += 1
        edit.setFocus()
        if text.isascii():
            self.qtbot.keyClicks(edit, text)
        else:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(edit, event)

    def choose(self, combo: QComboBox, data: object) -> None:
        self.interactions += 1
        combo.setCurrentIndex(combo.findData(data))

    # --- check-sheet conveniences -------------------------------------------------------

    def answer(self, editor: CheckSheetEditor, qid: str, value: object) -> None:
        widget = editor.widgets[qid]
        assert widget.isVisible(), f"question {qid} is not shown"
        if isinstance(widget, ChoiceButtons):
            self.click(widget.button(value))
        elif isinstance(widget, CountryInput):
            self.type(widget.combo.lineEdit(), str(value))
            widget.combo.lineEdit().editingFinished.emit()
        elif isinstance(widget, DateInput | TextInput):
            target = widget.edit
            self.type(target, str(value))
        elif hasattr(widget, "combo"):
            self.choose(widget.combo, value)  # type: ignore[attr-defined]
        else:
            raise AssertionError(f"no driver for {qid}")
        assert editor.answers.get(qid) == value or isinstance(widget, CountryInput), (
            qid,
            editor.answers.get(qid),
        )


def line_edit(widget: QWidget) -> QLineEdit:
    return widget.findChild(QLineEdit)
