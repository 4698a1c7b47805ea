"""What noticing a lost connection costs, and how soon a person is back after one.

    nice -n 10 .venv/bin/python benchmarks/bench_campus_outage.py [--calls 5000]

On a throwaway PostgreSQL (tests/pg_cluster.py or EXPORTDESK_TEST_PG), as the
professor of tests/campus_world.py: the median time of a small read (get_case) with
the engine's check for a dead connection (made before a call that follows
IDLE_CHECK seconds of quiet), with that check before every call, and with it skipped;
then the time from a server-ended connection to the next save completing
(the engine connects again as the same person).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
os.environ.setdefault("EXPORTDESK_KEYS", tempfile.mkdtemp(prefix="bench-keys-"))
os.environ.setdefault("EXPORTDESK_CACHE", tempfile.mkdtemp(prefix="bench-cache-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from exportdesk.store.pg.engine import PostgresEngine
from tests import pg_cluster
from tests.campus_world import pg_world
from tests.store_fixtures import plain_visit_answers


def median_us(call, n: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=5000)
    args = ap.parse_args()
    cluster = pg_cluster.start()
    try:
        w = pg_world(cluster)
        prof = w.store(w.prof)
        engine = prof.db
        assert isinstance(engine, PostgresEngine)
        case = prof.create_case(w.prof, answers=plain_visit_answers())
        read = lambda: prof.get_case(w.prof, case["id"])  # noqa: E731
        read()
        # Alternated rounds, so that a busy moment of the machine is shared fairly.
        timings: dict[str, list[float]] = {"as shipped": [], "every call": [], "never": []}
        alive = engine._alive
        order = list(timings)
        for round_ in range(6):
            for how in order[round_ % 3 :] + order[: round_ % 3]:  # each goes first in turn
                engine.IDLE_CHECK = 0.0 if how == "every call" else PostgresEngine.IDLE_CHECK
                engine._alive = (lambda: True) if how == "never" else alive  # type: ignore[method-assign]
                timings[how].append(median_us(read, args.calls // 6))
        engine.IDLE_CHECK, engine._alive = PostgresEngine.IDLE_CHECK, alive  # type: ignore[method-assign]
        print(f"get_case, median of {args.calls} calls (check for a dead connection):")
        for how, values in timings.items():
            print(f"  {how:>10}: {statistics.median(values):.0f} µs")
        back = []
        for i in range(20):
            with psycopg.connect(w.admin_dsn, autocommit=True) as su:
                su.execute("SELECT pg_terminate_backend(%s, 5000)", [engine.conn.info.backend_pid])
            time.sleep(engine.IDLE_CHECK + 0.1)  # the window sits idle; the goodbye arrives
            start = time.perf_counter()
            prof.save_draft(w.prof, case["id"], plain_visit_answers(title=f"after {i}"))
            back.append(time.perf_counter() - start)
        print(
            f"save after the server ended the connection: median {statistics.median(back) * 1000:.1f} ms,"
            f" max {max(back) * 1000:.1f} ms (20 times; connecting again included)"
        )
        w.close()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
