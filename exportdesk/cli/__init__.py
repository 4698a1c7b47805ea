"""`exportdesk`: the command line. One module per command group (`*_cmd.py`), each with a
`register(sub)` that adds its commands; shared helpers in `common`.

Heavy imports (Qt, reportlab, the store) happen inside the command that needs them,
so `exportdesk evaluate` starts fast.
"""

from __future__ import annotations

import argparse
import sys

from exportdesk import __version__
from exportdesk.cli import (
    campus_cmd,
    db_cmd,
    documents_cmd,
    exchange_cmd,
    gui_cmd,
    guidance_cmd,
    lists_cmd,
    people_cmd,
    reports_cmd,
)
from exportdesk.cli.common import EXIT_BAD_INPUT, EXIT_FAIL, EXIT_OK, close_stores

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAIL", "EXIT_OK", "build_parser", "main"]

# Order of the groups in `exportdesk --help`.
GROUPS = [
    guidance_cmd,
    db_cmd,
    campus_cmd,
    documents_cmd,
    people_cmd,
    reports_cmd,
    lists_cmd,
    exchange_cmd,
    gui_cmd,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exportdesk", description="Security export control for universities."
    )
    parser.add_argument("--version", action="version", version=f"ExportDesk {__version__}")
    parser.add_argument("--forms", help="institution forms folder overriding the shipped forms")
    sub = parser.add_subparsers(dest="command")
    for group in GROUPS:
        group.register(sub)
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
    finally:
        close_stores()
