"""What every command shares: exit codes, messages, the forms, the database, output files,
and the one place where a command finds the user it acts as."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_BAD_INPUT = 2


def err(message: str) -> None:
    print(f"exportdesk: error: {message}", file=sys.stderr)


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


def open_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from exportdesk.store import Store

    path = db_path(args)
    if not path.exists():
        err(f"no database at {path}")
        return None
    return Store(path)


def write(path: str, data: bytes) -> None:
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(target)


def acting_user(store: Any, login: str) -> Any:
    """The signed-in user a command acts as, or None (after a message) if there is none."""
    user = store.user_by_login(login)
    if user is None:
        err(f"no user '{login}' in this installation")
    return user
