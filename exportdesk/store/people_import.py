"""Importing people: remembered column mappings, a preview that matches existing records
by ID and name, and an import that takes every row or none."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from exportdesk.imports.people import Candidate, Table, candidates, check_mapping, guess_mapping
from exportdesk.store.base import Part
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

_MAPPINGS_KEY = "people_import_mappings"


def _signature(headers: list[str]) -> str:
    return hashlib.sha256("\x1f".join(headers).encode()).hexdigest()[:16]


class PeopleImport(Part):
    def _require_importer(self, actor: User) -> None:
        self._require(actor.has("office") or actor.has("admin"))

    # --- mappings ------------------------------------------------------------------------

    def import_mapping(self, headers: list[str]) -> dict[str, str]:
        """The mapping last confirmed for a file with these headers, else a guess."""
        row = self._row("SELECT value FROM meta WHERE key = ?", [_MAPPINGS_KEY])
        saved = json.loads(row["value"]) if row else {}
        mapping = saved.get(_signature(headers))
        if mapping and not check_mapping(mapping, headers):
            return dict(mapping)
        return guess_mapping(headers)

    def _remember_mapping(self, headers: list[str], mapping: dict[str, str]) -> None:
        row = self._row("SELECT value FROM meta WHERE key = ?", [_MAPPINGS_KEY])
        saved = json.loads(row["value"]) if row else {}
        saved[_signature(headers)] = mapping
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [_MAPPINGS_KEY, json.dumps(saved, ensure_ascii=False, sort_keys=True)],
        )

    # --- preview -------------------------------------------------------------------------

    def preview_people_import(
        self, actor: User, table: Table, mapping: dict[str, str]
    ) -> list[dict[str, Any]]:
        """Each row: line, fields, errors [(ja, en)], action new|update, matched person id."""
        from exportdesk.domain.people import default_people_rules

        self._require_importer(actor)
        problems = check_mapping(mapping, table.headers)
        if problems:
            raise StoreError(
                "invalid",
                detail={
                    "ja": "；".join(p[0] for p in problems),
                    "en": "; ".join(p[1] for p in problems),
                },
            )
        result = []
        for cand in candidates(table, mapping, default_people_rules(), self.store.departments()):
            result.append(self._match(actor, cand))
        return result

    def _match(self, actor: User, cand: Candidate) -> dict[str, Any]:
        errors = list(cand.errors)
        person_id = None
        ext = cand.fields.get("external_id")
        name = " ".join(
            x for x in (cand.fields.get("family_name"), cand.fields.get("given_name")) if x
        )
        if ext:
            ids = self.store.find_people(actor, external_id=ext)
            if len(ids) > 1:  # recorded twice before IDs were checked: which one is unclear
                errors.append(
                    (
                        f"学籍番号・職員番号 {ext} の記録が{len(ids)}件あります",
                        f"{len(ids)} records have the ID {ext}",
                    )
                )
            person_id = ids[0] if len(ids) == 1 else None
        if person_id is None and name:
            ids = self.store.find_people(actor, name=name)
            same = [
                i
                for i in ids
                if not ext
                or not self.store.person(i)["external_id"]
                or self.store.person(i)["external_id"] == ext
            ]
            if len(same) > 1:
                errors.append(
                    (
                        f"同名の記録が{len(same)}件あります：{name}",
                        f"{len(same)} records have the name {name}",
                    )
                )
            elif same:
                person_id = same[0]
        if not errors:
            try:
                before = self.store.person(person_id) if person_id else None
                self.store._check_person(cand.fields, before)
            except StoreError as exc:
                why = exc.values.get("why") or {"ja": "", "en": ""}
                errors.append(
                    ((exc.ja + " " + why["ja"]).strip(), (exc.en + " " + why["en"]).strip())
                )
        return {
            "line": cand.line,
            "fields": cand.fields,
            "errors": errors,
            "action": "update" if person_id else "new",
            "person_id": person_id,
        }

    # --- import --------------------------------------------------------------------------

    def import_people(
        self, actor: User, table: Table, mapping: dict[str, str], source: str = ""
    ) -> dict[str, int]:
        """Import every row, or none when any row has an error (StoreError import_rows)."""
        preview = self.preview_people_import(actor, table, mapping)
        bad = [r for r in preview if r["errors"]]
        if bad:
            shown = bad[:5]
            raise StoreError(
                "import_rows",
                count=len(bad),
                rows={
                    "ja": "；".join(f"{r['line']}行目：{r['errors'][0][0]}" for r in shown),
                    "en": "; ".join(f"line {r['line']}: {r['errors'][0][1]}" for r in shown),
                },
            )
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        with self.db.atomic():
            for row in preview:
                before = self.store.person(row["person_id"]) if row["person_id"] else None
                clean = self.store._check_person(row["fields"], before)
                if before is None:
                    self.store._insert_person(actor, clean)
                    counts["new"] += 1
                elif self.store._update_person(actor, before, clean):
                    counts["updated"] += 1
                else:
                    counts["unchanged"] += 1
            self._remember_mapping(table.headers, mapping)
            self._audit(
                actor,
                "import",
                "people",
                "",
                None,
                {
                    "source": Path(source).name if source else "",
                    "encoding": table.encoding,
                    **counts,
                },
            )
        return counts
