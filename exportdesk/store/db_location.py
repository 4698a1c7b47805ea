"""Where the database is, decided without opening it (the sign-in window asks first)."""

from __future__ import annotations

import os
from pathlib import Path


def database_location(db: str | None) -> Path | None:
    """The SQLite file that `--db`/EXPORTDESK_DB/the default names, or None for a campus
    (postgresql://) address."""
    target = db or os.environ.get("EXPORTDESK_DB")
    if target and target.split(":", 1)[0].lower() in ("postgresql", "postgres"):
        return None
    return Path(target) if target else default_file()


def default_file() -> Path:
    """exportdesk.db in the user data folder."""
    from platformdirs import user_data_path

    return user_data_path("ExportDesk", appauthor=False) / "exportdesk.db"
