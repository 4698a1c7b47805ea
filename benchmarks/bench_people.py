"""The People screen at scale: list, filter and sort 10,000 people (target ≤ 100 ms each).

nice -n 10 .venv/bin/python benchmarks/bench_people.py [--people 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")

from exportdesk.store import Store

COUNTRIES = ["CN", "KR", "VN", "IN", "ID", "TH", "US", "DE", "FR", "BR", "NG", "EG", "TW", "MY"]
STATUSES = ["master", "doctoral", "research_student", "postdoc", "visiting_researcher", "staff"]
FAMILY = [
    "Wang",
    "Li",
    "Zhang",
    "Kim",
    "Park",
    "Nguyen",
    "Tran",
    "Singh",
    "Patel",
    "Smith",
    "Müller",
    "Martin",
    "Silva",
    "Okafor",
    "Hassan",
    "Chen",
    "Lin",
    "Tan",
    "Lee",
    "Garcia",
]
GIVEN = ["Wei", "Min", "Anh", "Raj", "Ana", "Jo", "Lukas", "Ada", "Omar", "Mei", "Hoa", "Ji"]


def build(path: Path, count: int) -> tuple[Store, object]:
    store = Store(path)
    admin = store.setup(
        name_ja="架空工業大学",
        name_en="Example Institute of Technology",
        icp_format="small",
        office_name_ja="安全保障輸出管理室",
        office_name_en="Export Control Office",
        departments=[(f"D{i:02d}", f"部局{i}", f"Department {i}") for i in range(12)],
        admin_login="admin",
        admin_name="管理 太郎",
        admin_password="correct horse battery",
    )
    office = store.create_user(
        admin,
        login="office",
        name="輸出 花子",
        password="correct horse battery",
        roles=[("office", None)],
    )
    deps = [d["id"] for d in store.departments()]
    rng = random.Random(7)
    now = store.now()
    people = []
    for i in range(count):
        entry = dt.date(2022, 4, 1) + dt.timedelta(days=rng.randrange(1600))
        people.append(
            {
                "external_id": f"S{2022000 + i}",
                "family_name": rng.choice(FAMILY),
                "given_name": rng.choice(GIVEN),
                "name_native": "",
                "nationality": rng.choice(COUNTRIES),
                "entry_date": entry.isoformat(),
                "stay_until": (entry + dt.timedelta(days=365 * rng.randint(1, 5))).isoformat(),
                "status": rng.choice(STATUSES),
                "department_id": rng.choice(deps),
                "supervisor": f"教員 {rng.randrange(300)}",
                "email": f"p{i}@example.ac.jp",
                "created_by": office.id,
                "created_at": now,
                "updated_at": now,
            }
        )
    with store.db.atomic():
        store.db["people"].insert_all(people)
        ids = [r[0] for r in store.db.execute("SELECT id FROM people")]
        store.db["declarations"].insert_all(
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
        store.db["pledges"].insert_all(
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
        store.db.execute(
            "UPDATE people SET declared_on = x.declared_on, category_bits = x.bits"
            " FROM (SELECT person_id, declared_on, category_1 + category_2 * 2 + category_3 * 4"
            " AS bits FROM declarations) x WHERE x.person_id = people.id"
        )
        store.db.execute(
            "UPDATE people SET pledge_states = y.states FROM (SELECT person_id,"
            " group_concat(kind || ':' || state) AS states FROM pledges GROUP BY person_id) y"
            " WHERE y.person_id = people.id"
        )
    return store, office


def timed(fn, runs: int = 7) -> str:  # type: ignore[no-untyped-def]
    """Median wall and CPU time: on a shared machine the CPU time is the steadier figure."""
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return f"median {statistics.median(wall):.0f} ms wall, {statistics.median(cpu):.0f} ms CPU"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=10_000)
    args = ap.parse_args()
    store, office = build(Path(tempfile.mkdtemp()) / "people.db", args.people)

    from PySide6.QtWidgets import QApplication

    from exportdesk.gui.app import create_app
    from exportdesk.gui.people_page import PeoplePage

    app = create_app()
    print(f"{args.people} people")
    print(f"store: list all: {timed(lambda: store.list_people(office))}")
    print(f"store: search 'wang': {timed(lambda: store.list_people(office, search='wang'))}")
    # Letters beyond ASCII, folded alike on both engines (store/folding.py).
    print(f"store: search 'MÜLLER': {timed(lambda: store.list_people(office, search='MÜLLER'))}")
    if hasattr(store, "people_order"):
        print(
            f"store: ids for 'MÜLLER': {timed(lambda: store.people_order(office, search='MÜLLER'))}"
        )
    print(f"store: due list: {timed(lambda: store.due_list(office), 3)}")
    if hasattr(store, "people_order"):  # the ids in order, as the People screen reads them
        print(
            f"store: ids sorted by nationality: {timed(lambda: store.people_order(office, order_by='nationality'))}"
        )

    def open_page() -> None:
        page = PeoplePage(store, office, "ja")
        page.resize(1024, 640)
        page.show()
        QApplication.processEvents()
        page.close()

    page = PeoplePage(store, office, "ja")
    page.resize(1024, 640)
    page.show()
    QApplication.processEvents()

    def search(text: str) -> None:
        page.search.setText(text)
        page.apply_filters()
        QApplication.processEvents()

    def sort(column: int) -> None:
        page.table.sortByColumn(column, page.table.horizontalHeader().sortIndicatorOrder())
        QApplication.processEvents()

    print(f"screen: open with all people listed and painted: {timed(open_page)}")
    texts = iter(["wang", "kim s2026", "", "CN", "教員 12", "MÜLLER"] * 3)
    print(f"screen: filter (search, reload, paint): {timed(lambda: search(next(texts)))}")
    search("")
    columns = iter([0, 3, 4, 7, 10, 1, 0])  # 10: declared on
    print(f"screen: sort all by a column: {timed(lambda: sort(next(columns)))}")

    from exportdesk.gui.people_due import DuePanel

    def open_due() -> None:
        panel = DuePanel(store, office, "ja")
        panel.resize(1024, 640)
        panel.show()
        QApplication.processEvents()
        panel.close()

    print(f"screen: reminders (due list) listed and painted: {timed(open_due, 3)}")
    app.quit()


if __name__ == "__main__":
    main()
