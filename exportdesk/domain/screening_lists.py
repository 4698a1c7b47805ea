"""The lists counterparts are screened against (forms/screening_lists.yaml).

A hit's kind tells the rest of the system what it means: `end_user_list` (catch-all,
the office decides), `export_ban` (prohibited; no exemption clears it).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from exportdesk.domain.catalog import FileHeader, FormsError, Model, Sourced, Text, _read_yaml
from exportdesk.resources import forms_dir

Measure = Literal["catch_all_inform", "export_ban"]

# What a hit means for the engine (another module turns these into red flags).
HIT_KIND: dict[str, str] = {"catch_all_inform": "end_user_list", "export_ban": "export_ban"}


class ScreeningList(Sourced):
    id: str = Field(pattern=r"^[a-z_]+$")
    name: Text
    publisher: Text
    notice: str = ""
    measure: Measure
    measure_text: Text
    default_threshold: float = Field(ge=50, le=100)

    @property
    def hit_kind(self) -> str:
        return HIT_KIND[self.measure]


class ScreeningListsFile(FileHeader):
    entries: list[ScreeningList]


@cache
def screening_lists(path: Path | None = None) -> dict[str, ScreeningList]:
    """Every list by id, in file order; validated once per process."""
    path = path or forms_dir() / "screening_lists.yaml"
    data = _read_yaml(path)
    if data.get("kind") != "screening_lists":
        raise FormsError(f"{path.name}: 'kind' must be 'screening_lists'")
    try:
        parsed = ScreeningListsFile.model_validate(data)
    except ValidationError as exc:
        raise FormsError(f"{path.name}: {exc}") from None
    ids = [e.id for e in parsed.entries]
    if len(set(ids)) != len(ids) or "eul" not in ids:
        raise FormsError(f"{path.name}: ids must be unique and include 'eul'")
    return {e.id: e for e in parsed.entries}


def list_info(kind: str) -> ScreeningList:
    lists = screening_lists()
    if kind not in lists:
        raise FormsError(f"screening_lists.yaml: unknown list '{kind}'")
    return lists[kind]


__all__ = ["HIT_KIND", "Model", "ScreeningList", "list_info", "screening_lists"]
