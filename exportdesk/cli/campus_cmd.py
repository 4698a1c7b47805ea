"""Campus mode: set up the university's PostgreSQL database and its people (IT staff)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from exportdesk.cli.common import EXIT_BAD_INPUT, EXIT_FAIL, EXIT_OK, err, refusal


def _password(args: argparse.Namespace, who: str) -> str | None:
    """From the environment variable named by --password-env, else asked at the terminal."""
    if args.password_env:
        value = os.environ.get(args.password_env, "")
        if not value:
            err(f"the environment variable {args.password_env} is empty")
            return None
        return value
    if not sys.stdin.isatty():
        err("give the password with --password-env VARIABLE (no terminal to ask at)")
        return None
    first = getpass.getpass(f"password for {who}: ")
    if first != getpass.getpass("again: "):
        err("the two passwords differ")
        return None
    return first


def _profile(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from exportdesk.domain.profile import load_profile, parse_profile

    if args.profile:
        return load_profile(args.profile)
    missing = [
        flag
        for flag, value in (
            ("--name-ja", args.name_ja),
            ("--name-en", args.name_en),
            ("--office-ja", args.office_ja),
            ("--office-en", args.office_en),
        )
        if not value
    ]
    if missing:
        raise ValueError("give --profile FILE, or " + ", ".join(missing))
    departments = []
    for item in args.department or []:
        code, _, names = item.partition("=")
        ja, _, en = names.partition("/")
        departments.append({"code": code, "ja": ja or code, "en": en or ja or code})
    return parse_profile(
        {
            "name": {"ja": args.name_ja, "en": args.name_en},
            "president_title": {"ja": "学長", "en": "President"},
            "chief_manager_post": {"ja": "理事", "en": "Executive Vice-President"},
            "office_name": {"ja": args.office_ja, "en": args.office_en},
            "icp_format": args.icp_format,
            "departments": departments,
            "effective_date": "2000-01-01",
        },
        "arguments",
    )


def cmd_init(args: argparse.Namespace) -> int:
    from exportdesk.domain.profile import ProfileError
    from exportdesk.store import StoreError
    from exportdesk.store.pg.campus import init_campus
    from exportdesk.store.pg.engine import redact

    try:
        profile = _profile(args)
    except (ProfileError, ValueError) as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    password = _password(args, args.admin_login)
    if password is None:
        return EXIT_BAD_INPUT
    try:
        result = init_campus(
            args.dsn,
            profile,
            admin_login=args.admin_login,
            admin_name=args.admin_name or args.admin_login,
            admin_password=password,
        )
    except StoreError as exc:
        refusal(exc)
        return EXIT_FAIL
    print(f"{redact(args.dsn)}: schema {result.found} -> {result.version}")
    print(
        f"institution {profile.name.ja} recorded; administrator '{args.admin_login}' created"
        if result.created_institution
        else "institution already recorded; roles and policies refreshed"
    )
    return EXIT_OK


def cmd_add_user(args: argparse.Namespace) -> int:
    from exportdesk.store import StoreError
    from exportdesk.store.pg.campus import add_user

    password = _password(args, args.login)
    if password is None:
        return EXIT_BAD_INPUT
    try:
        user = add_user(
            args.dsn,
            login=args.login,
            name=args.name or args.login,
            password=password,
            roles=args.role,
            department=args.department,
            email=args.email,
            language=args.language,
            proxy_for=args.proxy_for,
        )
    except StoreError as exc:
        refusal(exc)
        return EXIT_BAD_INPUT
    roles = ", ".join(sorted(r for r, _ in user.roles))
    print(f"user '{user.login}' created ({roles})")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    campus = sub.add_parser(
        "campus", help="campus mode: set up the university's PostgreSQL database (IT staff)"
    )
    csub = campus.add_subparsers(dest="campus_command", required=True)

    p = csub.add_parser(
        "init", help="create or upgrade the schema, roles and policies; record the institution"
    )
    p.add_argument("dsn", help="postgresql://ADMIN@HOST/DB (a PostgreSQL administrator)")
    p.add_argument("--profile", help="institution profile (YAML), e.g. institution-profile.yaml")
    p.add_argument("--name-ja")
    p.add_argument("--name-en")
    p.add_argument("--office-ja")
    p.add_argument("--office-en")
    p.add_argument("--icp-format", choices=["small", "large"], default="small")
    p.add_argument(
        "--department", action="append", help="CODE=名称/Name (repeat for each department)"
    )
    p.add_argument("--admin-login", required=True, help="the first ExportDesk administrator")
    p.add_argument("--admin-name")
    p.add_argument("--password-env", help="environment variable holding the password")
    p.set_defaults(func=cmd_init)

    p = csub.add_parser("add-user", help="create a person: their login role and their record")
    p.add_argument("dsn", help="postgresql://ADMIN@HOST/DB (a PostgreSQL administrator)")
    p.add_argument("login")
    p.add_argument("--name")
    p.add_argument(
        "--role",
        action="append",
        required=True,
        choices=["applicant", "proxy", "dept_manager", "office", "chief_manager", "admin"],
    )
    p.add_argument("--department", help="department code (a department manager's department)")
    p.add_argument("--email", default="")
    p.add_argument("--language", choices=["ja", "en"], default="ja")
    p.add_argument(
        "--proxy-for", action="append", help="login of an applicant this proxy files for"
    )
    p.add_argument("--password-env", help="environment variable holding the password")
    p.set_defaults(func=cmd_add_user)
