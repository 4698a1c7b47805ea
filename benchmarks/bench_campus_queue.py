"""The queue's queries with 100,000 cases on both engines: time and same answers.

    .venv/bin/python benchmarks/bench_campus_queue.py [--cases 100000]

The same seeded cases go into a SQLite file (FTS5 trigram) and a throwaway PostgreSQL
(pg_trgm; tests/pg_cluster.py or EXPORTDESK_TEST_PG). On PostgreSQL the queries run
through the office's and an applicant's own connections, so row-level security is part
of every timing. Each query's result (ids in order, or the count) must be the same on
both engines.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_store  # noqa: E402
import pg_cluster  # noqa: E402
import psycopg  # noqa: E402

from exportdesk.store import Store  # noqa: E402

PASSWORD = "bench-password-2026"


def checks(store: Store, office, applicant, dept: int) -> dict:  # type: ignore[no-untyped-def]
    def ids(rows: list[dict]) -> list[int]:
        return [r["id"] for r in rows]

    return {
        "queue first page (open, newest first)": lambda: ids(
            store.list_cases(office, status=["submitted", "under_review"], limit=50)
        ),
        "status + department filter, page": lambda: ids(
            store.list_cases(office, status="submitted", department_id=dept, limit=50)
        ),
        "status + department filter, count": lambda: store.count_cases(
            office, status="submitted", department_id=dept
        ),
        "text search 'Quantum Berlin', page": lambda: ids(
            store.list_cases(office, search="Quantum Berlin", limit=50)
        ),
        "text search '工科大学', page": lambda: ids(
            store.list_cases(office, search="工科大学", limit=50)
        ),
        "text search 'marine', count": lambda: store.count_cases(office, search="marine"),
        "an applicant's own cases": lambda: ids(store.list_cases(applicant, limit=50)),
    }


def median_ms(fn, repeat: int = 15) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2], result


def build_pg(cluster: pg_cluster.Cluster, n: int) -> tuple[Store, Store]:
    """Same rows as bench_store.build, then the office's and u42's own connections."""
    from exportdesk.store.pg.campus import init_campus, owner_store

    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS bench_queue")
        conn.execute("CREATE DATABASE bench_queue")
    for role in ("admin", "u42"):
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')
    admin_dsn = cluster.dsn("bench_queue")
    from exportdesk.domain.profile import parse_profile

    init_campus(
        admin_dsn,
        parse_profile(
            {
                "name": {"ja": "ベンチ大学", "en": "Bench University"},
                "president_title": {"ja": "学長", "en": "President"},
                "chief_manager_post": {"ja": "理事", "en": "VP"},
                "office_name": {"ja": "輸出管理室", "en": "Export Control Office"},
                "effective_date": "2027-04-01",
                "icp_format": "large",
                "departments": [
                    {"code": f"D{i:02d}", "ja": f"部局{i}", "en": f"Dept {i}"} for i in range(20)
                ],
            }
        ),
        admin_login="admin",
        admin_name="Admin",
        admin_password=PASSWORD,
    )
    owner = owner_store(admin_dsn)
    bench_store.fill(owner, n)
    owner.db.execute("ANALYZE")
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE u42 LOGIN PASSWORD '{PASSWORD}' IN ROLE exportdesk_user")
    owner.close()

    def dsn(login: str) -> str:
        return f"postgresql://{login}:{quote(PASSWORD)}@{cluster.host}:{cluster.port}/bench_queue"

    return Store(dsn("admin")), Store(dsn("u42"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    sqlite = bench_store.build(Path(tempfile.mkdtemp()) / "queue.db", args.cases)
    print(f"SQLite: {args.cases} cases built in {time.perf_counter() - t0:.0f} s")
    cluster = pg_cluster.start()
    try:
        t0 = time.perf_counter()
        pg_office_store, pg_applicant_store = build_pg(cluster, args.cases)
        print(f"PostgreSQL: {args.cases} cases built in {time.perf_counter() - t0:.0f} s")

        def users(store: Store, applicant_store: Store):  # type: ignore[no-untyped-def]
            office = store.get_user(store._row("SELECT id FROM users WHERE login = 'admin'")["id"])
            applicant = applicant_store.get_user(
                applicant_store._row("SELECT id FROM users WHERE login = 'u42'")["id"]
            )
            dept = store.departments()[3]["id"]
            return office, applicant, dept

        s_office, s_applicant, s_dept = users(sqlite, sqlite)
        p_office, p_applicant, p_dept = users(pg_office_store, pg_applicant_store)
        s_checks = checks(sqlite, s_office, s_applicant, s_dept)
        p_office_checks = checks(pg_office_store, p_office, p_applicant, p_dept)
        p_applicant_checks = checks(pg_applicant_store, p_office, p_applicant, p_dept)
        print(f"{'query':<42} {'SQLite ms':>10} {'PostgreSQL ms':>14}  same result")
        all_same = True
        for label in s_checks:
            s_ms, s_result = median_ms(s_checks[label])
            pg = p_applicant_checks if "applicant" in label else p_office_checks
            p_ms, p_result = median_ms(pg[label])
            same = s_result == p_result
            all_same &= same
            size = len(s_result) if isinstance(s_result, list) else s_result
            print(f"{label:<42} {s_ms:>10.1f} {p_ms:>14.1f}  {same} ({size})")
        print("all results equal:", all_same)
        pg_office_store.close()
        pg_applicant_store.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
