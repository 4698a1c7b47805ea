"""`make campus-demo`: campus mode on one machine, for anyone who wants to see it.

Starts a throwaway PostgreSQL (as the tests do), sets up the sample institution with
`campus init` and `campus add-user`, files two cases as the professor through the
professor's own connection, prints the command that opens the window against it for
each person, and keeps the server running until Ctrl-C (then removes it).
`--check` sets everything up, verifies the audit chain and exits (a smoke test).
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pg_cluster  # noqa: E402

from exportdesk.domain.profile import load_profile  # noqa: E402
from exportdesk.store import Store  # noqa: E402
from exportdesk.store.pg.campus import add_user, init_campus  # noqa: E402
from exportdesk.store.sample import SAMPLE_PASSWORD, visit_answers  # noqa: E402

PEOPLE = [
    ("office", "輸出 花子", ["office"], None),
    ("chief", "統括 三郎", ["chief_manager"], None),
    ("manager", "工学 部長", ["dept_manager"], "ENG"),
    ("prof", "研究 一郎", ["applicant"], "ENG"),
    ("prof-sci", "理論 四郎", ["applicant"], "SCI"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="set up, verify, stop")
    args = parser.parse_args()
    reason = pg_cluster.unavailable_reason()
    if reason:
        print(f"campus-demo: {reason}", file=sys.stderr)
        return 1
    cluster = pg_cluster.start()
    try:
        import psycopg

        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE exportdesk")
        admin_dsn = cluster.dsn("exportdesk")
        init_campus(
            admin_dsn,
            load_profile(ROOT / "examples" / "institution-profile.yaml"),
            admin_login="admin",
            admin_name="管理 太郎",
            admin_password=SAMPLE_PASSWORD,
        )
        for login, name, roles, dep in PEOPLE:
            add_user(
                admin_dsn,
                login=login,
                name=name,
                password=SAMPLE_PASSWORD,
                roles=roles,
                department=dep,
            )

        def dsn(login: str) -> str:
            return (
                f"postgresql://{login}:{quote(SAMPLE_PASSWORD)}@{cluster.host}:{cluster.port}"
                "/exportdesk"
            )

        store = Store(dsn("prof"))
        prof = store.authenticate("prof", SAMPLE_PASSWORD)
        case = store.create_case(prof, answers=visit_answers())
        store.submit(prof, case["id"])
        store.create_case(prof, answers=visit_answers(title="共同研究の打合せ（下書き）"))
        store.close()
        office = Store(dsn("office"))
        result = office.verify_audit()
        office.close()
        print(f"campus database ready: {len(PEOPLE) + 1} people, audit chain ok={result.ok}")
        if args.check:
            return 0 if result.ok else 1
        exe = ROOT / ".venv" / "bin" / "exportdesk"
        print("\nOpen the window as one of them (password: the sample password):")
        for login, *_ in [("admin",), *PEOPLE]:
            print(f"  EXPORTDESK_DB='{dsn(login)}' {exe} gui")
        print("\nCtrl-C stops the server and removes it.")
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
