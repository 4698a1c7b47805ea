"""Record keeping: the database file, cases, people, users and roles, the audit log.

Only this package writes SQL. Every refused action raises StoreError and changes nothing.

`Store` is imported on first use (PEP 562), so that a module needing only StoreError or
User, such as the sign-in window, does not pay for the engine and every part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exportdesk.store.errors import StoreError

if TYPE_CHECKING:
    from exportdesk.store.service import Store

__all__ = ["Store", "StoreError"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from exportdesk.store.service import Store

        return Store
    raise AttributeError(name)
