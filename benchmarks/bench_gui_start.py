"""Cold start to the sign-in window, and sign-in to 'My cases', with 10,000 cases.

    .venv/bin/python benchmarks/bench_gui_start.py [--cases 10000]

Each measurement is a fresh process (offscreen), timed from interpreter start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import os, sys, time
t0 = float(sys.argv[2])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from exportdesk.gui.app import create_app, install_language
from exportdesk.gui.dialogs import LoginDialog
from exportdesk.store import Store
app = create_app(); install_language(app, "ja")
store = Store(sys.argv[1])
login = LoginDialog(store, "ja"); login.show(); app.processEvents()
t_login = time.time() - t0
login.login.setText("prof"); login.password.setText("sample-password-2026")
t1 = time.time()
login.sign_in()
from exportdesk.gui.main_window import MainWindow
w = MainWindow(store, login.user, "ja"); w.resize(1280, 800); w.show(); app.processEvents()
t_cases = time.time() - t1
import resource
print(f"{t_login:.3f} {t_cases:.3f} {w.cases_page.model.total} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
"""


def build(path: Path, n: int) -> None:
    os.environ["EXPORTDESK_FAST_HASH"] = "0"  # real argon2 cost for the sign-in
    from exportdesk.store import Store
    from exportdesk.store.sample import seed_sample

    store = Store(path)
    users = seed_sample(store)
    prof = users["prof"]
    base = store.db.execute(
        "SELECT * FROM cases WHERE applicant_id = ? LIMIT 1", [prof.id]
    ).fetchone()
    cols = [c[0] for c in store.db.execute("SELECT * FROM cases LIMIT 0").description]
    row = dict(zip(cols, base, strict=True))
    with store.db.atomic():
        store.db["cases"].insert_all(
            (
                {**row, "id": None, "ref": f"B-{i:06d}", "title": f"{row['title']} {i}"}
                for i in range(n)
            ),
            batch_size=2000,
        )
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    path = Path(tempfile.mkdtemp()) / "start.db"
    build(path, args.cases)
    logins, cases, rss = [], [], []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), repr(time.time())],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        logins.append(float(out[0]))
        cases.append(float(out[1]))
        rss.append(int(out[3]) / 1024)
        total = out[2]
    print(f"database: {total} cases visible to the professor")
    print(
        f"cold start to sign-in window: median {statistics.median(logins):.2f} s (runs: {', '.join(f'{x:.2f}' for x in logins)})"
    )
    print(f"sign-in (argon2) to My cases shown: median {statistics.median(cases):.2f} s")
    print(f"peak RSS: {statistics.median(rss):.0f} MB")


if __name__ == "__main__":
    main()
