"""Campus mode when the connection to the server is lost (restart, network drop).

The server cuts a person's connection (pg_terminate_backend, which leaves the client
exactly as a restart does: AdminShutdown, then "the connection is closed"). The store
must say so in the user's language, leave nothing half-written, and carry on on the
next call, connected again as the same person.
"""

from __future__ import annotations

import select
import sys
import threading

import psycopg
import pytest
from PySide6.QtCore import Qt

from exportdesk.store import Store, StoreError
from exportdesk.store.pg.engine import PostgresEngine
from tests.campus_world import World, pg_world
from tests.store_fixtures import plain_visit_answers


@pytest.fixture
def world(pg_cluster):  # type: ignore[no-untyped-def]
    w = pg_world(pg_cluster)
    yield w
    w.close()


def superuser(w: World) -> psycopg.Connection:
    return psycopg.connect(w.admin_dsn, autocommit=True)


def cut_off(w: World, pid: int) -> None:
    """The server ends one backend and waits until it is gone."""
    with superuser(w) as conn:
        row = conn.execute("SELECT pg_terminate_backend(%s, 5000)", [pid]).fetchone()
    assert row == (True,)


def engine(store: Store) -> PostgresEngine:
    assert isinstance(store.db, PostgresEngine)
    return store.db


def stored(w: World, case_id: int) -> tuple[str, int]:
    """The case's title and the audit log's length, read past every policy."""
    with superuser(w) as conn:
        title = conn.execute(
            "SELECT title FROM exportdesk.cases WHERE id = %s", [case_id]
        ).fetchone()
        count = conn.execute("SELECT count(*) FROM exportdesk.audit_log").fetchone()
    assert title is not None and count is not None
    return str(title[0]), int(count[0])


def test_a_transaction_cut_off_midway_is_not_applied_and_the_next_call_reconnects(
    world: World,
) -> None:
    w = world
    prof = w.store(w.prof)
    case = prof.create_case(w.prof, answers=plain_visit_answers(title="Before"))
    before = stored(w, case["id"])
    eng = engine(prof)
    pid = eng.conn.info.backend_pid
    with pytest.raises(StoreError) as lost, eng.atomic():
        eng["cases"].update(case["id"], {"title": "Half-written"})
        cut_off(w, pid)
        eng.execute("SELECT 1")
    assert lost.value.code == "connection_lost"
    assert "connection to the campus database was lost" in lost.value.en
    assert "学内データベースとの接続が切れました" in lost.value.ja
    assert stored(w, case["id"]) == before  # PostgreSQL rolled the update back
    # The next call connects again, as the professor, and saving works.
    saved = prof.save_draft(w.prof, case["id"], plain_visit_answers(title="After"))
    assert saved["title"] == "After"
    assert eng.conn.info.backend_pid != pid
    assert eng.session_login() == w.prof.login
    title, entries = stored(w, case["id"])
    assert (title, entries) == ("After", before[1] + 1)


def test_a_connection_cut_while_idle_is_replaced_before_the_next_save(world: World) -> None:
    """The server restarted while the window sat idle: the goodbye is already on the
    socket, so nothing is sent on the dead connection and the first Save works."""
    w = world
    prof = w.store(w.prof)
    case = prof.create_case(w.prof, answers=plain_visit_answers(title="Before"))
    eng = engine(prof)
    eng.IDLE_CHECK = 0.0  # the test does not sit idle for half a second
    sock = eng.conn.pgconn.socket
    cut_off(w, eng.conn.info.backend_pid)
    readable, _, _ = select.select([sock], [], [], 5.0)
    assert readable, "the server's goodbye did not arrive"
    saved = prof.save_draft(w.prof, case["id"], plain_visit_answers(title="Saved at once"))
    assert saved["title"] == "Saved at once"
    assert stored(w, case["id"])[0] == "Saved at once"


def test_a_connection_lost_during_commit_is_reported_as_unknown(world: World) -> None:
    """Lost in COMMIT, the outcome is the server's to know: the engine says so and
    does not write again by itself."""
    w = world
    eng = engine(w.store(w.prof))
    eng.execute("CREATE TEMP TABLE outage_probe (x int)")
    eng.execute(
        "CREATE FUNCTION pg_temp.bye() RETURNS trigger LANGUAGE plpgsql AS"
        " $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$"
    )
    eng.execute(
        "CREATE CONSTRAINT TRIGGER bye AFTER INSERT ON outage_probe"
        " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pg_temp.bye()"
    )
    pid = eng.conn.info.backend_pid
    with pytest.raises(StoreError) as lost, eng.atomic():
        eng.execute("INSERT INTO outage_probe VALUES (1)")
    assert lost.value.code == "connection_lost_unsure"
    assert "not known whether" in lost.value.en
    # Connected again, as the same person, on the next call (the temp table went with
    # the old session).
    assert eng.session_login() == w.prof.login
    assert eng.conn.info.backend_pid != pid


def test_another_database_error_is_not_taken_for_a_lost_connection(world: World) -> None:
    w = world
    eng = engine(w.store(w.prof))
    pid = eng.conn.info.backend_pid
    with pytest.raises(psycopg.errors.UndefinedTable):
        eng.execute("SELECT * FROM no_such_table")
    assert eng.conn.info.backend_pid == pid  # same session: nothing reconnected


def test_the_watch_connects_again_and_hears_cases_filed_afterwards(world: World) -> None:
    w = world
    heard: list[int] = []
    arrived, back = threading.Event(), threading.Event()

    def on_case(case_id: int) -> None:
        heard.append(case_id)
        arrived.set()

    office = w.store(w.office)
    watch = office.watch_cases(on_case, back.set)
    assert watch is not None
    try:
        cut_off(w, watch._conn.info.backend_pid)
        assert back.wait(10.0), "the watch did not connect again"
        assert watch.alive
        prof = w.store(w.prof)
        draft = prof.create_case(w.prof, answers=plain_visit_answers())
        prof.submit(w.prof, draft["id"])
        assert arrived.wait(3.0), "no notification after the reconnect"
        assert draft["id"] in heard
    finally:
        watch.stop()
    assert not watch.alive


def test_the_check_sheet_keeps_the_typed_text_through_an_outage_and_saves_after(
    world: World, pg_cluster, qtbot, qapp
) -> None:  # type: ignore[no-untyped-def]
    """The tester's report: the server restarts while a professor edits a draft. Save
    while it is down says the connection was lost, keeps the text and does not claim a
    save; Save once it is back stores it."""
    from exportdesk.gui.app import install_language
    from exportdesk.gui.checksheet import CheckSheetEditor
    from tests.gui_helpers import User

    if not pg_cluster.can_restart:
        pytest.skip("EXPORTDESK_TEST_PG: an existing server is not restarted by tests")
    install_language(qapp, "en")
    w = world
    prof = w.store(w.prof)
    case = prof.create_case(w.prof, answers=plain_visit_answers(title="Before"))
    editor = CheckSheetEditor(prof, w.prof, case["id"], "en")
    qtbot.addWidget(editor)
    editor.show()
    title = editor.widgets["title"]
    title.edit.clear()
    User(qtbot).type(title.edit, "Edited during the outage")
    pg_cluster.pause()
    try:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert "connection to the campus database was lost" in editor.result.status.text()
        assert editor.result.saved.text() == "Not saved"
        assert "changes not saved" in editor.header.text()
        assert title.value() == "Edited during the outage"
        assert editor.answers["title"] == "Edited during the outage"
    finally:
        pg_cluster.resume()
    assert stored(w, case["id"])[0] == "Before"  # nothing was written
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result.status.text() == ""
    assert editor.result.saved.text() == "Saved"
    assert "not saved" not in editor.header.text()
    # The title shown is the stored one now.
    assert "Edited during the outage" in editor.header.text()
    assert stored(w, case["id"])[0] == "Edited during the outage"


def test_the_office_queue_refreshes_once_the_watch_is_back(
    world: World, pg_cluster, qtbot, qapp
) -> None:  # type: ignore[no-untyped-def]
    """A case filed while the server was away is not announced (its NOTIFY went to no
    one): the window reads its lists when the watch reconnects, so it appears."""
    from exportdesk.gui.app import install_language
    from exportdesk.gui.main_window import MainWindow

    if not pg_cluster.can_restart:
        pytest.skip("EXPORTDESK_TEST_PG: an existing server is not restarted by tests")
    install_language(qapp, "en")
    w = world
    # The draft exists before the window: its notification is not what refreshes below.
    prof = w.store(w.prof)
    case = prof.create_case(w.prof, answers=plain_visit_answers(title="Filed in between"))
    # The professor's client, idle across the restart, checks its connection before
    # submitting (however short the test's idle time).
    engine(prof).IDLE_CHECK = 0.0
    window = MainWindow(w.store(w.office), w.office, "en")
    qtbot.addWidget(window)
    window.show()
    queue = window.queue_page
    assert queue is not None and queue.model.rowCount() == 0
    reconnects: list[bool] = []
    window.live.reconnected.connect(lambda: reconnects.append(True))
    # The watch retries every 3 s here: the submission below happens while it is down,
    # so the case can reach the queue only through the refresh after it reconnects.
    watch = window.live._watch
    assert watch is not None
    watch.RETRY = (3.0,)
    cut = watch._conn
    pg_cluster.pause()
    # Refreshing while the server is down says so, keeps the list and raises nothing.
    window.refresh_lists()
    assert "connection to the campus database was lost" in window.statusBar().currentMessage()
    assert queue.model.rowCount() == 0
    pg_cluster.resume()
    prof.submit(w.prof, case["id"])
    assert watch._conn is cut  # submitted before the watch was back: its NOTIFY is lost
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=10000)
    assert reconnects == [True]
    assert queue.model.case_id(0) == case["id"]
    assert window.statusBar().currentMessage() == ""
    window.close()


def test_an_uncaught_error_is_logged_and_shown(qtbot, qapp, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from exportdesk.gui import crash

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    hook = sys.excepthook
    try:
        path = crash.install("en")
        assert path == tmp_path / "ExportDesk" / crash.LOG_NAME
        try:
            raise RuntimeError("a defect nobody caught")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        box = crash._shown[-1]
        assert "was not completed" in box.text() and str(path) in box.text()
        try:  # the same error again: logged, and the message already open is enough
            raise RuntimeError("a defect nobody caught")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        assert crash._shown == [box]
        box.close()
        try:
            raise StoreError("connection_lost", detail="server restarted")
        except StoreError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        box = crash._shown[-1]
        assert "connection to the campus database was lost" in box.text()
        box.close()
    finally:
        sys.excepthook = hook
        for handler in list(crash.log.handlers):
            if getattr(handler, "baseFilename", None) == str(path):
                crash.log.removeHandler(handler)
                handler.close()
    logged = path.read_text(encoding="utf-8")
    assert logged.count("RuntimeError: a defect nobody caught") == 2 and "Traceback" in logged
    assert "server restarted" in logged


def test_the_review_sheet_keeps_the_office_notes_through_an_outage(
    world: World, pg_cluster, qtbot, qapp
) -> None:  # type: ignore[no-untyped-def]
    from exportdesk.gui.app import install_language
    from exportdesk.gui.review import ReviewEditor

    if not pg_cluster.can_restart:
        pytest.skip("EXPORTDESK_TEST_PG: an existing server is not restarted by tests")
    install_language(qapp, "en")
    w = world
    prof, office = w.store(w.prof), w.store(w.office)
    case = prof.create_case(w.prof, answers=plain_visit_answers())
    prof.submit(w.prof, case["id"])
    office.take_for_review(w.office, case["id"])
    editor = ReviewEditor(office, w.office, case["id"], "en")
    qtbot.addWidget(editor)
    editor.inputs["screening_note"].setPlainText("Registry checked during the outage")
    pg_cluster.pause()
    try:
        assert editor.save() is False
        assert "connection to the campus database was lost" in editor.status.text()
        assert editor.inputs["screening_note"].toPlainText() == (
            "Registry checked during the outage"
        )
    finally:
        pg_cluster.resume()
    assert "screening_note" not in office.get_case(w.office, case["id"])["review"]
    assert editor.save() is True
    review = office.get_case(w.office, case["id"])["review"]
    assert review["screening_note"] == "Registry checked during the outage"


def test_the_people_list_says_the_server_is_away_and_keeps_its_rows(
    world: World, pg_cluster, qtbot, qapp
) -> None:  # type: ignore[no-untyped-def]
    from exportdesk.gui.app import install_language
    from exportdesk.gui.people_page import PeoplePage

    if not pg_cluster.can_restart:
        pytest.skip("EXPORTDESK_TEST_PG: an existing server is not restarted by tests")
    install_language(qapp, "en")
    w = world
    office = w.store(w.office)
    curie = office.add_person(w.office, family_name="Curie", given_name="Marie", nationality="FR")
    page = PeoplePage(office, w.office, "en")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    shown = page.model.rowCount()
    row = page.model.row_of(curie)
    assert row is not None
    assert "Curie" in str(page.model.index(row, 1).data())  # read, as painting does
    assert shown >= 1
    pg_cluster.pause()
    try:
        page.refresh()
        assert "connection to the campus database was lost" in page.notice.text()
        assert page.model.rowCount() == shown
        page.table.viewport().repaint()  # painted from the rows already read
        assert "Curie" in str(page.model.index(row, 1).data())
    finally:
        pg_cluster.resume()
    page.refresh()
    assert page.model.rowCount() == shown
    assert page.notice.text() == ""
