"""Decision files: the office's decision or questions, back to the applicant's PC."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from exportdesk.exchange.container import Package, write_package
from exportdesk.exchange.errors import refuse
from exportdesk.exchange.schemas import DecisionFile, validate
from exportdesk.store import Store
from exportdesk.store.users import User


def write(store: Store, actor: User, case_id: int, path: Path | str, ctx: Any) -> str:
    payload = store.decision_payload(actor, case_id)
    digest = write_package(
        path,
        "decision",
        {"decision.json": json.dumps(payload, ensure_ascii=False).encode()},
        key=ctx.key,
        institution_uid=store.institution_uid(),
        forms_version=store.catalog.version,
        sender=ctx.sender(actor),
        extra=ctx.head_extra(),
    )
    store.record_decision_sent(actor, case_id, str(path), digest)
    return digest


def parse(package: Package) -> dict[str, Any]:
    if package.kind != "decision":
        raise refuse("wrong_kind", "判断ファイルではありません。", "This is not a decision file.")
    return validate(DecisionFile, package.json("decision.json"), "decision.json")
