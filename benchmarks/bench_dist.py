"""The application folder against the virtual-environment install: size and start-up time.

    make dist && .venv/bin/python benchmarks/bench_dist.py

Size of the venv install = the installed files of ExportDesk's runtime dependencies (not the
test tools) plus the Python it needs; start-up = median wall time of whole processes.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "ExportDesk" / "exportdesk"
VENV = Path(sys.prefix) / "bin" / "exportdesk"


def runtime_size() -> int:
    """Bytes of the installed runtime distributions, followed through their requirements."""
    seen: set[str] = set()
    todo = ["exportdesk"]
    total = 0
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                total += path.stat().st_size
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return total


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def timed(cmd: list[str], env: dict[str, str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    if not BUNDLE.exists():
        raise SystemExit("build the application folder first: make dist")
    stdlib = Path(os.__file__).parent
    python_size = sum(
        f.stat().st_size
        for f in stdlib.rglob("*")
        if f.is_file() and not {"site-packages", "dist-packages", "test"} & set(f.parts)
    )
    archive = next((ROOT / "dist").glob("ExportDesk-*.tar.gz"), None)
    print(f"application folder: {folder_size(BUNDLE.parent) / 1e6:.0f} MB")
    if archive:
        print(f"archive (tar.gz): {archive.stat().st_size / 1e6:.0f} MB")
    print(
        f"venv install: {runtime_size() / 1e6:.0f} MB of packages"
        f" + {python_size / 1e6:.0f} MB of Python's standard library (not counting python itself)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "HOME": tmp,
            "PATH": "/usr/bin:/bin",
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
        }
        for label, args in (
            ("--version", ["--version"]),
            ("demo", ["demo"]),
            ("gui --screenshot", ["gui", "--db", f"{tmp}/x.db", "--screenshot", f"{tmp}/x.png"]),
        ):
            venv = timed([str(VENV), *args], env)
            bundle = timed([str(BUNDLE), *args], env)
            print(f"{label:18} venv {venv:.2f} s   bundle {bundle:.2f} s   (median of 5)")


if __name__ == "__main__":
    main()
