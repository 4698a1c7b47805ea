"""Application start-up: QApplication, bundled fonts, translations, the main window."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

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


def start(store, lang: str):  # type: ignore[no-untyped-def]
    """First-run set-up or sign-in, then the main window. Returns the window or None."""
    from exportdesk.gui.dialogs import LoginDialog, SetupDialog
    from exportdesk.gui.main_window import MainWindow

    if not store.is_set_up():
        setup = SetupDialog(store, lang)
        if setup.exec() != SetupDialog.DialogCode.Accepted or setup.user is None:
            return None
        user = setup.user
    else:
        login = LoginDialog(store, lang)
        if login.exec() != LoginDialog.DialogCode.Accepted or login.user is None:
            return None
        user = login.user
    window = MainWindow(store, user, lang)
    window.resize(1280, 800)
    window.show()
    return window


def run(args: argparse.Namespace) -> int:
    from exportdesk.store import Store

    app = create_app()
    lang = getattr(args, "lang", None) or default_language()
    install_language(app, lang)
    store = Store(getattr(args, "db", None))
    window = start(store, lang)
    if window is None:
        return 0
    return app.exec()
