"""Reports: the annual report PDF and its section texts, survey figures, the internal audit."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
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


def _store_and_user(args: argparse.Namespace, required: bool = False) -> tuple[Any, Any, int]:
    """(store, user, 0), or (None, None, exit code) after a message. Reports read cases:
    the user signs in (--user, password asked for or EXPORTDESK_PASSWORD)."""
    store = open_store(args)
    if store is None:
        return None, None, EXIT_FAIL
    login = getattr(args, "user", None)
    if not login:
        err("give --user LOGIN: reports and changes are made as a signed-in user")
        return None, None, EXIT_BAD_INPUT
    user = acting_user(store, login)
    if user is None:
        return None, None, EXIT_BAD_INPUT
    return store, user, 0


def _period(args: argparse.Namespace) -> Any:
    from exportdesk.domain.statistics import Period

    return Period.fiscal_year(args.year) if args.fiscal else Period.calendar_year(args.year)


def cmd_report(args: argparse.Namespace) -> int:
    from exportdesk.documents.report import annual_report_pdf
    from exportdesk.domain.statistics import PeriodError
    from exportdesk.store import StoreError
    from exportdesk.store.stats import Statistics

    store, user, code = _store_and_user(args)
    if store is None:
        return code
    try:
        data = Statistics(store).report_data(user, args.year, args.lang, _period(args))
    except (StoreError, PeriodError) as exc:
        err(exc.message("en"))
        return EXIT_BAD_INPUT
    write(args.output, annual_report_pdf(data))
    store.record_export(user, "annual_report", args.output, data.total)
    print(f"{args.output}: annual report {args.year} ({args.lang}), {data.total} cases")
    return EXIT_OK


def cmd_report_text(args: argparse.Namespace) -> int:
    from exportdesk.domain.annual_report import SECTIONS
    from exportdesk.store import StoreError
    from exportdesk.store.stats import Statistics

    store, user, code = _store_and_user(args, required=args.section is not None)
    if store is None:
        return code
    stats = Statistics(store)
    if args.section is None:
        texts = stats.report_texts(args.year, args.lang)
        for section in SECTIONS:
            print(f"[{section}]\n{texts.get(section, '(drafted from the figures)')}\n")
        return EXIT_OK
    if args.file:
        try:
            body = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            err(f"{args.file}: cannot be read ({exc})")
            return EXIT_BAD_INPUT
    elif args.text is not None:
        body = args.text
    else:
        body = sys.stdin.read()
    try:
        stats.save_report_text(user, args.year, args.lang, args.section, body)
    except StoreError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT
    print(f"saved: {args.year} {args.lang} {args.section}")
    return EXIT_OK


def cmd_survey(args: argparse.Namespace) -> int:
    from exportdesk.documents.survey import survey_xlsx
    from exportdesk.store import StoreError
    from exportdesk.store.stats import Statistics

    try:
        reference = dt.date.fromisoformat(args.date)
    except ValueError:
        err(f"not a date (YYYY-MM-DD): {args.date}")
        return EXIT_BAD_INPUT
    store, user, code = _store_and_user(args)
    if store is None:
        return code
    try:
        rows = Statistics(store).survey(user, reference)
    except StoreError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT
    lang = args.lang
    departments = {d["id"]: d[f"name_{lang}"] for d in store.departments()}
    inst = store.institution() or {}
    data = survey_xlsx(
        rows,
        departments,
        institution=inst.get(f"name_{lang}", ""),
        reference=reference.isoformat(),
        lang=lang,
    )
    write(args.output, data)
    people = sum(r["n"] for r in rows)
    store.record_export(user, "survey", args.output, people)
    print(f"{args.output}: {people} foreign researchers and students at {reference}")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from exportdesk.store import StoreError
    from exportdesk.store.internal_audit import InternalAudits

    if args.action == "report" and not args.output:
        err("audit report needs -o FILE")
        return EXIT_BAD_INPUT
    writes = args.action not in ("show", "report", "verify")
    store, user, code = _store_and_user(args, required=writes)
    if store is None:
        return code
    audits = InternalAudits(store)
    try:
        if args.action == "start":
            audit_id = audits.start(
                user, args.year, per_department=args.per_department, seed=args.seed
            )
            audit = audits.get(user, audit_id)
            print(
                f"internal audit {args.year}: {len(audit['cases'])} cases sampled,"
                f" seed {audit['seed']}"
            )
            return EXIT_OK
        audit_id = audits.id_for_year(args.year)
        if args.action == "show":
            _show(audits.get(user, audit_id))
        elif args.action == "verify":
            same = audits.verify_sample(audit_id)
            print("the sample draws again identically" if same else "the sample DIFFERS")
            return EXIT_OK if same else EXIT_FAIL
        elif args.action == "check":
            audits.check_programme(user, audit_id, args.standard, args.result, args.note or "")
        elif args.action == "check-case":
            if not args.results or not args.case:
                err("check-case needs --case and --results check=result,…")
                return EXIT_BAD_INPUT
            results = dict(pair.split("=", 1) for pair in args.results.split(",") if "=" in pair)
            case_id = store.case_id_for(args.case)
            audits.check_case(user, audit_id, case_id, results, args.note or "")
        elif args.action == "finding":
            owner = acting_user(store, args.owner) if args.owner else None
            if args.owner and owner is None:
                return EXIT_BAD_INPUT
            finding_id = audits.add_finding(
                user,
                audit_id,
                severity=args.severity,
                finding=args.finding,
                action=args.corrective or "",
                owner_id=owner.id if owner else None,
                due_date=args.due,
                case_id=store.case_id_for(args.case) if args.case else None,
                standard_id=args.standard,
            )
            print(f"finding {finding_id} recorded")
        elif args.action == "done":
            audits.complete_action(user, args.finding_id, args.note or "")
        elif args.action == "close":
            audits.close(user, audit_id, args.summary or "")
        elif args.action == "report":
            from exportdesk.documents.audit_report import audit_report_pdf

            audit = audits.get(user, audit_id)
            departments = {d["id"]: d[f"name_{args.lang}"] for d in store.departments()}
            inst = store.institution() or {}
            pdf = audit_report_pdf(audit, departments, inst.get(f"name_{args.lang}", ""), args.lang)
            write(args.output, pdf)
            store.record_export(user, "internal_audit", args.output, len(audit["cases"]))
            print(f"{args.output}: internal audit {args.year} ({args.lang})")
    except StoreError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _show(audit: dict[str, Any]) -> None:
    print(
        f"internal audit {audit['year']} ({audit['status']}), seed {audit['seed']},"
        f" {audit['per_department']} per department"
    )
    print(
        table(
            [[i["id"], i["result"] or "-", i["note"]] for i in audit["checklist"]],
            ["standard", "result", "note"],
        )
    )
    print()
    print(
        table(
            [
                [
                    c["ref"],
                    ",".join(f"{k}={v}" for k, v in sorted(c["checks"].items())) or "unchecked",
                    " ".join(f"{k}:{v['suggested']}" for k, v in sorted(c["evidence"].items())),
                ]
                for c in audit["cases"]
            ],
            ["case", "checks", "evidence suggests"],
        )
    )
    for f in audit["findings"]:
        print(
            f"finding {f['id']} [{f['severity']}] {f['finding']} -> {f['action']}"
            f" (owner {f['owner_name'] or '-'}, due {f['due_date'] or '-'},"
            f" {'done ' + f['done_at'][:10] if f['done_at'] else 'open'})"
        )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="the annual report for the committee as PDF")
    p.add_argument("--year", type=int, required=True)
    p.add_argument(
        "--fiscal", action="store_true", help="April to March instead of the calendar year"
    )
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--user", help="the user signing in (password asked for, or EXPORTDESK_PASSWORD)"
    )
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("report-text", help="show or set the annual report's text per section")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("--section", help="overview, activities, countries, departments, …")
    p.add_argument("--text", help="the text (empty: back to the drafted default)")
    p.add_argument("--file", help="read the text from a UTF-8 file (default: standard input)")
    p.add_argument("--user", help="the office user who edits")
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_report_text)

    p = sub.add_parser("survey", help="foreign researchers and students at a date, as Excel")
    p.add_argument("--date", required=True, help="reference date (YYYY-MM-DD)")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--user", help="the user signing in (password asked for, or EXPORTDESK_PASSWORD)"
    )
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_survey)

    p = sub.add_parser("audit", help="the yearly internal audit")
    p.add_argument(
        "action",
        choices=[
            "start",
            "show",
            "check",
            "check-case",
            "finding",
            "done",
            "close",
            "report",
            "verify",
        ],
    )
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--per-department", type=int, default=5, help="start: cases per department")
    p.add_argument("--seed", help="start: the sampling seed (default: a fresh random one)")
    p.add_argument("--standard", help="check / finding: a standards element id")
    p.add_argument("--result", choices=["pass", "fail", "not_applicable"], help="check")
    p.add_argument("--case", help="check-case / finding: case id or reference")
    p.add_argument("--results", help="check-case: sheet_complete=pass,screening_in_force=fail,…")
    p.add_argument("--note", help="check / check-case / done: a note")
    p.add_argument("--severity", choices=["major", "minor", "observation"], help="finding")
    p.add_argument("--finding", help="finding: what was found")
    p.add_argument("--corrective", help="finding: the corrective action")
    p.add_argument("--owner", help="finding: login of the action's owner")
    p.add_argument("--due", help="finding: due date (YYYY-MM-DD)")
    p.add_argument("--finding-id", type=int, help="done: the finding whose action is done")
    p.add_argument("--summary", help="close: the audit's summary")
    p.add_argument("--lang", choices=["ja", "en"], default="ja", help="report")
    p.add_argument("-o", "--output", help="report: the PDF")
    p.add_argument("--user", help="the auditor (required for changes)")
    p.add_argument("--db", help="database file")
    p.set_defaults(func=cmd_audit)
