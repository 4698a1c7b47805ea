"""Campus load: many client processes filing, reviewing and approving against one PostgreSQL.

    .venv/bin/python benchmarks/bench_campus_load.py [--clients 50] [--seconds 120]

Starts a throwaway cluster (tests/pg_cluster.py; or EXPORTDESK_TEST_PG=postgresql://…),
sets up the sample institution with `campus init` / `campus add-user` (small ICP format:
office, then chief), and runs `--clients` processes, each signed in as its own
PostgreSQL role through the store:
- professors (most clients) create a case and submit it, again and again;
- office clients take the oldest submitted case, record a decision and sign the
  office step;
- chief clients sign the chief step of cases the office has signed.
Two clients may race for the same case; the loser's refusal saying so (the case moved
on, or a colleague signed the step first) is counted as a conflict, not an error.
Errors are anything else a user would see, a bare refusal by the server's guard too:
the store should have said what happened.

Afterwards (as the owner): every acknowledged case and approval is in the database
(lost writes), reference numbers are unique, and the audit chain verifies. Prints
throughput and p50/p95 latency per operation.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

PASSWORD = "bench-password-2026"
CONFLICTS = {"bad_transition", "not_editable", "already_approved_step", "step_signed"}


def answers(n: int) -> dict:
    from exportdesk.store.sample import visit_answers

    return visit_answers(title=f"Load test visit {n}", counterpart_name=f"Partner {n % 97}")


def worker(kind: str, dsn: str, login: str, seconds: float, out: mp.Queue) -> None:
    from store_fixtures import ready_for_decision

    from exportdesk.store import Store, StoreError

    store = Store(dsn)
    me = store.authenticate(login, PASSWORD)
    latencies: dict[str, list[float]] = {}
    acked: dict[str, list[int]] = {"submitted": [], "office": [], "chief": []}
    errors: list[str] = []
    conflicts: dict[str, int] = {}
    n = 0

    def timed(op: str, call, *a, **kw):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = call(*a, **kw)
        latencies.setdefault(op, []).append(time.perf_counter() - start)
        return result

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        n += 1
        try:
            if kind == "prof":
                case = timed("create", store.create_case, me, answers=answers(n))
                timed("submit", store.submit, me, case["id"])
                acked["submitted"].append(case["id"])
            elif kind == "office":
                page = timed(
                    "queue",
                    lambda: store.list_cases(
                        me, status="submitted", limit=20, order_by="submitted_at", descending=False
                    ),
                )
                if not page:
                    time.sleep(0.05)
                    continue
                case_id = page[n % len(page)]["id"]
                timed("review", store.take_for_review, me, case_id)
                timed("prepare", ready_for_decision, store, me, case_id)
                timed(
                    "decide",
                    store.record_decision,
                    me,
                    case_id,
                    "no_licence_needed",
                    "publicly available only",
                )
                timed("approve", store.approve, me, case_id)
                acked["office"].append(case_id)
            else:
                page = timed("queue", lambda: store.list_cases(me, status="under_review", limit=50))
                ready = [c for c in page if c["decision"]]
                if not ready:
                    time.sleep(0.05)
                    continue
                case_id = ready[n % len(ready)]["id"]
                if store.pending_step(case_id) != ("chief", "chief_manager"):
                    continue
                timed("approve", store.approve, me, case_id)
                acked["chief"].append(case_id)
        except StoreError as exc:
            if exc.code in CONFLICTS:
                conflicts[exc.code] = conflicts.get(exc.code, 0) + 1
            else:
                errors.append(f"{login}: {exc.code}: {exc.en}")
        except Exception as exc:  # anything else a user would see
            errors.append(f"{login}: {type(exc).__name__}: {exc}")
    store.close()
    out.put({"latencies": latencies, "acked": acked, "errors": errors, "conflicts": conflicts})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()

    import pg_cluster
    import psycopg

    from exportdesk.domain.profile import load_profile
    from exportdesk.store.pg.campus import add_user, init_campus
    from exportdesk.store.pg.engine import PostgresEngine
    from exportdesk.store.pg.schema import OWNER

    cluster = pg_cluster.start()
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_load")
            conn.execute("CREATE DATABASE bench_load")
        admin = cluster.dsn("bench_load")
        profile = load_profile(ROOT / "examples" / "institution-profile.yaml")
        profile = profile.model_copy(update={"icp_format": "small"})
        init_campus(
            admin, profile, admin_login="b-admin", admin_name="admin", admin_password=PASSWORD
        )
        offices = max(2, args.clients // 10)
        chiefs = max(1, args.clients // 25)
        profs = args.clients - offices - chiefs
        deps = [d.code for d in profile.departments]
        plan = (
            [("office", f"b-office{i}", ["office"], None) for i in range(offices)]
            + [("chief", f"b-chief{i}", ["chief_manager"], None) for i in range(chiefs)]
            + [("prof", f"b-prof{i}", ["applicant"], deps[i % len(deps)]) for i in range(profs)]
        )
        for _, login, roles, dep in plan:
            add_user(admin, login=login, name=login, password=PASSWORD, roles=roles, department=dep)

        def dsn(login: str) -> str:
            return (
                f"postgresql://{login}:{quote(PASSWORD)}@{cluster.host}:{cluster.port}/bench_load"
            )

        ctx = mp.get_context("spawn")
        out: mp.Queue = ctx.Queue()
        procs = [
            ctx.Process(target=worker, args=(kind, dsn(login), login, args.seconds, out))
            for kind, login, _, _ in plan
        ]
        started = time.monotonic()
        for p in procs:
            p.start()
        results = [out.get(timeout=args.seconds + 300) for _ in procs]
        for p in procs:
            p.join()
        elapsed = time.monotonic() - started

        latencies: dict[str, list[float]] = {}
        acked: dict[str, list[int]] = {"submitted": [], "office": [], "chief": []}
        errors: list[str] = []
        conflicts: dict[str, int] = {}
        for r in results:
            for op, values in r["latencies"].items():
                latencies.setdefault(op, []).extend(values)
            for key, ids in r["acked"].items():
                acked[key].extend(ids)
            errors += r["errors"]
            for code, count in r["conflicts"].items():
                conflicts[code] = conflicts.get(code, 0) + count

        owner = PostgresEngine(admin, role=OWNER)
        cases = {r[0]: r for r in owner.execute("SELECT id, ref, status FROM cases")}
        approvals = {
            (r[0], r[1])
            for r in owner.execute("SELECT case_id, step FROM approvals WHERE action = 'approve'")
        }
        refs = [r[1] for r in cases.values()]
        lost = [i for i in acked["submitted"] if i not in cases or cases[i][2] == "draft"]
        lost += [i for i in acked["office"] if (i, "office") not in approvals]
        lost += [i for i in acked["chief"] if (i, "chief") not in approvals]
        lost += [i for i in acked["chief"] if cases[i][2] != "approved"]
        doubled = owner.execute(
            "SELECT count(*) FROM (SELECT case_id, round, step FROM approvals"
            " WHERE action = 'approve' GROUP BY 1, 2, 3 HAVING count(*) > 1) d"
        ).fetchone()[0]
        chain = owner.verify_audit()
        owner.close()

        print(
            f"{args.clients} clients ({profs} professors, {offices} office, {chiefs} chief)"
            f" for {args.seconds:.0f} s (wall {elapsed:.0f} s)"
        )
        print(
            f"errors shown to users: {len(errors)};"
            f" conflicts (case moved on): {sum(conflicts.values())} {dict(sorted(conflicts.items()))}"
        )
        for e in errors[:10]:
            print("  ", e)
        print(f"lost writes: {len(lost)}; doubled approval steps: {doubled}")
        print(f"cases: {len(cases)}, unique refs: {len(set(refs)) == len(refs)}")
        print(f"audit chain: {chain.entries} entries, ok={chain.ok} {chain.problems[:3]}")
        print(f"{'operation':<10} {'count':>7} {'per s':>8} {'p50 ms':>8} {'p95 ms':>8}")
        for op, values in sorted(latencies.items()):
            values.sort()
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(
                f"{op:<10} {len(values):>7} {len(values) / args.seconds:>8.1f}"
                f" {statistics.median(values) * 1000:>8.1f} {p95 * 1000:>8.1f}"
            )
        ok = not errors and not lost and not doubled and chain.ok and len(set(refs)) == len(refs)
        return 0 if ok else 1
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
