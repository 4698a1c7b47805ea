"""The jinja2 environment for templates/ (autoescaped, strict)."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from exportdesk.resources import templates_dir


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(template: str, /, **context: Any) -> str:
    return environment().get_template(template).render(**context)
