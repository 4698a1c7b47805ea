"""Campus mode on a real PostgreSQL: what the server itself refuses.

A professor connects with `psql` (not through ExportDesk) and tries what the window
would never offer; each attempt must fail with the server's error and change nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time

import psycopg
import pytest

from exportdesk.cli import main
from exportdesk.store import Store, StoreError
from exportdesk.store.db import LATEST, MIGRATIONS
from exportdesk.store.pg import schema
from tests.campus_world import (
    PASSWORD,
    PROFILE,
    World,
    create_database,
    pg_world,
    sqlite_world,
    user_dsn,
)
from tests.store_fixtures import plain_visit_answers, ready_for_decision


@pytest.fixture
def world(pg_cluster):  # type: ignore[no-untyped-def]
    w = pg_world(pg_cluster)
    yield w
    w.close()


@pytest.fixture(scope="module")
def terminal(pg_cluster):  # type: ignore[no-untyped-def]
    """One institution with one submitted case for all the refusals (each changes nothing)."""
    w = pg_world(pg_cluster)
    w.dsn["it"] = w.admin_dsn  # the administrator who ran `campus init`: a superuser
    case = filed(w)
    yield w, case
    w.close()


def psql(w: World, who: str, statement: str) -> subprocess.CompletedProcess[str]:
    """Run one statement as `who` through psql, as someone at a terminal would."""
    psql_bin = shutil.which("psql")
    assert psql_bin, "psql comes with postgresql-client"
    return subprocess.run(
        [psql_bin, w.dsn[who], "-v", "ON_ERROR_STOP=1", "-X", "-q", "-A", "-t", "-c", statement],
        capture_output=True,
        text=True,
        env={**os.environ, "PGCONNECT_TIMEOUT": "10"},
        check=False,
    )


def snapshot(w: World) -> dict[str, list[tuple]]:
    """Everything that matters, read as the schema owner (past every policy)."""
    with psycopg.connect(w.admin_dsn) as conn:
        return {
            table: conn.execute(f"SELECT * FROM exportdesk.{table} ORDER BY 1").fetchall()
            for table in ("cases", "approvals", "audit_log", "user_roles", "meta", "users")
        }


def filed(w: World) -> dict:
    s = w.store(w.prof)
    case = s.create_case(w.prof, answers=plain_visit_answers())
    return s.submit(w.prof, case["id"])


def test_migrations_match_sqlite() -> None:
    assert len(schema.MIGRATIONS) == len(MIGRATIONS) == LATEST


def test_professor_cannot_read_another_departments_case(world: World) -> None:
    w = world
    case = filed(w)
    result = psql(w, "prof_sci", f"SELECT ref FROM exportdesk.cases WHERE id = {case['id']}")
    assert result.returncode == 0 and result.stdout.strip() == ""
    result = psql(w, "prof_sci", "SELECT count(*) FROM exportdesk.cases")
    assert result.stdout.strip() == "0"
    # Nor its trail in the audit log, nor its approvals.
    result = psql(
        w, "prof_sci", f"SELECT count(*) FROM exportdesk.audit_log WHERE entity_id = '{case['id']}'"
    )
    assert result.stdout.strip() == "0"
    # The professor who filed it does see it.
    result = psql(w, "prof", f"SELECT ref FROM exportdesk.cases WHERE id = {case['id']}")
    assert result.stdout.strip() == case["ref"]


@pytest.mark.parametrize(
    ("who", "statement", "message"),
    [
        (
            "prof",
            "INSERT INTO exportdesk.approvals (case_id, round, step, user_id, role, action, at)"
            " VALUES ({case}, 1, 'office', {prof}, 'office', 'approve', 'now')",
            "own case",
        ),
        (
            "prof",
            "UPDATE exportdesk.cases SET status = 'approved', decision = 'no_licence_needed'"
            " WHERE id = {case}",
            "decision",
        ),
        ("prof", "UPDATE exportdesk.cases SET status = 'under_review' WHERE id = {case}", "move"),
        ("prof", "UPDATE exportdesk.cases SET title = 'changed' WHERE id = {case}", "state"),
        (
            "prof",
            "UPDATE exportdesk.cases SET applicant_id = {prof_sci} WHERE id = {case}",
            "applicant",
        ),
        ("prof", "UPDATE exportdesk.audit_log SET action = 'nothing'", "denied"),
        ("prof", "DELETE FROM exportdesk.audit_log", "denied"),
        ("office2", "DELETE FROM exportdesk.audit_log WHERE seq = 1", "denied"),
        ("office2", "UPDATE exportdesk.audit_log SET user_login = 'x' WHERE seq = 1", "denied"),
        ("it", "UPDATE exportdesk.audit_log SET user_login = 'x' WHERE seq = 1", "append"),
        ("it", "DELETE FROM exportdesk.audit_log", "append"),
        ("prof", "TRUNCATE exportdesk.audit_log", "denied"),
        (
            "prof",
            "INSERT INTO exportdesk.audit_log VALUES (999, 'now', NULL, 'prof', 'x', 'case', '1',"
            " NULL, NULL, '0', '0')",
            "denied",
        ),
        (
            "office2",
            "INSERT INTO exportdesk.meta VALUES ('audit_head', '[0, \"0\"]')"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            "head of the audit log",
        ),
        # (The office may add the applicant role of a sender known only from their case
        # files, so the policy, not the grant, refuses these.)
        (
            "prof",
            "INSERT INTO exportdesk.user_roles VALUES ({prof}, 'office', NULL)",
            "row-level security",
        ),
        (
            "prof",
            "UPDATE exportdesk.user_roles SET role = 'office' WHERE user_id = {prof}",
            "denied",
        ),
        (
            "office2",
            "INSERT INTO exportdesk.user_roles VALUES ({office2}, 'admin', NULL)",
            "row-level security",
        ),
        ("prof", "UPDATE exportdesk.users SET name = 'x' WHERE id = {prof}", "denied"),
        ("prof", "DELETE FROM exportdesk.cases WHERE id = {case}", "denied"),
        ("prof", "SELECT exportdesk.audit_is_append_only()", "trigger"),
        ("prof", "SET ROLE exportdesk_owner", "permission"),
    ],
)
def test_professor_at_a_terminal_is_refused(
    terminal: tuple[World, dict], who: str, statement: str, message: str
) -> None:
    w, case = terminal
    before = snapshot(w)
    ids = {
        "case": case["id"],
        "prof": w.prof.id,
        "prof_sci": w.prof_sci.id,
        "office2": w.office2.id,
    }
    result = psql(w, who, statement.format(**ids))
    assert result.returncode != 0, (statement, result.stdout)
    assert "ERROR" in result.stderr and message in result.stderr, result.stderr
    assert snapshot(w) == before
    assert w.store(w.office).verify_audit().ok


def test_approval_chain_is_rechecked_by_the_server(world: World) -> None:
    w = world
    case = filed(w)
    office = w.store(w.office)
    office.take_for_review(w.office, case["id"])
    ready_for_decision(office, w.office, case["id"])
    office.record_decision(w.office, case["id"], "no_licence_needed", "公知")
    # The chief tries to sign before the office's step (skipping the chain).
    before = snapshot(w)
    result = psql(
        w,
        "chief",
        "INSERT INTO exportdesk.approvals (case_id, round, step, user_id, role, action, at)"
        f" VALUES ({case['id']}, 1, 'chief', {w.chief.id}, 'chief_manager', 'approve', 'now')",
    )
    assert result.returncode != 0 and "next step" in result.stderr
    # The office signs, then jumps the case to approved without the chief.
    w.store(w.office2).approve(w.office2, case["id"])
    result = psql(
        w, "office2", f"UPDATE exportdesk.cases SET status = 'approved' WHERE id = {case['id']}"
    )
    assert result.returncode != 0 and "not complete" in result.stderr
    after = snapshot(w)
    assert after["cases"] != before["cases"]  # the office's signature moved it on…
    assert next(r for r in after["cases"] if r[0] == case["id"])[10] == "under_review"
    # …and the chief completes the chain through ExportDesk.
    assert w.store(w.chief).approve(w.chief, case["id"])["status"] == "approved"


def test_the_audit_chain_is_computed_by_the_server_and_holds_under_concurrency(
    world: World,
) -> None:
    w = world
    errors: list[BaseException] = []
    refs: list[str] = []
    lock = threading.Lock()

    def file_cases(n: int) -> None:
        try:
            store = Store(w.dsn["prof"])
            try:
                for _ in range(n):
                    case = store.create_case(w.prof, answers=plain_visit_answers())
                    case = store.submit(w.prof, case["id"])
                    with lock:
                        refs.append(case["ref"])
            finally:
                store.close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=file_cases, args=(5,)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(refs) == len(set(refs)) == 30
    result = w.store(w.office).verify_audit()
    assert result.ok, result.problems
    with psycopg.connect(w.admin_dsn) as conn:
        seqs = [r[0] for r in conn.execute("SELECT seq FROM exportdesk.audit_log ORDER BY seq")]
        logins = {
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT user_login FROM exportdesk.audit_log WHERE action = 'submit' OR action = 'status'"
            )
        }
    assert seqs == list(range(1, len(seqs) + 1))
    assert logins == {w.prof.login}


def test_init_is_repeatable_and_reports_a_newer_schema(world: World) -> None:
    from exportdesk.domain.profile import parse_profile
    from exportdesk.store.pg.campus import init_campus, migrate

    w = world
    again = init_campus(
        w.admin_dsn,
        parse_profile(PROFILE),
        admin_login="someone-else",
        admin_name="x",
        admin_password=PASSWORD,
    )
    assert (again.found, again.version, again.created_institution) == (LATEST, LATEST, False)
    with psycopg.connect(w.admin_dsn, autocommit=True) as conn:
        conn.execute("SET ROLE exportdesk_owner")
        conn.execute("UPDATE exportdesk.meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as refused:
        migrate(w.admin_dsn)
    assert refused.value.code == "schema_newer"


def test_wrong_password_and_unknown_server_are_clear_messages(world: World) -> None:
    w = world
    with pytest.raises(StoreError) as refused:
        Store(w.dsn["prof"].replace("horse", "mouse"))
    assert refused.value.code == "login_failed"
    with pytest.raises(StoreError) as unreachable:
        Store(w.dsn["prof"].replace(f":{w.dsn['prof'].rsplit(':', 1)[1].split('/')[0]}/", ":1/"))
    assert unreachable.value.code == "server_unreachable"
    assert "学内データベース" in unreachable.value.ja
    assert "horse" not in unreachable.value.ja + unreachable.value.en
    # Signing in as someone else over one's own connection is refused.
    store = w.store(w.prof)
    with pytest.raises(StoreError) as refused:
        store.authenticate(w.office.login, PASSWORD)
    assert refused.value.code == "campus_login"


def test_campus_commands_set_up_an_institution_and_a_person(
    pg_cluster, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]

    dbname, prefix = create_database(pg_cluster)
    dsn = pg_cluster.dsn(dbname)
    monkeypatch.setenv("CAMPUS_PW", PASSWORD)
    assert (
        main(
            [
                "campus",
                "init",
                dsn,
                "--profile",
                "examples/institution-profile.yaml",
                "--admin-login",
                prefix + "admin",
                "--password-env",
                "CAMPUS_PW",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"schema 0 -> {LATEST}" in out and pg_cluster.password not in out
    assert (
        main(
            [
                "campus",
                "add-user",
                dsn,
                prefix + "kato",
                "--name",
                "加藤",
                "--role",
                "dept_manager",
                "--role",
                "applicant",
                "--department",
                "MED",
                "--password-env",
                "CAMPUS_PW",
            ]
        )
        == 0
    )
    assert "created" in capsys.readouterr().out
    # A department that does not exist changes nothing.
    assert (
        main(
            [
                "campus",
                "add-user",
                dsn,
                prefix + "sato",
                "--role",
                "applicant",
                "--department",
                "XXX",
                "--password-env",
                "CAMPUS_PW",
            ]
        )
        == 2
    )
    assert "XXX" in capsys.readouterr().err
    with psycopg.connect(dsn) as conn:
        assert not conn.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", [prefix + "sato"]
        ).fetchone()
    store = Store(user_dsn(pg_cluster, dbname, prefix + "kato"))
    kato = store.authenticate(prefix + "kato", PASSWORD)
    med = {d["code"]: d["id"] for d in store.departments()}["MED"]
    assert kato.has("dept_manager", med) and kato.has("applicant")
    assert store.institution()["icp_format"] == "large"
    store.close()


def test_db_copy_moves_a_single_pc_installation(pg_cluster, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]

    w = sqlite_world(tmp_path / "single.db")
    s = w.store(w.prof)
    case = s.create_case(w.prof, answers=plain_visit_answers())
    s.submit(w.prof, case["id"])
    s.take_for_review(w.office, case["id"])
    ready_for_decision(s, w.office, case["id"])
    s.record_decision(w.office, case["id"], "no_licence_needed", "公知")
    s.approve(w.office2, case["id"])
    s.approve(w.chief, case["id"])
    draft = s.create_case(w.prof_sci, answers=plain_visit_answers(title="下書き"))
    s.add_attachment(w.prof_sci, draft["id"], "memo.txt", b"\x00binary\xff")
    s.set_active(w.admin, w.secretary.id, False)
    before = s.verify_audit()
    tables = {
        t: s.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("users", "cases", "approvals", "attachments", "audit_log", "user_roles")
    }
    w.close()

    dbname, _ = create_database(pg_cluster)
    dsn = pg_cluster.dsn(dbname)
    assert main(["db", "copy", str(tmp_path / "single.db"), dsn]) == 0
    out = capsys.readouterr().out
    assert f"{before.entries} entries verified before, chain intact after" in out
    with psycopg.connect(dsn) as conn:
        for table, count in tables.items():
            got = conn.execute(f"SELECT count(*) FROM exportdesk.{table}").fetchone()[0]
            assert got == count + (1 if table == "audit_log" else 0), table
        refs = [r[0] for r in conn.execute("SELECT ref FROM exportdesk.cases ORDER BY id")]
        content = conn.execute("SELECT content FROM exportdesk.attachments").fetchone()[0]
        hashes = {r[0] for r in conn.execute("SELECT password_hash FROM exportdesk.users")}
        # The roles the copy made are this database's to manage (pg/logins.py).
        own = {r[0] for r in conn.execute("SELECT login FROM exportdesk.own_logins")}
        logins = {r[0] for r in conn.execute("SELECT login FROM exportdesk.users")}
        conn.execute("ALTER ROLE prof PASSWORD 'a new password 2026'")
        can_login = dict(
            conn.execute(
                "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN ('prof', 'secretary')"
            ).fetchall()
        )
    # A deactivated account's role cannot log in.
    assert can_login == {"prof": True, "secretary": False}
    assert refs == [case["ref"], draft["ref"]]
    assert content == b"\x00binary\xff"
    assert hashes == {"!postgresql"}  # no single-PC password hash is left readable
    assert own == logins and "prof" in own
    # The professor signs in with the password IT set and carries on; numbering continues.
    store = Store(user_dsn(pg_cluster, dbname, "prof", "a new password 2026"))
    prof = store.authenticate("prof", "")
    new = store.create_case(prof, answers=plain_visit_answers())
    assert new["id"] == draft["id"] + 1
    assert [c["id"] for c in store.list_cases(prof)] == [new["id"], case["id"]]
    store.close()
    # A second copy into the same database is refused and changes nothing.
    assert main(["db", "copy", str(tmp_path / "single.db"), dsn]) == 1
    assert "already holds an institution" in capsys.readouterr().err


def test_the_office_hears_a_submission_within_two_seconds(world: World) -> None:
    w = world
    heard: list[tuple[int, float]] = []
    arrived = threading.Event()

    def on_case(case_id: int) -> None:
        heard.append((case_id, time.monotonic()))
        arrived.set()

    prof = w.store(w.prof)
    draft = prof.create_case(w.prof, answers=plain_visit_answers())
    watch = w.store(w.office).watch_cases(on_case)
    assert watch is not None
    try:
        start = time.monotonic()
        prof.submit(w.prof, draft["id"])
        assert arrived.wait(2.0), "no notification within 2 s"
        case_id, at = heard[0]
        assert case_id == draft["id"] and at - start < 2.0
        assert w.store(w.office).get_case(w.office, case_id)["status"] == "submitted"
    finally:
        watch.stop()
    assert not watch.alive


def test_the_window_refreshes_when_a_case_arrives(world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    from exportdesk.gui.live import LiveCases

    w = world
    live = LiveCases(w.store(w.office))
    try:
        assert live.active
        prof = w.store(w.prof)
        with qtbot.waitSignal(live.settled, timeout=2000):
            prof.create_case(w.prof, answers=plain_visit_answers())
    finally:
        live.stop()


def test_a_single_pc_file_has_nothing_to_watch(tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = sqlite_world(tmp_path / "one.db")
    assert w.store(w.office).watch_cases(lambda _id: None) is None
    w.close()


def test_the_office_window_shows_a_case_submitted_elsewhere(
    world: World, qtbot, qapp, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from exportdesk.gui.app import install_language
    from exportdesk.gui.main_window import MainWindow

    install_language(qapp, "ja")
    w = world
    window = MainWindow(w.store(w.office), w.office, "ja")
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    queue = window.queue_page
    assert queue is not None and queue.model.rowCount() == 0
    prof = w.store(w.prof)
    case = prof.create_case(w.prof, answers=plain_visit_answers(title="Arrives without a reload"))
    start = time.monotonic()
    prof.submit(w.prof, case["id"])
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=2000)
    assert time.monotonic() - start < 2.0
    assert queue.model.case_id(0) == case["id"]
    window.close()


@pytest.mark.parametrize("action", ["approve", "decide"])
def test_a_colleague_who_signs_while_another_approves_is_named(world: World, action: str) -> None:
    """Two office clients act on the same case at once (the load benchmark's race): the
    first signs the office step, the second signs too or records the decision again. The
    second has read the case before the first commits, so its own checks pass; its write
    waits for the first's lock on the case, and the server's guard then refuses. The
    person is told that the colleague signed (reload), and nothing of theirs stays."""
    w = world
    case = filed(w)
    first, second = w.store(w.office), w.store(w.office2)
    first.take_for_review(w.office, case["id"])
    ready_for_decision(first, w.office, case["id"])
    first.record_decision(w.office, case["id"], "no_licence_needed", "公知")
    outcome: dict[str, BaseException] = {}

    def approve_second() -> None:
        try:
            if action == "approve":
                second.approve(w.office2, case["id"])
            else:
                second.record_decision(w.office2, case["id"], "no_licence_needed", "再判断")
        except BaseException as exc:  # asserted below
            outcome["refused"] = exc

    racer = threading.Thread(target=approve_second)
    with first.db.atomic():
        first.approve(w.office, case["id"])
        # What the first client leaves, as it sees it before committing.
        expected = {
            table: first._rows(f"SELECT * FROM {table} WHERE {key} = ? ORDER BY 1", [case["id"]])
            for table, key in (("cases", "id"), ("approvals", "case_id"))
        }
        expected_audit = first.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        racer.start()
        pid = second.db.conn.info.backend_pid
        with psycopg.connect(w.admin_dsn, autocommit=True) as watch:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                waiting = watch.execute(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid]
                ).fetchone()
                if waiting and waiting[0] == "Lock":
                    break
                time.sleep(0.02)
            else:
                pytest.fail("the second approval never waited for the first's lock")
    racer.join(timeout=20)
    assert not racer.is_alive()
    refused = outcome.get("refused")
    assert isinstance(refused, StoreError), refused
    assert refused.code == "step_signed"
    assert refused.message("en") == (
        "輸出 花子 has already signed this step (Export control office); reload the case."
    )
    assert refused.message("ja") == (
        "輸出 花子さんがこの段階（輸出管理担当部署）を既に承認しました。案件を開き直してください。"
    )
    after = snapshot(w)
    assert [r for r in after["cases"] if r[0] == case["id"]] == [
        tuple(r.values()) for r in expected["cases"]
    ]
    assert [r for r in after["approvals"] if r[1] == case["id"]] == [
        tuple(r.values()) for r in expected["approvals"]
    ]
    assert len(after["audit_log"]) == expected_audit
    assert not [
        r for r in after["audit_log"] if r[3] == w.office2.login and r[6] == str(case["id"])
    ]
    # The server's own words, for anyone at a terminal: the step is taken, not "next";
    # the signed decision stays.
    for statement in (
        "INSERT INTO exportdesk.approvals (case_id, round, step, user_id, role, action, at)"
        f" VALUES ({case['id']}, 1, 'office', {w.office2.id}, 'office', 'approve', 'now')",
        "UPDATE exportdesk.cases SET decision_reasons = 'changed' WHERE id = " + str(case["id"]),
    ):
        result = psql(w, "office2", statement)
        assert result.returncode != 0 and "already signed" in result.stderr, statement
    assert snapshot(w) == after
