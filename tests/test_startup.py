"""Start-up: the sign-in window comes before the forms, the rules engine and the main window.

Speed itself is measured by benchmarks/bench_cli_start.py; these tests keep the heavy
modules off the path to the first window, which is what the speed depends on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtWidgets import QDialog

from exportdesk.gui import app as app_module
from exportdesk.gui.dialogs import LoginDialog
from exportdesk.gui.main_window import MainWindow
from tests.store_fixtures import PASSWORD, make_campus

HEAVY_NAMES = {
    "pydantic",
    "yaml",
    "reportlab",
    "rapidfuzz",
    "exportdesk.domain.catalog",
    "exportdesk.gui.main_window",
    "exportdesk.gui.setup",
    "exportdesk.store.eul",
}

PROBE = r"""
import json, sys
from PySide6.QtWidgets import QApplication, QDialog
seen = {}
def shown(self):
    self.show(); QApplication.processEvents()
    seen["dialog"] = type(self).__name__
    seen["modules"] = sorted(m for m in HEAVY if m in sys.modules)
    return QDialog.DialogCode.Rejected
HEAVY = sys.argv[2:]
QDialog.exec = shown
# What the sign-in itself needs: the preload thread may start while the dialog is shown.
import threading, exportdesk.gui.app as app
app._preload_main_window = lambda first: (first.show(), threading.Thread(target=int))[1]
from exportdesk.cli import main
main(["gui", "--db", sys.argv[1], "--lang", "ja"])
print(json.dumps(seen))
"""


def modules_at_sign_in(tmp_path) -> list[str]:
    campus = make_campus(tmp_path / "campus.db")
    campus.store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "campus.db"), *sorted(HEAVY_NAMES)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["dialog"] == "LoginDialog"
    return seen["modules"]


def test_sign_in_window_needs_no_main_window_lists_or_pdf(tmp_path):
    heavy = {"exportdesk.gui.main_window", "exportdesk.gui.setup", "exportdesk.store.eul"}
    heavy |= {"reportlab", "rapidfuzz"}
    assert heavy <= HEAVY_NAMES
    assert not set(modules_at_sign_in(tmp_path)) & heavy


def test_sign_in_window_needs_no_forms(tmp_path):
    assert not {"pydantic", "yaml", "exportdesk.domain.catalog"} & set(modules_at_sign_in(tmp_path))


def test_start_signs_in_and_opens_the_main_window(tmp_path, qtbot, fonts, monkeypatch):
    campus = make_campus(tmp_path / "campus.db")

    def sign_in(dialog: LoginDialog) -> QDialog.DialogCode:
        dialog.login.setText("prof")
        dialog.password.setText(PASSWORD)
        dialog.sign_in()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    window = app_module.start(campus.store, "ja")
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.user.login == "prof"
    assert window.cases_page.model.rowCount() == 0


def test_start_refused_sign_in_opens_nothing(tmp_path, qtbot, fonts, monkeypatch):
    campus = make_campus(tmp_path / "campus.db")
    monkeypatch.setattr(LoginDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert app_module.start(campus.store, "ja") is None


def test_sign_in_shows_before_the_store_opens_and_signs_in(tmp_path, monkeypatch, qapp, fonts):
    """A set-up file: the sign-in window comes first (the store opens meanwhile), then the
    main window with the signed-in user; a wrong password says so and keeps the window."""
    import sys as _sys

    from exportdesk.gui import app as gui_app
    from exportdesk.gui.dialogs import LoginDialog

    campus = make_campus(tmp_path / "quick.db")
    campus.store.close()
    seen: dict[str, object] = {}

    def sign_in(dialog: LoginDialog) -> QDialog.DialogCode:
        seen["store_open_at_show"] = dialog.store is not None
        from PySide6.QtWidgets import QLabel  # loaded already by the dialog itself

        seen["title"] = dialog.findChildren(QLabel)[0].text()
        dialog.login.setText("prof")
        dialog.password.setText("wrong password!")
        dialog.sign_in()
        seen["error"] = dialog.error.text()
        dialog.password.setText(PASSWORD)
        dialog.sign_in()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    monkeypatch.setattr(gui_app, "_preload_main_window", lambda first: _Done())
    assert gui_app._quick_sign_in(str(tmp_path / "quick.db"), "ja") is True
    window = gui_app._windows.pop()
    assert window.user.login == "prof"
    assert seen["store_open_at_show"] is False and seen["title"] == "架空工業大学"
    assert "パスワード" in str(seen["error"])
    window.close()
    assert "exportdesk.store.service" in _sys.modules
    # A new file is not for the quick path (first-run set-up), nor a campus address.
    assert gui_app._quick_sign_in(str(tmp_path / "new.db"), "ja") is None
    assert gui_app._quick_sign_in("postgresql://db.example/exportdesk", "ja") is None


class _Done:
    def is_alive(self) -> bool:
        return False


# The command line: what `exportdesk evaluate` and `exportdesk icp` import once the caches
# are warm (benchmarks/bench_cli_start.py measures their speed).
CLI_PROBE = r"""
import json, sys
from exportdesk.cli import main
main(json.loads(sys.argv[1]))
print(json.dumps(sorted(m for m in sys.modules if m in set(sys.argv[2:]) or
                        m.startswith("exportdesk.cli.") and m.endswith("_cmd"))))
"""
NOT_FOR_COMMANDS = {
    "pydantic",
    "yaml",
    "pycountry",
    "PySide6",
    "sqlite_utils",
    "psycopg",
    "exportdesk.domain.catalog",
    "exportdesk.domain.profile",
    "exportdesk.store.service",
    "xml.sax.saxutils",
    "urllib.request",
}


def modules_of_command(argv: list[str], tmp_path) -> list[str]:
    env = {**os.environ, "EXPORTDESK_CACHE": str(tmp_path / "cache")}
    seen: list[list[str]] = []
    for _ in ("cold", "warm"):
        out = subprocess.run(
            [sys.executable, "-c", CLI_PROBE, json.dumps(argv), *sorted(NOT_FOR_COMMANDS)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        seen.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "pydantic" in seen[0]  # the cold run validates (and fills the caches)
    return seen[1]


def test_evaluate_imports_its_command_group_only(tmp_path):
    from tests.test_cli import ROOT

    case = str(ROOT / "examples" / "case-02-list-tech-non-resident.json")
    assert modules_of_command(["evaluate", case], tmp_path) == ["exportdesk.cli.guidance_cmd"]


def test_icp_needs_no_validation_models_once_cached(tmp_path):
    from tests.test_cli import ROOT

    profile = str(ROOT / "examples" / "institution-profile.yaml")
    argv = ["icp", "--format", "large", "--profile", profile, "-o", str(tmp_path / "icp.pdf")]
    assert modules_of_command(argv, tmp_path) == ["exportdesk.cli.documents_cmd"]
    assert (tmp_path / "icp.pdf").read_bytes().startswith(b"%PDF")
