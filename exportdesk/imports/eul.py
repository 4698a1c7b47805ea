"""Read the Foreign End User List: METI's PDF as published, the CSV/XLSX template,
or OpenSanctions' `jp_meti_eul` CSV export. Every reader returns the whole list or
raises EulImportError naming the row and column; nothing is half-read.

METI's PDF is a table: No. | country or region (Japanese and English) | company or
organisation (English name, original name in full-width brackets) | also known as
(one alias per line, each starting with ・) | type of WMD concern (B/C/M/N) |
conventional weapons. Rows can straddle a page break: the part on the next page
arrives as a row without a No. and is joined to the row before it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from exportdesk.domain.countries import country_code_for
from exportdesk.domain.screening import Entity, has_cjk
from exportdesk.imports.textfile import TextFileError, decode_text

TEMPLATE_COLUMNS = [
    "no",
    "country_ja",
    "country_en",
    "name_en",
    "name_original",
    "aliases",
    "concerns",
    "conventional_weapons",
]
CONCERN_WORDS = {"生物": "B", "化学": "C", "ミサイル": "M", "核": "N"}


class EulImportError(ValueError):
    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        where = []
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
        self.row = row
        self.column = column


@dataclass
class ParsedList:
    entities: list[Entity]
    source_format: str
    sha256: str
    source_name: str
    encoding: str = ""  # what a CSV was decoded from, e.g. "Shift_JIS (CP932)"


# --- cell parsing -----------------------------------------------------------------------

_ORIGINAL = re.compile(r"[（(]([^（）()]*)[)）]\s*$")


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped cell lines: no space between Japanese/Chinese characters."""
    out = ""
    for line in (x.strip() for x in lines):
        if not line:
            continue
        if out and not (has_cjk(out[-1]) and has_cjk(line[0])):
            out += " "
        out += line
    return out


def split_name(cell: str) -> tuple[str, str]:
    """'English Name (原語名)' -> ('English Name', '原語名'); a bracketed acronym stays."""
    text = join_lines(cell.splitlines())
    match = _ORIGINAL.search(text)
    if match and has_cjk(match.group(1)):
        return text[: match.start()].strip(), match.group(1).strip()
    if has_cjk(text) and not re.search(r"[A-Za-z]", text):
        return "", text
    return text, ""


def split_aliases(cell: str) -> tuple[str, ...]:
    """Each alias starts with '・'; lines without one continue the alias above."""
    aliases: list[list[str]] = []
    for line in (cell or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(("・", "･")):
            aliases.append([line.lstrip("・･ ").strip()])
        elif aliases:
            aliases[-1].append(line)
        else:
            aliases.append([line])
    return tuple(a for a in (join_lines(parts) for parts in aliases) if a)


def parse_concerns(cell: str, row: int, column: str = "concerns") -> tuple[str, ...]:
    cell = join_lines((cell or "").splitlines())  # 'ミサイ' + 'ル' wrapped in a narrow cell
    text = cell.upper()
    codes = set(re.findall(r"\b([BCMN])\b", text))
    for word, code in CONCERN_WORDS.items():
        if word in (cell or ""):
            codes.add(code)
    leftover = re.sub(r"[BCMN,、\s・/]|生物|化学|ミサイル|核", "", cell or "", flags=re.IGNORECASE)
    if leftover.strip():
        raise EulImportError(
            f"unknown type of concern '{cell.strip()}' (expected B, C, M, N)", row, column
        )
    return tuple(sorted(codes))


def parse_cw(cell: str) -> bool:
    return (cell or "").strip().upper() in {"CW", "○", "〇", "YES", "Y", "TRUE", "1", "X", "✓"}


def _country(ja: str, en: str, row: int) -> tuple[str, str, str]:
    ja, en = join_lines((ja or "").splitlines()), join_lines((en or "").splitlines())
    code = country_code_for(en, ja)
    if code is None:
        raise EulImportError(f"unknown country or region '{ja or en}'", row, "country")
    return code, ja, en


def _check_numbers(entities: list[Entity]) -> None:
    numbers = [e.no for e in entities]
    if not numbers:
        raise EulImportError("the file holds no entities")
    expected = 1
    for n in numbers:
        if n != expected:
            if n > expected:
                raise EulImportError(
                    f"No. {expected} is missing (the list jumps from {expected - 1} to {n});"
                    " a row may have been lost at a page break"
                )
            raise EulImportError(f"No. {n} appears twice or out of order (after {expected - 1})")
        expected += 1


# --- METI's PDF -----------------------------------------------------------------------------


def _split_country_cell(cell: str) -> tuple[str, str]:
    lines = [line.strip() for line in (cell or "").splitlines() if line.strip()]
    ja = [line for line in lines if has_cjk(line)]
    en = [line for line in lines if not has_cjk(line)]
    return join_lines(ja), join_lines(en)


def parse_pdf(data: bytes) -> list[Entity]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    rows: list[list[str]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                for table in page.extract_tables():
                    for raw in table:
                        cells = [(c or "").strip() for c in raw]
                        if len(cells) < 5 or not any(cells):
                            continue
                        if cells[0].replace(" ", "").lower() in ("no", "no.", "番号"):
                            continue  # the header repeated on each page
                        if not cells[0]:
                            if not rows:
                                raise EulImportError("the first table row has no No.")
                            # The rest of a row that straddles a page break.
                            rows[-1] = [
                                a + "\n" + b if b else a
                                for a, b in zip(rows[-1], cells, strict=False)
                            ]
                            continue
                        rows.append(cells)
    except (PDFSyntaxError, PdfminerException, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, EulImportError):
            raise
        raise EulImportError(f"not a readable PDF ({exc.__class__.__name__})") from None
    entities = []
    for i, cells in enumerate(rows, 1):
        cells = cells + [""] * (6 - len(cells))
        try:
            no = int(re.sub(r"\D", "", cells[0]))
        except ValueError:
            raise EulImportError(f"'{cells[0]}' is not a number", i, "No.") from None
        ja, en = _split_country_cell(cells[1])
        code, ja, en = _country(ja, en, no)
        name_en, original = split_name(cells[2])
        if not name_en and not original:
            raise EulImportError("the organisation name is empty", no, "company or organisation")
        entities.append(
            Entity(
                no,
                code,
                ja,
                en,
                name_en,
                original,
                split_aliases(cells[3]),
                parse_concerns(cells[4], no),
                parse_cw(cells[5]),
            )
        )
    _check_numbers(entities)
    return entities


# --- templates ---------------------------------------------------------------------------------


def _rows_to_entities(rows: list[dict[str, str]], first_row: int) -> list[Entity]:
    if not rows:
        raise EulImportError("the file holds no entities")
    missing = [c for c in ("no", "name_en", "concerns") if c not in rows[0]]
    if "country_ja" not in rows[0] and "country_en" not in rows[0]:
        missing.append("country_ja or country_en")
    if missing:
        raise EulImportError(f"missing column(s): {', '.join(missing)} (see docs/end-user-list.md)")
    entities = []
    for offset, row in enumerate(rows):
        line = first_row + offset
        try:
            no = int(str(row.get("no") or "").strip())
        except ValueError:
            raise EulImportError(f"'{row.get('no')}' is not a number", line, "no") from None
        code, ja, en = _country(row.get("country_ja") or "", row.get("country_en") or "", line)
        name_en = join_lines(str(row.get("name_en") or "").splitlines())
        original = join_lines(str(row.get("name_original") or "").splitlines())
        if not name_en and not original:
            raise EulImportError("name_en and name_original are both empty", line, "name_en")
        alias_cell = str(row.get("aliases") or "")
        aliases = tuple(
            a.strip().lstrip("・").strip() for a in re.split(r"[|\n]", alias_cell) if a.strip()
        )
        entities.append(
            Entity(
                no,
                code,
                ja,
                en,
                name_en,
                original,
                aliases,
                parse_concerns(str(row.get("concerns") or ""), line),
                parse_cw(str(row.get("conventional_weapons") or "")),
            )
        )
    _check_numbers(entities)
    return entities


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or Shift_JIS; anything else is refused, not guessed."""
    try:
        return decode_text(data).text
    except TextFileError as exc:
        raise EulImportError(exc.en) from None


def parse_csv(data: bytes) -> list[Entity]:
    text = _decode(data)
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None:
        raise EulImportError("the file is empty")
    rows = [{(k or "").strip().lower(): (v or "") for k, v in r.items()} for r in reader]
    return _rows_to_entities(rows, first_row=2)


def parse_xlsx(data: bytes) -> list[Entity]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise EulImportError(f"not a readable XLSX workbook ({exc.__class__.__name__})") from None
    values = [
        ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
    ]
    values = [r for r in values if any(c.strip() for c in r)]
    if not values:
        raise EulImportError("the workbook is empty")
    header = [h.strip().lower() for h in values[0]]
    rows = [dict(zip(header, r, strict=False)) for r in values[1:]]
    return _rows_to_entities(rows, first_row=2)


def parse_opensanctions(data: bytes) -> list[Entity]:
    """OpenSanctions' targets.simple.csv for the dataset jp_meti_eul."""
    text = _decode(data)
    reader = csv.DictReader(io.StringIO(text))
    if (
        not reader.fieldnames
        or "name" not in reader.fieldnames
        or "countries" not in reader.fieldnames
    ):
        raise EulImportError("not an OpenSanctions CSV: columns 'name' and 'countries' are missing")
    entities = []
    for i, row in enumerate(reader, 2):
        name = (row.get("name") or "").strip()
        if not name:
            raise EulImportError("the name is empty", i, "name")
        codes = [c.strip().upper() for c in (row.get("countries") or "").split(";") if c.strip()]
        code = codes[0] if codes else ""
        if not code or country_code_for(code) is None:
            raise EulImportError(f"unknown country code '{row.get('countries')}'", i, "countries")
        name_en, original = split_name(name)
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
        concerns = tuple(sorted(set(re.findall(r"\b([BCMN])\b", row.get("sanctions") or ""))))
        entities.append(
            Entity(
                len(entities) + 1,
                code,
                "",
                code,
                name_en,
                original,
                aliases,
                concerns,
                "CW" in (row.get("sanctions") or ""),
            )
        )
    if not entities:
        raise EulImportError("the file holds no entities")
    return entities


def detect_format(path: Path, data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        return "xlsx"
    head = data[:2000].decode("utf-8", errors="ignore").lower()
    if "schema" in head.split("\n", 1)[0] and "countries" in head:
        return "opensanctions"
    if path.suffix.lower() in (".csv", ".txt") or "," in head:
        return "csv"
    raise EulImportError(
        "unknown file type (expected METI's PDF, the CSV or XLSX template, or OpenSanctions CSV)"
    )


def read_list(path: Path | str, fmt: str = "auto") -> ParsedList:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EulImportError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise EulImportError(f"{path.name}: the file is empty")
    fmt = detect_format(path, data) if fmt == "auto" else fmt
    parser = {
        "pdf": parse_pdf,
        "csv": parse_csv,
        "xlsx": parse_xlsx,
        "opensanctions": parse_opensanctions,
    }[fmt]
    entities = parser(data)
    encoding = decode_text(data).label if fmt in ("csv", "opensanctions") else ""
    return ParsedList(entities, fmt, hashlib.sha256(data).hexdigest(), path.name, encoding)
