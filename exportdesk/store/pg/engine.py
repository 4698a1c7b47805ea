"""The PostgreSQL engine: psycopg 3 behind the subset of sqlite-utils the store uses.

Each person connects as their own PostgreSQL role; every statement runs under that
role, so row-level security and the triggers and functions of schema.py decide what
it may read and change. Outside `atomic()` the connection is in autocommit, as
sqlite-utils' writes are; `atomic()` nests (SAVEPOINTs) like sqlite-utils' does.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from exportdesk.store import audit
from exportdesk.store.engine import TextSearch, like_pattern
from exportdesk.store.errors import StoreError
from exportdesk.store.notify import CaseWatch

SCHEMA = "exportdesk"
# What users.password_hash holds on a campus database: the password is the server's.
PASSWORD_MARK = "!postgresql"
# Tables whose rows have no `id` column: an insert returns no key.
NO_ID = frozenset(
    {"user_roles", "proxies", "eul_entities", "meta", "trusted_keys", "exchange_log"}
    | {"report_texts", "internal_audit_cases"}
)
_PLACEHOLDER = re.compile(r"\?|%|:([A-Za-z_]\w*)|'(?:[^']|'')*'")


def translate(statement: str) -> str:
    """`?` and `:name` placeholders to psycopg's `%s` / `%(name)s`; a literal % doubled.

    Text inside single quotes is left alone (a `?` in a string literal is not a
    placeholder); the store never puts a `?` or `:word` in an identifier.
    """

    def swap(match: re.Match[str]) -> str:
        text = match.group(0)
        if text == "?":
            return "%s"
        if text == "%":
            return "%%"
        if match.group(1):
            return f"%({match.group(1)})s"
        return text.replace("%", "%%")

    return _PLACEHOLDER.sub(swap, statement)


_URI_SCHEME = re.compile(r"postgres(?:ql)?://", re.I)
# key=value form: a keyword at the start or after white space; a value quoted ('…',
# backslash escapes, unterminated runs to the end) or up to white space (a backslash
# escapes the next character, even a space).
_KV_PASSWORD = re.compile(r"(?<!\S)(password\s*=\s*)('(?:\\.|[^'\\])*'?|(?:\\.|[^\s\\])+\\?)")
_PASSWORD_PARAM = re.compile(r"([?&])([^=&]*)=([^&]*)")


def redact(dsn: str) -> str:
    """The DSN (or a text quoting one) without its passwords, for messages and logs.

    Hides what libpq would take as the password. In a URI, libpq reads credentials only
    if an '@' comes before any '/': the user runs to the first ':', the password from
    there to that FIRST '@' ('?' and '#' are ordinary characters in it; an '@' of the
    password must be written %40, a raw one ends it). A `password=` query parameter
    (its name may be percent-encoded) and the key=value form's `password` are hidden too.
    """
    out: list[str] = []
    at = 0
    for scheme in _URI_SCHEME.finditer(dsn):
        if scheme.start() < at:
            continue  # inside the part already redacted
        out.append(dsn[at : scheme.end()])
        at = scheme.end()
        stop = re.compile(r"[@/]").search(dsn, at)
        if stop and stop.group() == "@":
            user, colon, _ = dsn[at : stop.start()].partition(":")
            out.append(user + (":***" if colon else "") + "@")
            at = stop.end()
        query = dsn.find("?", at)
        following = _URI_SCHEME.search(dsn, at)
        if query == -1 or (following and following.start() < query):
            continue
        out.append(dsn[at:query])
        rest = following.start() if following else len(dsn)
        out.append(_PASSWORD_PARAM.sub(_hide_param, dsn[query:rest]))
        at = rest
    out.append(dsn[at:])
    return _KV_PASSWORD.sub(r"\1***", "".join(out))


def _hide_param(match: re.Match[str]) -> str:
    hidden = unquote(match.group(2)).strip() == "password"
    return match.group(0) if not hidden else f"{match.group(1)}{match.group(2)}=***"


def _value(value: Any) -> Any:
    # The schema keeps SQLite's integer flags; psycopg would send a bool as boolean.
    return int(value) if isinstance(value, bool) else value


@dataclass
class _Inserted:
    last_pk: Any


class PgTable:
    def __init__(self, engine: PostgresEngine, name: str) -> None:
        self.engine = engine
        self.name = name

    def _insert_sql(self, columns: list[str], ignore: bool) -> sql.Composed:
        query = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
            sql.Identifier(self.name),
            sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.SQL(", ").join(sql.Placeholder() * len(columns)),
        )
        if ignore:
            query += sql.SQL(" ON CONFLICT DO NOTHING")
        if self.name not in NO_ID:
            query += sql.SQL(" RETURNING id")
        return query

    def insert(self, record: dict[str, Any], *, ignore: bool = False, **_: Any) -> _Inserted:
        columns = list(record)
        with self.engine.guard(write=True):
            cursor = self.engine.conn.execute(
                self._insert_sql(columns, ignore), [_value(record[c]) for c in columns]
            )
            row = cursor.fetchone() if self.name not in NO_ID else None
        return _Inserted(row[0] if row else None)

    def insert_all(self, records: Iterable[dict[str, Any]], **_: Any) -> None:
        rows = list(records)
        if not rows:
            return
        columns = list(rows[0])
        query = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
            sql.Identifier(self.name),
            sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.SQL(", ").join(sql.Placeholder() * len(columns)),
        )
        with self.engine.atomic(), self.engine.conn.cursor() as cursor:
            cursor.executemany(query, [[_value(r.get(c)) for c in columns] for r in rows])

    def update(self, pk: Any, updates: dict[str, Any]) -> None:
        if not updates:
            return
        columns = list(updates)
        query = sql.SQL("UPDATE {} SET {} WHERE id = %s").format(
            sql.Identifier(self.name),
            sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in columns),
        )
        with self.engine.guard(write=True):
            cursor = self.engine.conn.execute(query, [*(_value(updates[c]) for c in columns), pk])
        if cursor.rowcount == 0:
            # Not there, or not this role's to change (row-level security hides it).
            raise StoreError("not_found")


class PostgresEngine:
    """One connection to the campus database, as the signed-in person's own role."""

    name = "postgresql"
    IDLE_CHECK = 0.5  # seconds

    def __init__(
        self,
        dsn: str,
        *,
        role: str | None = None,
        user: str | None = None,
        password: str | None = None,
        connect_timeout: int = 10,
    ) -> None:
        """`role`: SET ROLE after connecting (the set-up tools act as the schema owner).

        `user`/`password`: the sign-in's own, over what the DSN says; without them the
        DSN, ~/.pgpass, PGPASSWORD or Kerberos give the credentials. They stay in this
        object's memory only (the notification connection signs in with them too)."""
        self.dsn = dsn
        self.location = redact(dsn)
        self.path = None
        self._credentials = {k: v for k, v in (("user", user), ("password", password)) if v}
        self._connect_timeout = connect_timeout
        self._role = role
        self._depth = 0  # open atomic() blocks: no reconnecting inside a transaction
        self._used = time.monotonic()
        self._conn = connect(dsn, connect_timeout=connect_timeout, **self._credentials)
        self._set_role()

    def _set_role(self) -> None:
        if self._role:
            self._conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(self._role)))

    # --- a lost connection (server restart, network drop) ---------------------------

    @property
    def conn(self) -> psycopg.Connection[Any]:
        """The live connection. Between transactions a connection found dead (the server
        said goodbye while the window sat idle) is replaced first, as the same person:
        nothing was sent on it, so nothing is retried. Inside a transaction it is never
        replaced: the statement fails and `guard` reports the loss. A connection known
        lost is replaced at once; the socket is read for a goodbye only after IDLE_CHECK
        seconds of quiet (the statements of one action follow one another closely, and
        a loss among them is reported by `guard` all the same)."""
        now = time.monotonic()
        if self._depth == 0 and (
            self._conn.closed
            or self._conn.broken
            or (now - self._used >= self.IDLE_CHECK and not self._alive())
        ):
            self._reconnect()
        self._used = now
        return self._conn

    def _alive(self) -> bool:
        conn = self._conn
        if conn.closed or conn.broken:
            return False
        try:
            # Reads what the server already sent without waiting (libpq's socket is
            # non-blocking): its FATAL goodbye on one read, the end of file on the next.
            for _ in range(2):
                conn.pgconn.consume_input()
        except psycopg.OperationalError:
            return False
        return conn.pgconn.status == psycopg.pq.ConnStatus.OK

    def _reconnect(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()
        try:
            self._conn = connect(
                self.dsn, connect_timeout=self._connect_timeout, **self._credentials
            )
        except StoreError as exc:
            if exc.code != "server_unreachable":
                raise  # the password was changed or the account disabled meanwhile
            raise StoreError("connection_lost", detail=exc.values.get("detail", "")) from None
        try:
            self._set_role()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError("connection_lost", detail=_detail(exc)) from None

    def _lost(self, exc: BaseException) -> bool:
        return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError) and (
            self._conn.closed or self._conn.broken
        )

    @contextlib.contextmanager
    def guard(self, *, write: bool) -> Iterator[None]:
        """The server's refusals and a lost connection as StoreErrors. `write`: the
        statement may change something, so a loss outside a transaction (autocommit)
        leaves unknown whether it was applied; inside one PostgreSQL rolls it back."""
        try:
            yield
        except psycopg.errors.InsufficientPrivilege as exc:
            raise StoreError("forbidden_by_server", detail=exc.diag.message_primary) from None
        except psycopg.errors.RaiseException as exc:
            raise StoreError("refused_by_server", detail=exc.diag.message_primary) from None
        except psycopg.Error as exc:
            if not self._lost(exc):
                raise
            code = "connection_lost_unsure" if write and self._depth == 0 else "connection_lost"
            raise StoreError(code, detail=_detail(exc)) from None

    def execute(self, statement: str, params: Any = ()) -> psycopg.Cursor[Any]:
        if isinstance(params, dict):
            params = {k: _value(v) for k, v in params.items()}
        else:
            params = [_value(v) for v in params]
        # A plain SELECT outside a transaction changes nothing (functions that write,
        # such as audit_append, are called inside the store's transactions).
        write = statement.lstrip()[:6].upper() != "SELECT"
        with self.guard(write=write):
            return self.conn.execute(translate(statement), params or None)  # type: ignore[arg-type]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        conn = self.conn  # reconnected here if need be, before the transaction begins
        committing = False
        try:
            with self.guard(write=False):
                self._depth += 1
                try:
                    with conn.transaction():
                        yield
                        committing = self._depth == 1
                finally:
                    self._depth -= 1
        except StoreError as exc:
            if committing and exc.code == "connection_lost":
                # Lost during COMMIT: the server may have applied it or not.
                raise StoreError("connection_lost_unsure", **exc.values) from None
            raise

    def __getitem__(self, table: str) -> PgTable:
        return PgTable(self, table)

    def close(self) -> None:
        self._conn.close()

    # --- what differs from SQLite ---------------------------------------------------

    def append_audit(self, entry: dict[str, Any]) -> int:
        """The server numbers, times, attributes and hashes the entry under a lock."""
        with self.guard(write=True):
            row = self.conn.execute(
                "SELECT audit_append(%s, %s, %s, %s, %s)",
                [
                    entry["action"],
                    entry["entity"],
                    str(entry["entity_id"]),
                    audit.canonical(entry["before"]),
                    audit.canonical(entry["after"]),
                ],
            ).fetchone()
        assert row is not None
        return int(row[0])

    def verify_audit(self) -> audit.VerifyResult:
        """The chain and its head, as audit.verify walks them on SQLite. Row seals and a
        signed head are the single PC's; here the server computes the chain itself."""
        problems: list[str] = []
        prev_hash, expected, count = audit.GENESIS, 1, 0
        with self.guard(write=False):
            cursor = self.conn.execute(
                "SELECT seq, at, user_id, user_login, action, entity, entity_id, before_json,"
                " after_json, state_json, prev_hash, hash FROM audit_log ORDER BY seq"
            )
            cols = [c[0] for c in cursor.description or []]
            for values in cursor:
                row = dict(zip(cols, values, strict=True))
                count += 1
                if row["seq"] != expected:
                    problems.append(f"entry {expected} is missing (next is {row['seq']})")
                if row["prev_hash"] != prev_hash:
                    problems.append(f"entry {row['seq']}: does not follow the previous entry")
                if audit.entry_hash(row["prev_hash"], row) != row["hash"]:
                    problems.append(f"entry {row['seq']}: content does not match its hash (edited)")
                prev_hash, expected = row["hash"], row["seq"] + 1
            head = self.conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
            if head is None:
                problems.append("the recorded head of the log is missing")
            elif list(json.loads(head[0])) != [expected - 1, prev_hash]:
                problems.append("the recorded head does not match the end of the log")
        return audit.VerifyResult(
            not problems,
            count,
            problems[: audit.MAX_PROBLEMS],
            (expected - 1, prev_hash) if count else None,
            "",
            ["campus database: the chain is computed by the server under a lock"],
        )

    def text_search(self, text: str) -> TextSearch:
        # search_cases (schema.py): a case-insensitive substring of ref, title or
        # counterpart, as FTS5's trigram tokenizer matches, through one pg_trgm index
        # (3+ characters; shorter text scans, as on SQLite), with the same visibility
        # as the cases' policy. It is the FROM item, not `id IN (…)`: see schema.py.
        return TextSearch("search_cases(?) AS c", [like_pattern(text)], "TRUE", [])

    def watch_cases(
        self, callback: Callable[[int], None], on_reconnect: Callable[[], None] | None = None
    ) -> CaseWatch:
        from exportdesk.store.pg.schema import NOTIFY_CHANNEL

        return CaseWatch(
            lambda: psycopg.connect(
                self.dsn,
                autocommit=True,
                connect_timeout=10,
                require_auth=auth_requirement(self.dsn, "password" in self._credentials),
                **self._credentials,
            ),
            NOTIFY_CHANNEL,
            callback,
            on_reconnect,
        )

    def session_login(self) -> str:
        with self.guard(write=False):
            row = self.conn.execute("SELECT session_user").fetchone()
        assert row is not None
        return str(row[0])

    # --- accounts: PostgreSQL roles, passwords kept by the server ----------------------

    def _verifier(self, login: str, password: str) -> str:
        # Hashed here (SCRAM-SHA-256 by libpq), so the password never reaches the
        # server's statement log.
        return self.conn.pgconn.encrypt_password(
            password.encode(), login.encode(), b"scram-sha-256"
        ).decode()

    def register_login(self, login: str, password: str, *, admin: bool) -> str:
        # create_login (pg/logins.py) checks that an administrator asks; the
        # administrators' group follows the user_roles rows (a trigger), so `admin`
        # needs nothing here.
        self._call("SELECT create_login(%s, %s)", [login, self._verifier(login, password)], login)
        return PASSWORD_MARK

    def set_login_password(self, login: str, password: str) -> str:
        verifier = self._verifier(login, password)
        if login == self.session_login():
            # Anyone may change their own role's password: the session's, not the
            # current role's (under SET ROLE exportdesk_owner that would be the owner's).
            self._call(sql.SQL("ALTER ROLE SESSION_USER PASSWORD {}").format(sql.Literal(verifier)))
        else:
            self._call("SELECT set_login_password(%s, %s)", [login, verifier], login)
        return PASSWORD_MARK

    def check_login_password(self, login: str, stored: str, password: str) -> bool:
        """The typed password, checked by a second connection as `login`: see
        check_password."""
        return check_password(self.dsn, login, password)

    def _call(self, statement: Any, params: Any = None, login: str = "") -> None:
        try:
            with self.guard(write=True):
                self.conn.execute(statement, params)
        except psycopg.errors.DuplicateObject:
            raise StoreError("duplicate_login", login=login) from None
        except psycopg.errors.InvalidParameterValue as exc:
            raise StoreError("refused_by_server", detail=exc.diag.message_primary) from None


# Authentication methods that never hand the password to the server: SCRAM proves it
# (and proves the server knows the verifier); GSSAPI/SSPI never use it.
_SAFE_AUTH = "scram-sha-256,gss,sspi"
# libpq's words for a server that would not check a password.
_NO_PASSWORD_CHECK = re.compile(r"GSSAPI|SSPI|did not complete authentication", re.I)


def _tls_to_every_host(dsn: str) -> bool:
    """sslmode=verify-full and only TCP hosts: libpq ignores sslmode on a Unix socket
    (a host starting with '/' or '@', or none: the default socket), so verify-full
    there protects nothing. A hostaddr entry means TCP whatever its host says."""
    try:
        params = conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return False  # a malformed address: psycopg.connect says why
    if params.get("sslmode") != "verify-full":
        return False
    hosts = str(params.get("host") or "").split(",")
    addrs = str(params.get("hostaddr") or "").split(",")
    for i in range(max(len(hosts), len(addrs))):
        host = hosts[i].strip() if i < len(hosts) else ""
        addr = addrs[i].strip() if i < len(addrs) else ""
        if not addr and (not host or host.startswith(("/", "@"))):
            return False
    return True


def auth_requirement(dsn: str, password_given: bool, *, checking: bool = False) -> str | None:
    """libpq's require_auth for `dsn`: what the server may ask for.

    A typed password goes only to SCRAM (or Kerberos, which ignores it): a server
    answering with a cleartext or MD5 request gets nothing. Cleartext (LDAP, RADIUS)
    is allowed only when the address says sslmode=verify-full and every host is a TCP
    host, so the password is sent inside TLS to the certified host. Without a typed
    password (the set-up tools: ~/.pgpass, peer or Kerberos) any method but cleartext
    and MD5. `checking`: a typed password is being checked, so only methods that check
    it (SCRAM, or cleartext as above); Kerberos would let any password pass."""
    verified = _tls_to_every_host(dsn)
    if checking:
        return "scram-sha-256" + (",password" if verified else "")
    if password_given:
        return _SAFE_AUTH + (",password" if verified else "")
    return None if verified else "!password,!md5"


def check_password(dsn: str, login: str, password: str) -> bool:
    """Whether the server accepts `password` for `login` at `dsn` (its other settings,
    such as sslmode, kept). Only the typed password counts: no ~/.pgpass
    (passfile=os.devnull), and an empty one is refused before libpq would fall back to
    PGPASSWORD or the address's own. A server that does not check passwords (Kerberos,
    trust) is `password_not_checked`, never a pass; one asking unsafely,
    `unsafe_authentication`."""
    if not password:
        return False
    try:
        connect(dsn, checking=True, user=login, password=password, passfile=os.devnull).close()
    except StoreError as exc:
        if exc.code in ("password_not_checked", "unsafe_authentication"):
            raise  # not a wrong password: the person is told what happened
        return False
    return True


# The server's words for a database it does not have, in English or Japanese messages.
_NO_DATABASE = re.compile(
    r'FATAL:\s+(?:database "([^"]*)" does not exist|データベース"([^"]*)"は存在しません)'
)


def connect(
    dsn: str, *, connect_timeout: int = 10, checking: bool = False, **credentials: str
) -> psycopg.Connection[Any]:
    """A connection to the campus database, or a StoreError a person can act on.

    The server answers a wrong password and an unknown login alike (SCRAM pretends to
    know every role), and so does this: both are `login_failed`, as is a deactivated
    (NOLOGIN) account, which only learns so after giving its password. Anything before
    authentication (no route, refused, timeout, no pg_hba.conf line) is
    `server_unreachable`, with libpq's text, which never holds the password. A server
    asking for the password in a way auth_requirement refuses is `unsafe_authentication`
    (nothing was sent); with `checking` (a typed password checked), one that would not
    check it (GSSAPI, SSPI, no authentication) is `password_not_checked`."""
    if psycopg.pq.version() < 160000:
        # require_auth is libpq 16's; without it a server could ask for the password
        # in cleartext.
        raise StoreError("libpq_too_old", version=psycopg.pq.version())
    try:
        return psycopg.connect(
            dsn,
            autocommit=True,
            connect_timeout=connect_timeout,
            options=f"-c search_path={SCHEMA}",
            application_name="ExportDesk",
            require_auth=auth_requirement(
                dsn, bool(credentials.get("password")), checking=checking
            ),
            **credentials,
        )
    except (psycopg.OperationalError, psycopg.ProgrammingError) as exc:
        if "authentication method requirement" in str(exc):
            if checking and _NO_PASSWORD_CHECK.search(str(exc)):
                raise StoreError("password_not_checked") from None
            raise StoreError("unsafe_authentication", detail=_without_password(str(exc))) from None
        pgconn = getattr(exc, "pgconn", None)
        missing = _NO_DATABASE.search(str(exc))
        if missing:
            # The server names a missing database only once the password was right (it
            # authenticates first): a mistyped address, not a wrong password.
            name = missing.group(1) or missing.group(2)
            raise StoreError("no_campus_database", name=name) from None
        if pgconn is not None and (pgconn.used_password or pgconn.needs_password):
            raise StoreError("login_failed") from None
        raise StoreError("server_unreachable", detail=_without_password(str(exc))) from None


def _detail(exc: BaseException) -> str:
    # psycopg's text of a lost connection names the server's reason, never a password.
    return _without_password(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def _without_password(text: str) -> str:
    # libpq's messages name host, port and user only; a DSN echoed back in an error
    # (a malformed one) is redacted all the same.
    return redact(text.strip()).replace("connection failed: ", "", 1)
