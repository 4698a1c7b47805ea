"""Resident / non-resident and the specific categories (特定類型) of a natural person."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from exportdesk.domain.catalog_core import Catalog
from exportdesk.domain.facts import Person


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later, clamped to the month's end (31 Aug + 6 = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Residency:
    resident: bool
    basis: str  # key into determination.yaml terms.basis


def residency(person: Person, as_of: dt.date, catalog: Catalog) -> Residency:
    rules = catalog.residency
    if person.nationality == "JP":
        since = person.japanese_abroad_since
        departed = since is not None and as_of >= since
        if person.japanese_diplomatic_staff:
            # Staff of Japan's missions abroad stay residents (MOF notice 6-1-5).
            return Residency(True, "japanese_diplomatic_staff")
        if person.working_abroad and (since is None or departed):
            return Residency(False, "japanese_working_abroad")
        if person.intends_to_stay_abroad_2_years and (since is None or departed):
            # Non-resident from departure; with no date given, the safe reading.
            return Residency(False, "japanese_intends_two_years")
        if since is not None and as_of >= add_months(
            since, 12 * rules.years_abroad_for_non_residency
        ):
            return Residency(False, "japanese_two_years")
        return Residency(True, "japanese_default")
    if person.diplomat_or_foreign_official:
        return Residency(False, "diplomat")
    if person.employed_in_japan:
        return Residency(True, "employed")
    if person.entry_date is None:
        # Without an entry date the six-month test cannot be passed: the safe reading.
        return Residency(False, "entry_unknown")
    if as_of >= add_months(person.entry_date, rules.months_since_entry_for_residency):
        return Residency(True, "six_months")
    return Residency(False, "under_six_months")


@dataclass(frozen=True)
class CategoryResult:
    categories: tuple[int, ...]
    exception: str | None  # category-1 exception that applied ("i" or "ro"), if any


def specific_categories(person: Person, catalog: Catalog) -> CategoryResult:
    """The categories a person falls in (meaningful for residents only)."""
    found: list[int] = []
    exception = None
    contract = person.foreign_contract
    if contract.exists and contract.must_follow_instructions:
        # Both exceptions rest on a contract with a Japanese corporation whose
        # instructions the person follows (service notice 1(3)サ① イ/ロ).
        japanese = contract.japanese_corporation_contract
        if japanese and contract.japanese_employer_priority_agreed:
            exception = "i"
        elif japanese and contract.counterparty_is_group_company:
            exception = "ro"
        else:
            found.append(1)
    threshold = catalog.category_by_id[2].benefit_share_threshold or 0.25
    if person.foreign_government_benefit_share >= threshold:
        found.append(2)
    if person.acts_on_foreign_government_instructions:
        found.append(3)
    return CategoryResult(tuple(found), exception)
