"""Statistics for the office's reports: tallies of cases for a period, review
turnaround, End User List hits, licences, and the survey of foreign people.

Read-only queries. The period is by filing date (`submitted_at`, the latest
submission of a case); drafts never filed are not counted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from exportdesk.domain.annual_report import Chart, ReportData, Row, Table, check_text
from exportdesk.domain.statistics import (
    TURNAROUND_EDGES,
    Period,
    PeriodError,
    Turnaround,
    bin_labels,
    check_year,
    histogram,
    turnaround,
)
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

if TYPE_CHECKING:
    from exportdesk.store.service import Store

DIMENSIONS = ("activity", "outcome", "decision", "country_group", "department", "month")
NONE_KEY = ""  # a case without a value in that dimension (no decision yet, no country)
# The same expression as the partial index cases_eul (schema 9), so the planner uses it.
# A cheap text prefilter for cases that may hold End User List hits (the hits themselves
# are read in Python, so this stays plain SQL on either engine); cases screened without
# a hit ("hits": []) are skipped when the JSON is spaced as the store writes it.
EUL_ROWS = "c.review_json LIKE '%\"hits\"%' AND c.review_json NOT LIKE '%\"hits\": []%'"
EUL_RESOLUTIONS = ("true_match", "false_positive", "unresolved")


def _days_between(start: str, end: str) -> float:
    """Days between two stored ISO timestamps (UTC, 'Z' or an offset)."""
    a = dt.datetime.fromisoformat(start.replace("Z", "+00:00"))
    b = dt.datetime.fromisoformat(end.replace("Z", "+00:00"))
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return (b - a).total_seconds() / 86400


def _hits(review_json: str | None) -> list[dict[str, Any]]:
    """The End User List hits recorded on a case's review (empty when none)."""
    try:
        review = json.loads(review_json or "{}")
    except ValueError:
        return []
    screening = review.get("screening") if isinstance(review, dict) else None
    found = screening.get("hits") if isinstance(screening, dict) else None
    return [h for h in found if isinstance(h, dict)] if isinstance(found, list) else []


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
        # Three narrow groupings, each a scan of the covering index cases_stats; one
        # grouping over every column at once multiplies the combinations instead.
        period_sql = f"FROM cases c WHERE c.submitted_at >= ? AND c.submitted_at < ? AND {where}"
        args = [*bounds, *params]
        for activity, month, n in self.db.execute(
            f"SELECT c.activity, substr(c.submitted_at, 1, 7), count(*) {period_sql} GROUP BY 1, 2",
            args,
        ):
            counts["activity"][activity or NONE_KEY] += n
            counts["month"][month] += n
            by_month[month][activity or NONE_KEY] += n
            out.total += n
        group_of = catalog.group_of_country
        for country, outcome, n in self.db.execute(
            f"SELECT c.counterpart_country, c.outcome, count(*) {period_sql} GROUP BY 1, 2", args
        ):
            group = group_of.get(country, "general") if country else NONE_KEY
            counts["country_group"][group] += n
            counts["outcome"][outcome or NONE_KEY] += n
            group_outcome[group][outcome or NONE_KEY] += n
        lic: Counter[int] = Counter()
        for dept, decision, n in self.db.execute(
            f"SELECT c.department_id, c.decision, count(*) {period_sql} GROUP BY 1, 2", args
        ):
            counts["department"][dept] += n
            counts["decision"][decision or NONE_KEY] += n
            if decision == "licence_required":
                lic[dept or 0] += n
        out.licences_by_department = dict(lic)
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
        for dept, submitted, decided in self.db.execute(
            "SELECT c.department_id, c.submitted_at, c.decided_at"
            " FROM cases c WHERE c.submitted_at >= ? AND c.submitted_at < ?"
            f" AND c.decided_at IS NOT NULL AND {where}",
            [*bounds, *params],
        ):
            days[dept].append(max(_days_between(submitted, decided), 0.0))
        every = [d for values in days.values() for d in values]
        out.turnaround_all = turnaround(every)
        out.turnaround_histogram = histogram(every, TURNAROUND_EDGES)
        out.turnaround_by_department = {
            d["id"]: turnaround(days.get(d["id"], [])) for d in self.departments(actor)
        }
        if days.get(None):
            out.turnaround_by_department[0] = turnaround(days[None])

        hits: Counter[str] = Counter()
        for (review_json,) in self.db.execute(
            "SELECT c.review_json FROM cases c WHERE c.submitted_at >= ? AND c.submitted_at < ?"
            f" AND {EUL_ROWS} AND {where}",
            [*bounds, *params],
        ):
            found = _hits(review_json)
            out.eul_cases += bool(found)
            for hit in found:
                decision = (hit.get("resolution") or {}).get("decision")
                hits[decision if decision in EUL_RESOLUTIONS else "unresolved"] += 1
        out.eul_hits = {r: hits.get(r, 0) for r in EUL_RESOLUTIONS}
        out.licences = out.counts["decision"].get("licence_required", 0)
        return out

    # --- drill down -------------------------------------------------------------------

    def cases_behind(
        self,
        actor: User | None,
        period: Period,
        dimension: str,
        key: Any,
        *,
        also: tuple[str, Any] | None = None,
        limit: int = 500,
    ) -> list[dict[str, Any]]:
        """The cases counted in one bar or cell (newest filing first, up to `limit`);
        `also` narrows by a second dimension (licences of one department, say)."""
        where, params = self._scope(actor)
        clauses = ["c.submitted_at >= ?", "c.submitted_at < ?", where]
        args: list[Any] = [period.lower, period.upper, *params]
        for dim, value in [(dimension, key), *([also] if also else [])]:
            clauses.append(self._dimension_clause(dim, value, args))
        with_hits = "eul_hit" in (dimension, also[0] if also else None)
        sql = (
            "SELECT c.id, c.ref, c.status, c.activity, c.title, c.counterpart_name,"
            " c.counterpart_country, c.outcome, c.decision, c.department_id, c.submitted_at,"
            " c.decided_at"
            + (", c.review_json" if with_hits else "")
            + " FROM cases c WHERE "
            + " AND ".join(clauses)
            + " ORDER BY c.submitted_at DESC, c.id DESC"
        )
        if not with_hits:
            return self.store._rows(sql + " LIMIT ?", [*args, limit])
        # The text prefilter may let through a case whose hits list is empty.
        rows = [r for r in self.store._rows(sql, args) if _hits(r.pop("review_json"))]
        return rows[:limit]

    def _dimension_clause(self, dimension: str, key: Any, args: list[Any]) -> str:
        column = {
            "activity": "c.activity",
            "outcome": "c.outcome",
            "decision": "c.decision",
            "department": "c.department_id",
        }
        if dimension in column:
            if key in (NONE_KEY, None):
                return f"({column[dimension]} IS NULL OR {column[dimension]} = '')"
            args.append(key)
            return f"{column[dimension]} = ?"
        if dimension == "month":
            args.append(str(key))
            return "substr(c.submitted_at, 1, 7) = ?"
        if dimension == "country_group":
            return self._group_clause(str(key), args)
        if dimension == "licence":
            return "c.decision = 'licence_required'"
        if dimension == "eul_hit":
            return EUL_ROWS
        raise StoreError("invalid", detail=f"dimension {dimension}")

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
        department. A person counts from their entry date (unknown: from the start of their
        period of stay; neither: counted) until a leaving date where the records keep one."""
        if actor is not None and not actor.sees_all_cases:
            raise StoreError("forbidden")
        columns = {c[0] for c in self.db.execute("SELECT * FROM people LIMIT 0").description}
        clauses = ["p.nationality <> 'JP'", "(p.entry_date IS NULL OR p.entry_date <= ?)"]
        args: list[Any] = [reference.isoformat()]
        if "stay_from" in columns:  # not yet entered: counted once the planned stay begins
            clauses.append(
                "(coalesce(p.entry_date, '') <> '' OR coalesce(p.stay_from, '') = ''"
                " OR p.stay_from <= ?)"
            )
            args.append(reference.isoformat())
        for leaving in ("stay_until", "leave_date"):
            if leaving in columns:
                clauses.append(f"(p.{leaving} IS NULL OR p.{leaving} = '' OR p.{leaving} >= ?)")
                args.append(reference.isoformat())
                break
        return self.store._rows(
            "SELECT p.nationality, p.status, p.department_id, count(*) AS n FROM people p"
            f" WHERE {' AND '.join(clauses)} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            args,
        )

    # --- the annual report ------------------------------------------------------------------

    def report_texts(self, year: int, lang: str) -> dict[str, str]:
        """The office's own text per section (sections it has not written are absent)."""
        return {
            section: body
            for section, body in self.db.execute(
                "SELECT section, body FROM report_texts WHERE year = ? AND lang = ?", [year, lang]
            )
        }

    def save_report_text(
        self, actor: User | None, year: int, lang: str, section: str, body: str
    ) -> None:
        """Save (or, with an empty body, drop back to the drafted default) one section's text."""
        if actor is not None and not (actor.has("office") or actor.has("admin")):
            raise StoreError("forbidden")
        if lang not in ("ja", "en"):
            raise StoreError("invalid", detail="lang")
        try:
            check_year(year)
            text = check_text(section, body)
        except (ValueError, PeriodError) as exc:
            raise StoreError("invalid", detail=str(exc)) from None
        before = self.report_texts(year, lang).get(section)
        if before == (text or None):
            return
        with self.db.atomic():
            if text:
                self.db.execute(
                    "INSERT INTO report_texts (year, lang, section, body, updated_by, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, lang, section) DO UPDATE SET"
                    " body = excluded.body, updated_by = excluded.updated_by,"
                    " updated_at = excluded.updated_at",
                    [year, lang, section, text, actor.id if actor else None, self.store.now()],
                )
            else:
                self.db.execute(
                    "DELETE FROM report_texts WHERE year = ? AND lang = ? AND section = ?",
                    [year, lang, section],
                )
            self.store._audit(
                actor,
                "report_text",
                "report",
                f"{year}/{lang}/{section}",
                {"body": before},
                {"body": text or None},
            )

    def report_data(
        self, actor: User | None, year: int, lang: str, period: Period | None = None
    ) -> ReportData:
        """Everything the annual report prints, in `lang`, for the calendar year (or `period`)."""
        period = period or Period.calendar_year(year)
        s = self.summary(actor, period)
        inst = self.store.institution() or {}
        ja = lang == "ja"

        def lab(dim: str, key: Any) -> str:
            return self.label(dim, key, lang)

        def share(n: int) -> str:
            return f"{n / s.total:.0%}" if s.total else "–"

        def days(v: float | None) -> str:
            return "–" if v is None else f"{v:.1f}"

        count_h = "件数" if ja else "Cases"
        share_h = "割合" if ja else "Share"

        def table(dim: str, head: str) -> Table:
            items = sorted(s.counts[dim].items(), key=lambda kv: (-kv[1], lab(dim, kv[0])))
            return Table(
                [head, count_h, share_h],
                [Row(lab(dim, k), [str(n), share(n)]) for k, n in items],
                "64,18,18",
            )

        outcomes = sorted(k for k in s.counts["outcome"] if k)
        months = list(s.counts["month"])
        month_labels = [m[5:].lstrip("0") + ("月" if ja else "") for m in months]
        activities = sorted(s.counts["activity"], key=lambda k: -s.counts["activity"][k])
        groups = sorted(s.counts["country_group"], key=lambda k: -s.counts["country_group"][k])
        depts = self.departments(actor)
        dept_rows = [
            Row(
                d["name_ja"] if ja else d["name_en"],
                [
                    str(s.counts["department"].get(d["id"], 0)),
                    str(s.licences_by_department.get(d["id"], 0)),
                    str(s.turnaround_by_department[d["id"]].count),
                    days(s.turnaround_by_department[d["id"]].median),
                    days(s.turnaround_by_department[d["id"]].p90),
                ],
            )
            for d in depts
        ]
        data = ReportData(
            lang=lang,
            year=year,
            institution=str(inst.get("name_ja" if ja else "name_en", "")),
            office=str(inst.get("office_name_ja" if ja else "office_name_en", "")),
            period_text=(
                f"{period.start.year}年{period.start.month}月{period.start.day}日～"
                f"{period.end.year}年{period.end.month}月{period.end.day}日"
                if ja
                else f"{period.start.isoformat()} to {period.end.isoformat()}"
            ),
            prepared_on=self.store.clock().date().isoformat(),
            total=s.total,
        )
        data.tables = {
            "overview": [
                table("outcome", "判定結果" if ja else "Outcome"),
                table("decision", "審査の判断" if ja else "Decision"),
            ],
            "activities": [table("activity", "活動" if ja else "Activity")],
            "countries": [table("country_group", "国グループ" if ja else "Country group")],
            "departments": [
                Table(
                    ["部局", "件数", "許可申請", "審査済", "中央値(日)", "90%値(日)"]
                    if ja
                    else [
                        "Department",
                        "Cases",
                        "Licences",
                        "Decided",
                        "Median (d)",
                        "90th pct (d)",
                    ],
                    dept_rows,
                    "40,12,12,12,12,12",
                )
            ],
            "turnaround": [
                Table(
                    ["全体", "審査済", "中央値(日)", "90%値(日)"]
                    if ja
                    else ["All", "Decided", "Median (d)", "90th pct (d)"],
                    [
                        Row(
                            "全部局" if ja else "All departments",
                            [
                                str(s.turnaround_all.count),
                                days(s.turnaround_all.median),
                                days(s.turnaround_all.p90),
                            ],
                        )
                    ],
                    "40,20,20,20",
                )
            ],
            "screening": [
                Table(
                    ["照合結果", "ヒット数"] if ja else ["Resolution", "Hits"],
                    [Row(lab("eul", k), [str(n)]) for k, n in s.eul_hits.items()],
                    "70,30",
                )
            ],
            "licences": [
                Table(
                    ["部局", "許可申請"] if ja else ["Department", "Licence applications"],
                    [
                        Row(
                            d["name_ja"] if ja else d["name_en"],
                            [str(s.licences_by_department.get(d["id"], 0))],
                        )
                        for d in depts
                    ],
                    "70,30",
                )
            ],
        }
        data.charts = {
            "months": Chart(
                month_labels,
                [
                    (lab("activity", a), [s.activity_by_month[m].get(a, 0) for m in months])
                    for a in activities
                ],
            ),
            "activities": Chart(
                [lab("activity", a) for a in activities],
                [(count_h, [s.counts["activity"][a] for a in activities])],
                horizontal=True,
            ),
            "countries": Chart(
                [lab("country_group", g) for g in groups],
                [
                    (
                        lab("outcome", o),
                        [s.group_by_outcome.get(g, Counter()).get(o, 0) for g in groups],
                    )
                    for o in outcomes
                ],
            ),
            "turnaround": Chart(
                bin_labels(TURNAROUND_EDGES, lang),
                [(count_h, s.turnaround_histogram)],
            ),
        }
        review = s.counts["outcome"].get("office_review", 0)
        hits = sum(s.eul_hits.values())
        if ja:
            data.default_texts = {
                "overview": f"{data.period_text}に提出された案件は{s.total}件で、うち"
                f"{review}件が輸出管理担当部署の審査に回された。",
                "activities": "活動の種類ごとの件数を示す。",
                "countries": "相手方の所在する国・地域を輸出令の国グループに分けて示す。",
                "departments": f"審査期間（提出から判断まで）の中央値は"
                f"{days(s.turnaround_all.median)}日、90%値は{days(s.turnaround_all.p90)}日であった。",
                "turnaround": "審査を終えた案件の審査期間の分布を示す。",
                "screening": f"外国ユーザーリストとの照合で{s.eul_cases}件の案件に"
                f"計{hits}件のヒットがあり、未解消は{s.eul_hits['unresolved']}件である。",
                "licences": "経済産業大臣への許可申請が必要と判断した案件は"
                f"{s.licences}件であった。",
            }
        else:
            data.default_texts = {
                "overview": f"From {data.period_text}, {s.total} cases were filed; {review} of"
                " them were sent to the export control office for review.",
                "activities": "The number of cases for each kind of activity.",
                "countries": "Counterparts' countries grouped by the Export Trade Control"
                " Order's country groups.",
                "departments": "The review time (filing to decision) had a median of"
                f" {days(s.turnaround_all.median)} days and a 90th percentile of"
                f" {days(s.turnaround_all.p90)} days.",
                "turnaround": "How long the decided cases took from filing to decision.",
                "screening": f"Screening against the End User List found {hits} hit(s) in"
                f" {s.eul_cases} case(s); {s.eul_hits['unresolved']} remain unresolved.",
                "licences": f"A licence application to METI was found necessary in"
                f" {s.licences} case(s).",
            }
        data.texts = self.report_texts(year, lang)
        return data
