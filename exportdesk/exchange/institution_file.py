"""The institution file: the office's profile and key, for setting up a new PC."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from exportdesk.exchange.container import Package, write_package
from exportdesk.exchange.errors import refuse
from exportdesk.exchange.keys import fingerprint
from exportdesk.exchange.schemas import InstitutionFile, validate
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


def write(store: Store, actor: User, path: Path | str, ctx: Any) -> str:
    if not (actor.has("admin") or actor.has("office")):
        raise StoreError("forbidden")
    inst = store.institution() or {}
    uid = store.institution_uid()
    store.publish_office_key(actor, ctx.public_key, fingerprint(ctx.public_key), str(path))
    profile = {
        "uid": uid,
        "name_ja": inst["name_ja"],
        "name_en": inst["name_en"],
        "icp_format": inst["icp_format"],
        "office_name_ja": inst["office_name_ja"],
        "office_name_en": inst["office_name_en"],
        "office_email": inst["office_email"],
        "retention_years": inst["retention_years"],
        "profile": inst.get("profile") or {},
        "departments": [
            {"code": d["code"], "name_ja": d["name_ja"], "name_en": d["name_en"]}
            for d in store.departments()
        ],
        "office_public_key": ctx.public_key,
    }
    return write_package(
        path,
        "profile",
        {"institution.json": json.dumps(profile, ensure_ascii=False).encode()},
        key=ctx.key,
        institution_uid=uid,
        forms_version=store.catalog.version,
        sender=ctx.sender(actor),
        extra=ctx.head_extra(),
    )


def parse(package: Package) -> dict[str, Any]:
    if package.kind != "profile":
        raise refuse(
            "wrong_kind", "機関設定ファイルではありません。", "This is not an institution file."
        )
    profile = validate(InstitutionFile, package.json("institution.json"), "institution.json")
    if package.sender.get("public_key") != profile["office_public_key"]:
        raise refuse(
            "bad_signature",
            "機関設定ファイルが担当部署の鍵で署名されていません。",
            "The institution file is not signed by the office key it names.",
        )
    if package.manifest.get("institution_uid") != profile["uid"]:
        raise refuse(
            "malformed",
            "機関設定ファイルの機関IDが一致しません。",
            "The institution file's institution id does not match its manifest.",
        )
    return profile
