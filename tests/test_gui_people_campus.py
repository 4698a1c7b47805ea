"""The People screen and the person's form on both engines: on PostgreSQL each person
works through their own connection, so the server's policies stand behind the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from exportdesk.gui.app import install_language
from exportdesk.gui.people_page import PeoplePage
from tests.campus_world import World, pg_world, sqlite_world
from tests.gui_helpers import User


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request, tmp_path, qapp):  # type: ignore[no-untyped-def]
    install_language(qapp, "ja")
    if request.param == "sqlite":
        w = sqlite_world(tmp_path / "campus.db")
    else:
        w = pg_world(request.getfixturevalue("pg_cluster"))
    yield w
    w.close()


def page_for(world: World, user, qtbot) -> PeoplePage:  # type: ignore[no-untyped-def]
    page = PeoplePage(world.store(user), user, "ja")
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    return page


def names(page: PeoplePage) -> list[str]:
    return [page.model.index(r, 1).data() for r in range(page.model.rowCount())]


def test_form_list_and_visibility_on_both_engines(world: World, qtbot) -> None:
    office = world.office
    page = page_for(world, office, qtbot)
    user = User(qtbot)
    people = [
        ("S1", "Wang", "CN", world.eng, "master"),
        ("S2", "kim", "KR", world.sci, "research_student"),
        ("S3", "Adams", "US", world.eng, "postdoc"),
        ("S4", "Wan_", "VN", world.eng, ""),
    ]
    for ext, family, country, dep, status in people:
        form = page.new_person()
        qtbot.addWidget(form)
        user.type(form.texts["external_id"], ext)
        user.type(form.texts["family_name"], family)
        form.nationality.set_value(country)
        user.choose(form.department, dep)
        user.choose(form.status, status)
        user.type(form.dates["entry_date"], "令和8年4月1日")
        assert form.save() is True, form.message.text()
    assert names(page) == ["Adams", "kim", "Wan_", "Wang"]  # case-insensitive, by name
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["Wan_", "Adams", "kim", "Wang"]  # nationality, descending
    user.type(page.search, "wan_")  # a LIKE wildcard is searched for as itself
    qtbot.waitUntil(lambda: names(page) == ["Wan_"], timeout=2000)
    page.search.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 4, timeout=2000)

    # A change of status through the form opens a re-check, recorded by this connection.
    store = world.store(office)
    wang = store.find_people(office, external_id="S1")[0]
    page.select_person(wang)
    form = page.panel.edit_person()
    qtbot.addWidget(form)
    user.choose(form.status, "doctoral")
    assert form.save() is True
    assert [r["reason"] for r in store.rechecks(office, wang, open_only=True)] == ["status"]
    assert "身分の変更" in page.notice.text()
    actions = [
        r[0]
        for r in store.db.execute(
            "SELECT action FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY seq",
            [str(wang)],
        ).fetchall()
    ]
    assert actions == ["create", "update", "recheck_opened"]

    # The science manager's screen lists their department only, through their own store.
    manager = world.manager_sci
    science = page_for(world, manager, qtbot)
    assert names(science) == ["kim"]
    form = science.new_person()
    qtbot.addWidget(form)
    user.type(form.texts["family_name"], "Li")
    form.nationality.set_value("CN")
    user.choose(form.department, world.sci)
    assert form.save() is True, form.message.text()
    assert names(science) == ["kim", "Li"]
    assert not world.store(manager).may_edit_person(manager, wang)
    assert world.store(manager).people_rows(manager, [wang]) == {}
