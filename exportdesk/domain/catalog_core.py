"""The catalogue as the rules read it: every forms file, validated, with look-ups.

This module needs no pydantic: `catalog.load_catalog` builds a Catalog from validated
pydantic models, and `forms_cache` rebuilds the same Catalog from its cache with plain
records, so a command that only evaluates a case starts without importing pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exportdesk.domain.catalog import (
        ActivitiesFile,
        Activity,
        CheckSheetFile,
        CountryGroup,
        CountryGroupsFile,
        Decision,
        DeterminationFile,
        Exemption,
        ExemptionsFile,
        ExporterStandardsFile,
        ListItem,
        ListItemsFile,
        ManifestFile,
        Measure,
        MeasuresFile,
        Question,
        ReasonText,
        RedFlag,
        RedFlagsFile,
        ResearchArea,
        ResearchAreasFile,
        ResidencyFile,
        ResidentCategoriesFile,
        ResidentCategory,
        ReviewSheetFile,
    )


class FormsError(ValueError):
    """A forms file is missing, unreadable or invalid."""


class TextMethods:
    """Methods of a bilingual text, shared by the pydantic model and the cached record."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass
class Catalog:
    """All forms, validated. Build with `load_catalog()`."""

    manifest: ManifestFile
    list_items: ListItemsFile
    research_areas: ResearchAreasFile
    resident_categories: ResidentCategoriesFile
    residency: ResidencyFile
    activities: ActivitiesFile
    exemptions: ExemptionsFile
    country_groups: CountryGroupsFile
    red_flags: RedFlagsFile
    measures: MeasuresFile
    check_sheet: CheckSheetFile
    review_sheet: ReviewSheetFile
    determination: DeterminationFile
    exporter_standards: ExporterStandardsFile
    override_dir: Path | None = None
    override_version: str | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def version(self) -> str:
        """The forms version recorded with every sheet."""
        if self.override_dir is None:
            return self.manifest.version
        return f"{self.manifest.version}+{self.override_version or 'local'}"

    @cached_property
    def activity_by_id(self) -> dict[str, Activity]:
        return {a.id: a for a in self.activities.entries}

    @cached_property
    def list_item_by_id(self) -> dict[str, ListItem]:
        return {i.id: i for i in self.list_items.entries}

    @cached_property
    def area_by_code(self) -> dict[str, ResearchArea]:
        return {a.code: a for a in self.research_areas.entries}

    @cached_property
    def category_by_id(self) -> dict[int, ResidentCategory]:
        return {c.id: c for c in self.resident_categories.entries}

    @cached_property
    def exemption_by_id(self) -> dict[str, Exemption]:
        return {e.id: e for e in self.exemptions.entries}

    @cached_property
    def red_flag_by_id(self) -> dict[str, RedFlag]:
        return {f.id: f for f in self.red_flags.entries}

    @cached_property
    def measure_by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures.entries}

    @cached_property
    def reason_by_code(self) -> dict[str, ReasonText]:
        return {r.code: r for r in self.determination.reasons}

    @cached_property
    def group_of_country(self) -> dict[str, str]:
        """ISO code -> most severe group it belongs to (absent: general)."""
        severity = {g: i for i, g in enumerate(self.country_groups.severity)}
        result: dict[str, str] = {}
        for group in self.country_groups.groups:
            for code in group.countries:
                current = result.get(code)
                if current is None or severity[group.id] < severity[current]:
                    result[code] = group.id
        return result

    @cached_property
    def group_by_id(self) -> dict[str, CountryGroup]:
        return {g.id: g for g in self.country_groups.groups}

    @cached_property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for s in self.check_sheet.sections for q in s.questions}

    @cached_property
    def decision_by_id(self) -> dict[str, Decision]:
        return {d.id: d for d in self.review_sheet.decisions}

    def country_group(self, code: str) -> str:
        return self.group_of_country.get(code, "general")
