"""Time the determination engine: whole `exportdesk evaluate` processes and cases in-process.

.venv/bin/python benchmarks/bench_evaluate.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    from exportdesk.domain.catalog import load_catalog
    from exportdesk.domain.determination import evaluate_dict

    cases = [json.loads(p.read_text()) for p in sorted((ROOT / "examples").glob("case-*.json"))]
    t0 = time.perf_counter()
    catalog = load_catalog()
    load_ms = (time.perf_counter() - t0) * 1000
    n = 2000
    t0 = time.perf_counter()
    for i in range(n):
        evaluate_dict(cases[i % len(cases)], catalog)
    per_case_us = (time.perf_counter() - t0) / n * 1e6

    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "exportdesk",
                "evaluate",
                str(ROOT / "examples" / "case-02-list-tech-non-resident.json"),
            ],
            check=True,
            capture_output=True,
        )
        runs.append(time.perf_counter() - t0)
    print(f"forms load (in-process, first): {load_ms:.1f} ms")
    print(f"evaluate per case (in-process, {n} cases): {per_case_us:.0f} µs")
    median_ms = statistics.median(runs) * 1000
    print(f"exportdesk evaluate as a process: median {median_ms:.0f} ms over 5 runs")


if __name__ == "__main__":
    main()
