"""The shipped forms load and validate; broken files are reported by file and entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exportdesk.domain.catalog import FormsError, load_catalog
from exportdesk.resources import forms_dir


def test_shipped_forms_are_complete(catalog):
    assert len(catalog.research_areas.entries) == 54
    ids = [i.id for i in catalog.list_items.entries]
    assert ids == [str(n) for n in range(1, 4)] + ["3-2"] + [str(n) for n in range(4, 17)]
    assert {c.id for c in catalog.resident_categories.entries} == {1, 2, 3}
    assert catalog.category_by_id[2].benefit_share_threshold == 0.25
    groups = {g.id: g for g in catalog.country_groups.groups}
    assert len(groups["A"].countries) == 27
    assert len(groups["un_arms_embargo"].countries) == 10
    assert sorted(groups["concern"].countries) == ["IQ", "IR", "KP"]
    assert {a.id for a in catalog.activities.entries} >= {
        "foreign_student_admission",
        "student_exit",
        "visiting_researcher",
        "joint_research",
        "international_conference",
        "overseas_trip_goods",
        "sending_samples",
        "technology_provision",
        "facility_tour",
        "written_pledge",
    }
    exemptions = {e.id for e in catalog.exemptions.entries}
    assert {"publicly_available", "basic_science", "industrial_property"} <= exemptions


def test_every_entry_has_source_confidence_and_both_languages(catalog):
    for area in catalog.research_areas.entries:
        assert area.source and area.confidence == "unverified"
        assert area.name.ja and area.name.en
    for item in catalog.list_items.entries:
        assert item.name.ja and item.name.en and item.source


def test_most_severe_group_wins(catalog):
    assert catalog.country_group("IQ") == "concern"  # in both embargo and concern lists
    assert catalog.country_group("AF") == "un_arms_embargo"
    assert catalog.country_group("US") == "A"
    assert catalog.country_group("CN") == "general"


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    target = tmp_path / "forms"
    shutil.copytree(forms_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bad_confidence_names_file_and_entry(forms_copy: Path):
    _edit(forms_copy / "list_items.yaml", "confidence: confirmed", "confidence: probably")
    with pytest.raises(FormsError) as err:
        load_catalog(base_dir=forms_copy)
    msg = str(err.value)
    assert msg.startswith("list_items.yaml:")
    assert "entry '1'" in msg and "confidence" in msg


def test_research_area_with_unknown_list_item(forms_copy: Path):
    _edit(forms_copy / "research_areas.yaml", 'list_items: ["2"]', 'list_items: ["99"]')
    with pytest.raises(
        FormsError, match=r"research_areas.yaml: entry '14010': unknown list item '99'"
    ):
        load_catalog(base_dir=forms_copy)


def test_missing_language_is_reported(forms_copy: Path):
    _edit(forms_copy / "activities.yaml", "name: {ja: 外国人留学生の受入れ, ", "name: {")
    with pytest.raises(FormsError) as err:
        load_catalog(base_dir=forms_copy)
    assert "activities.yaml" in str(err.value)
    assert "entry 'foreign_student_admission'" in str(err.value)
    assert "ja" in str(err.value)


def test_yaml_syntax_error_names_file(forms_copy: Path):
    (forms_copy / "red_flags.yaml").write_text("kind: red_flags\nentries: [\n", encoding="utf-8")
    with pytest.raises(FormsError, match=r"^red_flags.yaml: not valid YAML"):
        load_catalog(base_dir=forms_copy)


def test_question_with_unknown_condition_target(forms_copy: Path):
    _edit(
        forms_copy / "check_sheet.yaml",
        "show_if: {question: technology_provided, equals: true}",
        "show_if: {question: no_such_question, equals: true}",
    )
    with pytest.raises(FormsError, match="unknown question 'no_such_question'"):
        load_catalog(base_dir=forms_copy)


def test_group_count_mismatch(forms_copy: Path):
    _edit(forms_copy / "country_groups.yaml", "expected_count: 27", "expected_count: 26")
    with pytest.raises(FormsError, match="entry 'A': lists 27 countries but expected_count is 26"):
        load_catalog(base_dir=forms_copy)


def test_institution_override_adds_replaces_and_removes(tmp_path: Path):
    inst = tmp_path / "inst"
    inst.mkdir()
    (inst / "manifest.yaml").write_text('kind: manifest\nversion: "univ-3"\n', encoding="utf-8")
    (inst / "research_areas.yaml").write_text(
        """
remove: ["14010"]
entries:
  - code: "14020"
    name: {ja: 核融合学関連（本学）, en: Nuclear fusion (ours)}
  - code: "90150"
    name: {ja: 医療福祉工学関連, en: Medical and welfare engineering}
    list_items: ["10"]
    source: University export control committee, 2026-04
    confidence: confirmed
""",
        encoding="utf-8",
    )
    cat = load_catalog(inst)
    assert cat.version == "2026.12+univ-3"
    assert "14010" not in cat.area_by_code
    assert cat.area_by_code["14020"].name.en == "Nuclear fusion (ours)"
    assert cat.area_by_code["14020"].list_items == ["2"]  # kept from the shipped entry
    assert cat.area_by_code["90150"].confidence == "confirmed"
    assert len(cat.research_areas.entries) == 54


def test_override_folder_errors_are_reported(tmp_path: Path):
    inst = tmp_path / "inst"
    inst.mkdir()
    (inst / "research_areas.yaml").write_text(
        'entries:\n  - code: "123"\n    name: {ja: x, en: y}\n    list_items: ["2"]\n'
        "    source: s\n    confidence: confirmed\n",
        encoding="utf-8",
    )
    with pytest.raises(FormsError, match=r"research_areas.yaml: entry '123'.*code"):
        load_catalog(inst)
    with pytest.raises(FormsError, match="forms folder not found"):
        load_catalog(tmp_path / "missing")


# --- Against the law itself (e-Gov XML of the Export Trade Control Order) ---------------------


def _law_dir() -> Path:
    from exportdesk.domain.law import default_law_dir, find_order

    found = default_law_dir()
    return found if found is not None and find_order(found) is not None else Path("/nonexistent")


LAW_DIR = _law_dir()
needs_law = pytest.mark.skipif(
    not LAW_DIR.is_dir(), reason="e-Gov XML of the Export Trade Control Order not present"
)


@needs_law
def test_country_groups_and_list_items_match_the_order(catalog):
    """Appended Tables 3 (27), 3-2 (10), 4 (3) and the items of Appended Table 1."""
    from exportdesk.domain.law import check_against_law

    used, problems = check_against_law(catalog, LAW_DIR)
    assert used is not None and used.name.startswith("export-trade-control-order-")
    assert problems == []


@needs_law
def test_a_wrong_country_group_is_reported_against_the_order(forms_copy: Path, capsys):
    from exportdesk.cli import main
    from exportdesk.domain.law import check_against_law

    # Drop Korea from Group A (as before 2023-07-21) and add Syria to the embargo list.
    _edit(forms_copy / "country_groups.yaml", " KR,", "")
    _edit(forms_copy / "country_groups.yaml", "expected_count: 27", "expected_count: 26")
    _edit(forms_copy / "country_groups.yaml", "SO, SD, SS]", "SO, SD, SS, SY]")
    _edit(forms_copy / "country_groups.yaml", "expected_count: 10", "expected_count: 11")
    cat = load_catalog(base_dir=forms_copy)
    _, problems = check_against_law(cat, LAW_DIR)
    assert "country group 'A': KR is in 別表第三, not in forms" in problems
    assert "country group 'un_arms_embargo': SY is in forms, not in 別表第三の二" in problems
    assert main(["forms", "validate", "--law", str(LAW_DIR)]) == 0
    assert "country groups and list items agree" in capsys.readouterr().out
    assert main(["forms", "validate", str(forms_copy), "--law", str(LAW_DIR)]) == 1
    err = capsys.readouterr().err
    assert "KR is in 別表第三, not in forms" in err and "SY is in forms" in err


def test_law_folder_without_the_order_is_not_checked(catalog, tmp_path: Path, capsys):
    from exportdesk.cli import main
    from exportdesk.domain.law import check_against_law

    assert check_against_law(catalog, tmp_path) == (None, [])
    (tmp_path / "export-trade-control-order-2026-02-14.xml").write_text("<Law>", encoding="utf-8")
    assert main(["forms", "validate", "--law", str(tmp_path)]) == 1
    assert "cannot be read as XML" in capsys.readouterr().err


def test_law_table_parsing_on_a_small_fixture(catalog, tmp_path: Path):
    """A hand-made table in the e-Gov layout: a missing country and an unknown name."""
    from exportdesk.domain.law import check_against_law, kanji_item

    assert [kanji_item(x) for x in ("一", "三の二", "一〇", "一六")] == ["1", "3-2", "10", "16"]
    rows = "".join(
        f"<TableRow><TableColumn><Sentence>{k}</Sentence></TableColumn>"
        f"<TableColumn><Sentence>goods</Sentence></TableColumn></TableRow>"
        for k in ["一", "二", "三", "三の二"] + [kanji_item_ja(n) for n in range(4, 17)]
    )
    xml = (
        "<Law><LawBody>"
        "<AppdxTable><AppdxTableTitle>別表第一</AppdxTableTitle><TableStruct><Table>"
        f"{rows}</Table></TableStruct></AppdxTable>"
        "<AppdxTable><AppdxTableTitle>別表第四</AppdxTableTitle><Item><ItemSentence>"
        "<Sentence>イラン、北朝鮮、ナルニア</Sentence></ItemSentence></Item></AppdxTable>"
        "</LawBody></Law>"
    )
    (tmp_path / "export-trade-control-order-2099-01-01.xml").write_text(xml, encoding="utf-8")
    _, problems = check_against_law(catalog, tmp_path)
    assert "country group 'concern': IQ is in forms, not in 別表第四" in problems
    assert any("'ナルニア'" in p for p in problems)
    assert any("別表第三 not found" in p for p in problems)
    assert not any("list item" in p or "Appended Table 1" in p for p in problems)


def kanji_item_ja(n: int) -> str:
    digits = "〇一二三四五六七八九"
    return "".join(digits[int(c)] for c in str(n))


def test_every_confirmed_entry_names_a_primary_source(catalog):
    from exportdesk.domain.catalog import _confirmed_entries, _is_primary

    confirmed = _confirmed_entries(catalog)
    assert len(confirmed) > 40
    assert [(f, e) for f, e, src in confirmed if not _is_primary(src)] == []
    groups = {g.id: g for g in catalog.country_groups.groups}
    for gid in ("A", "un_arms_embargo", "concern"):
        assert groups[gid].confidence == "confirmed" and "e-Gov" in groups[gid].source


def test_confirmed_from_a_practitioner_page_is_refused(forms_copy: Path):
    _edit(
        forms_copy / "exemptions.yaml",
        "source: https://www.meti.go.jp/policy/anpo/daigaku/el/4/q10_a2.html",
        "source: https://example-consultant.com/basic-science",
    )
    with pytest.raises(FormsError, match=r"exemptions.yaml: entry 'basic_science': confirmed"):
        load_catalog(base_dir=forms_copy)


def test_measures_are_validated(forms_copy: Path):
    _edit(forms_copy / "measures.yaml", "countries: [RU, BY]", "countries: [RU, XX]")
    with pytest.raises(FormsError, match=r"measures.yaml: entry 'russia_belarus_export_ban'"):
        load_catalog(base_dir=forms_copy)


def test_a_decision_blocked_by_an_unknown_classification_choice(forms_copy: Path):
    _edit(
        forms_copy / "review_sheet.yaml",
        "blocked_by_classification: [unclear]",
        "blocked_by_classification: [unsure]",
    )
    with pytest.raises(
        FormsError,
        match=r"review_sheet.yaml: decision 'no_licence_needed': blocked_by_classification: 'unsure'",
    ):
        load_catalog(base_dir=forms_copy)
