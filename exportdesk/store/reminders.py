"""Re-checks and reminders for the office's home screen: what is due, overdue, by whom."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from exportdesk.store.base import Part
from exportdesk.store.users import User

DUE_COLUMNS: list[tuple[str, str]] = [
    ("due_on", "期限 / Due"),
    ("overdue", "期限切れ / Overdue"),
    ("what", "内容 / What"),
    ("external_id", "番号 / ID"),
    ("name", "氏名 / Name"),
    ("department", "部局 / Department"),
    ("supervisor", "指導教員 / Supervisor"),
    ("email", "メール / E-mail"),
    ("detail", "詳細 / Detail"),
]


class Reminders(Part):
    def due_list(self, actor: User, lang: str = "ja") -> list[dict[str, Any]]:
        """Everything due for the people the actor may see, overdue first, then by date."""
        from exportdesk.domain.people import default_people_rules, due_items

        people_rules = default_people_rules()
        scope, params = self.store._people_scope(actor)
        people = self._rows(
            "SELECT p.id, p.external_id, p.family_name, p.given_name, p.supervisor, p.email,"
            " p.entry_date, p.stay_from, p.stay_until, p.created_at,"
            " coalesce(d.code, '') AS department"
            f" FROM people p LEFT JOIN departments d ON d.id = p.department_id WHERE {scope}",
            params,
        )
        if not people:
            return []
        by_person: dict[str, dict[int, list[dict[str, Any]]]] = {
            "declarations": defaultdict(list),
            "pledges": defaultdict(list),
            "rechecks": defaultdict(list),
        }
        # Each person's records, read in three statements for all of them (scoped alike).
        for table, columns, extra in (
            ("declarations", "x.person_id, x.declared_on, x.state", ""),
            ("pledges", "x.person_id, x.kind, x.state", ""),
            ("rechecks", "x.*", " AND x.closed_at IS NULL"),
        ):
            sql = (
                f"SELECT {columns} FROM {table} x JOIN people p ON p.id = x.person_id"
                f" WHERE {scope}{extra}"
            )
            for row in self._rows(sql, params):
                by_person[table][row["person_id"]].append(row)
        today = self.store.clock().date()
        labels = {k.id: k.text.get(lang) for k in people_rules.due_kinds}
        reasons: dict[str, str] = {}
        no_rows: list[dict[str, Any]] = []
        result: list[dict[str, Any]] = []
        for person in people:
            pid = person["id"]
            items = due_items(
                person,
                by_person["declarations"].get(pid, no_rows),
                by_person["pledges"].get(pid, no_rows),
                by_person["rechecks"].get(pid, no_rows),
                today,
                people_rules,
            )
            if not items:
                continue
            name = " ".join(x for x in (person["family_name"], person["given_name"]) if x)
            for item in items:
                detail = item.detail
                if detail and detail not in reasons:
                    reasons[detail] = self.reason_text(detail, lang)
                result.append(
                    {
                        "person_id": pid,
                        "kind": item.kind,
                        "what": labels.get(item.kind, item.kind),
                        "due_on": item.due_on.isoformat(),
                        "overdue": item.overdue,
                        "detail": reasons[detail] if detail else "",
                        "external_id": person["external_id"],
                        "name": name,
                        "department": person["department"],
                        "supervisor": person["supervisor"],
                        "email": person["email"],
                    }
                )
        result.sort(key=lambda r: (not r["overdue"], r["due_on"], r["name"]))
        return result

    @staticmethod
    def reason_text(reason: str, lang: str) -> str:
        from exportdesk.domain.people import default_people_rules

        if not reason:
            return ""
        people_rules = default_people_rules()
        head, _, rest = reason.partition(":")
        parts = [p.strip() for p in head.split(",")] if not rest else [head.strip()]
        text = ("、" if lang == "ja" else ", ").join(
            people_rules.label("recheck_reasons", p, lang) for p in parts
        )
        return f"{text}: {rest.strip()}" if rest else text

    def export_due_list(self, actor: User, path: Path | str, lang: str = "ja") -> int:
        """The due list as an Excel workbook (overdue rows in red); returns the row count."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        rows = self.due_list(actor, lang)
        book = Workbook()
        sheet = book.active
        sheet.title = "due"
        sheet.append([label for _, label in DUE_COLUMNS])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        red = Font(color="C00000")
        yes, no = ("はい", "") if lang == "ja" else ("yes", "")
        for row in rows:
            sheet.append(
                [
                    yes if row[k] is True else no if row[k] is False else row[k]
                    for k, _ in DUE_COLUMNS
                ]
            )
            if row["overdue"]:
                for cell in sheet[sheet.max_row]:
                    cell.font = red
        for column, width in zip("ABCDEFGHI", (12, 10, 34, 14, 24, 10, 18, 26, 30), strict=True):
            sheet.column_dimensions[column].width = width
        book.save(str(path))
        self.store.record_export(actor, "due_list", str(path), len(rows))
        return len(rows)
