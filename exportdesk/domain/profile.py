"""The institution profile that fills the model ICP (and is distributed to installations)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from exportdesk.domain.profile_error import ProfileError

__all__ = [
    "InstitutionProfile",
    "ProfileError",
    "load_profile",
    "load_profile_bytes",
    "parse_profile",
]

NonEmpty = Annotated[str, Field(min_length=1)]


# How a person knows each field of the profile (Japanese, English).
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "name": ("機関名", "Institution name"),
    "president_title": ("機関の長の職名", "Chief officer's title"),
    "chief_manager_post": ("輸出管理統括責任者の職", "Chief manager's post"),
    "office_name": ("輸出管理担当部署の名称", "Office name"),
    "office_email": ("担当部署のメールアドレス", "Office e-mail"),
    "departments": ("部局", "Departments"),
    "retention_years": ("保存期間", "Retention period"),
    "effective_date": ("施行日", "Effective date"),
    "icp_format": ("規程の様式", "ICP format"),
}
LANG_NAMES = {"ja": ("日本語", "Japanese"), "en": ("英語", "English")}
PROBLEMS = {
    "string_too_short": ("が空欄です", "is empty"),
    "missing": ("がありません", "is missing"),
    "greater_than_equal": ("が小さすぎます", "is too small"),
    "less_than_equal": ("が大きすぎます", "is too large"),
}


def _field_label(loc: tuple[Any, ...]) -> tuple[str, str]:
    head = str(loc[0]) if loc else ""
    ja, en = FIELD_NAMES.get(head, (head, head))
    if len(loc) > 1 and str(loc[-1]) in LANG_NAMES:
        lja, len_ = LANG_NAMES[str(loc[-1])]
        ja, en = f"{ja}（{lja}）", f"{en} ({len_})"
    return ja, en


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
        ja_parts, en_parts = [], []
        for err in exc.errors()[:5]:
            ja, en = _field_label(tuple(err["loc"]))
            pja, pen = PROBLEMS.get(err["type"], ("が正しくありません", "is not valid"))
            ja_parts.append(f"「{ja}」{pja}")
            # The profile is a YAML file people edit: the key helps them find the line.
            key = ".".join(str(p) for p in err["loc"])
            en_parts.append(f"{en} (field '{key}') {pen}")
        raise ProfileError(
            f"{source}: " + "; ".join(en_parts), "、".join(ja_parts) + "。"
        ) from None


def load_profile(path: Path | str) -> InstitutionProfile:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProfileError(f"{path}: cannot be read ({exc.strerror})") from None
    return load_profile_bytes(data, path)


def load_profile_bytes(data: bytes, path: Path) -> InstitutionProfile:
    """The profile in `data`, the content of the file at `path` (named in messages)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError(
            f"{path}: not UTF-8 text", f"{path}: UTF-8 のテキストではありません"
        ) from None
    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProfileError(f"{path}: not valid YAML: {exc}") from None
    return parse_profile(parsed, str(path.name))
