"""People and statistics at scale on both engines: time and the same answers.

    .venv/bin/python benchmarks/bench_campus_parts.py [--people 10000] [--cases 20000]

The same seeded people (declarations, pledges) and cases go into a SQLite file and a
throwaway PostgreSQL (tests/pg_cluster.py or EXPORTDESK_TEST_PG), the institution of
tests/campus_world.py. On PostgreSQL every call runs through the office's or the ENG
department manager's own connection, so row-level security is part of every timing.
Each answer (the people listed, the due list, the figures) must be the same on both.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A throwaway installation key and forms cache, never the user's own.
os.environ.setdefault("EXPORTDESK_KEYS", tempfile.mkdtemp(prefix="bench-keys-"))
os.environ.setdefault("EXPORTDESK_CACHE", tempfile.mkdtemp(prefix="bench-cache-"))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pg_cluster  # noqa: E402
from bench_people import COUNTRIES, FAMILY, GIVEN, STATUSES  # noqa: E402
from bench_reports import ACTIVITIES, DECISIONS  # noqa: E402

from exportdesk.domain.statistics import Period  # noqa: E402
from exportdesk.store.stats import Statistics  # noqa: E402
from tests.campus_world import per_person, person_campus  # noqa: E402
from tests.store_fixtures import make_campus  # noqa: E402


def fill(c: Any, people: int, cases: int) -> None:
    """Seeded rows written past the store (its `db`: SQLite's file, PostgreSQL's owner)."""
    rng = random.Random(7)
    db = c.store.db
    deps = [c.eng, c.sci]
    now = "2026-11-25T09:00:00.000000Z"
    rows = []
    for i in range(people):
        entry = dt.date(2022, 4, 1) + dt.timedelta(days=rng.randrange(1600))
        rows.append(
            {
                "external_id": f"S{2022000 + i}",
                "family_name": rng.choice(FAMILY),
                "given_name": rng.choice(GIVEN),
                "nationality": rng.choice(COUNTRIES),
                "entry_date": entry.isoformat(),
                "stay_until": (entry + dt.timedelta(days=365 * rng.randint(1, 5))).isoformat(),
                "status": rng.choice(STATUSES),
                "department_id": rng.choice(deps),
                "host_user_id": c.prof.id if rng.random() < 0.1 else None,
                "created_by": c.office.id,
                "created_at": now,
                "updated_at": now,
            }
        )
    with db.atomic():
        db["people"].insert_all(rows)
        ids = [r[0] for r in db.execute("SELECT id FROM people ORDER BY id")]
        db["declarations"].insert_all(
            {
                "person_id": pid,
                "declared_on": "2026-04-05",
                "category_1": 0,
                "category_2": int(rng.random() < 0.05),
                "category_3": 0,
                "recorded_at": now,
            }
            for pid in ids
            if rng.random() < 0.7
        )
        db["pledges"].insert_all(
            {
                "person_id": pid,
                "kind": "entry",
                "state": rng.choice(["requested", "received", "checked"]),
                "requested_at": now,
            }
            for pid in ids
            if rng.random() < 0.8
        )
        # What the store keeps on each person's row as it records them (_refresh_summary).
        db.execute(
            "UPDATE people SET declared_on = (SELECT x.declared_on FROM declarations x"
            " WHERE x.person_id = people.id), category_bits = (SELECT x.category_1"
            " + x.category_2 * 2 + x.category_3 * 4 FROM declarations x"
            " WHERE x.person_id = people.id)"
        )
        db.execute(
            "UPDATE people SET pledge_states = coalesce((SELECT group_concat(kind || ':' || state)"
            " FROM pledges WHERE person_id = people.id), '')"
        )

        def case(i: int) -> dict[str, Any]:
            eng = rng.random() < 0.6
            review = rng.random() < 0.3
            decision = rng.choice(DECISIONS) if review else None
            day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(700))
            decided = (day + dt.timedelta(days=rng.randint(0, 60))).isoformat() + "T18:00:00Z"
            applicant = c.prof.id if eng else c.prof_sci.id
            return {
                "ref": f"B-{i:07d}",
                "applicant_id": applicant,
                "filed_by_id": applicant,
                "department_id": c.eng if eng else c.sci,
                "activity": rng.choice(ACTIVITIES),
                "title": f"Case {i}",
                "counterpart_country": rng.choice(["DE", "US", "CN", "VN", "IR", "KP", ""]),
                "status": "under_review",
                "outcome": "office_review" if review else "no_procedure",
                "decision": decision,
                "forms_version": "2026.11",
                "created_at": day.isoformat(),
                "updated_at": day.isoformat(),
                "submitted_at": day.isoformat() + "T09:00:00Z",
                "decided_at": decided if decision else None,
            }

        db["cases"].insert_all(case(i) for i in range(cases))
    db.execute("ANALYZE")


def timed(fn: Any, repeat: int = 5) -> tuple[float, float, Any]:
    """Median wall and CPU milliseconds, and the last answer."""
    wall, cpu, result = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu), result


def checks(c: Any) -> dict[str, Any]:
    stats = per_person(c, Statistics)
    year = Period.calendar_year(2026)
    codes = {d["id"]: d["code"] for d in c.store.departments()}

    def figures(who: Any) -> Any:
        d = dataclasses.asdict(stats.summary(who, year))
        d["counts"]["department"] = {codes[k]: v for k, v in d["counts"]["department"].items()}
        for key in ("turnaround_by_department", "licences_by_department"):
            d[key] = {codes[k]: v for k, v in d[key].items()}
        return d

    def names(rows: list[dict[str, Any]]) -> list[str]:
        return [r["external_id"] for r in rows]

    return {
        "office: people, all, sorted": lambda: names(c.store.list_people(c.office)),
        "office: people, search 'wang'": lambda: names(
            c.store.list_people(c.office, search="wang")
        ),
        # Letters beyond ASCII: SQLite folds them as PostgreSQL's lower() (store/folding.py).
        "office: people, search 'MÜLLER'": lambda: names(
            c.store.list_people(c.office, search="MÜLLER")
        ),
        "ENG manager: people of ENG": lambda: names(c.store.list_people(c.manager_eng)),
        "office: due list": lambda: len(c.store.due_list(c.office)),
        "office: statistics, one year": lambda: figures(c.office),
        "ENG manager: statistics, one year": lambda: figures(c.manager_eng),
        "office: drill-down, licences": lambda: sorted(
            r["title"] for r in stats.cases_behind(c.office, year, "licence", None)
        ),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--cases", type=int, default=20_000)
    args = ap.parse_args()
    lite = make_campus(Path(tempfile.mkdtemp()) / "parts.db")
    t0 = time.perf_counter()
    fill(lite, args.people, args.cases)
    print(f"SQLite: {args.people} people, {args.cases} cases in {time.perf_counter() - t0:.0f} s")
    cluster = pg_cluster.start()
    try:
        pg = person_campus(cluster)
        t0 = time.perf_counter()
        fill(pg, args.people, args.cases)
        print(f"PostgreSQL: the same in {time.perf_counter() - t0:.0f} s")
        print(f"{'query':36s} {'SQLite ms':>18s} {'PostgreSQL ms':>18s}  (wall / CPU)")
        pg_checks = checks(pg)
        for label, fn in checks(lite).items():
            s_wall, s_cpu, s_result = timed(fn)
            p_wall, p_cpu, p_result = timed(pg_checks[label])
            same = "same" if s_result == p_result else "DIFFERENT"
            print(f"{label:36s} {s_wall:8.0f} / {s_cpu:7.0f} {p_wall:8.0f} / {p_cpu:7.0f}  {same}")
        pg.store.close()
    finally:
        lite.store.close()
        cluster.stop()


if __name__ == "__main__":
    main()
