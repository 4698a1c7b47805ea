"""What the sign-in window shows before the store is opened: whether a database file is
set up, and the institution's name. The standard library's sqlite3 only, read-only."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def peek_institution(path: Path | str) -> dict[str, Any] | None:
    """The institution row of a set-up database file, or None (missing, new, unreadable,
    or a file the store must first migrate or refuse: it then opens as usual)."""
    target = Path(path)
    if not target.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT name_ja, name_en FROM institution WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return {"name_ja": row[0], "name_en": row[1]} if row else None
