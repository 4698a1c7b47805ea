"""The lists a university screens against: import, versions, diff, screening."""

from __future__ import annotations

import argparse
import json
import sys

from exportdesk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAIL,
    EXIT_OK,
    acting_user,
    add_user_argument,
    err,
    open_store,
    refusal,
    table,
)


def cmd_eul(args: argparse.Namespace) -> int:
    from exportdesk.domain.dates import DateError, parse_optional_date
    from exportdesk.imports.eul import EulImportError
    from exportdesk.store import StoreError

    store = open_store(args)
    if store is None:
        return EXIT_FAIL
    eul = store.eul
    acting = args.eul_command == "import" or (
        args.eul_command == "threshold" and args.value is not None
    )
    user = acting_user(store, args.user) if acting else None
    if acting and user is None:
        return EXIT_FAIL
    try:
        if args.eul_command == "import":
            try:
                effective = parse_optional_date(args.effective)
            except DateError as exc:
                refusal(exc, "--effective: ")
                return EXIT_BAD_INPUT
            result = eul.import_file(user, args.file, effective, args.format)
            encoding = f", {result['encoding']}" if result.get("encoding") else ""
            print(
                f"imported version {result['version_id']}:"
                f" {result['count']} entities ({result['format']}{encoding}) into {result['list']}"
                f"{' ' + result['notice'] if result['notice'] else ''},"
                f" effective {result['effective']}"
            )
            for change in result["rescreened"]:
                print(
                    f"  re-screened {change['ref']} ({change['status']}):"
                    f" hits {change['before']} -> {change['after']}"
                )
            return EXIT_OK
        if args.eul_command == "threshold":
            if args.value is None:
                print(f"screening threshold ({args.list}): {eul.threshold(args.list)}")
                return EXIT_OK
            eul.set_threshold(user, args.value, args.list)
            print(f"screening threshold ({args.list}) set to {args.value}")
            return EXIT_OK
        if args.eul_command == "versions":
            in_force = {v["id"] for v in eul.current_versions().values()}
            rows = [
                [
                    str(v["id"]) + ("*" if v["id"] in in_force else ""),
                    v["list_kind"],
                    v["effective_date"],
                    v["last_updated"],
                    str(v["entity_count"]),
                    v["source_format"],
                    v["source_name"],
                    v["notice"],
                ]
                for v in eul.versions()
            ]
            heads = ["id", "list", "effective", "updated", "entities", "format", "file", "notice"]
            print(table(rows, heads))
            print("* in force")
            return EXIT_OK
        if args.eul_command == "diff":
            diff = eul.diff(int(args.v1), int(args.v2))
            for kind in ("added", "removed"):
                for e in diff[kind]:
                    print(
                        f"{'+' if kind == 'added' else '-'} No.{e['no']} {e['country']}"
                        f" {e['name'] or e['original']}"
                    )
            for c in diff["changed"]:
                a, b = c["before"]["no"], c["after"]["no"]
                name = c["after"]["name"] or c["after"]["original"]
                nos = f"No.{a}" if a == b else f"No.{a} -> No.{b}"
                print(f"~ {c['after']['country']} {name}: {', '.join(c['fields'])} ({nos})")
            print(
                f"{len(diff['added'])} added, {len(diff['removed'])} removed,"
                f" {len(diff['changed'])} changed"
            )
            return EXIT_OK
    except EulImportError as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    except (StoreError, ValueError) as exc:
        if isinstance(exc, StoreError):
            refusal(exc)
        else:
            err(str(exc))
        return EXIT_BAD_INPUT
    return EXIT_FAIL


def cmd_screen(args: argparse.Namespace) -> int:
    """Screen names against every list in force (End User List and export-ban lists)."""
    import csv

    from exportdesk.imports.textfile import TextFileError, read_csv
    from exportdesk.store.export import neutralise

    store = open_store(args)
    if store is None:
        return EXIT_FAIL
    found = store.eul.indexes()
    if not found:
        err("no list imported yet (exportdesk eul import FILE)")
        return EXIT_FAIL
    threshold = args.threshold
    labels = [f"{v['list_kind']} {store.eul.version_label(v)}" for v, _index in found]
    if args.csv:
        try:
            source = read_csv(args.csv)
        except OSError as exc:
            err(f"{args.csv}: cannot be read ({exc.strerror})")
            return EXIT_BAD_INPUT
        except TextFileError as exc:
            refusal(exc, f"{args.csv}: ")
            return EXIT_BAD_INPUT
        if "name" not in source.fieldnames:
            err(f"{args.csv}: a column 'name' is required (and optionally 'country')")
            return EXIT_BAD_INPUT
        print(f"{args.csv}: read as {source.label}", file=sys.stderr)
        writer = csv.writer(sys.stdout)
        writer.writerow(
            [
                "name",
                "country",
                "hits",
                "best_list",
                "best_no",
                "best_entity",
                "best_score",
                "measure",
                "matched",
                "why",
            ]
        )
        for row in source.rows:
            hits = store.eul.screen_all(row["name"], row.get("country") or None, threshold)
            best = hits[0] if hits else {}
            # The names come from outside: no cell may open as a spreadsheet formula.
            writer.writerow(
                neutralise(cell)
                for cell in [
                    row["name"],
                    row.get("country") or "",
                    len(hits),
                    best.get("list", ""),
                    best.get("no", ""),
                    best.get("entity", ""),
                    best.get("score", ""),
                    best.get("measure", ""),
                    best.get("matched", ""),
                    best.get("why", ""),
                ]
            )
        return EXIT_OK
    if not args.name:
        err("give a NAME or --csv FILE")
        return EXIT_BAD_INPUT
    hits = store.eul.screen_all(args.name, args.country, threshold)
    eul = store.eul.current_version()
    if args.json:
        json.dump(
            {
                "list_version": store.eul.version_label(eul) if eul else "",
                "lists": labels,
                "query": args.name,
                "hits": hits,
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        print("lists: " + "; ".join(labels))
        if not hits:
            print("no match")
        for h in hits:
            print(
                f"{h['score']:5.1f}  {h['list']} No.{h['no']} {h['entity']} [{h['country']}]"
                f" {'/'.join(h['concerns'])}{' CW' if h['conventional_weapons'] else ''}"
                f" ({h['measure']})"
            )
            print(f"       matched {h['kind']} '{h['matched']}': {h['why']}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    eul = sub.add_parser("eul", help="import and compare versions of the screening lists")
    eul.add_argument("--db", help="database file")
    esub = eul.add_subparsers(dest="eul_command", required=True)
    p = esub.add_parser(
        "import",
        help="import a list: METI's End User List (XLSX or PDF), an export-ban list (PDF),"
        " the CSV/XLSX template or OpenSanctions CSV",
    )
    p.add_argument("file")
    add_user_argument(p, "the office member importing it")
    p.add_argument(
        "--effective",
        help="effective date: 2026-12-01, 2026/12/01 or 令和8年12月1日"
        " (default: the list's last update, else today)",
    )
    p.add_argument(
        "--format",
        choices=["auto", "pdf", "csv", "xlsx", "opensanctions", "export_ban"],
        default="auto",
    )
    esub.add_parser("versions", help="imported versions of every list (* in force)")
    p = esub.add_parser("threshold", help="show or set a list's screening threshold (50-100)")
    p.add_argument("value", nargs="?", type=float)
    p.add_argument(
        "--list", default="eul", help="eul, ban_russia, ban_belarus or ban_third_countries"
    )
    add_user_argument(p, "the office member setting it")
    p = esub.add_parser("diff", help="added, removed and changed entities between two versions")
    p.add_argument("v1")
    p.add_argument("v2")
    eul.set_defaults(func=cmd_eul)

    p = sub.add_parser(
        "screen", help="screen a name (or a CSV of names) against every list in force"
    )
    p.add_argument("name", nargs="?")
    p.add_argument("--country", help="ISO country code of the counterpart")
    p.add_argument("--csv", help="CSV with columns name[,country]: one line of results per row")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--threshold", type=float, help="score from 50 to 100 (default: the office's setting)"
    )
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_screen)
