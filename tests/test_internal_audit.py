"""The yearly internal audit: checklist from the standards and the ICP, a reproducible
sample, per-case checks, findings with corrective actions, the report PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportdesk.documents.audit_report import audit_report_pdf
from exportdesk.domain.internal_audit import audit_forms, draw_sample
from exportdesk.store import StoreError
from exportdesk.store.internal_audit import InternalAudits
from tests.campus_world import ENGINES, campus_on, per_person
from tests.stats_fixtures import add_stats_rows
from tests.store_fixtures import Campus, controlled_answers, ready_for_decision
from tests.test_documents import flat, fonts_of, text_of

CHECKS = [c.id for c in audit_forms().case_checks]


@pytest.fixture(params=ENGINES)
def campus(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    # On PostgreSQL each person acts through their own connection (campus_world).
    c = add_stats_rows(campus_on(request, tmp_path / "audit.db"))
    # one case through the whole workflow (small format: office, then chief manager)
    s = c.store
    case = s.create_case(c.prof, answers=controlled_answers())
    s.submit(c.prof, case["id"])
    ready_for_decision(s, c.office, case["id"])
    s.record_decision(c.office, case["id"], "no_licence_needed", "not listed")
    s.approve(c.office, case["id"])
    s.approve(c.chief, case["id"])
    c.real_case = case["id"]  # type: ignore[attr-defined]
    return c


def audit_count(c: Campus) -> int:
    return c.store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_sample_is_reproducible_and_independent_of_order():
    population = {3: list(range(100, 160)), 1: [5, 9, 2], 7: []}
    a = draw_sample(population, 4, "seed-1")
    assert a == draw_sample({k: list(reversed(v)) for k, v in population.items()}, 4, "seed-1")
    assert a[1] == [2, 5, 9] and a[7] == [] and len(a[3]) == 4
    assert draw_sample(population, 4, "seed-2")[3] != a[3]
    # another department joining does not move this one's sample
    assert draw_sample({**population, 9: [1, 2, 3]}, 4, "seed-1")[3] == a[3]
    with pytest.raises(ValueError):
        draw_sample(population, 0, "x")


def test_start_records_checklist_sample_and_seed(campus: Campus):
    audits = per_person(campus, InternalAudits)
    before = audit_count(campus)
    audit_id = audits.start(campus.office, 2026, per_department=2, seed="2026-audit")
    audit = audits.get(campus.office, audit_id)
    assert audit["seed"] == "2026-audit" and audit["status"] == "open"
    # every Exporter Compliance Standards element, with the ICP articles citing it
    std_ids = [e.id for e in campus.store.catalog.exporter_standards.entries]
    assert [i["id"] for i in audit["checklist"]] == std_ids
    audit_item = next(i for i in audit["checklist"] if i["id"] == "audit")
    assert audit_item["articles"] and "監査" in audit_item["articles"][0]["title"]
    # ENG has 6 filed cases in 2026 (5 rows + the real one), SCI 2, LAW none
    assert audit["population"] == {campus.eng: 6, campus.sci: 2, campus.law: 0}
    by_dept = {}
    for c in audit["cases"]:
        by_dept.setdefault(c["department_id"], []).append(c["case_id"])
    assert len(by_dept[campus.eng]) == 2 and len(by_dept[campus.sci]) == 2
    assert campus.law not in by_dept
    assert audits.verify_sample(audit_id)
    # the same seed over the same population draws the same cases
    population = {campus.eng: [], campus.sci: [], campus.law: []}
    for case_id, dept in campus.store.db.execute(
        "SELECT id, department_id FROM cases WHERE submitted_at LIKE '2026%'"
    ):
        population[dept].append(case_id)
    assert draw_sample(population, 2, "2026-audit") == {
        d: sorted(v) for d, v in by_dept.items()
    } | {campus.law: []}
    assert audit_count(campus) == before + 1
    entry = campus.store.db.execute(
        "SELECT after_json FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()[0]
    assert "2026-audit" in entry


def test_evidence_suggests_results(campus: Campus):
    audits = per_person(campus, InternalAudits)
    audit_id = audits.start(campus.office, 2026, per_department=10, seed="s")
    cases = {c["case_id"]: c for c in audits.get(None, audit_id)["cases"]}
    real = cases[campus.real_case]["evidence"]
    assert real["sheet_complete"]["suggested"] == "pass"
    assert real["approvals_in_order"]["suggested"] == "pass", real
    row_only = next(c for c in cases.values() if c["title"] == "Case 0")["evidence"]
    assert row_only["sheet_complete"]["suggested"] == "fail"  # no determination recorded
    assert row_only["approvals_in_order"]["suggested"] == "fail"  # decided, never approved


def test_refusals_change_nothing(campus: Campus):
    audits = per_person(campus, InternalAudits)
    with pytest.raises(StoreError) as err:
        audits.start(campus.prof, 2026)
    assert err.value.code == "forbidden"
    for kwargs in ({"per_department": 0}, {"seed": "\x00"}):
        with pytest.raises(StoreError):
            audits.start(campus.office, 2026, **kwargs)
    assert audits.audits(campus.office) == []
    audit_id = audits.start(campus.office, 2026, per_department=1, seed="x")
    with pytest.raises(StoreError) as err:
        audits.start(campus.office, 2026)
    assert err.value.code == "audit_exists" and "2026" in err.value.ja
    before = audit_count(campus)
    case_id = audits.get(None, audit_id)["cases"][0]["case_id"]
    bad_calls = [
        lambda: audits.check_case(campus.office, audit_id, case_id, {"sheet_complete": "pass"}),
        lambda: audits.check_case(campus.office, audit_id, case_id, dict.fromkeys(CHECKS, "maybe")),
        lambda: audits.check_case(campus.office, audit_id, case_id, dict.fromkeys(CHECKS, "fail")),
        lambda: audits.check_case(campus.office, audit_id, 999999, dict.fromkeys(CHECKS, "pass")),
        lambda: audits.check_programme(campus.office, audit_id, "nonsense", "pass"),
        lambda: audits.add_finding(campus.office, audit_id, severity="major", finding="x"),
        lambda: audits.add_finding(
            campus.office,
            audit_id,
            severity="minor",
            finding="x",
            action="y",
            owner_id=campus.office.id,
            due_date="31/12/2026",
        ),
        lambda: audits.close(campus.office, audit_id, "done"),
    ]
    for call in bad_calls:
        with pytest.raises(StoreError):
            call()
    assert audit_count(campus) == before


def test_a_whole_audit_and_its_report(campus: Campus, tmp_path: Path):
    audits = per_person(campus, InternalAudits)
    audit_id = audits.start(campus.office, 2026, per_department=2, seed="full")
    audit = audits.get(campus.office, audit_id)
    for item in audit["checklist"]:
        result = "fail" if item["id"] == "shipment" else "pass"
        audits.check_programme(campus.office, audit_id, item["id"], result, "出荷確認の記録なし")
    for i, c in enumerate(audit["cases"]):
        results = {k: v["suggested"] for k, v in c["evidence"].items()}
        note = "証跡を確認" if "fail" in results.values() else ""
        audits.check_case(campus.office, audit_id, c["case_id"], results, note)
        del i
    finding = audits.add_finding(
        campus.office,
        audit_id,
        severity="major",
        finding="出荷時の確認が記録されていない",
        action="出荷確認票を作成し運用する",
        owner_id=campus.manager_eng.id,
        due_date="2027-03-31",
        standard_id="shipment",
    )
    audits.add_finding(campus.office, audit_id, severity="observation", finding="R&D <note>")
    with pytest.raises(StoreError):
        audits.complete_action(campus.prof, finding, "done")
    audits.complete_action(campus.manager_eng, finding, "様式を制定した")
    audits.close(campus.office, audit_id, "概ね適切に運用されている。出荷確認に課題がある。")
    with pytest.raises(StoreError) as err:
        audits.check_programme(campus.office, audit_id, "audit", "pass")
    assert err.value.code == "audit_closed"
    assert campus.store.verify_audit().ok

    audit = audits.get(campus.office, audit_id)
    for lang in ("ja", "en"):
        depts = {
            d["id"]: d["name_ja" if lang == "ja" else "name_en"] for d in campus.store.departments()
        }
        pdf = audit_report_pdf(audit, depts, "架空工業大学", lang)
        (tmp_path / f"audit-{lang}.pdf").write_bytes(pdf)
        text = flat(text_of(pdf))
        assert "full" in text  # the seed is printed
        assert all(c["ref"] in text for c in audit["cases"])
        assert "出荷時の確認が記録されていない" in text and "R&D<note>" in text
        assert "2027-03-31" in text
        if lang == "ja":
            assert "内部監査報告書" in text and "第" in text and "条（監査）" in text
            assert "法学部" in text
        else:
            assert "InternalAudit" in text and "FacultyofLaw" in text
        fonts = fonts_of(pdf)
        assert fonts and all(e for _n, e in fonts) and all("IPAex" in n for n, _ in fonts)


def test_audit_forms_are_validated(tmp_path: Path):
    from exportdesk.domain.catalog import FormsError
    from exportdesk.resources import forms_dir

    good = (forms_dir() / "internal_audit.yaml").read_text(encoding="utf-8")
    assert len(audit_forms().case_checks) == 5
    (tmp_path / "internal_audit.yaml").write_text(
        good.replace("confidence: corroborated", "confidence: surely", 1), encoding="utf-8"
    )
    with pytest.raises(FormsError, match=r"^internal_audit.yaml: .*confidence"):
        audit_forms(tmp_path)
    (tmp_path / "internal_audit.yaml").write_text(
        good.replace("id: retention", "id: sheet_complete"), encoding="utf-8"
    )
    with pytest.raises(FormsError, match="duplicate"):
        audit_forms(tmp_path)
