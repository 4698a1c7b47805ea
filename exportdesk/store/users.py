"""Users, roles and passwords."""

from __future__ import annotations

import os
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("applicant", "proxy", "dept_manager", "office", "chief_manager", "admin")
MIN_PASSWORD = 10
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15

# argon2id with the library's defaults (RFC 9106 low-memory profile). The test suite
# sets EXPORTDESK_FAST_HASH=1 for a cheap argon2id so that hundreds of users hash quickly.
_hasher = (
    PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if os.environ.get("EXPORTDESK_FAST_HASH") == "1"
    else PasswordHasher()
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


_dummy_hash: str | None = None


def burn_password_check(password: str) -> None:
    """Spend the time of a real check, for sign-ins that fail before one (unknown login,
    locked account), so that the time taken does not tell which logins exist."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("exportdesk: no such account")
    check_password(_dummy_hash, password)


def check_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except VerificationError:
        return False
    except InvalidHashError:  # an account that cannot sign in ("!"): take the same time
        burn_password_check(password)
        return False


@dataclass(frozen=True)
class User:
    id: int
    login: str
    name: str
    email: str
    department_id: int | None
    language: str
    roles: frozenset[tuple[str, int | None]]

    def has(self, role: str, department_id: int | None = None) -> bool:
        """Holds `role`; for a department manager, of that department when given."""
        if department_id is None:
            return any(r == role for r, _ in self.roles)
        return (role, department_id) in self.roles

    @property
    def sees_all_cases(self) -> bool:
        return self.has("office") or self.has("chief_manager") or self.has("admin")

    def managed_departments(self) -> set[int]:
        return {d for r, d in self.roles if r == "dept_manager" and d is not None}
