"""Pledges and declarations on the campus database: who received them, and their scans.

ExportDesk receives a signed pledge with its scan, in the receiver's name, and the
office checks it against that scan; a declaration is recorded in the recorder's name,
with a scan of the same person if any. At `psql` the server must refuse a receipt in
someone else's name or without (or with someone else's) scan, and any later change of
a received record but its check, changing nothing.
"""

from __future__ import annotations

import psycopg
import pytest

from tests.campus_world import World, pg_world
from tests.test_campus_pg import psql

SCAN = b"%PDF-1.4 signed pledge scan"
TABLES = ("pledges", "declarations", "person_scans", "people", "audit_log")


@pytest.fixture(scope="module")
def receipts(pg_cluster):  # type: ignore[no-untyped-def]
    """An ENG person hosted by the professor with a requested, a received and an old
    received pledge without a scan (recorded before the server checked receipts), a
    received and a requested declaration; an SCI person with a scan of their own."""
    w = pg_world(pg_cluster)
    office = w.store(w.office)
    eng = office.add_person(
        w.office,
        family_name="Wang",
        nationality="CN",
        status="master",
        department_id=w.eng,
        host_user_id=w.prof.id,
    )
    sci = office.add_person(
        w.office, family_name="Kim", nationality="KR", status="doctoral", department_id=w.sci
    )
    office.declare(w.office, eng, declared_on="2026-04-05", categories=[3], scan=("d.pdf", SCAN))
    office.declare(w.office, sci, declared_on="2026-04-05", categories=[3], scan=("k.pdf", SCAN))
    requested_declaration = office.request_declaration(w.office, eng)
    requested = office.request_pledge(w.office, eng, "entry")
    received = office.request_pledge(w.office, eng, "exit")
    office.receive_pledge(w.office, received, "exit.pdf", SCAN)
    old = office.request_pledge(w.office, eng, "change")
    with psycopg.connect(w.admin_dsn) as conn:
        conn.execute(
            "UPDATE exportdesk.pledges SET state = 'received', received_by = %s,"
            " received_at = 'then' WHERE id = %s",
            [w.office.id, old],
        )
        scans = conn.execute(
            "SELECT person_id, min(id) FROM exportdesk.person_scans GROUP BY person_id"
        ).fetchall()
        received_scan = conn.execute(
            "SELECT scan_id FROM exportdesk.pledges WHERE id = %s", [received]
        ).fetchone()[0]
    by_person = dict(scans)
    declarations = {d["state"]: d["id"] for d in office.declarations(eng, w.office)}
    ids = {
        "eng": eng,
        "sci": sci,
        "requested": requested,
        "received": received,
        "old": old,
        "eng_scan": by_person[eng],
        "sci_scan": by_person[sci],
        "received_scan": received_scan,
        "declaration": declarations["received"],
        "requested_declaration": requested_declaration,
        "prof": w.prof.id,
        "office": w.office.id,
        "office2": w.office2.id,
    }
    yield w, ids
    w.close()


def snapshot(w: World) -> dict[str, list[tuple]]:
    with psycopg.connect(w.admin_dsn) as conn:
        return {
            t: conn.execute(f"SELECT * FROM exportdesk.{t} ORDER BY 1").fetchall() for t in TABLES
        }


RECEIVE = (
    "UPDATE exportdesk.pledges SET state = 'received', received_by = {by}, received_at = 'now',"
    " scan_id = {scan} WHERE id = {{requested}}"
)


# The professor attaches a scan of their person (as receive_pledge does first).
NEW_SCAN = (
    "INSERT INTO exportdesk.person_scans (person_id, filename, sha256, size, content, added_by,"
    " at) VALUES ({eng}, 'p.pdf', 'x', 1, 'x', {prof}, 'now'); "
)
LAST_SCAN = "(SELECT max(id) FROM exportdesk.person_scans)"


@pytest.mark.parametrize(
    ("who", "statement", "message"),
    [
        # A pledge is received in the receiver's own name, with a scan of this person.
        ("prof", RECEIVE.format(by="{office}", scan="NULL"), "name of the person connected"),
        ("prof", RECEIVE.format(by="{office}", scan="{eng_scan}"), "name of the person"),
        ("prof", RECEIVE.format(by="{prof}", scan="NULL"), "signed scan of this person"),
        ("prof", RECEIVE.format(by="{prof}", scan="{sci_scan}"), "signed scan of this person"),
        # (the office's scan of the declaration: another's, and another record's proof)
        ("prof", RECEIVE.format(by="{prof}", scan="{eng_scan}"), "signed scan of this person"),
        # (the scan of the received pledge: the office's own, but that pledge's proof)
        (
            "office",
            RECEIVE.format(by="{office}", scan="{received_scan}"),
            "signed scan of this person",
        ),
        (
            "prof",
            "UPDATE exportdesk.pledges SET state = 'received', received_by = {prof},"
            " scan_id = {eng_scan} WHERE id = {requested}",
            "name of the person connected",
        ),
        (
            "prof",
            "INSERT INTO exportdesk.pledges (person_id, kind, state, requested_at, received_by,"
            " received_at) VALUES ({eng}, 'change', 'received', 'now', {office}, 'now')",
            "name of the person connected",
        ),
        (
            "prof",
            "INSERT INTO exportdesk.pledges (person_id, kind, state, requested_at, scan_id)"
            " VALUES ({eng}, 'change', 'requested', 'now', {eng_scan})",
            "no receipt yet",
        ),
        (
            "office2",
            "UPDATE exportdesk.pledges SET person_id = {sci} WHERE id = {requested}",
            "stays the request",
        ),
        # The office checks a pledge against its scan.
        (
            "office",
            "UPDATE exportdesk.pledges SET state = 'checked', checked_by = {office},"
            " checked_at = 'now' WHERE id = {old}",
            "checked against its signed scan",
        ),
        # A received pledge keeps its receipt and its scan.
        (
            "office2",
            "UPDATE exportdesk.pledges SET received_by = {office2} WHERE id = {received}",
            "only by being checked",
        ),
        (
            "prof",
            "UPDATE exportdesk.pledges SET scan_id = NULL WHERE id = {received}",
            "only by being checked",
        ),
        (
            "office",
            "UPDATE exportdesk.pledges SET state = 'checked', checked_by = {office},"
            " checked_at = 'now', received_at = 'earlier'"
            " WHERE id = {received}",
            "only by being checked",
        ),
        (
            "prof",
            "UPDATE exportdesk.pledges SET state = 'requested', received_by = NULL,"
            " received_at = NULL, scan_id = NULL WHERE id = {received}",
            "only by being checked",
        ),
        # Declarations: in the recorder's name, a scan of this person's, then only checked.
        (
            "prof",
            "UPDATE exportdesk.declarations SET state = 'received', recorded_by = {office},"
            " category_3 = 1 WHERE id = {requested_declaration}",
            "name of the person connected",
        ),
        (
            "prof",
            "UPDATE exportdesk.declarations SET state = 'received', recorded_by = {prof},"
            " scan_id = {sci_scan} WHERE id = {requested_declaration}",
            "signed scan of this person",
        ),
        (
            "prof",
            "INSERT INTO exportdesk.declarations (person_id, declared_on, category_1, category_2,"
            " category_3, recorded_by, recorded_at, scan_id) VALUES ({eng}, '2026-05-01', 0, 0,"
            " 1, {prof}, 'now', {sci_scan})",
            "signed scan of this person",
        ),
        (
            "prof",
            "UPDATE exportdesk.declarations SET category_1 = 1 WHERE id = {declaration}",
            "only by being checked",
        ),
        (
            "office2",
            "UPDATE exportdesk.declarations SET scan_id = NULL, state = 'checked',"
            " checked_by = {office2}, checked_at = 'now' WHERE id = {declaration}",
            "only by being checked",
        ),
    ],
)
def test_receipts_at_a_terminal_are_refused(
    receipts: tuple[World, dict], who: str, statement: str, message: str
) -> None:
    w, ids = receipts
    before = snapshot(w)
    result = psql(w, who, statement.format(**ids))
    assert result.returncode != 0, (statement, result.stdout)
    assert "ERROR" in result.stderr and message in result.stderr, result.stderr
    assert snapshot(w) == before


@pytest.mark.parametrize(
    ("who", "statement"),
    [
        # What the store does, typed by hand: still accepted (then rolled back).
        ("prof", NEW_SCAN + RECEIVE.format(by="{prof}", scan=LAST_SCAN)),
        (
            "office2",
            "UPDATE exportdesk.pledges SET state = 'checked', checked_by = {office2},"
            " checked_at = 'now' WHERE id = {received}",
        ),
        (
            "prof",
            NEW_SCAN + "UPDATE exportdesk.declarations SET state = 'received', recorded_by ="
            " {prof}, category_3 = 1, scan_id = "
            + LAST_SCAN
            + " WHERE id = {requested_declaration}",
        ),
        (
            "prof",
            "UPDATE exportdesk.declarations SET state = 'received', recorded_by = {prof},"
            " category_3 = 1 WHERE id = {requested_declaration}",
        ),
        (
            "office",
            "UPDATE exportdesk.declarations SET state = 'checked', checked_by = {office},"
            " checked_at = 'now' WHERE id = {declaration}",
        ),
    ],
)
def test_the_stores_own_receipts_pass(
    receipts: tuple[World, dict], who: str, statement: str
) -> None:
    w, ids = receipts
    before = snapshot(w)
    result = psql(w, who, f"BEGIN; {statement.format(**ids)} RETURNING id; ROLLBACK;")
    assert result.returncode == 0 and "ERROR" not in result.stderr, result.stderr
    assert snapshot(w) == before


RECEIVED_POLICIES = (
    "SELECT tablename FROM pg_policies WHERE schemaname = 'exportdesk'"
    " AND policyname = 'received' ORDER BY 1"
)


def test_campus_init_gives_an_existing_database_these_guards(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    """A database set up by an earlier release (no receipt guard, the import's old
    policies): running `campus init` again (migrate) puts them in place."""
    from exportdesk.store.pg.campus import migrate

    w = pg_world(pg_cluster)
    try:
        office = w.store(w.office)
        person = office.add_person(
            w.office,
            family_name="Lee",
            nationality="KR",
            department_id=w.eng,
            host_user_id=w.prof.id,
        )
        pledge = office.request_pledge(w.office, person, "entry")
        with psycopg.connect(w.admin_dsn) as conn:
            conn.execute("SET ROLE exportdesk_owner")
            for table in ("pledges", "declarations"):
                conn.execute(f"DROP TRIGGER person_receipt_guard ON exportdesk.{table}")
            conn.execute("DROP FUNCTION exportdesk.person_receipt_guard()")
            # (and with it the policies that name it)
            conn.execute("DROP FUNCTION exportdesk.remote_applicant(BIGINT) CASCADE")
            assert conn.execute(RECEIVED_POLICIES).fetchall() == []
        migrate(w.admin_dsn)
        before = snapshot(w)
        result = psql(
            w,
            "prof",
            "UPDATE exportdesk.pledges SET state = 'received', received_by = "
            f"{w.office.id}, received_at = 'now' WHERE id = {pledge}",
        )
        assert result.returncode != 0 and "name of the person connected" in result.stderr
        assert snapshot(w) == before
        with psycopg.connect(w.admin_dsn) as conn:
            policies = conn.execute(RECEIVED_POLICIES).fetchall()
        assert policies == [("attachments",), ("cases",), ("messages",)]
    finally:
        w.close()
