"""Documents: the ICP, filled and blank sheets (pledges: people_cmd)."""

from __future__ import annotations

import argparse
from pathlib import Path

from exportdesk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAIL,
    EXIT_OK,
    acting_user,
    add_user_argument,
    err,
    load_forms,
    open_store,
    refusal,
    write,
)


def cmd_icp(args: argparse.Namespace) -> int:
    from exportdesk.documents.icp import icp_pdf
    from exportdesk.domain.profile_cache import cached_profile
    from exportdesk.domain.profile_error import ProfileError

    try:
        profile = cached_profile(args.profile)
    except ProfileError as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    fmt = args.format or profile.icp_format
    if not write(args.output, icp_pdf(profile, load_forms(args), fmt, args.lang)):
        return EXIT_FAIL
    print(f"{args.output}: {fmt}-university ICP ({args.lang})")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from exportdesk.documents.sheets import case_pdf
    from exportdesk.store import StoreError

    store = open_store(args)
    if store is None:
        return EXIT_FAIL
    user = acting_user(store, args.user)
    if user is None:
        return EXIT_FAIL
    inst = store.institution() or {}
    head = store.signed_head()
    if args.all:
        from exportdesk.documents.batch import write_case_pdfs

        # The cases this user may see, without other people's drafts (as for exports).
        ids = [c["id"] for c in store.iter_cases_for_export(user, args.status)]
        cases = [store.get_case(user, case_id) for case_id in ids]
        try:
            paths = write_case_pdfs(
                cases,
                Path(args.output),
                lang=args.lang,
                institution=inst.get(f"name_{args.lang}", ""),
                audit_head=head,
            )
        except OSError as exc:
            err(f"cannot write to {args.output}: {exc.strerror or exc}")
            return EXIT_FAIL
        store.record_export(user, "case_pdf", args.output, len(paths))
        print(f"{len(paths)} PDFs written to {args.output}")
        return EXIT_OK
    if not args.case:
        err("give a case id or reference, or --all")
        return EXIT_BAD_INPUT
    try:
        case = store.get_case(user, store.case_id_for(args.case))
        if not store.may_output(user, case):
            raise StoreError("not_visible")  # someone else's draft is not a record yet
    except StoreError as exc:
        refusal(exc, f"case {args.case}: ")
        return EXIT_FAIL
    data = case_pdf(case, store.catalog, args.lang, inst.get(f"name_{args.lang}", ""), head)
    if not write(args.output, data):
        return EXIT_FAIL
    store.record_export(user, "case_pdf", args.output, 1)
    print(f"{args.output}: {case['ref']}")
    return EXIT_OK


def cmd_blank(args: argparse.Namespace) -> int:
    from exportdesk.documents.sheets import blank_pdf

    if not write(args.output, blank_pdf(args.kind, load_forms(args), args.lang)):
        return EXIT_FAIL
    print(f"{args.output}: blank {args.kind} sheet ({args.lang})")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
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
    add_user_argument(p)
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("blank", help="a blank sheet for paper use")
    p.add_argument("kind", choices=["check", "review"])
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_blank)
