"""Export every case with its decision and approvals as xlsx, csv or json."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from exportdesk.domain.workflow import status_text
from exportdesk.store.files import write_bytes_private
from exportdesk.store.service import Store
from exportdesk.store.users import User

COLUMNS: list[tuple[str, str]] = [
    ("ref", "案件番号 / Ref"),
    ("status", "状態 / Status"),
    ("activity", "活動 / Activity"),
    ("title", "件名 / Title"),
    ("applicant", "申請者 / Applicant"),
    ("filed_by", "入力者 / Filed by"),
    ("department", "部局 / Department"),
    ("counterpart", "相手方 / Counterpart"),
    ("country", "国 / Country"),
    ("outcome", "事前確認の結果 / Check-sheet outcome"),
    ("reasons", "理由 / Reasons"),
    ("decision", "判断 / Decision"),
    ("decision_reasons", "判断理由 / Decision reasons"),
    ("conditions", "条件 / Conditions"),
    ("approvals", "承認 / Approvals"),
    ("created_at", "作成 (UTC)"),
    ("submitted_at", "提出 (UTC)"),
    ("closed_at", "完了 (UTC)"),
    ("forms_version", "フォーム版 / Forms version"),
]


def case_rows(store: Store, actor: User, lang: str = "ja") -> list[dict[str, Any]]:
    departments = {d["id"]: d for d in store.departments()}
    approvals: dict[int, list[str]] = defaultdict(list)
    for case_id, step, name, action, at in store.db.execute(
        "SELECT a.case_id, a.step, u.name, a.action, a.at FROM approvals a"
        " JOIN users u ON u.id = a.user_id ORDER BY a.id"
    ):
        approvals[case_id].append(f"{step}:{action}:{name}:{at[:16]}")
    rows = []
    for case in store.iter_cases_for_export(actor):
        det = case["determination"] or {}
        dep = departments.get(case["department_id"])
        rows.append(
            {
                "ref": case["ref"],
                "status": status_text(case["status"], lang),
                "activity": case["activity"],
                "title": case["title"],
                "applicant": case["applicant_name"],
                "filed_by": case["filed_by_name"],
                "department": dep[f"name_{lang}"] if dep else "",
                "counterpart": case["counterpart_name"],
                "country": case["counterpart_country"],
                "outcome": det.get("outcome", ""),
                "reasons": " / ".join(r[lang] for r in det.get("reasons", [])),
                "decision": case["decision"] or "",
                "decision_reasons": case["decision_reasons"] or "",
                "conditions": case["decision_conditions"] or "",
                "approvals": "; ".join(approvals.get(case["id"], [])),
                "created_at": case["created_at"],
                "submitted_at": case["submitted_at"] or "",
                "closed_at": case["closed_at"] or "",
                "forms_version": case["forms_version"],
            }
        )
    return rows


# A spreadsheet reads a cell starting with one of these as a formula (or, for tab and
# carriage return, shifts it into one); counterpart names come from outside.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEAD_LABEL = "exportdesk-audit-head"


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, kept as plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(rows: list[dict[str, Any]], head: dict[str, Any]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([label for _, label in COLUMNS])
    for row in rows:
        writer.writerow([neutralise(row[key]) for key, _ in COLUMNS])
    # The signed head of the audit chain as the export was made (see docs/threat-model.md).
    writer.writerow([HEAD_LABEL, json.dumps(head, sort_keys=True)])
    # utf-8-sig so that Excel opens Japanese text correctly.
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx(rows: list[dict[str, Any]], head: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Cases"
    ws.append([label for _, label in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([neutralise(row[key]) for key, _ in COLUMNS])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    audit_sheet = wb.create_sheet("Audit")
    audit_sheet.append([HEAD_LABEL, json.dumps(head, sort_keys=True)])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def export_cases(store: Store, target: Path | str, fmt: str, actor: User) -> int:
    """Write the cases `actor` may see; the file is owner-only and carries the signed head
    of the audit chain. Raises StoreError (nothing left behind) when it cannot be written."""
    if fmt not in ("json", "csv", "xlsx"):
        raise ValueError(f"unknown format {fmt}")
    rows = case_rows(store, actor)
    head = store.signed_head()
    target = Path(target)
    if fmt == "json":
        data = {"audit_head": head, "cases": rows}
        write_bytes_private(target, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    elif fmt == "csv":
        write_bytes_private(target, _csv(rows, head))
    else:
        write_bytes_private(target, _xlsx(rows, head))
    store.record_export(actor, "cases", str(target), len(rows))
    return len(rows)
