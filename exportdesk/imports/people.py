"""Reading people from a student or personnel system's export (CSV or Excel).

Japanese Excel writes CSV in CP932 (Shift_JIS); other systems write UTF-8, with or
without a BOM. Columns are mapped onto ExportDesk's fields by a mapping the user
confirms (a guess from the header is offered first). Every row is checked here and
again by the store, which imports all rows or none.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exportdesk.domain.countries import country_code_for
from exportdesk.domain.dates import parse_date  # the shared reader of Japanese dates
from exportdesk.domain.people import PERSON_DATES
from exportdesk.imports import textfile

if TYPE_CHECKING:
    from exportdesk.domain.people_rules import PeopleRules

# ExportDesk's fields an import may fill, with the header names systems commonly use.
FIELDS: dict[str, tuple[str, ...]] = {
    "external_id": ("id", "学籍番号", "職員番号", "個人番号", "student id", "staff id", "number"),
    "family_name": ("family name", "surname", "last name", "姓", "氏", "氏名（姓）"),
    "given_name": ("given name", "first name", "名", "氏名（名）"),
    "name_native": ("native name", "漢字氏名", "氏名（漢字）", "原語氏名", "name (native)"),
    "nationality": ("nationality", "国籍", "国・地域"),
    "birth_date": ("birth date", "date of birth", "生年月日"),
    "entry_date": ("entry date", "入国日", "入国年月日", "来日日"),
    "stay_from": ("stay from", "start of stay", "受入開始日", "滞在開始日", "在籍開始日", "開始日"),
    "stay_until": ("stay until", "end of stay", "在籍期限", "在留期限", "受入終了日", "終了日"),
    "status": ("status", "身分", "在籍区分", "区分"),
    "department": ("department", "部局", "所属", "所属部局"),
    "supervisor": ("supervisor", "host", "指導教員", "受入教員"),
    "email": ("email", "e-mail", "メール", "メールアドレス"),
    "funding": ("funding", "資金", "資金源", "奨学金"),
    "employed_in_japan": ("employed in japan", "雇用", "国内雇用"),
    "foreign_contracts": ("foreign contracts", "外国との契約", "外国機関との契約"),
}
REQUIRED = ("family_name", "nationality")


class PeopleImportError(ValueError):
    """The file cannot be read at all; `ja` and `en` say why."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.ja = ja
        self.en = en

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]  # data rows, each as long as headers
    encoding: str  # "utf-8", "cp932" or "xlsx"


@dataclass
class Candidate:
    line: int  # the row's line in the file (header = 1)
    fields: dict[str, Any]
    errors: list[tuple[str, str]] = field(default_factory=list)  # (ja, en)


# --- reading ---------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else CP932; anything else is refused."""
    try:
        decoded = textfile.decode_text(data)
    except textfile.TextFileError as exc:  # names the encoding the file seems to be in
        raise PeopleImportError(exc.ja, exc.en) from None
    return decoded.text, "cp932" if decoded.encoding == "cp932" else "utf-8"


def _square(rows: list[list[str]]) -> Table:
    rows = [[c.strip() for c in r] for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise PeopleImportError("ファイルが空です。", "The file is empty.")
    headers = rows[0]
    width = len(headers)
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    return Table(headers, body, "")


def read_table(path: Path | str) -> Table:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PeopleImportError(
            f"ファイルを読めません：{exc.strerror}", f"Cannot read the file: {exc.strerror}"
        ) from None
    if data[:2] == b"PK" or path.suffix.lower() == ".xlsx":
        return _read_xlsx(data)
    text, encoding = decode_text(data)
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    table = _square(list(csv.reader(io.StringIO(text), delimiter=delimiter)))
    table.encoding = encoding
    return table


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes) -> Table:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    except (BadZipFile, KeyError, OSError, ValueError, IndexError):
        raise PeopleImportError(
            "Excelファイル（.xlsx）として読めません。", "Not a readable Excel (.xlsx) workbook."
        ) from None
    table = _square(rows)
    table.encoding = "xlsx"
    return table


# --- mapping ---------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("_", " ").split()).casefold()


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """{field: header} for the headers that look like one of ExportDesk's fields."""
    found: dict[str, str] = {}
    for name, aliases in FIELDS.items():
        wanted = {_norm(name), *(_norm(a) for a in aliases)}
        for header in headers:
            if _norm(header) in wanted and header not in found.values():
                found[name] = header
                break
    return found


def check_mapping(mapping: dict[str, str], headers: list[str]) -> list[tuple[str, str]]:
    """Problems with a mapping, as (ja, en) messages; empty when it can be used."""
    problems = []
    for name in REQUIRED:
        if not mapping.get(name):
            problems.append(
                (f"必須の列が割り当てられていません：{name}", f"Required column not mapped: {name}")
            )
    for name, header in mapping.items():
        if name not in FIELDS:
            problems.append((f"不明な項目：{name}", f"Unknown field: {name}"))
        elif header and header not in headers:
            problems.append((f"ファイルにない列：{header}", f"Column not in the file: {header}"))
    return problems


# --- values ----------------------------------------------------------------------------------


_YES = {"yes", "y", "true", "1", "はい", "有", "あり", "○", "◯", "該当"}
_NO = {"no", "n", "false", "0", "いいえ", "無", "なし", "×", "非該当", ""}


def parse_flag(text: str) -> bool:
    value = _norm(text)
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(text)


def candidates(
    table: Table,
    mapping: dict[str, str],
    rules: PeopleRules,
    departments: list[dict[str, Any]],
) -> list[Candidate]:
    """Each data row as person fields, with its problems (the store checks again)."""
    index = {name: table.headers.index(h) for name, h in mapping.items() if h in table.headers}
    by_department = {}
    for d in departments:
        for key in (d["code"], d["name_ja"], d["name_en"]):
            by_department[_norm(key)] = d["id"]
    found: list[Candidate] = []
    seen_ids: dict[str, int] = {}
    for number, row in enumerate(table.rows, start=2):
        values = {name: row[i].strip() for name, i in index.items()}
        cand = Candidate(number, {})
        problems = cand.errors

        def bad(ja: str, en: str) -> None:
            problems.append((ja, en))  # noqa: B023 (called within this iteration only)

        for name, value in values.items():
            if name in PERSON_DATES:
                if value:
                    try:
                        cand.fields[name] = parse_date(value).isoformat()
                    except ValueError:
                        bad(
                            f"日付ではありません（{name}）：{value}",
                            f"Not a date ({name}): {value}",
                        )
            elif name == "nationality":
                code = country_code_for(value) if value else None
                if code is None:
                    bad(
                        f"国籍が分かりません：{value or '（空）'}",
                        f"Unknown nationality: {value or '(empty)'}",
                    )
                else:
                    cand.fields[name] = code
            elif name == "status":
                if value:
                    status = rules.status_id(value)
                    if status is None:
                        bad(f"身分が分かりません：{value}", f"Unknown status: {value}")
                    else:
                        cand.fields[name] = status
            elif name == "department":
                if value:
                    dep = by_department.get(_norm(value))
                    if dep is None:
                        bad(f"部局が分かりません：{value}", f"Unknown department: {value}")
                    else:
                        cand.fields["department_id"] = dep
            elif name == "employed_in_japan":
                try:
                    cand.fields[name] = parse_flag(value)
                except ValueError:
                    bad(f"はい／いいえではありません：{value}", f"Not yes or no: {value}")
            else:
                cand.fields[name] = value
        if not cand.fields.get("family_name"):
            bad("姓がありません。", "The family name is missing.")
        ext = cand.fields.get("external_id")
        if ext:
            if ext in seen_ids:
                bad(
                    f"番号{ext}が{seen_ids[ext]}行目と重複しています。",
                    f"ID {ext} repeats line {seen_ids[ext]}.",
                )
            else:
                seen_ids[ext] = number
        found.append(cand)
    return found
