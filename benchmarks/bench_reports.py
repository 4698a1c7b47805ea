"""Statistics and the annual report over a large database.

    .venv/bin/python benchmarks/bench_reports.py [--cases 100000] [--db PATH]

Builds cases as bench_store.py does, then gives them filing and decision dates,
outcomes, decisions, countries and End User List hits, and times the Statistics
screen's queries, its first view (widget built and shown offscreen), and the PDF.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build

from exportdesk.documents.report import annual_report_pdf
from exportdesk.domain.statistics import Period
from exportdesk.store.stats import Statistics

ACTIVITIES = [
    "joint_research",
    "visiting_researcher",
    "foreign_student_admission",
    "international_conference",
    "sending_samples",
    "technology_provision",
]
DECISIONS = [None, "no_licence_needed", "approved_with_conditions", "licence_required", "rejected"]


def enrich(store) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(11)
    ids = [r[0] for r in store.db.execute("SELECT id, updated_at FROM cases")]
    rows = store.db.execute("SELECT id, updated_at FROM cases").fetchall()
    updates = []
    for case_id, updated in rows:
        review = rng.random() < 0.3
        decision = rng.choice(DECISIONS) if review else None
        decided = None
        if decision:
            day = int(updated[8:10])
            decided = f"{updated[:8]}{min(day + rng.randint(0, 3), 28):02d}T18:00:00Z"
        hits = []
        if rng.random() < 0.05:
            hits = [
                {
                    "no": 1,
                    "score": 91,
                    "resolution": rng.choice(
                        [None, {"decision": "false_positive"}, {"decision": "true_match"}]
                    ),
                }
            ]
        updates.append(
            (
                updated,
                decided,
                "office_review" if review else "no_procedure",
                decision,
                rng.choice(ACTIVITIES),
                json.dumps({"screening": {"hits": hits}}) if hits else "{}",
                case_id,
            )
        )
    del ids
    with store.db.atomic():
        store.db.conn.executemany(
            "UPDATE cases SET submitted_at = ?, decided_at = ?, outcome = ?, decision = ?,"
            " activity = ?, review_json = ? WHERE id = ?",
            updates,
        )
    store.db.execute("ANALYZE")


def timed(fn, repeat: int = 5) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median wall-clock and CPU milliseconds (CPU time shows the work when the machine
    is shared and wall time is inflated by waiting for a core)."""
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--no-gui", action="store_true")
    args = ap.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    t0 = time.perf_counter()
    if args.db and args.db.exists():  # reuse a database an earlier run built
        from exportdesk.store import Store

        store = Store(path)
        office = store.get_user(
            store.db.execute("SELECT id FROM users WHERE login = 'admin'").fetchone()[0]
        )
        print(f"reusing {path}")
    else:
        store = build(path, args.cases)
        enrich(store)
        print(f"built {args.cases} cases in {time.perf_counter() - t0:.1f} s")
        office = store.get_user(store.admin.id)  # type: ignore[attr-defined]
    stats = Statistics(store)
    year = Period.calendar_year(2026)
    every = Period.calendar_year(2019).__class__(year.start.replace(year=2019), year.end)
    n_year = stats.summary(office, year).total
    n_all = stats.summary(office, every).total
    checks = {
        f"summary, one year ({n_year} cases)": lambda: stats.summary(office, year),
        f"summary, 2019-2026 ({n_all} cases)": lambda: stats.summary(office, every),
        "drill-down: licences, one year": lambda: stats.cases_behind(office, year, "licence", None),
        "report data, one year (ja)": lambda: stats.report_data(office, 2026, "ja"),
        "annual report PDF, one year (ja), data + PDF": lambda: annual_report_pdf(
            stats.report_data(office, 2026, "ja")
        ),
        "annual report PDF, one year (en), data + PDF": lambda: annual_report_pdf(
            stats.report_data(office, 2026, "en")
        ),
    }
    for label, fn in checks.items():
        wall, cpu = timed(fn)
        print(f"{label:52s} {wall:8.1f} ms wall {cpu:8.1f} ms CPU")
    if not args.no_gui:
        from PySide6.QtWidgets import QApplication

        from exportdesk.gui.app import install_language, register_fonts
        from exportdesk.gui.statistics import StatisticsPage

        app = QApplication.instance() or QApplication([])
        register_fonts(app)
        install_language(app, "ja")

        def first_view() -> None:
            page = StatisticsPage(store, office, "ja", year=2026)
            page.resize(1024, 640)
            page.show()
            app.processEvents()
            page.close()
            page.deleteLater()

        wall, cpu = timed(first_view)
        label = "Statistics screen first view (built, shown)"
        print(f"{label:52s} {wall:8.1f} ms wall {cpu:8.1f} ms CPU")


if __name__ == "__main__":
    main()
