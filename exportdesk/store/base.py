"""What every part of the store shares: the open database, the clock, the forms,
the audit helper and small row helpers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from exportdesk.domain.workflow import status_text
from exportdesk.store import audit
from exportdesk.store.db import Clock, default_db_path, iso, open_database, utc_now
from exportdesk.store.users import User

if TYPE_CHECKING:  # the forms (pydantic) load on first use, not to show the sign-in window
    from exportdesk.domain.catalog_core import Catalog

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


class StoreBase:
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
            from exportdesk.domain.catalog import default_catalog
            from exportdesk.domain.forms_cache import cached_catalog

            inst = self.institution()
            folder = inst.get("forms_dir") if inst else None
            self._catalog = cached_catalog(folder) if folder else default_catalog()
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
