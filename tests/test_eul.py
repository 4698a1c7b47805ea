"""End User List: import as published, screen with explanations, re-screen on a new version."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exportdesk.cli import main
from exportdesk.domain.screening import Entity, ScreeningIndex, normalise
from exportdesk.imports.eul import EulImportError, parse_csv, parse_pdf, parse_xlsx, read_list
from tests.eul_pdf import meti_pdf
from tests.store_fixtures import PASSWORD, Campus, controlled_answers, make_campus

LONG_ALIASES = tuple(
    f"Mountain Valley Precision Machining Works Branch Office Number {k}" for k in range(45)
)


def sample_entities() -> list[Entity]:
    rows = [
        (
            "IR",
            "イラン",
            "Iran",
            "Aerospace Industries Organization",
            "",
            ("AIO", "Sazeman-e Sanaye Hava Faza"),
            ("M",),
            True,
        ),
        (
            "CN",
            "中国",
            "People's Republic of China",
            "10th Research Institute of China Electronic Technology Group Corporation (CETC)",
            "中国電子科技集団公司第十研究所",
            ("Southwest Institute of Electronic Technology (SWIET)",),
            ("M",),
            True,
        ),
        (
            "KP",
            "北朝鮮",
            "North Korea",
            "Korea Mining Development Trading Corporation",
            "",
            ("KOMID",),
            ("M", "N"),
            False,
        ),
        (
            "PK",
            "パキスタン",
            "Islamic Republic of Pakistan",
            "Mountain Valley Precision Works Co., Ltd.",
            "",
            LONG_ALIASES,
            ("N",),
            False,
        ),
        (
            "RU",
            "ロシア",
            "Russian Federation",
            "Volga Chemical Plant JSC",
            "",
            ("ＶＣＰ－Ｖｏｌｇａ（Ｓａｍａｒａ）",),
            ("C",),
            True,
        ),
        (
            "AE",
            "アラブ首長国連邦",
            "United Arab Emirates",
            "Desert Falcon General Trading FZE",
            "",
            (),
            ("M",),
            False,
        ),
    ]
    return [Entity(i, *row) for i, row in enumerate(rows * 3, 1)][:14]


@pytest.fixture(scope="module")
def entities() -> list[Entity]:
    base = sample_entities()
    # Make every row distinct so that numbering and diffs mean something.
    return [
        Entity(
            e.no,
            e.country_code,
            e.country_ja,
            e.country_en,
            f"{e.name_en} {e.no}" if e.no > 6 else e.name_en,
            e.name_original,
            e.aliases if e.no <= 6 else (),
            e.concerns,
            e.conventional_weapons,
        )
        for e in base
    ]


@pytest.fixture(scope="module")
def pdf_bytes(entities) -> bytes:
    return meti_pdf(entities)


# --- importing ---------------------------------------------------------------------------


def test_pdf_round_trip_keeps_rows_across_page_breaks(entities, pdf_bytes):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert len(pdf.pages) >= 2
        continuation = [
            row
            for page in pdf.pages[1:]
            for table in page.extract_tables()
            for row in table
            if not (row[0] or "").strip()
        ]
    assert continuation, "the fixture must have a row that straddles a page break"
    parsed = parse_pdf(pdf_bytes)
    assert [e.key() for e in parsed] == [e.key() for e in entities]
    cetc = parsed[1]
    assert cetc.name_original == "中国電子科技集団公司第十研究所"
    assert cetc.name_en.endswith("(CETC)")
    assert parsed[3].aliases == LONG_ALIASES
    assert parsed[0].concerns == ("M",) and parsed[0].conventional_weapons


def test_pdf_gap_in_numbers_is_an_error(entities):
    with pytest.raises(EulImportError, match=r"No\. 5 is missing"):
        parse_pdf(meti_pdf(entities, drop_row=5))


def template_csv(entities: list[Entity]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "no",
            "country_ja",
            "country_en",
            "name_en",
            "name_original",
            "aliases",
            "concerns",
            "conventional_weapons",
        ]
    )
    for e in entities:
        writer.writerow(
            [
                e.no,
                e.country_ja,
                e.country_en,
                e.name_en,
                e.name_original,
                "|".join(e.aliases),
                ",".join(e.concerns),
                "CW" if e.conventional_weapons else "",
            ]
        )
    return out.getvalue()


def test_csv_and_xlsx_templates(entities, tmp_path: Path):
    assert [e.key() for e in parse_csv(template_csv(entities).encode("utf-8"))] == [
        e.key() for e in entities
    ]
    assert [e.key() for e in parse_csv(template_csv(entities).encode("utf-8-sig"))] == [
        e.key() for e in entities
    ]
    assert [e.key() for e in parse_csv(template_csv(entities).encode("cp932"))] == [
        e.key() for e in entities
    ]
    from openpyxl import Workbook

    wb = Workbook()
    for row in csv.reader(io.StringIO(template_csv(entities))):
        wb.active.append(row)
    path = tmp_path / "list.xlsx"
    wb.save(path)
    assert [e.key() for e in parse_xlsx(path.read_bytes())] == [e.key() for e in entities]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"no,country_en,name_en\n1,Iran,X\n", "missing column(s): concerns"),
        (b"no,country_en,name_en,concerns\n1,Iran,X,M\n3,Iran,Y,N\n", "No. 2 is missing"),
        (
            b"no,country_en,name_en,concerns\n1,Atlantis,X,M\n",
            "row 2, column 'country': unknown country",
        ),
        (b"no,country_en,name_en,concerns\n1,Iran,X,Z\n", "row 2, column 'concerns'"),
        (b"no,country_en,name_en,concerns\nx,Iran,X,M\n", "row 2, column 'no'"),
        (
            "no,country_en,name_en,concerns\n1,Iran,X\xff\x80,M\n".encode("latin-1"),
            "neither UTF-8 nor Shift_JIS",
        ),
        (
            "no,country_en,name_en,concerns\n1,Iran,テスト,M\n".encode("utf-16-le"),
            "neither UTF-8 nor Shift_JIS",
        ),
        (b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
    ],
)
def test_malformed_files_change_nothing(tmp_path: Path, content: bytes, message: str):
    campus = make_campus(tmp_path / "eul.db")
    suffix = ".pdf" if content.startswith(b"%PDF") else ".csv"
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(EulImportError) as err:
        campus.store.eul.import_file(campus.office, path)
    assert message in str(err.value)
    assert campus.store.eul.versions() == []
    assert campus.store.db.execute("SELECT count(*) FROM eul_entities").fetchone()[0] == 0


def test_opensanctions_csv(tmp_path: Path):
    path = tmp_path / "targets.simple.csv"
    path.write_text(
        "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset\n"
        "jp-1,Organization,Aerospace Industries Organization,AIO;SHIG,,ir,,,B C M N,,,jp_meti_eul\n"
        "jp-2,Organization,Korea Mining Development Trading Corporation,KOMID,,kp,,,M N,,,jp_meti_eul\n",
        encoding="utf-8",
    )
    parsed = read_list(path)
    assert parsed.source_format == "opensanctions"
    assert [e.country_code for e in parsed.entities] == ["IR", "KP"]
    assert parsed.entities[0].aliases == ("AIO", "SHIG")


# --- screening ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def index(entities) -> ScreeningIndex:
    return ScreeningIndex(entities)


@pytest.mark.parametrize(
    ("query", "no", "kind"),
    [
        ("Aerospace Industries Organization", 1, "name"),
        ("aerospace  INDUSTRIES organisation", 1, "name"),
        ("Organization Aerospace Industries", 1, "name"),
        ("Aerospace Industires Organization", 1, "name"),
        ("Sazeman-e Sanaye Hava Faza", 1, "alias"),
        ("KOMID", 3, "alias"),
        ("CETC", 2, "acronym"),
        ("中国電子科技集団公司第十研究所", 2, "original name"),
        ("中国電子科技集団公司\n第十研究所", 2, "original name"),
        ("Volga Chemical Plant", 5, "name"),
        ("ＶＯＬＧＡ　ＣＨＥＭＩＣＡＬ　ＰＬＡＮＴ", 5, "name"),
        ("Desert Falcon General Trading", 6, "name"),
    ],
)
def test_variants_hit_the_right_entity(index, query, no, kind):
    hits = index.screen(query)
    assert hits, query
    assert hits[0].entity.no == no
    assert hits[0].kind == kind
    assert hits[0].why


def test_ordinary_names_do_not_hit(index):
    for name in (
        "University of Tokyo",
        "東京大学",
        "Technische Universität München",
        "Toyota Motor Corporation",
        "Massachusetts Institute of Technology",
        "Korea Advanced Institute of Science and Technology",
        "Chinese Academy of Sciences",
        "Aerospace Corporation",
    ):
        assert index.screen(name) == [], name


def test_country_lowers_the_score(index):
    same = index.screen("Aerospace Industries Organisation", "IR")[0]
    other = index.screen("Aerospace Industries Organisation", "DE", threshold=50)[0]
    assert same.country_match is True and other.country_match is False
    assert other.score < same.score
    assert "another country" in other.why


@settings(
    max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.text(max_size=80))
def test_screening_never_crashes(index, text):
    for hit in index.screen(text):
        assert 0 <= hit.score <= 100


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_exact_name_or_alias_always_hits_with_top_score(data):
    entities = sample_entities()[:6]
    index = ScreeningIndex(entities)
    entity = data.draw(st.sampled_from(entities))
    name = data.draw(st.sampled_from([t for _k, t in entity.names()]))
    if not normalise(name):
        return
    hits = index.screen(name)
    assert hits
    top = hits[0].score
    assert any(h.entity.no == entity.no and h.score == top for h in hits)


# --- in cases and the CLI --------------------------------------------------------------------


def import_pdf(
    campus: Campus, tmp_path: Path, entities: list[Entity], name: str, effective: str
) -> dict:
    path = tmp_path / name
    path.write_bytes(meti_pdf(entities))
    import datetime as dt

    return campus.store.eul.import_file(campus.office, path, dt.date.fromisoformat(effective))


def test_case_screening_resolution_known_good_and_rescreen(tmp_path: Path, entities):
    campus = make_campus(tmp_path / "cases.db")
    s = campus.store
    import_pdf(campus, tmp_path, entities, "v1.pdf", "2025-10-09")
    answers = controlled_answers() | {"counterpart_name": "KOMID", "counterpart_country": "KP"}
    case = s.create_case(campus.prof, answers=answers)
    submitted = s.submit(campus.prof, case["id"])
    screening = submitted["review"]["screening"]
    assert screening["hits"][0]["no"] == 3 and screening["list_version"].startswith("#1 2025-10-09")
    assert submitted["outcome"] == "office_review"
    assert any(
        r["code"] == "red_flag" and "外国ユーザーリスト" in r["ja"]
        for r in submitted["determination"]["reasons"]
    )
    from exportdesk.store import StoreError

    with pytest.raises(StoreError) as err:
        s.eul.resolve(campus.office, case["id"], 3, "false_positive", "  ")
    assert err.value.code == "invalid" and "note is required" in err.value.en
    assert s.eul.unresolved(
        s.get_case(campus.office, case["id"])["review"]["screening"]
    )  # unchanged
    resolved = s.eul.resolve(
        campus.office,
        case["id"],
        3,
        "false_positive",
        "Different company, checked registry",
        known_good=True,
    )
    assert resolved["review"]["screening"]["hits"][0]["resolution"]["decision"] == "false_positive"
    # The known-good list spares the next case with the same counterpart.
    again = s.create_case(campus.prof, answers=answers)
    again = s.submit(campus.prof, again["id"])
    assert s.eul.unresolved(again["review"]["screening"]) == []

    # A clean counterpart, approved; then a new version lists it and re-screening reports it.
    clean = s.create_case(
        campus.prof, answers=controlled_answers() | {"counterpart_name": "Blue Harbour Optics Ltd"}
    )
    clean = s.submit(campus.prof, clean["id"])
    assert clean["review"]["screening"]["hits"] == []
    added = [
        *entities,
        Entity(
            len(entities) + 1,
            "CN",
            "中国",
            "People's Republic of China",
            "Blue Harbour Optics Co., Ltd.",
            "",
            (),
            ("M",),
            False,
        ),
    ]
    result = import_pdf(campus, tmp_path, added, "v2.pdf", "2026-10-01")
    changed = {c["ref"]: c for c in result["rescreened"]}
    assert clean["ref"] in changed and changed[clean["ref"]]["after"] == [len(entities) + 1]
    diff = s.eul.diff(1, 2)
    assert [a["name"] for a in diff["added"]] == ["Blue Harbour Optics Co., Ltd."]
    assert diff["removed"] == [] and diff["changed"] == []
    assert s.verify_audit().ok


def test_cli_import_versions_diff_screen(tmp_path: Path, entities, capsys, monkeypatch):
    # Commands sign in, as a script does: the user and password from the environment.
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("EXPORTDESK_USER", "office1")
    db = tmp_path / "cli.db"
    make_campus(db)
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(meti_pdf(entities))
    assert main(["eul", "--db", str(db), "import", str(pdf), "--effective", "2025-10-09"]) == 0
    assert "14 entities (pdf)" in capsys.readouterr().out
    assert main(["eul", "--db", str(db), "import", str(pdf)]) == 2
    assert "already imported as version 1" in capsys.readouterr().err
    csv_path = tmp_path / "v2.csv"
    changed = [
        Entity(
            e.no,
            e.country_code,
            e.country_ja,
            e.country_en,
            e.name_en,
            e.name_original,
            e.aliases,
            ("B", "M") if e.no == 1 else e.concerns,
            e.conventional_weapons,
        )
        for e in entities[:-1]
    ]
    csv_path.write_text(template_csv(changed), encoding="utf-8")
    assert main(["eul", "--db", str(db), "import", str(csv_path), "--effective", "2026-10-01"]) == 0
    capsys.readouterr()
    assert main(["eul", "--db", str(db), "versions"]) == 0
    assert "2025-10-09" in capsys.readouterr().out
    assert main(["eul", "--db", str(db), "diff", "1", "2"]) == 0
    out = capsys.readouterr().out
    assert (
        "1 removed, 1 changed" in out and "~ IR Aerospace Industries Organization: concerns" in out
    )
    assert main(["screen", "--db", str(db), "komid", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["hits"][0]["no"] == 3 and data["hits"][0]["kind"] == "alias"
    names = tmp_path / "names.csv"
    names.write_text("name,country\nKOMID,KP\nUniversity of Tokyo,JP\n", encoding="utf-8")
    assert main(["screen", "--db", str(db), "--csv", str(names)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["hits"] for r in rows] == ["1", "0"]


def test_threshold_setting(tmp_path: Path, capsys, entities, monkeypatch):
    # Commands sign in, as a script does: the user and password from the environment.
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("EXPORTDESK_USER", "office1")
    db = tmp_path / "t.db"
    campus = make_campus(db)
    assert main(["eul", "--db", str(db), "threshold"]) == 0
    assert "88.0" in capsys.readouterr().out
    assert main(["eul", "--db", str(db), "threshold", "40"]) == 2
    assert main(["eul", "--db", str(db), "threshold", "95"]) == 0
    from exportdesk.store import Store, StoreError

    store = Store(db)
    assert store.eul.threshold() == 95.0
    with pytest.raises(StoreError):
        store.eul.set_threshold(campus.prof, 90)
