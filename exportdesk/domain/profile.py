"""The institution profile that fills the model ICP (and is distributed to installations)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

NonEmpty = Annotated[str, Field(min_length=1)]


class ProfileError(ValueError):
    """The profile is missing, unreadable or has an invalid field (named in the message)."""


class Bilingual(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ja: NonEmpty
    en: NonEmpty


class Department(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: NonEmpty
    ja: NonEmpty
    en: NonEmpty
    manager_title_ja: NonEmpty = "部局長"
    manager_title_en: NonEmpty = "Dean"


class InstitutionProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Bilingual
    president_title: Bilingual
    chief_manager_post: Bilingual
    office_name: Bilingual
    office_email: str = ""
    departments: list[Department] = []
    committee: bool = True
    retention_years: int = Field(default=7, ge=1, le=50)
    effective_date: dt.date
    icp_format: str = Field(default="small", pattern="^(small|large)$")
    forms_version: str | None = None


def parse_profile(data: Any, source: str = "profile") -> InstitutionProfile:
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: expected a mapping of fields")
    try:
        return InstitutionProfile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:5]:
            name = ".".join(str(p) for p in err["loc"])
            problems.append(f"field '{name}': {err['msg']}")
        raise ProfileError(f"{source}: " + "; ".join(problems)) from None


def load_profile(path: Path | str) -> InstitutionProfile:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ProfileError(f"{path}: not valid YAML: {exc}") from None
    return parse_profile(data, str(path.name))
