"""The dialogs' message line makes room for itself."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout

from exportdesk.gui.widgets.dialog_parts import error_label


def test_a_long_message_grows_the_dialog_instead_of_covering_the_fields(qtbot, fonts):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout()
    login, password = QLineEdit(), QLineEdit()
    form.addRow("ユーザー名", login)
    form.addRow("パスワード", password)
    error = error_label()
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    error.setText(
        "学内データベースに接続できません：connection to server at 127.0.0.1, port 1 failed:"
        " Connection refused. Is the server running on that host and accepting TCP/IP"
        " connections? 情報システム担当に確認してください。" * 2
    )
    qtbot.waitUntil(lambda: dialog.height() > before, timeout=2000)
    needed = error.heightForWidth(error.width())
    assert error.height() >= needed  # every line of the message is drawn
    fields_bottom = password.mapTo(dialog, password.rect().bottomLeft()).y()
    assert error.mapTo(dialog, error.rect().topLeft()).y() > fields_bottom  # below, not over
