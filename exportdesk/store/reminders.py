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
        from exportdesk.domain.people import Due, default_people_rules, due_items

        people_rules = default_people_rules()
        people = self.store.list_people(actor)
        if not people:
            return []
        ids = {p["id"] for p in people}
        by_person: dict[str, dict[int, list[dict[str, Any]]]] = {
            "declarations": defaultdict(list),
            "pledges": defaultdict(list),
            "rechecks": defaultdict(list),
        }
        for table, sql in (
            ("declarations", "SELECT person_id, declared_on, state FROM declarations"),
            ("pledges", "SELECT person_id, kind, state FROM pledges"),
            ("rechecks", "SELECT * FROM rechecks WHERE closed_at IS NULL"),
        ):
            for row in self._rows(sql):
                if row["person_id"] in ids:
                    by_person[table][row["person_id"]].append(row)
        created = dict(self.db.execute("SELECT id, created_at FROM people").fetchall())
        today = self.store.clock().date()
        result: list[dict[str, Any]] = []
        for person in people:
            pid = person["id"]
            items: list[Due] = due_items(
                {**person, "created_at": created.get(pid)},
                by_person["declarations"][pid],
                by_person["pledges"][pid],
                by_person["rechecks"][pid],
                today,
                people_rules,
            )
            for item in items:
                result.append(
                    {
                        "person_id": pid,
                        "kind": item.kind,
                        "what": people_rules.label("due_kinds", item.kind, lang),
                        "due_on": item.due_on.isoformat(),
                        "overdue": item.overdue,
                        "detail": self.reason_text(item.detail, lang),
                        "external_id": person["external_id"],
                        "name": " ".join(
                            x for x in (person["family_name"], person["given_name"]) if x
                        ),
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
