"""The engine interface: the few calls the store makes on a database, for two engines.

The store writes plain SQL with `?` placeholders and uses a small subset of
sqlite-utils' API: `execute`, `atomic()`, and `db[table].insert/insert_all/update`.
SQLite runs through sqlite-utils itself; PostgreSQL runs through psycopg 3 behind
the same subset (exportdesk.store.pg). What differs between the engines (text
search, the audit chain, live notifications) is a method of the engine, so that
the rules in the store never ask which engine they run on. docs/campus.md says
why this and not an ORM or SQLAlchemy Core.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import sqlite_utils

from exportdesk.store import audit, keys, seals
from exportdesk.store.db import default_db_path, iso, open_database, utc_now
from exportdesk.store.errors import StoreError
from exportdesk.store.users import check_password, hash_password


class Cursor(Protocol):
    description: Any

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Inserted(Protocol):
    last_pk: Any


class Table(Protocol):
    def insert(self, record: dict[str, Any], *, ignore: bool = False) -> Inserted: ...
    def insert_all(self, records: Iterable[dict[str, Any]], **kw: Any) -> Any: ...
    def update(self, pk: Any, updates: dict[str, Any]) -> Any: ...


class TextSearch(NamedTuple):
    """How an engine finds cases by text: the FROM item named `c` (in place of `cases c`)
    and a WHERE clause on it, each with its own parameters."""

    source: str
    source_params: list[Any]
    clause: str
    clause_params: list[Any]


class Engine(Protocol):
    """What the store needs from a database (SQLite file or PostgreSQL server)."""

    name: str  # "sqlite" or "postgresql"
    location: str  # a file path or a DSN without its password

    def execute(self, sql: str, params: Any = ()) -> Cursor: ...
    def atomic(self) -> contextlib.AbstractContextManager[Any]: ...
    def __getitem__(self, table: str) -> Table: ...
    def close(self) -> None: ...

    def append_audit(self, entry: dict[str, Any]) -> int:
        """Add one audit entry inside the current transaction; returns its seq."""
        ...

    def verify_audit(self) -> audit.VerifyResult: ...

    def text_search(self, text: str) -> TextSearch:
        """Cases matching `text` in ref, title or counterpart."""
        ...

    def register_login(self, login: str, password: str, *, admin: bool) -> str:
        """Make `login` able to sign in; returns what users.password_hash keeps."""
        ...

    def session_login(self) -> str | None:
        """The account the database itself authenticated (None: the store signs in)."""
        ...

    def set_login_password(self, login: str, password: str) -> str:
        """Change a password; returns what users.password_hash keeps."""
        ...

    def check_login_password(self, login: str, stored: str, password: str) -> bool: ...

    def watch_cases(
        self, callback: Callable[[int], None], on_reconnect: Callable[[], None] | None = None
    ) -> Any:
        """Call back with a case's id whenever another client changes it, `on_reconnect`
        once the watch is connected again after a loss (None: no watch)."""
        ...


def case_spellings(text: str) -> list[str]:
    """A short text in each of its letters' cases, for SQLite's LIKE, which ignores case
    for ASCII letters only; FTS5's trigrams and PostgreSQL's lower() fold the others too
    (Ü, Ｌ), and a search must find the same cases on both engines."""
    spellings = [""]
    for ch in text:
        forms = {ch} if ch.isascii() else {ch, ch.lower(), ch.upper()}
        spellings = [s + f for s in spellings for f in sorted(forms) if len(f) == 1]
    return spellings


def like_pattern(text: str) -> str:
    """`%text%` for LIKE … ESCAPE '\\', with the user's % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SQLiteEngine:
    """One SQLite file through sqlite-utils (the single-PC default)."""

    name = "sqlite"

    def __init__(
        self, path: Path | str, *, key_dir: Path | str | None = None, create: bool = True
    ) -> None:
        """`key_dir`: the installation's key folder (default EXPORTDESK_KEYS), which signs
        the audit chain's head; `create=False`: an existing file only (read commands)."""
        self.path = Path(path)
        self.location = str(self.path)
        self.key_dir = Path(key_dir) if key_dir else keys.default_key_dir()
        self.signing_key = keys.load_or_create_key(self.key_dir)
        self.raw: sqlite_utils.Database = open_database(
            self.path, key=self.signing_key, create=create
        )
        self.raw.seal_hook = self._seal_pending  # type: ignore[attr-defined]

    def _seal_pending(self) -> None:
        """Rows written without an audit entry of their own (bookkeeping such as a new
        screening date) are sealed by one plain entry before the transaction commits."""
        if seals.pending(self):
            audit.append(
                self,
                at=iso(utc_now()),
                user_id=None,
                user_login="",
                action="record",
                entity="database",
                state=seals.flush(self),
                key=self.signing_key,
            )

    @property
    def conn(self) -> Any:
        return self.raw.conn

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.raw.execute(sql, params)

    def atomic(self) -> contextlib.AbstractContextManager[Any]:
        return self.raw.atomic()

    def __getitem__(self, table: str) -> Any:
        return self.raw[table]

    def close(self) -> None:
        # Rows written outside a transaction and not yet sealed are sealed before closing.
        if seals.pending(self):
            with self.atomic():
                pass  # the commit hook seals them
        self.raw.close()

    def append_audit(self, entry: dict[str, Any]) -> int:
        # The entry seals every row this connection wrote since the last one, and the new
        # head is signed (store/seals.py, docs/threat-model.md).
        return audit.append(self, **entry, state=seals.flush(self), key=self.signing_key)

    def verify_audit(self) -> audit.VerifyResult:
        """The chain, every record's seal and the head's signature by this installation."""
        return audit.verify(self, keys.public_key_text(self.signing_key))

    def signed_head(self) -> dict[str, Any]:
        """The signed head as it stands, remembered as given out (see StoreCore.signed_head)."""
        try:
            head = audit.signed_head(self)
        except ValueError:
            head = None
        if head is None:
            raise StoreError("audit_unsigned")
        with self.atomic():
            audit.note_issued(self, head)
        return head

    def text_search(self, text: str) -> TextSearch:
        if len(text) >= 3:
            # The trigram index needs 3+ characters; quote to keep FTS syntax out.
            phrase = '"' + text.replace('"', '""') + '"'
            return TextSearch(
                "cases c",
                [],
                "c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)",
                [phrase],
            )
        likes = [like_pattern(spelling) for spelling in case_spellings(text)]
        column = "c.{} LIKE ? ESCAPE '\\'"
        return TextSearch(
            "cases c",
            [],
            "("
            + " OR ".join(
                column.format(name) for _ in likes for name in ("title", "counterpart_name", "ref")
            )
            + ")",
            [like for like in likes for _ in range(3)],
        )

    def register_login(self, login: str, password: str, *, admin: bool) -> str:
        return hash_password(password)

    def session_login(self) -> str | None:
        return None

    def set_login_password(self, login: str, password: str) -> str:
        return hash_password(password)

    def check_login_password(self, login: str, stored: str, password: str) -> bool:
        return check_password(stored, password)

    def watch_cases(
        self, callback: Callable[[int], None], on_reconnect: Callable[[], None] | None = None
    ) -> None:
        return None  # one file, one writer's window: nothing to hear from


def is_dsn(target: str | Path | None) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def open_engine(
    target: Path | str | None = None,
    *,
    key_dir: Path | str | None = None,
    create: bool = True,
) -> Engine:
    """A PostgreSQL DSN opens the campus database; anything else is a SQLite file.

    No target: `EXPORTDESK_DB`, else the file in the user data directory.
    """
    if target is None:
        env = os.environ.get("EXPORTDESK_DB")
        target = env if env else default_db_path()
    if is_dsn(target):
        from exportdesk.store.pg.engine import PostgresEngine

        return PostgresEngine(str(target))
    return SQLiteEngine(target, key_dir=key_dir, create=create)
