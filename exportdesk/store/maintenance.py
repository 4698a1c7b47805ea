"""Looking after the database file: backups, restores, and checking the audit chain
against heads that files given out carry."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from exportdesk.store import audit, keys
from exportdesk.store.db import LATEST, connect, iso, migrate, utc_now
from exportdesk.store.errors import StoreError
from exportdesk.store.files import PRIVATE, os_error, temporary_beside

# --- backups ------------------------------------------------------------------------------


def backup_to(db: sqlite_utils.Database, target: Path | str) -> Path:
    """A consistent copy of the open database, owner-only, whole or not at all."""
    target = Path(target)
    tmp = temporary_beside(target)
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE))
        dest = sqlite3.connect(tmp)
        try:
            db.conn.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise os_error(exc, target) from None
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        if "full" in str(exc).lower():
            raise StoreError("disk_full", path=str(target)) from None
        raise StoreError("cannot_write", path=str(target), reason=str(exc)) from None
    finally:
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return target


# --- heads carried by files ---------------------------------------------------------------

HEAD_FIELDS = {"installation", "seq", "hash", "public_key", "signature"}


def _heads_in_json(value: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        if set(value) >= HEAD_FIELDS:
            found.append(value)
        else:
            for item in value.values():
                found += _heads_in_json(item)
    elif isinstance(value, list):
        for item in value:
            found += _heads_in_json(item)
    return found


def _heads_in_text(text: str) -> list[dict[str, Any]]:
    try:
        return _heads_in_json(json.loads(text))
    except ValueError:
        pass
    found: list[dict[str, Any]] = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell.startswith("{"):
                try:
                    found += _heads_in_json(json.loads(cell))
                except ValueError:
                    continue
    return found


def _heads_in_zip(data: bytes) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if "xl/workbook.xml" in names:
            from openpyxl import load_workbook

            workbook = load_workbook(io.BytesIO(data), read_only=True)
            for sheet in workbook.worksheets:
                for row in sheet.iter_rows(values_only=True):
                    for cell in row:
                        if isinstance(cell, str) and cell.startswith("{"):
                            found += _heads_in_text(cell)
            workbook.close()
            return found
        for info in archive.infolist():
            # Only small JSON members: a head sits in a manifest or a record, never in bulk.
            if info.filename.endswith(".json") and info.file_size <= 16 * 1024 * 1024:
                try:
                    found += _heads_in_json(json.loads(archive.read(info)))
                except ValueError:
                    continue
    return found


def _heads_in_pdf(path: Path) -> list[dict[str, Any]]:
    import pdfplumber

    found: list[dict[str, Any]] = []
    with pdfplumber.open(path) as pdf:
        metadata = dict(pdf.metadata or {})
    for value in metadata.values():
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str) and "{" in value:
            found += _heads_in_text(value[value.index("{") :])
    return found


def heads_in_file(path: Path | str) -> list[dict[str, Any]]:
    """The signed audit heads a case file, decision file, export or printed sheet holds."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError("cannot_read", path=str(path), reason=exc.strerror or exc) from None
    try:
        if data.startswith(b"PK"):
            return _heads_in_zip(data)
        if data.startswith(b"%PDF"):
            return _heads_in_pdf(path)
        return _heads_in_text(data.decode("utf-8-sig"))
    except (zipfile.BadZipFile, UnicodeDecodeError, ValueError, KeyError, OSError):
        return []


def check_against(
    db: sqlite_utils.Database, files: list[Path | str], public_key: str | None
) -> tuple[list[str], list[str]]:
    """Compare the chain with the heads the files hold: (problems, notes)."""
    heads: list[tuple[str, dict[str, Any]]] = []
    notes: list[str] = []
    for name in files:
        found = heads_in_file(name)
        if not found:
            notes.append(f"{name}: holds no audit head")
        heads += [(str(name), head) for head in found]
    problems, more = audit.check_heads(db, heads, public_key)
    return problems, notes + more


# --- restore --------------------------------------------------------------------------------


@dataclass
class RestoreReport:
    restored: bool
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    safety_copy: Path | None = None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _head(db: sqlite_utils.Database) -> tuple[int, str] | None:
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def restore(
    path: Path | str,
    source: Path | str,
    *,
    key_dir: Path | str | None = None,
    force: bool = False,
    actor_login: str = "",
    actor_id: int | None = None,
) -> RestoreReport:
    """Replace the database at `path` with the copy `source`, after checking the copy.

    The copy is verified first (chain, seals, signature by this installation's key); one
    that does not verify is refused unless `force`. A copy older than heads already given
    out is restored with a warning: files that carry those heads will no longer match.
    The restore itself is the first entry written on top of the restored chain.
    """
    path, source = Path(path), Path(source)
    if not source.is_file():
        raise StoreError("no_database", path=str(source))
    key = keys.load_or_create_key(key_dir)
    public_key = keys.public_key_text(key)
    # Check a private copy: the file cannot change between the check and the restore.
    staged = temporary_beside(path.with_name(path.name + ".restore"))
    try:
        os.close(os.open(staged, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE))
        with source.open("rb") as src, staged.open("wb") as dst:
            while block := src.read(1 << 20):
                dst.write(block)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise os_error(exc, staged) from None
    copy = None
    current = None
    try:
        copy = connect(staged, create=False)
        version = copy.execute("PRAGMA user_version").fetchone()[0]
        if version < 1 or "cases" not in copy.table_names():
            raise StoreError("not_a_database", path=str(source))
        if version > LATEST:
            raise StoreError("schema_newer", found=version, known=LATEST)
        report = RestoreReport(False)
        result = audit.verify(copy, public_key)
        report.problems = result.problems
        if result.problems and not force:
            return report
        current = connect(path)
        migrate(current, path, key=key)
        copy_head = _head(copy)
        issued = audit.issued(current)
        current_head = _head(current)
        copy_seq = copy_head[0] if copy_head else 0
        if issued and issued[0] > copy_seq:
            report.warnings.append(
                f"the copy ends at audit entry {copy_seq}, but files already given out carry"
                f" entry {issued[0]}: they will not match the restored history"
            )
        elif current_head and current_head[0] > copy_seq:
            report.warnings.append(
                f"the copy ends at audit entry {copy_seq}; the database being replaced had"
                f" {current_head[0]} entries"
            )
        report.safety_copy = backup_to(current, path.with_name(path.name + ".before-restore.bak"))
        copy.conn.backup(current.conn)
        migrate(current, path, key=key)
        with current.atomic():
            audit.append(
                current,
                at=iso(utc_now()),
                user_id=actor_id,
                user_login=actor_login,
                action="restore",
                entity="database",
                after={
                    "from": str(source),
                    "sha256": _sha256(staged),
                    "copy_head": list(copy_head) if copy_head else None,
                    "replaced_head": list(current_head) if current_head else None,
                    "issued_head": list(issued) if issued else None,
                    "forced": bool(result.problems),
                    "problems": len(result.problems),
                },
                key=key,
            )
            if issued:  # heads given out stay given out, whatever the restored copy knew
                audit.note_issued(current, {"seq": issued[0], "hash": issued[1]})
        report.restored = True
        return report
    except sqlite3.OperationalError as exc:
        from exportdesk.store.db import storage_error

        raise storage_error(exc, path) from None
    finally:
        for db in (copy, current):
            if db is not None:
                db.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{staged}{suffix}").unlink(missing_ok=True)
