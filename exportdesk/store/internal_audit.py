"""The yearly internal audit as a record: the programme checklist (Exporter Compliance
Standards with the ICP articles that implement them), a seeded sample of the year's
cases per department with a per-case checklist, findings and corrective actions.

Every change is audited; a closed audit no longer changes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from exportdesk.domain.internal_audit import (
    MAX_PER_DEPARTMENT,
    RESULTS,
    SEVERITIES,
    Article,
    audit_forms,
    case_evidence,
    draw_sample,
    new_seed,
    programme_checklist,
)
from exportdesk.domain.statistics import Period, PeriodError, check_year
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

if TYPE_CHECKING:
    from exportdesk.store.service import Store

MAX_TEXT = 4000


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _text(value: str, name: str, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise StoreError("invalid", detail=f"{name} is empty")
    if len(text) > MAX_TEXT:
        raise StoreError("invalid", detail=f"{name} is longer than {MAX_TEXT} characters")
    return text


class InternalAudits:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    @staticmethod
    def _require(actor: User | None) -> None:
        if actor is not None and not (
            actor.has("office") or actor.has("chief_manager") or actor.has("admin")
        ):
            raise StoreError("forbidden")

    # --- starting -----------------------------------------------------------------------

    def icp_articles(self, fmt: str) -> list[Article]:
        """The institution's ICP articles and the standards elements each implements."""
        from exportdesk.documents.audit_report import icp_articles
        from exportdesk.domain.profile import ProfileError, parse_profile

        inst = self.store.institution() or {}
        saved = inst.get("profile") or {}
        try:
            profile = parse_profile(saved)
        except ProfileError:
            profile = parse_profile(
                {
                    "name": {"ja": inst.get("name_ja") or "-", "en": inst.get("name_en") or "-"},
                    "president_title": {"ja": "学長", "en": "President"},
                    "chief_manager_post": {"ja": "理事", "en": "Executive Vice President"},
                    "office_name": {
                        "ja": inst.get("office_name_ja") or "-",
                        "en": inst.get("office_name_en") or "-",
                    },
                    "effective_date": self.store.clock().date(),
                    "icp_format": fmt,
                }
            )
        return icp_articles(profile, fmt, self.store.catalog)

    def start(
        self,
        actor: User | None,
        year: int,
        *,
        per_department: int = 5,
        seed: str | None = None,
        period: Period | None = None,
    ) -> int:
        """Record a new audit for `year` with its checklist and its sample (seed recorded)."""
        self._require(actor)
        try:
            check_year(year)
            period = period or Period.calendar_year(year)
        except PeriodError as exc:
            raise StoreError("invalid", detail=exc.en) from None
        if not 1 <= per_department <= MAX_PER_DEPARTMENT:
            raise StoreError("invalid", detail=f"per department: 1 to {MAX_PER_DEPARTMENT}")
        seed = (seed or new_seed()).strip()
        if not seed or len(seed) > 64 or not seed.isprintable():
            raise StoreError("invalid", detail="seed")
        if self.db.execute("SELECT 1 FROM internal_audits WHERE year = ?", [year]).fetchone():
            raise StoreError("audit_exists", year=year)
        inst = self.store.institution() or {}
        fmt = inst.get("icp_format", "small")
        checklist = programme_checklist(self.store.catalog, self.icp_articles(fmt))
        population = self._population(period)
        sample = draw_sample(population, per_department, seed)
        now = self.store.now()
        today = self.store.clock().date().isoformat()
        with self.db.atomic():
            audit_id = int(
                self.db["internal_audits"]
                .insert(
                    {
                        "year": year,
                        "period_start": period.start.isoformat(),
                        "period_end": period.end.isoformat(),
                        "seed": seed,
                        "per_department": per_department,
                        "population_json": _dumps({str(k): v for k, v in population.items()}),
                        "icp_format": fmt,
                        "checklist_json": _dumps(checklist),
                        "status": "open",
                        "created_by": actor.id if actor else None,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
                .last_pk
            )
            for dept, ids in sample.items():
                for case_id in ids:
                    evidence = self._evidence(case_id, fmt, today)
                    self.db["internal_audit_cases"].insert(
                        {
                            "audit_id": audit_id,
                            "case_id": case_id,
                            "department_id": dept or None,
                            "evidence_json": _dumps(evidence),
                        }
                    )
            self.store._audit(
                actor,
                "audit_start",
                "internal_audit",
                audit_id,
                None,
                {
                    "year": year,
                    "seed": seed,
                    "per_department": per_department,
                    "period": [period.start.isoformat(), period.end.isoformat()],
                    "sample": {str(k): v for k, v in sample.items()},
                },
            )
        return audit_id

    def _population(self, period: Period) -> dict[int, list[int]]:
        """The period's filed cases by department (0: no department); every department
        appears, a department without cases with an empty list."""
        population: dict[int, list[int]] = {d["id"]: [] for d in self.store.departments()}
        for case_id, dept in self.db.execute(
            "SELECT id, department_id FROM cases WHERE submitted_at >= ? AND submitted_at < ?"
            " ORDER BY id",
            [period.lower, period.upper],
        ):
            population.setdefault(dept or 0, []).append(case_id)
        return population

    def _evidence(self, case_id: int, fmt: str, today: str) -> dict[str, Any]:
        row = self.store._case_row(case_id)
        case = self.store._decode(row)
        approvals = self.store._rows(
            "SELECT round, step, user_id, action FROM approvals WHERE case_id = ? ORDER BY id",
            [case_id],
        )
        in_force = None
        if case.get("submitted_at"):
            version = self.store._row(
                "SELECT * FROM eul_versions WHERE effective_date <= ?"
                " ORDER BY effective_date DESC, id DESC LIMIT 1",
                [case["submitted_at"][:10]],
            )
            if version:
                in_force = self.store.eul.version_label(version)
        until = self.store.retention_until(row).isoformat()
        found = case_evidence(case, approvals, fmt, in_force, until, today)
        return {k: {"suggested": e.suggested, "detail": e.detail} for k, e in found.items()}

    def verify_sample(self, audit_id: int) -> bool:
        """Draw again from the recorded population with the recorded seed: same sample?"""
        audit = self._audit_row(audit_id)
        population = {int(k): v for k, v in json.loads(audit["population_json"]).items()}
        again = draw_sample(population, audit["per_department"], audit["seed"])
        drawn: dict[int, list[int]] = {d: [] for d in population}
        for case_id, dept in self.db.execute(
            "SELECT case_id, department_id FROM internal_audit_cases WHERE audit_id = ?"
            " ORDER BY case_id",
            [audit_id],
        ):
            drawn.setdefault(dept or 0, []).append(case_id)
        return again == drawn

    # --- reading ------------------------------------------------------------------------

    def _audit_row(self, audit_id: int) -> dict[str, Any]:
        row = self.store._row("SELECT * FROM internal_audits WHERE id = ?", [audit_id])
        if row is None:
            raise StoreError("not_found")
        return row

    def audits(self, actor: User | None) -> list[dict[str, Any]]:
        self._require(actor)
        return self.store._rows(
            "SELECT id, year, status, seed, per_department, created_at, closed_at"
            " FROM internal_audits ORDER BY year DESC"
        )

    def id_for_year(self, year: int) -> int:
        row = self.db.execute("SELECT id FROM internal_audits WHERE year = ?", [year]).fetchone()
        if row is None:
            raise StoreError("not_found")
        return int(row[0])

    def get(self, actor: User | None, audit_id: int) -> dict[str, Any]:
        self._require(actor)
        audit = self._audit_row(audit_id)
        audit["checklist"] = json.loads(audit.pop("checklist_json"))
        population = json.loads(audit.pop("population_json"))
        audit["population"] = {int(k): len(v) for k, v in population.items()}
        audit["cases"] = []
        for row in self.store._rows(
            "SELECT a.*, c.ref, c.title, c.status, c.activity FROM internal_audit_cases a"
            " JOIN cases c ON c.id = a.case_id WHERE a.audit_id = ?"
            " ORDER BY a.department_id, c.ref",
            [audit_id],
        ):
            row["evidence"] = json.loads(row.pop("evidence_json"))
            row["checks"] = json.loads(row.pop("checks_json"))
            audit["cases"].append(row)
        audit["findings"] = self.store._rows(
            "SELECT f.*, u.name AS owner_name, c.ref AS case_ref FROM internal_audit_findings f"
            " LEFT JOIN users u ON u.id = f.owner_id LEFT JOIN cases c ON c.id = f.case_id"
            " WHERE f.audit_id = ? ORDER BY f.id",
            [audit_id],
        )
        return audit

    # --- recording ------------------------------------------------------------------------

    def _open_audit(self, actor: User | None, audit_id: int) -> dict[str, Any]:
        self._require(actor)
        audit = self._audit_row(audit_id)
        if audit["status"] != "open":
            raise StoreError("audit_closed")
        return audit

    def check_programme(
        self, actor: User | None, audit_id: int, standard_id: str, result: str, note: str = ""
    ) -> None:
        audit = self._open_audit(actor, audit_id)
        if result not in RESULTS:
            raise StoreError("invalid", detail=f"result {result}")
        note = _text(note, "note", required=result == "fail")
        checklist = json.loads(audit["checklist_json"])
        item = next((i for i in checklist if i["id"] == standard_id), None)
        if item is None:
            raise StoreError("invalid", detail=f"standard {standard_id}")
        before = {"result": item["result"], "note": item["note"]}
        item["result"], item["note"] = result, note
        with self.db.atomic():
            self.db["internal_audits"].update(
                audit_id, {"checklist_json": _dumps(checklist), "updated_at": self.store.now()}
            )
            self.store._audit(
                actor,
                "audit_programme_check",
                "internal_audit",
                audit_id,
                {"standard": standard_id, **before},
                {"standard": standard_id, "result": result, "note": note},
            )

    def check_case(
        self,
        actor: User | None,
        audit_id: int,
        case_id: int,
        results: dict[str, str],
        note: str = "",
    ) -> None:
        """Record the auditor's result for each per-case check (all of them at once)."""
        self._open_audit(actor, audit_id)
        row = self.store._row(
            "SELECT checks_json, note FROM internal_audit_cases WHERE audit_id = ? AND case_id = ?",
            [audit_id, case_id],
        )
        if row is None:
            raise StoreError("invalid", detail="the case is not in this audit's sample")
        expected = {c.id for c in audit_forms().case_checks}
        if set(results) != expected:
            missing = sorted(expected - set(results))
            unknown = sorted(set(results) - expected)
            raise StoreError("invalid", detail=f"checks missing {missing}, unknown {unknown}")
        bad = sorted(k for k, v in results.items() if v not in RESULTS)
        if bad:
            raise StoreError("invalid", detail=f"results of {bad}")
        note = _text(note, "note", required="fail" in results.values())
        with self.db.atomic():
            self.db.execute(
                "UPDATE internal_audit_cases SET checks_json = ?, note = ?, checked_by = ?,"
                " checked_at = ? WHERE audit_id = ? AND case_id = ?",
                [
                    _dumps(results),
                    note,
                    actor.id if actor else None,
                    self.store.now(),
                    audit_id,
                    case_id,
                ],
            )
            self.db["internal_audits"].update(audit_id, {"updated_at": self.store.now()})
            self.store._audit(
                actor,
                "audit_case_check",
                "internal_audit",
                audit_id,
                {"case_id": case_id, "checks": json.loads(row["checks_json"]), "note": row["note"]},
                {"case_id": case_id, "checks": results, "note": note},
            )

    def add_finding(
        self,
        actor: User | None,
        audit_id: int,
        *,
        severity: str,
        finding: str,
        action: str = "",
        owner_id: int | None = None,
        due_date: str | None = None,
        case_id: int | None = None,
        standard_id: str | None = None,
    ) -> int:
        """A finding, with its corrective action, owner and due date when one is needed."""
        audit = self._open_audit(actor, audit_id)
        if severity not in SEVERITIES:
            raise StoreError("invalid", detail=f"severity {severity}")
        finding = _text(finding, "finding")
        action = _text(action, "corrective action", required=severity != "observation")
        if severity != "observation" and (owner_id is None or not due_date):
            raise StoreError("invalid", detail="a corrective action needs an owner and a due date")
        if owner_id is not None:
            self.store.get_user(owner_id)  # raises not_found
        if due_date:
            try:
                due = dt.date.fromisoformat(due_date)
            except ValueError:
                raise StoreError("invalid", detail="due date (YYYY-MM-DD)") from None
            if due.isoformat() < audit["created_at"][:10]:
                raise StoreError("invalid", detail="the due date is before the audit")
        if (
            case_id is not None
            and not self.db.execute(
                "SELECT 1 FROM internal_audit_cases WHERE audit_id = ? AND case_id = ?",
                [audit_id, case_id],
            ).fetchone()
        ):
            raise StoreError("invalid", detail="the case is not in this audit's sample")
        checklist = json.loads(audit["checklist_json"])
        if standard_id is not None and standard_id not in {i["id"] for i in checklist}:
            raise StoreError("invalid", detail=f"standard {standard_id}")
        row = {
            "audit_id": audit_id,
            "case_id": case_id,
            "standard_id": standard_id,
            "severity": severity,
            "finding": finding,
            "action": action,
            "owner_id": owner_id,
            "due_date": due_date or None,
            "created_by": actor.id if actor else None,
            "created_at": self.store.now(),
        }
        with self.db.atomic():
            finding_id = int(self.db["internal_audit_findings"].insert(row).last_pk)
            self.store._audit(
                actor, "audit_finding", "internal_audit", audit_id, None, {"id": finding_id, **row}
            )
        return finding_id

    def complete_action(self, actor: User | None, finding_id: int, note: str) -> None:
        """The corrective action is done: its owner or the office records how."""
        row = self.store._row("SELECT * FROM internal_audit_findings WHERE id = ?", [finding_id])
        if row is None:
            raise StoreError("not_found")
        if actor is not None and actor.id != row["owner_id"]:
            self._require(actor)
        if row["done_at"]:
            raise StoreError("invalid", detail="the action is already recorded as done")
        note = _text(note, "note")
        with self.db.atomic():
            self.db["internal_audit_findings"].update(
                finding_id, {"done_at": self.store.now(), "done_note": note}
            )
            self.store._audit(
                actor,
                "audit_action_done",
                "internal_audit",
                row["audit_id"],
                {"finding": finding_id, "done_at": None},
                {"finding": finding_id, "note": note},
            )

    def close(self, actor: User | None, audit_id: int, summary: str) -> None:
        """Close the audit once every checklist item and sampled case has a result."""
        audit = self._open_audit(actor, audit_id)
        summary = _text(summary, "summary")
        missing = [i["id"] for i in json.loads(audit["checklist_json"]) if not i["result"]]
        missing += [
            f"case {ref}"
            for (ref,) in self.db.execute(
                "SELECT c.ref FROM internal_audit_cases a JOIN cases c ON c.id = a.case_id"
                " WHERE a.audit_id = ? AND a.checked_at IS NULL ORDER BY c.ref",
                [audit_id],
            )
        ]
        if missing:
            raise StoreError("audit_incomplete", missing=", ".join(missing))
        now = self.store.now()
        with self.db.atomic():
            self.db["internal_audits"].update(
                audit_id,
                {"status": "closed", "summary": summary, "closed_at": now, "updated_at": now},
            )
            self.store._audit(
                actor,
                "audit_close",
                "internal_audit",
                audit_id,
                {"status": "open"},
                {"status": "closed", "summary": summary},
            )
