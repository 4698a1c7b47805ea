"""The queue's queries with 100,000 cases on both engines: time and same answers.

    .venv/bin/python benchmarks/bench_campus_queue.py [--cases 100000] [--repeat 15]

The same seeded cases go into a SQLite file (FTS5 trigram) and a throwaway PostgreSQL
(pg_trgm; tests/pg_cluster.py or EXPORTDESK_TEST_PG). Every query runs as the office,
a professor and a department manager; on PostgreSQL through each one's own connection,
so row-level security is part of every timing. Each query's result (ids in order, or
the count) must be the same on both engines. Prints the median of --repeat runs.
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


# Searches people type: words, Japanese, a reference number, and 1-2 characters (too
# short for a trigram index on either engine).
SEARCHES = ["Quantum Berlin", "工科大学", "marine", "B-0004242", "li", "研"]


def checks(store: Store, actor, dept: int) -> dict:  # type: ignore[no-untyped-def]
    def ids(rows: list[dict]) -> list[int]:
        return [r["id"] for r in rows]

    found: dict = {
        "queue first page (open, newest first)": lambda: ids(
            store.list_cases(actor, status=["submitted", "under_review"], limit=50)
        ),
        "status + department filter, page": lambda: ids(
            store.list_cases(actor, status="submitted", department_id=dept, limit=50)
        ),
        "status + department filter, count": lambda: store.count_cases(
            actor, status="submitted", department_id=dept
        ),
    }
    for text in SEARCHES:
        found[f"search {text!r}, page"] = lambda text=text: ids(
            store.list_cases(actor, search=text, limit=50)
        )
        found[f"search {text!r}, count"] = lambda text=text: store.count_cases(actor, search=text)
    return found


def median_ms(fn, repeat: int = 15) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2], result


# Who searches: the office sees every case; a professor (u42) their own; a department
# manager (m3) the cases of department 3, about one in twenty.
ROLES = ("office", "professor", "manager")
LOGINS = {"office": "admin", "professor": "u42", "manager": "m3"}


def add_manager(store: Store) -> None:
    """The manager of the fourth department, the same row on either engine."""
    dept = store.departments()[3]["id"]
    with store.db.atomic():
        user = store.db["users"].insert(
            {"login": "m3", "name": "Manager 3", "password_hash": "x", "created_at": "2020"}
        )
        store.db["user_roles"].insert(
            {"user_id": user.last_pk, "role": "dept_manager", "department_id": dept}
        )


def build_pg(cluster: pg_cluster.Cluster, n: int) -> dict[str, Store]:
    """Same rows as bench_store.build; then each searcher's own connection."""
    from exportdesk.store.pg.campus import init_campus, owner_store

    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS bench_queue")
        conn.execute("CREATE DATABASE bench_queue")
    for login in LOGINS.values():
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')
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
    add_manager(owner)
    owner.db.execute("ANALYZE")
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        for login in ("u42", "m3"):
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}' IN ROLE exportdesk_user")
    owner.close()

    def dsn(login: str) -> str:
        return f"postgresql://{login}:{quote(PASSWORD)}@{cluster.host}:{cluster.port}/bench_queue"

    return {role: Store(dsn(LOGINS[role])) for role in ROLES}


def user(store: Store, login: str):  # type: ignore[no-untyped-def]
    return store.get_user(store._row("SELECT id FROM users WHERE login = ?", [login])["id"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()

    t0 = time.perf_counter()
    sqlite = bench_store.build(Path(tempfile.mkdtemp()) / "queue.db", args.cases)
    add_manager(sqlite)
    print(f"SQLite: {args.cases} cases built in {time.perf_counter() - t0:.0f} s")
    cluster = pg_cluster.start()
    try:
        t0 = time.perf_counter()
        pg_stores = build_pg(cluster, args.cases)
        print(f"PostgreSQL: {args.cases} cases built in {time.perf_counter() - t0:.0f} s")
        dept = sqlite.departments()[3]["id"]
        assert dept == pg_stores["office"].departments()[3]["id"]
        all_same, worst = True, 0.0
        print(f"{'query':<36} {'as':<10} {'SQLite ms':>10} {'PostgreSQL ms':>14}  same (rows)")
        for role in ROLES:
            s_checks = checks(sqlite, user(sqlite, LOGINS[role]), dept)
            p_store = pg_stores[role]
            p_checks = checks(p_store, user(p_store, LOGINS[role]), dept)
            for label in s_checks:
                s_ms, s_result = median_ms(s_checks[label], args.repeat)
                p_ms, p_result = median_ms(p_checks[label], args.repeat)
                same = s_result == p_result
                all_same &= same
                worst = max(worst, s_ms, p_ms)
                size = len(s_result) if isinstance(s_result, list) else s_result
                print(f"{label:<36} {role:<10} {s_ms:>10.1f} {p_ms:>14.1f}  {same} ({size})")
        print("all results equal:", all_same, f"; slowest median {worst:.1f} ms")
        for store in pg_stores.values():
            store.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
