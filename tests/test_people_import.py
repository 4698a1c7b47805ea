"""Importing people from a student system's CSV (CP932 or UTF-8) or Excel export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from exportdesk.imports.people import PeopleImportError, parse_date, read_table
from exportdesk.store import StoreError
from tests.campus_world import ENGINES, campus_on
from tests.store_fixtures import Campus

HEADER = "学籍番号,姓,名,漢字氏名,国籍,入国日,在籍期限,身分,所属,指導教員,メール\n"
ROWS = (
    "S2026101,Wang,Li,王力,中国,2026/04/01,令和10年3月31日,修士課程学生,ENG,研究 一郎,wang@example.ac.jp\n"
    "S2026102,Kim,Minji,金敏智,KR,2026-10-01,2028/09/30,research_student,工学部,研究 一郎,\n"
    "S2026103,Nguyen,An,,ベトナム,R8.9.1,,doctoral,SCI,理論 四郎,an@example.ac.jp\n"
)


@pytest.fixture(params=ENGINES)
def campus(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    # On PostgreSQL each person acts through their own connection (campus_world).
    return campus_on(request, tmp_path / "import.db")


def write(tmp_path: Path, text: str, encoding: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def people_rows(c: Campus) -> list:
    return c.store.db.execute("SELECT * FROM people ORDER BY id").fetchall()


def test_cp932_file_is_previewed_and_imported(campus: Campus, tmp_path: Path):
    s = campus.store
    table = read_table(write(tmp_path, HEADER + ROWS, "cp932"))
    assert table.encoding == "cp932" and table.headers[1] == "姓"
    mapping = s.import_mapping(table.headers)
    assert mapping["family_name"] == "姓" and mapping["stay_until"] == "在籍期限"
    preview = s.preview_people_import(campus.office, table, mapping)
    assert [r["action"] for r in preview] == ["new", "new", "new"]
    assert all(not r["errors"] for r in preview)
    first = preview[0]["fields"]
    assert first["nationality"] == "CN" and first["stay_until"] == "2028-03-31"
    assert first["status"] == "master" and first["department_id"] == campus.eng
    assert preview[2]["fields"]["entry_date"] == "2026-09-01"
    assert s.import_people(campus.office, table, mapping, "people.csv") == {
        "new": 3,
        "updated": 0,
        "unchanged": 0,
    }
    people = s.list_people(campus.office, order_by="external_id")
    assert [p["name_native"] for p in people] == ["王力", "金敏智", ""]
    audit = s.db.execute("SELECT after_json FROM audit_log WHERE action = 'import'").fetchone()
    assert '"new":3' in audit[0] and "cp932" in audit[0]


def test_a_bad_row_imports_nothing(campus: Campus, tmp_path: Path):
    s = campus.store
    bad = ROWS + "S2026104,Smith,,,Atlantis,2026/02/30,,unknown,ENG,,\n"
    table = read_table(write(tmp_path, HEADER + bad, "utf-8-sig"))
    assert table.encoding == "utf-8"
    mapping = s.import_mapping(table.headers)
    preview = s.preview_people_import(campus.office, table, mapping)
    errors = preview[3]["errors"]
    assert [r["errors"] for r in preview[:3]] == [[], [], []]
    assert {e[1] for e in errors} == {
        "Unknown nationality: Atlantis",
        "Not a date (entry_date): 2026/02/30",
        "Unknown status: unknown",
    }
    before = people_rows(campus)
    audit = s.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(StoreError) as err:
        s.import_people(campus.office, table, mapping)
    assert err.value.code == "import_rows" and "line 5" in err.value.en and "5行目" in err.value.ja
    assert people_rows(campus) == before == []
    assert s.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit


def test_duplicates_by_id_and_by_name_update_instead_of_adding(campus: Campus, tmp_path: Path):
    s = campus.store
    table = read_table(write(tmp_path, HEADER + ROWS, "cp932"))
    mapping = s.import_mapping(table.headers)
    s.import_people(campus.office, table, mapping)
    # Kim became a doctoral student (matched by ID); a person entered by hand without an ID
    # is matched by name; a repeated ID inside the file is an error.
    s.add_person(campus.office, family_name="Tanaka", given_name="Emi", nationality="BR")
    again = (
        HEADER
        + ROWS.replace("research_student", "doctoral")
        + "S2026105,Tanaka,Emi,,ブラジル,,,staff,ENG,,\n"
    )
    table2 = read_table(write(tmp_path, again, "utf-8", "again.csv"))
    preview = s.preview_people_import(campus.office, table2, mapping)
    assert [r["action"] for r in preview] == ["update", "update", "update", "update"]
    assert s.import_people(campus.office, table2, mapping) == {
        "new": 0,
        "updated": 2,
        "unchanged": 2,
    }
    kim = s.list_people(campus.office, search="Minji")[0]
    assert kim["status"] == "doctoral" and kim["needs_recheck"] == 1
    assert len(s.list_people(campus.office)) == 4
    twice = read_table(
        write(tmp_path, HEADER + ROWS + ROWS.splitlines()[0] + "\n", "utf-8", "twice.csv")
    )
    preview = s.preview_people_import(campus.office, twice, mapping)
    assert preview[3]["errors"][0][1] == "ID S2026101 repeats line 2."


def test_mapping_is_remembered_and_excel_is_read(campus: Campus, tmp_path: Path):
    s = campus.store
    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Surname", "Forename", "Country", "Arrived"])
    import datetime as dt

    sheet.append(["E-1", "Okafor", "Ada", "Nigeria", dt.datetime(2026, 10, 1)])
    path = tmp_path / "staff.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.encoding == "xlsx" and table.rows[0][4] == "2026-10-01"
    guess = s.import_mapping(table.headers)
    assert guess == {"family_name": "Surname"}
    mapping = {
        "external_id": "No",
        "family_name": "Surname",
        "given_name": "Forename",
        "nationality": "Country",
        "entry_date": "Arrived",
    }
    refused = {"family_name": "Surname"}
    with pytest.raises(StoreError):
        s.preview_people_import(campus.office, table, refused)  # nationality unmapped
    with pytest.raises(StoreError) as err:
        s.import_people(campus.prof, table, mapping)
    assert err.value.code == "forbidden"
    s.import_people(campus.office, table, mapping)
    assert s.import_mapping(table.headers) == mapping
    assert s.list_people(campus.office)[0]["nationality"] == "NG"


def test_unreadable_files(tmp_path: Path):
    binary = tmp_path / "x.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(PeopleImportError) as err:
        read_table(binary)
    assert "CP932" in err.value.en and "CP932" in err.value.ja
    (tmp_path / "empty.csv").write_bytes(b"\n\n")
    with pytest.raises(PeopleImportError):
        read_table(tmp_path / "empty.csv")
    (tmp_path / "bad.xlsx").write_bytes(b"PK not a zip")
    with pytest.raises(PeopleImportError):
        read_table(tmp_path / "bad.xlsx")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2026-12-01", "2026-12-01"),
        ("2026/12/1", "2026-12-01"),
        ("2026年12月1日", "2026-12-01"),
        ("令和8年12月1日", "2026-12-01"),
        ("R8.12.1", "2026-12-01"),
        ("平成31年4月30日", "2019-04-30"),
        ("令和元年5月1日", "2019-05-01"),
        ("２０２６／１２／０１", "2026-12-01"),
    ],
)
def test_dates(text: str, iso: str):
    assert parse_date(text).isoformat() == iso


@pytest.mark.parametrize("text", ["2026/13/01", "tomorrow", "12/01/2026", ""])
def test_not_dates(text: str):
    with pytest.raises(ValueError):
        parse_date(text)


def test_an_id_recorded_twice_before_is_an_error_not_a_guess(campus: Campus, tmp_path: Path):
    s = campus.store
    # Two records with one ID from before the store checked IDs (written past the rules).
    for name in ("Nguyen", "Nguyen Van"):
        s.add_person(campus.office, family_name=name, given_name="Anh", nationality="VN")
    if s.db.name == "postgresql":  # the server's own guard holds the rule now: set aside
        s.db.execute("ALTER TABLE people DISABLE TRIGGER person_rules_guard")
    s.db.execute("UPDATE people SET external_id = 'S100'")
    if s.db.name == "postgresql":
        s.db.execute("ALTER TABLE people ENABLE TRIGGER person_rules_guard")
    table = read_table(write(tmp_path, HEADER + "S100,Nguyen,Anh,,VN,,,,ENG,新 指導,\n", "utf-8"))
    mapping = s.import_mapping(table.headers)
    preview = s.preview_people_import(campus.office, table, mapping)
    assert preview[0]["errors"][0][1] == "2 records have the ID S100"
    before = people_rows(campus)
    with pytest.raises(StoreError) as err:
        s.import_people(campus.office, table, mapping)
    assert err.value.code == "import_rows"
    assert people_rows(campus) == before
