"""A signed case file whose attachment inflates to 1 GiB of zeros: time and peak memory
of its refusal (the container checks the signature first, then streams each member under
a size bound and refuses on ratio).

    .venv/bin/python benchmarks/bench_exchange_bomb.py
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exportdesk.exchange import Exchange, ExchangeError
from exportdesk.store import Store
from tests.store_fixtures import PASSWORD, controlled_answers, make_campus

GIB = 1024**3


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    office = make_campus(tmp / "office.db")
    office_x = Exchange(office.store, key_dir=tmp / "ok")
    office_x.write_profile(office.admin, tmp / "inst.exportdesk")
    prof_store = Store(tmp / "prof.db")
    prof_x = Exchange(prof_store, key_dir=tmp / "pk")
    prof = prof_x.import_profile(tmp / "inst.exportdesk", login="prof", name="P", password=PASSWORD)
    case = prof_store.create_case(prof, answers=controlled_answers())
    good = tmp / "good.exportdesk"
    prof_x.write_case(prof, case["id"], good)
    src = zipfile.ZipFile(good)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for n in src.namelist():
            zf.writestr(n, src.read(n))
        with zf.open("attachments/1-zeros.bin", "w", force_zip64=True) as fh:
            block = bytes(16 * 1024 * 1024)
            for _ in range(GIB // len(block)):
                fh.write(block)
    bomb = tmp / "bomb.exportdesk"
    bomb.write_bytes(buffer.getvalue())
    del buffer
    measure("unsigned member", office_x, office, bomb)
    # The same, declared and signed by the professor's own (trusted) key: the sender is
    # who they say, the file is still refused before it is inflated.
    manifest = json.loads(src.read("manifest.json"))
    digest = hashlib.sha256()
    block = bytes(16 * 1024 * 1024)
    for _ in range(GIB // len(block)):
        digest.update(block)
    manifest["files"]["attachments/1-zeros.bin"] = digest.hexdigest()
    manifest.setdefault("sizes", {})["attachments/1-zeros.bin"] = GIB
    meta = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    signed = io.BytesIO()
    with zipfile.ZipFile(signed, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", meta)
        zf.writestr("signature", base64.b64encode(prof_x.key.sign(meta)))
        for n in src.namelist():
            if n not in ("manifest.json", "signature"):
                zf.writestr(n, src.read(n))
        with zf.open("attachments/1-zeros.bin", "w", force_zip64=True) as fh:
            for _ in range(GIB // len(block)):
                fh.write(block)
    bomb.write_bytes(signed.getvalue())
    measure("signed and declared member", office_x, office, bomb)


def measure(label: str, office_x, office, bomb: Path) -> None:  # type: ignore[no-untyped-def]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        office_x.import_case(office.office, bomb, trust_new_key=True)
        outcome = "IMPORTED (wrong)"
    except ExchangeError as exc:
        outcome = f"refused: {exc.code}"
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "case": label,
                "file_bytes": bomb.stat().st_size,
                "inflates_to": GIB,
                "outcome": outcome,
                "seconds": round(elapsed, 3),
                "peak_rss_growth_mb": round((after - before) / 1024, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
