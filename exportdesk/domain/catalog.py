"""The guidance as data: load, merge and validate the YAML files in forms/.

Every file is checked with pydantic and then across files (a research area must
point at list items that exist, a question at a catalogue that exists, ...). A
problem raises FormsError naming the file, the entry and what is wrong.

An institution may keep its own forms folder. Its files override the shipped
ones entry by entry (matched on `id` or `code`), may add entries, may drop
entries with `remove: [ids]`, or may replace a whole file with `replace: true`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# Catalog (what the rules read) and FormsError live in catalog_core, which needs no
# pydantic, so that the forms cache can rebuild a catalogue without importing this module.
from exportdesk.domain.catalog_core import Catalog, FormsError, TextMethods
from exportdesk.domain.countries import is_country_code
from exportdesk.resources import forms_dir

# libyaml's loader is ~10x faster than the pure-Python one; both are safe loaders.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Confidence = Literal["confirmed", "corroborated", "unverified"]
NonEmpty = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(TextMethods, Model):
    ja: NonEmpty
    en: NonEmpty


class Sourced(Model):
    source: NonEmpty
    confidence: Confidence


class FileHeader(Model):
    kind: str
    version: NonEmpty
    effective_date: dt.date

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v


# --- catalogues ---------------------------------------------------------------


class ListItem(Sourced):
    id: NonEmpty
    group: Literal["arms", "wmd", "conventional", "catch_all"]
    name: Text
    note: Text | None = None


class ListItemsFile(FileHeader):
    entries: list[ListItem]


class ResearchArea(Sourced):
    code: Annotated[str, Field(pattern=r"^\d{5}$")]
    name: Text
    list_items: list[str] = Field(min_length=1)
    note: str = ""


class ResearchAreasFile(FileHeader):
    catalogue_note: Text
    entries: list[ResearchArea]


class Example(Sourced):
    text: Text


class CategoryException(Model):
    id: NonEmpty
    label: Text
    text: Text


class ResidentCategory(Sourced):
    id: Literal[1, 2, 3]
    short: Text
    definition: Text
    exceptions: list[CategoryException] = []
    benefit_share_threshold: float | None = Field(default=None, gt=0, le=1)
    note: Text | None = None
    examples: list[Example] = []


class ResidentCategoriesFile(FileHeader):
    applies_to: Text
    effect: Text
    entries: list[ResidentCategory]


class ResidencyRule(Sourced):
    id: NonEmpty
    applies_to: Literal["foreign_national", "japanese_national"]
    result: Literal["resident", "non_resident"]
    text: Text


class ResidencyFile(FileHeader):
    months_since_entry_for_residency: int = Field(gt=0)
    years_abroad_for_non_residency: int = Field(gt=0)
    entries: list[ResidencyRule]


class Involves(Model):
    person: bool
    technology: bool
    goods: bool


class Activity(Sourced):
    id: NonEmpty
    name: Text
    description: Text
    involves: Involves
    admits_person: bool
    default_where: Literal["japan", "abroad"]


class ActivitiesFile(FileHeader):
    entries: list[Activity]


class Exemption(Sourced):
    id: NonEmpty
    applies_to: Literal["technology", "goods"]
    engine_fact: str | None = None
    name: Text
    legal_basis: Text
    description: Text
    cases: list[Text] = []
    note: Text | None = None


class ExemptionsFile(FileHeader):
    entries: list[Exemption]


class CountryGroup(Sourced):
    id: Literal["A", "un_arms_embargo", "concern", "general"]
    name: Text
    short: Text | None = None
    description: Text
    countries: list[str]
    expected_count: int | None = None
    law_table: str | None = None  # the Export Trade Control Order's table, e.g. 別表第三
    note: Text | None = None


class CountryGroupsFile(FileHeader):
    groups: list[CountryGroup]
    severity: list[Literal["A", "un_arms_embargo", "concern", "general"]]
    display_names: dict[str, Text] = {}
    law_country_names: dict[str, str] = {}


class RedFlag(Sourced):
    id: NonEmpty
    text: Text


MeasureScope = Literal["goods", "technology", "persons", "listed_entities"]


class Measure(Sourced):
    """A country measure beyond the control lists (an export ban, say)."""

    id: NonEmpty
    name: Text
    countries: list[str]
    scope: list[MeasureScope] = Field(min_length=1)
    legal_basis: Text
    description: Text
    effective_from: dt.date


class MeasuresFile(FileHeader):
    entries: list[Measure]


class RedFlagsFile(FileHeader):
    entries: list[RedFlag]


class Option(Model):
    id: NonEmpty
    text: Text
    # What the option writes to the question's fact (default: its id), and other
    # facts it sets, so one click can carry a branch (e.g. "in Japan, passed on").
    fact_value: Any = None
    facts: dict[str, Any] = {}


QuestionType = Literal[
    "choice", "yes_no", "yes_no_unknown", "text", "date", "country", "percent", "multi"
]


class Question(Model):
    id: NonEmpty
    type: QuestionType
    text: Text
    help: Text | None = None
    required: bool = False
    multiline: bool = False
    fact: str | None = None
    show_if: dict[str, Any] | None = None
    options: list[Option] | None = None
    options_from: Literal["activities", "list_items", "research_areas", "red_flags"] | None = None
    exclude: list[str] = []
    exemption: str | None = None
    category: Literal[1, 2, 3] | None = None
    # A multi question's explicit "none of these" answer, so an untouched list is
    # not read as "no" (stored as the id "none", exclusive of the others).
    none_option: Text | None = None


class Section(Model):
    id: NonEmpty
    title: Text
    help: Text | None = None
    show_if: dict[str, Any] | None = None
    questions: list[Question] = Field(min_length=1)


class CheckSheetFile(FileHeader, Sourced):
    sections: list[Section] = Field(min_length=1)


class ReviewItem(Model):
    id: NonEmpty
    type: Literal[
        "readonly",
        "yes_no",
        "choice",
        "text",
        "multi",
        "classification",
        "screening",
        "categories",
        "decision",
    ]
    text: Text
    required: bool = False
    required_if_answered: str | None = None
    required_if_decision: str | None = None
    multiline: bool = False
    options: list[Option] | None = None
    options_from: Literal["exemptions", "list_items"] | None = None
    source: str | None = None
    confidence: Confidence | None = None


class ReviewSection(Model):
    id: NonEmpty
    title: Text
    prefilled_from_case: bool = False
    items: list[ReviewItem] = Field(min_length=1)


class Decision(Sourced):
    id: NonEmpty
    status: Literal[
        "approved", "approved_with_conditions", "licence_required", "rejected", "returned"
    ]
    text: Text
    # Classification choices (review sheet) under which this decision may not be made:
    # a transaction is not let go ahead on a classification still "unclear".
    blocked_by_classification: list[NonEmpty] = []


class ReviewSheetFile(FileHeader, Sourced):
    sections: list[ReviewSection] = Field(min_length=1)
    decisions: list[Decision] = Field(min_length=1)


class ReasonText(Sourced):
    code: NonEmpty
    effect: Literal["office_review", "no_procedure", "info"]
    ja: NonEmpty
    en: NonEmpty


class DeterminationFile(FileHeader):
    outcomes: dict[Literal["no_procedure", "office_review"], Text]
    transfer_types: dict[Literal["none", "domestic", "deemed", "border"], Text]
    reasons: list[ReasonText]
    terms: dict[str, Any]


class ExporterStandard(Sourced):
    id: NonEmpty
    level: Literal["all", "listed"]
    text: Text


class ExporterStandardsFile(FileHeader):
    entries: list[ExporterStandard]


class ManifestFile(FileHeader):
    name: Text
    guidance_edition: Text
    files: list[str]


FILE_MODELS: dict[str, type[FileHeader]] = {
    "manifest": ManifestFile,
    "list_items": ListItemsFile,
    "research_areas": ResearchAreasFile,
    "resident_categories": ResidentCategoriesFile,
    "residency": ResidencyFile,
    "activities": ActivitiesFile,
    "exemptions": ExemptionsFile,
    "country_groups": CountryGroupsFile,
    "red_flags": RedFlagsFile,
    "measures": MeasuresFile,
    "check_sheet": CheckSheetFile,
    "review_sheet": ReviewSheetFile,
    "determination": DeterminationFile,
    "exporter_standards": ExporterStandardsFile,
}

# Engine input paths a check-sheet question may fill.
KNOWN_FACTS = {
    "activity",
    "as_of",
    "counterpart.name",
    "counterpart.country",
    "counterpart.organisation",
    "person.nationality",
    "person.entry_date",
    "person.employed_in_japan",
    "person.japanese_abroad_since",
    "person.working_abroad",
    "person.intends_to_stay_abroad_2_years",
    "person.japanese_diplomatic_staff",
    "person.diplomat_or_foreign_official",
    "person.foreign_contract.exists",
    "person.foreign_contract.must_follow_instructions",
    "person.foreign_contract.japanese_corporation_contract",
    "person.foreign_contract.japanese_employer_priority_agreed",
    "person.foreign_contract.counterparty_is_group_company",
    "person.foreign_government_benefit_share",
    "person.acts_on_foreign_government_instructions",
    "technology.provided",
    "technology.where",
    "technology.publicly_available",
    "technology.basic_science",
    "technology.for_patent_filing",
    "technology.publication_restricted",
    "technology.passes_to_non_resident",
    "technology.list_items",
    "technology.research_areas",
    "goods.exported",
    "goods.handed_over_for_export",
    "goods.list_items",
    "red_flags",
}


# --- loading ------------------------------------------------------------------


def _key_of(entry: Any) -> str | None:
    if isinstance(entry, dict):
        for key in ("id", "code"):
            if key in entry:
                return str(entry[key])
    return None


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Overlay an institution's file on the shipped one (see module docstring)."""
    if override.get("replace"):
        return {k: v for k, v in override.items() if k != "replace"}
    merged = dict(base)
    removed = {str(r) for r in override.get("remove", [])}
    for key, value in override.items():
        if key == "remove":
            continue
        old = merged.get(key)
        if isinstance(old, list) and isinstance(value, list) and all(_key_of(e) for e in old):
            by_key = {_key_of(e): e for e in old}
            order = [_key_of(e) for e in old]
            for entry in value:
                k = _key_of(entry)
                if k is None:
                    raise FormsError(f"override for '{key}': every entry needs an id or code")
                if k not in by_key:
                    order.append(k)
                by_key[k] = {**by_key[k], **entry} if k in by_key else entry
            merged[key] = [by_key[k] for k in order]
        else:
            merged[key] = value
    for key, value in list(merged.items()):
        if isinstance(value, list) and removed:
            merged[key] = [e for e in value if _key_of(e) not in removed]
    return merged


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise FormsError(f"{path.name}: not valid YAML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise FormsError(f"{path.name}: cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise FormsError(f"{path.name}: expected a mapping at the top of the file")
    return data


def _describe_location(data: dict[str, Any], loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error location into 'entry 'x' (entries[3]), field 'y''."""
    parts: list[str] = []
    node: Any = data
    where = ""
    for i, step in enumerate(loc):
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            key = _key_of(node)
            label = f"{loc[i - 1]}[{step}]" if i else f"[{step}]"
            where = f"entry '{key}' ({label})" if key else label
        elif isinstance(node, dict):
            node = node.get(step)
            parts.append(str(step))
        else:
            parts.append(str(step))
    field_name = parts[-1] if parts else ""
    return f"{where}, field '{field_name}'" if where else f"field '{'.'.join(parts)}'"


def _validate(name: str, data: dict[str, Any], model: type[FileHeader]) -> FileHeader:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:5]:
            problems.append(f"{_describe_location(data, tuple(err['loc']))}: {err['msg']}")
        raise FormsError(f"{name}.yaml: " + "; ".join(problems)) from None


# A `confirmed` entry must name a primary source: a statute (e-Gov), a ministry's
# own page or notice (*.go.jp, METI, MEXT, MOFA, MOF). Practitioner pages alone
# make an entry `corroborated`.
_PRIMARY_MARKERS = ("go.jp", "e-gov", "meti", "mext", "mofa", "mof ", "外務省告示", "蔵国")


def _is_primary(source: str) -> bool:
    low = source.lower()
    return any(m in low for m in _PRIMARY_MARKERS)


def _confirmed_entries(cat: Catalog) -> list[tuple[str, str, str]]:
    """(file, entry, source) of every entry marked confirmed."""
    found: list[tuple[str, str, str]] = []

    def walk(file: str, node: Any, label: str) -> None:
        if isinstance(node, BaseModel):
            key = getattr(node, "id", None) or getattr(node, "code", None)
            label = str(key) if key is not None else label
            if getattr(node, "confidence", None) == "confirmed":
                found.append((file, label, getattr(node, "source", "") or ""))
            for name in type(node).model_fields:
                walk(file, getattr(node, name), label)
        elif isinstance(node, list):
            for item in node:
                walk(file, item, label)

    for name in FILE_MODELS:
        walk(name, getattr(cat, name), name)
    return found


def _check_primary_sources(cat: Catalog) -> None:
    for file, label, source in _confirmed_entries(cat):
        if not _is_primary(source):
            raise FormsError(
                f"{file}.yaml: entry '{label}': confirmed, but its source names no primary "
                f"text (e-Gov, a ministry page or notice): {source!r}"
            )


def _check_unique(name: str, entries: list[Any], attr: str) -> None:
    seen: set[Any] = set()
    for entry in entries:
        key = getattr(entry, attr)
        if key in seen:
            raise FormsError(f"{name}.yaml: entry '{key}': duplicate {attr}")
        seen.add(key)


def _check_condition(cond: dict[str, Any], where: str, question_ids: set[str]) -> None:
    if not cond:
        raise FormsError(f"{where}: empty show_if condition")
    if "all" in cond or "any" in cond:
        for sub in cond.get("all", []) + cond.get("any", []):
            _check_condition(sub, where, question_ids)
        return
    if "involves" in cond:
        if cond["involves"] not in ("person", "technology", "goods"):
            raise FormsError(f"{where}: show_if involves must be person, technology or goods")
        return
    if "question" not in cond:
        raise FormsError(f"{where}: show_if needs 'question', 'involves', 'all' or 'any'")
    if cond["question"] not in question_ids:
        raise FormsError(f"{where}: show_if refers to unknown question '{cond['question']}'")
    if not ({"equals", "not_equals", "answered"} & cond.keys()):
        raise FormsError(f"{where}: show_if needs equals, not_equals or answered")


def _cross_check(cat: Catalog) -> None:
    for name in ("list_items", "activities", "exemptions", "red_flags", "measures"):
        _check_unique(name, getattr(cat, name).entries, "id")
    _check_unique("research_areas", cat.research_areas.entries, "code")
    _check_unique("resident_categories", cat.resident_categories.entries, "id")

    for area in cat.research_areas.entries:
        for item in area.list_items:
            if item not in cat.list_item_by_id:
                raise FormsError(
                    f"research_areas.yaml: entry '{area.code}': unknown list item '{item}'"
                )
    for group in cat.country_groups.groups:
        for code in group.countries:
            if not is_country_code(code):
                raise FormsError(
                    f"country_groups.yaml: entry '{group.id}': '{code}' is not an ISO 3166 code"
                )
        if group.expected_count is not None and group.expected_count != len(group.countries):
            raise FormsError(
                f"country_groups.yaml: entry '{group.id}': lists {len(group.countries)} "
                f"countries but expected_count is {group.expected_count}"
            )
    for measure in cat.measures.entries:
        for code in measure.countries:
            if not is_country_code(code):
                raise FormsError(
                    f"measures.yaml: entry '{measure.id}': '{code}' is not an ISO 3166 code"
                )
        if not measure.countries and set(measure.scope) != {"listed_entities"}:
            raise FormsError(
                f"measures.yaml: entry '{measure.id}': goods, technology or persons scope "
                "needs countries"
            )
    if cat.override_dir is None:
        # An institution's own entries rest on its own decisions; the shipped
        # forms must name the statute or ministry text they were checked against.
        _check_primary_sources(cat)
    for cat_id in (1, 2, 3):
        if cat_id not in cat.category_by_id:
            raise FormsError(f"resident_categories.yaml: category {cat_id} is missing")
    if cat.category_by_id[2].benefit_share_threshold is None:
        raise FormsError("resident_categories.yaml: entry '2': benefit_share_threshold is missing")

    ids: set[str] = set()
    for section in cat.check_sheet.sections:
        for q in section.questions:
            if q.id in ids:
                raise FormsError(f"check_sheet.yaml: question '{q.id}': duplicate id")
            ids.add(q.id)
    for section in cat.check_sheet.sections:
        if section.show_if:
            _check_condition(section.show_if, f"check_sheet.yaml: section '{section.id}'", ids)
        for q in section.questions:
            where = f"check_sheet.yaml: question '{q.id}'"
            if q.show_if:
                _check_condition(q.show_if, where, ids)
            if q.fact is not None and q.fact not in KNOWN_FACTS:
                raise FormsError(f"{where}: unknown fact '{q.fact}'")
            if q.type in ("choice", "multi") and not (q.options or q.options_from):
                raise FormsError(f"{where}: a {q.type} question needs options or options_from")
            if q.exemption and q.exemption not in cat.exemption_by_id:
                raise FormsError(f"{where}: unknown exemption '{q.exemption}'")
            if q.none_option is not None and q.type != "multi":
                raise FormsError(f"{where}: none_option is for multi questions only")
            for option in q.options or []:
                for path in option.facts:
                    if path not in KNOWN_FACTS:
                        raise FormsError(f"{where}: option '{option.id}': unknown fact '{path}'")
    choices = {
        o.id
        for section in cat.review_sheet.sections
        for item in section.items
        if item.type == "classification"
        for o in item.options or []
    }
    for decision in cat.review_sheet.decisions:
        for choice in decision.blocked_by_classification:
            if choice not in choices:
                raise FormsError(
                    f"review_sheet.yaml: decision '{decision.id}': blocked_by_classification:"
                    f" '{choice}' is not a classification choice"
                )
    for code in (
        "red_flag",
        "exemption",
        "list_controlled_technology",
        "list_controlled_goods",
        "research_area",
        "country_group",
        "resident",
        "non_resident",
        "specific_category",
        "no_transfer",
        "domestic_only",
        "nothing_controlled",
        "classification_unclear",
        "category_exception",
        "exemption_partial",
        "measure",
        "export_ban_entity",
        "reprovision_technology",
        "reprovision_goods",
    ):
        if code not in cat.reason_by_code:
            raise FormsError(f"determination.yaml: reason '{code}' is missing")


def load_catalog(override_dir: Path | str | None = None, base_dir: Path | None = None) -> Catalog:
    """Load the shipped forms, overlay an institution's folder if given, and validate."""
    base = Path(base_dir) if base_dir else forms_dir()
    override = Path(override_dir) if override_dir else None
    if override is not None and not override.is_dir():
        raise FormsError(f"forms folder not found: {override}")
    models: dict[str, FileHeader] = {}
    override_version = None
    for name, model in FILE_MODELS.items():
        path = base / f"{name}.yaml"
        if not path.is_file():
            raise FormsError(f"{name}.yaml: file is missing from {base}")
        data = _read_yaml(path)
        if override is not None and (override / f"{name}.yaml").is_file():
            extra = _read_yaml(override / f"{name}.yaml")
            if name == "manifest":
                override_version = str(extra.get("version", "local"))
            else:
                data = _merge(data, extra)
        if data.get("kind") != name:
            raise FormsError(f"{name}.yaml: 'kind' must be '{name}', found {data.get('kind')!r}")
        models[name] = _validate(name, data, model)
    cat = Catalog(**models, override_dir=override, override_version=override_version)  # type: ignore[arg-type]
    _cross_check(cat)
    return cat


_default: Catalog | None = None


def default_catalog() -> Catalog:
    """The shipped forms, loaded once per process (from the forms cache when it is valid)."""
    global _default
    if _default is None:
        from exportdesk.domain.forms_cache import cached_catalog

        _default = cached_catalog()
    return _default
