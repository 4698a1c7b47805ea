"""Application start-up: QApplication, bundled fonts, translations, the main window."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from exportdesk.resources import assets_dir, font_path

_translators: list[QTranslator] = []


def register_fonts(app: QApplication) -> str:
    """Register the IPAex fonts (only valid once a QApplication exists) and use Gothic."""
    family = ""
    for name in ("ipaexg.ttf", "ipaexm.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(font_path(name)))
        if font_id >= 0 and name == "ipaexg.ttf":
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        font = QFont(family)
        font.setPointSize(10)
        app.setFont(font)
    return family


def install_language(app: QApplication, lang: str) -> bool:
    """Load assets/i18n/exportdesk_<lang>.qm; English is the source language."""
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    if lang == "en":
        return True
    # Qt's own words (Cancel, Yes, No, OK in dialogs) come from Qt's translations.
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    translator = QTranslator(app)
    if translator.load(str(assets_dir() / "i18n" / f"exportdesk_{lang}.qm")):
        app.installTranslator(translator)
        _translators.append(translator)
        return True
    return False


def default_language() -> str:
    env = os.environ.get("EXPORTDESK_LANG")
    if env in ("ja", "en"):
        return env
    return "en" if QLocale.system().language() == QLocale.Language.English else "ja"


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("ExportDesk")
    app.setOrganizationName("ExportDesk")
    register_fonts(app)
    return app


def _preload_main_window(first: QWidget) -> threading.Thread:
    """Import the main window's modules and load the forms while the person signs in:
    the sign-in window appears without waiting for them (imports only; widgets are
    made on the GUI thread)."""

    def work() -> None:
        import exportdesk.gui.main_window  # noqa: F401
        from exportdesk.domain.catalog import FormsError, default_catalog

        # A forms error is reported where the forms are used, in the person's language.
        with contextlib.suppress(FormsError):
            default_catalog()

    thread = threading.Thread(target=work, name="preload", daemon=True)
    # Start once the first window is on screen, so as not to compete with showing it.
    first.show()
    QTimer.singleShot(150, thread.start)
    return thread


def start(store, lang: str):  # type: ignore[no-untyped-def]
    """First-run set-up or sign-in, then the main window. Returns the window or None."""
    from exportdesk.gui.dialogs import LoginDialog

    if not store.is_set_up():
        from exportdesk.gui.setup import SetupDialog

        setup = SetupDialog(store, lang)
        preload = _preload_main_window(setup)
        if setup.exec() != SetupDialog.DialogCode.Accepted:
            return None
        if setup.campus_address:
            store.close()  # this PC's own (empty) file: the campus database instead
            return start_campus(setup.campus_address, lang)
        if setup.user is None:
            return None
        user = setup.user
    else:
        login = LoginDialog(store, lang)
        preload = _preload_main_window(login)
        if login.exec() != LoginDialog.DialogCode.Accepted:
            return None
        if login.campus_address:
            store.close()
            return start_campus(login.campus_address, lang)
        if login.user is None:
            return None
        user = login.user
    if preload.is_alive():
        preload.join()
    from exportdesk.gui.main_window import MainWindow

    window = MainWindow(store, user, lang)
    window.resize(1280, 800)
    window.show()
    return window


def start_campus(dsn: str, lang: str):  # type: ignore[no-untyped-def]
    """Sign in to the campus database as one's own role, then the main window."""
    from exportdesk.gui.campus import CampusSignInDialog

    dialog = CampusSignInDialog(dsn, lang)
    preload = _preload_main_window(dialog)
    if dialog.exec() != CampusSignInDialog.DialogCode.Accepted or dialog.user is None:
        return None
    assert dialog.store is not None
    if preload.is_alive():
        preload.join()
    from exportdesk.gui.main_window import MainWindow

    window = MainWindow(dialog.store, dialog.user, lang)
    window.resize(1280, 800)
    window.show()
    _windows.append(window)
    return window


def _quick_sign_in(db: str | None, lang: str) -> bool | None:
    """On a set-up SQLite file, show the sign-in window first and open the store while the
    user types. None: not applicable (first run, campus address): start as usual."""
    import threading

    from exportdesk.store.db_location import database_location
    from exportdesk.store.peek import peek_institution

    path = database_location(db)
    inst = peek_institution(path) if path is not None else None
    if inst is None:
        return None
    from exportdesk.gui.dialogs import LoginDialog

    opened: dict[str, object] = {}

    def open_store() -> None:
        from exportdesk.store import Store

        try:
            opened["store"] = Store(path)
        except Exception as exc:  # shown when the user signs in: opened again there
            opened["error"] = exc

    worker = threading.Thread(target=open_store, daemon=True)

    def store_factory():  # type: ignore[no-untyped-def]
        if worker.ident is not None:  # started once the window was shown
            worker.join()
        from exportdesk.store import Store

        # Opened again here if the background attempt failed: its error then shows.
        return opened.get("store") or Store(path)

    login = LoginDialog(store_factory, lang, institution=inst)
    QTimer.singleShot(0, worker.start)  # once the window is on screen
    preload = _preload_main_window(login)
    if login.exec() != LoginDialog.DialogCode.Accepted:
        return False
    if login.campus_address:
        # This PC's own file stays as it is; the campus database from now on.
        if worker.ident is not None:
            worker.join()
        own = opened.get("store")
        if own is not None:
            own.close()  # type: ignore[attr-defined]
        return start_campus(login.campus_address, lang) is not None
    if login.user is None:
        return False
    if preload.is_alive():
        preload.join()
    from exportdesk.gui.main_window import MainWindow

    window = MainWindow(login.store_now(), login.user, lang)
    window.resize(1280, 800)
    window.show()
    _windows.append(window)
    return True


_windows: list[object] = []  # keeps the main window alive while the event loop runs


def screenshot(store, lang: str, target: str) -> int:  # type: ignore[no-untyped-def]
    """Draw the window a user would meet first, without waiting for input (installation check)."""
    from exportdesk.gui.dialogs import LoginDialog, SetupDialog

    dialog = SetupDialog(store, lang) if not store.is_set_up() else LoginDialog(store, lang)
    return _grab(dialog, target)


def _grab(dialog: QWidget, target: str) -> int:
    dialog.resize(1024, 640)
    dialog.show()
    QApplication.processEvents()
    saved = dialog.grab().save(target)
    dialog.close()
    print(f"{target}: {'saved' if saved else 'could not be saved'}")
    return 0 if saved else 1


def run(args: argparse.Namespace) -> int:
    app = create_app()
    lang = getattr(args, "lang", None) or default_language()
    install_language(app, lang)
    from exportdesk.gui import crash

    crash.install(lang)  # an uncaught error is logged and shown, never silent
    from exportdesk.store.db_location import window_target
    from exportdesk.store.engine import is_dsn

    target = window_target(getattr(args, "db", None))
    if is_dsn(target):
        # Campus: nothing opens before the person signs in as their own role.
        if getattr(args, "screenshot", None):
            from exportdesk.gui.campus import CampusSignInDialog

            return _grab(CampusSignInDialog(str(target), lang), args.screenshot)
        return app.exec() if start_campus(str(target), lang) else 0
    if not getattr(args, "screenshot", None):
        quick = _quick_sign_in(getattr(args, "db", None), lang)
        if quick is not None:  # signed in, or cancelled (False)
            return app.exec() if quick else 0
    from exportdesk.store import Store

    store = Store(getattr(args, "db", None))
    if getattr(args, "screenshot", None):
        return screenshot(store, lang, args.screenshot)
    window = start(store, lang)
    if window is None:
        return 0
    return app.exec()
