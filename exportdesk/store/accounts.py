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
    burn_password_check,
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

    def _check_department(self, department_id: int | None) -> None:
        if department_id is not None and not self._row(
            "SELECT id FROM departments WHERE id = ?", [department_id]
        ):
            raise StoreError("invalid", detail="department")

    def _insert_roles(self, user_id: int, roles: list[tuple[str, int | None]]) -> None:
        for role, dep in dict.fromkeys(roles):
            if role not in ROLES:
                raise StoreError("invalid", detail=f"role {role}")
            if role == "dept_manager" and dep is None:
                raise StoreError("invalid", detail="a department manager needs a department")
            self._check_department(dep)
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
        self._check_department(department_id)
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
        if not any(r == "admin" for r, _ in roles):
            self._keep_an_admin(user_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM user_roles WHERE user_id = ?", [user_id])
            self._insert_roles(user_id, roles)
            self._audit(actor, "update_roles", "user", user_id, before, roles)
        return self.get_user(user_id)

    def add_proxy(self, actor: User, proxy_id: int, applicant_id: int) -> None:
        self._require(actor.has("admin"))
        proxy, applicant = self.get_user(proxy_id), self.get_user(applicant_id)
        if proxy.id == applicant.id:
            raise StoreError("invalid", detail="a proxy files for someone else")
        with self.db.atomic():
            self.db["proxies"].insert(
                {"proxy_id": proxy_id, "applicant_id": applicant_id}, ignore=True
            )
            self._audit(actor, "add_proxy", "user", proxy_id, None, {"applicant_id": applicant_id})

    def remove_proxy(self, actor: User, proxy_id: int, applicant_id: int) -> None:
        self._require(actor.has("admin"))
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM proxies WHERE proxy_id = ? AND applicant_id = ?",
                [proxy_id, applicant_id],
            )
            self._audit(
                actor, "remove_proxy", "user", proxy_id, {"applicant_id": applicant_id}, None
            )

    def proxy_applicant_ids(self, proxy_id: int) -> set[int]:
        rows = self.db.execute(
            "SELECT applicant_id FROM proxies WHERE proxy_id = ?", [proxy_id]
        ).fetchall()
        return {r[0] for r in rows}

    def set_proxies(self, actor: User, proxy_id: int, applicant_ids: set[int]) -> None:
        """Make `proxy_id` file for exactly these applicants (each change audited)."""
        self._require(actor.has("admin"))
        current = self.proxy_applicant_ids(proxy_id)
        with self.db.atomic():
            for applicant_id in sorted(applicant_ids - current):
                self.add_proxy(actor, proxy_id, applicant_id)
            for applicant_id in sorted(current - applicant_ids):
                self.remove_proxy(actor, proxy_id, applicant_id)

    # --- administration of accounts ----------------------------------------------------

    def _keep_an_admin(self, user_id: int) -> None:
        """Refuse a change that would leave no active administrator to manage accounts."""
        others = self._row(
            "SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id"
            " WHERE r.role = 'admin' AND u.active = 1 AND u.id != ?",
            [user_id],
        )
        if others is None or others["n"] == 0:
            raise StoreError("last_admin")

    def list_accounts(self, actor: User) -> list[dict[str, Any]]:
        """Every account with its state, for the administrators' Users screen."""
        self._require(actor.has("admin"))
        rows = self._rows(
            "SELECT id, login, name, email, department_id, language, active, locked_until,"
            " failed_logins, created_at FROM users ORDER BY login"
        )
        now = self.clock()
        for row in rows:
            user = self.get_user(row["id"])
            row["roles"] = sorted(user.roles, key=lambda r: (r[0], r[1] or 0))
            row["proxy_for"] = sorted(self.proxy_applicant_ids(row["id"]))
            until = row["locked_until"]
            row["locked"] = bool(until and dt.datetime.fromisoformat(until) > now)
        return rows

    def save_account(
        self,
        actor: User,
        user_id: int | None,
        *,
        name: str,
        roles: list[tuple[str, int | None]],
        email: str = "",
        department_id: int | None = None,
        proxy_for: set[int] | None = None,
        login: str = "",
        password: str = "",
        language: str = "ja",
    ) -> User:
        """Create (user_id None) or edit an account with its roles and proxies, all or nothing."""
        self._require(actor.has("admin"))
        proxy_for = proxy_for or set()
        if proxy_for and not any(r == "proxy" for r, _ in roles):
            raise StoreError("invalid", detail="proxy")
        with self.db.atomic():
            if user_id is None:
                user = self.create_user(
                    actor,
                    login=login,
                    name=name,
                    password=password,
                    roles=roles,
                    department_id=department_id,
                    email=email,
                    language=language,
                )
            else:
                self.update_user(
                    actor, user_id, name=name, email=email, department_id=department_id
                )
                if set(roles) != set(self.get_user(user_id).roles):
                    self.set_roles(actor, user_id, roles)
                user = self.get_user(user_id)
            self.set_proxies(actor, user.id, proxy_for)
        return self.get_user(user.id)

    def account_history(self, actor: User, user_id: int) -> list[dict[str, Any]]:
        """What was done to an account, oldest first, from the audit log."""
        self._require(actor.has("admin"))
        return self._rows(
            "SELECT at, user_login, action, before_json, after_json FROM audit_log"
            " WHERE entity = 'user' AND entity_id = ? ORDER BY seq",
            [str(user_id)],
        )

    def update_user(
        self,
        actor: User,
        user_id: int,
        *,
        name: str,
        email: str = "",
        department_id: int | None = None,
    ) -> User:
        self._require(actor.has("admin"))
        before = self._row("SELECT name, email, department_id FROM users WHERE id = ?", [user_id])
        if before is None:
            raise StoreError("not_found")
        if not name.strip():
            raise StoreError("invalid", detail="name")
        self._check_department(department_id)
        after = {"name": name.strip(), "email": email.strip(), "department_id": department_id}
        changed = {k: v for k, v in after.items() if before[k] != v}
        if changed:
            with self.db.atomic():
                self.db["users"].update(user_id, changed)
                self._audit(
                    actor, "update", "user", user_id, {k: before[k] for k in changed}, changed
                )
        return self.get_user(user_id)

    def reset_password(self, actor: User, user_id: int, new_password: str) -> None:
        """An administrator sets a new password (the person changes it later); unlocks too."""
        self._require(actor.has("admin"))
        login = self.get_user(user_id).login
        self._check_password(new_password)
        with self.db.atomic():
            self.db["users"].update(
                user_id,
                {
                    # On a campus database the server keeps the password (its role's).
                    "password_hash": self.db.set_login_password(login, new_password),
                    "failed_logins": 0,
                    "locked_until": None,
                },
            )
            self._audit(actor, "reset_password", "user", user_id)

    def unlock_user(self, actor: User, user_id: int) -> None:
        self._require(actor.has("admin"))
        row = self._row("SELECT locked_until FROM users WHERE id = ?", [user_id])
        if row is None:
            raise StoreError("not_found")
        with self.db.atomic():
            self.db["users"].update(user_id, {"failed_logins": 0, "locked_until": None})
            self._audit(actor, "unlock", "user", user_id, {"locked_until": row["locked_until"]})

    def set_active(self, actor: User, user_id: int, active: bool) -> None:
        """Deactivate (or reactivate) an account; its cases and history stay."""
        self._require(actor.has("admin"))
        row = self._row("SELECT active FROM users WHERE id = ?", [user_id])
        if row is None:
            raise StoreError("not_found")
        if not active:
            if user_id == actor.id:
                raise StoreError("deactivate_self")
            if self.get_user(user_id).has("admin"):
                self._keep_an_admin(user_id)
        if bool(row["active"]) == active:
            return
        with self.db.atomic():
            self.db["users"].update(user_id, {"active": int(active)})
            self._audit(
                actor,
                "activate" if active else "deactivate",
                "user",
                user_id,
                {"active": bool(row["active"])},
                {"active": active},
            )

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
            row = self._row(
                "SELECT id, active FROM users WHERE lower(login) = lower(?)", [login.strip()]
            )
            if row is None or login.strip().lower() != session.lower():
                raise StoreError("campus_login", current=session)
            if not row["active"]:
                # The server has checked the password: saying so leaks nothing.
                raise StoreError("inactive")
            user = self.get_user(row["id"])
            with self.db.atomic():
                self._audit(user, "login", "user", user.id)
            return user
        row = self._row("SELECT * FROM users WHERE login = ?", [login.strip()])
        now = self.clock()
        if row is None:
            burn_password_check(password)
            with self.db.atomic():
                self._audit(None, "login_failed", "user", "", None, {"login": login})
            raise StoreError("login_failed")
        if row["locked_until"] and dt.datetime.fromisoformat(row["locked_until"]) > now:
            # Only the right password learns of the lock: without it, a locked account
            # answers like an unknown login, so lock-outs do not list the accounts.
            password_ok = check_password(row["password_hash"], password)
            with self.db.atomic():
                self._audit(None, "login_refused_locked", "user", row["id"], None, {"login": login})
            if not password_ok:
                raise StoreError("login_failed")
            raise StoreError("locked", until=row["locked_until"][:16].replace("T", " ") + " UTC")
        # The password is checked before "disabled" is said, so a disabled account cannot be
        # told from an unknown one without its password.
        password_ok = check_password(row["password_hash"], password)
        if password_ok and not row["active"]:
            raise StoreError("inactive")
        if not password_ok:
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
        if not old:
            # Never left to a stored credential (~/.pgpass, PGPASSWORD) to vouch for.
            raise StoreError("old_password_required")
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
