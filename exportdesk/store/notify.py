"""Live updates: be told when a case changes, without polling.

On the campus database a trigger sends the id of every inserted or changed case on a
PostgreSQL channel (NOTIFY, delivered at commit); a `CaseWatch` holds its own
connection that LISTENs and calls back with the id from a background thread. The
listener then re-reads the case through its own policies: the payload carries
nothing it may not see. A SQLite file has no other writers to hear from: there is
nothing to watch, and `watch` returns None.

A notification sent while the watch's connection is down (server restart, network
drop) is never delivered: the watch connects again, LISTENs again and calls
`on_reconnect`, so the listener reads its lists once and misses nothing.

Qt code wraps the callbacks in queued signals (exportdesk.gui.live).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

CaseCallback = Callable[[int], None]


class CaseWatch:
    """LISTEN on the cases channel with a connection of its own, until `stop()`."""

    # Seconds between attempts to connect again: soon at first, then every few seconds.
    RETRY = (0.2, 0.5, 1.0, 2.0, 5.0)

    def __init__(
        self,
        connect: Callable[[], Any],
        channel: str,
        callback: CaseCallback,
        on_reconnect: Callable[[], None] | None = None,
    ) -> None:
        self._connect = connect
        self._channel = channel
        self._conn = self._listen()
        self._callback = callback
        self._on_reconnect = on_reconnect
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="exportdesk-watch", daemon=True)
        self._thread.start()

    def _listen(self) -> Any:
        conn = self._connect()
        try:
            conn.execute(f"LISTEN {self._channel}")
        except Exception:
            conn.close()
            raise
        return conn

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                # Wakes at once for a notification; the timeout only lets stop() be seen.
                for note in self._conn.notifies(timeout=1.0):
                    if note.payload.isdigit():
                        self._callback(int(note.payload))
            except Exception:  # the connection went away: connect again until stopped
                if self._stopping.is_set():
                    return
                self._reconnect()

    def _reconnect(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()
        attempt = 0
        while not self._stopping.is_set():
            try:
                conn = self._listen()
            except Exception:  # still down (or refused): wait and try again
                delay = self.RETRY[min(attempt, len(self.RETRY) - 1)]
                attempt += 1
                self._stopping.wait(delay)
                continue
            if self._stopping.is_set():  # stopped while connecting: stop() closed the old one
                conn.close()
                return
            self._conn = conn
            if self._on_reconnect is not None:
                self._on_reconnect()
            return

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._conn.close()
