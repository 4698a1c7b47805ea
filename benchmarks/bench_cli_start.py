"""Start-up of whole processes, against a bare Python and a bare PySide6 window measured in
the same rounds (the machine is shared: compare, and read the minimum and the median).

    .venv/bin/python benchmarks/bench_cli_start.py [--runs 9] [--bytecode]

Measured, each a fresh process, timed from just before it is launched:
- `python -c pass` and a bare PySide6 window shown offscreen (the floor);
- `exportdesk gui` until the sign-in window is on screen (the real entry point; the
  dialog's event loop is replaced by one round of events and an exit);
- `exportdesk evaluate examples/case-02-….json`;
- `exportdesk icp --format large --profile examples/institution-profile.yaml -o …`.
Caches go to a temporary folder (XDG_CACHE_HOME): the first round fills them, so the
first round is reported on its own as "cold"; min and median are of the other rounds.
The CPU time (user + system) of each process is less disturbed by other people's load
than the wall time; the GUI's CPU time runs to the exit just after the window is shown.

The processes inherit the environment: with PYTHONDONTWRITEBYTECODE set (as in some
development shells) ExportDesk's own modules are compiled from source at every start.
`--bytecode` measures what an installation sees instead: compiled modules are kept (in a
temporary PYTHONPYCACHEPREFIX, filled by the cold round like the other caches).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = [sys.executable, "-m", "exportdesk"]

BARE_WINDOW = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QVBoxLayout
app = QApplication(sys.argv[:1])
d = QDialog(); lay = QVBoxLayout(d); lay.addWidget(QLabel("sign in")); lay.addWidget(QLineEdit())
d.show(); app.processEvents()
print(time.time() - float(sys.argv[1]))
"""

# The real `exportdesk gui`: stop once the sign-in dialog is shown instead of waiting for a user.
GUI = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QDialog
def shown(self):
    self.show(); QApplication.processEvents()
    print(time.time() - t0, type(self).__name__)
    raise SystemExit(0)
QDialog.exec = shown
from exportdesk.cli import main
main(["gui", "--db", sys.argv[2], "--lang", "ja"])
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str], *, reports: bool = False) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process; `reports`: the child prints its own time
    since the launch (passed as the last argument)."""
    cpu0, t0 = _cpu(), time.time()
    out = subprocess.run(
        [*argv, repr(t0)] if reports else argv, env=env, capture_output=True, text=True
    )
    wall, cpu = time.time() - t0, _cpu() - cpu0
    if out.returncode != 0:
        raise SystemExit(f"{argv}: exit {out.returncode}\n{out.stderr[-2000:]}")
    return (float(out.stdout.split()[0]) if reports else wall), cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--bytecode", action="store_true", help="keep compiled modules (see above)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(tmp / "cache"),
        "EXPORTDESK_KEYS": str(tmp / "keys"),
    }
    if args.bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    db = tmp / "start.db"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from exportdesk.store import Store; from exportdesk.store.sample import"
            " seed_sample; seed_sample(Store(sys.argv[1]))",
            str(db),
        ],
        env={**env, "EXPORTDESK_FAST_HASH": "1", "XDG_CACHE_HOME": str(tmp / "seed-cache")},
        check=True,
    )
    case = str(ROOT / "examples" / "case-02-list-tech-non-resident.json")
    profile = str(ROOT / "examples" / "institution-profile.yaml")
    jobs = {
        "python -c pass": lambda: timed([sys.executable, "-c", "pass"], env),
        "bare PySide6 window": lambda: timed(
            [sys.executable, "-c", BARE_WINDOW], env, reports=True
        ),
        "exportdesk gui → sign-in window": lambda: _gui(env, db),
        "exportdesk evaluate": lambda: timed([*EXE, "evaluate", case], env),
        "exportdesk icp --format large": lambda: timed(
            [*EXE, "icp", "--format", "large", "--profile", profile, "-o", str(tmp / "icp.pdf")],
            env,
        ),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in jobs}
    for _ in range(args.runs):
        for name, job in jobs.items():
            times[name].append(job())
    compiled = (
        "compiled modules kept"
        if args.bytecode
        else "PYTHONDONTWRITEBYTECODE=" + (os.environ.get("PYTHONDONTWRITEBYTECODE") or "(unset)")
    )
    print(f"{args.runs} rounds, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, {compiled}")
    print("seconds: wall time to the result (the window shown), and the process's CPU time")
    print(f"{'':34} {'cold':>6} {'min':>6} {'median':>6} | {'CPU min':>7} {'median':>6}")
    for name, values in times.items():
        wall = [w for w, _ in values[1:]]
        cpu = [c for _, c in values[1:]]
        print(
            f"{name:34} {values[0][0]:6.3f} {min(wall):6.3f} {statistics.median(wall):6.3f}"
            f" | {min(cpu):7.3f} {statistics.median(cpu):6.3f}"
        )


def _gui(env: dict[str, str], db: Path) -> tuple[float, float]:
    cpu0, t0 = _cpu(), time.time()
    out = subprocess.run(
        [sys.executable, "-c", GUI, repr(t0), str(db)], env=env, capture_output=True, text=True
    )
    cpu = _cpu() - cpu0
    if out.returncode != 0 or "LoginDialog" not in out.stdout:
        raise SystemExit(f"gui: exit {out.returncode}\n{out.stdout}\n{out.stderr[-2000:]}")
    return float(out.stdout.split()[0]), cpu


if __name__ == "__main__":
    main()
