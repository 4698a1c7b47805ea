"""Server guards at a terminal: a draft is its applicant's, a case starts undecided, a
pledge is requested in the requester's name, and one scan proves one receipt.

Each refusal is typed at `psql` as the person concerned against the real cluster and
changes nothing; what the store itself writes, typed by hand, still passes.
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from tests.campus_world import World, pg_world
from tests.store_fixtures import plain_visit_answers
from tests.test_campus_pg import psql

SCAN = b"%PDF-1.4 signed pledge scan"
TABLES = ("cases", "approvals", "pledges", "person_scans", "audit_log")


@pytest.fixture(scope="module")
def guarded(pg_cluster):  # type: ignore[no-untyped-def]
    """The professor's draft and returned case, and an ENG person they host with two
    requested pledges."""
    w = pg_world(pg_cluster)
    prof = w.store(w.prof)
    office = w.store(w.office)
    draft = prof.create_case(w.prof, answers=plain_visit_answers())["id"]
    returned = prof.create_case(w.prof, answers=plain_visit_answers())["id"]
    prof.submit(w.prof, returned)
    office.take_for_review(w.office, returned)
    office.return_case(w.office, returned, "図面を添付してください")
    eng = office.add_person(
        w.office,
        family_name="Wang",
        nationality="CN",
        status="master",
        department_id=w.eng,
        host_user_id=w.prof.id,
    )
    ids = {
        "draft": draft,
        "returned": returned,
        "eng": eng,
        "entry": office.request_pledge(w.office, eng, "entry"),
        "exit": office.request_pledge(w.office, eng, "exit"),
        "prof": w.prof.id,
        "office": w.office.id,
        "eng_dep": w.eng,
        "sci_dep": w.sci,
    }
    yield w, ids
    w.close()


def snapshot(w: World) -> dict[str, list[tuple]]:
    with psycopg.connect(w.admin_dsn) as conn:
        return {
            t: conn.execute(f"SELECT * FROM exportdesk.{t} ORDER BY 1").fetchall() for t in TABLES
        }


NEW_DRAFT = (
    "INSERT INTO exportdesk.cases (ref, applicant_id, filed_by_id, department_id, status,"
    " forms_version, created_at, updated_at{cols}) VALUES ('tmp-forged', {{prof}}, {{prof}},"
    " {{eng_dep}}, 'draft', '1', 'now', 'now'{values})"
)


@pytest.mark.parametrize(
    ("who", "statement", "message"),
    [
        # 1. The office does not rewrite a person's draft or returned case.
        (
            "office",
            """UPDATE exportdesk.cases SET answers_json = '{{"a":"office"}}', title = 'edited'"""
            " WHERE id = {draft}",
            "only its applicant changes a case in the state draft",
        ),
        (
            "office",
            "UPDATE exportdesk.cases SET exchange_key = 'x' WHERE id = {draft}",
            "only its applicant changes",
        ),
        (
            "office2",
            """UPDATE exportdesk.cases SET answers_json = '{{"a":"office"}}' WHERE id = {returned}""",
            "only its applicant changes a case in the state returned",
        ),
        (
            "office",
            "UPDATE exportdesk.cases SET department_id = {sci_dep} WHERE id = {draft}",
            "only its applicant changes",
        ),
        # 2. A case starts undecided, in its first round, not bound to a case file.
        (
            "prof",
            NEW_DRAFT.format(
                cols=", decision, decided_at, round", values=", 'approved', now()::text, 9"
            ),
            "row-level security",
        ),
        ("prof", NEW_DRAFT.format(cols=", decision", values=", 'approved'"), "row-level security"),
        ("prof", NEW_DRAFT.format(cols=", round", values=", 9"), "row-level security"),
        (
            "prof",
            NEW_DRAFT.format(cols=", decision_reasons", values=", 'ok'"),
            "row-level security",
        ),
        ("prof", NEW_DRAFT.format(cols=", exchange_key", values=", 'x'"), "row-level security"),
        # (nor does its owner move it to another round by hand)
        (
            "prof",
            "UPDATE exportdesk.cases SET round = 9 WHERE id = {draft}",
            "cannot be changed in the state draft",
        ),
        (
            "prof",
            "UPDATE exportdesk.cases SET status = 'submitted', round = 9 WHERE id = {draft}",
            "the move from draft to submitted is not allowed",
        ),
        (
            "prof",
            "UPDATE exportdesk.cases SET status = 'submitted' WHERE id = {returned}",
            "the move from returned to submitted is not allowed",
        ),
        # 3. A pledge is requested in the requester's own name.
        (
            "prof",
            "INSERT INTO exportdesk.pledges (person_id, kind, state, requested_at, requested_by)"
            " VALUES ({eng}, 'change', 'requested', 'now', {office})",
            "row-level security",
        ),
        (
            "prof",
            "INSERT INTO exportdesk.pledges (person_id, kind, state, requested_at)"
            " VALUES ({eng}, 'change', 'requested', 'now')",
            "row-level security",
        ),
    ],
)
def test_guards_at_a_terminal_refuse(
    guarded: tuple[World, dict], who: str, statement: str, message: str
) -> None:
    w, ids = guarded
    before = snapshot(w)
    result = psql(w, who, statement.format(**ids))
    assert result.returncode != 0, (statement, result.stdout)
    assert "ERROR" in result.stderr and message in result.stderr, result.stderr
    assert snapshot(w) == before


def test_a_decision_recorded_before_does_not_survive_submission(
    guarded: tuple[World, dict],
) -> None:
    """A draft that carries a decision (written before the insert policy refused it) is
    not submitted with it."""
    w, ids = guarded
    with psycopg.connect(w.admin_dsn) as conn:
        conn.execute(
            "UPDATE exportdesk.cases SET decision = 'approved', decided_at = 'then' WHERE id = %s",
            [ids["draft"]],
        )
    try:
        before = snapshot(w)
        result = psql(
            w, "prof", f"UPDATE exportdesk.cases SET status = 'submitted' WHERE id = {ids['draft']}"
        )
        assert result.returncode != 0, result.stdout
        assert "the move from draft to submitted is not allowed" in result.stderr, result.stderr
        assert snapshot(w) == before
    finally:
        with psycopg.connect(w.admin_dsn) as conn:
            conn.execute(
                "UPDATE exportdesk.cases SET decision = NULL, decided_at = NULL WHERE id = %s",
                [ids["draft"]],
            )


@pytest.mark.parametrize(
    ("who", "statement"),
    [
        # What the store writes, typed by hand: still accepted (then rolled back).
        ("prof", NEW_DRAFT.format(cols="", values="")),
        (
            "prof",
            """UPDATE exportdesk.cases SET answers_json = '{{"a":"prof"}}' WHERE id = {draft}""",
        ),
        ("prof", "UPDATE exportdesk.cases SET status = 'submitted' WHERE id = {draft}"),
        (
            "prof",
            "UPDATE exportdesk.cases SET status = 'submitted', round = round + 1"
            " WHERE id = {returned}",
        ),
        # (conflicts.claim_case locks the row; eul.resolve_hit writes a hit's resolution)
        ("office", "UPDATE exportdesk.cases SET revision = revision WHERE id = {draft}"),
        (
            "office",
            "UPDATE exportdesk.cases SET review_json = '{{}}', updated_at = 'now'"
            " WHERE id = {returned}",
        ),
        (
            "prof",
            "INSERT INTO exportdesk.pledges (person_id, kind, state, requested_at, requested_by)"
            " VALUES ({eng}, 'change', 'requested', 'now', {prof})",
        ),
    ],
)
def test_the_stores_own_writes_pass(guarded: tuple[World, dict], who: str, statement: str) -> None:
    w, ids = guarded
    before = snapshot(w)
    result = psql(w, who, f"BEGIN; {statement.format(**ids)} RETURNING id; ROLLBACK;")
    assert result.returncode == 0 and "ERROR" not in result.stderr, result.stderr
    assert snapshot(w) == before


RECEIVE = (
    "UPDATE exportdesk.pledges SET state = 'received', received_by = %s, received_at = 'now',"
    " scan_id = %s WHERE id = %s"
)


def _waiting_on_a_lock(admin_dsn: str, pid: int) -> bool:
    with psycopg.connect(admin_dsn) as conn:
        row = conn.execute(
            "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid]
        ).fetchone()
    return row is not None and row[0] == "Lock"


def test_one_scan_proves_one_receipt_when_saved_at_the_same_moment(
    guarded: tuple[World, dict],
) -> None:
    w, ids = guarded
    with psycopg.connect(w.dsn["prof"]) as conn:
        scan = conn.execute(
            "INSERT INTO exportdesk.person_scans (person_id, filename, sha256, size, content,"
            " added_by, at) VALUES (%s, 'p.pdf', 'x', 1, 'x', %s, 'now') RETURNING id",
            [ids["eng"], ids["prof"]],
        ).fetchone()[0]
    first = psycopg.connect(w.dsn["prof"])
    second = psycopg.connect(w.dsn["prof"])
    outcome: dict[str, BaseException | None] = {}

    def save_second() -> None:
        try:
            with second.transaction():
                second.execute(RECEIVE, [ids["prof"], scan, ids["exit"]])
            outcome["error"] = None
        except psycopg.Error as exc:
            outcome["error"] = exc

    try:
        first.execute(RECEIVE, [ids["prof"], scan, ids["entry"]])  # held, uncommitted
        thread = threading.Thread(target=save_second)
        thread.start()
        deadline = time.monotonic() + 10
        while not _waiting_on_a_lock(w.admin_dsn, second.info.backend_pid):
            assert thread.is_alive() and time.monotonic() < deadline, outcome
            time.sleep(0.05)
        before = snapshot(w)  # the second waits: nothing of it is written yet
        first.commit()
        thread.join(10)
        assert not thread.is_alive()
        error = outcome["error"]
        assert isinstance(error, psycopg.Error), "the second receipt was accepted"
        assert "needs its own signed scan" in str(error)
        after = snapshot(w)
        with psycopg.connect(w.admin_dsn) as conn:
            rows = {
                r[0]: r[1:]
                for r in conn.execute(
                    "SELECT id, state, scan_id FROM exportdesk.pledges WHERE id IN (%s, %s)",
                    [ids["entry"], ids["exit"]],
                ).fetchall()
            }
        assert rows[ids["entry"]] == ("received", scan)
        assert rows[ids["exit"]] == ("requested", None)
        # Only the first's receipt differs from what was stored while the second waited.
        assert after["cases"] == before["cases"] and after["person_scans"] == before["person_scans"]
        assert [p for p in after["pledges"] if p[0] != ids["entry"]] == [
            p for p in before["pledges"] if p[0] != ids["entry"]
        ]
    finally:
        first.close()
        second.close()
