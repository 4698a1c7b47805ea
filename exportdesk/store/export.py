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

# (key, Japanese header, English header)
COLUMNS: list[tuple[str, str, str]] = [
    ("ref", "案件番号", "Ref"),
    ("status", "状態", "Status"),
    ("activity", "活動", "Activity"),
    ("title", "件名", "Title"),
    ("applicant", "申請者", "Applicant"),
    ("filed_by", "入力者", "Filed by"),
    ("department", "部局", "Department"),
    ("counterpart", "相手方", "Counterpart"),
    ("country", "国", "Country"),
    ("outcome", "事前確認の結果", "Check-sheet outcome"),
    ("reasons", "理由", "Reasons"),
    ("decision", "判断", "Decision"),
    ("decision_reasons", "判断理由", "Decision reasons"),
    ("conditions", "条件", "Conditions"),
    ("approvals", "承認", "Approvals"),
    ("created_at", "作成日時 (UTC)", "Created (UTC)"),
    ("submitted_at", "提出日時 (UTC)", "Submitted (UTC)"),
    ("closed_at", "完了日時 (UTC)", "Closed (UTC)"),
    ("forms_version", "フォーム版", "Forms version"),
]
DATE_KEYS = ("created_at", "submitted_at", "closed_at")


def headers(lang: str) -> list[str]:
    return [ja if lang == "ja" else en for _, ja, en in COLUMNS]


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


def _csv(rows: list[dict[str, Any]], head: dict[str, Any] | None, lang: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers(lang))
    for row in rows:
        writer.writerow([neutralise(row[key]) for key, _, _ in COLUMNS])
    # The signed head of the audit chain as the export was made (docs/threat-model.md).
    writer.writerow([HEAD_LABEL, json.dumps(head, sort_keys=True)])
    # utf-8-sig so that Excel opens Japanese text correctly.
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx(rows: list[dict[str, Any]], head: dict[str, Any] | None, lang: str) -> bytes:
    from openpyxl import load_workbook

    from exportdesk.store.workbook import write_table

    keys = [key for key, _, _ in COLUMNS]
    buffer = io.BytesIO()
    write_table(
        buffer,
        "案件" if lang == "ja" else "Cases",
        headers(lang),
        ([neutralise(row[key]) for key in keys] for row in rows),
        lang=lang,
        date_columns=[keys.index(k) for k in DATE_KEYS],
    )
    # The signed head of the audit chain on a sheet of its own.
    wb = load_workbook(io.BytesIO(buffer.getvalue()))
    wb.create_sheet("Audit").append([HEAD_LABEL, json.dumps(head, sort_keys=True)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_cases(store: Store, target: Path | str, fmt: str, actor: User, lang: str = "ja") -> int:
    """The cases `actor` may see, headers and texts in `lang` (in xlsx, time stamps are
    Excel dates, UTC). The file is owner-only, carries the signed head of the audit chain,
    and is written whole or not at all (StoreError when it cannot be written)."""
    if fmt not in ("json", "csv", "xlsx"):
        raise ValueError(f"unknown format {fmt}")
    rows = case_rows(store, actor, lang)
    head = store.signed_head()
    if fmt == "json":
        data = {"audit_head": head, "cases": rows}
        write_bytes_private(target, json.dumps(data, ensure_ascii=False, indent=2).encode())
    elif fmt == "csv":
        write_bytes_private(target, _csv(rows, head, lang))
    else:
        write_bytes_private(target, _xlsx(rows, head, lang))
    store.record_export(actor, "cases", str(target), len(rows))
    return len(rows)
