"""Documents: the ICP in both formats and languages, printed sheets and pledges, read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from exportdesk.cli import main
from exportdesk.documents.icp import icp_pdf
from exportdesk.documents.sheets import blank_pdf, case_pdf, pledge_pdf
from exportdesk.domain.profile import ProfileError, load_profile, parse_profile
from tests.store_fixtures import (
    PASSWORD,
    Campus,
    controlled_answers,
    make_campus,
    ready_for_decision,
)

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "examples" / "institution-profile.yaml"


def text_of(pdf: bytes) -> str:
    reader = PdfReader(BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    """Text with line breaks and spaces removed (extraction splits lines anywhere)."""
    return re.sub(r"\s+", "", text)


def fonts_of(pdf: bytes) -> list[tuple[str, bool]]:
    reader = PdfReader(BytesIO(pdf))
    found = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font.get("/BaseFont"))
            descriptor = font.get("/FontDescriptor")
            embedded = bool(descriptor) and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[name] = embedded
    return sorted(found.items())


@pytest.fixture(scope="module")
def profile():
    return load_profile(PROFILE)


@pytest.fixture(scope="module")
def icps(profile, catalog):
    return {
        (fmt, lang): icp_pdf(profile, catalog, fmt, lang)
        for fmt in ("small", "large")
        for lang in ("ja", "en")
    }


JA_ARTICLES = [
    "目的",
    "定義",
    "適用範囲",
    "基本方針",
    "最高責任者",
    "輸出管理統括責任者",
    "輸出管理担当部署",
    "事前確認",
    "該非判定",
    "取引審査",
    "特定類型の確認及び誓約書",
    "許可申請",
    "出荷及び提供の管理",
    "監査",
    "教育",
    "記録の保存",
    "違反の報告",
    "懲戒等",
    "細則",
]
EN_ARTICLES = [
    "Purpose",
    "Definitions",
    "Scope",
    "Basic Policy",
    "Chief Officer",
    "Chief Export Control Manager",
    "Export Control Office",
    "Prior Check",
    "Classification",
    "Transaction Screening",
    "Specific Categories and Written Pledges",
    "Licence Applications",
    "Shipment and Provision Control",
    "Audit",
    "Training",
    "Record Keeping",
    "Reporting Violations",
    "Discipline",
    "Detailed Rules",
]


@pytest.mark.parametrize("fmt", ["small", "large"])
def test_icp_japanese(icps, fmt):
    text = flat(text_of(icps[(fmt, "ja")]))
    for title in JA_ARTICLES:
        assert re.search(rf"第\d+条（{title}）", text), title
    assert "第1条（目的）" in text
    assert "架空工業大学" in text and "安全保障輸出管理室" in text and "研究担当理事" in text
    assert "7年間保存" in text
    assert "2027年4月1日から施行" in text
    assert "①" in text and "②" in text and "一「外為法等」" in text
    assert "特定類型該当者" in text and "非居住者" in text and "キャッチオール規制" in text
    assert "管理体制図" in text and "輸出者等遵守基準との対応" in text
    assert "別記様式第1" in text and "誓約書" in text
    if fmt == "large":
        assert "第1章総則" in text and "第2章管理体制" in text and "第7章雑則" in text
        assert re.search(r"第\d+条（輸出管理責任者）", text)
        assert re.search(r"第\d+条（部局における審査）", text)
        assert "工学研究科" in text and "先端材料研究所" in text
        assert "安全保障輸出管理委員会" in text
    else:
        assert "第1章" not in text
        assert not re.search(r"第\d+条（輸出管理責任者）", text)
        assert "工学研究科" not in text


@pytest.mark.parametrize("fmt", ["small", "large"])
def test_icp_english(icps, fmt):
    text = text_of(icps[(fmt, "en")])
    squashed = " ".join(text.split())
    for title in EN_ARTICLES:
        assert re.search(rf"Article \d+ \({re.escape(title)}\)", squashed), title
    assert "Example Institute of Technology" in squashed
    assert "for 7 years" in squashed and "1 April 2027" in squashed
    assert "(1)" in squashed and "(a)" in squashed
    if fmt == "large":
        assert "Chapter 1 General Provisions" in squashed
        assert "Graduate School of Medicine" in squashed
    else:
        assert "Chapter 1" not in squashed


def test_cross_reference_points_at_the_right_articles(icps):
    text = flat(text_of(icps[("small", "ja")]))
    record = re.search(r"第(\d+)条（記録の保存）", text)
    assert record
    # The prior-check article refers to the record-keeping article by its number.
    assert f"第{record.group(1)}条の定めるところにより保存する" in text


def test_fonts_are_embedded(icps):
    for pdf in icps.values():
        fonts = fonts_of(pdf)
        assert fonts, "no fonts found"
        assert all(embedded for _name, embedded in fonts), fonts
        assert all("IPAex" in name for name, _ in fonts), fonts


def test_profile_errors_name_the_field(tmp_path: Path, capsys):
    with pytest.raises(ProfileError, match=r"field 'office_name'"):
        parse_profile(
            {
                "name": {"ja": "a", "en": "b"},
                "president_title": {"ja": "a", "en": "b"},
                "chief_manager_post": {"ja": "a", "en": "b"},
                "effective_date": "2027-04-01",
            }
        )
    bad = tmp_path / "p.yaml"
    bad.write_text(
        PROFILE.read_text(encoding="utf-8").replace("retention_years: 7", "retention_years: 0"),
        encoding="utf-8",
    )
    assert main(["icp", "--profile", str(bad), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "retention_years" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert (
        main(["icp", "--profile", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "x.pdf")])
        == 2
    )


def test_icp_cli(tmp_path: Path):
    out = tmp_path / "icp.pdf"
    assert (
        main(
            ["icp", "--format", "small", "--profile", str(PROFILE), "--lang", "en", "-o", str(out)]
        )
        == 0
    )
    assert "Small-university format" in text_of(out.read_bytes())


@pytest.fixture
def campus(tmp_path: Path) -> Campus:
    return make_campus(tmp_path / "docs.db")


def test_case_pdf_keeps_user_text_exactly(campus: Campus, catalog):
    s = campus.store
    answers = controlled_answers()
    answers["counterpart_name"] = 'R&D <Lab> "Alpha" & Sons'
    answers["technology_description"] = "first line\nsecond line: x < y & z"
    case = s.create_case(campus.prof, answers=answers)
    s.submit(campus.prof, case["id"])
    s.take_for_review(campus.office, case["id"])
    s.save_review(
        campus.office,
        case["id"],
        {
            "use_requirement": False,
            "technology_classification": {"choice": "listed", "items": "5(1)"},
        },
    )
    ready_for_decision(s, campus.office, case["id"])
    s.record_decision(
        campus.office,
        case["id"],
        "approved_with_conditions",
        "Only <published> data & figures",
        "No drawings",
    )
    s.approve(campus.office, case["id"], "確認済み")
    full = s.get_case(None, case["id"])
    text = text_of(case_pdf(full, catalog, "ja", "架空工業大学"))
    assert 'R&D <Lab> "Alpha" & Sons' in text
    assert "first line" in text and "second line: x < y & z" in text
    lines = text.splitlines()
    assert lines.index(next(x for x in lines if "first line" in x)) < lines.index(
        next(x for x in lines if "second line" in x)
    )
    assert "Only <published> data & figures" in text
    squashed = flat(text)
    assert "輸出管理担当部署の審査が必要" in squashed
    assert "該当（項番・号を記入）5(1)" in squashed
    assert "条件付きで承認" in squashed and "輸出花子" in squashed and "確認済み" in squashed
    assert "2026.12" in squashed


def test_blank_sheets_and_pledge(campus: Campus, catalog):
    blank = flat(text_of(blank_pdf("check", catalog, "ja")))
    assert "事前確認シート" in blank and "□はい□いいえ" in blank
    review = flat(text_of(blank_pdf("review", catalog, "en")))
    assert "ClassificationandTransactionReviewSheet" in review and "Licenceapplication" in review
    s = campus.store
    pid = s.add_person(
        campus.prof,
        family_name="Wang",
        given_name="Li",
        name_native="王 立",
        nationality="CN",
        status="Doctoral student",
    )
    s.declare(campus.prof, pid, declared_on="2026-04-05", categories=[2], pledge_signed=True)
    inst = s.institution()
    text = flat(text_of(pledge_pdf(catalog, inst, s.person(pid), s.declarations(pid)[-1])))
    assert "誓約書" in text and "WrittenPledge" in text
    assert "WangLi（王立）" in text and "2026年4月5日/5April2026" in text
    assert "■類型2" in text and "□類型1" in text
    assert "■Category2" in text


def test_print_and_pledge_cli(campus: Campus, tmp_path: Path, capsys, monkeypatch):
    # Commands sign in, as a script does: the user and password from the environment.
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("EXPORTDESK_USER", "office1")
    s = campus.store
    case = s.create_case(campus.prof, answers=controlled_answers())
    s.submit(campus.prof, case["id"])
    pid = s.add_person(campus.prof, family_name="Kim", nationality="KR", status="doctoral")
    out = tmp_path / "case.pdf"
    assert main(["print", case["ref"], "--db", str(s.path), "-o", str(out)]) == 0
    assert case["ref"] in text_of(out.read_bytes())
    assert main(["print", "9999", "--db", str(s.path), "-o", str(out)]) == 1
    assert "not found" in capsys.readouterr().err
    pledge = tmp_path / "pledge.pdf"
    args = ["pledge", "--person", str(pid), "--db", str(s.path), "-o", str(pledge)]
    assert main([*args, "--user", "prof", "--kind", "exit"]) == 0
    text = text_of(pledge.read_bytes())
    assert "Kim" in text and "離籍時の誓約書" in text and "Pledge at the end of the stay" in text
    assert "博士課程学生 / Doctoral student" in text
    # Someone who may not see the person gets nothing.
    pledge.unlink()
    assert main([*args, "--user", "prof-sci"]) == 1
    assert not pledge.exists()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_render_to_png(icps, tmp_path: Path):
    pdf = tmp_path / "icp.pdf"
    pdf.write_bytes(icps[("large", "ja")])
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "3", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == 3
    from PySide6.QtGui import QImage

    image = QImage(str(pages[0]))
    dark = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50, "the title page is blank"


def test_gui_print_and_icp_screen(campus: Campus, qtbot, fonts, tmp_path: Path):
    from exportdesk.gui.checksheet import CheckSheetEditor
    from exportdesk.gui.icp_view import IcpView

    s = campus.store
    case = s.create_case(campus.prof, answers=controlled_answers())
    editor = CheckSheetEditor(s, campus.prof, case["id"], "ja")
    qtbot.addWidget(editor)
    out = tmp_path / "printed.pdf"
    assert editor.save_pdf(str(out)) == str(out)
    assert case["ref"] in text_of(out.read_bytes())

    view = IcpView(s, campus.admin, "ja")
    qtbot.addWidget(view)
    view.large.setChecked(True)
    view.preview()
    assert view.view.pages >= 10
    assert view.message.text().startswith(str(view.view.pages))
    icp = tmp_path / "icp.pdf"
    view.save_pdf(str(icp))
    text = flat(text_of(icp.read_bytes()))
    assert "架空工業大学安全保障輸出管理規程" in text and "工学部" in text
    view.name_ja.clear()
    view.preview()
    assert view.message.text() == "「機関名（日本語）」が空欄です。"


def test_print_all_cases_in_a_batch(campus: Campus, tmp_path: Path, capsys, monkeypatch):
    # Commands sign in, as a script does: the user and password from the environment.
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("EXPORTDESK_USER", "office1")
    s = campus.store
    refs = []
    for i in range(3):
        case = s.create_case(campus.prof, answers=controlled_answers() | {"title": f"Batch {i}"})
        s.submit(campus.prof, case["id"])
        refs.append(case["ref"])
    s.create_case(campus.prof, answers={"title": "draft"})
    out = tmp_path / "pdfs"
    assert (
        main(["print", "--all", "--status", "submitted", "--db", str(s.path), "-o", str(out)]) == 0
    )
    assert "3 PDFs" in capsys.readouterr().out
    assert sorted(p.stem for p in out.glob("*.pdf")) == sorted(refs)
    assert "Batch 1" in text_of((out / f"{refs[1]}.pdf").read_bytes())
