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
import unicodedata
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
    list_kind: str = "eul"  # an id in forms/screening_lists.yaml
    notice: str = ""  # the export-ban lists' MOFA notice
    last_updated: str = ""  # ISO date printed on the list, when it prints one
    encoding: str = ""  # what a CSV was decoded from, e.g. "Shift_JIS (CP932)"


# --- cell parsing -----------------------------------------------------------------------


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped cell lines: no space between Japanese/Chinese characters; an
    ideographic space (U+3000) or a run of spaces inside a line is one space."""
    out = ""
    for line in (" ".join(x.replace("\u3000", " ").split()) for x in lines):
        if not line:
            continue
        if out and not (has_cjk(out[-1]) and has_cjk(line[0])):
            out += " "
        out += line
    return out


def _trailing_bracket(text: str) -> int | None:
    """Where the bracket group that ends `text` opens (nested brackets allowed)."""
    if not text.endswith((")", "）")):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] in ")）":
            depth += 1
        elif text[i] in "(（":
            depth -= 1
            if depth == 0:
                return i
    return None


def split_name(cell: str) -> tuple[str, str]:
    """'English Name (原語名)' -> ('English Name', '原語名'); a bracketed acronym stays."""
    text = join_lines(cell.splitlines())
    start = _trailing_bracket(text)
    if start is not None and has_cjk(text[start + 1 : -1]) and text[:start].strip():
        return text[:start].strip(), text[start + 1 : -1].strip()
    if start == 0 and has_cjk(text):
        text = text[1:-1].strip()  # only the original name, in brackets
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
    """'ミサイル、核\nM,N', 'M、N', 'N ', full-width 'Ｎ', 'ミサイルM' -> ('M', 'N')."""
    # NFKC folds full-width letters; joining drops the line break of a wrapped word.
    cell = unicodedata.normalize("NFKC", join_lines((cell or "").splitlines()))
    codes = set(re.findall(r"(?<![A-Za-z])([BCMNbcmn])(?![A-Za-z])", cell))
    codes = {c.upper() for c in codes}
    for word, code in CONCERN_WORDS.items():
        if word in cell:
            codes.add(code)
    leftover = re.sub(r"[BCMN,、\s・/]|生物|化学|ミサイル|核", "", cell, flags=re.IGNORECASE)
    if leftover.strip():
        raise EulImportError(
            f"unknown type of concern '{cell.strip()}' (expected B, C, M, N)", row, column
        )
    return tuple(sorted(codes))


_CW_MARKS = {"CW", "通常兵器", "通常兵器CW", "○", "〇", "YES", "Y", "TRUE", "1", "X", "✓"}
_NOT_CW = {"", "NO", "N", "FALSE", "0", "-", "—", "×"}


def parse_cw(cell: str, row: int | None = None, column: str = "conventional_weapons") -> bool:
    """'通常兵器\nCW', 'CW', '○' or 'yes' flag conventional weapons; empty does not."""
    text = unicodedata.normalize("NFKC", "".join((cell or "").split())).upper()
    if text in _NOT_CW:
        return False
    if text in _CW_MARKS:
        return True
    raise EulImportError(f"unknown conventional-weapons mark '{cell.strip()}'", row, column)


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
    """METI's table, page by page. Header rows may appear on every page, on the first page
    only, or again before the rest of a split row. A row split over a page break arrives
    as two fragments, one of them without a No. (the No. sits in whichever part holds
    the middle of the row); the fragments are joined."""
    from exportdesk.imports.pdf_table import PdfTableError, read_pages, table_rows

    try:
        pages = read_pages(data)
    except PdfTableError as exc:
        raise EulImportError(str(exc)) from None
    columns: dict[str, int] | None = None
    rows: list[tuple[int, list[str]]] = []  # (page, cells)
    pending: list[str] | None = None  # a fragment without No. at the foot of a page
    for page in pages:
        try:
            page_rows = table_rows(page)
        except PdfTableError as exc:
            raise EulImportError(f"{exc}; the file cannot be read in full") from None
        page_rows = [r for r in page_rows if any(c.strip() for c in r)]
        for i, cells in enumerate(page_rows):
            header = _meti_columns(cells)
            if header is not None:
                columns = header
                continue
            if columns is None:
                raise EulImportError(f"page {page.number}: a table row comes before the header")
            no_cell = cells[columns["no"]].strip()
            first_on_page = not any(_meti_columns(r) is None for r in page_rows[:i])
            last_on_page = i == len(page_rows) - 1
            if pending is not None:
                cells = _join_cells(pending, cells)
                pending = None
                if not cells[columns["no"]].strip():
                    if last_on_page:  # a row over three pages: the middle part
                        pending = cells
                        continue
                    raise EulImportError(
                        f"page {page.number}: a row split over the page break has no No."
                    )
                rows.append((page.number, cells))
                continue
            if no_cell:
                rows.append((page.number, cells))
            elif first_on_page and rows:
                rows[-1] = (rows[-1][0], _join_cells(rows[-1][1], cells))
            elif last_on_page:
                pending = cells
            else:
                raise EulImportError(f"page {page.number}: a table row has no No.")
    if pending is not None:
        raise EulImportError("the last row of the table has no No.")
    if columns is None:
        raise EulImportError("no table with METI's header row (No., 国名・地域名, 企業名・組織名…)")
    entities = []
    for page_no, cells in rows:
        no = cells[columns["no"]].strip()
        try:
            entities.append(meti_entity({k: cells[i] for k, i in columns.items()}, _row_no(no)))
        except EulImportError as exc:
            raise EulImportError(f"page {page_no}: {exc}") from None
    _check_numbers(entities)
    return entities


def _row_no(text: str) -> int | None:
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", text))
    return int(digits) if digits else None


def _join_cells(a: list[str], b: list[str]) -> list[str]:
    """Two fragments of one row: each cell's text continues on the next line."""
    return [x + "\n" + y if x and y else x or y for x, y in zip(a, b, strict=True)]


# --- templates ---------------------------------------------------------------------------------


def _rows_to_entities(rows: list[dict[str, str]], lines: list[int]) -> list[Entity]:
    if not rows:
        raise EulImportError("the file holds no entities")
    missing = [c for c in ("no", "name_en", "concerns") if c not in rows[0]]
    if "country_ja" not in rows[0] and "country_en" not in rows[0]:
        missing.append("country_ja or country_en")
    if missing:
        raise EulImportError(f"missing column(s): {', '.join(missing)} (see docs/end-user-list.md)")
    entities = []
    for line, row in zip(lines, rows, strict=True):
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
                parse_cw(str(row.get("conventional_weapons") or ""), line),
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


def read_csv_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) of a CSV text, strictly.

    A quote left open swallows the lines after it into one cell; a lenient reader then
    returns fewer rows and no error. Strict quoting, one cell count for every row and
    no quote open at the end of the file make such a file fail instead.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise EulImportError("the file is empty")
        rows: list[tuple[int, list[str]]] = []
        line = reader.line_num
        for cells in reader:
            start = line + 1
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if reader.line_num - start > 0 and len(cells) != len(header):
                raise EulImportError(
                    f"a quote opened on line {start} is not closed where the row ends;"
                    f" the row has {len(cells)} cells instead of {len(header)}",
                    start,
                )
            if len(cells) != len(header):
                raise EulImportError(
                    f"the row has {len(cells)} cells, the header {len(header)}", start
                )
            rows.append((start, cells))
    except csv.Error as exc:
        raise EulImportError(
            f"broken quoting near line {reader.line_num} ({exc}); a quote may be left open"
        ) from None
    return header, rows


def parse_csv(data: bytes) -> list[Entity]:
    header, rows = read_csv_rows(_decode(data))
    keys = [h.strip().lower() for h in header]
    if _meti_columns(header) is not None:
        return _meti_rows([header, *[cells for _line, cells in rows]], [1] + [n for n, _ in rows])
    dict_rows = [dict(zip(keys, cells, strict=True)) for _line, cells in rows]
    return _rows_to_entities(dict_rows, [n for n, _ in rows])


def parse_xlsx(data: bytes) -> list[Entity]:
    """METI's published workbook (recognised by its header row) or the template."""
    from exportdesk.imports.xlsx import FormulaWithoutValue, XlsxError, read_sheets

    try:
        sheets = read_sheets(data)
    except FormulaWithoutValue as exc:
        raise EulImportError(
            f"cell {exc.ref} holds a formula without a saved value;"
            " open the file in Excel and save it again"
        ) from None
    except XlsxError as exc:
        raise EulImportError(f"not a readable XLSX workbook: {exc}") from None
    for _name, values in sheets:
        numbered = [(i, r) for i, r in enumerate(values, 1) if any(c.strip() for c in r)]
        if not numbered:
            continue
        _first, header = numbered[0]
        if _meti_columns(header) is not None:
            return _meti_rows([r for _i, r in numbered], [i for i, _r in numbered])
        keys = [h.strip().lower() for h in header]
        if "name_en" in keys or "no" in keys:
            rows = [dict(zip(keys, r, strict=False)) for _i, r in numbered[1:]]
            return _rows_to_entities(rows, [i for i, _r in numbered[1:]])
    raise EulImportError(
        "no sheet has METI's header row (No., 国名・地域名, 企業名・組織名, 別名, 懸念区分,"
        " 通常兵器) or the template's (no, country_ja, name_en, …)"
    )


# --- METI's layout in a workbook or CSV ----------------------------------------------------

# Words that identify each of METI's columns in its header row (Japanese or English).
METI_HEADER = {
    "no": ("no", "番号"),
    "country": ("国名", "country"),
    "name": ("企業名", "company", "organization"),
    "aliases": ("別名", "alsoknown"),
    "concerns": ("懸念区分", "typeofwmd"),
    "cw": ("通常兵器", "conventional"),
}


def _meti_columns(header: list[str]) -> dict[str, int] | None:
    """Column positions when `header` is METI's header row, else None."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        # Narrow columns wrap header words anywhere: compare without spaces or breaks.
        text = "".join(unicodedata.normalize("NFKC", cell).lower().replace(".", "").split())
        for key, words in METI_HEADER.items():
            if key in found:
                continue
            if (key == "no" and text in words) or (key != "no" and any(w in text for w in words)):
                found[key] = i
                break
    return found if len(found) == len(METI_HEADER) else None


def meti_entity(cells: dict[str, str], row: int) -> Entity:
    """One row of METI's table (cells keyed as METI_HEADER), checked."""
    raw_no = unicodedata.normalize("NFKC", cells["no"]).strip()
    if not re.fullmatch(r"\d+", raw_no):
        raise EulImportError(f"'{cells['no']}' is not a number", row, "No.")
    no = int(raw_no)
    ja, en = _split_country_cell(cells["country"])
    code, ja, en = _country(ja, en, row)
    name_en, original = split_name(cells["name"])
    if not name_en and not original:
        raise EulImportError("the organisation name is empty", row, "company or organisation")
    return Entity(
        no,
        code,
        ja,
        en,
        name_en,
        original,
        split_aliases(cells["aliases"]),
        parse_concerns(cells["concerns"], row, "type of WMD"),
        parse_cw(cells["cw"], row, "conventional weapons"),
    )


def _meti_rows(values: list[list[str]], lines: list[int]) -> list[Entity]:
    columns = _meti_columns(values[0])
    assert columns is not None
    entities = []
    for cells, line in zip(values[1:], lines[1:], strict=True):
        if _meti_columns(cells) is not None:
            continue  # the header repeated
        padded = cells + [""] * (max(columns.values()) + 1 - len(cells))
        entities.append(meti_entity({k: padded[i] for k, i in columns.items()}, line))
    _check_numbers(entities)
    return entities


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


def _first_page_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise EulImportError(f"not a readable PDF ({exc})") from None
    try:
        if len(doc) == 0:
            raise EulImportError("the PDF has no pages")
        page = doc[0]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
        return text
    finally:
        doc.close()


def read_list(path: Path | str, fmt: str = "auto") -> ParsedList:
    """Any list file: METI's End User List (PDF, XLSX), the template (CSV, XLSX),
    OpenSanctions' CSV, or an export-ban list of specified entities (PDF)."""
    from exportdesk.imports.export_ban import looks_like_ban_list, parse_ban_pdf

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EulImportError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise EulImportError(f"{path.name}: the file is empty")
    fmt = detect_format(path, data) if fmt == "auto" else fmt
    sha = hashlib.sha256(data).hexdigest()
    if fmt in ("pdf", "export_ban") and (
        fmt == "export_ban" or looks_like_ban_list(_first_page_text(data))
    ):
        ban = parse_ban_pdf(data)
        return ParsedList(
            ban.entities, "pdf", sha, path.name, ban.kind, ban.notice, ban.last_updated
        )
    parser = {
        "pdf": parse_pdf,
        "csv": parse_csv,
        "xlsx": parse_xlsx,
        "opensanctions": parse_opensanctions,
    }.get(fmt)
    if parser is None:
        raise EulImportError(f"unknown format '{fmt}'")
    entities = parser(data)
    encoding = decode_text(data).label if fmt in ("csv", "opensanctions") else ""
    return ParsedList(entities, fmt, sha, path.name, encoding=encoding)
