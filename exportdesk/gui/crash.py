"""No error is invisible: what nothing else caught is logged and shown, not lost.

`install` (at start-up, gui/app.py) sends the `exportdesk` log to a file in the user
data folder and replaces sys.excepthook: an uncaught exception from a slot or a timer
writes its traceback there and opens a short message naming the file, and the
window goes on. A StoreError that slipped through shows its own bilingual text.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from exportdesk.store import StoreError

log = logging.getLogger("exportdesk")
LOG_NAME = "exportdesk.log"
_shown: list[QMessageBox] = []  # the open messages (a non-modal box needs a reference)


def log_path() -> Path:
    """exportdesk.log in the user data folder (beside the single PC's database)."""
    from exportdesk.store.db_location import data_folder

    return data_folder() / LOG_NAME


def install(lang: str) -> Path:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not any(getattr(h, "baseFilename", None) == str(path) for h in log.handlers):
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    if os.name != "nt":
        from exportdesk.portable import restrict_to_owner

        restrict_to_owner(path)  # tracebacks may name cases and people

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report(kind, exc, tb, lang)

    sys.excepthook = hook
    return path


def report(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None, lang: str
) -> QMessageBox | None:
    """Log the traceback; show a short message if there is a window to show it in."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return None
    log.error("Uncaught error", exc_info=(kind, exc, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return None
    if isinstance(exc, StoreError):
        text = exc.message(lang)
    else:
        text = QCoreApplication.translate(
            "crash", "Something went wrong and this action was not completed."
        )
    details = QCoreApplication.translate("crash", "The details were written to %1.")
    details = details.replace("%1", str(log_path()))
    message = f"{text}\n\n{details}"
    for open_box in _shown:
        if open_box.text() == message:  # the same error again (a repaint, a timer): logged
            return open_box
    box = QMessageBox(QMessageBox.Icon.Warning, "ExportDesk", message)
    box.setObjectName("uncaught_error")
    box.finished.connect(lambda _r: _shown.remove(box) if box in _shown else None)
    _shown.append(box)
    box.open()
    return box
