"""Screening lists (the End User List and the export-ban lists): versions, screening of
cases against every list in force, hit resolutions and re-screening."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exportdesk.domain.screening import Entity, Hit, ScreeningIndex, normalise
from exportdesk.domain.workflow import FINAL, OPEN
from exportdesk.imports.eul import EulImportError, read_list
from exportdesk.store.base import Part
from exportdesk.store.conflicts import REVIEW_WRITES, claim_case
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

if TYPE_CHECKING:
    from exportdesk.store.service import Store

RESOLUTIONS = ("true_match", "false_positive")
MAX_HITS = 10  # per name, over every list


def screening_lists() -> dict[str, Any]:
    # Imported when first needed: the forms loader (pydantic, yaml) stays out of start-up.
    from exportdesk.domain.screening_lists import screening_lists as load

    return load()


def list_info(kind: str) -> Any:
    from exportdesk.domain.screening_lists import list_info as info

    return info(kind)


class EndUserLists(Part):
    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._indexes: dict[tuple[int, float], ScreeningIndex] = {}
        self._combined: dict[tuple, ScreeningIndex] = {}

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
        if effective is None and parsed.last_updated:
            effective = dt.date.fromisoformat(parsed.last_updated)
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
                        "list_kind": parsed.list_kind,
                        "notice": parsed.notice,
                        "last_updated": parsed.last_updated,
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
                    "address": e.address,
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
                    "list": parsed.list_kind,
                    "file": parsed.source_name,
                    "sha256": parsed.sha256,
                    "entities": len(parsed.entities),
                    "effective": effective.isoformat(),
                    "notice": parsed.notice,
                    "last_updated": parsed.last_updated,
                },
            )
        changed = self.rescreen(actor, version_id)
        return {
            "version_id": version_id,
            "list": parsed.list_kind,
            "count": len(parsed.entities),
            "format": parsed.source_format,
            "notice": parsed.notice,
            "last_updated": parsed.last_updated,
            "effective": effective.isoformat(),
            "encoding": parsed.encoding,
            "rescreened": changed,
        }

    def versions(self, kind: str | None = None) -> list[dict[str, Any]]:
        if kind:
            return self.store._rows(
                "SELECT * FROM eul_versions WHERE list_kind = ? ORDER BY effective_date, id", [kind]
            )
        return self.store._rows("SELECT * FROM eul_versions ORDER BY list_kind, effective_date, id")

    def current_version(self, kind: str = "eul") -> dict[str, Any] | None:
        """The newest version of a list in force today (or the newest imported, if none is)."""
        today = self.store.clock().date().isoformat()
        row = self.store._row(
            "SELECT * FROM eul_versions WHERE list_kind = ? AND effective_date <= ?"
            " ORDER BY effective_date DESC, id DESC LIMIT 1",
            [kind, today],
        )
        return row or self.store._row(
            "SELECT * FROM eul_versions WHERE list_kind = ? ORDER BY id DESC LIMIT 1", [kind]
        )

    def current_versions(self) -> dict[str, dict[str, Any]]:
        """The version in force of every list imported, in the order of the forms."""
        out = {}
        for kind in screening_lists():
            version = self.current_version(kind)
            if version is not None:
                out[kind] = version
        return out

    def overview(self) -> list[dict[str, Any]]:
        """Each known list with its version in force (None when never imported)."""
        current = self.current_versions()
        counts = dict(
            self.db.execute("SELECT list_kind, count(*) FROM eul_versions GROUP BY list_kind")
        )
        return [
            {
                "list": kind,
                "name": {"ja": info.name.ja, "en": info.name.en},
                "measure": info.measure,
                "hit_kind": info.hit_kind,
                "threshold": self.threshold(kind),
                "current": current.get(kind),
                "versions": counts.get(kind, 0),
            }
            for kind, info in screening_lists().items()
        ]

    def entities(self, version_id: int) -> list[Entity]:
        kind = self.version(version_id)["list_kind"]
        rows = self.store._rows(
            "SELECT * FROM eul_entities WHERE version_id = ? ORDER BY no", [version_id]
        )
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
                r["address"],
                kind,
            )
            for r in rows
        ]

    @staticmethod
    def version_label(version: dict[str, Any]) -> str:
        return f"#{version['id']} {version['effective_date']} ({version['source_name']})"

    def version(self, version_id: int) -> dict[str, Any]:
        row = self.store._row("SELECT * FROM eul_versions WHERE id = ?", [version_id])
        if row is None:
            raise StoreError("not_found")
        return row

    def diff(self, v1: int, v2: int) -> dict[str, list[dict[str, Any]]]:
        """Added, removed and changed entities between two versions of one list, matched by
        country and normalised name (numbers shift when entries are added in order)."""
        if self.version(v1)["list_kind"] != self.version(v2)["list_kind"]:
            raise StoreError(
                "invalid", detail={"ja": "別のリストの版です", "en": "versions of different lists"}
            )

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
                for f in ("name_original", "aliases", "concerns", "conventional_weapons", "address")
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

    @staticmethod
    def _threshold_key(kind: str) -> str:
        return "screening_threshold" if kind == "eul" else f"screening_threshold:{kind}"

    def threshold(self, kind: str = "eul") -> float:
        row = self.db.execute(
            "SELECT value FROM meta WHERE key = ?", [self._threshold_key(kind)]
        ).fetchone()
        return float(row[0]) if row else list_info(kind).default_threshold

    def set_threshold(self, actor: User | None, value: float, kind: str = "eul") -> None:
        """The office's screening threshold for one list (None: the file owner, CLI)."""
        if actor is not None and not actor.has("office"):
            raise StoreError("forbidden")
        if kind not in screening_lists():
            raise StoreError("invalid", detail="list")
        if not 50 <= value <= 100:
            raise StoreError("invalid", detail="threshold (50-100)")
        with self.db.atomic():
            before = self.threshold(kind)
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [self._threshold_key(kind), str(value)],
            )
            self.store._audit(actor, "update", "screening_threshold", kind, before, value)

    def index(
        self, version_id: int | None = None, kind: str = "eul"
    ) -> tuple[dict[str, Any], ScreeningIndex] | None:
        version = self.version(version_id) if version_id else self.current_version(kind)
        if version is None:
            return None
        key = (version["id"], self.threshold(version["list_kind"]))
        if key not in self._indexes:
            self._indexes[key] = ScreeningIndex(self.entities(version["id"]), threshold=key[1])
        return version, self._indexes[key]

    def indexes(self, override: int | None = None) -> list[tuple[dict[str, Any], ScreeningIndex]]:
        """The index of every list in force; `override` puts a given version in its list's
        place (a version just imported, even if it takes effect later)."""
        out = []
        for version in self._in_force(override).values():
            found = self.index(version["id"])
            if found is not None:
                out.append(found)
        return out

    def _in_force(self, override: int | None = None) -> dict[str, dict[str, Any]]:
        versions = self.current_versions()
        if override:
            chosen = self.version(override)
            versions[chosen["list_kind"]] = chosen
        return versions

    def combined(
        self, override: int | None = None
    ) -> tuple[dict[str, dict[str, Any]], ScreeningIndex] | None:
        """One index over every list in force, each list with its own threshold: a name is
        looked up once, not once per list."""
        versions = self._in_force(override)
        if not versions:
            return None
        thresholds = {kind: self.threshold(kind) for kind in versions}
        key = tuple(sorted((v["id"], thresholds[k]) for k, v in versions.items()))
        if key not in self._combined:
            entities = [e for v in versions.values() for e in self.entities(v["id"])]
            self._combined.clear()  # only the lists in force are worth keeping
            self._combined[key] = ScreeningIndex(
                entities, threshold=min(thresholds.values()), thresholds=thresholds
            )
        return versions, self._combined[key]

    def screen(
        self, name: str, country: str | None = None, version_id: int | None = None
    ) -> tuple[dict | None, list[Hit]]:
        found = self.index(version_id)
        if found is None:
            return None, []
        version, index = found
        return version, index.screen(name, country)

    @staticmethod
    def hit_dict(version: dict[str, Any], hit: Hit) -> dict[str, Any]:
        """A hit as stored in a case: the entity, the list, its version and its measure."""
        info = list_info(version["list_kind"])
        return hit.as_dict() | {
            "list": info.id,
            "list_name": {"ja": info.name.ja, "en": info.name.en},
            "measure": info.measure,
            "measure_text": {"ja": info.measure_text.ja, "en": info.measure_text.en},
            "hit_kind": info.hit_kind,
            "version_id": version["id"],
            "address": hit.entity.address,
        }

    def screen_all(
        self, name: str, country: str | None = None, threshold: float | None = None
    ) -> list[dict[str, Any]]:
        """One name against every list in force, best hits first."""
        found = self.combined()
        if found is None:
            return []
        versions, index = found
        hits = index.screen(name, country, threshold, limit=MAX_HITS)
        return [self.hit_dict(versions[h.entity.list_kind], h) for h in hits]

    def _known_good(self) -> set[tuple[str, str, str, int]]:
        return {
            (r[0], r[1], r[2], r[3])
            for r in self.db.execute(
                "SELECT list_kind, name_norm, country, entity_no FROM known_good"
            )
        }

    def screening_for(
        self,
        case: dict[str, Any],
        version_id: int | None = None,
        previous: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """Screen a case's counterpart (and affiliation) against every list in force."""
        found = self.combined(version_id)
        if found is None:
            return None
        versions, index = found
        answers = case.get("answers") or {}
        country = case.get("counterpart_country") or None
        queries = [
            q for q in (case.get("counterpart_name"), answers.get("counterpart_organisation")) if q
        ]
        known = self._known_good()
        old = {(h.get("list", "eul"), h["no"]): h for h in (previous or {}).get("hits", [])}
        hits: dict[tuple[str, int], dict[str, Any]] = {}
        for query in queries:
            for hit in index.screen(query, country, limit=MAX_HITS):
                kind = hit.entity.list_kind
                data = self.hit_dict(versions[kind], hit) | {
                    "query": query,
                    "query_country": country or "",
                }
                key = (kind, hit.entity.no)
                if (kind, normalise(query), country or "", hit.entity.no) in known:
                    data["resolution"] = {
                        "decision": "false_positive",
                        "note": "known-good counterpart",
                        "by": "known-good list",
                        "at": self.store.now(),
                    }
                elif (
                    key in old
                    and old[key].get("resolution")
                    # A decision on an entry held for the name that was screened then: a
                    # changed counterpart (or country) is screened afresh.
                    and normalise(str(old[key].get("query") or "")) == normalise(query)
                    and (old[key].get("query_country") or "") == (country or "")
                ):
                    data["resolution"] = old[key]["resolution"]
                else:
                    data["resolution"] = None
                if key not in hits or data["score"] > hits[key]["score"]:
                    hits[key] = data
        eul = versions.get("eul")
        return {
            "version_id": eul["id"] if eul else None,
            # The End User List's version (or, without one, every list's), as recorded before.
            "list_version": self.version_label(eul)
            if eul
            else "; ".join(self.version_label(v) for v in versions.values()),
            "threshold": self.threshold("eul"),
            "lists": [
                {
                    "list": v["list_kind"],
                    "version_id": v["id"],
                    "label": self.version_label(v),
                    "threshold": index.thresholds[v["list_kind"]],
                }
                for v in versions.values()
            ],
            "screened_at": self.store.now(),
            "queries": queries,
            "hits": sorted(hits.values(), key=lambda h: (-h["score"], h["list"], h["no"])),
        }

    def apply_to_facts(self, facts: dict[str, Any], screening: dict[str, Any]) -> bool:
        """What screening tells the engine: an open End User List hit is a red flag; a hit on
        an export-ban list (not dismissed) puts the counterpart on that list, which no
        exemption clears. Returns whether the facts changed."""
        from exportdesk.domain.facts import apply_screening

        open_eul = [
            h
            for h in self.unresolved(screening)
            if h.get("hit_kind", "end_user_list") != "export_ban"
        ]
        return apply_screening(
            facts, unresolved=bool(open_eul), export_ban=bool(self.export_ban_hits(screening))
        )

    @staticmethod
    def export_ban_hits(screening: dict[str, Any] | None) -> list[dict[str, Any]]:
        """Hits on an export-ban list not dismissed as false positives: the export is
        prohibited, and no exemption clears it."""
        return [
            h
            for h in (screening or {}).get("hits", [])
            if h.get("hit_kind") == "export_ban"
            and (h.get("resolution") or {}).get("decision") != "false_positive"
        ]

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
        list_kind: str = "eul",
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
        with self.db.atomic():
            # The review as stored under the row's lock: a colleague's save of the review
            # sheet a moment ago stays (only the hit's resolution is written here).
            claim_case(self, case_id, None, "review_conflict", REVIEW_WRITES)
            case = store._case_row(case_id)
            review = json.loads(case["review_json"] or "{}")
            hits = (review.get("screening") or {}).get("hits", [])
            target = next(
                (h for h in hits if h["no"] == entity_no and h.get("list", "eul") == list_kind),
                None,
            )
            if target is None:
                raise StoreError("not_found")
            before = target.get("resolution")
            target["resolution"] = {
                "decision": decision,
                "note": note.strip(),
                "by": actor.login,
                "at": store.now(),
            }
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
                {"list": list_kind, "entity_no": entity_no, **target["resolution"]},
            )
            if known_good and decision == "false_positive":
                self.db["known_good"].insert(
                    {
                        "list_kind": list_kind,
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
                    {"list": list_kind, "name": target["query"], "note": note},
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
            for listed in rows:
                # Re-read under the row's lock: a review saved since the list was read stays.
                claim_case(self, listed["id"], None, "review_conflict", REVIEW_WRITES)
                row = store._case_row(listed["id"])
                case = store._decode(row)
                before = case["review"].get("screening")
                after = self.screening_for(case, version_id, previous=before)
                if after is None:
                    continue
                old_nos = _hit_keys(before)
                new_nos = _hit_keys(after)
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


def _hit_keys(screening: dict[str, Any] | None) -> list[Any]:
    """Hits as End User List numbers (as before) or 'list:no' for the other lists."""
    keys: list[Any] = []
    for h in (screening or {}).get("hits", []):
        kind = h.get("list", "eul")
        keys.append(h["no"] if kind == "eul" else f"{kind}:{h['no']}")
    return sorted(keys, key=lambda k: (isinstance(k, str), str(k).zfill(12)))
