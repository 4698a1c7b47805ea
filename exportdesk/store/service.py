"""The store's interface: institution, users, people, cases, approvals, audit.

Every method that changes something runs in one transaction together with its
audit entry, checks the acting user's rights first, and raises StoreError
(changing nothing) when the action is refused.

`Store` is a composition: one engine (SQLite or PostgreSQL, engine.py) and one
part per concern. Its interface is the union of the flat parts' methods, so
callers keep writing `store.submit(...)`; each part is also reachable by name
(`store.cases`, `store.eul`). Two parts defining the same name is an error at
import time, not a silent override as with mixins.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exportdesk.store.accounts import Accounts
from exportdesk.store.base import Part, StoreCore
from exportdesk.store.cases import Cases
from exportdesk.store.db import Clock, utc_now
from exportdesk.store.declarations import Declarations
from exportdesk.store.engine import Engine, SQLiteEngine, open_engine
from exportdesk.store.institution import Institutions
from exportdesk.store.people import People
from exportdesk.store.people_import import PeopleImport
from exportdesk.store.pledges import Pledges
from exportdesk.store.received import Received
from exportdesk.store.reminders import Reminders
from exportdesk.store.review import Reviews
from exportdesk.store.training import Training

if TYPE_CHECKING:  # the forms (pydantic) load on first use, not to show the sign-in window
    from exportdesk.domain.catalog_core import Catalog
    from exportdesk.store.eul import EndUserLists

# The parts whose methods make up Store's flat interface, by attribute name.
FLAT_PARTS: dict[str, type[Part]] = {
    "institutions": Institutions,
    "accounts": Accounts,
    "people": People,
    "person_declarations": Declarations,
    "person_pledges": Pledges,
    "person_training": Training,
    "reminders": Reminders,
    "people_import": PeopleImport,
    "cases": Cases,
    "reviews": Reviews,
    "received": Received,
}


class Store(StoreCore):
    """One database (a SQLite file or the campus PostgreSQL) and everything done with it."""

    institutions: Institutions
    accounts: Accounts
    people: People
    person_declarations: Declarations
    person_pledges: Pledges
    person_training: Training
    reminders: Reminders
    people_import: PeopleImport
    cases: Cases
    reviews: Reviews
    received: Received

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        catalog: Catalog | None = None,
        clock: Clock = utc_now,
        engine: Engine | None = None,
        key_dir: Path | str | None = None,
        create: bool = True,
    ) -> None:
        """`path`: a SQLite file or a postgresql:// DSN (None: EXPORTDESK_DB or the default).

        `key_dir`: the installation's key folder; `create=False`: an existing database only."""
        super().__init__(engine or open_engine(path, key_dir=key_dir, create=create), clock)
        self.path: Path | None = self.db.path if isinstance(self.db, SQLiteEngine) else None
        self._catalog = catalog
        for name, part in FLAT_PARTS.items():
            setattr(self, name, part(self))
        self._eul: EndUserLists | None = None

    @property
    def eul(self) -> EndUserLists:
        """The End User List part, made on first use: fuzzy matching is not needed to sign in."""
        if self._eul is None:
            from exportdesk.store.eul import EndUserLists

            self._eul = EndUserLists(self)
        return self._eul

    @property
    def catalog(self) -> Catalog:
        """The forms in use: the institution's folder if it set one, else the shipped forms."""
        if self._catalog is None:
            from exportdesk.domain.catalog import default_catalog
            from exportdesk.domain.forms_cache import cached_catalog

            inst = self.institution()
            folder = inst.get("forms_dir") if inst else None
            self._catalog = cached_catalog(folder) if folder else default_catalog()
        return self._catalog


def _delegate(part: str, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def call(self: Store, *args: Any, **kw: Any) -> Any:
        return getattr(getattr(self, part), name)(*args, **kw)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = func.__doc__
    call.__signature__ = inspect.signature(func)  # type: ignore[attr-defined]
    return call


def _compose() -> None:
    shared = set(dir(Part)) | set(dir(StoreCore))
    owner: dict[str, str] = {}
    for part_name, part in FLAT_PARTS.items():
        for name, value in vars(part).items():
            if name.startswith("__") or name in shared:
                continue
            if name in owner:
                raise TypeError(f"Store: {name} is defined by both {owner[name]} and {part_name}")
            owner[name] = part_name
            if isinstance(value, staticmethod):
                setattr(Store, name, value)
            elif callable(value):
                setattr(Store, name, _delegate(part_name, name, value))
            else:  # class constants (column lists, field names)
                setattr(Store, name, value)


_compose()
