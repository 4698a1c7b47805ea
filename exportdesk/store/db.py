"""The database file: where it lives, how it is opened, and its schema migrations.

The schema version is SQLite's `user_version`. Opening a file runs every missing
migration in one transaction, after copying the file to a backup beside it.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exportdesk.portable import restrict_to_owner
from exportdesk.store.errors import StoreError


def default_db_path() -> Path:
    """`EXPORTDESK_DB`, else exportdesk.db in the user data directory."""
    from exportdesk.store.db_location import default_file

    env = os.environ.get("EXPORTDESK_DB")
    return Path(env) if env else default_file()


# --- migrations ----------------------------------------------------------------

V1 = """
CREATE TABLE institution (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name_ja TEXT NOT NULL, name_en TEXT NOT NULL,
    icp_format TEXT NOT NULL CHECK (icp_format IN ('small', 'large')),
    office_name_ja TEXT NOT NULL, office_name_en TEXT NOT NULL,
    office_email TEXT NOT NULL DEFAULT '',
    retention_years INTEGER NOT NULL DEFAULT 7 CHECK (retention_years >= 1),
    forms_dir TEXT,
    profile_json TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_ja TEXT NOT NULL, name_en TEXT NOT NULL
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    department_id INTEGER REFERENCES departments(id),
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    language TEXT NOT NULL DEFAULT 'ja',
    created_at TEXT NOT NULL
);
CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('applicant', 'proxy', 'dept_manager', 'office',
                                       'chief_manager', 'admin')),
    department_id INTEGER REFERENCES departments(id),
    UNIQUE (user_id, role, department_id)
);
CREATE TABLE proxies (
    proxy_id INTEGER NOT NULL REFERENCES users(id),
    applicant_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (proxy_id, applicant_id)
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    family_name TEXT NOT NULL, given_name TEXT NOT NULL DEFAULT '',
    name_native TEXT NOT NULL DEFAULT '',
    nationality TEXT NOT NULL,
    birth_date TEXT, entry_date TEXT,
    employed_in_japan INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT '',
    funding TEXT NOT NULL DEFAULT '',
    department_id INTEGER REFERENCES departments(id),
    host_user_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE declarations (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    declared_on TEXT NOT NULL,
    category_1 INTEGER NOT NULL, category_2 INTEGER NOT NULL, category_3 INTEGER NOT NULL,
    pledge_signed INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    applicant_id INTEGER NOT NULL REFERENCES users(id),
    filed_by_id INTEGER NOT NULL REFERENCES users(id),
    department_id INTEGER REFERENCES departments(id),
    person_id INTEGER REFERENCES people(id),
    activity TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    counterpart_name TEXT NOT NULL DEFAULT '',
    counterpart_country TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    round INTEGER NOT NULL DEFAULT 1,
    answers_json TEXT NOT NULL DEFAULT '{}',
    facts_json TEXT,
    determination_json TEXT,
    outcome TEXT,
    forms_version TEXT NOT NULL,
    review_json TEXT NOT NULL DEFAULT '{}',
    decision TEXT, decision_reasons TEXT, decision_conditions TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    submitted_at TEXT, decided_at TEXT, closed_at TEXT,
    revision INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE approvals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    round INTEGER NOT NULL,
    step TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('approve', 'return')),
    comment TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    round INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('question', 'answer', 'comment')),
    body TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    filename TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users(id),
    at TEXT NOT NULL
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER,
    user_login TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX cases_applicant ON cases(applicant_id);
CREATE INDEX cases_filed_by ON cases(filed_by_id);
CREATE INDEX approvals_case ON approvals(case_id, round);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
"""

# Version 2: text search over cases, listing indexes, and the re-check flag on people
# (a change of status opens a re-check).
V2 = """
CREATE VIRTUAL TABLE cases_fts USING fts5(
    ref, title, counterpart_name, content='cases', content_rowid='id', tokenize='trigram'
);
INSERT INTO cases_fts(rowid, ref, title, counterpart_name)
    SELECT id, ref, title, counterpart_name FROM cases;
CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts(rowid, ref, title, counterpart_name)
    VALUES (new.id, new.ref, new.title, new.counterpart_name);
END;
CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, ref, title, counterpart_name)
    VALUES ('delete', old.id, old.ref, old.title, old.counterpart_name);
END;
CREATE TRIGGER cases_fts_au AFTER UPDATE OF ref, title, counterpart_name ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, ref, title, counterpart_name)
    VALUES ('delete', old.id, old.ref, old.title, old.counterpart_name);
    INSERT INTO cases_fts(rowid, ref, title, counterpart_name)
    VALUES (new.id, new.ref, new.title, new.counterpart_name);
END;
CREATE INDEX cases_status_dept_updated ON cases(status, department_id, updated_at DESC);
CREATE INDEX cases_updated ON cases(updated_at DESC);
ALTER TABLE people ADD COLUMN needs_recheck INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN recheck_reason TEXT NOT NULL DEFAULT '';
"""

# Version 3: End User List versions and entities, and the office's known-good counterparts.
V3 = """
CREATE TABLE eul_versions (
    id INTEGER PRIMARY KEY,
    effective_date TEXT NOT NULL,
    source_name TEXT NOT NULL,
    source_format TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    entity_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by INTEGER REFERENCES users(id)
);
CREATE TABLE eul_entities (
    version_id INTEGER NOT NULL REFERENCES eul_versions(id),
    no INTEGER NOT NULL,
    country_code TEXT NOT NULL, country_ja TEXT NOT NULL, country_en TEXT NOT NULL,
    name_en TEXT NOT NULL, name_original TEXT NOT NULL,
    aliases_json TEXT NOT NULL, concerns TEXT NOT NULL, conventional_weapons INTEGER NOT NULL,
    PRIMARY KEY (version_id, no)
);
CREATE TABLE known_good (
    id INTEGER PRIMARY KEY,
    name_norm TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    entity_no INTEGER NOT NULL,
    note TEXT NOT NULL,
    added_by INTEGER REFERENCES users(id),
    added_at TEXT NOT NULL,
    UNIQUE (name_norm, country, entity_no)
);
"""

# Version 4: case and decision files between installations (exchange ids, trusted keys).
V4 = """
ALTER TABLE institution ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE institution ADD COLUMN office_public_key TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN exchange_id TEXT;
CREATE UNIQUE INDEX cases_exchange_id ON cases(exchange_id) WHERE exchange_id IS NOT NULL;
CREATE TABLE trusted_keys (
    login TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    trusted_by INTEGER REFERENCES users(id)
);
CREATE TABLE exchange_log (
    sha256 TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    case_id INTEGER,
    sender TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
"""

# Version 5: case files verified rather than believed. An exchange id is bound to the key
# that created it; a member installation (set up from the office's institution file)
# numbers its cases with its own prefix so that a case keeps one reference everywhere;
# a case written for the office records when it was sent.
V5 = """
ALTER TABLE cases ADD COLUMN exchange_key TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN sent_at TEXT;
ALTER TABLE institution ADD COLUMN member INTEGER NOT NULL DEFAULT 0;
ALTER TABLE institution ADD COLUMN ref_prefix TEXT NOT NULL DEFAULT '';
"""

# Version 6: what the office's queue shows at a glance: the planned date of each case,
# and the applicant's job title (教授, 准教授, ...).
V6 = """
ALTER TABLE cases ADD COLUMN planned_date TEXT NOT NULL DEFAULT '';
UPDATE cases SET planned_date = COALESCE(json_extract(answers_json, '$.planned_date'), '')
    WHERE json_valid(answers_json);
ALTER TABLE users ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_planned ON cases(planned_date);
"""

# Version 7: several screening lists (End User List, export-ban lists), each versioned;
# entity addresses; resolutions and known-good names per list.
V7 = """
ALTER TABLE eul_versions ADD COLUMN list_kind TEXT NOT NULL DEFAULT 'eul';
ALTER TABLE eul_versions ADD COLUMN notice TEXT NOT NULL DEFAULT '';
ALTER TABLE eul_versions ADD COLUMN last_updated TEXT NOT NULL DEFAULT '';
CREATE INDEX eul_versions_kind ON eul_versions(list_kind, effective_date);
ALTER TABLE eul_entities ADD COLUMN address TEXT NOT NULL DEFAULT '';
CREATE TABLE known_good_v6 (
    id INTEGER PRIMARY KEY,
    list_kind TEXT NOT NULL DEFAULT 'eul',
    name_norm TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    entity_no INTEGER NOT NULL,
    note TEXT NOT NULL,
    added_by INTEGER REFERENCES users(id),
    added_at TEXT NOT NULL,
    UNIQUE (list_kind, name_norm, country, entity_no)
);
INSERT INTO known_good_v6 (id, name_norm, country, entity_no, note, added_by, added_at)
    SELECT id, name_norm, country, entity_no, note, added_by, added_at FROM known_good;
DROP TABLE known_good;
ALTER TABLE known_good_v6 RENAME TO known_good;
"""

# Version 8: people over time: identifiers from the student or personnel system, the
# period of stay, status history, pledges and declarations with their states and signed
# scans, re-checks as records of their own (a person's, or a person's on one case), training.
# The person's row also carries a summary of their latest declaration and their pledges'
# states, kept by the store in the same transaction, so that the People screen lists
# 10,000 people from one table.
V8 = """
ALTER TABLE people ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN supervisor TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN stay_until TEXT;
ALTER TABLE people ADD COLUMN foreign_contracts TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN created_by INTEGER REFERENCES users(id);
CREATE INDEX people_external_id ON people(external_id);
CREATE INDEX people_department ON people(department_id);
CREATE INDEX people_host ON people(host_user_id);
CREATE TABLE person_status_history (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    status TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX person_status_history_person ON person_status_history(person_id);
CREATE TABLE person_scans (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    filename TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users(id),
    at TEXT NOT NULL
);
ALTER TABLE declarations ADD COLUMN state TEXT NOT NULL DEFAULT 'received'
    CHECK (state IN ('requested', 'received', 'checked'));
ALTER TABLE declarations ADD COLUMN resident INTEGER;
ALTER TABLE declarations ADD COLUMN facts_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE declarations ADD COLUMN scan_id INTEGER REFERENCES person_scans(id);
ALTER TABLE declarations ADD COLUMN checked_by INTEGER REFERENCES users(id);
ALTER TABLE declarations ADD COLUMN checked_at TEXT;
CREATE INDEX declarations_person ON declarations(person_id, declared_on);
CREATE TABLE pledges (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'change')),
    state TEXT NOT NULL CHECK (state IN ('requested', 'received', 'checked')),
    due_on TEXT,
    requested_at TEXT NOT NULL, requested_by INTEGER REFERENCES users(id),
    received_at TEXT, received_by INTEGER REFERENCES users(id),
    checked_at TEXT, checked_by INTEGER REFERENCES users(id),
    scan_id INTEGER REFERENCES person_scans(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pledges_person ON pledges(person_id, kind);
CREATE TABLE rechecks (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    case_id INTEGER REFERENCES cases(id),
    reason TEXT NOT NULL,
    opened_at TEXT NOT NULL, opened_by INTEGER REFERENCES users(id),
    closed_at TEXT, closed_by INTEGER REFERENCES users(id)
);
CREATE INDEX rechecks_open ON rechecks(person_id) WHERE closed_at IS NULL;
CREATE TABLE training (
    id INTEGER PRIMARY KEY,
    person_id INTEGER REFERENCES people(id),
    user_id INTEGER REFERENCES users(id),
    course TEXT NOT NULL,
    taken_on TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    CHECK (person_id IS NOT NULL OR user_id IS NOT NULL)
);
CREATE INDEX training_person ON training(person_id);
CREATE INDEX training_user ON training(user_id);
INSERT INTO rechecks (person_id, reason, opened_at)
    SELECT id, recheck_reason, updated_at FROM people WHERE needs_recheck = 1;
ALTER TABLE people ADD COLUMN declared_on TEXT;
ALTER TABLE people ADD COLUMN category_bits INTEGER;
ALTER TABLE people ADD COLUMN pledge_states TEXT NOT NULL DEFAULT '';
UPDATE people SET
    declared_on = (SELECT x.declared_on FROM declarations x WHERE x.person_id = people.id
                   ORDER BY x.declared_on DESC, x.id DESC LIMIT 1),
    category_bits = (SELECT x.category_1 + x.category_2 * 2 + x.category_3 * 4
                     FROM declarations x WHERE x.person_id = people.id
                     ORDER BY x.declared_on DESC, x.id DESC LIMIT 1);
"""

# Version 9: statistics by filing date, report texts the office edits, the yearly
# internal audit (sample, per-case checks, findings and corrective actions).
V9 = """
CREATE INDEX cases_stats ON cases(submitted_at, department_id, activity, outcome, decision,
                                  counterpart_country, decided_at);
CREATE INDEX cases_eul ON cases(submitted_at)
    WHERE review_json LIKE '%"hits"%' AND review_json NOT LIKE '%"hits": []%';
CREATE TABLE report_texts (
    year INTEGER NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('ja', 'en')),
    section TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (year, lang, section)
);
CREATE TABLE internal_audits (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL UNIQUE,
    period_start TEXT NOT NULL, period_end TEXT NOT NULL,
    seed TEXT NOT NULL,
    per_department INTEGER NOT NULL,
    population_json TEXT NOT NULL,
    icp_format TEXT NOT NULL,
    checklist_json TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    summary TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, closed_at TEXT
);
CREATE TABLE internal_audit_cases (
    audit_id INTEGER NOT NULL REFERENCES internal_audits(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    department_id INTEGER,
    evidence_json TEXT NOT NULL,
    checks_json TEXT NOT NULL DEFAULT '{}',
    note TEXT NOT NULL DEFAULT '',
    checked_by INTEGER REFERENCES users(id),
    checked_at TEXT,
    PRIMARY KEY (audit_id, case_id)
);
CREATE TABLE internal_audit_findings (
    id INTEGER PRIMARY KEY,
    audit_id INTEGER NOT NULL REFERENCES internal_audits(id),
    case_id INTEGER REFERENCES cases(id),
    standard_id TEXT,
    severity TEXT NOT NULL CHECK (severity IN ('major', 'minor', 'observation')),
    finding TEXT NOT NULL,
    action TEXT NOT NULL DEFAULT '',
    owner_id INTEGER REFERENCES users(id),
    due_date TEXT,
    done_at TEXT,
    done_note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
"""


# Version 10: audit entries seal the rows they changed (see store/seals.py); indexes for
# sealing a case's, person's or user's rows without a table scan.
V10 = """
ALTER TABLE audit_log ADD COLUMN state_json TEXT;
CREATE INDEX IF NOT EXISTS messages_case ON messages(case_id);
CREATE INDEX IF NOT EXISTS attachments_case ON attachments(case_id);
CREATE INDEX IF NOT EXISTS user_roles_user ON user_roles(user_id);
CREATE INDEX IF NOT EXISTS known_good_entity ON known_good(entity_no);
"""

# Version 11: nothing here. PostgreSQL keeps the searched text lowered in a column of its
# own (store/pg/schema.py V11); the FTS5 table already is that copy on SQLite.
V11 = """
"""

# Version 12: a period of stay has a start as well as an end (a visiting researcher
# planned from April to September, not yet entered).
V12 = """
ALTER TABLE people ADD COLUMN stay_from TEXT;
"""

MIGRATIONS: list[str] = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12]
SEALS_FROM = 10  # the first schema whose audit entries carry seals
LATEST = len(MIGRATIONS)


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; run statement by statement inside our transaction.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _backup(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.v{version}.{stamp}.bak")
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    restrict_to_owner(target)
    return target


def _seal_baseline(db: sqlite_utils.Database, key: Ed25519PrivateKey | None) -> None:
    """A database from before seals: record what every row holds now, so later edits show."""
    from exportdesk.store import audit, seals

    if (
        db.execute("SELECT count(*) FROM institution").fetchone()[0] == 0
        and not (db.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    ):
        return  # nothing recorded yet: nothing to seal
    audit.append(
        db,
        at=iso(utc_now()),
        user_id=None,
        user_login="",
        action="seal_baseline",
        entity="database",
        state=seals.whole_database(db),
        key=key,
    )


def migrate(
    db: sqlite_utils.Database,
    path: Path | None,
    upto: int = LATEST,
    key: Ed25519PrivateKey | None = None,
) -> int:
    """Bring the schema to `upto`; returns the version found before migrating.

    `key`: the installation's key, to sign the head when the migration adds seals."""
    found = db.execute("PRAGMA user_version").fetchone()[0]
    if found > LATEST:
        raise StoreError("schema_newer", found=found, known=LATEST)
    if found >= upto:
        return found
    if found > 0 and path is not None:
        _backup(db, path, found)
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(found + 1, upto + 1):
            _execute_script(conn, MIGRATIONS[version - 1])
            conn.execute(f"PRAGMA user_version = {version}")
            if version == SEALS_FROM and found > 0:
                _seal_baseline(db, key)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _create_private(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


class Database(sqlite_utils.Database):
    """sqlite-utils' database whose transactions start as writers.

    A deferred BEGIN that reads before it writes cannot wait for another writer: it fails
    at once with "database is locked", whatever the busy timeout. BEGIN IMMEDIATE takes the
    write lock first and waits for it with the busy timeout.
    """

    # Called before COMMIT when rows were written that no audit entry has sealed yet.
    seal_hook: Callable[[], None] | None = None

    def __init__(self, conn: sqlite3.Connection, **kwargs: Any) -> None:
        from exportdesk.store.folding import fold_case

        super().__init__(conn, **kwargs)
        # What PostgreSQL's lower() does for every letter, for searches (store/folding.py).
        conn.create_function("fold_case", 1, fold_case, deterministic=True)

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise storage_error(exc, self.path) from None
        try:
            yield self
            if self.seal_hook is not None:
                self.seal_hook()
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            # A full disk or a file made read-only under us: nothing is kept, clearly said.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise storage_error(exc, self.path) from None
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @property
    def path(self) -> str:
        row = self.conn.execute("PRAGMA database_list").fetchone()
        return str(row[2]) if row else ""


BUSY_TIMEOUT_MS = 30_000


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(16)
    return head in (b"", b"SQLite format 3\x00")


def connect(path: Path | str, *, create: bool = True) -> Database:
    """Open (and create, owner-only) a database file without touching its schema.

    `create=False` for reading: a mistyped path is an error, not a new empty database.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise StoreError("no_database", path=str(path))
        try:
            _create_private(path)
        except OSError as exc:
            raise StoreError("cannot_write", path=str(path), reason=exc.strerror or exc) from None
    elif path.is_dir():
        raise StoreError("not_a_database", path=str(path))
    try:
        if not _is_sqlite(path):
            raise StoreError("not_a_database", path=str(path))
    except OSError as exc:
        raise StoreError("cannot_read", path=str(path), reason=exc.strerror or exc) from None
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: an acknowledged commit survives a power cut, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if not create:
            # Reading a file on a read-only medium (a CD, a locked share) still works.
            read_only = _connect_read_only(path)
            if read_only is not None:
                return read_only
        raise storage_error(exc, path) from None
    except sqlite3.DatabaseError:
        conn.close()
        raise StoreError("not_a_database", path=str(path)) from None
    return Database(conn)


def _connect_read_only(path: Path) -> Database | None:
    # immutable=1: SQLite neither locks nor looks for a journal, which a read-only medium
    # could not hold anyway; nothing can change the file there.
    for query in ("mode=ro", "immutable=1"):
        uri = f"{path.resolve().as_uri()}?{query}"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError:
            continue
        return Database(conn)
    return None


def storage_error(exc: sqlite3.Error, path: Path | str) -> StoreError:
    """A clear message for the storage failures a user meets: read-only, full disk, locked."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError("read_only", path=str(path))
    if "full" in text or "disk i/o" in text:
        return StoreError("disk_full", path=str(path))
    if "locked" in text or "busy" in text:
        return StoreError("busy", path=str(path))
    return StoreError("storage", path=str(path), reason=str(exc))


def open_database(
    path: Path | str,
    upto: int = LATEST,
    key: Ed25519PrivateKey | None = None,
    *,
    create: bool = True,
) -> Database:
    db = connect(path, create=create)
    try:
        migrate(db, Path(path), upto, key)
    except sqlite3.OperationalError as exc:
        db.close()
        raise storage_error(exc, path) from None
    from exportdesk.store import seals

    seals.install(db)
    return db


Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
