"""The determination engine: every rule of the contract, with the dates at the edges."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from exportdesk.domain.determination import evaluate_dict
from exportdesk.domain.facts import FactsError
from exportdesk.domain.residency import add_months

AS_OF = "2026-11-25"


def run(catalog, **facts: Any) -> dict[str, Any]:
    data = {"as_of": AS_OF, "activity": "visiting_researcher", **facts}
    return evaluate_dict(data, catalog)


def codes(result: dict[str, Any]) -> list[str]:
    return [r["code"] for r in result["reasons"]]


def tech(**kw: Any) -> dict[str, Any]:
    return {"provided": True, "where": "japan", **kw}


# --- residency ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "resident"),
    [
        ("2026-05-25", True),  # exactly 6 months before as_of
        ("2026-05-26", False),  # one day short
        ("2026-05-24", True),
        ("2026-11-25", False),  # arrived today
    ],
)
def test_six_month_rule_edges(catalog, entry, resident):
    result = run(catalog, person={"nationality": "CN", "entry_date": entry})
    assert result["resident"] is resident


def test_month_end_clamping():
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)


def test_employed_foreign_national_is_resident_from_day_one(catalog):
    result = run(
        catalog, person={"nationality": "US", "entry_date": AS_OF, "employed_in_japan": True}
    )
    assert result["resident"] is True


def test_diplomat_stays_non_resident_after_years(catalog):
    person = {
        "nationality": "FR",
        "entry_date": "2015-01-01",
        "diplomat_or_foreign_official": True,
        "employed_in_japan": True,
    }
    assert run(catalog, person=person)["resident"] is False


def test_unknown_entry_date_is_non_resident(catalog):
    result = run(catalog, person={"nationality": "KR"})
    assert result["resident"] is False
    assert "non_resident" in codes(result)


@pytest.mark.parametrize(
    ("person", "resident"),
    [
        ({"nationality": "JP"}, True),
        ({"nationality": "JP", "working_abroad": True}, False),
        ({"nationality": "JP", "japanese_abroad_since": "2024-11-25"}, False),  # exactly 2 years
        ({"nationality": "JP", "japanese_abroad_since": "2024-11-26"}, True),  # a day short
        (
            {
                "nationality": "JP",
                "japanese_abroad_since": "2026-10-01",
                "intends_to_stay_abroad_2_years": True,
            },
            False,
        ),
    ],
)
def test_japanese_nationals(catalog, person, resident):
    assert run(catalog, person=person)["resident"] is resident


# --- specific categories --------------------------------------------------------

RESIDENT = {"nationality": "CN", "entry_date": "2025-01-01"}


def test_category_1_contract_with_duty(catalog):
    person = {**RESIDENT, "foreign_contract": {"exists": True, "must_follow_instructions": True}}
    assert run(catalog, person=person)["specific_categories"] == [1]


@pytest.mark.parametrize(
    "exception", ["japanese_employer_priority_agreed", "counterparty_is_group_company"]
)
def test_category_1_exceptions(catalog, exception):
    contract = {
        "exists": True,
        "must_follow_instructions": True,
        "japanese_corporation_contract": True,
        exception: True,
    }
    result = run(catalog, person={**RESIDENT, "foreign_contract": contract})
    assert result["specific_categories"] == []
    assert "category_exception" in codes(result)


def test_contract_without_duty_is_not_category_1(catalog):
    person = {**RESIDENT, "foreign_contract": {"exists": True, "must_follow_instructions": False}}
    assert run(catalog, person=person)["specific_categories"] == []


@pytest.mark.parametrize(("share", "cats"), [(0.25, [2]), (0.2499, []), (1.0, [2]), (0, [])])
def test_category_2_benchmark(catalog, share, cats):
    person = {**RESIDENT, "foreign_government_benefit_share": share}
    assert run(catalog, person=person)["specific_categories"] == cats


def test_category_3_and_several_at_once(catalog):
    person = {
        **RESIDENT,
        "foreign_contract": {"exists": True, "must_follow_instructions": True},
        "foreign_government_benefit_share": 0.3,
        "acts_on_foreign_government_instructions": True,
    }
    assert run(catalog, person=person)["specific_categories"] == [1, 2, 3]


def test_categories_only_matter_for_residents(catalog):
    person = {
        "nationality": "CN",
        "entry_date": "2026-11-01",
        "foreign_government_benefit_share": 0.9,
    }
    result = run(catalog, person=person)
    assert result["resident"] is False
    assert result["specific_categories"] == []


# --- transfer type ----------------------------------------------------------------


def test_transfer_types(catalog):
    non_res = {"nationality": "CN", "entry_date": "2026-11-01"}
    cat2 = {**RESIDENT, "foreign_government_benefit_share": 0.5}
    assert run(catalog, person=RESIDENT, technology=tech())["transfer_type"] == "domestic"
    assert run(catalog, person=non_res, technology=tech())["transfer_type"] == "deemed"
    assert run(catalog, person=cat2, technology=tech())["transfer_type"] == "deemed"
    assert (
        run(catalog, person=RESIDENT, technology=tech(where="abroad"))["transfer_type"] == "border"
    )
    assert run(catalog, goods={"exported": True})["transfer_type"] == "border"
    assert run(catalog, technology={"provided": False})["transfer_type"] == "none"


# --- outcomes ----------------------------------------------------------------------


def test_red_flag_always_goes_to_office(catalog):
    result = run(
        catalog,
        person=RESIDENT,
        technology=tech(publicly_available=True),
        red_flags=["military_ties"],
    )
    assert result["outcome"] == "office_review"
    assert "red_flag" in codes(result)
    assert "exemption" not in codes(result)


@pytest.mark.parametrize(
    ("fact", "exemption"),
    [
        ("publicly_available", "publicly_available"),
        ("basic_science", "basic_science"),
        ("for_patent_filing", "industrial_property"),
    ],
)
def test_exemption_ends_technology_only_case(catalog, fact, exemption):
    non_res = {"nationality": "CN", "entry_date": "2026-11-01"}
    result = run(catalog, person=non_res, technology=tech(list_items=["2"], **{fact: True}))
    assert result["outcome"] == "no_procedure"
    assert result["exemptions"] == [exemption]
    assert "exemption" in codes(result)


def test_exemption_does_not_cover_exported_goods(catalog):
    result = run(
        catalog,
        activity="overseas_trip_goods",
        technology=tech(where="abroad", publicly_available=True),
        goods={"exported": True, "list_items": ["6"]},
    )
    assert result["outcome"] == "office_review"
    assert "list_controlled_goods" in codes(result)
    assert "exemption_partial" in codes(result)


def test_list_controlled_technology_to_non_resident(catalog):
    non_res = {"nationality": "DE", "entry_date": "2026-11-01"}
    result = run(catalog, person=non_res, technology=tech(list_items=["5"]))
    assert result["outcome"] == "office_review"
    assert result["list_controlled"] is True
    assert "list_controlled_technology" in codes(result)


def test_list_controlled_technology_to_plain_resident_is_domestic(catalog):
    result = run(catalog, person=RESIDENT, technology=tech(list_items=["5"]))
    assert result["outcome"] == "no_procedure"
    assert result["transfer_type"] == "domestic"
    assert "domestic_only" in codes(result)


def test_list_controlled_technology_to_category_2_resident(catalog):
    person = {**RESIDENT, "foreign_government_benefit_share": 0.5}
    result = run(catalog, person=person, technology=tech(list_items=["9"]))
    assert result["outcome"] == "office_review"
    assert result["specific_categories"] == [2]


def test_item_16_is_not_list_controlled(catalog):
    result = run(
        catalog,
        activity="joint_research",
        counterpart={"name": "X", "country": "DE"},
        technology=tech(where="abroad", list_items=["16"]),
    )
    assert result["list_controlled"] is False
    assert result["outcome"] == "no_procedure"


def test_research_area_in_border_transfer(catalog):
    result = run(
        catalog,
        activity="joint_research",
        counterpart={"name": "X", "country": "US"},
        technology=tech(where="abroad", research_areas=["31010"]),
    )
    assert result["outcome"] == "office_review"
    assert "research_area" in codes(result)
    assert "31010" in result["reasons"][-1]["en"]


def test_research_area_in_domestic_transfer_is_fine(catalog):
    result = run(catalog, person=RESIDENT, technology=tech(research_areas=["31010"]))
    assert result["outcome"] == "no_procedure"


@pytest.mark.parametrize("country", ["IR", "KP", "IQ", "AF", "SS"])
def test_concern_or_embargo_country_with_technology(catalog, country):
    result = run(
        catalog,
        activity="technology_provision",
        counterpart={"name": "X", "country": country},
        technology=tech(where="abroad"),
    )
    assert result["outcome"] == "office_review"
    assert result["country_group"] in ("concern", "un_arms_embargo")


def test_admission_from_concern_country_without_technology(catalog):
    person = {"nationality": "IR", "entry_date": "2026-11-20"}
    result = run(
        catalog, activity="foreign_student_admission", person=person, technology={"provided": False}
    )
    assert result["outcome"] == "office_review"
    assert "country_group" in codes(result)


def test_concern_country_without_admission_or_transfer(catalog):
    result = run(
        catalog, activity="written_pledge", person={"nationality": "IR", "entry_date": "2026-11-20"}
    )
    assert result["outcome"] == "no_procedure"
    assert "no_transfer" in codes(result)


def test_country_group_reports_most_severe(catalog):
    person = {"nationality": "IQ", "entry_date": "2026-11-20"}
    result = run(catalog, person=person, counterpart={"name": "X", "country": "DE"})
    assert result["country_group"] == "concern"


def test_plain_visiting_researcher_needs_no_procedure(catalog):
    person = {"nationality": "DE", "entry_date": "2026-11-20"}
    result = run(
        catalog,
        person=person,
        counterpart={"name": "TU", "country": "DE"},
        technology={"provided": False},
    )
    assert result["outcome"] == "no_procedure"
    assert result["country_group"] == "A"
    assert result["reasons"], "every outcome lists its reasons"


def test_every_reason_is_bilingual(catalog):
    result = run(
        catalog,
        person={**RESIDENT, "foreign_government_benefit_share": 0.4},
        technology=tech(list_items=["4"], research_areas=["24010"]),
        counterpart={"name": "X", "country": "KP"},
    )
    for reason in result["reasons"]:
        assert reason["ja"] and reason["en"] and reason["code"]
        assert "{" not in reason["ja"] + reason["en"]
    assert result["forms_version"] == catalog.version


# --- bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"activity": "space_launch"}, "activity"),
        ({"as_of": "2026-13-01"}, "as_of"),
        ({"person": {"nationality": "XX"}}, "person.nationality"),
        ({"person": {"nationality": "CN", "entry_date": "01/10/2026"}}, "person.entry_date"),
        ({"counterpart": {"country": "ZZ"}}, "counterpart.country"),
        (
            {"technology": {"provided": True, "research_areas": ["99999"]}},
            "technology.research_areas[0]",
        ),
        ({"technology": {"provided": True, "list_items": ["17"]}}, "technology.list_items[0]"),
        ({"technology": {"provided": "yes"}}, "technology.provided"),
        ({"red_flags": ["bad_vibes"]}, "red_flags[0]"),
        (
            {"person": {"nationality": "CN", "foreign_government_benefit_share": 25}},
            "person.foreign_government_benefit_share",
        ),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_input_names_the_field(catalog, patch, field):
    data = {"as_of": AS_OF, "activity": "visiting_researcher", **patch}
    with pytest.raises(FactsError) as err:
        evaluate_dict(data, catalog)
    assert err.value.field == field
