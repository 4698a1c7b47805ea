"""The built application folder, run the way a user without Python would run it.

`make test-dist` builds dist/ExportDesk (tools/dist.py) and runs this file. Each command runs
from a copy of the folder under a path with spaces and Japanese characters, with an empty
environment: no virtual environment, no PYTHONPATH, nothing on PATH but the system's.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "dist" / "ExportDesk"
EXE = "exportdesk.exe" if sys.platform == "win32" else "exportdesk"

pytestmark = pytest.mark.skipif(not BUILT.is_dir(), reason="run `make dist` first")


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean folder like C:\\Users\\山田 太郎\\; the application copied into it."""
    top = tmp_path_factory.mktemp("bundle") / "山田 太郎"
    (top / "home").mkdir(parents=True)
    shutil.copytree(BUILT, top / "アプリ" / "ExportDesk", symlinks=True)
    return top


def run(
    place: Path, *args: str, timeout: float = 120, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        "HOME": str(place / "home"),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        **(extra or {}),
    }
    if sys.platform == "win32":  # Windows cannot start anything without these
        env |= {
            k: os.environ[k]
            for k in ("SYSTEMROOT", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "TEMP", "TMP")
            if k in os.environ
        }
    exe = place / "アプリ" / "ExportDesk" / EXE
    return subprocess.run(
        [str(exe), *args],
        cwd=place,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_bundle_carries_its_data_and_pdfium():
    data = BUILT / "_internal" / "exportdesk" / "_data"
    assert (data / "forms" / "check_sheet.yaml").is_file()
    assert (data / "templates" / "icp_ja.xml.j2").is_file()
    assert (data / "assets" / "fonts" / "ipaexg.ttf").is_file()
    assert (data / "assets" / "i18n" / "exportdesk_ja.qm").is_file()
    assert list((BUILT / "_internal" / "pypdfium2_raw").glob("*pdfium*"))
    assert not list(BUILT.rglob("pytest*")), "test tools leaked into the bundle"


def test_version(place: Path):
    from exportdesk import __version__

    assert ok(run(place, "--version")).strip() == f"ExportDesk {__version__}"


def test_demo_and_evaluate(place: Path):
    out = ok(run(place, "demo"))
    examples = len(list((ROOT / "examples").glob("case-*.json")))
    assert "手続不要" in out and f"{examples} cases" in out
    case = place / "事例 02.json"
    shutil.copy(ROOT / "examples" / "case-02-list-tech-non-resident.json", case)
    result = json.loads(ok(run(place, "evaluate", str(case))))
    assert result["list_controlled"] is True and result["reasons"]


def test_icp_pdf_with_embedded_font(place: Path):
    profile = place / "機関 設定.yaml"
    shutil.copy(ROOT / "examples" / "institution-profile.yaml", profile)
    pdf = place / "規程 (小規模).pdf"
    ok(run(place, "icp", "--profile", str(profile), "--format", "small", "-o", str(pdf)))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"IPAex" in data


def test_print_all_uses_spawned_workers_from_the_bundle(place: Path):
    """Frozen workers start as the bundle itself (multiprocessing.freeze_support in entry.py)."""
    from exportdesk.store import Store
    from exportdesk.store.sample import SAMPLE_PASSWORD, seed_sample, visit_answers

    db = place / "home" / "台帳 データ.db"
    store = Store(db)
    prof = seed_sample(store)["prof"]
    for i in range(4):
        case = store.create_case(prof, answers=visit_answers(title=f"来訪 {i}"))
        store.submit(prof, case["id"])
    store.close()
    out = place / "印刷 出力"
    started = time.perf_counter()
    args = ["print", "--all", "--status", "submitted", "--db", str(db), "-o", str(out)]
    # Commands sign in; a script gives the password in the environment.
    signed_in = {"EXPORTDESK_USER": "office", "EXPORTDESK_PASSWORD": SAMPLE_PASSWORD}
    printed = ok(run(place, *args, extra=signed_in))
    assert "PDFs written" in printed, printed
    assert time.perf_counter() - started < 60
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) >= 4 and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)


def test_window_offscreen_screenshot(place: Path):
    shot = place / "画面 ja.png"
    db = place / "home" / "新規 台帳.db"
    ok(run(place, "gui", "--lang", "ja", "--db", str(db), "--screenshot", str(shot)))
    head = shot.read_bytes()[:24]
    assert head.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", head[16:24])
    assert (width, height) == (1024, 640)
    shutil.copy(shot, ROOT / "dist" / "bundle-screenshot-ja.png")  # kept for a human to look at
