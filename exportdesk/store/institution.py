"""The institution, its departments and its profile."""

from __future__ import annotations

import uuid
from typing import Any

from exportdesk.domain.workflow import CHAINS
from exportdesk.store.base import Part, _dumps, _loads
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User


class Institutions(Part):
    # --- institution ----------------------------------------------------------------

    def is_set_up(self) -> bool:
        return self.institution() is not None

    def institution(self) -> dict[str, Any] | None:
        row = self._row("SELECT * FROM institution WHERE id = 1")
        if row:
            row["profile"] = _loads(row.pop("profile_json"), {})
        return row

    def setup(
        self,
        *,
        name_ja: str,
        name_en: str,
        icp_format: str,
        office_name_ja: str,
        office_name_en: str,
        departments: list[tuple[str, str, str]],
        admin_login: str,
        admin_name: str,
        admin_password: str,
        retention_years: int = 7,
        office_email: str = "",
        profile: dict[str, Any] | None = None,
        roles: list[tuple[str, int | None]] | None = None,
    ) -> User:
        """First run: the institution, its departments and the first administrator."""
        if self.is_set_up():
            raise StoreError("forbidden")
        for label, value in (
            ("name_ja", name_ja),
            ("name_en", name_en),
            ("office_name_ja", office_name_ja),
            ("office_name_en", office_name_en),
            ("admin_login", admin_login),
            ("admin_name", admin_name),
        ):
            if not value.strip():
                raise StoreError("invalid", detail=label)
        if icp_format not in CHAINS:
            raise StoreError("invalid", detail="icp_format")
        if retention_years < 1:
            raise StoreError("invalid", detail="retention_years")
        codes = [c for c, _, _ in departments]
        if len(set(codes)) != len(codes) or any(not c.strip() for c in codes):
            raise StoreError("invalid", detail="departments")
        self.store._check_password(admin_password)
        with self.db.atomic():
            inst = {
                "id": 1,
                "name_ja": name_ja.strip(),
                "name_en": name_en.strip(),
                "icp_format": icp_format,
                "office_name_ja": office_name_ja.strip(),
                "office_name_en": office_name_en.strip(),
                "office_email": office_email.strip(),
                "retention_years": retention_years,
                "profile_json": _dumps(profile or {}),
                "created_at": self.now(),
                "uid": uuid.uuid4().hex,
            }
            self.db["institution"].insert(inst)
            for code, ja, en in departments:
                self.db["departments"].insert({"code": code.strip(), "name_ja": ja, "name_en": en})
            roles = roles or [("admin", None), ("office", None)]
            # On a campus database the first administrator's login joins the
            # administrators' group, as create_user's do.
            admin = self.store._insert_user(
                admin_login,
                admin_name,
                admin_password,
                "",
                None,
                "ja",
                any(role == "admin" for role, _ in roles),
            )
            self.store._insert_roles(admin, roles)
            user = self.store.get_user(admin)
            self._audit(user, "create", "institution", 1, None, inst)
            self._audit(
                user,
                "create",
                "user",
                admin,
                None,
                {"login": admin_login, "roles": [r for r, _ in roles]},
            )
        return user

    def update_institution(self, actor: User, **fields: Any) -> None:
        self._require(actor.has("admin"))
        allowed = {
            "name_ja",
            "name_en",
            "icp_format",
            "office_name_ja",
            "office_name_en",
            "office_email",
            "retention_years",
            "forms_dir",
            "profile",
        }
        unknown = set(fields) - allowed
        if unknown:
            raise StoreError("invalid", detail=", ".join(sorted(unknown)))
        if "icp_format" in fields and fields["icp_format"] not in CHAINS:
            raise StoreError("invalid", detail="icp_format")
        if "retention_years" in fields and int(fields["retention_years"]) < 1:
            raise StoreError("invalid", detail="retention_years")
        if fields.get("forms_dir"):
            from exportdesk.domain.catalog import load_catalog

            load_catalog(fields["forms_dir"])  # refuse a folder that does not validate
        before = self.institution()
        assert before is not None
        update = dict(fields)
        if "profile" in update:
            update["profile_json"] = _dumps(update.pop("profile"))
        with self.db.atomic():
            self.db["institution"].update(1, update)
            self._audit(
                actor, "update", "institution", 1, {k: before.get(k) for k in fields}, fields
            )
        if "forms_dir" in fields:
            self.store._catalog = None

    def departments(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM departments ORDER BY code")

    def add_department(self, actor: User, code: str, name_ja: str, name_en: str) -> int:
        self._require(actor.has("admin"))
        if not code.strip() or not name_ja.strip():
            raise StoreError("invalid", detail="department")
        if self._row("SELECT id FROM departments WHERE code = ?", [code]):
            raise StoreError("invalid", detail=f"department code {code} exists")
        with self.db.atomic():
            dep_id = (
                self.db["departments"]
                .insert({"code": code, "name_ja": name_ja, "name_en": name_en})
                .last_pk
            )
            self._audit(
                actor, "create", "department", dep_id, None, {"code": code, "name_ja": name_ja}
            )
        return int(dep_id)
