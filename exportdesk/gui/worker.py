"""Run long work (imports, batch PDFs) off the GUI thread, with a busy dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the caller, who shows it in the user's language
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_in_background(
    parent: QWidget,
    label: str,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> _Job:
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # an import is all-or-nothing: it runs to the end
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    job = _Job(fn)

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        dialog.close()
        handler(value)

    job.signals.done.connect(lambda value: finish(on_done, value))
    job.signals.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(job)
    return job
