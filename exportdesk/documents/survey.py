"""Survey figures as an Excel workbook: foreign researchers and students at a reference
date by nationality, by department, and in full detail, laid out as the surveys'
tables are (one row per nationality or department, one column per status, totals)."""

from __future__ import annotations

from collections import Counter, defaultdict
from io import BytesIO
from typing import Any

from exportdesk.domain.countries import all_countries

NO_STATUS = {"ja": "（区分なし）", "en": "(no status)"}


def survey_xlsx(
    rows: list[dict[str, Any]],
    departments: dict[int, str],
    *,
    institution: str,
    reference: str,
    lang: str,
) -> bytes:
    """`rows`: nationality, status, department_id, n (Statistics.survey)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    ja = lang == "ja"
    names = {c.code: c.name(lang) for c in all_countries()}
    no_dept = "（部局なし）" if ja else "(no department)"
    # Statuses in the order the people rules list them, by their names in the language;
    # people without one in a last column.
    from exportdesk.domain.people import default_people_rules

    rules = default_people_rules()
    order = [e.id for e in rules.statuses]

    def status_name(status: str) -> str:
        return rules.label("statuses", status, lang) if status else NO_STATUS[lang]

    recorded = {r["status"] for r in rows if r["status"]}
    statuses = [
        status_name(s)
        for s in sorted(recorded, key=lambda s: order.index(s) if s in order else len(order))
    ]
    if any(not r["status"] for r in rows):
        statuses.append(NO_STATUS[lang])
    by_nat: dict[str, Counter[str]] = defaultdict(Counter)
    by_dept: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        status = status_name(r["status"])
        by_nat[r["nationality"]][status] += r["n"]
        by_dept[departments.get(r["department_id"] or 0, no_dept)][status] += r["n"]

    thin = Side(style="thin", color="777777")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="E6E6E6")
    wb = Workbook()
    total_label = "合計" if ja else "Total"

    def sheet(
        ws: Any, title: str, first: str, table: dict[str, Counter[str]], order: list[str]
    ) -> None:
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([institution])
        ws.append([("基準日 " if ja else "Reference date ") + reference])
        ws.append([])
        ws.append([first, *statuses, total_label])
        for cell in ws[5]:
            cell.font = Font(bold=True)
            cell.fill = head_fill
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for key in order:
            counts = table[key]
            ws.append([key, *[counts.get(s, 0) for s in statuses], sum(counts.values())])
        ws.append(
            [
                total_label,
                *[sum(t.get(s, 0) for t in table.values()) for s in statuses],
                sum(sum(t.values()) for t in table.values()),
            ]
        )
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for row in ws.iter_rows(min_row=5, max_row=ws.max_row):
            for cell in row:
                cell.border = box
        ws.column_dimensions["A"].width = 34
        for col in range(2, len(statuses) + 3):
            ws.column_dimensions[ws.cell(row=5, column=col).column_letter].width = 14
        ws.freeze_panes = "B6"

    nat_rows = {names.get(code, code): counts for code, counts in by_nat.items()}
    ws = wb.active
    ws.title = "国籍別" if ja else "By nationality"
    sheet(
        ws,
        "外国人研究者・留学生数（国籍別）"
        if ja
        else "Foreign researchers and students by nationality",
        "国籍" if ja else "Nationality",
        nat_rows,
        sorted(nat_rows, key=lambda k: (-sum(nat_rows[k].values()), k)),
    )
    dept_order = [departments[d] for d in sorted(departments, key=lambda d: departments[d])]
    for name in dept_order:
        by_dept.setdefault(name, Counter())
    order = dept_order + sorted(k for k in by_dept if k not in dept_order)
    sheet(
        wb.create_sheet("部局別" if ja else "By department"),
        "外国人研究者・留学生数（部局別）"
        if ja
        else "Foreign researchers and students by department",
        "部局" if ja else "Department",
        dict(by_dept),
        order,
    )
    detail = wb.create_sheet("明細" if ja else "Detail")
    detail.append(
        [
            "国籍" if ja else "Nationality",
            "国コード" if ja else "Code",
            "身分" if ja else "Status",
            "部局" if ja else "Department",
            "人数" if ja else "People",
        ]
    )
    for cell in detail[1]:
        cell.font = Font(bold=True)
        cell.fill = head_fill
    for r in rows:
        detail.append(
            [
                names.get(r["nationality"], r["nationality"]),
                r["nationality"],
                status_name(r["status"]),
                departments.get(r["department_id"] or 0, no_dept),
                r["n"],
            ]
        )
    detail.freeze_panes = "A2"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
