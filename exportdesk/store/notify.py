"""Live updates: be told when a case changes, without polling.

On the campus database a trigger sends the id of every inserted or changed case on a
PostgreSQL channel (NOTIFY, delivered at commit); a `CaseWatch` holds its own
connection that LISTENs and calls back with the id from a background thread. The
listener then re-reads the case through its own policies: the payload carries
nothing it may not see. A SQLite file has no other writers to hear from: there is
nothing to watch, and `watch` returns None.

Qt code wraps the callback in a queued signal (exportdesk.gui.live).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

CaseCallback = Callable[[int], None]


class CaseWatch:
    """LISTEN on the cases channel with a connection of its own, until `stop()`."""

    def __init__(self, connect: Callable[[], Any], channel: str, callback: CaseCallback) -> None:
        self._conn = connect()
        self._conn.execute(f"LISTEN {channel}")
        self._callback = callback
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="exportdesk-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                # Wakes at once for a notification; the timeout only lets stop() be seen.
                for note in self._conn.notifies(timeout=1.0):
                    if note.payload.isdigit():
                        self._callback(int(note.payload))
            except Exception:  # the connection went away: stop quietly, nothing to undo
                if not self._stopping.is_set():
                    self._stopping.set()
                return

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._conn.close()
