"""Commands on the guidance itself: evaluate a case, validate or show the forms, the demo."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from exportdesk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAIL,
    EXIT_OK,
    err,
    load_forms,
    table,
)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from exportdesk.domain.catalog_core import FormsError
    from exportdesk.domain.determination import evaluate_dict
    from exportdesk.domain.facts import FactsError, load_json

    try:
        raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        err(f"cannot read {args.file}: {exc}")
        return EXIT_BAD_INPUT
    try:
        data = load_json(raw)  # refuses absurd nesting and numbers, naming the field
    except FactsError as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    except json.JSONDecodeError as exc:
        err(f"{args.file}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}")
        return EXIT_BAD_INPUT
    try:
        catalog = load_forms(args)
    except FormsError as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    try:
        result = evaluate_dict(data, catalog)
    except FactsError as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return EXIT_OK


def cmd_forms_validate(args: argparse.Namespace) -> int:
    from exportdesk.domain.catalog import FormsError, load_catalog

    try:
        catalog = load_catalog(args.dir)
    except FormsError as exc:
        err(str(exc))
        return EXIT_FAIL
    where = args.dir or "shipped forms"
    from exportdesk.domain.law import LawFileError, check_against_law, default_law_dir

    law_dir = Path(args.law) if args.law else default_law_dir()
    if law_dir is not None:
        try:
            law_file, problems = check_against_law(catalog, law_dir)
        except LawFileError as exc:
            err(str(exc))
            return EXIT_FAIL
        for problem in problems:
            err(f"against the law ({law_file.name if law_file else law_dir}): {problem}")
        if problems:
            return EXIT_FAIL
        if law_file is not None:
            print(f"Checked against {law_file.name}: country groups and list items agree.")
    print(
        f"OK: {where}, version {catalog.version}: "
        f"{len(catalog.list_items.entries)} list items, "
        f"{len(catalog.research_areas.entries)} research areas, "
        f"{len(catalog.activities.entries)} activities, "
        f"{len(catalog.questions)} check-sheet questions, "
        f"{len(catalog.review_sheet.sections)} review-sheet sections"
    )
    return EXIT_OK


def cmd_forms_show(args: argparse.Namespace) -> int:
    catalog = load_forms(args)
    lang = args.lang
    what = args.what
    if what == "research-areas":
        rows = [
            [a.code, a.name.get(lang), ",".join(a.list_items), a.confidence]
            for a in catalog.research_areas.entries
        ]
        print(table(rows, ["code", "name", "list items", "confidence"]))
        print(f"\n{len(rows)} areas. {catalog.research_areas.catalogue_note.get(lang)}")
    elif what == "list-items":
        rows = [[i.id, i.name.get(lang), i.group, i.confidence] for i in catalog.list_items.entries]
        print(table(rows, ["item", "name", "group", "confidence"]))
    elif what == "activities":
        rows = [[a.id, a.name.get(lang)] for a in catalog.activities.entries]
        print(table(rows, ["id", "name"]))
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

    catalog = load_forms(args)
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
    print(table(rows, ["case", "outcome", "reasons"]))
    print(
        f"\nforms version {catalog.version}; {len(list(examples_dir().glob('case-*.json')))} cases"
    )
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
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
    p.add_argument(
        "--law", help="folder with the e-Gov XML of the Export Trade Control Order to check against"
    )
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
