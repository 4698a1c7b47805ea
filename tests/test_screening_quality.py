"""What users of screening tools ask for: generic words do not flood results, short true
names are not scored too low, Japanese company names match with or without legal form."""

from __future__ import annotations

import pytest

from exportdesk.domain.screening import Entity, ScreeningIndex
from tests.test_lists import BANS, XLSX

RUSSIA = BANS["ban_russia"]


def E(no: int, name: str, original: str = "", aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(no, "RU", "ロシア", "Russian Federation", name, original, aliases, ("M",), False)


ENTITIES = [
    E(1, "Irkut Corporation"),
    E(2, "PJSC Irkut Corporation"),
    E(3, "Joint Stock Company Angstrem"),
    E(4, "Software Research Institute"),
    E(5, "Candid General Trading LLC"),
    E(6, "Odyssey General Trading FZC"),
    E(7, "JSC Integral", "株式会社インテグラル", ("OAO Integral",)),
    E(8, "Amur Machinery LLC", "有限会社アムール機械"),
    E(9, "Sharif University of Technology"),
    E(10, "China Academy of Space Technology"),
    E(11, "Russian Space Systems"),
    E(12, "Research Institute of Chemistry 27"),
    E(13, "Northern Quantum Centre", "北方量子センター"),
    E(14, "Harbin Institute of Technology"),
    # As in the real lists, many names share a common word such as 'space'.
    E(15, "Beijing Institute of Space Long March Vehicle"),
    E(16, "Space Launch Systems Design Bureau"),
    E(17, "Advanced Technologies Company of Iran"),  # nothing but common words
]


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex(ENTITIES, threshold=85)


@pytest.mark.parametrize(
    "query",
    [
        "CORP",
        "Company",
        "Institute",
        "株式会社",
        "㈱",
        "有限会社",
        "公司",
        "Research Institute",
        "General Trading LLC",
        "Joint Stock Company",
        "Technology Company",
        "International Trading Co., Ltd.",
        "Space Research Institute",  # similar to No. 4 only through generic words
        "Space Institute",  # 'space' alone is shared by several listed names
        "Tokyo Institute of Technology",
    ],
)
def test_generic_words_do_not_flood(index, query):
    assert index.screen(query) == [], query


@pytest.mark.parametrize(
    ("query", "no"),
    [
        ("Irkut", 1),
        ("Irkut Scientific Production Corp.", 1),
        ("Angstrem", 3),
        ("Angstrem Holding", 3),
        ("Sharif Univ. of Tech.", 9),
        ("Harbin Institute of Tech", 14),
    ],
)
def test_short_true_names_score_high(index, query, no):
    hits = index.screen(query)
    assert hits and hits[0].entity.no == no, (query, hits)
    assert hits[0].score >= 90


@pytest.mark.parametrize(
    ("query", "no"),
    [
        ("インテグラル", 7),
        ("株式会社インテグラル", 7),
        ("インテグラル株式会社", 7),
        ("㈱インテグラル", 7),
        ("（株）インテグラル", 7),
        ("株式会社 インテグラル", 7),
        ("アムール機械", 8),
        ("アムール機械株式会社", 8),
        ("(有)アムール機械", 8),
        ("北方量子センター", 13),
    ],
)
def test_japanese_names_with_or_without_legal_form(index, query, no):
    hits = index.screen(query)
    assert hits and hits[0].entity.no == no and hits[0].score == 100, (query, hits)


def test_threshold_is_per_index():
    strict = ScreeningIndex(ENTITIES, threshold=99)
    loose = ScreeningIndex(ENTITIES, threshold=85)
    query = "Irkut Scientific Production Corp."
    assert strict.screen(query) == [] and loose.screen(query)


@pytest.mark.skipif(not XLSX.is_file(), reason="../shared/data/meti is not present")
def test_generic_queries_on_the_real_lists():
    from exportdesk.imports.eul import read_list

    entities = read_list(XLSX).entities + read_list(RUSSIA).entities
    index = ScreeningIndex(entities, threshold=85)
    for query in (
        "Research Institute",
        "Joint Stock Company",
        "General Trading LLC",
        "Space Research Institute",
        "Beijing University",
        "Institute of Physics",
        "株式会社",
        "㈱",
        "公司",
    ):
        assert index.screen(query) == [], query
    assert index.screen("Rosoboronexport State Corporation")[0].score >= 90
    assert index.screen("Sharif Univ. of Tech.")[0].entity.name_en.startswith("Sharif")


def test_a_listed_name_of_common_words_matches_only_its_own_words(index):
    assert index.screen("Advanced Technologies Company of Iran")[0].entity.no == 17
    assert index.screen("Technologies Company of Iran Advanced")[0].entity.no == 17
    assert index.screen("Advanced Technologies of China") == []
