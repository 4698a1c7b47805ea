"""People on the campus database: what the server itself refuses.

Someone connects with `psql` (not through ExportDesk) and reads or changes people
records, declarations, pledges, scans and training directly; the row-level security
policies and guard triggers of store/pg/schema.py must hide what the store would not
show and refuse what it would not do, changing nothing.
"""

from __future__ import annotations

import psycopg
import pytest

from tests.campus_world import World, pg_world
from tests.test_campus_pg import psql

SCAN = b"%PDF-1.4 signed pledge scan"
PEOPLE_TABLES = (
    "people",
    "declarations",
    "pledges",
    "person_scans",
    "person_status_history",
    "rechecks",
    "training",
    "audit_log",
    "users",
    "user_roles",
    "meta",
)


@pytest.fixture(scope="module")
def people(pg_cluster):  # type: ignore[no-untyped-def]
    """One institution with an ENG person hosted by the professor (a received
    declaration, a checked and a received pledge, training) and a SCI person, recorded
    through ExportDesk by the office; every refusal below changes nothing."""
    w = pg_world(pg_cluster)
    w.dsn["it"] = w.admin_dsn  # the administrator who ran `campus init`: a superuser
    office = w.store(w.office)
    eng = office.add_person(
        w.office,
        family_name="Wang",
        given_name="Li",
        nationality="CN",
        status="master",
        department_id=w.eng,
        host_user_id=w.prof.id,
    )
    sci = office.add_person(
        w.office, family_name="Kim", nationality="KR", status="doctoral", department_id=w.sci
    )
    office.declare(w.office, eng, declared_on="2026-04-05", categories=[3], scan=("d.pdf", SCAN))
    checked = office.request_pledge(w.office, eng, "entry")
    office.receive_pledge(w.office, checked, "entry.pdf", SCAN)
    office.check_pledge(w.office, checked)
    received = office.request_pledge(w.office, eng, "exit")
    office.receive_pledge(w.office, received, "exit.pdf", SCAN)
    office.record_training(w.office, course="輸出管理研修", taken_on="2026-05-01", person_id=eng)
    ids = {
        "eng": eng,
        "sci": sci,
        "checked": checked,
        "received": received,
        "declaration": office.declarations(eng, w.office)[0]["id"],
        "prof": w.prof.id,
        "office": w.office.id,
        "office2": w.office2.id,
        "mgr_eng": w.manager_eng.id,
    }
    yield w, ids
    w.close()


def snapshot(w: World) -> dict[str, list[tuple]]:
    """The people tables and what guards them, read as the schema owner (past every policy)."""
    with psycopg.connect(w.admin_dsn) as conn:
        return {
            table: conn.execute(f"SELECT * FROM exportdesk.{table} ORDER BY 1").fetchall()
            for table in PEOPLE_TABLES
        }


def rows(w: World, who: str, statement: str) -> list[str]:
    result = psql(w, who, statement)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_each_person_reads_only_the_people_the_store_shows_them(
    people: tuple[World, dict],
) -> None:
    w, ids = people
    before = snapshot(w)
    everyone = sorted([str(ids["eng"]), str(ids["sci"])])
    assert sorted(rows(w, "office2", "SELECT id FROM exportdesk.people")) == everyone
    assert sorted(rows(w, "chief", "SELECT id FROM exportdesk.people")) == everyone
    assert rows(w, "manager_eng", "SELECT id FROM exportdesk.people") == [str(ids["eng"])]
    assert rows(w, "manager_sci", "SELECT id FROM exportdesk.people") == [str(ids["sci"])]
    assert rows(w, "prof", "SELECT id FROM exportdesk.people") == [str(ids["eng"])]
    # The other department's professor sees neither the person nor anything about them.
    for table in ("people", "declarations", "pledges", "person_scans", "training", "rechecks"):
        column = "id" if table == "people" else "person_id"
        assert rows(w, "prof_sci", f"SELECT count(*) FROM exportdesk.{table}") == ["0"], table
        assert rows(
            w, "prof_sci", f"SELECT count(*) FROM exportdesk.{table} WHERE {column} = {ids['eng']}"
        ) == ["0"], table
    # …nor their trail in the audit log; the SCI manager sees none of the ENG person's.
    person_trail = "SELECT count(*) FROM exportdesk.audit_log WHERE entity = 'person'"
    assert rows(w, "prof_sci", person_trail) == ["0"]
    assert rows(w, "manager_sci", person_trail + f" AND entity_id = '{ids['eng']}'") == ["0"]
    assert int(rows(w, "office2", person_trail)[0]) >= 6
    # The ENG manager reads the ENG person's pledges, not the SCI person's records.
    assert rows(w, "manager_eng", "SELECT count(*) FROM exportdesk.pledges") == ["2"]
    assert rows(w, "manager_sci", "SELECT count(*) FROM exportdesk.pledges") == ["0"]
    assert rows(w, "manager_sci", "SELECT count(*) FROM exportdesk.declarations") == ["0"]
    assert snapshot(w) == before


@pytest.mark.parametrize(
    ("who", "statement", "message"),
    [
        # Only the office marks a pledge or a declaration checked, in its own name.
        (
            "prof",
            "UPDATE exportdesk.pledges SET state = 'checked', checked_by = {prof},"
            " checked_at = 'now' WHERE id = {received}",
            "only the office",
        ),
        (
            "manager_eng",
            "UPDATE exportdesk.pledges SET state = 'checked', checked_by = {mgr_eng},"
            " checked_at = 'now' WHERE id = {received}",
            "only the office",
        ),
        (
            "office2",
            "UPDATE exportdesk.pledges SET state = 'checked', checked_by = {office},"
            " checked_at = 'now' WHERE id = {received}",
            "only the office",
        ),
        (
            "prof",
            "INSERT INTO exportdesk.pledges (person_id, kind, state, requested_at, checked_by)"
            " VALUES ({eng}, 'change', 'checked', 'now', {prof})",
            "only the office",
        ),
        (
            "prof",
            "UPDATE exportdesk.declarations SET state = 'checked', checked_by = {prof}"
            " WHERE id = {declaration}",
            "only the office",
        ),
        (
            "office2",
            "UPDATE exportdesk.pledges SET state = 'received', checked_by = NULL WHERE id = {checked}",
            "checked record does not change",
        ),
        # Another department's professor cannot write about a person they cannot see.
        (
            "prof_sci",
            "INSERT INTO exportdesk.declarations (person_id, declared_on, category_1, category_2,"
            " category_3, recorded_by, recorded_at) VALUES ({eng}, '2026-05-01', 0, 0, 0,"
            " (SELECT id FROM exportdesk.users WHERE lower(login) = lower(session_user)), 'now')",
            "row-level security",
        ),
        (
            "prof_sci",
            "INSERT INTO exportdesk.pledges (person_id, kind, state, requested_at)"
            " VALUES ({eng}, 'change', 'requested', 'now')",
            "row-level security",
        ),
        # A signed scan is kept as received; training is the office's record.
        ("prof", "UPDATE exportdesk.person_scans SET content = 'forged'", "denied"),
        ("office2", "DELETE FROM exportdesk.person_scans", "denied"),
        (
            "prof",
            "INSERT INTO exportdesk.training (person_id, course, taken_on, expires_on,"
            " recorded_by, recorded_at) VALUES ({eng}, 'x', '2026-01-01', '2029-01-01', {prof},"
            " 'now')",
            "row-level security",
        ),
        ("prof", "DELETE FROM exportdesk.people WHERE id = {eng}", "denied"),
        # Senders known only from files: inactive applicants, recorded by the office only.
        (
            "prof",
            "INSERT INTO exportdesk.users (login, name, password_hash, active, created_at)"
            " VALUES ('ghost', 'Ghost', '!x', 0, 'now')",
            "row-level security",
        ),
        (
            "office2",
            "INSERT INTO exportdesk.users (login, name, password_hash, active, created_at)"
            " VALUES ('ghost', 'Ghost', '!x', 1, 'now')",
            "row-level security",
        ),
        (
            "office2",
            "INSERT INTO exportdesk.user_roles VALUES ({prof}, 'applicant', NULL)",
            "row-level security",
        ),
        (
            "prof",
            "INSERT INTO exportdesk.meta VALUES ('people_import_mappings', '{{}}')",
            "row-level security",
        ),
        # The people's audit trail stays append-only, for the office and the owner too.
        (
            "office2",
            "UPDATE exportdesk.audit_log SET after_json = NULL WHERE entity = 'person'",
            "denied",
        ),
        ("office2", "DELETE FROM exportdesk.audit_log WHERE entity = 'person'", "denied"),
        ("it", "DELETE FROM exportdesk.audit_log WHERE entity = 'person'", "append"),
        (
            "it",
            "UPDATE exportdesk.audit_log SET after_json = NULL WHERE entity = 'person'",
            "append",
        ),
    ],
)
def test_people_records_at_a_terminal_are_refused(
    people: tuple[World, dict], who: str, statement: str, message: str
) -> None:
    w, ids = people
    before = snapshot(w)
    result = psql(w, who, statement.format(**ids))
    assert result.returncode != 0, (statement, result.stdout)
    assert "ERROR" in result.stderr and message in result.stderr, result.stderr
    assert snapshot(w) == before
    assert w.store(w.office).verify_audit().ok


@pytest.mark.parametrize(
    ("who", "statement"),
    [
        ("prof_sci", "UPDATE exportdesk.people SET status = 'x' WHERE id = {eng} RETURNING id"),
        (
            "manager_sci",
            "UPDATE exportdesk.people SET host_user_id = NULL WHERE id = {eng} RETURNING id",
        ),
        (
            "prof_sci",
            "UPDATE exportdesk.pledges SET note = 'x' WHERE person_id = {eng} RETURNING id",
        ),
        ("manager_sci", "UPDATE exportdesk.declarations SET note = 'x' RETURNING id"),
        ("prof", "UPDATE exportdesk.training SET course = 'x' RETURNING id"),
    ],
)
def test_rows_a_person_may_not_change_are_out_of_reach(
    people: tuple[World, dict], who: str, statement: str
) -> None:
    """Row-level security filters an UPDATE to the rows one may change: none here."""
    w, ids = people
    before = snapshot(w)
    result = psql(w, who, statement.format(**ids))
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout
    assert snapshot(w) == before


def test_the_office_sets_every_lists_threshold_and_no_one_else(
    people: tuple[World, dict],
) -> None:
    w, _ = people
    office = w.store(w.office)
    office.eul.set_threshold(w.office, 91, "ban_russia")
    assert w.store(w.prof).eul.threshold("ban_russia") == 91
    before = snapshot(w)
    result = psql(
        w,
        "prof",
        "UPDATE exportdesk.meta SET value = '50' WHERE key = 'screening_threshold:ban_russia'"
        " RETURNING key",
    )
    assert result.returncode == 0 and result.stdout.strip() == ""
    result = psql(
        w, "prof", "INSERT INTO exportdesk.meta VALUES ('screening_threshold:ban_belarus', '50')"
    )
    assert result.returncode != 0 and "row-level security" in result.stderr
    assert snapshot(w) == before


def test_the_server_keeps_one_id_per_person_and_hosts_who_file(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    # The rules store/people.py applies, held at psql too: the science professor cannot
    # reuse an engineering student's ID (which they cannot even see), nor name the office
    # as a person's host.
    w = pg_world(pg_cluster)
    try:
        office = w.store(w.office)
        office.add_person(
            w.office, family_name="Wang", given_name="Li", nationality="CN",
            department_id=w.eng, external_id="S7001",
        )  # fmt: skip
        before = office.db.execute("SELECT count(*) FROM people").fetchone()[0]
        me = w.prof_sci.id
        attempts = [
            (f"'S7001', {me}", "already on another person"),
            (f"'S7002', {w.office.id}", "host is an active applicant"),
        ]
        for values, why in attempts:
            result = psql(
                w, "prof_sci",
                "INSERT INTO exportdesk.people (family_name, nationality, external_id,"
                f" host_user_id, created_by, created_at, updated_at) VALUES ('Lee', 'KR',"
                f" {values}, {me}, '2026-12-04', '2026-12-04')",
            )  # fmt: skip
            assert result.returncode != 0 and why in result.stderr, result.stderr
        assert office.db.execute("SELECT count(*) FROM people").fetchone()[0] == before
    finally:
        w.close()
