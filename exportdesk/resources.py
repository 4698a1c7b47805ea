"""Where the shipped data folders are, both in a source checkout and in an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder `forms`, `templates` or `assets`.

    A wheel carries them under exportdesk/_data/; an editable install or a
    checkout finds them at the top of the repository.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ExportDesk data folder '{name}' is missing from the installation")


def forms_dir() -> Path:
    return data_dir("forms")


def templates_dir() -> Path:
    return data_dir("templates")


def assets_dir() -> Path:
    return data_dir("assets")


def font_path(name: str = "ipaexg.ttf") -> Path:
    return assets_dir() / "fonts" / name
