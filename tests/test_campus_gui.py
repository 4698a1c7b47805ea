"""Campus mode in the window: the campus address chosen once, and signing in with the
typed password against the real cluster."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from exportdesk.gui.app import install_language
from exportdesk.gui.campus import CampusAddressDialog, CampusSignInDialog
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.setup import SetupDialog
from exportdesk.store import Store
from exportdesk.store.db_location import CAMPUS_FILE, saved_campus_address, window_target
from tests.campus_world import PASSWORD, World
from tests.gui_helpers import User
from tests.store_fixtures import plain_visit_answers
from tests.test_campus_logins import address, world  # noqa: F401 (the fixture)
from tests.test_campus_pg import snapshot

WRONG = "ユーザー名又はパスワードが違います。"


@pytest.fixture
def settings(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    folder = tmp_path / "config"
    monkeypatch.setenv("EXPORTDESK_CONFIG", str(folder))
    monkeypatch.delenv("EXPORTDESK_DB", raising=False)
    return folder


def confirm(user: User, dialog: CampusAddressDialog, host: str, *, yes: bool) -> None:
    """The address is kept only after its server is shown and the person agrees."""
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    assert f"サーバー {host}" in box.informativeText()
    user.click(box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No))


def sign_in_dialog(w: World, qtbot, qapp) -> CampusSignInDialog:  # type: ignore[no-untyped-def]
    install_language(qapp, "ja")
    dialog = CampusSignInDialog(address(w), "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_professor_signs_in_with_the_typed_password_and_sees_only_their_cases(
    world: World,  # noqa: F811
    qtbot,
    qapp,
) -> None:  # type: ignore[no-untyped-def]
    w = world
    mine = w.store(w.prof).create_case(w.prof, answers=plain_visit_answers(title="Mine"))
    w.store(w.prof_sci).create_case(w.prof_sci, answers=plain_visit_answers(title="Theirs"))
    dialog = sign_in_dialog(w, qtbot, qapp)
    assert "password" not in dialog.where.text().lower()
    user = User(qtbot)
    user.type(dialog.login, w.prof.login)
    user.type(dialog.password, PASSWORD)
    user.click(dialog.ok_button)
    assert dialog.result() == CampusSignInDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.id == w.prof.id
    assert dialog.password.text() == ""
    store = dialog.store
    assert store is not None and store.db.session_login() == w.prof.login
    window = MainWindow(store, dialog.user, "ja")
    qtbot.addWidget(window)
    window.show()
    model = window.cases_page.model
    assert [model.case_id(r) for r in range(model.rowCount())] == [mine["id"]]
    assert window.queue_page is None
    # The office reads the same database: the check sheet offers no case file to send.
    sheet = window.open_case(mine["id"])
    assert sheet.submit_button.isVisible() and not sheet.send_button.isVisible()
    window.close()
    store.close()


def test_wrong_password_and_unknown_login_get_the_same_message(
    world: World,  # noqa: F811
    qtbot,
    qapp,
) -> None:  # type: ignore[no-untyped-def]
    w = world
    before = snapshot(w)
    dialog = sign_in_dialog(w, qtbot, qapp)
    user = User(qtbot)
    messages = []
    for login, password in ((w.prof.login, "not the password"), ("nobody-here", PASSWORD)):
        dialog.login.clear()
        user.type(dialog.login, login)
        user.type(dialog.password, password)
        user.click(dialog.ok_button)
        messages.append(dialog.error.text())
        assert dialog.isVisible() and dialog.user is None and dialog.store is None
        assert dialog.password.text() == ""
    assert messages == [WRONG, WRONG]
    assert snapshot(w) == before
    # A server that cannot be reached says so, in Japanese.
    c = w.cluster  # type: ignore[attr-defined]
    dialog.dsn = f"postgresql://{c.host}:1/{w.dbname}"
    dialog.login.clear()
    user.type(dialog.login, w.prof.login)
    user.type(dialog.password, PASSWORD)
    user.click(dialog.ok_button)
    assert dialog.error.text().startswith("学内データベースに接続できません")
    assert PASSWORD not in dialog.error.text() and dialog.user is None


def test_first_run_chooses_the_campus_address_once(settings, tmp_path, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    install_language(qapp, "ja")
    store = Store(tmp_path / "empty.db")
    dialog = SetupDialog(store, "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    user = User(qtbot)
    user.click(dialog.mode_campus)
    assert not dialog.person.isVisible()
    # An address with a password is refused: nothing is kept.
    user.type(dialog.campus, "postgresql://prof:secret@db.example.ac.jp/exportdesk")
    user.click(dialog.ok_button)
    assert dialog.error.text().endswith("パスワードが含まれています")
    assert not (settings / CAMPUS_FILE).exists() and dialog.campus_address is None
    dialog.campus.clear()
    user.type(dialog.campus, "not an address")
    user.click(dialog.ok_button)
    assert "postgresql://" in dialog.error.text()
    assert not (settings / CAMPUS_FILE).exists()
    dialog.campus.clear()
    user.type(dialog.campus, "postgresql://db.example.ac.jp/exportdesk?sslmode=verify-full")
    user.click(dialog.ok_button)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert dialog.campus_address == "postgresql://db.example.ac.jp/exportdesk?sslmode=verify-full"
    assert not store.is_set_up()  # nothing was set up on this PC's own file
    store.close()
    # The next start opens the campus database; --db still wins.
    assert window_target(None) == dialog.campus_address
    assert str(window_target(str(tmp_path / "other.db"))) == str(tmp_path / "other.db")


def test_the_address_can_be_changed_from_the_sign_in(
    world: World,  # noqa: F811
    settings,
    qtbot,
    qapp,
) -> None:  # type: ignore[no-untyped-def]
    w = world
    c = w.cluster  # type: ignore[attr-defined]
    install_language(qapp, "ja")
    dialog = CampusSignInDialog(f"postgresql://{c.host}:1/{w.dbname}", "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    change = dialog.change_address()
    assert isinstance(change, CampusAddressDialog)
    user = User(qtbot)
    change.address.clear()
    user.type(change.address, address(w))
    user.click(change.ok_button)
    # Not kept until the person confirms the server shown to them.
    assert saved_campus_address() is None
    confirm(user, change, c.host, yes=True)
    assert dialog.dsn == address(w) == saved_campus_address()
    user.type(dialog.login, w.prof.login)
    user.type(dialog.password, PASSWORD)
    user.click(dialog.ok_button)
    assert dialog.user is not None and dialog.user.id == w.prof.id
    assert dialog.store is not None
    dialog.store.close()


def test_gui_with_a_campus_address_signs_in_and_opens_the_window(
    world: World,  # noqa: F811
    settings,
    qtbot,
    qapp,
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    """`exportdesk gui` with EXPORTDESK_DB=postgresql://host/db: what `run` opens is the
    campus sign-in (nothing connects before it), then the professor's own window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from exportdesk.gui import app

    w = world
    install_language(qapp, "ja")
    mine = w.store(w.prof).create_case(w.prof, answers=plain_visit_answers(title="Mine"))
    monkeypatch.setenv("EXPORTDESK_DB", address(w))
    target = window_target(None)
    assert target == address(w)
    seen: dict[str, object] = {}
    tries: list[int] = []

    def type_in() -> None:
        shown = [
            d
            for d in QApplication.topLevelWidgets()
            if isinstance(d, CampusSignInDialog) and d.isVisible()
        ]
        if not shown:
            tries.append(1)
            if len(tries) < 250:  # 5 s
                QTimer.singleShot(20, type_in)
            return
        dialog = shown[0]
        seen["address"] = dialog.where.text()
        dialog.login.setText(w.prof.login)
        dialog.password.setText(PASSWORD)
        dialog.ok_button.click()

    QTimer.singleShot(0, type_in)
    window = app.start_campus(str(target), "ja")
    try:
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        model = window.cases_page.model
        assert seen == {"address": address(w)}
        assert [model.case_id(r) for r in range(model.rowCount())] == [mine["id"]]
        assert window.store.db.session_login() == w.prof.login
    finally:
        app._windows.clear()
        if window is not None:
            window.close()
            window.store.close()


def test_a_single_pc_sign_in_can_switch_to_the_campus_database(
    settings, tmp_path, qtbot, qapp
) -> None:  # type: ignore[no-untyped-def]
    from exportdesk.gui.dialogs import LoginDialog
    from tests.store_fixtures import make_campus

    install_language(qapp, "ja")
    campus = make_campus(tmp_path / "own.db", "small")
    login = LoginDialog(campus.store, "ja")
    qtbot.addWidget(login)
    login.show()
    user = User(qtbot)
    user.click(login.campus_button)
    choose = next(
        d for d in login.findChildren(CampusAddressDialog) if d.isVisible()
    )  # fmt: skip
    user.type(choose.address, "postgresql://prof:secret@db.example.ac.jp/exportdesk")
    user.click(choose.ok_button)
    assert "パスワードは含めず" in choose.error.text()
    assert choose.isVisible() and login.isVisible()
    assert not (settings / CAMPUS_FILE).exists() and login.campus_address is None
    # Someone at the PC before signing in types a server of their own: shown, refused.
    choose.address.clear()
    user.type(choose.address, "postgresql://evil.example.com/exportdesk")
    user.click(choose.ok_button)
    assert choose.confirmation is not None
    assert "証明書は検証されません" in choose.confirmation.informativeText()
    confirm(user, choose, "evil.example.com", yes=False)
    assert choose.isVisible() and login.isVisible() and login.campus_address is None
    assert not (settings / CAMPUS_FILE).exists()
    assert choose.error.text()
    choose.address.clear()
    user.type(choose.address, "postgresql://db.example.ac.jp/exportdesk")
    user.click(choose.ok_button)
    confirm(user, choose, "db.example.ac.jp", yes=True)
    assert login.result() == LoginDialog.DialogCode.Accepted and login.user is None
    assert (
        login.campus_address
        == saved_campus_address()
        == ("postgresql://db.example.ac.jp/exportdesk")
    )
    campus.store.close()


def test_the_campus_address_can_be_forgotten(settings, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from exportdesk.store.db_location import save_campus_address

    install_language(qapp, "ja")
    save_campus_address("postgresql://db.example.ac.jp/exportdesk")
    dialog = CampusSignInDialog("postgresql://db.example.ac.jp/exportdesk", "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    change = dialog.change_address()
    User(qtbot).click(change.forget_button)
    assert saved_campus_address() is None and not (settings / CAMPUS_FILE).exists()
    assert "このPC" in dialog.error.text()
    assert str(window_target(None)).endswith("exportdesk.db")
