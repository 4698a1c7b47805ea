"""End User List versions, screening of cases, hit resolutions and re-screening."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exportdesk.domain.screening import DEFAULT_THRESHOLD, Entity, Hit, ScreeningIndex, normalise
from exportdesk.domain.workflow import FINAL, OPEN
from exportdesk.imports.eul import EulImportError, read_list
from exportdesk.store.base import Part
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

if TYPE_CHECKING:
    from exportdesk.store.service import Store

RESOLUTIONS = ("true_match", "false_positive")


class EndUserLists(Part):
    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._indexes: dict[tuple[int, float], ScreeningIndex] = {}

    # --- versions --------------------------------------------------------------------

    def import_file(
        self,
        actor: User | None,
        path: Path | str,
        effective: dt.date | None = None,
        fmt: str = "auto",
    ) -> dict[str, Any]:
        """Import a list version (all or nothing), then re-screen the cases it may touch."""
        if actor is not None and not actor.has("office"):
            raise StoreError("forbidden")
        parsed = read_list(path, fmt)  # raises EulImportError before anything is written
        existing = self.db.execute(
            "SELECT id FROM eul_versions WHERE sha256 = ?", [parsed.sha256]
        ).fetchone()
        if existing:
            raise EulImportError(f"this file was already imported as version {existing[0]}")
        effective = effective or self.store.clock().date()
        with self.db.atomic():
            version_id = int(
                self.db["eul_versions"]
                .insert(
                    {
                        "effective_date": effective.isoformat(),
                        "source_name": parsed.source_name,
                        "source_format": parsed.source_format,
                        "sha256": parsed.sha256,
                        "entity_count": len(parsed.entities),
                        "imported_at": self.store.now(),
                        "imported_by": actor.id if actor else None,
                    }
                )
                .last_pk
            )
            self.db["eul_entities"].insert_all(
                {
                    "version_id": version_id,
                    "no": e.no,
                    "country_code": e.country_code,
                    "country_ja": e.country_ja,
                    "country_en": e.country_en,
                    "name_en": e.name_en,
                    "name_original": e.name_original,
                    "aliases_json": json.dumps(list(e.aliases), ensure_ascii=False),
                    "concerns": ",".join(e.concerns),
                    "conventional_weapons": int(e.conventional_weapons),
                }
                for e in parsed.entities
            )
            self.store._audit(
                actor,
                "import",
                "eul_version",
                version_id,
                None,
                {
                    "file": parsed.source_name,
                    "sha256": parsed.sha256,
                    "entities": len(parsed.entities),
                    "effective": effective.isoformat(),
                },
            )
        changed = self.rescreen(actor, version_id)
        return {
            "version_id": version_id,
            "count": len(parsed.entities),
            "format": parsed.source_format,
            "rescreened": changed,
        }

    def versions(self) -> list[dict[str, Any]]:
        return self.store._rows("SELECT * FROM eul_versions ORDER BY effective_date, id")

    def current_version(self) -> dict[str, Any] | None:
        """The newest version in force today (or the newest imported, if none is yet)."""
        today = self.store.clock().date().isoformat()
        row = self.store._row(
            "SELECT * FROM eul_versions WHERE effective_date <= ?"
            " ORDER BY effective_date DESC, id DESC LIMIT 1",
            [today],
        )
        return row or self.store._row("SELECT * FROM eul_versions ORDER BY id DESC LIMIT 1")

    def entities(self, version_id: int) -> list[Entity]:
        rows = self.store._rows(
            "SELECT * FROM eul_entities WHERE version_id = ? ORDER BY no", [version_id]
        )
        if not rows and not self.store._row(
            "SELECT id FROM eul_versions WHERE id = ?", [version_id]
        ):
            raise StoreError("not_found")
        return [
            Entity(
                r["no"],
                r["country_code"],
                r["country_ja"],
                r["country_en"],
                r["name_en"],
                r["name_original"],
                tuple(json.loads(r["aliases_json"])),
                tuple(c for c in r["concerns"].split(",") if c),
                bool(r["conventional_weapons"]),
            )
            for r in rows
        ]

    @staticmethod
    def version_label(version: dict[str, Any]) -> str:
        return f"#{version['id']} {version['effective_date']} ({version['source_name']})"

    def diff(self, v1: int, v2: int) -> dict[str, list[dict[str, Any]]]:
        """Added, removed and changed entities between two versions (by name and country)."""

        def keyed(version: int) -> dict[tuple[str, str], Entity]:
            return {
                (e.country_code, normalise(e.name_en or e.name_original)): e
                for e in self.entities(version)
            }

        old, new = keyed(v1), keyed(v2)

        def show(e: Entity) -> dict[str, Any]:
            return {
                "no": e.no,
                "country": e.country_code,
                "name": e.name_en,
                "original": e.name_original,
                "aliases": list(e.aliases),
                "concerns": list(e.concerns),
                "cw": e.conventional_weapons,
            }

        changed = []
        for key in sorted(old.keys() & new.keys()):
            a, b = old[key], new[key]
            fields = [
                f
                for f in ("name_original", "aliases", "concerns", "conventional_weapons")
                if (sorted(getattr(a, f)) if f == "aliases" else getattr(a, f))
                != (sorted(getattr(b, f)) if f == "aliases" else getattr(b, f))
            ]
            if fields:
                changed.append({"before": show(a), "after": show(b), "fields": fields})
        return {
            "added": [show(new[k]) for k in sorted(new.keys() - old.keys())],
            "removed": [show(old[k]) for k in sorted(old.keys() - new.keys())],
            "changed": changed,
        }

    # --- screening ------------------------------------------------------------------------

    def threshold(self) -> float:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'screening_threshold'").fetchone()
        return float(row[0]) if row else DEFAULT_THRESHOLD

    def set_threshold(self, actor: User | None, value: float) -> None:
        """The office's screening threshold (None: the file owner, CLI)."""
        if actor is not None and not actor.has("office"):
            raise StoreError("forbidden")
        if not 50 <= value <= 100:
            raise StoreError("invalid", detail="threshold (50-100)")
        with self.db.atomic():
            before = self.threshold()
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES ('screening_threshold', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [str(value)],
            )
            self.store._audit(actor, "update", "screening_threshold", "", before, value)

    def index(self, version_id: int | None = None) -> tuple[dict[str, Any], ScreeningIndex] | None:
        version = (
            self.store._row("SELECT * FROM eul_versions WHERE id = ?", [version_id])
            if version_id
            else self.current_version()
        )
        if version is None:
            return None
        key = (version["id"], self.threshold())
        if key not in self._indexes:
            self._indexes[key] = ScreeningIndex(self.entities(version["id"]), threshold=key[1])
        return version, self._indexes[key]

    def screen(
        self, name: str, country: str | None = None, version_id: int | None = None
    ) -> tuple[dict | None, list[Hit]]:
        found = self.index(version_id)
        if found is None:
            return None, []
        version, index = found
        return version, index.screen(name, country)

    def _known_good(self) -> set[tuple[str, str, int]]:
        return {
            (r[0], r[1], r[2])
            for r in self.db.execute("SELECT name_norm, country, entity_no FROM known_good")
        }

    def screening_for(
        self,
        case: dict[str, Any],
        version_id: int | None = None,
        previous: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """Screen a case's counterpart (and affiliation) against a list version."""
        found = self.index(version_id)
        if found is None:
            return None
        version, index = found
        answers = case.get("answers") or {}
        country = case.get("counterpart_country") or None
        queries = [
            q for q in (case.get("counterpart_name"), answers.get("counterpart_organisation")) if q
        ]
        known = self._known_good()
        old = {h["no"]: h for h in (previous or {}).get("hits", [])}
        hits: dict[int, dict[str, Any]] = {}
        for query in queries:
            for hit in index.screen(query, country):
                data = hit.as_dict() | {"query": query}
                if (normalise(query), country or "", hit.entity.no) in known:
                    data["resolution"] = {
                        "decision": "false_positive",
                        "note": "known-good counterpart",
                        "by": "known-good list",
                        "at": self.store.now(),
                    }
                elif hit.entity.no in old and old[hit.entity.no].get("resolution"):
                    data["resolution"] = old[hit.entity.no]["resolution"]
                else:
                    data["resolution"] = None
                if hit.entity.no not in hits or data["score"] > hits[hit.entity.no]["score"]:
                    hits[hit.entity.no] = data
        return {
            "version_id": version["id"],
            "list_version": self.version_label(version),
            "threshold": index.threshold,
            "screened_at": self.store.now(),
            "queries": queries,
            "hits": sorted(hits.values(), key=lambda h: -h["score"]),
        }

    @staticmethod
    def unresolved(screening: dict[str, Any] | None) -> list[dict[str, Any]]:
        return [h for h in (screening or {}).get("hits", []) if not h.get("resolution")]

    def resolve(
        self,
        actor: User,
        case_id: int,
        entity_no: int,
        decision: str,
        note: str,
        known_good: bool = False,
    ) -> dict[str, Any]:
        """Accept a hit as a true match or dismiss it as a false positive; the note is mandatory."""
        store = self.store
        case = store._case_row(case_id)
        if not store.can_see(actor, case):
            raise StoreError("not_visible")
        if not actor.has("office"):
            raise StoreError("forbidden")
        if decision not in RESOLUTIONS:
            raise StoreError("invalid", detail="decision")
        if not note.strip():
            raise StoreError(
                "invalid", detail={"ja": "理由の記入は必須です", "en": "a note is required"}
            )
        review = json.loads(case["review_json"] or "{}")
        hits = (review.get("screening") or {}).get("hits", [])
        target = next((h for h in hits if h["no"] == entity_no), None)
        if target is None:
            raise StoreError("not_found")
        before = target.get("resolution")
        target["resolution"] = {
            "decision": decision,
            "note": note.strip(),
            "by": actor.login,
            "at": store.now(),
        }
        with self.db.atomic():
            self.db["cases"].update(
                case_id,
                {
                    "review_json": json.dumps(review, ensure_ascii=False, sort_keys=True),
                    "updated_at": store.now(),
                },
            )
            store._audit(
                actor,
                "screening_resolution",
                "case",
                case_id,
                before,
                {"entity_no": entity_no, **target["resolution"]},
            )
            if known_good and decision == "false_positive":
                self.db["known_good"].insert(
                    {
                        "name_norm": normalise(target["query"]),
                        "country": case["counterpart_country"] or "",
                        "entity_no": entity_no,
                        "note": note.strip(),
                        "added_by": actor.id,
                        "added_at": store.now(),
                    },
                    ignore=True,
                )
                store._audit(
                    actor,
                    "known_good",
                    "eul",
                    entity_no,
                    None,
                    {"name": target["query"], "note": note},
                )
        return store.get_case(actor, case_id)

    def known_good(self) -> list[dict[str, Any]]:
        return self.store._rows("SELECT * FROM known_good ORDER BY added_at")

    def rescreen(self, actor: User | None, version_id: int) -> list[dict[str, Any]]:
        """Re-screen open cases and cases closed within the retention period; list changes."""
        store = self.store
        inst = store.institution() or {}
        years = inst.get("retention_years", 7)
        horizon = (store.clock() - dt.timedelta(days=365 * years)).isoformat()
        statuses = sorted(OPEN | FINAL)
        rows = store._rows(
            f"SELECT * FROM cases WHERE status IN ({','.join('?' * len(statuses))})"
            " AND (closed_at IS NULL OR closed_at >= ?) AND counterpart_name != ''",
            [*statuses, horizon],
        )
        changed = []
        with self.db.atomic():
            for row in rows:
                case = store._decode(row)
                before = case["review"].get("screening")
                after = self.screening_for(case, version_id, previous=before)
                if after is None:
                    continue
                old_nos = sorted(h["no"] for h in (before or {}).get("hits", []))
                new_nos = sorted(h["no"] for h in after["hits"])
                review = dict(case["review"], screening=after)
                self.db["cases"].update(
                    row["id"],
                    {"review_json": json.dumps(review, ensure_ascii=False, sort_keys=True)},
                )
                if old_nos != new_nos:
                    changed.append(
                        {
                            "case_id": row["id"],
                            "ref": row["ref"],
                            "status": row["status"],
                            "before": old_nos,
                            "after": new_nos,
                        }
                    )
                    store._audit(
                        actor,
                        "rescreen",
                        "case",
                        row["id"],
                        {"hits": old_nos, "version": (before or {}).get("list_version")},
                        {"hits": new_nos, "version": after["list_version"]},
                    )
        return changed
