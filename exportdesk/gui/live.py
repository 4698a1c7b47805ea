"""Live updates in the window: a Qt signal when another client changes a case.

Wraps the store's watch (LISTEN/NOTIFY on a campus database) in queued signals, so
the GUI thread refreshes its lists. On a SQLite file there is nothing to watch and
the object stays silent.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from exportdesk.store import Store


class LiveCases(QObject):
    changed = Signal(int)  # one case, as heard
    settled = Signal()  # a burst of changes is over: refresh lists once
    case_changed = Signal(int)  # one case, on the GUI thread, while the watch runs
    reconnected = Signal()  # the watch was cut off and is back: what changed was not heard

    QUIET_MS = 150

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.QUIET_MS)
        self._timer.timeout.connect(self.settled)
        self.changed.connect(self._heard)
        # Lists are read once after a reconnect: cases filed while the watch was down.
        self.reconnected.connect(self._reconnected)
        # The callbacks run on the watch's thread; emitting there queues the signals
        # to this object's (the GUI) thread.
        self._watch = store.watch_cases(self.changed.emit, self.reconnected.emit)

    @property
    def active(self) -> bool:
        return self._watch is not None and self._watch.alive

    def _heard(self, case_id: int) -> None:
        if self._watch is not None:  # a notification queued before stop() is dropped
            self.case_changed.emit(case_id)
            self._timer.start()

    def _reconnected(self) -> None:
        if self._watch is not None:  # as for _heard: nothing after stop()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()  # nothing refreshes after the window (and its store) closed
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
