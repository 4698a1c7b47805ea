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


def data_folder() -> Path:
    """The user data folder: the single PC's database, the installation's key, the log."""
    from platformdirs import user_data_path

    return user_data_path("ExportDesk", appauthor=False)


def default_file() -> Path:
    """exportdesk.db in the user data folder."""
    return data_folder() / "exportdesk.db"


# --- the campus address chosen once in the window ------------------------------------

CAMPUS_FILE = "campus-address"


def _config_dir() -> Path:
    env = os.environ.get("EXPORTDESK_CONFIG")
    if env:
        return Path(env)
    from platformdirs import user_config_path

    return user_config_path("ExportDesk", appauthor=False)


def check_campus_address(text: str) -> str:
    """A postgresql:// address without a password, or StoreError("campus_address")."""
    from exportdesk.store.errors import StoreError

    address = text.strip()
    if address.split(":", 1)[0].lower() not in ("postgresql", "postgres") or "://" not in address:
        raise StoreError("campus_address", detail=address[:80] or "—")
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(address)
    except ProgrammingError:
        raise StoreError(
            "campus_address", detail={"ja": "読み取れないアドレス", "en": "unreadable address"}
        ) from None
    if parts.get("password"):
        # Never kept on disk: the password is typed at each sign-in.
        raise StoreError(
            "campus_address",
            detail={"ja": "パスワードが含まれています", "en": "it contains a password"},
        )
    return address


def campus_server(address: str) -> tuple[str, str, str, bool]:
    """(host, port, database, TLS-verified) of a checked campus address: what a person
    confirms before their password goes there."""
    from psycopg.conninfo import conninfo_to_dict

    parts = conninfo_to_dict(check_campus_address(address))
    return (
        str(parts.get("host") or parts.get("hostaddr") or "localhost"),
        str(parts.get("port") or "5432"),
        str(parts.get("dbname") or parts.get("user") or ""),
        parts.get("sslmode") == "verify-full",
    )


def saved_campus_address() -> str | None:
    """The campus address chosen in the window, if any (checked again when read)."""
    path = _config_dir() / CAMPUS_FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return None
    from exportdesk.store.errors import StoreError

    try:
        return check_campus_address(text) if text else None
    except StoreError:
        return None


def save_campus_address(address: str | None) -> None:
    """Remember the campus address for the next start (None: this PC's own file again)."""
    path = _config_dir() / CAMPUS_FILE
    if address is None:
        path.unlink(missing_ok=True)
        return
    address = check_campus_address(address)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(address + "\n", encoding="utf-8")
    tmp.replace(path)


def window_target(db: str | None) -> str | Path:
    """What the window opens: --db, else EXPORTDESK_DB, else the campus address chosen
    in the window, else this PC's own file."""
    target = db or os.environ.get("EXPORTDESK_DB") or saved_campus_address()
    return target if target else default_file()
