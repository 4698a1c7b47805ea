"""Parts every small dialog has: the red message line and the OK/Cancel row.

Light on imports: the sign-in and campus dialogs use them on the way to every start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton


class MessageLabel(QLabel):
    """A word-wrapped message that makes room for itself: a dialog shown at its own size
    grows to fit a message of several lines instead of drawing it over the fields."""

    def setText(self, text: str) -> None:
        super().setText(text)
        window = self.window()
        layout = window.layout() if window is not self else None
        if layout is None or not window.isVisible():
            return
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(window.width())
        else:
            needed = layout.totalSizeHint().height()
        if needed > window.height():
            window.resize(window.width(), needed)


def error_label() -> QLabel:
    """The dialog's message line (object name "error", which the tests read)."""
    label = MessageLabel()
    label.setObjectName("error")
    label.setStyleSheet("color: #b71c1c;")
    label.setWordWrap(True)
    return label


def ok_cancel(
    dialog: QDialog, ok_text: str, cancel_text: str, on_ok: Callable[[], object]
) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel with the dialog's own words (translated in the dialog's context);
    OK runs `on_ok`, which accepts when the input holds, and Cancel rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def keep_campus_address(message: QLabel, address: str | None, lang: str, unsaved: str) -> bool:
    """Keep the campus address for the next start (None: forget it). On a refusal the
    dialog's message line says why: the store's words, or `unsaved` ("…: %1", in the
    dialog's own translation) when the setting cannot be written."""
    from exportdesk.store.db_location import save_campus_address
    from exportdesk.store.errors import StoreError

    try:
        save_campus_address(address)
    except StoreError as exc:
        message.setText(exc.message(lang))
        return False
    except OSError as exc:
        message.setText(unsaved.replace("%1", str(exc)))
        return False
    return True
