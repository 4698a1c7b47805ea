"""Case statuses, the moves between them, and the approval chain of each ICP format.

Pure rules over plain values: the store applies them inside its transactions.
"""

from __future__ import annotations

STATUSES = (
    "draft",
    "submitted",
    "under_review",
    "returned",
    "approved",
    "approved_with_conditions",
    "licence_required",
    "rejected",
    "withdrawn",
)
FINAL = frozenset({"approved", "approved_with_conditions", "licence_required", "rejected"})
OPEN = frozenset({"submitted", "under_review"})
APPLICANT_EDITABLE = frozenset({"draft", "returned"})
OFFICE_EDITABLE = frozenset({"submitted", "under_review"})

# action -> states it may start from
TRANSITIONS: dict[str, frozenset[str]] = {
    "submit": frozenset({"draft", "returned"}),
    "take_for_review": frozenset({"submitted"}),
    "approve": frozenset({"submitted", "under_review"}),
    "return": frozenset({"submitted", "under_review"}),
    "withdraw": frozenset({"draft", "submitted", "under_review", "returned"}),
}

# (step id, role that signs it). A department manager signs for the case's department.
CHAINS: dict[str, tuple[tuple[str, str], ...]] = {
    "small": (("office", "office"), ("chief", "chief_manager")),
    "large": (("department", "dept_manager"), ("office", "office"), ("chief", "chief_manager")),
}

STATUS_TEXT: dict[str, tuple[str, str]] = {
    "draft": ("下書き", "Draft"),
    "submitted": ("提出済み", "Submitted"),
    "under_review": ("審査中", "Under review"),
    "returned": ("差戻し", "Returned"),
    "approved": ("承認（許可不要）", "Approved"),
    "approved_with_conditions": ("条件付き承認", "Approved with conditions"),
    "licence_required": ("許可申請が必要", "Licence required"),
    "rejected": ("不可", "Rejected"),
    "withdrawn": ("取下げ", "Withdrawn"),
}

STEP_TEXT: dict[str, tuple[str, str]] = {
    "department": ("部局の輸出管理責任者", "Department manager"),
    "office": ("輸出管理担当部署", "Export control office"),
    "chief": ("輸出管理統括責任者", "Chief export control manager"),
}


def status_text(status: str, lang: str) -> str:
    ja, en = STATUS_TEXT.get(status, (status, status))
    return ja if lang == "ja" else en


def next_step(icp_format: str, approved_steps: list[str]) -> tuple[str, str] | None:
    """The first step of the chain not yet approved in this round."""
    for step, role in CHAINS[icp_format]:
        if step not in approved_steps:
            return step, role
    return None
