"""Write sample PDFs and page images to docs/samples/ (ICP in both formats and languages,
a filled review sheet, a pledge). Needs pdftoppm (poppler-utils).

    .venv/bin/python tools/samples.py
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")

from exportdesk.documents.icp import icp_pdf
from exportdesk.documents.sheets import case_pdf, pledge_pdf
from exportdesk.domain.catalog import default_catalog
from exportdesk.domain.profile import load_profile
from exportdesk.store import Store
from exportdesk.store.sample import seed_sample

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "samples"


def png(pdf: Path, first: int, last: int, stem: str) -> None:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "70",
            "-png",
            "-f",
            str(first),
            "-l",
            str(last),
            str(pdf),
            str(OUT / stem),
        ],
        check=True,
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    catalog = default_catalog()
    profile = load_profile(ROOT / "examples" / "institution-profile.yaml")
    for fmt, lang in (("small", "ja"), ("large", "ja"), ("large", "en")):
        path = OUT / f"icp-{fmt}-{lang}.pdf"
        path.write_bytes(icp_pdf(profile, catalog, fmt, lang))
        png(path, 1, 1, f"icp-{fmt}-{lang}-title")
        png(path, 4, 4, f"icp-{fmt}-{lang}-articles")
    png(OUT / "icp-large-ja.pdf", 9, 9, "icp-large-ja-orgchart")
    png(OUT / "icp-large-en.pdf", 9, 9, "icp-large-en-orgchart")

    store = Store(Path(tempfile.mkdtemp()) / "samples.db")
    users = seed_sample(store)
    case_id = store.list_cases(users["office"], search="留学生")[0]["id"]
    store.approve(users["manager"], case_id, "部局確認済み")
    store.save_review(
        users["office"],
        case_id,
        {
            "technology_classification": {"choice": "listed", "items": "5(1)"},
            "goods_classification": {"choice": "not_applicable"},
            "classification_basis": "office_comparison",
            "use_requirement": False,
            "end_user_requirement": False,
            "inform_requirement": False,
            "resident_confirmed": "non_resident",
            "pledge": "requested",
            "exemptions_applied": [],
        },
    )
    store.waive_screening(users["office"], case_id, "リスト未取込みのため目視で確認")
    store.record_decision(
        users["office"],
        case_id,
        "licence_required",
        "リスト規制技術（5項）を非居住者に提供するため、役務取引許可申請が必要。",
    )
    store.approve(users["office"], case_id, "許可申請を準備します")
    store.approve(users["chief"], case_id, "承認")
    inst = store.institution() or {}
    for lang in ("ja", "en"):
        path = OUT / f"case-{lang}.pdf"
        path.write_bytes(
            case_pdf(store.get_case(None, case_id), store.catalog, lang, inst[f"name_{lang}"])
        )
        png(path, 3, 3, f"review-sheet-{lang}")
    pid = store.add_person(
        users["prof"],
        family_name="Wang",
        given_name="Li",
        name_native="王 立",
        nationality="CN",
        status="博士後期課程 / Doctoral student",
    )
    store.declare(users["prof"], pid, declared_on="2026-04-05", categories=[2], pledge_signed=True)
    path = OUT / "pledge.pdf"
    path.write_bytes(
        pledge_pdf(store.catalog, inst, store.person(pid), store.declarations(pid)[-1])
    )
    png(path, 1, 1, "pledge")
    print(f"samples in {OUT}")


if __name__ == "__main__":
    main()
