"""The store's interface: institution, users, people, cases, approvals, audit.

Every method that changes something runs in one transaction together with its
audit entry, checks the acting user's rights first, and raises StoreError
(changing nothing) when the action is refused. A shared server database could
stand behind the same calls later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import sqlite_utils

from exportdesk.domain.catalog import Catalog, default_catalog, load_catalog
from exportdesk.domain.checksheet import CheckSheet
from exportdesk.domain.determination import evaluate_dict
from exportdesk.domain.facts import FactsError
from exportdesk.domain.workflow import (
    APPLICANT_EDITABLE,
    CHAINS,
    FINAL,
    OFFICE_EDITABLE,
    STEP_TEXT,
    TRANSITIONS,
    next_step,
    status_text,
)
from exportdesk.store import audit
from exportdesk.store.db import Clock, default_db_path, iso, open_database, utc_now
from exportdesk.store.errors import StoreError
from exportdesk.store.users import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    MIN_PASSWORD,
    ROLES,
    User,
    check_password,
    hash_password,
)

# Person fields whose change means the specific-category declaration must be re-checked.
RECHECK_FIELDS = ("status", "funding", "employed_in_japan", "nationality", "department_id")


def _loads(text: str | None, default: Any = None) -> Any:
    return json.loads(text) if text else default


ACTION_TEXT = {
    "submit": ("提出", "submit"),
    "approve": ("承認", "approve"),
    "review": ("審査開始", "start review"),
    "return": ("差戻し", "return"),
    "withdraw": ("取下げ", "withdraw"),
    "change decision": ("判断の変更", "change the decision"),
}


def _status(status: str) -> dict[str, str]:
    return {"ja": status_text(status, "ja"), "en": status_text(status, "en")}


def _action(action: str) -> dict[str, str]:
    ja, en = ACTION_TEXT.get(action, (action, action))
    return {"ja": ja, "en": en}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    def __init__(
        self,
        path: Path | str | None = None,
        *,
        catalog: Catalog | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.path = Path(path) if path else default_db_path()
        self.db: sqlite_utils.Database = open_database(self.path)
        self.clock = clock
        self._catalog = catalog

    def close(self) -> None:
        self.db.close()

    @property
    def eul(self):  # type: ignore[no-untyped-def]
        """End User List versions and screening (exportdesk.store.eul.EndUserLists)."""
        if getattr(self, "_eul", None) is None:
            from exportdesk.store.eul import EndUserLists

            self._eul = EndUserLists(self)
        return self._eul

    # --- helpers ------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        """The forms in use: the institution's folder if it set one, else the shipped forms."""
        if self._catalog is None:
            inst = self.institution()
            folder = inst.get("forms_dir") if inst else None
            self._catalog = load_catalog(folder) if folder else default_catalog()
        return self._catalog

    def now(self) -> str:
        return iso(self.clock())

    def _audit(
        self,
        actor: User | None,
        action: str,
        entity: str,
        entity_id: Any = "",
        before: Any = None,
        after: Any = None,
    ) -> None:
        audit.append(
            self.db,
            at=self.now(),
            user_id=actor.id if actor else None,
            user_login=actor.login if actor else "",
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
        )

    def _row(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        cursor = self.db.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        cols = [c[0] for c in cursor.description]
        return [dict(zip(cols, r, strict=True)) for r in cursor.fetchall()]

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
        self._check_password(admin_password)
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
            admin = self._insert_user(admin_login, admin_name, admin_password, "", None, "ja")
            self._insert_roles(admin, [("admin", None), ("office", None)])
            user = self.get_user(admin)
            self._audit(user, "create", "institution", 1, None, inst)
            self._audit(
                user,
                "create",
                "user",
                admin,
                None,
                {"login": admin_login, "roles": ["admin", "office"]},
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
            self._catalog = None

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

    # --- users ------------------------------------------------------------------------

    def _check_password(self, password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise StoreError("weak_password", min=MIN_PASSWORD)

    def _insert_user(
        self,
        login: str,
        name: str,
        password: str,
        email: str,
        department_id: int | None,
        language: str,
    ) -> int:
        if self._row("SELECT id FROM users WHERE login = ?", [login]):
            raise StoreError("duplicate_login", login=login)
        return int(
            self.db["users"]
            .insert(
                {
                    "login": login.strip(),
                    "name": name.strip(),
                    "email": email.strip(),
                    "department_id": department_id,
                    "password_hash": hash_password(password),
                    "language": language,
                    "created_at": self.now(),
                }
            )
            .last_pk
        )

    def _insert_roles(self, user_id: int, roles: list[tuple[str, int | None]]) -> None:
        for role, dep in roles:
            if role not in ROLES:
                raise StoreError("invalid", detail=f"role {role}")
            if role == "dept_manager" and dep is None:
                raise StoreError("invalid", detail="a department manager needs a department")
            self.db["user_roles"].insert({"user_id": user_id, "role": role, "department_id": dep})

    def create_user(
        self,
        actor: User,
        *,
        login: str,
        name: str,
        password: str,
        roles: list[tuple[str, int | None]],
        department_id: int | None = None,
        email: str = "",
        language: str = "ja",
    ) -> User:
        self._require(actor.has("admin"))
        if not login.strip() or not name.strip():
            raise StoreError("invalid", detail="login / name")
        self._check_password(password)
        with self.db.atomic():
            user_id = self._insert_user(login, name, password, email, department_id, language)
            self._insert_roles(user_id, roles)
            self._audit(
                actor,
                "create",
                "user",
                user_id,
                None,
                {"login": login, "name": name, "roles": roles, "department_id": department_id},
            )
        return self.get_user(user_id)

    def set_roles(self, actor: User, user_id: int, roles: list[tuple[str, int | None]]) -> User:
        self._require(actor.has("admin"))
        before = sorted(self.get_user(user_id).roles, key=str)
        with self.db.atomic():
            self.db.execute("DELETE FROM user_roles WHERE user_id = ?", [user_id])
            self._insert_roles(user_id, roles)
            self._audit(actor, "update_roles", "user", user_id, before, roles)
        return self.get_user(user_id)

    def add_proxy(self, actor: User, proxy_id: int, applicant_id: int) -> None:
        self._require(actor.has("admin"))
        with self.db.atomic():
            self.db["proxies"].insert(
                {"proxy_id": proxy_id, "applicant_id": applicant_id}, ignore=True
            )
            self._audit(actor, "add_proxy", "user", proxy_id, None, {"applicant_id": applicant_id})

    def proxied_applicants(self, user: User) -> list[User]:
        rows = self.db.execute(
            "SELECT applicant_id FROM proxies WHERE proxy_id = ?", [user.id]
        ).fetchall()
        return [self.get_user(r[0]) for r in rows]

    def get_user(self, user_id: int) -> User:
        row = self._row("SELECT * FROM users WHERE id = ?", [user_id])
        if row is None:
            raise StoreError("not_found")
        roles = frozenset(
            (r, d)
            for r, d in self.db.execute(
                "SELECT role, department_id FROM user_roles WHERE user_id = ?", [user_id]
            ).fetchall()
        )
        return User(
            row["id"],
            row["login"],
            row["name"],
            row["email"],
            row["department_id"],
            row["language"],
            roles,
        )

    def users(self) -> list[User]:
        return [self.get_user(r[0]) for r in self.db.execute("SELECT id FROM users ORDER BY login")]

    def authenticate(self, login: str, password: str) -> User:
        """Sign in. Five failures lock the account for 15 minutes; both are audited."""
        row = self._row("SELECT * FROM users WHERE login = ?", [login.strip()])
        now = self.clock()
        if row is None:
            with self.db.atomic():
                self._audit(None, "login_failed", "user", "", None, {"login": login})
            raise StoreError("login_failed")
        if row["locked_until"] and dt.datetime.fromisoformat(row["locked_until"]) > now:
            with self.db.atomic():
                self._audit(None, "login_refused_locked", "user", row["id"], None, {"login": login})
            raise StoreError("locked", until=row["locked_until"][:16].replace("T", " ") + " UTC")
        if not row["active"]:
            raise StoreError("inactive")
        if not check_password(row["password_hash"], password):
            failures = row["failed_logins"] + 1
            update: dict[str, Any] = {"failed_logins": failures}
            if failures >= MAX_FAILED_LOGINS:
                update = {
                    "failed_logins": 0,
                    "locked_until": iso(now + dt.timedelta(minutes=LOCK_MINUTES)),
                }
            with self.db.atomic():
                self.db["users"].update(row["id"], update)
                self._audit(
                    None,
                    "login_failed",
                    "user",
                    row["id"],
                    None,
                    {"login": login, "failures": failures, "locked": "locked_until" in update},
                )
            raise StoreError("login_failed")
        user = self.get_user(row["id"])
        with self.db.atomic():
            self.db["users"].update(row["id"], {"failed_logins": 0, "locked_until": None})
            self._audit(user, "login", "user", user.id)
        return user

    def change_password(self, actor: User, old: str, new: str) -> None:
        row = self._row("SELECT password_hash FROM users WHERE id = ?", [actor.id])
        assert row is not None
        if not check_password(row["password_hash"], old):
            raise StoreError("login_failed")
        self._check_password(new)
        with self.db.atomic():
            self.db["users"].update(actor.id, {"password_hash": hash_password(new)})
            self._audit(actor, "change_password", "user", actor.id)

    def set_language(self, actor: User, language: str) -> None:
        with self.db.atomic():
            self.db["users"].update(actor.id, {"language": language})

    @staticmethod
    def _require(condition: bool) -> None:
        if not condition:
            raise StoreError("forbidden")

    # --- people -----------------------------------------------------------------------

    PERSON_FIELDS: ClassVar[tuple[str, ...]] = (
        "family_name",
        "given_name",
        "name_native",
        "nationality",
        "birth_date",
        "entry_date",
        "employed_in_japan",
        "status",
        "funding",
        "department_id",
        "host_user_id",
    )

    def _check_person(self, fields: dict[str, Any]) -> None:
        from exportdesk.domain.countries import is_country_code

        unknown = set(fields) - set(self.PERSON_FIELDS)
        if unknown:
            raise StoreError("invalid", detail=", ".join(sorted(unknown)))
        if "nationality" in fields and not is_country_code(fields["nationality"]):
            raise StoreError("invalid", detail="nationality")
        for key in ("birth_date", "entry_date"):
            if fields.get(key):
                try:
                    dt.date.fromisoformat(fields[key])
                except (TypeError, ValueError):
                    raise StoreError("invalid", detail=key) from None

    def add_person(self, actor: User, **fields: Any) -> int:
        self._require(
            any(actor.has(r) for r in ("applicant", "proxy", "office", "dept_manager", "admin"))
        )
        if not str(fields.get("family_name", "")).strip() or not fields.get("nationality"):
            raise StoreError("invalid", detail="family_name / nationality")
        self._check_person(fields)
        now = self.now()
        with self.db.atomic():
            pid = self.db["people"].insert({**fields, "created_at": now, "updated_at": now}).last_pk
            self._audit(actor, "create", "person", pid, None, fields)
        return int(pid)

    def update_person(self, actor: User, person_id: int, **fields: Any) -> dict[str, Any]:
        """Change a person's record; a change of status, funding or employment opens a re-check."""
        before = self.person(person_id)
        self._check_person(fields)
        changed = {k: v for k, v in fields.items() if before.get(k) != v}
        if not changed:
            return before
        update: dict[str, Any] = {**changed, "updated_at": self.now()}
        recheck = [k for k in changed if k in RECHECK_FIELDS]
        if recheck:
            update["needs_recheck"] = 1
            update["recheck_reason"] = ", ".join(recheck)
        with self.db.atomic():
            self.db["people"].update(person_id, update)
            self._audit(
                actor, "update", "person", person_id, {k: before.get(k) for k in changed}, changed
            )
            if recheck:
                self._audit(
                    actor, "recheck_opened", "person", person_id, None, {"because": recheck}
                )
        return self.person(person_id)

    def declare(
        self,
        actor: User,
        person_id: int,
        *,
        declared_on: str,
        categories: list[int],
        pledge_signed: bool,
        note: str = "",
    ) -> int:
        """Record a specific-category declaration (and pledge); closes an open re-check."""
        self.person(person_id)
        if any(c not in (1, 2, 3) for c in categories):
            raise StoreError("invalid", detail="categories")
        try:
            dt.date.fromisoformat(declared_on)
        except ValueError:
            raise StoreError("invalid", detail="declared_on") from None
        row = {
            "person_id": person_id,
            "declared_on": declared_on,
            "category_1": int(1 in categories),
            "category_2": int(2 in categories),
            "category_3": int(3 in categories),
            "pledge_signed": int(pledge_signed),
            "note": note,
            "recorded_by": actor.id,
            "recorded_at": self.now(),
        }
        with self.db.atomic():
            dec_id = self.db["declarations"].insert(row).last_pk
            self.db["people"].update(person_id, {"needs_recheck": 0, "recheck_reason": ""})
            self._audit(actor, "declare", "person", person_id, None, row)
        return int(dec_id)

    def person(self, person_id: int) -> dict[str, Any]:
        row = self._row("SELECT * FROM people WHERE id = ?", [person_id])
        if row is None:
            raise StoreError("not_found")
        return row

    def declarations(self, person_id: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT * FROM declarations WHERE person_id = ? ORDER BY declared_on, id", [person_id]
        )

    def people_needing_recheck(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM people WHERE needs_recheck = 1 ORDER BY updated_at")

    # --- cases: reading ---------------------------------------------------------------

    def case_id_for(self, ref_or_id: str) -> int:
        """Accept a case's numeric id or its reference (2026-000123)."""
        row = self._row(
            "SELECT id FROM cases WHERE ref = ? OR CAST(id AS TEXT) = ?", [ref_or_id, ref_or_id]
        )
        if row is None:
            raise StoreError("not_found")
        return int(row["id"])

    def _case_row(self, case_id: int) -> dict[str, Any]:
        row = self._row("SELECT * FROM cases WHERE id = ?", [case_id])
        if row is None:
            raise StoreError("not_found")
        return row

    def can_see(self, actor: User, case: dict[str, Any]) -> bool:
        return (
            actor.sees_all_cases
            or case["applicant_id"] == actor.id
            or case["filed_by_id"] == actor.id
            or case["department_id"] in actor.managed_departments()
        )

    @staticmethod
    def _decode(row: dict[str, Any]) -> dict[str, Any]:
        case = dict(row)
        case["answers"] = _loads(case.pop("answers_json"), {})
        case["facts"] = _loads(case.pop("facts_json"))
        case["determination"] = _loads(case.pop("determination_json"))
        case["review"] = _loads(case.pop("review_json"), {})
        return case

    def get_case(self, actor: User | None, case_id: int) -> dict[str, Any]:
        """A case with approvals, messages and attachments (None: the file owner, CLI)."""
        row = self._case_row(case_id)
        if actor is not None and not self.can_see(actor, row):
            raise StoreError("not_visible")
        case = self._decode(row)
        case["applicant_name"] = self.get_user(row["applicant_id"]).name
        case["filed_by_name"] = self.get_user(row["filed_by_id"]).name
        case["approvals"] = self._rows(
            "SELECT a.*, u.name AS user_name FROM approvals a JOIN users u ON u.id = a.user_id"
            " WHERE case_id = ? ORDER BY a.id",
            [case_id],
        )
        case["messages"] = self._rows(
            "SELECT m.*, u.name AS user_name FROM messages m JOIN users u ON u.id = m.user_id"
            " WHERE case_id = ? ORDER BY m.id",
            [case_id],
        )
        case["attachments"] = self._rows(
            "SELECT id, filename, sha256, size, added_by, at FROM attachments WHERE case_id = ?"
            " ORDER BY id",
            [case_id],
        )
        return case

    def _visibility_sql(self, actor: User | None) -> tuple[str, list[Any]]:
        """SQL restricting cases to what `actor` may see (None: the file owner, CLI)."""
        if actor is None or actor.sees_all_cases:
            return "1", []
        deps = sorted(actor.managed_departments())
        clause = "(c.applicant_id = ? OR c.filed_by_id = ?"
        params: list[Any] = [actor.id, actor.id]
        if deps:
            clause += f" OR c.department_id IN ({','.join('?' * len(deps))})"
            params += deps
        return clause + ")", params

    def _filters(
        self,
        actor: User | None,
        status: str | list[str] | None,
        department_id: int | None,
        search: str | None,
        mine: bool,
    ) -> tuple[str, list[Any]]:
        where, params = self._visibility_sql(actor)
        clauses = [where]
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            clauses.append(f"c.status IN ({','.join('?' * len(statuses))})")
            params += statuses
        if department_id is not None:
            clauses.append("c.department_id = ?")
            params.append(department_id)
        if mine and actor is not None:
            clauses.append("(c.applicant_id = ? OR c.filed_by_id = ?)")
            params += [actor.id, actor.id]
        if search and search.strip():
            text = search.strip()
            if len(text) >= 3:
                # The trigram index needs 3+ characters; quote to keep FTS syntax out.
                phrase = '"' + text.replace('"', '""') + '"'
                clauses.append("c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)")
                params.append(phrase)
            else:
                clauses.append("(c.title LIKE ? OR c.counterpart_name LIKE ? OR c.ref LIKE ?)")
                like = f"%{text}%"
                params += [like, like, like]
        return " AND ".join(clauses), params

    LIST_COLUMNS: ClassVar[str] = (
        "c.id, c.ref, c.status, c.activity, c.title, c.counterpart_name, c.counterpart_country,"
        " c.outcome, c.applicant_id, c.filed_by_id, c.department_id, c.created_at, c.updated_at,"
        " c.submitted_at, c.closed_at, c.decision, c.round, c.determination_json"
    )
    SORTABLE: ClassVar[frozenset[str]] = frozenset(
        {
            "updated_at",
            "created_at",
            "submitted_at",
            "ref",
            "status",
            "title",
            "counterpart_name",
            "activity",
        }
    )

    def list_cases(
        self,
        actor: User | None,
        *,
        status: str | list[str] | None = None,
        department_id: int | None = None,
        search: str | None = None,
        mine: bool = False,
        order_by: str = "updated_at",
        descending: bool = True,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        where, params = self._filters(actor, status, department_id, search, mine)
        if order_by not in self.SORTABLE:
            order_by = "updated_at"
        direction = "DESC" if descending else "ASC"
        # Page the ids first (from the index alone), then fetch the page's rows: a deep
        # offset then skips index entries, not joined rows.
        order = f"c.{order_by} {direction}, c.id {direction}"
        sql = (
            f"SELECT {self.LIST_COLUMNS}, a.name AS applicant_name FROM"
            f" (SELECT c.id FROM cases c WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) AS page"
            f" JOIN cases c ON c.id = page.id JOIN users a ON a.id = c.applicant_id ORDER BY {order}"
        )
        return self._rows(sql, [*params, limit, offset])

    def count_cases(
        self,
        actor: User,
        *,
        status: str | list[str] | None = None,
        department_id: int | None = None,
        search: str | None = None,
        mine: bool = False,
    ) -> int:
        where, params = self._filters(actor, status, department_id, search, mine)
        return int(
            self.db.execute(f"SELECT count(*) FROM cases c WHERE {where}", params).fetchone()[0]
        )

    def counts_by_status(self, actor: User) -> dict[str, int]:
        where, params = self._visibility_sql(actor)
        rows = self.db.execute(
            f"SELECT status, count(*) FROM cases c WHERE {where} GROUP BY status", params
        )
        return {s: n for s, n in rows}

    # --- cases: applicant side ----------------------------------------------------------

    def _may_file_for(self, actor: User, applicant_id: int) -> bool:
        if applicant_id == actor.id:
            return actor.has("applicant") or actor.has("office") or actor.has("admin")
        return bool(
            self.db.execute(
                "SELECT 1 FROM proxies WHERE proxy_id = ? AND applicant_id = ?",
                [actor.id, applicant_id],
            ).fetchone()
        )

    def _require_owner(self, actor: User, case: dict[str, Any]) -> None:
        if case["applicant_id"] == actor.id:
            return
        if case["filed_by_id"] == actor.id and self._may_file_for(actor, case["applicant_id"]):
            return
        raise StoreError("not_owner")

    def _derived_columns(self, answers: dict[str, Any]) -> dict[str, Any]:
        return {
            "activity": str(answers.get("activity") or ""),
            "title": str(answers.get("title") or ""),
            "counterpart_name": str(answers.get("counterpart_name") or ""),
            "counterpart_country": str(answers.get("counterpart_country") or ""),
        }

    def create_case(
        self,
        actor: User,
        *,
        applicant_id: int | None = None,
        answers: dict[str, Any] | None = None,
        person_id: int | None = None,
    ) -> dict[str, Any]:
        applicant_id = applicant_id or actor.id
        if not self._may_file_for(actor, applicant_id):
            raise StoreError("not_proxy" if applicant_id != actor.id else "forbidden")
        applicant = self.get_user(applicant_id)
        answers = dict(answers or {})
        now = self.now()
        row = {
            "ref": f"tmp-{uuid.uuid4().hex}",
            "applicant_id": applicant_id,
            "filed_by_id": actor.id,
            "department_id": applicant.department_id,
            "person_id": person_id,
            "status": "draft",
            "answers_json": _dumps(answers),
            "forms_version": self.catalog.version,
            "created_at": now,
            "updated_at": now,
            **self._derived_columns(answers),
        }
        with self.db.atomic():
            case_id = int(self.db["cases"].insert(row).last_pk)
            ref = f"{self.clock().year}-{case_id:06d}"
            self.db.execute("UPDATE cases SET ref = ? WHERE id = ?", [ref, case_id])
            self._audit(
                actor,
                "create",
                "case",
                case_id,
                None,
                {"ref": ref, "applicant_id": applicant_id, "answers": answers},
            )
        return self.get_case(actor, case_id)

    def save_draft(
        self,
        actor: User,
        case_id: int,
        answers: dict[str, Any],
        *,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """Autosave: replace the answers of an editable case (audited as a diff)."""
        case = self._case_row(case_id)
        self._require_owner(actor, case)
        if case["status"] not in APPLICANT_EDITABLE:
            raise StoreError("not_editable", status=_status(case["status"]))
        if expected_revision is not None and expected_revision != case["revision"]:
            raise StoreError("stale")
        old = _loads(case["answers_json"], {})
        keys = sorted(set(old) | set(answers))
        before = {k: old.get(k) for k in keys if old.get(k) != answers.get(k)}
        after = {k: answers.get(k) for k in before}
        if not before:
            return self._decode(case)
        with self.db.atomic():
            self.db["cases"].update(
                case_id,
                {
                    "answers_json": _dumps(answers),
                    "updated_at": self.now(),
                    "revision": case["revision"] + 1,
                    **self._derived_columns(answers),
                },
            )
            self._audit(actor, "save", "case", case_id, before, after)
        return self._decode(self._case_row(case_id))

    def evaluate_answers(self, answers: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Facts and determination for a set of answers (raises FactsError)."""
        facts = CheckSheet(self.catalog).facts(answers)
        return facts, evaluate_dict(facts, self.catalog)

    def submit(self, actor: User, case_id: int) -> dict[str, Any]:
        case = self._case_row(case_id)
        self._require_owner(actor, case)
        if case["status"] not in TRANSITIONS["submit"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("submit")
            )
        answers = _loads(case["answers_json"], {})
        sheet = CheckSheet(self.catalog)
        missing = sheet.missing(answers)
        if missing:
            raise StoreError(
                "incomplete",
                missing={
                    "ja": "、".join(q.text.ja for q in missing),
                    "en": "; ".join(q.text.en for q in missing),
                },
            )
        try:
            facts, determination = self.evaluate_answers(answers)
        except FactsError as exc:
            raise StoreError("invalid", detail=str(exc)) from None
        # Screen the counterpart against the End User List in force; a possible match
        # is a red flag that sends the case to the office.
        review = _loads(case["review_json"], {})
        screening = self.eul.screening_for(self._decode(case), previous=review.get("screening"))
        if screening is not None:
            review["screening"] = screening
            if self.eul.unresolved(screening) and "end_user_list" not in facts.get("red_flags", []):
                facts["red_flags"] = [*facts.get("red_flags", []), "end_user_list"]
                determination = evaluate_dict(facts, self.catalog)
        resubmission = case["status"] == "returned"
        update = {
            "status": "submitted",
            "facts_json": _dumps(facts),
            "determination_json": _dumps(determination),
            "outcome": determination["outcome"],
            "forms_version": self.catalog.version,
            "submitted_at": self.now(),
            "updated_at": self.now(),
            "round": case["round"] + (1 if resubmission else 0),
            "decision": None,
            "decision_reasons": None,
            "decision_conditions": None,
            "review_json": _dumps(review),
            "revision": case["revision"] + 1,
        }
        with self.db.atomic():
            self.db["cases"].update(case_id, update)
            self._audit(
                actor,
                "status",
                "case",
                case_id,
                {"status": case["status"]},
                {
                    "status": "submitted",
                    "outcome": determination["outcome"],
                    "round": update["round"],
                },
            )
        return self.get_case(actor, case_id)

    def withdraw(self, actor: User, case_id: int, reason: str = "") -> dict[str, Any]:
        case = self._case_row(case_id)
        if not (
            actor.has("office")
            or case["applicant_id"] == actor.id
            or case["filed_by_id"] == actor.id
        ):
            raise StoreError("not_owner")
        if case["status"] not in TRANSITIONS["withdraw"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("withdraw")
            )
        with self.db.atomic():
            self._set_status(actor, case, "withdrawn", {"closed_at": self.now()}, reason=reason)
        return self.get_case(actor, case_id)

    def duplicate(self, actor: User, case_id: int) -> dict[str, Any]:
        """'Same as last time': a new draft with the answers of a visible case."""
        source = self.get_case(actor, case_id)
        answers = dict(source["answers"])
        for key in ("planned_date",):  # a new occasion has a new date
            answers.pop(key, None)
        applicant = (
            source["applicant_id"]
            if self._may_file_for(actor, source["applicant_id"])
            else actor.id
        )
        return self.create_case(
            actor, applicant_id=applicant, answers=answers, person_id=source["person_id"]
        )

    def answer_questions(self, actor: User, case_id: int, text: str) -> None:
        case = self._case_row(case_id)
        self._require_owner(actor, case)
        if not text.strip():
            raise StoreError("invalid", detail="answer")
        with self.db.atomic():
            self._message(actor, case, "answer", text)

    def _set_status(
        self,
        actor: User,
        case: dict[str, Any],
        status: str,
        update: dict[str, Any] | None = None,
        **details: Any,
    ) -> None:
        """Move a case to `status` and audit the move (call inside a transaction)."""
        self.db["cases"].update(
            case["id"], {"status": status, "updated_at": self.now(), **(update or {})}
        )
        self._audit(
            actor,
            "status",
            "case",
            case["id"],
            {"status": case["status"]},
            {"status": status, **details},
        )

    def _message(self, actor: User, case: dict[str, Any], kind: str, text: str) -> None:
        row = {
            "case_id": case["id"],
            "round": case["round"],
            "user_id": actor.id,
            "kind": kind,
            "body": text,
            "at": self.now(),
        }
        self.db["messages"].insert(row)
        self._audit(actor, kind, "case", case["id"], None, {"text": text, "round": case["round"]})

    def add_attachment(
        self, actor: User, case_id: int, filename: str, content: bytes
    ) -> dict[str, Any]:
        case = self._case_row(case_id)
        if not self.can_see(actor, case):
            raise StoreError("not_visible")
        owner = case["applicant_id"] == actor.id or case["filed_by_id"] == actor.id
        if not (
            (owner and case["status"] in APPLICANT_EDITABLE)
            or (actor.has("office") and case["status"] in OFFICE_EDITABLE)
        ):
            raise StoreError("not_editable", status=_status(case["status"]))
        digest = hashlib.sha256(content).hexdigest()
        row = {
            "case_id": case_id,
            "filename": Path(filename).name,
            "sha256": digest,
            "size": len(content),
            "content": content,
            "added_by": actor.id,
            "at": self.now(),
        }
        with self.db.atomic():
            att_id = self.db["attachments"].insert(row).last_pk
            self._audit(
                actor,
                "attach",
                "case",
                case_id,
                None,
                {"filename": row["filename"], "sha256": digest, "size": len(content)},
            )
        return {"id": att_id, "sha256": digest}

    def attachment_content(self, actor: User, attachment_id: int) -> tuple[str, bytes]:
        row = self._row("SELECT * FROM attachments WHERE id = ?", [attachment_id])
        if row is None:
            raise StoreError("not_found")
        if not self.can_see(actor, self._case_row(row["case_id"])):
            raise StoreError("not_visible")
        if hashlib.sha256(row["content"]).hexdigest() != row["sha256"]:
            raise StoreError("invalid", detail="attachment content does not match its hash")
        return row["filename"], row["content"]

    # --- cases: office side ------------------------------------------------------------------

    def _require_reviewer(self, actor: User, case: dict[str, Any]) -> None:
        if not self.can_see(actor, case):
            raise StoreError("not_visible")
        if not actor.has("office"):
            raise StoreError("forbidden")

    def take_for_review(self, actor: User, case_id: int) -> dict[str, Any]:
        case = self._case_row(case_id)
        self._require_reviewer(actor, case)
        if case["status"] not in TRANSITIONS["take_for_review"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("review")
            )
        with self.db.atomic():
            self._set_status(actor, case, "under_review")
        return self.get_case(actor, case_id)

    def save_review(self, actor: User, case_id: int, review: dict[str, Any]) -> dict[str, Any]:
        """Save the review sheet's answers (autosaved like a draft)."""
        case = self._case_row(case_id)
        self._require_reviewer(actor, case)
        if case["status"] not in OFFICE_EDITABLE:
            raise StoreError("not_editable", status=_status(case["status"]))
        old = _loads(case["review_json"], {})
        changed = {k for k in set(old) | set(review) if old.get(k) != review.get(k)}
        if not changed:
            return self._decode(case)
        with self.db.atomic():
            self.db["cases"].update(
                case_id, {"review_json": _dumps(review), "updated_at": self.now()}
            )
            self._audit(
                actor,
                "review",
                "case",
                case_id,
                {k: old.get(k) for k in sorted(changed)},
                {k: review.get(k) for k in sorted(changed)},
            )
        return self._decode(self._case_row(case_id))

    def record_decision(
        self, actor: User, case_id: int, decision: str, reasons: str, conditions: str = ""
    ) -> dict[str, Any]:
        case = self._case_row(case_id)
        self._require_reviewer(actor, case)
        if case["status"] not in OFFICE_EDITABLE:
            raise StoreError("not_editable", status=_status(case["status"]))
        options = self.catalog.decision_by_id
        if decision not in options:
            raise StoreError("invalid", detail=f"decision {decision}")
        if not reasons.strip():
            raise StoreError("reasons_required")
        if options[decision].status == "approved_with_conditions" and not conditions.strip():
            raise StoreError("conditions_required")
        if decision == "returned":
            return self.return_case(actor, case_id, reasons)
        signed = self._approved_steps(case)
        if "office" in signed:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("change decision")
            )
        with self.db.atomic():
            self.db["cases"].update(
                case_id,
                {
                    "decision": decision,
                    "decision_reasons": reasons.strip(),
                    "decision_conditions": conditions.strip() or None,
                    "decided_at": self.now(),
                    "status": "under_review",
                    "updated_at": self.now(),
                },
            )
            self._audit(
                actor,
                "decision",
                "case",
                case_id,
                {"decision": case["decision"], "status": case["status"]},
                {
                    "decision": decision,
                    "reasons": reasons,
                    "conditions": conditions,
                    "status": "under_review",
                },
            )
        return self.get_case(actor, case_id)

    def _approved_steps(self, case: dict[str, Any]) -> list[str]:
        rows = self.db.execute(
            "SELECT step FROM approvals WHERE case_id = ? AND round = ? AND action = 'approve'"
            " ORDER BY id",
            [case["id"], case["round"]],
        ).fetchall()
        return [r[0] for r in rows]

    def approval_chain(self, case_id: int) -> list[dict[str, Any]]:
        """Each step of the current round: who may sign, and who signed when."""
        case = self._case_row(case_id)
        inst = self.institution()
        assert inst is not None
        signed = {
            r["step"]: r
            for r in self._rows(
                "SELECT a.*, u.name AS user_name FROM approvals a JOIN users u ON u.id = a.user_id"
                " WHERE case_id = ? AND round = ? AND action = 'approve'",
                [case_id, case["round"]],
            )
        }
        return [
            {"step": step, "role": role, "approval": signed.get(step)}
            for step, role in CHAINS[inst["icp_format"]]
        ]

    def pending_step(self, case_id: int) -> tuple[str, str] | None:
        case = self._case_row(case_id)
        if case["status"] not in TRANSITIONS["approve"]:
            return None
        inst = self.institution()
        assert inst is not None
        return next_step(inst["icp_format"], self._approved_steps(case))

    def _check_signer(self, actor: User, case: dict[str, Any], step: str, role: str) -> None:
        if actor.id in (case["applicant_id"], case["filed_by_id"]):
            raise StoreError("self_approval")
        if role == "dept_manager":
            allowed = actor.has("dept_manager", case["department_id"])
        else:
            allowed = actor.has(role)
        if not allowed:
            ja, en = STEP_TEXT[step]
            raise StoreError("wrong_role", step={"ja": ja, "en": en})

    def approve(self, actor: User, case_id: int, comment: str = "") -> dict[str, Any]:
        case = self._case_row(case_id)
        if not self.can_see(actor, case):
            raise StoreError("not_visible")
        if case["status"] not in TRANSITIONS["approve"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("approve")
            )
        inst = self.institution()
        assert inst is not None
        signed = self._approved_steps(case)
        step_role = next_step(inst["icp_format"], signed)
        if step_role is None:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("approve")
            )
        step, role = step_role
        self._check_signer(actor, case, step, role)
        signers = {
            r[0]
            for r in self.db.execute(
                "SELECT user_id FROM approvals"
                " WHERE case_id = ? AND round = ? AND action = 'approve'",
                [case_id, case["round"]],
            )
        }
        if actor.id in signers:
            raise StoreError("already_approved_step")
        if step in ("office", "chief") and not case["decision"]:
            raise StoreError("no_decision")
        complete = next_step(inst["icp_format"], [*signed, step]) is None
        new_status = "under_review"
        if complete:
            new_status = self.catalog.decision_by_id[case["decision"]].status
        with self.db.atomic():
            self.db["approvals"].insert(
                {
                    "case_id": case_id,
                    "round": case["round"],
                    "step": step,
                    "user_id": actor.id,
                    "role": role,
                    "action": "approve",
                    "comment": comment,
                    "at": self.now(),
                }
            )
            update: dict[str, Any] = {"status": new_status, "updated_at": self.now()}
            if complete:
                update["closed_at"] = self.now()
            self.db["cases"].update(case_id, update)
            self._audit(
                actor,
                "approve",
                "case",
                case_id,
                {"status": case["status"]},
                {"status": new_status, "step": step, "comment": comment, "final": complete},
            )
        return self.get_case(actor, case_id)

    def return_case(self, actor: User, case_id: int, comment: str) -> dict[str, Any]:
        """Send a case back to the applicant with questions (office or the current approver)."""
        case = self._case_row(case_id)
        if not self.can_see(actor, case):
            raise StoreError("not_visible")
        if case["status"] not in TRANSITIONS["return"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("return")
            )
        if not comment.strip():
            raise StoreError("comment_required")
        pending = self.pending_step(case_id)
        if not actor.has("office"):
            if pending is None:
                raise StoreError("forbidden")
            self._check_signer(actor, case, *pending)
        if actor.id in (case["applicant_id"], case["filed_by_id"]):
            raise StoreError("self_approval")
        with self.db.atomic():
            self.db["approvals"].insert(
                {
                    "case_id": case_id,
                    "round": case["round"],
                    "step": pending[0] if pending else "office",
                    "user_id": actor.id,
                    "role": pending[1] if pending else "office",
                    "action": "return",
                    "comment": comment,
                    "at": self.now(),
                }
            )
            self._message(actor, case, "question", comment)
            self._set_status(actor, case, "returned", comment=comment)
        return self.get_case(actor, case_id)

    # --- retention, audit -----------------------------------------------------------------

    def retention_until(self, case: dict[str, Any]) -> dt.date:
        inst = self.institution()
        years = inst["retention_years"] if inst else 7
        anchor = dt.datetime.fromisoformat(case["closed_at"] or case["updated_at"]).date()
        try:
            return anchor.replace(year=anchor.year + years)
        except ValueError:  # 29 February
            return anchor.replace(year=anchor.year + years, day=28)

    def delete_case(self, actor: User, case_id: int) -> None:
        """Only an administrator, only after the retention period, only a closed case."""
        self._require(actor.has("admin"))
        case = self._case_row(case_id)
        until = self.retention_until(case)
        if case["status"] not in FINAL | {"withdrawn"} or self.clock().date() < until:
            raise StoreError("retention", until=until.isoformat())
        with self.db.atomic():
            for table in ("approvals", "messages", "attachments"):
                self.db.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
            self.db.execute("DELETE FROM cases WHERE id = ?", [case_id])
            self._audit(
                actor,
                "delete",
                "case",
                case_id,
                {"ref": case["ref"], "status": case["status"]},
                None,
            )

    def timeline(self, actor: User, case_id: int) -> list[dict[str, Any]]:
        case = self._case_row(case_id)
        if not self.can_see(actor, case):
            raise StoreError("not_visible")
        rows = self._rows(
            "SELECT seq, at, user_id, user_login, action, before_json, after_json FROM audit_log"
            " WHERE entity = 'case' AND entity_id = ? ORDER BY seq",
            [str(case_id)],
        )
        for row in rows:
            row["before"] = _loads(row.pop("before_json"))
            row["after"] = _loads(row.pop("after_json"))
        return rows

    def verify_audit(self) -> audit.VerifyResult:
        return audit.verify(self.db)

    def record_export(self, actor: User | None, what: str, target: str, count: int) -> None:
        with self.db.atomic():
            self._audit(actor, "export", what, "", None, {"target": target, "count": count})

    def iter_cases_for_export(self, actor: User | None) -> Iterator[dict[str, Any]]:
        where, params = self._visibility_sql(actor)
        cursor = self.db.execute(
            f"SELECT c.*, a.name AS applicant_name, f.name AS filed_by_name FROM cases c"
            f" JOIN users a ON a.id = c.applicant_id JOIN users f ON f.id = c.filed_by_id"
            f" WHERE {where} ORDER BY c.id",
            params,
        )
        cols = [c[0] for c in cursor.description]
        for values in cursor:
            yield self._decode(dict(zip(cols, values, strict=True)))
