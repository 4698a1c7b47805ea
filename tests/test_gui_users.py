"""Setting up from an institution file and the administrators' Users and roles screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMessageBox

from exportdesk.gui.app import install_language
from exportdesk.gui.main_window import MainWindow
from exportdesk.gui.setup import SetupDialog
from exportdesk.gui.users import PasswordDialog, UserDialog, UsersPage
from exportdesk.store import Store, StoreError
from tests.gui_helpers import User
from tests.store_fixtures import PASSWORD, Campus, make_campus


@pytest.fixture
def campus(tmp_path, qapp) -> Campus:
    install_language(qapp, "ja")
    return make_campus(tmp_path / "campus.db", "large")


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def check(lst: QListWidget, text: str, on: bool = True) -> None:
    for i in range(lst.count()):
        if text in lst.item(i).text():
            lst.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            return
    raise AssertionError(text)


def institution_file(campus: Campus, tmp_path: Path, monkeypatch) -> Path:
    from exportdesk.exchange import Exchange

    monkeypatch.setenv("EXPORTDESK_KEYS", str(tmp_path / "office-keys"))
    path = tmp_path / "institution.exportdesk"
    Exchange(campus.store).write_profile(campus.admin, path)
    monkeypatch.setenv("EXPORTDESK_KEYS", str(tmp_path / "prof-keys"))
    return path


# --- first run -------------------------------------------------------------------------


def test_first_run_from_the_institution_file_makes_a_professor_not_an_admin(
    campus, tmp_path, qtbot, fonts, monkeypatch
):
    path = institution_file(campus, tmp_path, monkeypatch)
    store = Store(tmp_path / "prof.db")
    setup = SetupDialog(store, "ja")
    qtbot.addWidget(setup)
    setup.resize(1024, 640)
    setup.show()
    user = User(qtbot)
    assert not setup.ok_button.isEnabled() and not setup.person.isVisible()
    user.click(setup.mode_file)
    assert setup.pages.currentIndex() == 1 and not setup.name_ja.isVisible()
    assert not setup.ok_button.isEnabled()  # no file yet

    # A file that is not an institution file is refused with a message; nothing is set up.
    junk = tmp_path / "junk.exportdesk"
    junk.write_bytes(b"not a zip at all")
    assert not setup.choose_file(str(junk))
    assert "壊れている" in setup.file_label.text() and not setup.ok_button.isEnabled()

    assert setup.choose_file(str(path))
    assert "架空工業大学" in setup.file_label.text()
    user.choose(setup.file_department, "SCI")
    user.type(setup.admin_login, "prof-home")
    user.type(setup.admin_name, "研究 一郎")
    user.type(setup.password, PASSWORD)
    user.type(setup.password2, PASSWORD + "x")
    user.click(setup.ok_button)
    assert "一致しません" in setup.error.text()
    assert not store.is_set_up()
    setup.password2.clear()
    user.type(setup.password2, PASSWORD)
    setup.grab().save(str(tmp_path / "setup-file.png"))
    user.click(setup.ok_button)

    assert setup.result() == SetupDialog.DialogCode.Accepted
    me = setup.user
    assert me is not None and not me.has("admin") and me.has("applicant")
    sci = next(d["id"] for d in store.departments() if d["code"] == "SCI")
    assert me.department_id == sci
    assert store.institution()["uid"] == campus.store.institution()["uid"]
    window = MainWindow(store, me, "ja")
    qtbot.addWidget(window)
    from exportdesk.gui.icp_view import IcpView
    from exportdesk.gui.review import QueuePage

    pages = [type(window.tabs.widget(i)) for i in range(window.tabs.count())]
    assert IcpView not in pages and UsersPage not in pages and QueuePage not in pages
    assert tab_titles(window) == ["自分の案件", "ガイダンス"]
    # The office's own window, for comparison, has the ICP and the Users screen.
    office = MainWindow(campus.store, campus.admin, "ja")
    qtbot.addWidget(office)
    assert {IcpView, UsersPage} <= {type(office.tabs.widget(i)) for i in range(office.tabs.count())}


def test_first_run_new_institution_still_creates_the_administrator(tmp_path, qtbot, qapp):
    install_language(qapp, "en")
    store = Store(tmp_path / "office.db")
    setup = SetupDialog(store, "en")
    qtbot.addWidget(setup)
    setup.show()
    user = User(qtbot)
    user.click(setup.mode_new)
    assert setup.name_ja.isVisible() and setup.login_label.text() == "Administrator user name"
    user.type(setup.name_ja, "架空大学")
    user.type(setup.name_en, "Example University")
    user.type(setup.admin_login, "admin")
    user.type(setup.admin_name, "Admin")
    user.type(setup.password, PASSWORD)
    user.type(setup.password2, PASSWORD)
    user.click(setup.ok_button)
    assert setup.user is not None and setup.user.has("admin")


# --- users and roles -----------------------------------------------------------------


def admin_page(campus: Campus, qtbot, lang: str = "ja") -> tuple[MainWindow, UsersPage]:
    window = MainWindow(campus.store, campus.admin, lang)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    page = window.users_page
    window.tabs.setCurrentWidget(page)
    return window, page


def test_only_administrators_see_users_and_roles(campus, qtbot, fonts):
    window = MainWindow(campus.store, campus.office, "ja")
    qtbot.addWidget(window)
    assert "ユーザーと役割" not in tab_titles(window)
    window, page = admin_page(campus, qtbot)
    assert "ユーザーと役割" in tab_titles(window)
    assert [r["login"] for r in page.rows][:2] == ["admin", "chief"]
    assert page.table.rowCount() == len(campus.store.list_accounts(campus.admin))


def test_create_a_proxy_for_a_professor(campus, qtbot, fonts, tmp_path):
    _window, page = admin_page(campus, qtbot)
    user = User(qtbot)
    user.click(page.new_button)
    dialog = page.dialog
    assert isinstance(dialog, UserDialog) and dialog.isVisible()
    user.type(dialog.login, "sec2")
    user.type(dialog.name, "秘書 六子")
    user.choose(dialog.department, campus.eng)
    user.click(dialog.roles["applicant"])  # on by default: now off
    user.click(dialog.roles["proxy"])
    assert dialog.proxy_for.isEnabled() and not dialog.managed.isEnabled()
    check(dialog.proxy_for, "(prof)")
    user.type(dialog.password, "short")
    user.type(dialog.password2, "short")
    user.click(dialog.ok_button)
    assert "10文字以上" in dialog.error.text()
    assert all(a["login"] != "sec2" for a in campus.store.list_accounts(campus.admin))
    dialog.password.clear()
    dialog.password2.clear()
    user.type(dialog.password, PASSWORD)
    user.type(dialog.password2, PASSWORD)
    dialog.resize(1024, 640)
    dialog.grab().save(str(tmp_path / "user-dialog.png"))
    user.click(dialog.ok_button)
    assert not dialog.isVisible()
    assert page.message.text() == "アカウントを作成しました。"
    created = next(a for a in campus.store.list_accounts(campus.admin) if a["login"] == "sec2")
    assert created["roles"] == [("proxy", None)]
    assert created["proxy_for"] == [campus.prof.id]
    assert page.selected()["login"] == "sec2"
    assert "代理申請" in page.table.item(page.table.currentRow(), 3).text()
    history = [h["action"] for h in campus.store.account_history(campus.admin, created["id"])]
    assert history == ["create", "add_proxy"]
    # The new proxy signs in and files for the professor.
    sec = campus.store.authenticate("sec2", PASSWORD)
    assert [u.login for u in campus.store.proxied_applicants(sec)] == ["prof"]


def test_duplicate_login_is_refused_in_japanese(campus, qtbot, fonts):
    _window, page = admin_page(campus, qtbot)
    user = User(qtbot)
    user.click(page.new_button)
    dialog = page.dialog
    user.type(dialog.login, "prof")
    user.type(dialog.name, "重複")
    user.type(dialog.password, PASSWORD)
    user.type(dialog.password2, PASSWORD)
    count = len(campus.store.list_accounts(campus.admin))
    user.click(dialog.ok_button)
    assert dialog.error.text() == "ユーザー名「prof」は既に使われています。"
    assert dialog.isVisible() and len(campus.store.list_accounts(campus.admin)) == count


def test_edit_roles_and_departments(campus, qtbot, fonts):
    _window, page = admin_page(campus, qtbot)
    user = User(qtbot)
    page.select("prof")
    user.click(page.edit_button)
    dialog = page.dialog
    assert dialog.login.isReadOnly() and dialog.name.text() == "研究 一郎"
    user.click(dialog.roles["dept_manager"])
    user.click(dialog.ok_button)
    assert "部局" in dialog.error.text()  # a manager needs departments
    check(dialog.managed, "SCI")
    user.choose(dialog.department, campus.sci)
    user.click(dialog.ok_button)
    prof = campus.store.get_user(campus.prof.id)
    assert prof.has("dept_manager", campus.sci) and prof.has("applicant")
    assert prof.department_id == campus.sci
    history = [h["action"] for h in campus.store.account_history(campus.admin, prof.id)]
    assert history[-2:] == ["update", "update_roles"]
    # Taking away the only administrator's role is refused and changes nothing.
    page.select("admin")
    user.click(page.edit_button)
    dialog = page.dialog
    user.click(dialog.roles["admin"])
    if not dialog.roles["office"].isChecked():
        user.click(dialog.roles["office"])
    dialog.name.setText("管理 太郎（改）")
    user.click(dialog.ok_button)
    assert "管理者" in dialog.error.text()
    admin = campus.store.get_user(campus.admin.id)
    assert admin.has("admin") and admin.name == "管理 太郎"


def test_reset_password_unlock_and_deactivate(campus, qtbot, fonts, monkeypatch, tmp_path):
    s = campus.store
    for _ in range(5):
        with pytest.raises(StoreError):
            s.authenticate("prof", "wrong password!")
    _window, page = admin_page(campus, qtbot)
    user = User(qtbot)
    page.select("prof")
    row = page.table.currentRow()
    assert page.table.item(row, 4).text() == "ロック中" and page.unlock_button.isEnabled()
    user.click(page.unlock_button)
    assert "再びサインイン" in page.message.text()
    assert s.authenticate("prof", PASSWORD).id == campus.prof.id
    assert not page.unlock_button.isEnabled()

    user.click(page.password_button)
    dialog = page.dialog
    assert isinstance(dialog, PasswordDialog)
    user.type(dialog.password, "new password 2026")
    user.type(dialog.password2, "new password 2027")
    user.click(dialog.ok_button)
    assert dialog.error.text() == "パスワードが一致しません。"
    dialog.password2.clear()
    user.type(dialog.password2, "new password 2026")
    user.click(dialog.ok_button)
    assert s.authenticate("prof", "new password 2026").id == campus.prof.id

    asked: list[str] = []

    def answer(_parent, _title, text, *a, **k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert page.active_button.text() == "無効にする"
    user.click(page.active_button)
    assert asked and "研究 一郎" in asked[0]
    assert page.table.item(page.table.currentRow(), 4).text() == "無効"
    with pytest.raises(StoreError) as exc:
        s.authenticate("prof", "new password 2026")
    assert exc.value.code == "inactive"
    assert page.active_button.text() == "有効に戻す"
    user.click(page.active_button)
    assert s.authenticate("prof", "new password 2026").id == campus.prof.id
    actions = [h["action"] for h in s.account_history(campus.admin, campus.prof.id)]
    assert {"unlock", "reset_password", "deactivate", "activate"} <= set(actions)
    # The administrator cannot deactivate themselves.
    page.select("admin")
    user.click(page.active_button)
    assert page.message.text() == "自分のアカウントは無効にできません。"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_screenshots_users_and_roles(campus, qtbot, fonts, qapp, lang, tmp_path):
    install_language(qapp, lang)
    window, page = admin_page(campus, qtbot, lang)
    page.select("secretary")
    qapp.processEvents()
    assert page.table.horizontalHeader().length() <= page.table.viewport().width() + 2
    window.grab().save(str(tmp_path / f"{lang}-users.png"))
    page.edit_user()
    page.dialog.resize(1024, 640)
    qapp.processEvents()
    page.dialog.grab().save(str(tmp_path / f"{lang}-user-dialog.png"))
    setup = SetupDialog(Store(tmp_path / "fresh.db"), lang)
    qtbot.addWidget(setup)
    setup.resize(1024, 640)
    setup.show()
    setup.mode_file.setChecked(True)
    qapp.processEvents()
    setup.grab().save(str(tmp_path / f"{lang}-setup-choice.png"))
    for name in ("users", "user-dialog", "setup-choice"):
        assert (tmp_path / f"{lang}-{name}.png").stat().st_size > 5000
