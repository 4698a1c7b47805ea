"""What every part of the store shares: the core (engine, clock, audit, row helpers),
the base class of each part, and small value helpers.

The store is a composition: `Store` (service.py) owns one engine and one part per
concern (institution, accounts, people, cases, review, End User Lists); each part
reaches the others only through the store it belongs to. Nothing here imports a
part, so the runtime imports run one way: service → parts → base → engine.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from exportdesk.domain.workflow import status_text
from exportdesk.store.db import Clock, iso
from exportdesk.store.engine import Engine
from exportdesk.store.errors import StoreError
from exportdesk.store.notify import CaseWatch
from exportdesk.store.users import User

if TYPE_CHECKING:  # for annotations only: a part is handed its store at run time
    from exportdesk.domain.catalog_core import Catalog
    from exportdesk.store.service import Store


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


class StoreCore:
    """The engine, the clock and the audit helper: what every part writes through."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.db = engine
        self.clock = clock

    @property
    def engine(self) -> Engine:
        return self.db

    def close(self) -> None:
        self.db.close()

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
        self.db.append_audit(
            {
                "at": self.now(),
                "user_id": actor.id if actor else None,
                "user_login": actor.login if actor else "",
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "before": before,
                "after": after,
            }
        )

    def signed_head(self) -> dict[str, Any] | None:
        """The audit chain's length and head, signed with the installation's key, for a
        case file, decision file, export or printed sheet to carry (docs/threat-model.md).

        None on an engine that keeps no signed head (the campus server guards its chain
        itself); raises StoreError('audit_unsigned') when a SQLite file's head and its
        signature disagree."""
        issue = getattr(self.db, "signed_head", None)
        return issue() if issue is not None else None

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

    @staticmethod
    def _require(condition: bool) -> None:
        if not condition:
            raise StoreError("forbidden")

    def watch_cases(
        self, callback: Callable[[int], None], on_reconnect: Callable[[], None] | None = None
    ) -> CaseWatch | None:
        """Be called back (from a background thread) with the id of each case another
        client changes, and `on_reconnect` after the watch lost its connection and has it
        again (what changed meanwhile was not heard: read again); None where the engine
        has no other clients (SQLite)."""
        return self.db.watch_cases(callback, on_reconnect)


class Part:
    """One concern of the store. It holds its store and borrows the core's helpers;
    calls into another concern go through `self.store` by name."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def db(self) -> Engine:
        return self.store.db

    @property
    def clock(self) -> Clock:
        return self.store.clock

    @property
    def catalog(self) -> Catalog:
        return self.store.catalog

    def now(self) -> str:
        return self.store.now()

    def _audit(self, *args: Any, **kw: Any) -> None:
        self.store._audit(*args, **kw)

    def _row(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        return self.store._row(sql, params)

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return self.store._rows(sql, params)

    _require = staticmethod(StoreCore._require)
