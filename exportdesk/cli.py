"""`exportdesk`: the command line. Each subcommand runs one job without a window.

Heavy imports (Qt, reportlab, the store) happen inside the subcommand that needs
them, so `exportdesk evaluate` starts fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_BAD_INPUT = 2


def _err(message: str) -> None:
    print(f"exportdesk: error: {message}", file=sys.stderr)


def _catalog(args: argparse.Namespace) -> Any:
    from exportdesk.domain.catalog import load_catalog

    return load_catalog(getattr(args, "forms", None))


# --- evaluate -----------------------------------------------------------------


def cmd_evaluate(args: argparse.Namespace) -> int:
    from exportdesk.domain.catalog import FormsError
    from exportdesk.domain.determination import evaluate_dict
    from exportdesk.domain.facts import FactsError

    try:
        raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        _err(f"cannot read {args.file}: {exc}")
        return EXIT_BAD_INPUT
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        _err(f"{args.file}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}")
        return EXIT_BAD_INPUT
    try:
        catalog = _catalog(args)
    except FormsError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    try:
        result = evaluate_dict(data, catalog)
    except FactsError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return EXIT_OK


# --- forms --------------------------------------------------------------------


def cmd_forms_validate(args: argparse.Namespace) -> int:
    from exportdesk.domain.catalog import FormsError, load_catalog

    try:
        catalog = load_catalog(args.dir)
    except FormsError as exc:
        _err(str(exc))
        return EXIT_FAIL
    where = args.dir or "shipped forms"
    print(
        f"OK: {where}, version {catalog.version}: "
        f"{len(catalog.list_items.entries)} list items, "
        f"{len(catalog.research_areas.entries)} research areas, "
        f"{len(catalog.activities.entries)} activities, "
        f"{len(catalog.questions)} check-sheet questions, "
        f"{len(catalog.review_sheet.sections)} review-sheet sections"
    )
    return EXIT_OK


def _table(rows: list[list[str]], headers: list[str]) -> str:
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


def cmd_forms_show(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    lang = args.lang
    what = args.what
    if what == "research-areas":
        rows = [
            [a.code, a.name.get(lang), ",".join(a.list_items), a.confidence]
            for a in catalog.research_areas.entries
        ]
        print(_table(rows, ["code", "name", "list items", "confidence"]))
        print(f"\n{len(rows)} areas. {catalog.research_areas.catalogue_note.get(lang)}")
    elif what == "list-items":
        rows = [[i.id, i.name.get(lang), i.group, i.confidence] for i in catalog.list_items.entries]
        print(_table(rows, ["item", "name", "group", "confidence"]))
    elif what == "activities":
        rows = [[a.id, a.name.get(lang)] for a in catalog.activities.entries]
        print(_table(rows, ["id", "name"]))
    elif what == "categories":
        for c in catalog.resident_categories.entries:
            print(f"[{c.id}] {c.short.get(lang)}\n    {c.definition.get(lang)}")
            for ex in c.examples:
                print(f"    - {ex.text.get(lang)}")
    elif what == "country-groups":
        for g in catalog.country_groups.groups:
            print(f"{g.id}: {g.name.get(lang)} ({len(g.countries)})  {' '.join(g.countries)}")
    elif what == "questions":
        for s in catalog.check_sheet.sections:
            print(s.title.get(lang))
            for q in s.questions:
                mark = "*" if q.required else " "
                print(f"  {mark} {q.id}: {q.text.get(lang)}")
    return EXIT_OK


# --- demo ---------------------------------------------------------------------


def examples_dir() -> Path:
    """examples/ of a checkout, or the copy shipped in the package data."""
    from exportdesk.resources import _PACKAGE

    for candidate in (_PACKAGE.parent / "examples", _PACKAGE / "_data" / "examples"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("examples/ not found")


def cmd_demo(args: argparse.Namespace) -> int:
    from exportdesk.domain.determination import evaluate_dict
    from exportdesk.domain.facts import FactsError

    catalog = _catalog(args)
    lang = args.lang
    rows = []
    for path in sorted(examples_dir().glob("case-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            result = evaluate_dict(data, catalog)
        except FactsError as exc:
            rows.append([path.stem, "ERROR", str(exc)])
            continue
        reasons = result["reasons"]
        rows.append([path.stem, result["outcome_text"][lang], reasons[0][lang]])
        rows += [["", "", reason[lang]] for reason in reasons[1:]]
    print(_table(rows, ["case", "outcome", "reasons"]))
    print(
        f"\nforms version {catalog.version}; {len(list(examples_dir().glob('case-*.json')))} cases"
    )
    return EXIT_OK


# --- database -----------------------------------------------------------------


def _db_path(args: argparse.Namespace) -> Path:
    from exportdesk.store.db import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def cmd_db(args: argparse.Namespace) -> int:
    import sqlite3

    from exportdesk.store import audit
    from exportdesk.store.db import LATEST, connect, migrate
    from exportdesk.store.errors import StoreError

    path = _db_path(args)
    action = args.db_command
    try:
        if action in ("init", "migrate"):
            if action == "migrate" and not path.exists():
                _err(f"no database at {path}")
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
            _err(f"no database at {path}")
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
            target.chmod(0o600)
            print(f"backed up {path} to {target}")
            return EXIT_OK
        if action == "restore":
            source_path = Path(args.file)
            if not source_path.is_file():
                _err(f"no such file: {source_path}")
                return EXIT_FAIL
            source = connect(source_path, create=False)
            version = source.execute("PRAGMA user_version").fetchone()[0]
            if version < 1 or "cases" not in source.table_names():
                _err(f"{source_path} is not an ExportDesk database")
                return EXIT_FAIL
            check = audit.verify(source)
            if not check.ok:
                _err(f"{source_path}: audit log does not verify: {check.problems[0]}")
                return EXIT_FAIL
            safety = path.with_name(path.name + ".before-restore.bak")
            dest = sqlite3.connect(safety)
            db.conn.backup(dest)
            dest.close()
            source.conn.backup(db.conn)
            migrate(db, path)
            print(f"restored {source_path} into {path} (previous copy: {safety})")
            return EXIT_OK
    except StoreError as exc:
        _err(exc.en)
        return EXIT_FAIL
    return EXIT_FAIL


def cmd_export(args: argparse.Namespace) -> int:
    from exportdesk.store import Store
    from exportdesk.store.export import export_cases

    path = _db_path(args)
    if not path.exists():
        _err(f"no database at {path}")
        return EXIT_FAIL
    store = Store(path)
    target = Path(args.output or f"exportdesk-cases.{args.format}")
    count = export_cases(store, target, args.format)
    print(f"{count} cases written to {target}")
    return EXIT_OK


# --- documents ----------------------------------------------------------------


def _write(path: str, data: bytes) -> None:
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(target)


def cmd_icp(args: argparse.Namespace) -> int:
    from exportdesk.documents.icp import icp_pdf
    from exportdesk.domain.profile import ProfileError, load_profile

    try:
        profile = load_profile(args.profile)
    except ProfileError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    fmt = args.format or profile.icp_format
    _write(args.output, icp_pdf(profile, _catalog(args), fmt, args.lang))
    print(f"{args.output}: {fmt}-university ICP ({args.lang})")
    return EXIT_OK


def _open_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from exportdesk.store import Store

    path = _db_path(args)
    if not path.exists():
        _err(f"no database at {path}")
        return None
    return Store(path)


def cmd_print(args: argparse.Namespace) -> int:
    from exportdesk.documents.sheets import case_pdf
    from exportdesk.store import StoreError

    store = _open_store(args)
    if store is None:
        return EXIT_FAIL
    inst = store.institution() or {}
    if args.all:
        from exportdesk.documents.batch import write_case_pdfs

        rows = store.list_cases(None, status=args.status, limit=10**9)
        cases = [store.get_case(None, r["id"]) for r in rows]
        paths = write_case_pdfs(
            cases, Path(args.output), lang=args.lang, institution=inst.get(f"name_{args.lang}", "")
        )
        store.record_export(None, "case_pdf", args.output, len(paths))
        print(f"{len(paths)} PDFs written to {args.output}")
        return EXIT_OK
    if not args.case:
        _err("give a case id or reference, or --all")
        return EXIT_BAD_INPUT
    try:
        case = store.get_case(None, store.case_id_for(args.case))
    except StoreError as exc:
        _err(f"case {args.case}: {exc.en}")
        return EXIT_FAIL
    _write(args.output, case_pdf(case, store.catalog, args.lang, inst.get(f"name_{args.lang}", "")))
    store.record_export(None, "case_pdf", args.output, 1)
    print(f"{args.output}: {case['ref']}")
    return EXIT_OK


def cmd_pledge(args: argparse.Namespace) -> int:
    from exportdesk.documents.sheets import pledge_pdf
    from exportdesk.store import StoreError

    store = _open_store(args)
    if store is None:
        return EXIT_FAIL
    try:
        person = store.person(int(args.person))
    except (StoreError, ValueError):
        _err(f"person {args.person}: not found")
        return EXIT_FAIL
    inst = store.institution() or {}
    declarations = store.declarations(person["id"])
    _write(
        args.output,
        pledge_pdf(store.catalog, inst, person, declarations[-1] if declarations else None),
    )
    print(f"{args.output}: pledge for person {person['id']}")
    return EXIT_OK


def cmd_blank(args: argparse.Namespace) -> int:
    from exportdesk.documents.sheets import blank_pdf

    _write(args.output, blank_pdf(args.kind, _catalog(args), args.lang))
    print(f"{args.output}: blank {args.kind} sheet ({args.lang})")
    return EXIT_OK


# --- End User List ------------------------------------------------------------


def cmd_eul(args: argparse.Namespace) -> int:
    import datetime as dt

    from exportdesk.imports.eul import EulImportError
    from exportdesk.store import Store, StoreError

    store = Store(_db_path(args))
    eul = store.eul
    try:
        if args.eul_command == "import":
            effective = dt.date.fromisoformat(args.effective) if args.effective else None
            result = eul.import_file(None, args.file, effective, args.format)
            print(
                f"imported version {result['version_id']}:"
                f" {result['count']} entities ({result['format']}) into {result['list']}"
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
                print(f"screening threshold: {eul.threshold(args.list)}")
                return EXIT_OK
            eul.set_threshold(None, args.value, args.list)
            print(f"screening threshold set to {args.value}")
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
            print(_table(rows, heads))
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
        _err(str(exc))
        return EXIT_BAD_INPUT
    except (StoreError, ValueError) as exc:
        _err(exc.en if isinstance(exc, StoreError) else str(exc))
        return EXIT_BAD_INPUT
    return EXIT_FAIL


def cmd_screen(args: argparse.Namespace) -> int:
    import csv

    from exportdesk.store import Store

    store = Store(_db_path(args))
    found = store.eul.index()
    if found is None:
        _err("no End User List imported yet (exportdesk eul import FILE)")
        return EXIT_FAIL
    version, index = found
    threshold = args.threshold
    if args.csv:
        with open(args.csv, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "name" not in reader.fieldnames:
                _err(f"{args.csv}: a column 'name' is required (and optionally 'country')")
                return EXIT_BAD_INPUT
            writer = csv.writer(sys.stdout)
            writer.writerow(
                [
                    "name",
                    "country",
                    "hits",
                    "best_no",
                    "best_entity",
                    "best_score",
                    "matched",
                    "why",
                ]
            )
            for row in reader:
                hits = index.screen(row["name"], row.get("country") or None, threshold)
                best = hits[0] if hits else None
                writer.writerow(
                    [
                        row["name"],
                        row.get("country") or "",
                        len(hits),
                        best.entity.no if best else "",
                        best.entity.name_en if best else "",
                        round(best.score, 1) if best else "",
                        best.matched if best else "",
                        best.why if best else "",
                    ]
                )
        return EXIT_OK
    if not args.name:
        _err("give a NAME or --csv FILE")
        return EXIT_BAD_INPUT
    hits = index.screen(args.name, args.country, threshold)
    if args.json:
        json.dump(
            {
                "list_version": store.eul.version_label(version),
                "query": args.name,
                "hits": [h.as_dict() for h in hits],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        print(
            f"list version {store.eul.version_label(version)};"
            f" threshold {threshold or index.threshold}"
        )
        if not hits:
            print("no match")
        for h in hits:
            e = h.entity
            print(
                f"{h.score:5.1f}  No.{e.no} {e.name_en or e.name_original} [{e.country_code}]"
                f" {'/'.join(e.concerns)}{' CW' if e.conventional_weapons else ''}"
            )
            print(f"       matched {h.kind} '{h.matched}': {h.why}")
    return EXIT_OK


# --- case files between installations ---------------------------------------------


def _exchange(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from exportdesk.exchange import Exchange
    from exportdesk.store import Store

    store = Store(_db_path(args))
    return store, Exchange(store, Path(args.keys) if getattr(args, "keys", None) else None)


def _user(store, login: str):  # type: ignore[no-untyped-def]
    row = store._row("SELECT id FROM users WHERE login = ?", [login])
    if row is None:
        _err(f"no user '{login}' in this installation")
        return None
    return store.get_user(row["id"])


def cmd_exchange(args: argparse.Namespace) -> int:
    import os

    from exportdesk.exchange import ExchangeError, NeedsTrust
    from exportdesk.store import StoreError

    store, exchange = _exchange(args)
    user = None
    if getattr(args, "user", None):
        user = _user(store, args.user)
        if user is None:
            return EXIT_FAIL
    try:
        if args.command == "import-case":
            try:
                result = exchange.import_case(user, args.file, trust_new_key=args.trust)
            except NeedsTrust as exc:
                _err(exc.en + " Run again with --trust once the fingerprint is confirmed.")
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
                _err(f"set the new user's password in the environment variable {args.password_env}")
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
        _err(exc.en)
        return EXIT_BAD_INPUT
    except StoreError as exc:
        _err(exc.en)
        return EXIT_BAD_INPUT
    return EXIT_FAIL


# --- gui ----------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from exportdesk.gui.app import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exportdesk", description="Security export control for universities."
    )
    parser.add_argument("--forms", help="institution forms folder overriding the shipped forms")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser(
        "evaluate", help="evaluate a case's facts (JSON) and print the determination"
    )
    p.add_argument("file", help="JSON file, or - for stdin")
    p.add_argument("--pretty", action="store_true", help="indent the JSON output")
    p.set_defaults(func=cmd_evaluate)

    forms = sub.add_parser("forms", help="check or show the guidance data")
    fsub = forms.add_subparsers(dest="forms_command", required=True)
    p = fsub.add_parser("validate", help="validate the shipped forms or a forms folder")
    p.add_argument("dir", nargs="?", help="institution forms folder (default: shipped forms)")
    p.set_defaults(func=cmd_forms_validate)
    p = fsub.add_parser("show", help="print a catalogue as a table")
    p.add_argument(
        "what",
        choices=[
            "research-areas",
            "list-items",
            "activities",
            "categories",
            "country-groups",
            "questions",
        ],
    )
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.set_defaults(func=cmd_forms_show)

    p = sub.add_parser("demo", help="evaluate the example cases and print a table (no display)")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.set_defaults(func=cmd_demo)

    db = sub.add_parser("db", help="create, migrate, verify, back up or restore the database")
    db.add_argument("--db", help="database file (default: EXPORTDESK_DB or the user data folder)")
    dsub = db.add_subparsers(dest="db_command", required=True)
    dsub.add_parser("init", help="create the database (or bring it up to date)")
    dsub.add_parser("migrate", help="run pending schema migrations (a backup is taken first)")
    dsub.add_parser("verify", help="check file integrity and the audit log's hash chain")
    dsub.add_parser("backup", help="copy the database to FILE").add_argument("file")
    dsub.add_parser("restore", help="replace the database with FILE").add_argument("file")
    db.set_defaults(func=cmd_db)

    p = sub.add_parser("export", help="export all cases with their decisions")
    p.add_argument("--format", choices=["xlsx", "csv", "json"], default="xlsx")
    p.add_argument("-o", "--output", help="output file")
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("icp", help="the model ICP (安全保障輸出管理規程) as PDF")
    p.add_argument("--format", choices=["small", "large"], help="default: the profile's icp_format")
    p.add_argument("--profile", required=True, help="institution profile (YAML)")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_icp)

    p = sub.add_parser("print", help="a case's filled check sheet and review sheet as PDF")
    p.add_argument("case", nargs="?", help="case id or reference")
    p.add_argument(
        "--all",
        action="store_true",
        help="every case (optionally --status), one PDF each into -o DIR",
    )
    p.add_argument(
        "--status", action="append", help="with --all: only cases in this status (repeatable)"
    )
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("pledge", help="a written pledge for a person, Japanese and English")
    p.add_argument("--person", required=True, help="person id")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_pledge)

    p = sub.add_parser("blank", help="a blank sheet for paper use")
    p.add_argument("kind", choices=["check", "review"])
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_blank)

    eul = sub.add_parser("eul", help="import and compare End User List versions")
    eul.add_argument("--db", help="database file")
    esub = eul.add_subparsers(dest="eul_command", required=True)
    p = esub.add_parser(
        "import", help="import a list: METI's XLSX or PDF, an export-ban PDF, the template"
    )
    p.add_argument("file")
    p.add_argument("--effective", help="effective date YYYY-MM-DD (default today)")
    p.add_argument(
        "--format",
        choices=["auto", "pdf", "csv", "xlsx", "opensanctions", "export_ban"],
        default="auto",
    )
    esub.add_parser("versions", help="list imported versions of every list")
    p = esub.add_parser("threshold", help="show or set the screening threshold (50-100)")
    p.add_argument("value", nargs="?", type=float)
    p.add_argument("--list", default="eul", help="eul, ban_russia, ban_belarus, …")
    p = esub.add_parser("diff", help="added, removed and changed entities between two versions")
    p.add_argument("v1")
    p.add_argument("v2")
    eul.set_defaults(func=cmd_eul)

    p = sub.add_parser("screen", help="screen a name (or a CSV of names) against the End User List")
    p.add_argument("name", nargs="?")
    p.add_argument("--country", help="ISO country code of the counterpart")
    p.add_argument("--csv", help="CSV with columns name[,country]: one line of results per row")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--threshold", type=float, help="score from 50 to 100 (default: the office's setting)"
    )
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_screen)

    def exchange_parser(name: str, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text)
        p.add_argument("--db", help="database file")
        p.add_argument("--keys", help="folder of this installation's signing key")
        p.set_defaults(func=cmd_exchange)
        return p

    p = exchange_parser("import-case", "import a case file sent to the office")
    p.add_argument("file")
    p.add_argument("--user", required=True, help="the office member importing it")
    p.add_argument("--trust", action="store_true", help="trust the sender's key (first contact)")
    p = exchange_parser("send-case", "submit a case and write it as a file for the office")
    p.add_argument("case")
    p.add_argument("--user", required=True)
    p.add_argument("-o", "--output", required=True)
    p = exchange_parser("send-decision", "write the office's decision or questions as a file")
    p.add_argument("case")
    p.add_argument("--user", required=True)
    p.add_argument("-o", "--output", required=True)
    p = exchange_parser("import-decision", "import the office's decision file")
    p.add_argument("file")
    p.add_argument("--user", required=True)
    prof = exchange_parser("profile", "export or import the institution file")
    psub = prof.add_subparsers(dest="profile_command", required=True)
    p = psub.add_parser("export")
    p.add_argument("--user", required=True)
    p.add_argument("-o", "--output", required=True)
    p = psub.add_parser("import")
    p.add_argument("file")
    p.add_argument("--login", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--department", help="department code")
    p.add_argument("--password-env", default="EXPORTDESK_PASSWORD")

    p = sub.add_parser("gui", help="open the application window (the default)")
    p.add_argument("--lang", choices=["ja", "en"], default=None)
    p.add_argument("--db", help="database file (default: EXPORTDESK_DB or the user data folder)")
    p.set_defaults(func=cmd_gui)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
