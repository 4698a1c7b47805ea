"""Statistics for the office's reports: tallies of cases for a period, review
turnaround, End User List hits, licences, and the survey of foreign people.

Read-only queries. The period is by filing date (`submitted_at`, the latest
submission of a case); drafts never filed are not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from exportdesk.domain.statistics import (
    TURNAROUND_EDGES,
    Period,
    Turnaround,
    histogram,
    turnaround,
)
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

if TYPE_CHECKING:
    from exportdesk.store.service import Store

DIMENSIONS = ("activity", "outcome", "decision", "country_group", "department", "month")
NONE_KEY = ""  # a case without a value in that dimension (no decision yet, no country)
EUL_RESOLUTIONS = ("true_match", "false_positive", "unresolved")


@dataclass
class Summary:
    period: Period
    total: int = 0
    counts: dict[str, dict[Any, int]] = field(default_factory=dict)
    activity_by_month: dict[str, Counter[str]] = field(default_factory=dict)
    group_by_outcome: dict[str, Counter[str]] = field(default_factory=dict)
    turnaround_all: Turnaround = field(default_factory=lambda: turnaround([]))
    turnaround_by_department: dict[int, Turnaround] = field(default_factory=dict)
    turnaround_histogram: list[int] = field(default_factory=list)
    eul_cases: int = 0
    eul_hits: dict[str, int] = field(default_factory=dict)
    licences: int = 0
    licences_by_department: dict[int, int] = field(default_factory=dict)


class Statistics:
    """Figures over the cases `actor` may see (the office: all; a manager: their departments)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def _scope(self, actor: User | None) -> tuple[str, list[Any]]:
        if actor is not None and not (actor.sees_all_cases or actor.managed_departments()):
            raise StoreError("forbidden")
        return self.store._visibility_sql(actor)

    def departments(self, actor: User | None) -> list[dict[str, Any]]:
        """Departments shown in the tables: all for the office, own for a manager."""
        rows = self.store.departments()
        if actor is None or actor.sees_all_cases:
            return rows
        mine = actor.managed_departments()
        return [d for d in rows if d["id"] in mine]

    def summary(self, actor: User | None, period: Period) -> Summary:
        where, params = self._scope(actor)
        bounds = [period.lower, period.upper]
        catalog = self.store.catalog
        out = Summary(period)
        counts: dict[str, Counter[Any]] = {d: Counter() for d in DIMENSIONS}
        by_month: dict[str, Counter[str]] = defaultdict(Counter)
        group_outcome: dict[str, Counter[str]] = defaultdict(Counter)
        # One pass over the period's cases, grouped on every dimension at once; the
        # (few thousand) combinations are then folded here.
        rows = self.db.execute(
            "SELECT c.activity, c.outcome, c.decision, c.counterpart_country, c.department_id,"
            " substr(c.submitted_at, 1, 7), count(*) FROM cases c"
            f" WHERE c.submitted_at >= ? AND c.submitted_at < ? AND {where}"
            " GROUP BY 1, 2, 3, 4, 5, 6",
            [*bounds, *params],
        )
        group_of = catalog.group_of_country
        for activity, outcome, decision, country, dept, month, n in rows:
            group = group_of.get(country, "general") if country else NONE_KEY
            keys = {
                "activity": activity or NONE_KEY,
                "outcome": outcome or NONE_KEY,
                "decision": decision or NONE_KEY,
                "country_group": group,
                "department": dept,
                "month": month,
            }
            for dim, key in keys.items():
                counts[dim][key] += n
            by_month[month][activity or NONE_KEY] += n
            group_outcome[group][outcome or NONE_KEY] += n
            out.total += n
        # Empty months and departments without cases are shown as zeros, not left out.
        for month in period.months():
            counts["month"].setdefault(month, 0)
            by_month.setdefault(month, Counter())
        for dept in self.departments(actor):
            counts["department"].setdefault(dept["id"], 0)
        out.counts = {d: dict(c) for d, c in counts.items()}
        out.counts["month"] = dict(sorted(out.counts["month"].items()))
        out.activity_by_month = dict(sorted(by_month.items()))
        out.group_by_outcome = dict(group_outcome)

        days: dict[int | None, list[float]] = defaultdict(list)
        for dept, span in self.db.execute(
            "SELECT c.department_id, julianday(c.decided_at) - julianday(c.submitted_at)"
            " FROM cases c WHERE c.submitted_at >= ? AND c.submitted_at < ?"
            f" AND c.decided_at IS NOT NULL AND {where}",
            [*bounds, *params],
        ):
            days[dept].append(max(span, 0.0))
        every = [d for values in days.values() for d in values]
        out.turnaround_all = turnaround(every)
        out.turnaround_histogram = histogram(every, TURNAROUND_EDGES)
        out.turnaround_by_department = {
            d["id"]: turnaround(days.get(d["id"], [])) for d in self.departments(actor)
        }
        if days.get(None):
            out.turnaround_by_department[0] = turnaround(days[None])

        hits: Counter[str] = Counter()
        for (resolution,) in self.db.execute(
            "SELECT json_extract(h.value, '$.resolution.decision') FROM cases c,"
            " json_each(c.review_json, '$.screening.hits') h"
            " WHERE c.submitted_at >= ? AND c.submitted_at < ?"
            f" AND instr(c.review_json, '\"hits\"') > 0 AND {where}",
            [*bounds, *params],
        ):
            hits[resolution if resolution in EUL_RESOLUTIONS else "unresolved"] += 1
        out.eul_cases = int(
            self.db.execute(
                "SELECT count(*) FROM cases c WHERE c.submitted_at >= ? AND c.submitted_at < ?"
                " AND instr(c.review_json, '\"hits\"') > 0"
                " AND json_array_length(c.review_json, '$.screening.hits') > 0"
                f" AND {where}",
                [*bounds, *params],
            ).fetchone()[0]
        )
        out.eul_hits = {r: hits.get(r, 0) for r in EUL_RESOLUTIONS}
        out.licences = out.counts["decision"].get("licence_required", 0)
        lic: Counter[int] = Counter()
        for dept, n in self.db.execute(
            "SELECT c.department_id, count(*) FROM cases c WHERE c.submitted_at >= ?"
            f" AND c.submitted_at < ? AND c.decision = 'licence_required' AND {where}"
            " GROUP BY 1",
            [*bounds, *params],
        ):
            lic[dept or 0] += n
        out.licences_by_department = dict(lic)
        return out

    # --- drill down -------------------------------------------------------------------

    def cases_behind(
        self,
        actor: User | None,
        period: Period,
        dimension: str,
        key: Any,
        *,
        limit: int = 500,
    ) -> list[dict[str, Any]]:
        """The cases counted in one bar or cell (newest filing first, up to `limit`)."""
        where, params = self._scope(actor)
        clauses = ["c.submitted_at >= ?", "c.submitted_at < ?", where]
        args: list[Any] = [period.lower, period.upper, *params]
        column = {
            "activity": "c.activity",
            "outcome": "c.outcome",
            "decision": "c.decision",
            "department": "c.department_id",
        }
        if dimension in column:
            if key in (NONE_KEY, None):
                clauses.append(f"({column[dimension]} IS NULL OR {column[dimension]} = '')")
            else:
                clauses.append(f"{column[dimension]} = ?")
                args.append(key)
        elif dimension == "month":
            clauses.append("substr(c.submitted_at, 1, 7) = ?")
            args.append(str(key))
        elif dimension == "country_group":
            clauses.append(self._group_clause(str(key), args))
        elif dimension == "licence":
            clauses.append("c.decision = 'licence_required'")
        elif dimension == "eul_hit":
            clauses.append(
                "instr(c.review_json, '\"hits\"') > 0"
                " AND json_array_length(c.review_json, '$.screening.hits') > 0"
            )
        else:
            raise StoreError("invalid", detail=f"dimension {dimension}")
        sql = (
            "SELECT c.id, c.ref, c.status, c.activity, c.title, c.counterpart_name,"
            " c.counterpart_country, c.outcome, c.decision, c.department_id, c.submitted_at,"
            " c.decided_at FROM cases c WHERE "
            + " AND ".join(clauses)
            + " ORDER BY c.submitted_at DESC, c.id DESC LIMIT ?"
        )
        return self.store._rows(sql, [*args, limit])

    def _group_clause(self, group: str, args: list[Any]) -> str:
        group_of = self.store.catalog.group_of_country
        if group == NONE_KEY:
            return "c.counterpart_country = ''"
        if group == "general":
            named = sorted(code for code, g in group_of.items() if g != "general")
            args.extend(named)
            marks = ",".join("?" * len(named))
            return f"c.counterpart_country <> '' AND c.counterpart_country NOT IN ({marks})"
        codes = sorted(code for code, g in group_of.items() if g == group)
        if not codes:
            raise StoreError("invalid", detail=f"country group {group}")
        args.extend(codes)
        return f"c.counterpart_country IN ({','.join('?' * len(codes))})"

    # --- names ------------------------------------------------------------------------

    def label(self, dimension: str, key: Any, lang: str) -> str:
        """A bar's or row's name in the user's language, from the forms and departments."""
        catalog = self.store.catalog
        none = {"ja": "（未記録）", "en": "(not recorded)"}
        if key in (NONE_KEY, None) and dimension != "department":
            if dimension == "decision":
                return "（未判断）" if lang == "ja" else "(no decision yet)"
            return none[lang if lang in none else "en"]
        if dimension == "activity":
            act = catalog.activity_by_id.get(key)
            return act.name.get(lang) if act else str(key)
        if dimension == "outcome":
            text = catalog.determination.outcomes.get(key)
            return text.get(lang) if text else str(key)
        if dimension == "decision":
            dec = catalog.decision_by_id.get(key)
            return dec.text.get(lang) if dec else str(key)
        if dimension == "country_group":
            grp = catalog.group_by_id.get(key)
            return grp.short.get(lang) if grp else str(key)
        if dimension == "department":
            for d in self.store.departments():
                if d["id"] == key:
                    return d["name_ja"] if lang == "ja" else d["name_en"]
            return "（部局なし）" if lang == "ja" else "(no department)"
        if dimension == "eul":
            return {
                "true_match": ("該当と確認", "Confirmed match"),
                "false_positive": ("誤検知として解消", "Dismissed as false positive"),
                "unresolved": ("未解消", "Not yet resolved"),
            }[key][0 if lang == "ja" else 1]
        return str(key)

    # --- survey of foreign people ---------------------------------------------------------

    def survey(self, actor: User | None, reference: dt.date) -> list[dict[str, Any]]:
        """Foreign people on the records at `reference`: counts by nationality, status and
        department. A person counts from their entry date (unknown: counted) until a
        leaving date where the people records keep one."""
        if actor is not None and not actor.sees_all_cases:
            raise StoreError("forbidden")
        columns = {c.name for c in self.db["people"].columns}
        clauses = ["p.nationality <> 'JP'", "(p.entry_date IS NULL OR p.entry_date <= ?)"]
        args: list[Any] = [reference.isoformat()]
        for leaving in ("leave_date", "left_on", "end_date", "departure_date"):
            if leaving in columns:
                clauses.append(f"(p.{leaving} IS NULL OR p.{leaving} = '' OR p.{leaving} >= ?)")
                args.append(reference.isoformat())
                break
        return self.store._rows(
            "SELECT p.nationality, p.status, p.department_id, count(*) AS n FROM people p"
            f" WHERE {' AND '.join(clauses)} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            args,
        )
