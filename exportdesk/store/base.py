"""What every part of the store shares: the open database, the clock, the forms,
the audit helper and small row helpers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlite_utils

from exportdesk.domain.catalog import Catalog, default_catalog, load_catalog
from exportdesk.domain.workflow import status_text
from exportdesk.store import audit, keys, seals
from exportdesk.store.db import Clock, default_db_path, iso, open_database, utc_now
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

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
        key_dir: Path | str | None = None,
        create: bool = True,
    ) -> None:
        """`key_dir`: the installation's key folder (signs the audit chain's head);
        `create=False`: open an existing database only (read commands)."""
        self.path = Path(path) if path else default_db_path()
        self.key_dir = Path(key_dir) if key_dir else keys.default_key_dir()
        self.signing_key = keys.load_or_create_key(self.key_dir)
        self.db: sqlite_utils.Database = open_database(
            self.path, key=self.signing_key, create=create
        )
        self.clock = clock
        self._catalog = catalog
        self.db.seal_hook = self._seal_unaudited  # type: ignore[attr-defined]

    def _seal_unaudited(self) -> None:
        """Rows written without an audit entry of their own (bookkeeping such as a new
        screening date) are sealed by one plain entry before the transaction commits."""
        if seals.pending(self.db):
            self._audit(None, "record", "database")

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
        """Log an action with the seals of the rows it wrote (inside its transaction)."""
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
            state=seals.flush(self.db),
            key=self.signing_key,
        )

    def signed_head(self) -> dict[str, Any]:
        """The audit chain's length and head, signed with the installation's key, for a
        case file, decision file, export or printed sheet to carry (see docs/threat-model.md).

        Raises StoreError('audit_unsigned') when the head and its signature disagree."""
        try:
            head = audit.signed_head(self.db)
        except ValueError:
            raise StoreError("audit_unsigned") from None
        if head is None:
            raise StoreError("audit_unsigned")
        with self.db.atomic():
            audit.note_issued(self.db, head)
        return head

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
