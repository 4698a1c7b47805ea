"""Case files: written by the applicant's installation, imported by the office."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from exportdesk.exchange.container import Package, write_package
from exportdesk.exchange.errors import NeedsTrust, refuse
from exportdesk.exchange.schemas import CaseFile, validate
from exportdesk.store import Store
from exportdesk.store.users import User


def write(store: Store, actor: User, case_id: int, path: Path | str, ctx: Any) -> str:
    """Submit the case (if it is a draft), write it for the office and record it as sent."""
    from exportdesk.documents.sheets import case_pdf

    case = store.prepare_send(actor, case_id)
    inst = store.institution() or {}
    exchange_id = case.get("exchange_id") or uuid.uuid4().hex
    applicant = store.get_user(case["applicant_id"])
    filer = store.get_user(case["filed_by_id"])
    departments = {d["id"]: d["code"] for d in store.departments()}
    files: dict[str, bytes] = {}
    attachments = []
    for i, att in enumerate(case["attachments"], 1):
        name, content = store.attachment_content(actor, att["id"])
        arc = f"attachments/{i}-{Path(name).name}"
        files[arc] = content
        attachments.append(
            {"filename": name, "sha256": att["sha256"], "size": att["size"], "path": arc}
        )
    payload = {
        "exchange_id": exchange_id,
        "round": case["round"],
        "sender_ref": case["ref"],
        "applicant": {
            "login": applicant.login,
            "name": applicant.name,
            "email": applicant.email,
            "department": departments.get(applicant.department_id or 0, ""),
        },
        "filed_by": {"login": filer.login, "name": filer.name},
        "answers": case["answers"],
        # The office recomputes both; they travel so that a person can compare.
        "facts": case["facts"],
        "determination": case["determination"],
        "forms_version": case["forms_version"],
        "created_at": case["created_at"],
        "submitted_at": case["submitted_at"],
        "messages": [
            {"kind": "answer", "body": m["body"], "at": m["at"]}
            for m in case["messages"]
            if m["kind"] == "answer" and m["round"] == case["round"] - 1
        ],
        "attachments": attachments,
    }
    files["case.json"] = json.dumps(payload, ensure_ascii=False, indent=1).encode()
    files["check-sheet.pdf"] = case_pdf(
        case, store.catalog, actor.language, inst.get(f"name_{actor.language}", "")
    )
    digest = write_package(
        path,
        "case",
        files,
        key=ctx.key,
        institution_uid=store.institution_uid(),
        forms_version=case["forms_version"],
        sender=ctx.sender(actor),
        extra=ctx.head_extra(),
    )
    store.mark_sent(actor, case_id, exchange_id, ctx.public_key, str(path), digest)
    return digest


def parse(package: Package) -> tuple[dict[str, Any], dict[str, bytes]]:
    if package.kind != "case":
        raise refuse("wrong_kind", "案件ファイルではありません。", "This is not a case file.")
    case = validate(CaseFile, package.json("case.json"), "case.json")
    if case["filed_by"] is None:  # format 1: the applicant filed it
        case["filed_by"] = {"login": case["applicant"]["login"], "name": case["applicant"]["name"]}
    attachments: dict[str, bytes] = {}
    for att in case["attachments"]:
        content = package.files.get(att["path"])
        if content is None or not att["path"].startswith("attachments/"):
            raise refuse(
                "tampered",
                f"添付「{att['filename']}」がファイルにありません。",
                f"The attachment '{att['filename']}' is not in the file.",
            )
        attachments[att["path"]] = content
    return case, attachments


def check_key(store: Store, package: Package, fingerprint: str, trust_new_key: bool | str) -> None:
    """A known sender must use its known key; a new one needs the clerk's confirmation.
    (The store checks the same again inside its transaction.)"""
    sender = package.sender
    who, name = sender.get("login", ""), sender.get("name", "")
    known = store.trusted_key(who)
    if known is not None and known["public_key"] != sender["public_key"]:
        raise refuse(
            "unknown_key",
            f"{who} の鍵が登録済みの鍵と異なります（{fingerprint}）。受け取れません。",
            f"The key of {who} differs from the one on record ({fingerprint}); refused.",
            fingerprint=fingerprint,
        )
    if known is None and isinstance(trust_new_key, str):
        confirmed = "".join(trust_new_key.split()).lower()
        if confirmed != "".join(fingerprint.split()).lower():
            raise refuse(
                "unknown_key",
                f"鍵の指紋が確認したものと異なります（ファイル：{fingerprint}）。受け取れません。",
                f"The key's fingerprint is not the one confirmed (file: {fingerprint}); refused.",
                fingerprint=fingerprint,
            )
    if known is None and not trust_new_key:
        raise NeedsTrust(
            "needs_trust",
            f"{name}（{who}）からの初めてのファイルです。"
            f"鍵の指紋 {fingerprint} を確認してください。",
            f"First file from {name} ({who}): check the key fingerprint {fingerprint}.",
            fingerprint=fingerprint,
        )
