"""Cost of the sealed audit trail: time per audited write, `db verify` over a database of
many cases, and how long a failed sign-in takes for a known and an unknown login.

    .venv/bin/python benchmarks/bench_audit.py [--cases 2000] [--real-hash]

Cases go through the store's API (create, save, submit), so every write is sealed and
signed as in use. --real-hash uses the production argon2 settings for the sign-in timing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--real-hash", action="store_true")
    args = parser.parse_args()
    if not args.real_hash:
        os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
    folder = Path(tempfile.mkdtemp(prefix="exportdesk-bench-audit-"))
    os.environ["EXPORTDESK_KEYS"] = str(folder / "keys")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from exportdesk.store.errors import StoreError
    from tests.store_fixtures import PASSWORD, make_campus, plain_visit_answers

    campus = make_campus(folder / "bench.db")
    s = campus.store
    timings: list[float] = []
    for i in range(args.cases):
        start = time.perf_counter()
        case = s.create_case(campus.prof, answers=plain_visit_answers(title=f"Visit {i}"))
        s.save_draft(campus.prof, case["id"], plain_visit_answers(title=f"Visit {i} (2)"))
        s.submit(campus.prof, case["id"])
        timings.append((time.perf_counter() - start) / 3)
    entries = s.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    print(f"{args.cases} cases, {entries} audit entries")
    print(
        f"audited write (create/save/submit): median {statistics.median(timings) * 1000:.2f} ms,"
        f" p95 {sorted(timings)[int(len(timings) * 0.95)] * 1000:.2f} ms"
    )
    start = time.perf_counter()
    result = s.verify_audit()
    print(f"db verify: {time.perf_counter() - start:.2f} s, ok={result.ok}")
    for login in ("chief", "nobody-at-all"):
        spent = []
        for _ in range(5):
            start = time.perf_counter()
            with contextlib.suppress(StoreError):
                s.authenticate(login, "not the password")
            spent.append(time.perf_counter() - start)
        print(f"failed sign-in as {login!r}: median {statistics.median(spent) * 1000:.1f} ms")
    s.authenticate("prof", PASSWORD)  # the chief is locked by now; the others are not
    print(f"database: {(folder / 'bench.db').stat().st_size / 1e6:.1f} MB in {folder}")


if __name__ == "__main__":
    main()
