"""The guidance as in force in 2026: export bans, residency of Japanese nationals abroad,
the category-1 exceptions, re-provision, the publicly-available limits and engine input.

Each test names the rule it checks; dates sit on the edges of the rule."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest

from exportdesk.cli import main
from exportdesk.domain.checksheet import NONE, CheckSheet
from exportdesk.domain.determination import evaluate_dict
from exportdesk.domain.facts import FactsError, load_json, parse_facts

AS_OF = "2026-11-25"


def run(catalog, **facts: Any) -> dict[str, Any]:
    data = {"as_of": AS_OF, "activity": "visiting_researcher", **facts}
    return evaluate_dict(data, catalog)


def codes(result: dict[str, Any]) -> list[str]:
    return [r["code"] for r in result["reasons"]]


def reason(result: dict[str, Any], code: str) -> dict[str, str]:
    return next(r for r in result["reasons"] if r["code"] == code)


# --- Russia and Belarus (FEFTA Art. 48(3); Export Trade Control Order Art. 2(1)(i-3)-(i-7)) ---


@pytest.mark.parametrize(("as_of", "hit"), [("2022-03-18", True), ("2022-03-17", False)])
def test_samples_to_russia_go_to_the_office_from_the_measure_date(catalog, as_of, hit):
    result = evaluate_dict(
        {
            "as_of": as_of,
            "activity": "sending_samples",
            "counterpart": {"name": "Institute", "country": "RU"},
            "goods": {"exported": True, "list_items": []},
        },
        catalog,
    )
    assert result["country_group"] == "general"
    assert result["outcome"] == ("office_review" if hit else "no_procedure")
    assert ("measure" in codes(result)) is hit
    if hit:
        text = reason(result, "measure")
        assert "ロシア・ベラルーシ" in text["ja"] and "Russia and Belarus" in text["en"]
        assert "第2条第1項第1号の3" in text["ja"]


def test_technology_emailed_to_belarus_is_not_cleared_by_an_exemption(catalog):
    result = run(
        catalog,
        activity="technology_provision",
        counterpart={"name": "Lab", "country": "BY"},
        technology={"provided": True, "where": "abroad", "publicly_available": True},
    )
    assert result["outcome"] == "office_review"
    assert "measure" in codes(result)
    assert "exemption" not in codes(result)


def test_admitting_a_person_from_a_russian_institution(catalog):
    result = run(
        catalog,
        counterpart={"name": "Moscow Institute", "country": "RU"},
        person={"nationality": "DE", "entry_date": "2026-11-01"},
        technology={"provided": False},
    )
    assert result["outcome"] == "office_review"
    assert "counterpart" in reason(result, "measure")["en"]


def test_technology_to_a_russian_national_in_japan(catalog):
    result = run(
        catalog,
        counterpart={"name": "TU", "country": "DE"},
        person={"nationality": "RU", "entry_date": "2020-01-01"},  # a resident
        technology={"provided": True, "where": "japan"},
    )
    assert result["outcome"] == "office_review"
    assert "nationality" in reason(result, "measure")["en"]


def test_measure_does_not_touch_a_pledge_without_transfer(catalog):
    result = run(catalog, activity="written_pledge", person={"nationality": "RU"})
    assert "measure" not in codes(result)


@pytest.mark.parametrize("as_of", ["2020-01-01", AS_OF])
def test_counterpart_on_an_export_ban_list_is_a_red_flag_no_exemption_clears(catalog, as_of):
    result = evaluate_dict(
        {
            "as_of": as_of,
            "activity": "technology_provision",
            "counterpart": {"name": "X", "country": "AE", "on_export_ban_list": True},
            "technology": {"provided": True, "where": "abroad", "basic_science": True},
        },
        catalog,
    )
    assert result["outcome"] == "office_review"
    assert "export_ban_entity" in codes(result)
    assert "exemption" not in codes(result)
    assert "外務省告示" in reason(result, "export_ban_entity")["ja"]


# --- Japanese nationals abroad (MOF interpretation notice 蔵国4672号 6-1-5) -----------------


@pytest.mark.parametrize(
    ("since", "resident"),
    [
        ("2026-11-25", False),  # non-resident from the day of departure
        ("2026-11-26", True),  # the day before departure: still a resident
        (None, False),  # intends to stay 2 years, date unknown: the safe reading
    ],
)
def test_japanese_leaving_to_stay_two_years_is_non_resident_from_departure(
    catalog, since, resident
):
    person = {"nationality": "JP", "intends_to_stay_abroad_2_years": True}
    if since:
        person["japanese_abroad_since"] = since
    result = run(catalog, person=person, technology={"provided": True, "list_items": ["5"]})
    assert result["resident"] is resident
    assert result["outcome"] == ("no_procedure" if resident else "office_review")


def test_check_sheet_asks_the_intent_with_a_required_departure_date(catalog):
    sheet = CheckSheet(catalog)
    answers: dict[str, Any] = {"activity": "visiting_researcher", "nationality": "JP"}
    assert sheet.visible("japanese_lives_abroad", answers)
    assert not sheet.visible("intends_to_stay_abroad_2_years", answers)
    answers |= {"japanese_lives_abroad": True, "working_abroad": False}
    assert "japanese_abroad_since" in [q.id for q in sheet.missing(answers)]
    assert sheet.visible("intends_to_stay_abroad_2_years", answers)
    answers |= {
        "japanese_abroad_since": "2026-10-01",
        "intends_to_stay_abroad_2_years": True,
        "planned_date": AS_OF,
    }
    facts = sheet.facts(answers)
    assert facts["person"]["intends_to_stay_abroad_2_years"] is True
    assert evaluate_dict(facts, catalog)["resident"] is False


def test_japanese_diplomatic_staff_abroad_remain_residents(catalog):
    person = {
        "nationality": "JP",
        "working_abroad": True,
        "japanese_diplomatic_staff": True,
        "japanese_abroad_since": "2020-04-01",  # long past the 2-year mark
    }
    result = run(catalog, person=person, technology={"provided": True, "list_items": ["9"]})
    assert result["resident"] is True
    assert result["transfer_type"] == "domestic"
    embassy_clerk = {**person, "japanese_diplomatic_staff": False}
    assert run(catalog, person=embassy_clerk)["resident"] is False


def test_working_abroad_starts_at_departure(catalog):
    person = {"nationality": "JP", "working_abroad": True, "japanese_abroad_since": "2026-11-26"}
    assert run(catalog, person=person)["resident"] is True
    assert run(catalog, person={**person, "japanese_abroad_since": AS_OF})["resident"] is False


# --- Category 1 exceptions (service notice 4貿局第492号 1(3)サ①イ・ロ) --------------------------

RESIDENT = {"nationality": "CN", "entry_date": "2025-01-01"}


@pytest.mark.parametrize(
    "exception", ["japanese_employer_priority_agreed", "counterparty_is_group_company"]
)
def test_exceptions_need_a_contract_with_a_japanese_corporation(catalog, exception):
    contract = {"exists": True, "must_follow_instructions": True, exception: True}
    student = run(catalog, person={**RESIDENT, "foreign_contract": contract})
    assert student["specific_categories"] == [1]
    assert "category_exception" not in codes(student)
    employee = run(
        catalog,
        person={
            **RESIDENT,
            "foreign_contract": {**contract, "japanese_corporation_contract": True},
        },
    )
    assert employee["specific_categories"] == []
    assert "category_exception" in codes(employee)


def test_check_sheet_asks_exception_i_as_the_rule_reads(catalog):
    sheet = CheckSheet(catalog)
    answers: dict[str, Any] = {
        "activity": "visiting_researcher",
        "nationality": "CN",
        "foreign_contract_exists": True,
        "must_follow_instructions": True,
    }
    assert sheet.visible("japanese_corporation_contract", answers)
    assert not sheet.visible("japanese_employer_priority_agreed", answers)
    answers["japanese_corporation_contract"] = False
    assert not sheet.visible("japanese_employer_priority_agreed", answers)
    answers["japanese_corporation_contract"] = True
    assert sheet.visible("japanese_employer_priority_agreed", answers)
    help_text = catalog.questions["foreign_contract_exists"].help
    assert help_text is not None and "共同研究" in help_text.ja and "joint" in help_text.en


# --- Re-provision (definitions of 技術の提供 and 貨物の輸出 in university regulations) -----------


def test_technology_clearly_passed_to_a_non_resident_is_deemed(catalog):
    plain = run(catalog, person=RESIDENT, technology={"provided": True, "list_items": ["5"]})
    assert plain["transfer_type"] == "domestic" and plain["outcome"] == "no_procedure"
    onward = run(
        catalog,
        person=RESIDENT,
        technology={"provided": True, "list_items": ["5"], "passes_to_non_resident": True},
    )
    assert onward["transfer_type"] == "deemed"
    assert onward["outcome"] == "office_review"
    assert "reprovision_technology" in codes(onward)


def test_check_sheet_option_carries_the_reprovision(catalog):
    sheet = CheckSheet(catalog)
    answers = {
        "activity": "technology_provision",
        "technology_provided": True,
        "technology_where": "japan_passed_on",
    }
    facts = sheet.facts(answers)
    assert facts["technology"]["where"] == "japan"
    assert facts["technology"]["passes_to_non_resident"] is True


def test_goods_handed_over_in_japan_for_export_are_exported(catalog):
    result = run(
        catalog,
        activity="sending_samples",
        counterpart={"name": "Agent", "country": "JP"},
        goods={"handed_over_for_export": True, "list_items": ["6"]},
    )
    assert result["transfer_type"] == "border"
    assert result["outcome"] == "office_review"
    assert {"reprovision_goods", "list_controlled_goods"} <= set(codes(result))
    sheet = CheckSheet(catalog)
    answers = {"activity": "sending_samples", "goods_exported": False}
    assert sheet.visible("goods_handed_over", answers)
    assert not sheet.visible("goods_how", answers)
    assert sheet.visible("goods_how", {**answers, "goods_exported": True})


# --- Publicly available (貿易外省令 Art. 9(2)(ix); publication aimed at a person excluded
#     since 2011-09-30; a confidential audience does not make technology public) ------------


def test_restricted_publication_is_not_publicly_available(catalog):
    non_res = {"nationality": "US", "entry_date": "2026-11-01"}
    open_paper = run(
        catalog,
        person=non_res,
        technology={"provided": True, "list_items": ["7"], "publicly_available": True},
    )
    assert open_paper["outcome"] == "no_procedure"
    restricted = run(
        catalog,
        person=non_res,
        technology={
            "provided": True,
            "list_items": ["7"],
            "publicly_available": True,
            "publication_restricted": True,
        },
    )
    assert restricted["exemptions"] == []
    assert restricted["outcome"] == "office_review"
    exemption = catalog.exemption_by_id["publicly_available"]
    assert "2011-09-30" in exemption.description.en and "守秘義務" in exemption.description.ja


def test_exemption_legal_bases_as_corrected(catalog):
    assert catalog.exemption_by_id["industrial_property"].legal_basis.ja.endswith(
        "第9条第2項第11号"
    )
    assert "第4条第1項第5号" in catalog.exemption_by_id["small_value"].legal_basis.ja
    travel = catalog.exemption_by_id["travel_items"]
    assert travel.confidence == "unverified" and "第4条第3項第4号" in (
        travel.note.ja if travel.note else ""
    )


# --- Red flags: an explicit "none of these" ------------------------------------------------


def test_untouched_red_flags_are_not_a_no(catalog):
    sheet = CheckSheet(catalog)
    base = {"activity": "written_pledge"}

    def missing(flags: Any) -> bool:
        return "red_flags" in [q.id for q in sheet.missing({**base, "red_flags": flags})]

    assert missing(None) and missing([])
    assert not missing([NONE])
    assert not missing(["purpose_unclear"])
    assert missing([NONE, "purpose_unclear"])  # contradictory
    assert sheet.facts({**base, "red_flags": [NONE]})["red_flags"] == []
    assert (NONE, catalog.questions["red_flags"].none_option.model_dump()) in sheet.options(
        catalog.questions["red_flags"]
    )
    assert "military_end_use" in catalog.red_flag_by_id


# --- The lead's measured scenario stays short ----------------------------------------------


def test_visiting_researcher_scenario_asks_few_questions(catalog):
    """Chinese visiting researcher, entered 2 months ago, 30% government funding,
    carbon-fibre composite technology: the required questions on screen."""
    sheet = CheckSheet(catalog)
    answers = {
        "activity": "visiting_researcher",
        "title": "Visit",
        "planned_date": AS_OF,
        "counterpart_name": "Example University",
        "counterpart_country": "CN",
        "nationality": "CN",
        "employed_in_japan": False,
        "entry_date": "2026-09-25",
        "diplomat_or_foreign_official": False,
        "foreign_contract_exists": False,
        "foreign_government_benefit": True,
        "foreign_government_benefit_share": 30,
        "acts_on_foreign_government_instructions": False,
        "technology_provided": True,
        "technology_where": "japan",
        "technology_description": "Moulding conditions of carbon-fibre composites",
        "publicly_available": False,
        "basic_science": False,
        "for_patent_filing": False,
        "technology_list_controlled": "unknown",
        "end_use": "Joint research",
        "red_flags": [NONE],
    }
    assert sheet.missing(answers) == []
    required = [q.id for q in sheet.visible_questions(answers) if q.required]
    assert len(required) == len(answers), sorted(set(required) ^ set(answers))
    assert len(required) <= 22
    result = evaluate_dict(sheet.facts(answers), catalog)
    assert result["resident"] is False and result["outcome"] == "office_review"


# --- Engine input: every bad value exits 2 naming the field --------------------------------

DEEP = (
    '{"as_of": "2026-11-25", "activity": "joint_research", "person": '
    + '{"a": ' * 3000
    + "1"
    + "}" * 3001
)


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ('{"activity": ["joint_research"]}', "activity"),
        ('{"activity": {"id": "joint_research"}}', "activity"),
        (DEEP, "person.a.a.a.a.a.a.a"),
        ("[" * 5000 + "]" * 5000, "(input)"),
        (
            '{"activity": "joint_research", "person": {"nationality": "CN", '
            '"foreign_government_benefit_share": ' + "9" * 5000 + "}}",
            "person.foreign_government_benefit_share",
        ),
        ('{"activity": "joint_research", "red_flags": [' + "1" * 5000 + "]}", "red_flags[0]"),
        ('{"activity": "joint_research", "as_of": "9999-12-31"}', "as_of"),
        ('{"activity": "joint_research", "as_of": "1899-12-31"}', "as_of"),
        (
            '{"activity": "joint_research", "person": {"nationality": "CN", "entry_date": "9999-12-31"}}',
            "person.entry_date",
        ),
        ('{"activity": "joint_research", "as_of": "20261125"}', "as_of"),
        ('{"activity": "joint_research", "as_of": "2026W481"}', "as_of"),
        ('{"activity": "joint_research", "as_of": "2026-W48-1"}', "as_of"),
        ('{"activity": "joint_research", "technology": {"where": ["abroad"]}}', "technology.where"),
        (
            '{"activity": "joint_research", "counterpart": {"on_export_ban_list": "yes"}}',
            "counterpart.on_export_ban_list",
        ),
    ],
)
def test_bad_engine_input_names_the_field(catalog, raw, field):
    with pytest.raises(FactsError) as err:
        parse_facts(load_json(raw), catalog)
    assert err.value.field == field


@pytest.mark.parametrize("as_of", ["2199-12-31", "1900-01-01"])
def test_date_range_edges_are_accepted(catalog, as_of):
    person = {"nationality": "JP", "japanese_abroad_since": as_of}
    # Left on the edge day itself, not intending 2 years: still a resident, no overflow.
    assert run(catalog, as_of=as_of, person=person)["resident"] is True


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ('{"activity": ["x"]}', "activity: expected an activity id"),
        (DEEP, "person.a.a.a.a.a.a.a: nested more than"),
        ('{"activity": "joint_research", "as_of": "20261125"}', "as_of: '20261125' is not a date"),
        (
            '{"activity": "joint_research", "as_of": "9999-12-31"}',
            "as_of: 9999-12-31 is out of range",
        ),
    ],
)
def test_cli_exits_2_without_a_traceback(capsys, monkeypatch, raw, needle):
    monkeypatch.setattr(sys, "stdin", io.StringIO(raw))
    assert main(["evaluate", "-"]) == 2
    captured = capsys.readouterr()
    assert needle in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


# --- A hit on a list of specified entities reaches the engine (store wiring) ---------------


def test_submitted_case_with_a_ban_list_hit_names_the_measure(tmp_path):
    from tests.ban_pdf import Block, ban_pdf
    from tests.store_fixtures import controlled_answers, make_campus

    campus = make_campus(tmp_path / "ban.db")
    s = campus.store
    ban = tmp_path / "ban.pdf"
    ban.write_bytes(
        ban_pdf(
            [
                Block("北方量子センター", "Northern Quantum Center", "Moscow, Russia"),
                Block("株式会社青河造船所", "Blue River Shipyard JSC", "St Petersburg, Russia"),
            ]
        )
    )
    s.eul.import_file(campus.office, ban, fmt="export_ban")
    # A German counterpart, publicly available technology: only the list hit can stop it.
    answers = controlled_answers() | {
        "counterpart_name": "Northern Quantum Center",
        "publicly_available": True,
        "publication_restricted": False,
    }
    case = s.submit(campus.prof, s.create_case(campus.prof, answers=answers)["id"])
    assert case["outcome"] == "office_review"
    codes_ = [r["code"] for r in case["determination"]["reasons"]]
    assert "export_ban_entity" in codes_ and "exemption" not in codes_
    assert case["facts"]["counterpart"]["on_export_ban_list"] is True
