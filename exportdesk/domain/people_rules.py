"""forms/people.yaml: the statuses, pledge kinds, states and reminder periods, validated.

Kept apart from domain/people.py so that the rules themselves import nothing heavy.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from exportdesk.domain.catalog import FormsError, Sourced, Text
from exportdesk.domain.people import PLEDGE_KINDS, STATES
from exportdesk.resources import forms_dir


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reminders(_Model):
    entry_pledge_days: int = Field(ge=0)
    exit_pledge_notice_days: int = Field(ge=0)
    declaration_valid_months: int = Field(ge=1)
    declaration_notice_days: int = Field(ge=0)
    recheck_days: int = Field(ge=0)
    training_valid_months: int = Field(ge=1)
    source: str
    confidence: str


class Entry(Sourced):
    id: str
    text: Text


class PeopleRules(_Model):
    kind: str
    version: str
    effective_date: dt.date
    reminders: Reminders
    statuses: list[Entry]
    pledge_kinds: list[Entry]
    states: list[Entry]
    due_kinds: list[Entry]
    recheck_reasons: list[Entry]
    # Courses offered when training is recorded; any other course may be typed.
    training_courses: list[Entry] = []

    def label(self, group: str, key: str, lang: str) -> str:
        for entry in getattr(self, group):
            if entry.id == key:
                return entry.text.get(lang)
        return key

    def status_id(self, text: str) -> str | None:
        """A status id from its id or either label (as a student system may write it)."""
        wanted = text.strip().casefold()
        for entry in self.statuses:
            if wanted in (entry.id, entry.text.ja.casefold(), entry.text.en.casefold()):
                return entry.id
        return None


def load_people_rules(folder: Path | str | None = None) -> PeopleRules:
    """forms/people.yaml, or an institution's copy of it when its folder has one."""
    path = Path(folder or forms_dir()) / "people.yaml"
    if not path.is_file():
        path = forms_dir() / "people.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = PeopleRules.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise FormsError(f"people.yaml: cannot be read: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise FormsError(f"people.yaml: field '{where}': {first['msg']}") from None
    if rules.kind != "people":
        raise FormsError(f"people.yaml: 'kind' must be 'people', found {rules.kind!r}")
    if {s.id for s in rules.states} != set(STATES):
        raise FormsError("people.yaml: states must be requested, received and checked")
    if {k.id for k in rules.pledge_kinds} != set(PLEDGE_KINDS):
        raise FormsError("people.yaml: pledge_kinds must be entry, exit and change")
    return rules


@cache
def default_people_rules() -> PeopleRules:
    return load_people_rules()
