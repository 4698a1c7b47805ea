"""The application window."""

from __future__ import annotations

import argparse


def cmd_gui(args: argparse.Namespace) -> int:
    from exportdesk.gui.app import run

    return run(args)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the application window (the default)")
    p.add_argument("--lang", choices=["ja", "en"], default=None)
    p.add_argument("--db", help="database file (default: EXPORTDESK_DB or the user data folder)")
    p.add_argument(
        "--screenshot",
        metavar="PNG",
        help="draw the first window (set-up or sign-in) into PNG and quit; checks an installation",
    )
    p.set_defaults(func=cmd_gui)
