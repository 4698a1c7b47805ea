"""Users, roles, proxies, passwords and sign-in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from exportdesk.store.base import Part
from exportdesk.store.db import iso
from exportdesk.store.errors import StoreError
from exportdesk.store.users import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    MIN_PASSWORD,
    ROLES,
    User,
    check_password,
)


class Accounts(Part):
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
        admin: bool = False,
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
                    "password_hash": self.db.register_login(login.strip(), password, admin=admin),
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
            admin = any(role == "admin" for role, _ in roles)
            user_id = self._insert_user(
                login, name, password, email, department_id, language, admin
            )
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

    def user_by_login(self, login: str) -> User | None:
        row = self._row("SELECT id FROM users WHERE login = ?", [login])
        return self.get_user(row["id"]) if row else None

    def users(self) -> list[User]:
        return [self.get_user(r[0]) for r in self.db.execute("SELECT id FROM users ORDER BY login")]

    def authenticate(self, login: str, password: str) -> User:
        """Sign in. Five failures lock the account for 15 minutes; both are audited.

        On a campus database the server has already checked the password when the
        connection was made: the login must be the connection's own.
        """
        session = self.db.session_login()
        if session is not None:
            row = self._row("SELECT id FROM users WHERE lower(login) = lower(?)", [login.strip()])
            if row is None or login.strip().lower() != session.lower():
                raise StoreError("campus_login", current=session)
            user = self.get_user(row["id"])
            with self.db.atomic():
                self._audit(user, "login", "user", user.id)
            return user
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
        if not self.db.check_login_password(actor.login, row["password_hash"], old):
            raise StoreError("login_failed")
        self._check_password(new)
        with self.db.atomic():
            secret = self.db.set_login_password(actor.login, new)
            if secret != row["password_hash"]:
                self.db["users"].update(actor.id, {"password_hash": secret})
            self._audit(actor, "change_password", "user", actor.id)

    def set_language(self, actor: User, language: str) -> None:
        with self.db.atomic():
            self.db["users"].update(actor.id, {"language": language})
