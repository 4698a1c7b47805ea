"""The yearly internal audit as rules: its checklists, the reproducible sample of cases
and the automatic evidence offered for each per-case check.

Pure Python: the store supplies case rows, the documents layer the ICP's articles.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from exportdesk.domain.catalog import (
    Catalog,
    FileHeader,
    FormsError,
    Model,
    Sourced,
    Text,
    _read_yaml,
    _validate,
)
from exportdesk.domain.workflow import CHAINS, FINAL
from exportdesk.resources import forms_dir

Result = Literal["pass", "fail", "not_applicable"]
Severity = Literal["major", "minor", "observation"]
RESULTS: tuple[str, ...] = ("pass", "fail", "not_applicable")
SEVERITIES: tuple[str, ...] = ("major", "minor", "observation")
MAX_PER_DEPARTMENT = 100


class CaseCheck(Sourced):
    id: str
    text: Text


class InternalAuditFile(FileHeader, Sourced):
    case_checks: list[CaseCheck]
    results: dict[Result, Text]
    severities: dict[Severity, Text]


@cache
def audit_forms(folder: Path | None = None) -> InternalAuditFile:
    """forms/internal_audit.yaml, validated (FormsError names the file and entry)."""
    path = (folder or forms_dir()) / "internal_audit.yaml"
    if not path.is_file():
        raise FormsError(f"internal_audit.yaml: file is missing from {path.parent}")
    data = _read_yaml(path)
    if data.get("kind") != "internal_audit":
        raise FormsError("internal_audit.yaml: 'kind' must be 'internal_audit'")
    parsed = _validate("internal_audit", data, InternalAuditFile)
    assert isinstance(parsed, InternalAuditFile)
    ids = [c.id for c in parsed.case_checks]
    if len(set(ids)) != len(ids):
        raise FormsError("internal_audit.yaml: duplicate case check ids")
    return parsed


class Article(Model):
    """One article of the institution's ICP and the standards elements it satisfies."""

    number: int
    title: str
    standards: tuple[str, ...]


def programme_checklist(catalog: Catalog, articles: Sequence[Article]) -> list[dict[str, Any]]:
    """One item per element of the Exporter Compliance Standards, with the ICP articles
    that implement it; an element no article covers is itself a finding to look at."""
    items = []
    for std in catalog.exporter_standards.entries:
        cited = [a for a in articles if std.id in a.standards]
        items.append(
            {
                "id": std.id,
                "level": std.level,
                "text": std.text.model_dump(),
                "articles": [{"number": a.number, "title": a.title} for a in cited],
                "result": None,
                "note": "",
            }
        )
    return items


def new_seed() -> str:
    """A fresh seed to record with the audit (16 hex digits)."""
    return secrets.token_hex(8)


def draw_sample(
    cases_by_department: Mapping[int, Iterable[int]], per_department: int, seed: str
) -> dict[int, list[int]]:
    """Up to `per_department` case ids from each department, reproducibly.

    Each department draws from its own generator seeded with the audit's seed and the
    department id, over its case ids in ascending order: the same seed and the same
    population give the same sample whatever order the rows arrived in, and adding a
    department does not change the others' samples.
    """
    if not 1 <= per_department <= MAX_PER_DEPARTMENT:
        raise ValueError(f"per_department must lie between 1 and {MAX_PER_DEPARTMENT}")
    if not seed or not seed.strip():
        raise ValueError("the seed must not be empty")
    sample: dict[int, list[int]] = {}
    for dept in sorted(cases_by_department):
        population = sorted(set(cases_by_department[dept]))
        rng = random.Random(f"{seed}/{dept}")
        chosen = rng.sample(population, min(per_department, len(population)))
        sample[dept] = sorted(chosen)
    return sample


@dataclass(frozen=True)
class Evidence:
    """What the records say about one check, offered to the auditor (who decides)."""

    suggested: str  # pass / fail / not_applicable
    detail: str


def case_evidence(
    case: Mapping[str, Any],
    approvals: Sequence[Mapping[str, Any]],
    icp_format: str,
    list_version_in_force: str | None,
    retention_until: str,
    today: str,
) -> dict[str, Evidence]:
    """Suggested results for the per-case checks, from the case's own records.

    `case` carries the decoded columns (determination, review, outcome, status, round,
    applicant_id, filed_by_id); `approvals` the case's approval rows in order.
    """
    out: dict[str, Evidence] = {}
    determination = case.get("determination")
    out["sheet_complete"] = (
        Evidence("pass", "determination recorded: " + str(determination.get("outcome")))
        if determination
        else Evidence("fail", "no determination recorded")
    )

    screening = (case.get("review") or {}).get("screening")
    if screening is None:
        out["screening_in_force"] = Evidence(
            "not_applicable" if list_version_in_force is None else "fail",
            "no list in force" if list_version_in_force is None else "not screened",
        )
    elif list_version_in_force and screening.get("list_version") != list_version_in_force:
        out["screening_in_force"] = Evidence(
            "fail",
            f"screened with {screening.get('list_version')}, in force {list_version_in_force}",
        )
    else:
        open_hits = [h for h in screening.get("hits", []) if not h.get("resolution")]
        out["screening_in_force"] = (
            Evidence("fail", f"{len(open_hits)} hit(s) unresolved")
            if open_hits
            else Evidence("pass", f"screened with {screening.get('list_version')}")
        )

    out["approvals_in_order"] = _approvals(case, approvals, icp_format)

    pledge = (case.get("review") or {}).get("pledge")
    if case.get("outcome") != "office_review":
        out["pledge_present"] = Evidence("not_applicable", "no review needed")
    elif pledge in ("on_file", "not_needed"):
        out["pledge_present"] = Evidence("pass", f"pledge: {pledge}")
    else:
        out["pledge_present"] = Evidence("fail", f"pledge: {pledge or 'not recorded'}")

    out["retention"] = (
        Evidence("pass", f"kept until {retention_until}")
        if retention_until >= today
        else Evidence("fail", f"retention ended {retention_until}")
    )
    return out


def _approvals(
    case: Mapping[str, Any], approvals: Sequence[Mapping[str, Any]], icp_format: str
) -> Evidence:
    if case.get("outcome") != "office_review":
        return Evidence("not_applicable", "no review needed")
    if case.get("status") not in FINAL:
        return Evidence("not_applicable", f"status {case.get('status')}")
    last_round = [a for a in approvals if a.get("round") == case.get("round")]
    steps = [a["step"] for a in last_round if a.get("action") == "approve"]
    expected = [step for step, _role in CHAINS[icp_format]]
    if steps != expected:
        return Evidence("fail", f"approved {steps}, expected {expected}")
    signers = {a["user_id"] for a in last_round if a.get("action") == "approve"}
    if signers & {case.get("applicant_id"), case.get("filed_by_id")}:
        return Evidence("fail", "approved by the applicant or the person who filed")
    if len(signers) != len(steps):
        return Evidence("fail", "one person approved more than one step")
    return Evidence("pass", " → ".join(steps))
