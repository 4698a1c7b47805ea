"""The determination engine: what the guidance says about one case.

Order of the rules (each outcome lists the reasons that produced it):
1. any red flag (military end use among them), country measure (export bans) or
   counterpart on an export-ban list sends the case to the office, whatever
   exemption applies;
2. otherwise an exemption covering the technology ends a technology-only case;
3. otherwise the office reviews list-controlled items, research areas of concern
   (both in border or deemed transfers) and embargoed or concerning countries;
4. otherwise no procedure is needed, and the sheet is kept.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from exportdesk.domain.catalog_core import Catalog
from exportdesk.domain.facts import Facts
from exportdesk.domain.residency import residency, specific_categories

# Technology exemptions in the order they are reported, with the fact that claims each.
_TECH_EXEMPTIONS = (
    ("publicly_available", "publicly_available"),
    ("basic_science", "basic_science"),
    ("industrial_property", "for_patent_filing"),
)


@dataclass
class Reason:
    code: str
    ja: str
    en: str
    effect: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class Determination:
    outcome: str
    resident: bool | None
    specific_categories: list[int]
    transfer_type: str
    country_group: str | None
    exemptions: list[str]
    list_controlled: bool
    reasons: list[Reason]
    forms_version: str
    outcome_text: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["reasons"] = [r.as_dict() for r in self.reasons]
        return data


class _Reasons:
    """Collects reasons, filling the bilingual templates of determination.yaml."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.items: list[Reason] = []

    def add(self, code: str, **values: dict[str, str] | str) -> None:
        tpl = self.catalog.reason_by_code[code]
        texts = {}
        for lang in ("ja", "en"):
            filled = {k: (v[lang] if isinstance(v, dict) else v) for k, v in values.items()}
            texts[lang] = getattr(tpl, lang).format_map(filled)
        self.items.append(Reason(code, texts["ja"], texts["en"], tpl.effect))


def _join(values: list[str], lang: str) -> str:
    return ("、" if lang == "ja" else ", ").join(values)


def evaluate(facts: Facts, catalog: Catalog) -> Determination:
    terms = catalog.determination.terms
    reasons = _Reasons(catalog)
    activity = catalog.activity_by_id[facts.activity]

    # Residency and categories of the person, if there is one.
    resident: bool | None = None
    categories: list[int] = []
    if facts.person is not None:
        res = residency(facts.person, facts.as_of, catalog)
        resident = res.resident
        reasons.add("resident" if res.resident else "non_resident", basis=terms["basis"][res.basis])
        if res.resident:
            cats = specific_categories(facts.person, catalog)
            categories = list(cats.categories)
            for cat_id in categories:
                label = catalog.category_by_id[cat_id].short
                reasons.add("specific_category", category=str(cat_id), label=label.model_dump())
            if cats.exception:
                exc = {e.id: e for e in catalog.category_by_id[1].exceptions}[cats.exception]
                reasons.add("category_exception", exception=exc.label.model_dump())

    # Transfer type. Re-provision counts: technology given to a resident that will
    # clearly pass to a non-resident is deemed, goods handed over in Japan that will
    # clearly be exported are exported (the definitions in university regulations).
    tech, goods = facts.technology, facts.goods
    goods_out = goods.exported or goods.handed_over_for_export
    passed_on = tech.provided and tech.where == "japan" and tech.passes_to_non_resident
    if (tech.provided and tech.where == "abroad") or goods_out:
        transfer = "border"
    elif tech.provided:
        if facts.person is not None:
            transfer = "deemed" if (resident is False or categories or passed_on) else "domestic"
        else:
            # No natural person: a foreign organisation is a non-resident.
            foreign = facts.counterpart.country not in (None, "JP")
            transfer = "deemed" if (foreign or passed_on) else "domestic"
    else:
        transfer = "none"
    if passed_on and transfer == "deemed":
        reasons.add("reprovision_technology")
    if goods.handed_over_for_export and not goods.exported:
        reasons.add("reprovision_goods")
    controlled_transfer = transfer in ("border", "deemed")
    transfer_term = terms["transfer"].get(transfer, {"ja": transfer, "en": transfer})

    # Country group: the most severe of the counterpart's country and the nationality.
    severity = catalog.country_groups.severity
    countries: list[tuple[str, str]] = []
    if facts.counterpart.country and facts.counterpart.country != "JP":
        countries.append(("counterpart", facts.counterpart.country))
    if facts.person is not None and facts.person.nationality != "JP":
        countries.append(("nationality", facts.person.nationality))
    groups = [(role, code, catalog.country_group(code)) for role, code in countries]
    country_group = min((g for _, _, g in groups), key=severity.index, default=None)

    list_items_tech = [i for i in tech.list_items if i != "16"] if tech.provided else []
    list_items_goods = [i for i in goods.list_items if i != "16"] if goods_out else []
    list_controlled = bool(list_items_tech or list_items_goods)

    exemptions = [
        ex_id
        for ex_id, fact_name in _TECH_EXEMPTIONS
        if tech.provided
        and getattr(tech, fact_name)
        # Published to reach a specific person, or told under confidentiality: not public.
        and not (ex_id == "publicly_available" and tech.publication_restricted)
    ]

    def finish(outcome: str) -> Determination:
        return Determination(
            outcome=outcome,
            resident=resident,
            specific_categories=categories,
            transfer_type=transfer,
            country_group=country_group,
            exemptions=exemptions,
            list_controlled=list_controlled,
            reasons=reasons.items,
            forms_version=catalog.version,
            outcome_text=catalog.determination.outcomes[outcome].model_dump(),
        )

    # 1. Red flags, measures, export-ban lists: no exemption clears them.
    hard = False
    for flag in facts.red_flags:
        reasons.add("red_flag", flag=catalog.red_flag_by_id[flag].text.model_dump())
        hard = True
    for measure in catalog.measures.entries:
        named = {"measure": measure.name.model_dump(), "basis": measure.legal_basis.model_dump()}
        if "listed_entities" in measure.scope and facts.counterpart.on_export_ban_list:
            # A hit on a list is flagged whatever the date: the list is the fact.
            reasons.add("export_ban_entity", **named)
            hard = True
        if facts.as_of < measure.effective_from:
            continue
        for role, code in _measure_hits(
            facts, measure.scope, set(measure.countries), goods_out, activity.admits_person
        ):
            reasons.add("measure", role=terms[role], country=code, **named)
            hard = True
    if hard:
        return finish("office_review")

    # 2. An exemption ends a technology-only case.
    if exemptions:
        first = catalog.exemption_by_id[exemptions[0]]
        names = {
            lang: _join([catalog.exemption_by_id[e].name.get(lang) for e in exemptions], lang)
            for lang in ("ja", "en")
        }
        if not goods_out:
            reasons.add("exemption", exemption=names, basis=first.legal_basis.model_dump())
            return finish("no_procedure")
        reasons.add("exemption_partial", exemption=names)

    # 3. What calls for the office.
    office = False
    tech_counts = tech.provided and controlled_transfer and not exemptions
    if tech_counts and list_items_tech:
        reasons.add(
            "list_controlled_technology", items=", ".join(list_items_tech), transfer=transfer_term
        )
        office = True
    if list_items_goods:
        reasons.add("list_controlled_goods", items=", ".join(list_items_goods))
        office = True
    if tech_counts and tech.classification_unclear and not list_items_tech:
        reasons.add("classification_unclear", what=terms["technology"], transfer=transfer_term)
        office = True
    if goods_out and goods.classification_unclear and not list_items_goods:
        border = terms["transfer"]["border"]
        reasons.add("classification_unclear", what=terms["goods"], transfer=border)
        office = True
    if tech_counts and tech.research_areas:
        areas = {
            lang: _join(
                [f"{c} {catalog.area_by_code[c].name.get(lang)}" for c in tech.research_areas], lang
            )
            for lang in ("ja", "en")
        }
        reasons.add("research_area", areas=areas, transfer=transfer_term)
        office = True
    country_matters = tech.provided or goods_out or activity.admits_person
    if country_matters:
        for role, code, group in groups:
            if group in ("un_arms_embargo", "concern"):
                reasons.add(
                    "country_group",
                    role=terms[role],
                    country=code,
                    group=catalog.group_by_id[group].name.model_dump(),
                )
                office = True
    if office:
        return finish("office_review")

    # 4. Nothing calls for the office.
    if transfer == "none":
        reasons.add("no_transfer")
    elif transfer == "domestic":
        reasons.add("domestic_only")
    else:
        reasons.add("nothing_controlled")
    return finish("no_procedure")


def _measure_hits(
    facts: Facts, scope: list[str], countries: set[str], goods_out: bool, admits: bool
) -> list[tuple[str, str]]:
    """(role, country) pairs by which a case falls within a measure's scope.

    Goods: exported to the country. Technology: provided to the country or to a
    national of it. Persons: admitting someone affiliated with the country (the
    counterpart is the sending institution) or a national of it.
    """
    counterpart = facts.counterpart.country
    nationality = facts.person.nationality if facts.person is not None else None
    hits: list[tuple[str, str]] = []

    def hit(role: str, code: str | None) -> None:
        if code in countries and (role, code) not in hits:
            hits.append((role, code))

    if "goods" in scope and goods_out:
        hit("counterpart", counterpart)
    if "technology" in scope and facts.technology.provided:
        hit("counterpart", counterpart)
        hit("nationality", nationality)
    if "persons" in scope and admits:
        hit("counterpart", counterpart)
        hit("nationality", nationality)
    return hits


def evaluate_dict(data: Any, catalog: Catalog) -> dict[str, Any]:
    """Parse engine input and evaluate it: the `exportdesk evaluate` contract."""
    from exportdesk.domain.facts import parse_facts

    return evaluate(parse_facts(data, catalog), catalog).as_dict()
