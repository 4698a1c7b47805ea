"""Every list as published: METI's Excel End User List, the export-ban lists, PDF layouts
from several printers, strict CSV, multi-list screening of cases."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A3, A4, landscape

from exportdesk.cli import main
from exportdesk.domain.screening import Entity
from exportdesk.imports.eul import EulImportError, parse_csv, parse_pdf, parse_xlsx, read_list
from exportdesk.imports.export_ban import parse_ban_pdf
from tests.ban_pdf import Block, ban_pdf
from tests.eul_pdf import meti_pdf
from tests.eul_xlsx import meti_xlsx
from tests.store_fixtures import PASSWORD, controlled_answers, make_campus
from tests.test_eul import sample_entities, template_csv

META = Path(__file__).resolve().parents[2] / "shared" / "data" / "meti"
if not META.is_dir():  # a worktree lives one level deeper than the main checkout
    META = Path(__file__).resolve().parents[3] / "shared" / "data" / "meti"
XLSX = META / "end-user-list-2025-09-29.xlsx"
BANS = {
    "ban_russia": META / "export-ban-entities-russia-2025-09-12.pdf",
    "ban_belarus": META / "export-ban-entities-belarus-2022-07-05.pdf",
    "ban_third_countries": META / "export-ban-entities-third-countries-2025-09-12.pdf",
}
real = pytest.mark.skipif(not XLSX.is_file(), reason="../shared/data/meti is not present")


def entities(n: int = 14) -> list[Entity]:
    base = sample_entities()
    return [
        Entity(
            i,
            e.country_code,
            e.country_ja,
            e.country_en,
            f"{e.name_en} {i}" if i > 6 else e.name_en,
            e.name_original,
            e.aliases if i <= 6 else (),
            e.concerns,
            e.conventional_weapons,
        )
        for i, e in enumerate((base * 3)[:n], 1)
    ]


# --- METI's Excel file, real ----------------------------------------------------------------


@pytest.fixture(scope="module")
def meti_real():
    return {e.no: e for e in read_list(XLSX).entities}


@real
def test_real_xlsx_counts_and_flags(meti_real):
    assert len(meti_real) == 835 and sorted(meti_real) == list(range(1, 836))
    assert sum(e.conventional_weapons for e in meti_real.values()) == 240
    for e in meti_real.values():
        assert set(e.concerns) <= {"B", "C", "M", "N"}
        assert e.country_ja and e.country_en and "\n" not in e.country_en
        for text in (e.name_en, e.name_original, *e.aliases):
            # Furigana (katakana readings of 懸念, 別名, 通常…) never glued onto text.
            assert not re.search("ケネン|ベツメイ|ツウジョウ|ヘイキ", text), (e.no, text)
            assert "\n" not in text and not text.startswith("・")


@real
def test_real_xlsx_hand_checked_rows(meti_real):
    first = meti_real[1]
    assert (first.country_code, first.country_ja) == ("AF", "アフガニスタン")
    assert first.country_en == "Islamic Republic of Afghanistan"
    assert first.name_en == "Al Qa'ida/Islamic Army" and first.aliases[0] == "Al Qaeda"
    assert first.concerns == ("B", "C", "M", "N") and first.conventional_weapons
    rungrado = meti_real[366]  # nested brackets in the original name
    assert rungrado.name_en == "Korea Rungrado (General) Trading Co."
    assert rungrado.name_original == "朝鮮綾羅島貿易(総)会社"
    # An un-bulleted line continues the alias above it (a kanji name in brackets).
    assert "Amroggang Development Bank (鴨緑江開発銀行)" in meti_real[301].aliases
    assert meti_real[835].name_en == 'Zavod "Miass"' and meti_real[835].concerns == ("M",)
    continued = [a for e in meti_real.values() for a in e.aliases if re.search(r"\S \(.+\)$", a)]
    assert len(continued) >= 48


@real
def test_real_xlsx_concern_variants():
    with zipfile.ZipFile(XLSX) as z:
        strings = z.read("xl/sharedStrings.xml").decode()
    # The published file really holds these variants, and the furigana runs.
    assert "M、N" in strings and "Ｎ" in strings and "<rPh" in strings
    parsed = read_list(XLSX).entities
    assert {c for e in parsed for c in e.concerns} == {"B", "C", "M", "N"}
    assert sum(1 for e in parsed if e.concerns == ("M", "N")) == 129


@real
def test_real_xlsx_import_and_diff_with_a_pdf_era_version(tmp_path: Path, meti_real):
    campus = make_campus(tmp_path / "real.db")
    # The PDF era: the first 30 entries as METI printed them, one of them since changed
    # and one since removed; the Excel file is the newer version.
    old = [meti_real[n] for n in range(1, 31)]
    old[4] = Entity(*[*list(old[4].__dict__.values())[:7], ("M",), False])
    removed = Entity(31, "IR", "イラン", "Iran", "Nonexistent Trading Co.", "", (), ("M",), False)
    pdf = tmp_path / "eul-2025-01.pdf"
    pdf.write_bytes(meti_pdf([*old, removed]))
    s = campus.store
    v1 = s.eul.import_file(campus.office, pdf, dt.date(2025, 1, 31))["version_id"]
    v2 = s.eul.import_file(campus.office, XLSX, dt.date(2025, 10, 9))["version_id"]
    diff = s.eul.diff(v1, v2)
    assert [r["name"] for r in diff["removed"]] == ["Nonexistent Trading Co."]
    assert len(diff["added"]) == 835 - 30
    # Reading the same entry from the PDF and from Excel gives the same entry.
    assert [(c["after"]["no"], c["fields"]) for c in diff["changed"]] == [(5, ["concerns"])]
    assert s.eul.current_version()["id"] == v2


# --- METI's Excel layout, fixtures ----------------------------------------------------------


def test_meti_xlsx_layout_fixture():
    rows = entities()
    data = meti_xlsx(
        rows,
        concern_styles={1: "ja_comma", 2: "fullwidth", 3: "trailing"},
        alias_cells={5: "・Volga Plant\n(ヴォルガ化学工場)\n・VCP"},
    )
    parsed = parse_xlsx(data)
    assert [e.no for e in parsed] == list(range(1, 15))
    assert parsed[0].concerns == ("M",) and parsed[2].concerns == ("M", "N")
    assert (
        parsed[1].concerns == ("M",) and parsed[1].name_original == "中国電子科技集団公司第十研究所"
    )
    assert parsed[4].aliases == ("Volga Plant (ヴォルガ化学工場)", "VCP")
    assert [e.conventional_weapons for e in parsed] == [e.conventional_weapons for e in rows]
    assert parsed[0].country_ja == "イラン" and parsed[0].country_en == "Iran"
    assert all("ケネン" not in e.name_en + "".join(e.aliases) for e in parsed)
    # The template still works in a workbook.
    from openpyxl import Workbook

    wb = Workbook()
    for row in csv.reader(io.StringIO(template_csv(rows))):
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    assert [e.key() for e in parse_xlsx(buffer.getvalue())] == [e.key() for e in rows]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (meti_xlsx(entities(4), cached=False), "formula without a saved value"),
        (meti_xlsx([*entities(2), entities(4)[3]]), "No. 3 is missing"),
        (meti_xlsx([["1", "アトランティス\nAtlantis", "X Co.", "", "M", ""]]), "unknown country"),
        (meti_xlsx([["1", "イラン\nIran", "X Co.", "", "ミサイル\nQ", ""]]), "type of concern"),
        (meti_xlsx([["1", "イラン\nIran", "X Co.", "", "M", "maybe"]]), "conventional"),
        (b"PK\x03\x04 broken", "not a readable XLSX"),
    ],
)
def test_meti_xlsx_refusals(tmp_path: Path, data: bytes, message: str):
    campus = make_campus(tmp_path / "x.db")
    path = tmp_path / "list.xlsx"
    path.write_bytes(data)
    with pytest.raises(EulImportError, match=message):
        campus.store.eul.import_file(campus.office, path)
    assert campus.store.eul.versions() == []


def test_layout_recognised_by_header_not_name(tmp_path: Path):
    path = tmp_path / "download (3).xlsx"
    path.write_bytes(meti_xlsx(entities(3)))
    assert [e.no for e in read_list(path).entities] == [1, 2, 3]
    other = tmp_path / "end-user-list.xlsx"
    other.write_bytes(meti_xlsx([["1", "x", "y", "z", "M", ""]]).replace(b"No.", b"Nr."))
    with pytest.raises(EulImportError):
        read_list(other)


# --- PDF layouts from different printers -----------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"header_on": "first"},
        {"header_on": "split"},
        {"no_in": "last", "valign": "MIDDLE"},
        {"page": A4, "widths": (0.06, 0.14, 0.3, 0.3, 0.12, 0.08), "rules": "box"},
        {"page": landscape(A3), "font_size": 11, "header_on": "first", "no_in": "last"},
    ],
    ids=["header-page-1", "header-before-split", "no-in-second-part", "portrait-boxes", "a3"],
)
def test_pdf_layouts(options):
    rows = entities()
    parsed = parse_pdf(meti_pdf(rows, **options))
    assert [e.key() for e in parsed] == [e.key() for e in rows]


def test_pdf_without_text_or_table_is_refused():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(100, 700, "Not a list")
    c.showPage()
    c.save()
    with pytest.raises(EulImportError, match="no ruled table"):
        parse_pdf(buffer.getvalue())


# --- export-ban lists --------------------------------------------------------------------------


@real
@pytest.mark.parametrize(
    ("kind", "count", "notice", "updated"),
    [
        ("ban_russia", 561, "令和四年外務省告示第八十二号", "2025-09-12"),
        ("ban_belarus", 27, "令和四年外務省告示第百四号", "2022-07-05"),
        ("ban_third_countries", 56, "令和五年外務省告示第四百四十七号", "2025-09-12"),
    ],
)
def test_real_ban_lists(kind, count, notice, updated):
    parsed = read_list(BANS[kind])
    assert (parsed.list_kind, parsed.notice, parsed.last_updated) == (kind, notice, updated)
    assert [e.no for e in parsed.entities] == list(range(1, count + 1))
    for e in parsed.entities:
        assert e.name_en and e.address and e.country_code, e


@real
def test_real_ban_hand_checked_entries():
    ru = {e.no: e for e in read_list(BANS["ban_russia"]).entities}
    assert (
        ru[1].name_en == "Admiralty Shipyard JSC"
        and ru[1].name_original == "株式会社アドミラルティ造船所"
    )
    assert ru[12].aliases == ("ロシア量子センター", "RQC", "Russian Quantum Center")
    # '-Solid' / '-State Physics…': a word wrapped at its hyphen is one alias.
    assert any("Institute of Solid-State Physics N.A. Yu. A. Osipyan" in a for a in ru[346].aliases)
    assert ru[560].aliases == ("AMG 社", "有限会社 AMG", "LLC Company AMG", "Kompaniya AMG")
    assert ru[561].name_en == "LLC Vneshekostil"
    by = {e.no: e for e in read_list(BANS["ban_belarus"]).entities}
    assert by[2].name_en == "JSC Integral"
    assert by[2].aliases[-2:] == (
        "OAO Integral",
        "Joint-Stock Company Integral-Holding Managing Company",
    )
    third = {e.no: e for e in read_list(BANS["ban_third_countries"]).entities}
    assert (third[1].name_en, third[1].country_code) == ("Tako LLC", "AM")
    assert "HEAD Aerospace" in third[21].aliases  # ended by a full-width ；
    assert third[56].country_code == "AE"


def ban_blocks() -> list[Block]:
    return [
        Block(
            "株式会社ブルーリバー造船所",
            "Blue River Shipyard JSC",
            "1 Quay Street, Murmansk, Russia.",
        ),
        Block(
            "北方量子センター",
            "Northern Quantum Centre LLC",
            "100 Novaya Street, Moscow, 143025, Russia.",
            ["北量センター", "NQC"],
            ["Northern Quantum Center", "NQC"],
        ),
        Block(
            "有限会社アムール機械",
            "LLC Amur Machinery",
            "ul. Lesnaya 20, Khabarovsk 680000, Russia",
            ["アムール機械社"],
            ["Amur Machinery Company", "OOO Amur Mash"],
            new_style=True,
        ),
    ]


def test_ban_list_fixture():
    parsed = parse_ban_pdf(ban_pdf(ban_blocks()))
    assert (parsed.kind, parsed.notice, parsed.last_updated) == (
        "ban_russia",
        "令和四年外務省告示第八十二号",
        "2025-09-12",
    )
    a, b, c = parsed.entities
    assert (a.no, a.name_en, a.name_original) == (
        1,
        "Blue River Shipyard JSC",
        "株式会社ブルーリバー造船所",
    )
    assert b.aliases == ("北量センター", "NQC", "Northern Quantum Center")
    assert c.aliases == ("アムール機械社", "Amur Machinery Company", "OOO Amur Mash")
    assert c.address.startswith("ul. Lesnaya") and c.country_code == "RU"
    third = parse_ban_pdf(ban_pdf(ban_blocks()[:1], kind="third"))
    assert third.kind == "ban_third_countries" and third.entities[0].country_code == "RU"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"skip": 2}, "No. 2 is missing"),
        ({"blank_page": True}, "has no text"),
        (
            {"title": "○ 何か別の一覧（令和四年外務省告示第一号）"},
            "not a list of specified entities",
        ),
        ({"updated": "未定"}, "last update"),
    ],
)
def test_ban_list_refusals(tmp_path: Path, options, message):
    campus = make_campus(tmp_path / "b.db")
    path = tmp_path / "ban.pdf"
    path.write_bytes(ban_pdf(ban_blocks() * 2, **options))
    with pytest.raises(EulImportError, match=message):
        campus.store.eul.import_file(campus.office, path, fmt="export_ban")
    assert campus.store.eul.versions() == []


# --- CSV -------------------------------------------------------------------------------------


def test_csv_with_an_unclosed_quote_is_refused(tmp_path: Path):
    rows = [
        Entity(
            i, "IR", "イラン", "Iran", f"Trading Company Number {i}, Ltd.", "", (), ("M",), False
        )
        for i in range(1, 836)
    ]
    text = template_csv(rows)
    assert text.count('"Trading Company Number 100, Ltd."') == 1
    broken = text.replace('"Trading Company Number 100, Ltd."', '"Trading Company Number 100, Ltd.')
    campus = make_campus(tmp_path / "c.db")
    for encoding in ("utf-8", "utf-8-sig", "cp932"):
        path = tmp_path / f"list-{encoding}.csv"
        path.write_bytes(broken.encode(encoding))
        with pytest.raises(EulImportError, match="quot"):
            campus.store.eul.import_file(campus.office, path)
        assert len(parse_csv(text.encode(encoding))) == 835
    assert campus.store.eul.versions() == []


# --- several lists in force ---------------------------------------------------------------------


def test_cases_screened_against_every_list(tmp_path: Path, capsys, monkeypatch):
    # Commands sign in, as a script does: the user and password from the environment.
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("EXPORTDESK_USER", "office1")
    campus = make_campus(tmp_path / "m.db")
    s = campus.store
    eul = tmp_path / "eul.xlsx"
    eul.write_bytes(meti_xlsx(entities()))
    s.eul.import_file(campus.office, eul, dt.date(2025, 10, 9))
    answers = controlled_answers() | {
        "counterpart_name": "Northern Quantum Center",
        "counterpart_country": "RU",
    }
    case = s.submit(campus.prof, s.create_case(campus.prof, answers=answers)["id"])
    assert case["review"]["screening"]["hits"] == []
    ban = tmp_path / "ban.pdf"
    ban.write_bytes(ban_pdf(ban_blocks()))
    result = s.eul.import_file(campus.office, ban)
    assert result["list"] == "ban_russia" and result["effective"] == "2025-09-12"
    assert [c["after"] for c in result["rescreened"]] == [["ban_russia:2"]]
    screening = s.get_case(campus.office, case["id"])["review"]["screening"]
    hit = screening["hits"][0]
    assert (hit["list"], hit["no"], hit["measure"], hit["hit_kind"]) == (
        "ban_russia",
        2,
        "export_ban",
        "export_ban",
    )
    assert hit["list_name"]["en"].startswith("Specified entities")
    assert {x["list"] for x in screening["lists"]} == {"eul", "ban_russia"}
    assert s.eul.export_ban_hits(screening) == [hit]
    # A counterpart on an export-ban list: the engine's hard stop, which no exemption clears.
    banned = s.submit(
        campus.prof,
        s.create_case(campus.prof, answers=answers | {"counterpart_name": "Blue River Shipyard"})[
            "id"
        ],
    )
    assert banned["facts"]["counterpart"]["on_export_ban_list"] is True
    assert banned["outcome"] == "office_review"
    assert "export_ban_entity" in {r["code"] for r in banned["determination"]["reasons"]}
    # An End User List hit is a different kind; both can stand in one case.
    both = s.submit(
        campus.prof,
        s.create_case(
            campus.prof, answers=answers | {"counterpart_name": "Korea Mining Development Trading"}
        )["id"],
    )
    kinds = {(h["list"], h["hit_kind"]) for h in both["review"]["screening"]["hits"]}
    assert kinds == {("eul", "end_user_list")}
    # Dismissing a ban hit needs the list; the EUL hit with the same number stays open.
    s.eul.resolve(
        campus.office, case["id"], 2, "false_positive", "other firm", list_kind="ban_russia"
    )
    after = s.get_case(campus.office, case["id"])["review"]["screening"]
    assert s.eul.export_ban_hits(after) == [] and s.eul.unresolved(after) == []
    assert s.verify_audit().ok
    overview = {o["list"]: o for o in s.eul.overview()}
    assert overview["ban_russia"]["current"]["notice"] == "令和四年外務省告示第八十二号"
    assert overview["ban_belarus"]["current"] is None and overview["eul"]["threshold"] == 88
    db = str(tmp_path / "m.db")
    assert main(["eul", "--db", db, "versions"]) == 0
    out = capsys.readouterr().out
    assert "ban_russia" in out and "令和四年外務省告示第八十二号" in out and "eul" in out
    assert main(["eul", "--db", db, "threshold", "90", "--list", "ban_russia"]) == 0
    assert s.eul.threshold("ban_russia") == 90 and s.eul.threshold("eul") == 88
    assert main(["eul", "--db", db, "diff", "1", "2"]) == 2
