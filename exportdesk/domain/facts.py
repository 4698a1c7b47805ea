"""The facts of a case, as the engine reads them (the `exportdesk evaluate` input).

Parsing checks every value against the catalogue and raises FactsError naming
the field, so that a bad file never reaches the rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from exportdesk.domain.catalog_core import Catalog
from exportdesk.domain.countries import is_country_code


class FactsError(ValueError):
    """The input does not describe a case the engine can evaluate."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


@dataclass(frozen=True)
class ForeignContract:
    exists: bool = False
    must_follow_instructions: bool = False
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
    diplomat_or_foreign_official: bool = False
    foreign_contract: ForeignContract = field(default_factory=ForeignContract)
    foreign_government_benefit_share: float = 0.0
    acts_on_foreign_government_instructions: bool = False


@dataclass(frozen=True)
class Counterpart:
    name: str = ""
    country: str | None = None
    organisation: str = ""


@dataclass(frozen=True)
class Technology:
    provided: bool = False
    where: str = "japan"
    publicly_available: bool = False
    basic_science: bool = False
    for_patent_filing: bool = False
    list_items: tuple[str, ...] = ()
    research_areas: tuple[str, ...] = ()
    classification_unclear: bool = False


@dataclass(frozen=True)
class Goods:
    exported: bool = False
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
        raise FactsError(f"{prefix}{key}", f"expected true or false, got {value!r}")
    return value


def _date(value: Any, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise FactsError(name, f"expected a date YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FactsError(name, f"'{value}' is not a valid date (expected YYYY-MM-DD)") from None


def _country(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not is_country_code(value.upper()):
        raise FactsError(name, f"unknown country code {value!r} (expected ISO 3166 alpha-2)")
    return value.upper()


def _codes(value: Any, name: str, known: dict[str, Any], what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FactsError(name, "expected a list")
    result = []
    for i, code in enumerate(value):
        code = str(code) if isinstance(code, int) else code
        if not isinstance(code, str) or code not in known:
            raise FactsError(f"{name}[{i}]", f"unknown {what} {code!r}")
        result.append(code)
    return tuple(result)


def _text(data: dict[str, Any], key: str, prefix: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FactsError(f"{prefix}{key}", "expected text")
    return value


def parse_facts(data: Any, catalog: Catalog, today: dt.date | None = None) -> Facts:
    """Validate engine input (a JSON-like dict) against the catalogue."""
    if not isinstance(data, dict):
        raise FactsError("(input)", "expected a JSON object")
    _no_unknown(
        data,
        {"as_of", "activity", "person", "counterpart", "technology", "goods", "red_flags"},
        "",
    )
    activity = data.get("activity")
    if not activity:
        raise FactsError("activity", "is required")
    if activity not in catalog.activity_by_id:
        known = ", ".join(catalog.activity_by_id)
        raise FactsError("activity", f"unknown activity {activity!r} (known: {known})")
    as_of = _date(data.get("as_of"), "as_of") or today or dt.date.today()

    person = None
    if data.get("person") is not None:
        p = _obj(data["person"], "person")
        _no_unknown(p, {f.name for f in Person.__dataclass_fields__.values()}, "person.")
        if not p.get("nationality"):
            raise FactsError("person.nationality", "is required when a person is given")
        fc = _obj(p.get("foreign_contract"), "person.foreign_contract")
        _no_unknown(fc, set(ForeignContract.__dataclass_fields__), "person.foreign_contract.")
        share = p.get("foreign_government_benefit_share", 0.0)
        if share is None:
            share = 0.0
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise FactsError(
                "person.foreign_government_benefit_share",
                f"expected a number from 0 to 1 (a share of annual income), got {share!r}",
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
    _no_unknown(c, {"name", "country", "organisation"}, "counterpart.")
    counterpart = Counterpart(
        name=_text(c, "name", "counterpart."),
        country=_country(c.get("country"), "counterpart.country"),
        organisation=_text(c, "organisation", "counterpart."),
    )

    t = _obj(data.get("technology"), "technology")
    _no_unknown(t, set(Technology.__dataclass_fields__), "technology.")
    where = t.get("where", catalog.activity_by_id[activity].default_where) or "japan"
    if where not in ("japan", "abroad"):
        raise FactsError("technology.where", f"expected 'japan' or 'abroad', got {where!r}")
    technology = Technology(
        provided=_bool(t, "provided", "technology."),
        where=where,
        publicly_available=_bool(t, "publicly_available", "technology."),
        basic_science=_bool(t, "basic_science", "technology."),
        for_patent_filing=_bool(t, "for_patent_filing", "technology."),
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
    _no_unknown(g, set(Goods.__dataclass_fields__), "goods.")
    goods = Goods(
        exported=_bool(g, "exported", "goods."),
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
