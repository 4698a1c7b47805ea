"""A person's period of stay, from and until: checked, listed, imported, due and counted
alike on both engines; the schema that added its start keeps older rows' seals."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from exportdesk.cli import main
from exportdesk.imports.people import read_table
from exportdesk.store import Store, StoreError
from exportdesk.store.stats import Statistics
from tests.campus_world import ENGINES, campus_on
from tests.store_fixtures import PASSWORD, Campus, make_campus

TABLES = ("people", "person_status_history", "rechecks", "audit_log")


@pytest.fixture(params=ENGINES)
def campus(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    # On PostgreSQL each person acts through their own connection (campus_world).
    return campus_on(request, tmp_path / "stay.db")


def snapshot(c: Campus) -> dict[str, list[Any]]:
    return {t: c.store.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


def refused(c: Campus, fn, *args, **kwargs) -> StoreError:  # type: ignore[no-untyped-def]
    """Refused as invalid input with a reason in both languages; nothing changed."""
    before = snapshot(c)
    with pytest.raises(StoreError) as err:
        fn(*args, **kwargs)
    assert err.value.code == "invalid", err.value.en
    assert snapshot(c) == before
    return err.value


def visitor(c: Campus, **extra: Any) -> int:
    """A visiting researcher planned for April to September 2027, not yet entered."""
    fields = {
        "external_id": "V2027001",
        "family_name": "Schmidt",
        "given_name": "Anna",
        "nationality": "DE",
        "status": "visiting_researcher",
        "department_id": c.eng,
        "stay_from": "2027/04/01",
        "stay_until": "令和9年9月30日",
    }
    return c.store.add_person(c.office, **(fields | extra))


def test_a_planned_stay_is_kept_listed_and_sorted(campus: Campus):
    s = campus.store
    pid = visitor(campus)
    person = s.get_person(campus.office, pid)
    assert (person["stay_from"], person["stay_until"]) == ("2027-04-01", "2027-09-30")
    assert person["entry_date"] is None
    other = visitor(campus, external_id="V2027002", family_name="Dubois", stay_from="2026-10-01")
    rows = s.list_people(campus.office, order_by="stay_from")
    assert [(r["id"], r["stay_from"]) for r in rows] == [(other, "2026-10-01"), (pid, "2027-04-01")]
    assert s.people_order(campus.office, order_by="stay_from", descending=True) == [pid, other]
    # Moving the start is an audited change of the record; clearing it leaves no date.
    s.update_person(campus.office, pid, stay_from="2027-05-01")
    entry = s.db.execute(
        "SELECT before_json, after_json FROM audit_log WHERE action = 'update'"
        " AND entity = 'person' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert json.loads(entry[0]) == {"stay_from": "2027-04-01"}
    assert json.loads(entry[1]) == {"stay_from": "2027-05-01"}
    s.update_person(campus.office, pid, stay_from="")
    assert s.person(pid)["stay_from"] is None


def test_a_stay_that_ends_before_it_starts_is_refused(campus: Campus):
    s = campus.store
    err = refused(campus, visitor, campus, stay_from="2027-10-01")
    assert err.values["detail"] == "stay_until"
    assert "before it starts" in err.values["why"]["en"]
    assert "開始日" in err.values["why"]["ja"] and "2027-10-01" in err.values["why"]["ja"]
    pid = visitor(campus)
    # Either end moved past the other, on its own, is refused against the stored one.
    refused(campus, s.update_person, campus.office, pid, stay_until="2027-03-31")
    refused(campus, s.update_person, campus.office, pid, stay_from="2027-10-01")
    # Both moved together is one consistent change.
    s.update_person(campus.office, pid, stay_from="2028-04-01", stay_until="2028-09-30")
    assert s.person(pid)["stay_until"] == "2028-09-30"
    # One day is a period.
    s.update_person(campus.office, pid, stay_until="2028-04-01")


@pytest.mark.parametrize(
    ("field", "value"),
    [("stay_from", "1899-12-31"), ("stay_until", "2101-01-01"), ("birth_date", "1899/12/31")],
)
def test_dates_outside_1900_to_2100_are_refused(campus: Campus, field: str, value: str):
    s = campus.store
    pid = visitor(campus)
    err = refused(campus, s.update_person, campus.office, pid, **{field: value})
    assert err.values["detail"] == field
    assert "1900-2100" in err.values["why"]["en"] and "1900年〜2100年" in err.values["why"]["ja"]
    refused(campus, visitor, campus, external_id="V9", **{field: value})


def test_the_entry_pledge_of_a_planned_visitor_falls_due_after_the_stay_begins(campus: Campus):
    s = campus.store
    visitor(campus)
    # Recorded on 2026-11-25 with no entry: due 14 days after the planned start.
    s.add_person(campus.office, family_name="Nomura", nationality="BR", status="postdoc")
    campus.clock.advance(days=60)
    due = {(d["name"], d["kind"]): d for d in s.due_list(campus.office)}
    planned = due[("Schmidt Anna", "entry_pledge")]
    assert (planned["due_on"], planned["overdue"]) == ("2027-04-15", False)
    # Without a planned start the record's own date counts, as before.
    assert due[("Nomura", "entry_pledge")]["overdue"] is True


def test_the_survey_counts_a_visitor_once_the_stay_begins(campus: Campus):
    visitor(campus)
    stats = Statistics(campus.store)
    assert stats.survey(campus.office, dt.date(2027, 3, 31)) == []
    counted = stats.survey(campus.office, dt.date(2027, 4, 1))
    assert [(r["nationality"], r["n"]) for r in counted] == [("DE", 1)]
    assert stats.survey(campus.office, dt.date(2027, 10, 1)) == []


IMPORT_HEADER = "職員番号,姓,名,国籍,受入開始日,受入終了日,身分,所属\n"


def test_the_import_reads_the_start_of_stay_and_refuses_a_reversed_period(
    campus: Campus, tmp_path: Path
):
    s = campus.store
    good = "V1,Schmidt,Anna,ドイツ,2027/04/01,2027/09/30,visiting_researcher,ENG\n"
    bad = "V2,Dubois,Marc,フランス,2027/09/30,2027/04/01,visiting_researcher,ENG\n"
    path = tmp_path / "visitors.csv"
    path.write_bytes((IMPORT_HEADER + good + bad).encode("cp932"))
    table = read_table(path)
    mapping = s.import_mapping(table.headers)
    assert (mapping["stay_from"], mapping["stay_until"]) == ("受入開始日", "受入終了日")
    preview = s.preview_people_import(campus.office, table, mapping)
    assert preview[0]["errors"] == [] and preview[0]["fields"]["stay_from"] == "2027-04-01"
    [(ja, en)] = preview[1]["errors"]
    assert "before it starts" in en and "開始日" in ja
    before = snapshot(campus)
    with pytest.raises(StoreError) as err:
        s.import_people(campus.office, table, mapping)
    assert err.value.code == "import_rows" and "line 3" in err.value.en
    assert snapshot(campus) == before
    # Without the optional column the import works as it did.
    path.write_bytes((IMPORT_HEADER.replace(",受入開始日", "") + "V1,Lee,Ji,KR,,,,ENG\n").encode())
    table = read_table(path)
    mapping = s.import_mapping(table.headers)
    assert "stay_from" not in mapping
    assert s.import_people(campus.office, table, mapping)["new"] == 1
    assert s.list_people(campus.office)[0]["stay_from"] is None


def test_people_list_json_carries_the_period(tmp_path: Path, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    c = make_campus(tmp_path / "cli.db")
    visitor(c)
    argv = ["people", "list", "--json", "--user", "office1", "--db", str(c.store.path)]
    assert main(argv) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["stay_from"], row["stay_until"]) == ("2027-04-01", "2027-09-30")


def test_rows_sealed_before_the_start_of_stay_existed_still_verify(tmp_path: Path):
    path = tmp_path / "old.db"
    c = make_campus(path)
    pid = c.store.add_person(c.office, family_name="Lee", nationality="KR")
    sealed_by = c.store.db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    c.store.close()
    # The same file as schema 11 wrote it: no stay_from column, and seals over the other
    # columns (an empty stay_from is left out of a row's hash, so they are the same).
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE people DROP COLUMN stay_from")
    conn.execute("PRAGMA user_version = 11")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == 12
    assert store.person(pid)["stay_from"] is None
    assert store.verify_audit().ok, store.verify_audit().problems
    store.close()
    # A start of stay written behind the application's back shows.
    conn = sqlite3.connect(path)
    conn.execute("UPDATE people SET stay_from = '2027-04-01' WHERE id = ?", [pid])
    conn.commit()
    conn.close()
    store = Store(path)
    result = store.verify_audit()
    assert not result.ok
    assert [p for p in result.problems if p.startswith("people")] == [
        f"people row {pid}: changed outside ExportDesk"
        f" (differs from what audit entry {sealed_by} recorded)"
    ]
    store.close()
