"""Statistics against a database whose figures are known (tests/stats_fixtures.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from exportdesk.domain.statistics import Period, PeriodError, percentile, turnaround
from exportdesk.store import StoreError
from exportdesk.store.stats import EUL_ROWS, Statistics, Summary
from tests.campus_world import ENGINES, campus_on, per_person, person_campus
from tests.stats_fixtures import add_stats_rows
from tests.store_fixtures import Campus, controlled_answers, make_campus, ready_for_decision

Y2026 = Period.calendar_year(2026)


@pytest.fixture(params=ENGINES)
def campus(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    # On PostgreSQL each person reads through their own connection (campus_world).
    return add_stats_rows(campus_on(request, tmp_path / "stats.db"))


def test_percentiles_by_hand():
    assert percentile([], 50) is None
    assert percentile([7], 90) == 7
    assert percentile([1, 2, 3, 4], 50) == 2.5
    # rank (10 - 1) * 0.9 = 8.1 -> 9 + 0.1 * (10 - 9)
    assert percentile(list(range(1, 11)), 90) == pytest.approx(9.1)
    assert turnaround([10, 2, 40]).median == 10
    with pytest.raises(ValueError):
        percentile([1], 101)


def test_periods():
    assert Period.fiscal_year(2026).months()[0] == "2026-04"
    assert Period.fiscal_year(2026).months()[-1] == "2027-03"
    assert len(Y2026.months()) == 12
    assert Y2026.upper == "2027-01-01"
    with pytest.raises(PeriodError) as err:
        Period(dt.date(2026, 5, 1), dt.date(2026, 4, 1))
    assert "終了日" in err.value.message("ja")
    with pytest.raises(PeriodError):
        Period.calendar_year(1999)


def test_counts_for_the_year(campus: Campus):
    s = per_person(campus, Statistics).summary(campus.office, Y2026)
    assert s.total == 7  # boundaries and the unfiled draft excluded
    assert s.counts["activity"] == {
        "joint_research": 3,
        "visiting_researcher": 2,
        "sending_samples": 1,
        "international_conference": 1,
    }
    assert s.counts["outcome"] == {"office_review": 5, "no_procedure": 2}
    assert s.counts["decision"] == {
        "licence_required": 2,
        "no_licence_needed": 1,
        "approved_with_conditions": 1,
        "": 3,
    }
    assert s.counts["country_group"] == {"concern": 2, "A": 2, "general": 2, "": 1}
    assert s.counts["department"] == {campus.eng: 5, campus.sci: 2, campus.law: 0}
    months = s.counts["month"]
    assert list(months) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert months["2026-01"] == 2 and months["2026-02"] == 3 and months["2026-03"] == 0
    assert months["2026-04"] == 1 and months["2026-12"] == 1
    assert s.activity_by_month["2026-02"] == {
        "visiting_researcher": 1,
        "joint_research": 1,
        "international_conference": 1,
    }
    assert s.group_by_outcome["general"] == {"office_review": 1, "no_procedure": 1}
    assert s.licences == 2
    assert s.licences_by_department == {campus.eng: 1, campus.sci: 1}


def test_turnaround_by_department(campus: Campus):
    s = per_person(campus, Statistics).summary(campus.office, Y2026)
    eng = s.turnaround_by_department[campus.eng]
    # ENG decided: 10, 2 and 40 days
    assert (eng.count, eng.median) == (3, 10)
    assert eng.p90 == pytest.approx(10 + 0.8 * 30)
    sci = s.turnaround_by_department[campus.sci]
    assert (sci.count, sci.median, sci.p90) == (1, 10, 10)
    law = s.turnaround_by_department[campus.law]
    assert (law.count, law.median, law.p90) == (0, None, None)
    assert s.turnaround_all.count == 4
    # bins 0-3, 3-7, 7-14, 14-30, 30-60, 60-90, >=90
    assert s.turnaround_histogram == [1, 0, 2, 0, 1, 0, 0]


def test_end_user_list_hits(campus: Campus):
    s = per_person(campus, Statistics).summary(campus.office, Y2026)
    assert s.eul_cases == 2
    assert s.eul_hits == {"true_match": 1, "false_positive": 1, "unresolved": 1}


def test_empty_period_has_zeros_not_gaps(campus: Campus):
    period = Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    s = per_person(campus, Statistics).summary(campus.office, period)
    assert s.total == 0
    assert s.counts["month"] == {"2026-07": 0, "2026-08": 0, "2026-09": 0}
    assert s.counts["department"] == {campus.eng: 0, campus.sci: 0, campus.law: 0}
    assert s.turnaround_all.median is None and s.eul_hits["unresolved"] == 0


def test_drill_down_returns_the_cases_behind_a_bar(campus: Campus):
    stats = per_person(campus, Statistics)
    s = stats.summary(campus.office, Y2026)
    for dim in ("activity", "outcome", "decision", "country_group", "department", "month"):
        for key, n in s.counts[dim].items():
            rows = stats.cases_behind(campus.office, Y2026, dim, key)
            assert len(rows) == n, (dim, key)
    assert {r["title"] for r in stats.cases_behind(campus.office, Y2026, "licence", None)} == {
        "Case 0",
        "Case 5",
    }
    assert len(stats.cases_behind(campus.office, Y2026, "eul_hit", None)) == 2
    with pytest.raises(StoreError):
        stats.cases_behind(campus.office, Y2026, "colour", "red")


def test_manager_sees_own_department_applicant_refused(campus: Campus):
    stats = per_person(campus, Statistics)
    s = stats.summary(campus.manager_sci, Y2026)
    assert s.total == 2 and s.counts["department"] == {campus.sci: 2}
    with pytest.raises(StoreError) as err:
        stats.summary(campus.prof, Y2026)
    assert err.value.code == "forbidden"


def test_labels_come_from_the_forms(campus: Campus):
    stats = per_person(campus, Statistics)
    assert stats.label("country_group", "concern", "ja") == "懸念国"
    assert stats.label("department", campus.law, "en") == "Faculty of Law"
    assert stats.label("decision", "", "en") == "(no decision yet)"
    assert stats.label("activity", "joint_research", "en") != "joint_research"


def test_drill_down_by_two_dimensions(campus: Campus):
    stats = per_person(campus, Statistics)
    rows = stats.cases_behind(
        campus.office, Y2026, "licence", None, also=("department", campus.sci)
    )
    assert [r["title"] for r in rows] == ["Case 5"]
    assert (
        stats.cases_behind(campus.office, Y2026, "licence", None, also=("department", campus.law))
        == []
    )


def test_screened_without_hits_is_not_a_hit(campus: Campus):
    s = campus.store
    with s.db.atomic():
        s.db["cases"].insert(
            {
                "ref": "2026-999999",
                "applicant_id": campus.prof.id,
                "filed_by_id": campus.prof.id,
                "department_id": campus.eng,
                "status": "submitted",
                "forms_version": "2026.11",
                "review_json": '{"screening": {"hits": [], "list_version": "x"}}',
                "created_at": "2026-05-01T00:00:00Z",
                "updated_at": "2026-05-01T00:00:00Z",
                "submitted_at": "2026-05-01T00:00:00Z",
            }
        )
    stats = per_person(campus, Statistics)
    summary = stats.summary(campus.office, Y2026)
    assert summary.total == 8 and summary.eul_cases == 2
    assert len(stats.cases_behind(campus.office, Y2026, "eul_hit", None)) == 2
    if s.db.name != "sqlite":
        return  # the plan below is SQLite's; PostgreSQL plans a table this small by a scan
    plan = " ".join(
        str(r)
        for r in s.db.execute(
            "EXPLAIN QUERY PLAN SELECT c.review_json FROM cases c WHERE c.submitted_at >= ?"
            f" AND c.submitted_at < ? AND {EUL_ROWS} AND 1",
            ["2026", "2027"],
        )
    )
    assert "cases_eul" in plan


def _figures(summary: Summary, codes: dict[int, str]) -> dict:
    """A summary with departments by code (each engine numbers its own rows)."""
    figures = dataclasses.asdict(summary)
    for key in ("turnaround_by_department", "licences_by_department"):
        figures[key] = {codes[k]: v for k, v in figures[key].items()}
    figures["counts"]["department"] = {
        codes[k]: v for k, v in figures["counts"]["department"].items()
    }
    return figures


def test_the_same_figures_on_both_engines(request, tmp_path: Path, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    """The same rows, and one case filed and decided through the workflow, give the same
    statistics on SQLite and on PostgreSQL (there through each reader's own connection)."""
    lite = add_stats_rows(make_campus(tmp_path / "lite.db"))
    request.addfinalizer(lite.store.close)
    pg = add_stats_rows(person_campus(pg_cluster))
    request.addfinalizer(pg.store.close)
    for c in (lite, pg):
        case = c.store.create_case(c.prof, answers=controlled_answers() | {"title": "Filed case"})
        c.store.submit(c.prof, case["id"])
        ready_for_decision(c.store, c.office, case["id"])
        c.store.record_decision(c.office, case["id"], "licence_required", "listed")
    lite_stats, pg_stats = Statistics(lite.store), per_person(pg, Statistics)
    periods = [
        Y2026,
        Period.fiscal_year(2025),
        Period.fiscal_year(2026),
        Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    ]
    seen = 0
    for who in ("office", "chief", "manager_eng", "manager_sci"):
        for period in periods:
            a = lite_stats.summary(getattr(lite, who), period)
            b = pg_stats.summary(getattr(pg, who), period)
            codes_a = {d["id"]: d["code"] for d in lite.store.departments()}
            codes_b = {d["id"]: d["code"] for d in pg.store.departments()}
            assert _figures(a, codes_a) == _figures(b, codes_b), (who, period)
            seen += a.total
            for dim in ("activity", "outcome", "decision", "country_group", "month"):
                for key in a.counts[dim]:
                    titles_a = sorted(
                        r["title"]
                        for r in lite_stats.cases_behind(getattr(lite, who), period, dim, key)
                    )
                    titles_b = sorted(
                        r["title"]
                        for r in pg_stats.cases_behind(getattr(pg, who), period, dim, key)
                    )
                    assert titles_a == titles_b, (who, period, dim, key)
    assert seen > 0  # figures were compared, not two empty summaries
    assert lite_stats.summary(lite.office, Y2026).total == 8
