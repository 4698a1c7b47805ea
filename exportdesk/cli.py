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
        choices=["research-areas", "list-items", "activities", "categories", "country-groups",
                 "questions"],
    )  # fmt: skip
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.set_defaults(func=cmd_forms_show)

    p = sub.add_parser("demo", help="evaluate the example cases and print a table (no display)")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("gui", help="open the application window (the default)")
    p.add_argument("--lang", choices=["ja", "en"], default=None)
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
