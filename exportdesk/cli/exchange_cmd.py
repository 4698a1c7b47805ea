"""Case files between installations: send and import cases, decisions, the institution file."""

from __future__ import annotations

import argparse
from pathlib import Path

from exportdesk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAIL,
    EXIT_OK,
    acting_user,
    add_user_argument,
    db_path,
    err,
    refusal,
)


def _exchange(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from exportdesk.exchange import Exchange
    from exportdesk.store import Store

    key_dir = Path(args.keys) if getattr(args, "keys", None) else None
    # Only setting up from an institution file makes a new database; the store signs its
    # audit head with the same key as the files.
    creating = args.command == "profile" and args.profile_command == "import"
    store = Store(db_path(args), key_dir=key_dir, create=creating)
    return store, Exchange(store, key_dir)


def cmd_exchange(args: argparse.Namespace) -> int:
    import os

    from exportdesk.exchange import ExchangeError, NeedsTrust
    from exportdesk.store import StoreError

    try:
        store, exchange = _exchange(args)
    except StoreError as exc:
        refusal(exc)
        return EXIT_FAIL
    user = None
    if not (args.command == "profile" and args.profile_command == "import"):
        # Every command acts as a signed-in user (an empty --user is no user).
        user = acting_user(store, getattr(args, "user", None))
        if user is None:
            return EXIT_FAIL
    try:
        if args.command == "import-case":
            try:
                result = exchange.import_case(user, args.file, trust_new_key=args.trust)
            except NeedsTrust as exc:
                refusal(exc, suffix=" Run again with --trust once the fingerprint is confirmed.")
                return EXIT_BAD_INPUT
            if result["already"]:
                print(f"already imported (case id {result['case_id']}); nothing changed")
            else:
                case = store.get_case(None, result["case_id"])
                kind = (
                    "new case" if result["new"] else f"round {result['round']} of an existing case"
                )
                print(f"imported {kind}: {case['ref']} ({case['title']})")
            return EXIT_OK
        if args.command == "send-case":
            digest = exchange.write_case(user, store.case_id_for(args.case), args.output)
            print(f"{args.output}: sha256 {digest}")
            return EXIT_OK
        if args.command == "send-decision":
            digest = exchange.write_decision(user, store.case_id_for(args.case), args.output)
            print(f"{args.output}: sha256 {digest}")
            return EXIT_OK
        if args.command == "import-decision":
            result = exchange.import_decision(user, args.file)
            print(
                "already imported; nothing changed"
                if result["already"]
                else f"case now {result['status']}"
            )
            return EXIT_OK
        if args.command == "profile":
            if args.profile_command == "export":
                exchange.write_profile(user, args.output)
                print(f"{args.output}: institution file (office key {exchange.public_key[:12]}…)")
                return EXIT_OK
            password = os.environ.get(args.password_env or "", "")
            if not password:
                err(f"set the new user's password in the environment variable {args.password_env}")
                return EXIT_BAD_INPUT
            user = exchange.import_profile(
                args.file,
                login=args.login,
                name=args.name,
                password=password,
                department=args.department or "",
            )
            print(f"set up {store.institution()['name_ja']}; user '{user.login}' created")
            return EXIT_OK
    except ExchangeError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT
    except StoreError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT
    return EXIT_FAIL


def register(sub: argparse._SubParsersAction) -> None:
    def exchange_parser(name: str, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text)
        p.add_argument("--db", help="database file")
        p.add_argument("--keys", help="folder of this installation's signing key")
        p.set_defaults(func=cmd_exchange)
        return p

    p = exchange_parser("import-case", "import a case file sent to the office")
    p.add_argument("file")
    add_user_argument(p, "the office member importing it")
    p.add_argument(
        "--trust",
        nargs="?",
        const=True,
        metavar="FINGERPRINT",
        help="trust the sender's key at first contact; give the fingerprint confirmed with"
        " the sender (by phone or in person) to accept only that key",
    )
    p = exchange_parser("send-case", "submit a case and write it as a file for the office")
    p.add_argument("case")
    add_user_argument(p)
    p.add_argument("-o", "--output", required=True)
    p = exchange_parser("send-decision", "write the office's decision or questions as a file")
    p.add_argument("case")
    add_user_argument(p)
    p.add_argument("-o", "--output", required=True)
    p = exchange_parser("import-decision", "import the office's decision file")
    p.add_argument("file")
    add_user_argument(p)
    prof = exchange_parser("profile", "export or import the institution file")
    psub = prof.add_subparsers(dest="profile_command", required=True)
    p = psub.add_parser("export")
    add_user_argument(p)
    p.add_argument("-o", "--output", required=True)
    p = psub.add_parser("import")
    p.add_argument("file")
    p.add_argument("--login", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--department", help="department code")
    p.add_argument("--password-env", default="EXPORTDESK_PASSWORD")
