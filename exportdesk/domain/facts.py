"""The facts of a case, as the engine reads them (the `exportdesk evaluate` input).

Parsing checks every value against the catalogue and raises FactsError naming
the field, so that a bad file never reaches the rules.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from exportdesk.domain.catalog_core import Catalog
from exportdesk.domain.countries import is_country_code
from exportdesk.domain.dates import DateError, parse_date


class FactsError(ValueError):
    """The input does not describe a case the engine can evaluate."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


@dataclass(frozen=True)
class ForeignContract:
    exists: bool = False
    must_follow_instructions: bool = False
    # Exceptions (イ)/(ロ) both need a contract with a Japanese corporation whose
    # instructions the person follows; without it neither applies.
    japanese_corporation_contract: bool = False
    japanese_employer_priority_agreed: bool = False
    counterparty_is_group_company: bool = False


@dataclass(frozen=True)
class Person:
    nationality: str
    entry_date: dt.date | None = None
    employed_in_japan: bool = False
    japanese_abroad_since: dt.date | None = None
    working_abroad: bool = False
    intends_to_stay_abroad_2_years: bool = False
    japanese_diplomatic_staff: bool = False
    diplomat_or_foreign_official: bool = False
    foreign_contract: ForeignContract = field(default_factory=ForeignContract)
    foreign_government_benefit_share: float = 0.0
    acts_on_foreign_government_instructions: bool = False


@dataclass(frozen=True)
class Counterpart:
    name: str = ""
    country: str | None = None
    organisation: str = ""
    # Found on a list of specified entities under an export ban (set by screening).
    on_export_ban_list: bool = False


@dataclass(frozen=True)
class Technology:
    provided: bool = False
    where: str = "japan"
    publicly_available: bool = False
    basic_science: bool = False
    for_patent_filing: bool = False
    # Published for the purpose of giving it to a specific person, or disclosed
    # under confidentiality: then it is not publicly available.
    publication_restricted: bool = False
    # Given to a resident here, but it will clearly pass to a non-resident.
    passes_to_non_resident: bool = False
    list_items: tuple[str, ...] = ()
    research_areas: tuple[str, ...] = ()
    classification_unclear: bool = False


@dataclass(frozen=True)
class Goods:
    exported: bool = False
    # Handed over in Japan to someone who will clearly export them.
    handed_over_for_export: bool = False
    list_items: tuple[str, ...] = ()
    classification_unclear: bool = False


@dataclass(frozen=True)
class Facts:
    as_of: dt.date
    activity: str
    person: Person | None = None
    counterpart: Counterpart = field(default_factory=Counterpart)
    technology: Technology = field(default_factory=Technology)
    goods: Goods = field(default_factory=Goods)
    red_flags: tuple[str, ...] = ()


# --- parsing helpers ----------------------------------------------------------


def _obj(data: Any, name: str) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FactsError(name, "expected an object")
    return data


def _no_unknown(data: dict[str, Any], allowed: set[str], prefix: str) -> None:
    for key in data:
        if key not in allowed:
            raise FactsError(f"{prefix}{key}", "unknown field")


def _bool(data: dict[str, Any], key: str, prefix: str) -> bool:
    value = data.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise FactsError(f"{prefix}{key}", f"expected true or false, got {_short(value)}")
    return value


# Dates the rules can compute with (six months or two years later still exist).
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
MAX_DEPTH = 8  # the input nests at most 3 levels; anything far deeper is refused


def _short(value: Any) -> str:
    """A value for an error message, never long (nor a 5,000-digit repr)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, OversizedNumber):
        return f"a number of {len(value.text)} characters"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}..."


def _date(value: Any, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    elif not isinstance(value, str):
        raise FactsError(name, f"expected a date YYYY-MM-DD, got {_short(value)}")
    elif len(value) > 40:
        raise FactsError(name, f"{_short(value)} is not a date in the form YYYY-MM-DD")
    else:
        try:
            # 2026-12-01, 2026/12/01 or 令和8年12月1日; never 20261125 or 2026W481.
            day = parse_date(value)
        except DateError as exc:
            raise FactsError(name, exc.en) from None
    if not DATE_MIN <= day <= DATE_MAX:
        raise FactsError(name, f"{day.isoformat()} is out of range ({DATE_MIN} to {DATE_MAX})")
    return day


def _country(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not is_country_code(value.upper()):
        raise FactsError(name, f"unknown country code {_short(value)} (expected ISO 3166 alpha-2)")
    return value.upper()


def _codes(value: Any, name: str, known: dict[str, Any], what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FactsError(name, "expected a list")
    result = []
    for i, code in enumerate(value):
        if isinstance(code, int) and not isinstance(code, bool) and code.bit_length() < 64:
            code = str(code)
        if not isinstance(code, str) or code not in known:
            raise FactsError(f"{name}[{i}]", f"unknown {what} {_short(code)}")
        result.append(code)
    return tuple(result)


def _text(data: dict[str, Any], key: str, prefix: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FactsError(f"{prefix}{key}", "expected text")
    return value


class OversizedNumber:
    """A JSON number too long to be a real answer; kept so the field can be named."""

    def __init__(self, text: str) -> None:
        self.text = text


def _number(text: str) -> Any:
    if len(text) > 30:
        return OversizedNumber(text)
    return float(text) if any(c in text for c in ".eE") else int(text)


def _depth_path(raw: str, limit: int) -> str | None:
    """The key path at which `raw` first nests deeper than `limit`, or None.

    A plain scan (strings skipped), so that absurd nesting is refused before
    json.loads recurses into it.
    """
    stack: list[str] = []
    key: str | None = None
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c == '"':
            j = i + 1
            while j < n and raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            k = j + 1
            while k < n and raw[k] in " \t\r\n":
                k += 1
            if k < n and raw[k] == ":":
                key = raw[i + 1 : j]
            i = j + 1
            continue
        if c in "[{":
            parent = stack[-1] if stack else ""
            if key is not None:
                path = f"{parent}.{key}" if parent else key
            else:
                path = f"{parent}[]" if parent else ""
            stack.append(path)
            key = None
            if len(stack) > limit:
                return path or "(input)"
        elif c in "]}":
            if stack:
                stack.pop()
            key = None
        elif c == ",":
            key = None
        i += 1
    return None


def load_json(raw: str) -> Any:
    """Read engine input text; too deep or absurd input raises FactsError naming the field.

    json.JSONDecodeError (a ValueError) is left for the caller to word.
    """
    path = _depth_path(raw, MAX_DEPTH)
    if path is not None:
        raise FactsError(path, f"nested more than {MAX_DEPTH} levels deep")
    return json.loads(raw, parse_int=_number, parse_float=_number)


def _keys(data: dict[str, Any], prefix: str) -> None:
    for key in data:
        if not isinstance(key, str):
            raise FactsError(f"{prefix}{key}", "field names must be text")


def parse_facts(data: Any, catalog: Catalog, today: dt.date | None = None) -> Facts:
    """Validate engine input (a JSON-like dict) against the catalogue."""
    if not isinstance(data, dict):
        raise FactsError("(input)", "expected a JSON object")
    _keys(data, "")
    _no_unknown(
        data,
        {
            "as_of",
            "activity",
            "person",
            "counterpart",
            "technology",
            "goods",
            "red_flags",
        },
        "",
    )
    activity = data.get("activity")
    if activity is None or activity == "":
        raise FactsError("activity", "is required")
    if not isinstance(activity, str):
        raise FactsError("activity", f"expected an activity id (text), got {_short(activity)}")
    if activity not in catalog.activity_by_id:
        known = ", ".join(catalog.activity_by_id)
        raise FactsError("activity", f"unknown activity {_short(activity)} (known: {known})")
    as_of = _date(data.get("as_of"), "as_of") or today or dt.date.today()

    person = None
    if data.get("person") is not None:
        p = _obj(data["person"], "person")
        _keys(p, "person.")
        _no_unknown(p, {f.name for f in Person.__dataclass_fields__.values()}, "person.")
        if not p.get("nationality"):
            raise FactsError("person.nationality", "is required when a person is given")
        fc = _obj(p.get("foreign_contract"), "person.foreign_contract")
        _keys(fc, "person.foreign_contract.")
        _no_unknown(fc, set(ForeignContract.__dataclass_fields__), "person.foreign_contract.")
        share = p.get("foreign_government_benefit_share", 0.0)
        if share is None:
            share = 0.0
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise FactsError(
                "person.foreign_government_benefit_share",
                f"expected a number from 0 to 1 (a share of annual income), got {_short(share)}",
            )
        person = Person(
            nationality=_country(p["nationality"], "person.nationality") or "",
            entry_date=_date(p.get("entry_date"), "person.entry_date"),
            employed_in_japan=_bool(p, "employed_in_japan", "person."),
            japanese_abroad_since=_date(
                p.get("japanese_abroad_since"), "person.japanese_abroad_since"
            ),
            working_abroad=_bool(p, "working_abroad", "person."),
            intends_to_stay_abroad_2_years=_bool(p, "intends_to_stay_abroad_2_years", "person."),
            japanese_diplomatic_staff=_bool(p, "japanese_diplomatic_staff", "person."),
            diplomat_or_foreign_official=_bool(p, "diplomat_or_foreign_official", "person."),
            foreign_contract=ForeignContract(
                **{k: _bool(fc, k, "person.foreign_contract.") for k in fc}
            ),
            foreign_government_benefit_share=float(share),
            acts_on_foreign_government_instructions=_bool(
                p, "acts_on_foreign_government_instructions", "person."
            ),
        )

    c = _obj(data.get("counterpart"), "counterpart")
    _keys(c, "counterpart.")
    _no_unknown(c, set(Counterpart.__dataclass_fields__), "counterpart.")
    counterpart = Counterpart(
        name=_text(c, "name", "counterpart."),
        country=_country(c.get("country"), "counterpart.country"),
        organisation=_text(c, "organisation", "counterpart."),
        on_export_ban_list=_bool(c, "on_export_ban_list", "counterpart."),
    )

    t = _obj(data.get("technology"), "technology")
    _keys(t, "technology.")
    _no_unknown(t, set(Technology.__dataclass_fields__), "technology.")
    where = t.get("where", catalog.activity_by_id[activity].default_where) or "japan"
    if where not in ("japan", "abroad"):
        raise FactsError("technology.where", f"expected 'japan' or 'abroad', got {_short(where)}")
    technology = Technology(
        provided=_bool(t, "provided", "technology."),
        where=where,
        publicly_available=_bool(t, "publicly_available", "technology."),
        basic_science=_bool(t, "basic_science", "technology."),
        for_patent_filing=_bool(t, "for_patent_filing", "technology."),
        publication_restricted=_bool(t, "publication_restricted", "technology."),
        passes_to_non_resident=_bool(t, "passes_to_non_resident", "technology."),
        list_items=_codes(
            t.get("list_items"), "technology.list_items", catalog.list_item_by_id, "list item"
        ),
        research_areas=_codes(
            t.get("research_areas"),
            "technology.research_areas",
            catalog.area_by_code,
            "research-area code",
        ),
        classification_unclear=_bool(t, "classification_unclear", "technology."),
    )

    g = _obj(data.get("goods"), "goods")
    _keys(g, "goods.")
    _no_unknown(g, set(Goods.__dataclass_fields__), "goods.")
    goods = Goods(
        exported=_bool(g, "exported", "goods."),
        handed_over_for_export=_bool(g, "handed_over_for_export", "goods."),
        list_items=_codes(
            g.get("list_items"), "goods.list_items", catalog.list_item_by_id, "list item"
        ),
        classification_unclear=_bool(g, "classification_unclear", "goods."),
    )

    red_flags = _codes(data.get("red_flags"), "red_flags", catalog.red_flag_by_id, "red flag")
    return Facts(
        as_of=as_of,
        activity=activity,
        person=person,
        counterpart=counterpart,
        technology=technology,
        goods=goods,
        red_flags=red_flags,
    )


def apply_screening(facts: dict[str, Any], *, unresolved: bool, export_ban: bool) -> bool:
    """Carry screening results into engine input; True if the input changed.

    An open possible match is a red flag; a hit on a list of specified entities under
    an export ban (not dismissed as a false positive) marks the counterpart, which no
    exemption clears.
    """
    changed = False
    flags = facts.get("red_flags") or []
    if unresolved and "end_user_list" not in flags:
        facts["red_flags"] = [*flags, "end_user_list"]
        changed = True
    counterpart = facts.setdefault("counterpart", {})
    if export_ban and not counterpart.get("on_export_ban_list"):
        counterpart["on_export_ban_list"] = True
        changed = True
    return changed
