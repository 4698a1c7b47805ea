"""The payload of each file kind, validated before anything is written.

Types are strict (no coercion of `null` or numbers into text) and unknown fields are
refused: a file either matches its kind exactly or is not accepted.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from exportdesk.exchange.errors import ExchangeError, refuse

Text = Annotated[str, StringConstraints(strict=True, max_length=20_000)]
Name = Annotated[str, StringConstraints(strict=True, max_length=300)]
Login = Annotated[
    str, StringConstraints(strict=True, min_length=1, max_length=100, pattern=r"^[^\s]+$")
]
Stamp = Annotated[str, StringConstraints(strict=True, max_length=40)]
Round = Annotated[int, Field(strict=True, ge=1, le=1000)]
Hex = Annotated[str, StringConstraints(strict=True, pattern=r"^[0-9a-f]{16,64}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Person(_Strict):
    login: Login
    name: Name = ""
    email: Name = ""
    department: Name = ""


class Filer(_Strict):
    login: Login
    name: Name = ""


class Message(_Strict):
    kind: Annotated[str, StringConstraints(pattern=r"^answer$")] = "answer"
    body: Text
    at: Stamp


class Attachment(_Strict):
    filename: Name
    sha256: Hex
    size: Annotated[int, Field(strict=True, ge=0)]
    path: Name


class CaseFile(_Strict):
    """case.json: what the applicant's installation says about a case."""

    model_config = ConfigDict(extra="ignore", strict=True)  # facts/determination: not believed
    exchange_id: Hex
    round: Round
    sender_ref: Name = ""
    applicant: Person
    filed_by: Filer | None = None
    answers: dict[str, Any]
    forms_version: Name
    created_at: Stamp | None = None
    submitted_at: Stamp | None = None
    messages: list[Message] = []
    attachments: list[Attachment] = []


class Question(_Strict):
    body: Text
    at: Stamp


class Approval(_Strict):
    step: Name
    name: Name
    at: Stamp
    action: Name
    comment: Text | None = ""


class DecisionFile(_Strict):
    """decision.json: the office's decision or questions for one round."""

    exchange_id: Hex
    ref: Name | None = None
    round: Round
    status: Name
    decision: Name | None = None
    reasons: Text | None = None
    conditions: Text | None = None
    decided_at: Stamp | None = None
    closed_at: Stamp | None = None
    questions: list[Question] = []
    approvals: list[Approval] = []


class Department(_Strict):
    code: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=40)]
    name_ja: Name
    name_en: Name


class InstitutionFile(_Strict):
    """institution.json: what a new PC needs to join the office."""

    uid: Hex
    name_ja: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)]
    name_en: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)]
    icp_format: Annotated[str, StringConstraints(pattern=r"^(small|large)$")]
    office_name_ja: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)]
    office_name_en: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)]
    office_email: Name = ""
    retention_years: Annotated[int, Field(strict=True, ge=1, le=100)]
    profile: dict[str, Any] = {}
    departments: list[Department] = Field(max_length=1000)
    office_public_key: Annotated[str, StringConstraints(strict=True, max_length=100)]


def validate(model: type[_Strict], data: Any, file_name: str) -> dict[str, Any]:
    """The payload as plain data, or a refusal naming the first bad field."""
    try:
        return model.model_validate(data).model_dump()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or file_name
        raise _malformed(file_name, where, first["type"]) from None
    except RecursionError:
        raise _malformed(file_name, file_name, "nesting") from None


def _malformed(file_name: str, where: str, what: str) -> ExchangeError:
    what = re.sub(r"[^a-z_]", "", what)
    return refuse(
        "malformed",
        f"「{file_name}」の項目「{where}」が正しくありません。受け取れません。",
        f"'{file_name}': the field '{where}' is not valid ({what}); refused.",
        field=where,
    )
