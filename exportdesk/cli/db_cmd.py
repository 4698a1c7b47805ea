"""The database: create, migrate, verify, back up, restore; export the records."""

from __future__ import annotations

import argparse
from pathlib import Path

from exportdesk.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    db_path,
    err,
)
from exportdesk.portable import restrict_to_owner


def cmd_db(args: argparse.Namespace) -> int:
    import sqlite3

    from exportdesk.store import audit
    from exportdesk.store.db import LATEST, connect, migrate
    from exportdesk.store.errors import StoreError

    action = args.db_command
    if action == "copy":
        return cmd_copy(args)
    path = db_path(args)
    try:
        if action in ("init", "migrate"):
            if action == "migrate" and not path.exists():
                err(f"no database at {path}")
                return EXIT_FAIL
            db = connect(path)
            found = migrate(db, path)
            print(
                f"{path}: schema {found} -> {LATEST}"
                if found < LATEST
                else f"{path}: schema {LATEST}, up to date"
            )
            return EXIT_OK
        if not path.exists():
            err(f"no database at {path}")
            return EXIT_FAIL
        db = connect(path, create=False)
        if action == "verify":
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            result = audit.verify(db)
            print(f"integrity: {integrity}")
            state = "chain intact" if result.ok else "TAMPERED"
            print(f"audit log: {result.entries} entries, {state}")
            for problem in result.problems:
                print(f"  - {problem}")
            return EXIT_OK if result.ok and integrity == "ok" else EXIT_FAIL
        if action == "backup":
            target = Path(args.file)
            dest = sqlite3.connect(target)
            db.conn.backup(dest)
            dest.close()
            restrict_to_owner(target)
            print(f"backed up {path} to {target}")
            return EXIT_OK
        if action == "restore":
            source_path = Path(args.file)
            if not source_path.is_file():
                err(f"no such file: {source_path}")
                return EXIT_FAIL
            source = connect(source_path, create=False)
            version = source.execute("PRAGMA user_version").fetchone()[0]
            if version < 1 or "cases" not in source.table_names():
                err(f"{source_path} is not an ExportDesk database")
                return EXIT_FAIL
            check = audit.verify(source)
            if not check.ok:
                err(f"{source_path}: audit log does not verify: {check.problems[0]}")
                return EXIT_FAIL
            safety = path.with_name(path.name + ".before-restore.bak")
            dest = sqlite3.connect(safety)
            db.conn.backup(dest)
            dest.close()
            restrict_to_owner(safety)
            # Page by page into the open database: the file itself is never replaced,
            # which Windows would refuse while the application has it open.
            source.conn.backup(db.conn)
            source.conn.close()
            migrate(db, path)
            print(f"restored {source_path} into {path} (previous copy: {safety})")
            return EXIT_OK
    except StoreError as exc:
        err(exc.en)
        return EXIT_FAIL
    return EXIT_FAIL


def cmd_copy(args: argparse.Namespace) -> int:
    """Move a single-PC database into a campus database (docs/campus.md)."""
    from exportdesk.store import StoreError
    from exportdesk.store.engine import is_dsn
    from exportdesk.store.pg.engine import redact

    if not is_dsn(args.target):
        err("the target must be a postgresql:// address")
        return EXIT_FAIL
    from exportdesk.store.pg.copy import copy_database

    try:
        result = copy_database(args.source, args.target)
    except StoreError as exc:
        err(exc.en)
        return EXIT_FAIL
    total = sum(result.rows.values())
    print(f"copied {total} rows from {args.source} to {redact(args.target)}")
    print(f"audit log: {result.audit_entries} entries verified before, chain intact after")
    if result.logins_without_password:
        print("set a password for each person (psql: \\password LOGIN):")
        print("  " + ", ".join(result.logins_without_password))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from exportdesk.store import Store
    from exportdesk.store.export import export_cases

    path = db_path(args)
    if not path.exists():
        err(f"no database at {path}")
        return EXIT_FAIL
    store = Store(path)
    target = Path(args.output or f"exportdesk-cases.{args.format}")
    count = export_cases(store, target, args.format, lang=args.lang)
    print(f"{count} cases written to {target}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="create, migrate, verify, back up or restore the database")
    db.add_argument("--db", help="database file (default: EXPORTDESK_DB or the user data folder)")
    dsub = db.add_subparsers(dest="db_command", required=True)
    dsub.add_parser("init", help="create the database (or bring it up to date)")
    dsub.add_parser("migrate", help="run pending schema migrations (a backup is taken first)")
    dsub.add_parser("verify", help="check file integrity and the audit log's hash chain")
    dsub.add_parser("backup", help="copy the database to FILE").add_argument("file")
    dsub.add_parser("restore", help="replace the database with FILE").add_argument("file")
    cp = dsub.add_parser("copy", help="copy a SQLite database into a campus PostgreSQL database")
    cp.add_argument("source", help="the SQLite file")
    cp.add_argument("target", help="postgresql://ADMIN@HOST/DB (a PostgreSQL administrator)")
    db.set_defaults(func=cmd_db)

    p = sub.add_parser("export", help="export all cases with their decisions")
    p.add_argument("--format", choices=["xlsx", "csv", "json"], default="xlsx")
    p.add_argument("--lang", choices=["ja", "en"], default="ja", help="headers and texts")
    p.add_argument("-o", "--output", help="output file")
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_export)
