"""Written pledges (at entry, at the end of the stay, on a change) and the signed scans
that prove them: requested → received (scan attached, SHA-256 kept) → checked (office)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from exportdesk.store.base import Part
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

MAX_SCAN_BYTES = 20 * 1024 * 1024


class Pledges(Part):
    # --- scans ----------------------------------------------------------------------

    def _store_scan(self, actor: User, person_id: int, filename: str, content: bytes) -> int:
        """Keep a signed scan (inside the caller's transaction); returns its id."""
        name = str(filename).replace("\\", "/").rsplit("/", 1)[-1].strip()
        if not name or not content:
            raise StoreError("scan_required")
        if len(content) > MAX_SCAN_BYTES:
            raise StoreError("invalid", detail=f"scan larger than {MAX_SCAN_BYTES // 2**20} MB")
        digest = hashlib.sha256(content).hexdigest()
        scan_id = int(
            self.db["person_scans"]
            .insert(
                {
                    "person_id": person_id,
                    "filename": name,
                    "sha256": digest,
                    "size": len(content),
                    "content": content,
                    "added_by": actor.id,
                    "at": self.now(),
                }
            )
            .last_pk
        )
        self._audit(
            actor,
            "scan_attached",
            "person",
            person_id,
            None,
            {"scan_id": scan_id, "filename": name, "sha256": digest, "size": len(content)},
        )
        return scan_id

    def scan(self, actor: User, scan_id: int) -> tuple[str, bytes, str]:
        """(filename, content, sha256) of a scan, checked against its recorded SHA-256."""
        row = self._row("SELECT * FROM person_scans WHERE id = ?", [scan_id])
        if row is None:
            raise StoreError("not_found")
        self.store.get_person(actor, row["person_id"])
        content = bytes(row["content"])
        if hashlib.sha256(content).hexdigest() != row["sha256"]:
            raise StoreError("scan_mismatch")
        return row["filename"], content, row["sha256"]

    # --- pledges ----------------------------------------------------------------------

    def request_pledge(
        self,
        actor: User,
        person_id: int,
        kind: str,
        *,
        due_on: str | None = None,
        note: str = "",
    ) -> int:
        """Ask a person for a pledge; one open request of each kind at a time."""
        from exportdesk.domain.people import PLEDGE_KINDS

        self.store.get_person(actor, person_id)
        if kind not in PLEDGE_KINDS:
            raise StoreError("invalid", detail="kind")
        if due_on:
            try:
                dt.date.fromisoformat(due_on)
            except ValueError:
                raise StoreError("invalid", detail="due_on") from None
        if self._row(
            "SELECT id FROM pledges WHERE person_id = ? AND kind = ? AND state = 'requested'",
            [person_id, kind],
        ):
            raise StoreError("bad_state", state="requested")
        row = {
            "person_id": person_id,
            "kind": kind,
            "state": "requested",
            "due_on": due_on,
            "requested_at": self.now(),
            "requested_by": actor.id,
            "note": note,
        }
        with self.db.atomic():
            pledge_id = int(self.db["pledges"].insert(row).last_pk)
            self.store._refresh_summary(person_id)
            self._audit(
                actor, "pledge_requested", "person", person_id, None, {**row, "id": pledge_id}
            )
        return pledge_id

    def receive_pledge(self, actor: User, pledge_id: int, filename: str, content: bytes) -> None:
        """The signed pledge came back: its scan is attached and the pledge is received."""
        from exportdesk.domain.people import next_state

        pledge = self._pledge(actor, pledge_id)
        if next_state(pledge["state"]) != "received":
            raise StoreError("bad_state", state=pledge["state"])
        with self.db.atomic():
            scan_id = self._store_scan(actor, pledge["person_id"], filename, content)
            update = {
                "state": "received",
                "received_at": self.now(),
                "received_by": actor.id,
                "scan_id": scan_id,
            }
            self.db["pledges"].update(pledge_id, update)
            self.store._refresh_summary(pledge["person_id"])
            self._audit(
                actor,
                "pledge_received",
                "person",
                pledge["person_id"],
                {"state": pledge["state"]},
                {**update, "pledge_id": pledge_id},
            )

    def check_pledge(self, actor: User, pledge_id: int) -> None:
        """The office has compared the scan with the record: the pledge is checked."""
        from exportdesk.domain.people import next_state

        self._require(actor.has("office"))
        pledge = self._pledge(actor, pledge_id)
        if next_state(pledge["state"]) != "checked":
            raise StoreError("bad_state", state=pledge["state"])
        if not pledge["scan_id"]:
            raise StoreError("scan_required")
        self.scan(actor, pledge["scan_id"])  # the SHA-256 must still hold
        with self.db.atomic():
            update = {"state": "checked", "checked_at": self.now(), "checked_by": actor.id}
            self.db["pledges"].update(pledge_id, update)
            self.store._refresh_summary(pledge["person_id"])
            self._audit(
                actor,
                "pledge_checked",
                "person",
                pledge["person_id"],
                {"state": "received"},
                {**update, "pledge_id": pledge_id},
            )

    def _pledge(self, actor: User, pledge_id: int) -> dict[str, Any]:
        row = self._row("SELECT * FROM pledges WHERE id = ?", [pledge_id])
        if row is None:
            raise StoreError("not_found")
        self.store.get_person(actor, row["person_id"])
        return row

    def pledges(self, actor: User, person_id: int) -> list[dict[str, Any]]:
        self.store.get_person(actor, person_id)
        return self._rows(
            "SELECT p.*, s.filename AS scan_name, s.sha256 AS scan_sha256 FROM pledges p"
            " LEFT JOIN person_scans s ON s.id = p.scan_id"
            " WHERE p.person_id = ? ORDER BY p.requested_at, p.id",
            [person_id],
        )
