"""Document speed: the large-format ICP as a whole process, and 500 case PDFs in a batch.

.venv/bin/python benchmarks/bench_documents.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    out = Path(tempfile.mkdtemp())
    runs = []
    for lang in ("ja", "en", "ja", "en", "ja"):
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "exportdesk",
                "icp",
                "--format",
                "large",
                "--lang",
                lang,
                "--profile",
                str(ROOT / "examples" / "institution-profile.yaml"),
                "-o",
                str(out / "icp.pdf"),
            ],
            check=True,
            capture_output=True,
        )
        runs.append(time.perf_counter() - t0)
    print(
        f"exportdesk icp --format large (whole process): median {statistics.median(runs):.2f} s"
        f" (runs {', '.join(f'{r:.2f}' for r in runs)})"
    )

    from exportdesk.documents.sheets import case_pdf
    from exportdesk.store import Store
    from exportdesk.store.sample import seed_sample, visit_answers

    store = Store(out / "batch.db")
    users = seed_sample(store)
    prof = users["prof"]
    ids = []
    for i in range(500):
        case = store.create_case(
            prof, answers=visit_answers(title=f"来訪 {i}", counterpart_name=f"Partner {i} GmbH")
        )
        store.submit(prof, case["id"])
        ids.append(case["id"])
    inst = store.institution() or {}
    from exportdesk.documents.batch import write_case_pdfs

    t0 = time.perf_counter()
    cases = [store.get_case(None, case_id) for case_id in ids]
    paths = write_case_pdfs(cases, out / "batch", lang="ja", institution=inst["name_ja"])
    elapsed = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
    print(
        f"500 case PDFs (check sheet + review sheet, ja, {os.cpu_count()} cores): {elapsed:.1f} s,"
        f" {size:.0f} KB each"
    )
    t0 = time.perf_counter()
    for case in cases[:50]:
        case_pdf(case, store.catalog, "ja", inst["name_ja"])
    print(f"one case PDF in one process: {(time.perf_counter() - t0) / 50 * 1000:.0f} ms")


if __name__ == "__main__":
    main()
