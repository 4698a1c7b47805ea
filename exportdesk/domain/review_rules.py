"""What the office must have recorded before it may decide a case.

Every required item of the review sheet is answered, and the counterpart has been
screened against the lists in force (every possible match resolved), or the office has
recorded why it did not screen. Pure rules over the saved review; the store applies them.
"""

from __future__ import annotations

from typing import Any

from exportdesk.domain.catalog import Catalog, ReviewItem

# Items the decision step itself records, or that nobody answers.
NOT_ANSWERED_HERE = frozenset({"readonly", "screening", "decision"})
DECISION_FIELDS = frozenset({"reasons", "conditions"})


def answered(value: Any) -> bool:
    if isinstance(value, dict):
        return bool(value.get("choice"))
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


def missing_review_items(catalog: Catalog, review: dict[str, Any]) -> list[ReviewItem]:
    missing: list[ReviewItem] = []
    for section in catalog.review_sheet.sections:
        for item in section.items:
            if item.type in NOT_ANSWERED_HERE or item.id in DECISION_FIELDS:
                continue
            value = review.get(item.id)
            needed = item.required or (
                item.required_if_answered is not None
                and answered(review.get(item.required_if_answered))
            )
            if needed and not answered(value):
                missing.append(item)
            elif (
                item.type == "classification"
                and isinstance(value, dict)
                and value.get("choice") == "listed"
                and not str(value.get("items") or "").strip()
            ):
                missing.append(item)  # "listed" needs the item and sub-item
    return missing


def screening_state(review: dict[str, Any]) -> str:
    """`screened`, `unresolved` (a possible match not yet accepted or dismissed),
    `waived` (not screened, with the office's recorded reason) or `missing`."""
    screening = review.get("screening")
    if isinstance(screening, dict) and screening.get("list_version"):
        if any(not h.get("resolution") for h in screening.get("hits", [])):
            return "unresolved"
        return "screened"
    waiver = review.get("screening_waiver")
    if isinstance(waiver, dict) and str(waiver.get("reason") or "").strip():
        return "waived"
    return "missing"


SCREENING_PROBLEMS = {
    "missing": (
        "相手方のリスト照合（又は照合しない理由の記録）",
        "screening of the counterpart against the lists (or the reason for not screening)",
    ),
    "unresolved": (
        "リスト照合で見つかった候補の確認（該当・非該当の判断）",
        "a decision on each possible list match (accepted or dismissed)",
    ),
}


def unsettled_classifications(
    catalog: Catalog, review: dict[str, Any], decision_id: str
) -> list[tuple[str, str]]:
    """The classifications whose choice forbids this decision (forms: a decision's
    `blocked_by_classification`), e.g. "no licence needed" on an "unclear" technology."""
    decision = catalog.decision_by_id.get(decision_id)
    if decision is None or not decision.blocked_by_classification:
        return []
    problems = []
    for section in catalog.review_sheet.sections:
        for item in section.items:
            value = review.get(item.id)
            if item.type != "classification" or not isinstance(value, dict):
                continue
            choice = next((o for o in item.options or [] if o.id == value.get("choice")), None)
            if choice is not None and choice.id in decision.blocked_by_classification:
                problems.append(
                    (
                        f"{item.text.ja}の該非判定（「{choice.text.ja}」のままでは"
                        f"「{decision.text.ja}」とできません）",
                        f"the classification of {item.text.en} (still “{choice.text.en}”:"
                        f" not possible with “{decision.text.en}”)",
                    )
                )
    return problems


def decision_blockers(
    catalog: Catalog, review: dict[str, Any], decision_id: str | None = None
) -> list[tuple[str, str]]:
    """Everything still missing before a decision (the one given, if any), as
    (Japanese, English) texts."""
    problems = [(i.text.ja, i.text.en) for i in missing_review_items(catalog, review)]
    if decision_id:
        problems += unsettled_classifications(catalog, review, decision_id)
    state = screening_state(review)
    if state in SCREENING_PROBLEMS:
        problems.append(SCREENING_PROBLEMS[state])
    return problems
