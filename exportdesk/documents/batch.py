"""Many case PDFs at once, spread over the machine's cores."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

_catalog: Any = None


def _init(forms_dir: str | None) -> None:
    global _catalog
    from exportdesk.domain.catalog import load_catalog

    _catalog = load_catalog(forms_dir)


def _one(job: tuple[dict[str, Any], str, str, str, dict[str, Any] | None]) -> int:
    from exportdesk.documents.sheets import case_pdf

    case, lang, institution, target, head = job
    data = case_pdf(case, _catalog, lang, institution, head)
    # A case's PDF holds personal data: owner-only, and never left half-written.
    tmp = Path(target).with_name(f".{Path(target).name}.{os.getpid()}.part")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return len(data)


def write_case_pdfs(
    cases: list[dict[str, Any]],
    out_dir: Path,
    *,
    lang: str,
    institution: str,
    forms_dir: str | None = None,
    workers: int | None = None,
    audit_head: dict[str, Any] | None = None,
) -> list[Path]:
    """Write `<ref>.pdf` for each case; returns the paths in the order given."""
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = [
        (case, lang, institution, str(out_dir / f"{case['ref']}.pdf"), audit_head) for case in cases
    ]
    workers = workers or min(len(jobs), os.cpu_count() or 1) or 1
    if workers == 1:
        _init(forms_dir)
        for job in jobs:
            _one(job)
    else:
        # `spawn` everywhere: it is the only start method on Windows and the default on macOS,
        # so what runs here is what runs there; forking a process with Qt threads is unsafe.
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            workers, mp_context=spawn, initializer=_init, initargs=(forms_dir,)
        ) as pool:
            list(pool.map(_one, jobs, chunksize=8))
    return [Path(job[3]) for job in jobs]
