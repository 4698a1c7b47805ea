"""`exportdesk`: the command line. One module per command group (`*_cmd.py`), each with a
`register(sub)` that adds its commands; shared helpers in `common`.

Heavy imports (Qt, reportlab, the store) happen inside the command that needs them, and
a command line naming a command imports and registers only that command's group, so
`exportdesk evaluate` starts fast. `exportdesk --help` (or no command) builds them all.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from exportdesk import __version__
from exportdesk.cli.common import EXIT_BAD_INPUT, EXIT_FAIL, EXIT_OK, close_stores

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAIL", "EXIT_OK", "build_parser", "main"]

# Order of the groups in `exportdesk --help`.
GROUPS = [
    "guidance_cmd",
    "db_cmd",
    "campus_cmd",
    "documents_cmd",
    "people_cmd",
    "reports_cmd",
    "lists_cmd",
    "exchange_cmd",
    "gui_cmd",
]
# The group that registers each command (tests/test_cli.py keeps it equal to the groups).
COMMANDS = {
    **dict.fromkeys(["evaluate", "forms", "demo"], "guidance_cmd"),
    **dict.fromkeys(["db", "export"], "db_cmd"),
    "campus": "campus_cmd",
    **dict.fromkeys(["icp", "print", "blank"], "documents_cmd"),
    **dict.fromkeys(["people", "pledge"], "people_cmd"),
    **dict.fromkeys(["report", "report-text", "survey", "audit"], "reports_cmd"),
    **dict.fromkeys(["eul", "screen"], "lists_cmd"),
    **dict.fromkeys(
        ["import-case", "send-case", "send-decision", "import-decision", "profile"],
        "exchange_cmd",
    ),
    "gui": "gui_cmd",
}


def group(name: str) -> ModuleType:
    return importlib.import_module(f"exportdesk.cli.{name}")


def build_parser(groups: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser with every group's commands, or with only `groups`'."""
    parser = argparse.ArgumentParser(
        prog="exportdesk", description="Security export control for universities."
    )
    parser.add_argument("--version", action="version", version=f"ExportDesk {__version__}")
    parser.add_argument("--forms", help="institution forms folder overriding the shipped forms")
    sub = parser.add_subparsers(dest="command")
    for name in GROUPS if groups is None else groups:
        group(name).register(sub)
    return parser


def _command(argv: list[str]) -> str | None:
    """The command named on the line (the first word that is not a top-level option), or
    None when there is none, or help is asked for before it."""
    words = iter(argv)
    for word in words:
        if word == "--forms":
            next(words, None)
        elif word in ("-h", "--help"):
            return None
        elif not word.startswith("-"):
            return word
    return None


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    command = _command(words)
    parser = build_parser([COMMANDS[command]] if command in COMMANDS else None)
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        args = build_parser(["gui_cmd"]).parse_args([*words, "gui"])
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return EXIT_OK
    finally:
        close_stores()
