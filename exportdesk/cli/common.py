"""What every command shares: exit codes, messages, the forms, the database, output files,
and the one place where a command finds the user it acts as."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_BAD_INPUT = 2


def err(message: str) -> None:
    print(f"exportdesk: error: {message}", file=sys.stderr)


def user_lang() -> str:
    """The language of messages at the terminal: EXPORTDESK_LANG, else the locale's."""
    chosen = os.environ.get("EXPORTDESK_LANG", "")
    if chosen in ("ja", "en"):
        return chosen
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG")
    return "ja" if (locale or "").startswith("ja") else "en"


def refusal(exc: Any, prefix: str = "", suffix: str = "") -> None:
    """A StoreError at the terminal in the user's language; in Japanese with the English
    beneath, for the IT staff and the logs a script keeps."""
    if user_lang() == "ja" and exc.ja != exc.en:
        err(f"{prefix}{exc.ja}{suffix}\n  ({prefix}{exc.en}{suffix})")
    else:
        err(f"{prefix}{exc.en}{suffix}")


def load_forms(args: argparse.Namespace) -> Any:
    from exportdesk.domain.forms_cache import cached_catalog

    return cached_catalog(getattr(args, "forms", None))


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain text table; East Asian wide characters count as two columns."""
    from unicodedata import east_asian_width

    def width(s: str) -> int:
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)

    cols = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c + " " * (w - width(c)) for c, w in zip(cells, cols, strict=True)
        ).rstrip()

    out = [line(headers), line(["-" * w for w in cols])]
    out += [line(r) for r in rows]
    return "\n".join(out)


def db_path(args: argparse.Namespace) -> Path:
    from exportdesk.store.db import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def open_store(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    """The store at --db; a path that does not exist is an error (after a message), not a
    new empty database, unless `create`. A postgresql:// address opens the campus database."""
    from exportdesk.store import Store, StoreError
    from exportdesk.store.engine import is_dsn

    target = getattr(args, "db", None) or os.environ.get("EXPORTDESK_DB")
    keys = getattr(args, "keys", None)
    try:
        if is_dsn(target):
            return _open_campus(str(target), getattr(args, "user", None))
        return Store(db_path(args), create=create, key_dir=Path(keys) if keys else None)
    except StoreError as exc:
        refusal(exc)
        return None


_opened: list[Any] = []


def close_stores() -> None:
    """Close the campus connections a command opened (a server-side session each)."""
    while _opened:
        _opened.pop().close()


def _open_campus(dsn: str, login: str | None):  # type: ignore[no-untyped-def]
    store = _connect_campus(dsn, login)
    _opened.append(store)
    return store


def _connect_campus(dsn: str, login: str | None):  # type: ignore[no-untyped-def]
    """The campus database as `login` (--user), with ${EXPORTDESK_PASSWORD}, else what the
    address, ~/.pgpass or Kerberos give, else the password asked at the terminal."""
    from exportdesk.store import Store, StoreError
    from exportdesk.store.pg.engine import PostgresEngine

    if not login:
        return Store(dsn)
    password = os.environ.get(PASSWORD_ENV)
    try:
        return Store(engine=PostgresEngine(dsn, user=login, password=password))
    except StoreError as exc:
        if exc.code != "login_failed" or password is not None or not sys.stdin.isatty():
            raise
    password = ask_password(login)
    if password is None:
        raise StoreError("login_failed")
    return Store(engine=PostgresEngine(dsn, user=login, password=password))


def ask_password(login: str) -> str | None:
    import getpass

    try:
        return getpass.getpass(f"Password for {login} / {login}のパスワード: ")
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return None


def write(path: str, data: bytes) -> bool:
    """Write an output file owner-only, whole or not at all; False (after a message) if not."""
    from exportdesk.store import StoreError
    from exportdesk.store.files import write_bytes_private

    try:
        write_bytes_private(path, data)
    except StoreError as exc:
        refusal(exc)
        return False
    return True


PASSWORD_ENV = "EXPORTDESK_PASSWORD"
USER_ENV = "EXPORTDESK_USER"


def add_user_argument(p: argparse.ArgumentParser, text: str = "the user acting") -> None:
    p.add_argument(
        "--user",
        default=os.environ.get(USER_ENV),
        help=f"{text}; signs in with the password (asked for, or ${PASSWORD_ENV} in scripts);"
        f" default ${USER_ENV}",
    )


def acting_user(store: Any, login: str | None) -> Any:
    """Sign in as `login`: the one place a command finds the user it acts as.

    The password is asked for on the terminal, or read from EXPORTDESK_PASSWORD for
    scripts. Returns the User, or None after a message (no login, wrong password, locked).
    """
    from exportdesk.store import StoreError

    if not login:
        err(f"sign in with --user LOGIN (or set {USER_ENV})")
        return None
    password = os.environ.get(PASSWORD_ENV)
    if store.db.session_login() is not None:
        # Campus: the server checked the password when open_store connected as --user.
        password = ""
    if password is None:
        if not sys.stdin.isatty():
            err(f"a password is needed: run in a terminal, or set {PASSWORD_ENV} in scripts")
            return None
        password = ask_password(login)
        if password is None:
            return None
    try:
        return store.authenticate(login, password)
    except StoreError as exc:
        refusal(exc)
        return None
