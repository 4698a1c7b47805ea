"""People search folds the case of every letter, not only ASCII's, and finds the same
people on SQLite and PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from exportdesk.store.folding import ASCII_FROM_OTHERS, fold_case
from tests.campus_world import ENGINES, campus_on
from tests.store_fixtures import Campus

NAMES = [
    ("Müller", "Anna"),
    ("ÉLODIE", "Dubois"),
    ("ＴＡＮＡＫＡ", "Ｈａｎａ"),  # full-width, as some Japanese systems export names
    ("Иванов", "Пётр"),
    ("İLHAN", "Ayşe"),
    ("Straße", "Jörg"),
    ("Muller", "Ben"),
]


@pytest.fixture(params=ENGINES)
def campus(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    c = campus_on(request, tmp_path / "search.db")
    for family, given in NAMES:
        c.store.add_person(c.office, family_name=family, given_name=given, nationality="DE")
    return c


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("MÜLLER", ["Müller"]),
        ("müller", ["Müller"]),
        ("muller", ["Muller"]),  # ü is not u
        ("élodie", ["ÉLODIE"]),
        ("ÉLO", ["ÉLODIE"]),
        ("ｔａｎａｋａ", ["ＴＡＮＡＫＡ"]),
        ("ＨＡＮＡ", ["ＴＡＮＡＫＡ"]),
        ("ИВАНОВ пётр", ["Иванов"]),
        ("ilhan", ["İLHAN"]),  # İ folds to i, on both engines
        ("AYŞE", ["İLHAN"]),
        ("STRAẞE", ["Straße"]),
        ("JÖRG", ["Straße"]),
        ("ö", ["Straße"]),
        ("anna MÜL", ["Müller"]),
        ("Ü", ["Müller"]),
        ("ИВАНОВ", ["Иванов"]),  # no ASCII letter at all
        ("m_ller", []),  # the user's _ and % are literal, beside letters beyond ASCII too
        ("mü%", []),
        ("_ü", []),
    ],
)
def test_the_same_people_on_both_engines(campus: Campus, search: str, found: list[str]):
    s = campus.store
    names = [p["family_name"] for p in s.list_people(campus.office, search=search)]
    assert sorted(names) == sorted(found)
    # The People screen reads the ids in order, then their rows: the same people.
    ids = s.people_order(campus.office, search=search)
    assert sorted(s.people_rows(campus.office, ids)[i]["family_name"] for i in ids) == sorted(found)


def test_the_import_matches_a_name_whatever_its_case(campus: Campus):
    s = campus.store
    [muller] = s.find_people(campus.office, name="MÜLLER ANNA")
    assert s.person(muller)["family_name"] == "Müller"
    assert s.find_people(campus.office, name="muller anna") == []
    assert len(s.find_people(campus.office, name="straße jörg")) == 1


def test_fold_case_is_one_character_for_one():
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = fold_case(ch)
        assert folded is not None and len(folded) == 1, hex(code)
        # The letters beyond ASCII that fold into ASCII are the ones the search replaces.
        if code >= 128 and folded.isascii():
            assert ASCII_FROM_OTHERS[ch] == folded
    assert set(ASCII_FROM_OTHERS) == {"\u0130", "\u212a"}
    assert fold_case("ΟΔΟΣ") == "οδοσ" and fold_case(None) is None


SORT_NAMES = ["Émile", "école", "Zoe", "apple", "Eve", "ÖZ", "oz"]


@pytest.fixture(params=ENGINES)
def sorting(request, tmp_path: Path) -> Campus:  # type: ignore[no-untyped-def]
    c = campus_on(request, tmp_path / "sort.db")
    for family in SORT_NAMES:
        c.store.add_person(c.office, family_name=family, given_name="X", nationality="FR")
    return c


@pytest.mark.parametrize("descending", [False, True])
def test_the_same_order_on_both_engines(sorting: Campus, descending: bool) -> None:
    # Every letter folded, then by code point: SQLite's lower() alone would put "Émile"
    # before "école" (É is not folded), and a server collation would mix É with E.
    expected = ["apple", "Eve", "oz", "Zoe", "école", "Émile", "ÖZ"]
    if descending:
        expected.reverse()
    s = sorting.store
    rows = s.list_people(sorting.office, order_by="family_name", descending=descending)
    assert [r["family_name"] for r in rows] == expected
    ids = s.people_order(sorting.office, order_by="family_name", descending=descending)
    assert ids == [r["id"] for r in rows]
