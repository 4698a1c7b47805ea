"""A cache of validated institution profiles, so that `exportdesk icp` does not import yaml
and pydantic to re-check a profile it has already checked.

After a full validation (domain/profile.py) the profile is written to the user cache
folder as JSON, keyed by a hash of the profile file's bytes, of the code that validates it
and of ExportDesk's version. A later run with the same key rebuilds the profile from that
file as read-only records (forms_cache.Record: the same fields and values).

The cache is never believed: a file whose key differs, whose payload does not match the
digest beside it, or that does not rebuild into exactly the profile's fields with the
right types is ignored, and the profile is validated again and re-cached. Only JSON data
is read (no pickle), and only profiles that passed validation are ever written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exportdesk import __version__
from exportdesk.domain.forms_cache import Record, _decode, _encode, seal, through_cache, unseal
from exportdesk.domain.profile_error import ProfileError

FORMAT = 1
_CODE = ("profile.py", "profile_error.py", "profile_cache.py", "forms_cache.py")
# The fields of InstitutionProfile and of its parts (tests/test_profile_cache.py keeps
# them equal to the pydantic models), each with what a validated value is.
Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _non_empty(value: Any) -> bool:
    return isinstance(value, str) and value != ""


def _a(kind: type) -> Check:
    return lambda value: isinstance(value, kind)


PROFILE_FIELDS: dict[str, Check] = {
    "name": _a(Record),
    "president_title": _a(Record),
    "chief_manager_post": _a(Record),
    "office_name": _a(Record),
    "office_email": _text,
    "departments": _a(list),
    "committee": _a(bool),
    # bool is an int: a retention period of `true` is not a number of years.
    "retention_years": lambda v: type(v) is int and 1 <= v <= 50,
    "effective_date": lambda v: type(v) is dt.date,
    "icp_format": lambda v: v in ("small", "large"),
    "forms_version": lambda v: v is None or isinstance(v, str),
}
BILINGUAL_FIELDS: dict[str, Check] = {"ja": _non_empty, "en": _non_empty}
DEPARTMENT_FIELDS: dict[str, Check] = {
    "code": _non_empty,
    "ja": _non_empty,
    "en": _non_empty,
    "manager_title_ja": _non_empty,
    "manager_title_en": _non_empty,
}
BILINGUAL = ("name", "president_title", "chief_manager_post", "office_name")


def cache_key(data: bytes) -> str:
    digest = hashlib.sha256(f"exportdesk {__version__} profile cache {FORMAT}\n".encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    digest.update(b"\nprofile\0" + data)
    return digest.hexdigest()


def encode_profile(profile: Any, key: str) -> bytes:
    payload = json.dumps(_encode(profile), ensure_ascii=False, separators=(",", ":")).encode()
    return seal(payload, key, FORMAT)


def _has_fields(record: Any, name: str, fields: dict[str, Check]) -> bool:
    if not isinstance(record, Record) or type(record).__name__ != name:
        return False
    values = record.__dict__
    return values.keys() == fields.keys() and all(ok(values[k]) for k, ok in fields.items())


def _well_formed(profile: Any) -> bool:
    if not _has_fields(profile, "InstitutionProfile", PROFILE_FIELDS):
        return False
    if not all(_has_fields(getattr(profile, f), "Bilingual", BILINGUAL_FIELDS) for f in BILINGUAL):
        return False
    return all(_has_fields(d, "Department", DEPARTMENT_FIELDS) for d in profile.departments)


def decode_profile(data: bytes, key: str) -> Any | None:
    """The cached profile, or None when the file is stale, corrupt or not ours."""
    body = unseal(data, key, FORMAT)
    if body is None:
        return None
    try:
        profile = _decode(body)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    return profile if _well_formed(profile) else None


def cached_profile(path: Path | str) -> Any:
    """The profile at `path`, from the cache when it is valid, else validated (and cached).
    Raises ProfileError as domain.profile.load_profile does."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProfileError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        key = cache_key(data)
    except OSError:
        key = ""

    def validate() -> Any:
        from exportdesk.domain.profile import load_profile_bytes

        return load_profile_bytes(data, path)

    return through_cache(
        f"profile-{key[:24]}.json" if key else "",
        lambda cached: decode_profile(cached, key),
        validate,
        lambda profile: encode_profile(profile, key),
    )
