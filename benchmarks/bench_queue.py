"""The review queue at scale: open it and filter it with 100,000 cases.

.venv/bin/python benchmarks/bench_queue.py [--cases 100000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")

import bench_store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    args = ap.parse_args()
    path = Path(tempfile.mkdtemp()) / "queue.db"
    store = bench_store.build(path, args.cases)
    office = store.get_user(store.admin.id)  # type: ignore[attr-defined]

    from PySide6.QtWidgets import QApplication

    from exportdesk.gui.app import create_app
    from exportdesk.gui.review import QueuePage

    app = create_app()
    opens, filters, statuses = [], [], []
    for _ in range(5):
        t0 = time.perf_counter()
        page = QueuePage(store, office, "ja")
        page.resize(1280, 700)
        page.show()
        QApplication.processEvents()
        opens.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        page.search.setText("Quantum Berlin")
        page.apply_filters()
        QApplication.processEvents()
        filters.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        page.status_filter.setCurrentIndex(2)  # one status
        QApplication.processEvents()
        statuses.append((time.perf_counter() - t0) * 1000)
        total = page.model.total
        page.close()
    print(f"{args.cases} cases; open cases in queue at last filter: {total}")
    print(f"open the queue (model + first page + paint): median {statistics.median(opens):.0f} ms")
    print(f"text filter 'Quantum Berlin': median {statistics.median(filters):.0f} ms")
    print(f"status filter: median {statistics.median(statuses):.0f} ms")
    app.quit()


if __name__ == "__main__":
    main()
