"""The database: create, migrate, verify, back up, restore; export the records."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from exportdesk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAIL,
    EXIT_OK,
    acting_user,
    add_user_argument,
    db_path,
    err,
    open_store,
    refusal,
)


def _key_dir(args: argparse.Namespace) -> Path | None:
    return Path(args.keys) if getattr(args, "keys", None) else None


def _init(args: argparse.Namespace, path: Path) -> int:
    from exportdesk.store import keys
    from exportdesk.store.db import LATEST, connect, migrate

    if args.db_command == "migrate" and not path.exists():
        err(f"no database at {path}")
        return EXIT_FAIL
    db = connect(path)
    try:
        found = migrate(db, path, key=keys.load_or_create_key(_key_dir(args)))
    finally:
        db.close()
    print(
        f"{path}: schema {found} -> {LATEST}"
        if found < LATEST
        else f"{path}: schema {LATEST}, up to date"
    )
    return EXIT_OK


def _verify(args: argparse.Namespace, path: Path) -> int:
    from exportdesk.store import audit, keys
    from exportdesk.store.db import connect
    from exportdesk.store.maintenance import check_against

    key = keys.load_key(_key_dir(args))  # checking never creates a key
    public_key = keys.public_key_text(key) if key else None
    db = connect(path, create=False)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        result = audit.verify(db, public_key)
        problems = list(result.problems)
        notes = list(result.notes)
        if args.against:
            more, seen = check_against(db, args.against, public_key)
            problems += more
            notes += seen
    finally:
        db.close()
    print(f"integrity: {integrity}")
    state = "chain intact" if not problems else "TAMPERED"
    print(f"audit log: {result.entries} entries, {state}")
    if result.signed_by:
        print(f"head signed by {result.signed_by}")
    if key is None:
        print("this installation's key was not found: the signature was checked, not its owner")
    for problem in problems:
        print(f"  - {problem}")
    for note in notes:
        print(f"  · {note}")
    return EXIT_OK if not problems and integrity == "ok" else EXIT_FAIL


def _verify_campus(args: argparse.Namespace) -> int:
    """The campus database's audit chain, as the server keeps it (docs/campus.md): read by
    someone who sees all of it (the office, the chief manager, an administrator)."""
    from exportdesk.store import StoreError

    store = open_store(args)
    if store is None:
        return EXIT_FAIL
    user = acting_user(store, getattr(args, "user", None))
    if user is None:
        return EXIT_FAIL
    if not user.sees_all_cases:
        refusal(StoreError("forbidden"), "db verify: ")
        return EXIT_FAIL
    if args.against:
        err("db verify --against: signed heads are a single PC's; the server keeps this chain")
        return EXIT_BAD_INPUT
    result = store.db.verify_audit()
    state = "chain intact" if not result.problems else "TAMPERED"
    print(f"audit log: {result.entries} entries, {state}")
    for problem in result.problems:
        print(f"  - {problem}")
    return EXIT_OK if not result.problems else EXIT_FAIL


def _admin(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    store = open_store(args)
    if store is None:
        return None, None
    user = acting_user(store, args.user)
    if user is not None and not user.has("admin"):
        err("only an administrator may back up or restore the database")
        user = None
    return store, user


def _backup(args: argparse.Namespace) -> int:
    from exportdesk.store.maintenance import backup_to

    store, user = _admin(args)
    if user is None:
        return EXIT_FAIL
    target = backup_to(store.db, args.file)
    store.record_export(user, "backup", str(target), 1)
    print(f"backed up {store.path} to {target}")
    return EXIT_OK


def _restore(args: argparse.Namespace, path: Path) -> int:
    from exportdesk.store.maintenance import restore

    login, user_id = "", None
    if path.exists():  # restoring over records: only their administrator may
        store, user = _admin(args)
        if user is None:
            return EXIT_FAIL
        store.close()
        login, user_id = user.login, user.id
    report = restore(
        path,
        args.file,
        key_dir=_key_dir(args),
        force=args.force,
        actor_login=login,
        actor_id=user_id,
    )
    for problem in report.problems:
        print(f"  - {problem}")
    if not report.restored:
        err(
            f"{args.file} does not verify ({len(report.problems)} problems); nothing was changed."
            " Restore it anyway with --force (the restore is recorded)."
        )
        return EXIT_FAIL
    for warning in report.warnings:
        print(f"warning: {warning}")
    print(f"restored {args.file} into {path} (previous copy: {report.safety_copy})")
    return EXIT_OK


def cmd_db(args: argparse.Namespace) -> int:
    from exportdesk.store.errors import StoreError

    action = args.db_command
    if action == "copy":
        return cmd_copy(args)
    from exportdesk.store.engine import is_dsn

    if is_dsn(getattr(args, "db", None) or os.environ.get("EXPORTDESK_DB")):
        if action == "verify":
            return _verify_campus(args)
        err(f"db {action}: a campus database is set up and kept by IT (docs/campus.md)")
        return EXIT_BAD_INPUT
    path = db_path(args)
    try:
        if action in ("init", "migrate"):
            return _init(args, path)
        if args.db_command == "verify":
            return _verify(args, path)
        if args.db_command == "backup":
            return _backup(args)
        if args.db_command == "restore":
            return _restore(args, path)
    except StoreError as exc:
        refusal(exc)
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
        refusal(exc)
        return EXIT_FAIL
    total = sum(result.rows.values())
    print(f"copied {total} rows from {args.source} to {redact(args.target)}")
    print(f"audit log: {result.audit_entries} entries verified before, chain intact after")
    if result.logins_without_password:
        print("set a password for each person (psql: \\password LOGIN):")
        print("  " + ", ".join(result.logins_without_password))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from exportdesk.store import StoreError
    from exportdesk.store.export import export_cases

    store = open_store(args)
    if store is None:
        return EXIT_FAIL
    user = acting_user(store, args.user)
    if user is None:
        return EXIT_FAIL
    target = Path(args.output or f"exportdesk-cases.{args.format}")
    try:
        count = export_cases(store, target, args.format, user, lang=args.lang)
    except StoreError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT
    print(f"{count} cases written to {target}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="create, migrate, verify, back up or restore the database")
    db.add_argument("--db", help="database file (default: EXPORTDESK_DB or the user data folder)")
    db.add_argument("--keys", help="folder of this installation's key (default: EXPORTDESK_KEYS)")
    dsub = db.add_subparsers(dest="db_command", required=True)
    dsub.add_parser("init", help="create the database (or bring it up to date)")
    dsub.add_parser("migrate", help="run pending schema migrations (a backup is taken first)")
    p = dsub.add_parser(
        "verify", help="check the file, the audit chain, every record's seal and the signed head"
    )
    p.add_argument(
        "--against",
        nargs="+",
        metavar="FILE",
        help="also compare the chain with the signed heads these files carry"
        " (case and decision files, exports, printed sheets)",
    )
    add_user_argument(p, "on a campus database, the office member or administrator checking")
    p = dsub.add_parser("backup", help="copy the database to FILE (administrators)")
    p.add_argument("file")
    add_user_argument(p, "the administrator")
    p = dsub.add_parser(
        "restore", help="replace the database with FILE once FILE verifies (administrators)"
    )
    p.add_argument("file")
    p.add_argument("--force", action="store_true", help="restore a copy that does not verify")
    add_user_argument(p, "the administrator")
    cp = dsub.add_parser("copy", help="copy a SQLite database into a campus PostgreSQL database")
    cp.add_argument("source", help="the SQLite file")
    cp.add_argument("target", help="postgresql://ADMIN@HOST/DB (a PostgreSQL administrator)")
    # --db and --keys after the subcommand too (`db verify --db FILE`), as every other
    # command takes them; SUPPRESS keeps a value given before the subcommand.
    for command in dsub.choices.values():
        if command.prog.endswith(" copy"):
            continue
        command.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        command.add_argument("--keys", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    db.set_defaults(func=cmd_db)

    p = sub.add_parser("export", help="export the cases you may see, with their decisions")
    p.add_argument("--format", choices=["xlsx", "csv", "json"], default="xlsx")
    p.add_argument("--lang", choices=["ja", "en"], default="ja", help="headers and texts")
    p.add_argument("-o", "--output", help="output file")
    p.add_argument("--db", help="database file")
    add_user_argument(p)
    p.set_defaults(func=cmd_export)
