"""Build a database with many cases and time the queries the GUI runs.

    .venv/bin/python benchmarks/bench_store.py [--cases 100000] [--db PATH]

Cases are bulk-inserted (through the same schema, triggers and FTS index) rather than
through the API one by one, which would only measure argon2 and audit hashing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")

from exportdesk.domain.workflow import STATUSES
from exportdesk.store import Store

WORDS = [
    "Institute",
    "University",
    "Laboratory",
    "Physics",
    "Materials",
    "Quantum",
    "Marine",
    "Energy",
    "Robotics",
    "Bio",
    "Nano",
    "Applied",
    "National",
    "Technical",
    "Research",
]
CITIES = [
    "Berlin",
    "Lyon",
    "Austin",
    "Delhi",
    "Hanoi",
    "Seoul",
    "Taipei",
    "Tehran",
    "Cairo",
    "Lima",
]
JA = ["研究所", "大学", "工科大学", "技術院", "科学院"]


def build(path: Path, n: int, departments: int = 20, users: int = 2000) -> Store:
    rng = random.Random(7)
    store = Store(path)
    admin = store.setup(
        name_ja="ベンチ大学",
        name_en="Bench University",
        icp_format="large",
        office_name_ja="輸出管理室",
        office_name_en="Export Control Office",
        departments=[(f"D{i:02d}", f"部局{i}", f"Dept {i}") for i in range(departments)],
        admin_login="admin",
        admin_name="Admin",
        admin_password="benchmark password",
    )
    fill(store, n, users, rng)
    store.admin = admin  # type: ignore[attr-defined]
    return store


def fill(store: Store, n: int, users: int = 2000, rng: random.Random | None = None) -> None:
    """Bulk rows on either engine: users u0…, applicant roles, n seeded cases."""
    rng = rng or random.Random(7)
    dep_ids = [d["id"] for d in store.departments()]
    with store.db.atomic():
        store.db["users"].insert_all(
            {
                "login": f"u{i}",
                "name": f"User {i}",
                "password_hash": "x",
                "created_at": "2020",
                "department_id": dep_ids[i % len(dep_ids)],
            }
            for i in range(users)
        )
        user_ids = [
            r[0] for r in store.db.execute("SELECT id FROM users WHERE login LIKE 'u%' ORDER BY id")
        ]
        store.db["user_roles"].insert_all({"user_id": u, "role": "applicant"} for u in user_ids)

        def case(i: int) -> dict:
            applicant = rng.choice(user_ids)
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(CITIES)} {i}"
            if i % 5 == 0:
                name = f"{rng.choice(CITIES)}{rng.choice(JA)}{i}"
            day = f"20{rng.randint(19, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            return {
                "ref": f"B-{i:07d}",
                "applicant_id": applicant,
                "filed_by_id": applicant,
                "department_id": dep_ids[applicant % len(dep_ids)],
                "activity": "joint_research",
                "title": f"Joint work on {rng.choice(WORDS).lower()} topic {i}",
                "counterpart_name": name,
                "counterpart_country": rng.choice(["DE", "US", "CN", "VN", "IR"]),
                "status": rng.choice(STATUSES),
                "forms_version": "2026.11",
                "created_at": day,
                "updated_at": f"{day}T{rng.randint(0, 23):02d}:00:00Z",
            }

        store.db["cases"].insert_all((case(i) for i in range(n)), batch_size=5000)


def timed(fn, repeat: int = 20) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    t0 = time.perf_counter()
    store = build(path, args.cases)
    print(
        f"built {args.cases} cases in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)"
    )
    office = store.get_user(store.admin.id)  # type: ignore[attr-defined]
    dept = store.departments()[3]["id"]
    applicant = store.get_user(
        store.db.execute("SELECT id FROM users WHERE login = 'u42'").fetchone()[0]
    )
    checks = {
        "page of 50, status=submitted + department": lambda: store.list_cases(
            office, status="submitted", department_id=dept, limit=50
        ),
        "count for that filter": lambda: store.count_cases(
            office, status="submitted", department_id=dept
        ),
        "page of 50, open statuses, sorted by ref": lambda: store.list_cases(
            office, status=["submitted", "under_review"], order_by="ref", descending=False, limit=50
        ),
        "full-text search 'Quantum Berlin' (page)": lambda: store.list_cases(
            office, search="Quantum Berlin", limit=50
        ),
        "full-text search '工科大学' (page)": lambda: store.list_cases(
            office, search="工科大学", limit=50
        ),
        "search count 'Marine'": lambda: store.count_cases(office, search="Marine"),
        "an applicant's own cases": lambda: store.list_cases(applicant, limit=50),
        "counts by status (home screen)": lambda: store.counts_by_status(office),
        "page 1000 (offset 50,000)": lambda: store.list_cases(office, limit=50, offset=50_000),
    }
    for label, fn in checks.items():
        ms, result = timed(fn)
        size = (
            result
            if isinstance(result, int)
            else len(result)
            if hasattr(result, "__len__")
            else "-"
        )
        print(f"{label:48s} {ms:8.2f} ms  ({size} rows)")


if __name__ == "__main__":
    main()
