"""What the office decided about a case, as a person reads it: on the applicant's
screen, in the printed sheet, on either installation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exportdesk.domain.catalog import Catalog
from exportdesk.domain.workflow import FINAL, STEP_TEXT, status_text


@dataclass
class ApprovalLine:
    step: str
    name: str
    date: str
    comment: str


@dataclass
class OfficeDecision:
    status: str
    status_text: str
    decision: str
    reasons: str
    conditions: str
    decided_on: str
    approvals: list[ApprovalLine] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


def _step(step: str, lang: str) -> str:
    ja, en = STEP_TEXT.get(step, (step, step))
    return ja if lang == "ja" else en


def office_decision(case: dict[str, Any], catalog: Catalog, lang: str) -> OfficeDecision | None:
    """The office's word on the case, or None while it has not spoken."""
    status = case.get("status", "")
    if status not in FINAL and status != "returned":
        return None
    option = catalog.decision_by_id.get(case.get("decision") or "")
    # Approvals recorded here (the office's own PC), else those the decision file brought.
    local = [a for a in case.get("approvals") or [] if a.get("round") == case.get("round")]
    received = (case.get("review") or {}).get("office_approvals", [])
    lines = [
        ApprovalLine(
            _step(a["step"], lang),
            a.get("user_name") or a.get("name") or "",
            (a.get("at") or "")[:10],
            a.get("comment") or "",
        )
        for a in local or received
    ]
    questions = [
        m["body"]
        for m in case.get("messages", [])
        if m.get("kind") == "question" and m.get("round") == case.get("round")
    ]
    return OfficeDecision(
        status=status,
        status_text=status_text(status, lang),
        decision=option.text.get(lang) if option else "",
        reasons=case.get("decision_reasons") or "",
        conditions=case.get("decision_conditions") or "",
        decided_on=(case.get("decided_at") or "")[:10],
        approvals=lines,
        questions=questions,
    )
