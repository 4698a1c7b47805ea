"""People: import from the student or personnel system, list (or what is due), pledges."""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable
from typing import Any

from exportdesk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAIL,
    EXIT_OK,
    acting_user,
    err,
    open_store,
    refusal,
    table,
    write,
)


def _signed_in(
    command: Callable[[argparse.Namespace, Any, Any], int],
) -> Callable[[argparse.Namespace], int]:
    """Run `command(args, store, user)` signed in, and close the store afterwards (on a
    campus database the connection to the server)."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        store = open_store(args)
        if store is None:
            return EXIT_FAIL
        try:
            user = acting_user(store, args.user)
            return EXIT_FAIL if user is None else command(args, store, user)
        finally:
            store.close()

    return run


def _mapping(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep:
            raise ValueError(pair)
        mapping[field.strip()] = header.strip()
    return mapping


@_signed_in
def cmd_people_import(args: argparse.Namespace, store: Any, user: Any) -> int:
    from exportdesk.imports.people import PeopleImportError, read_table
    from exportdesk.store import StoreError

    try:
        data = read_table(args.file)
        mapping = _mapping(args.map) or store.import_mapping(data.headers)
    except PeopleImportError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT
    except ValueError as exc:
        err(f"--map expects FIELD=HEADER, got {exc}")
        return EXIT_BAD_INPUT
    print("mapping: " + ", ".join(f"{k}={v}" for k, v in sorted(mapping.items())))
    try:
        preview = store.preview_people_import(user, data, mapping)
        for row in preview:
            for _ja, en in row["errors"]:
                print(f"line {row['line']}: {en}")
        if args.dry_run:
            new = sum(1 for r in preview if r["action"] == "new")
            bad = sum(1 for r in preview if r["errors"])
            print(f"{new} new, {len(preview) - new} to update, {bad} with errors (dry run)")
            return EXIT_BAD_INPUT if bad else EXIT_OK
        counts = store.import_people(user, data, mapping, args.file)
    except StoreError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT if exc.code in ("import_rows", "invalid") else EXIT_FAIL
    print(
        f"imported: {counts['new']} new, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged"
    )
    return EXIT_OK


@_signed_in
def cmd_people_list(args: argparse.Namespace, store: Any, user: Any) -> int:
    from exportdesk.store import StoreError

    if not store.people_screen_allowed(user):
        err(StoreError("forbidden").en)
        return EXIT_FAIL
    if args.due:
        rows = store.due_list(user, args.lang)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            print(
                table(
                    [
                        [
                            r["due_on"],
                            "!" if r["overdue"] else "",
                            r["what"],
                            r["external_id"],
                            r["name"],
                            r["department"],
                            r["detail"],
                        ]
                        for r in rows
                    ],
                    ["due", "overdue", "what", "id", "name", "department", "detail"],
                )
            )
        return EXIT_OK
    people = store.list_people(user, search=args.search or "")
    if args.json:
        print(json.dumps(people, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(
        table(
            [
                [
                    str(p["id"]),
                    p["external_id"],
                    f"{p['family_name']} {p['given_name']}".strip(),
                    p["nationality"],
                    p["status"],
                    p["department"],
                    p["declared_on"] or "",
                    "" if p["categories"] is None else ",".join(map(str, p["categories"])) or "-",
                    "re-check" if p["needs_recheck"] else "",
                ]
                for p in people
            ],
            [
                "#",
                "id",
                "name",
                "nationality",
                "status",
                "department",
                "declared",
                "categories",
                "",
            ],
        )
    )
    return EXIT_OK


@_signed_in
def cmd_pledge(args: argparse.Namespace, store: Any, user: Any) -> int:
    from exportdesk.documents.sheets import pledge_pdf
    from exportdesk.store import StoreError

    try:
        person = store.get_person(user, int(args.person))
    except ValueError:
        err(f"person {args.person}: not a number")
        return EXIT_BAD_INPUT
    except StoreError as exc:
        refusal(exc, f"person {args.person}: ")
        return EXIT_FAIL
    inst = store.institution() or {}
    data = pledge_pdf(
        store.catalog, inst, person, store.latest_declaration(person["id"]), kind=args.kind
    )
    write(args.output, data)
    store.record_export(user, "pledge_pdf", args.output, 1)
    print(f"{args.output}: {args.kind or 'pledge'} pledge for person {person['id']}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    people = sub.add_parser("people", help="people, their declarations and pledges")
    psub = people.add_subparsers(dest="people_command", required=True)
    p = psub.add_parser("import", help="import people from a CSV (UTF-8 or CP932) or XLSX file")
    p.add_argument("file")
    p.add_argument("--user", required=True, help="the office member importing")
    p.add_argument(
        "--map",
        action="append",
        metavar="FIELD=HEADER",
        help="map a column (repeatable); default: the mapping last used for these headers",
    )
    p.add_argument("--dry-run", action="store_true", help="check and preview only")
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_people_import)

    p = psub.add_parser("list", help="the people you may see, or what is due (--due)")
    p.add_argument("--user", required=True)
    p.add_argument("--due", action="store_true", help="pledges, declarations and re-checks due")
    p.add_argument("--json", action="store_true")
    p.add_argument("--search", help="name, ID, supervisor, nationality")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_people_list)

    p = sub.add_parser("pledge", help="a written pledge for a person, Japanese and English")
    p.add_argument("--person", required=True, help="person id")
    p.add_argument("--user", required=True, help="who prints it (must be allowed to see them)")
    p.add_argument("--kind", choices=["entry", "exit", "change"], help="the occasion")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_pledge)
