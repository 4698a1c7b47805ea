"""The lists of specified entities under Japan's export bans (MOFA notices), as published.

MOFA/METI publish each list as a PDF of numbered blocks, not a table:

    12  国際量子光学・量子技術センター（別称、ロシア量子センター及び RQC）
        International Center for ... LLS, a.k.a. the following two aliases:
        -Russian Quantum Center; and
        -RQC
        所在地：Business-center "Ural," 100 Novaya Street, ... Russia.

Newer blocks give the aliases as `別称：A; B` followed by a line of English aliases. The
title names the notice (告示第…号), the date of designation and of the last update. A list
is read whole or refused: numbering must run 1, 2, 3… without a gap, every block needs an
English name and an address, and every page must have text (a scanned page cannot be read).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from exportdesk.domain.countries import country_code_for
from exportdesk.domain.screening import Entity, has_cjk
from exportdesk.imports.eul import EulImportError, join_lines, split_name


@dataclass(frozen=True)
class BanKind:
    kind: str
    title_pattern: str  # recognises the list by its title
    country_code: str  # where every entity of the list is, or "" (from each address)
    country_ja: str
    country_en: str


# Third countries first: its title also names Russia and Belarus.
KINDS = (
    BanKind("ban_third_countries", "ロシア連邦及びベラルーシ共和国以外の国の団体", "", "", ""),
    BanKind("ban_belarus", "ベラルーシ共和国の団体", "BY", "ベラルーシ", "Republic of Belarus"),
    BanKind("ban_russia", "ロシア連邦の団体", "RU", "ロシア", "Russian Federation"),
)

NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        1,
    )
}


@dataclass
class BanList:
    kind: str
    title: str
    notice: str  # e.g. 令和四年外務省告示第八十二号
    designated: str  # ISO date
    last_updated: str  # ISO date
    entities: list[Entity] = field(default_factory=list)


_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_BLOCK = re.compile(r"^\s*(\d{1,4})\s+(\S.*)$")
_ALIAS_LINE = re.compile(r"^\s*[-—－–‐]\s*")
_AKA = re.compile(r",?\s*a\.k\.a\.?,?\s*(?:the\s+following\s+(\w+)\s+alias(?:es)?:?)?", re.I)
_TERMINATED = re.compile(r"([;；]|[;；]\s*and|\.)\s*$")
_ADDRESS = re.compile(r"^\s*所\s*在\s*地\s*[：:]\s*")
_ALIAS_HEAD = re.compile(r"^\s*別\s*称\s*[：:]\s*")
_FIRST_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")


def _latin_line(line: str) -> bool:
    """An English line: no Japanese, or at least two Latin words before the first."""
    m = _FIRST_CJK.search(line)
    head = line[: m.start()] if m else line
    return m is None or len(re.findall(r"[A-Za-z][\w.&'-]*", head)) >= 2


_JA_ALIASES = re.compile(r"[（(]別称[、，,]\s*(.+)[)）]\s*$")


def _iso(match: re.Match[str] | None, what: str) -> str:
    if match is None:
        raise EulImportError(f"the title block has no {what}")
    y, m, d = (int(g) for g in match.groups())
    return f"{y:04d}-{m:02d}-{d:02d}"


def _header(text: str) -> tuple[BanKind, str, str, str, str]:
    head = unicodedata.normalize("NFKC", text[:1500])
    flat = re.sub(r"\s+", "", head)
    kind = next((k for k in KINDS if k.title_pattern in flat), None)
    if kind is None:
        raise EulImportError(
            "not a list of specified entities under the export bans (the title names"
            " neither Russia, Belarus nor other countries)"
        )
    notice = re.search(r"[(（]((?:令和|平成)\S{1,4}年\S*?告示第\S+?号)[)）]", flat)
    if notice is None:
        raise EulImportError("the title names no notice (告示第…号)")
    title = flat[: flat.find(notice.group(0))].lstrip("○〇 ")
    designated = _iso(re.search("指定日[:：]" + _DATE, head), "date of designation (指定日)")
    updated = _iso(re.search("最終更新日[:：]" + _DATE, head), "date of last update (最終更新日)")
    return kind, title, notice.group(1), designated, updated


def _clean_alias(text: str) -> str:
    text = text.strip()
    text = re.sub(r"([;；]\s*and|[;；]|,\s*and)\s*$", "", text).strip()
    return text.rstrip(".;,").strip() if not re.search(r"\b[A-Z]\.$", text) else text


def _merge_wrapped(items: list[str], announced: int) -> list[str]:
    """'-Solid' + '-State Physics…; and': a word wrapped at its hyphen looks like a new
    alias. Join such lines to an unterminated line above, up to the announced count."""
    out = [items[0]]
    extra = len(items) - announced
    for item in items[1:]:
        if extra > 0 and not _TERMINATED.search(out[-1]):
            out[-1] += "-" + item
            extra -= 1
        else:
            out.append(item)
    return out


def _split_ja(name: str) -> tuple[str, list[str]]:
    """'株式会社X（別称、A、B及びC）' -> ('株式会社X', ['A', 'B', 'C'])."""
    m = _JA_ALIASES.search(name)
    if not m:
        return name.strip(), []
    parts = re.split(r"[、，]", m.group(1))
    last = parts[-1].rsplit("及び", 1) if "及び" in parts[-1] else [parts[-1]]
    aliases = [p.strip() for p in [*parts[:-1], *last] if p.strip()]
    return name[: m.start()].strip(), aliases


@dataclass
class _Block:
    no: int
    page: int
    ja: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    aliases_en: list[str] = field(default_factory=list)
    alias_lines_ja: list[str] = field(default_factory=list)
    alias_lines_en: list[str] = field(default_factory=list)
    address: list[str] = field(default_factory=list)
    stage: str = "ja"  # ja -> en -> aliases -> address


def _entity(block: _Block, kind: BanKind) -> Entity:
    where = f"No. {block.no} (page {block.page})"
    ja_name, ja_aliases = _split_ja(join_lines(block.ja))
    en_text = join_lines(block.en)
    announced = None
    m = _AKA.search(en_text)
    if m:
        word = (m.group(1) or "").lower()
        announced = NUMBER_WORDS.get(word) if word else None
        en_text = en_text[: m.start()]
    name_en, original = split_name(en_text.strip().rstrip(",").strip())
    if not name_en:
        raise EulImportError(f"{where}: the English name is missing")
    if not block.address:
        raise EulImportError(f"{where}: the address (所在地) is missing")
    items = list(block.aliases_en)
    if announced is not None and len(items) > announced:
        items = _merge_wrapped(items, announced)
    aliases_en = [_clean_alias(a) for a in items]
    listed = [
        _clean_alias(a)
        for a in re.split(r"[;；]|及び", join_lines(block.alias_lines_ja))
        + re.split(r"[;；]", join_lines(block.alias_lines_en))
    ]
    if announced is not None and announced != len(aliases_en):
        raise EulImportError(
            f"{where}: the list announces {announced} aliases but {len(aliases_en)} were read"
        )
    address = join_lines(block.address)
    code, cja, cen = kind.country_code, kind.country_ja, kind.country_en
    if not code:
        code, cja, cen = _country_of(address)
    aliases = [*ja_aliases, original, *listed, *aliases_en]
    return Entity(
        block.no,
        code,
        cja,
        cen,
        name_en,
        ja_name,
        tuple(dict.fromkeys(a for a in aliases if a)),
        (),
        False,
        address,
    )


def _country_of(address: str) -> tuple[str, str, str]:
    """The country at the end of the first address ('…, Dubai, United Arab Emirates.')."""
    first = re.split(r";\s*(?:and\s+)?", address)[0]
    parts = [p.strip(" .") for p in first.split(",") if p.strip(" .")]
    for part in reversed(parts[-2:]):
        code = country_code_for(part, "")
        if code:
            return code, "", part
    return "", "", ""


def parse_ban_pages(pages: list[str]) -> BanList:
    """The text of every page (in order) to a checked list."""
    for number, text in enumerate(pages, 1):
        if not text.strip():
            raise EulImportError(
                f"page {number} has no text (a scanned image?); the list cannot be read in full"
            )
    kind, title, notice, designated, updated = _header(pages[0])
    blocks: list[_Block] = []
    started = False
    for page_no, text in enumerate(pages, 1):
        for raw_line in text.splitlines():
            line = raw_line.strip()
            if not line:
                continue
            norm = unicodedata.normalize("NFKC", line)
            m = _BLOCK.match(norm)
            current = blocks[-1] if blocks else None
            if m and (current is None or current.stage == "address") and has_cjk(m.group(2)):
                no = int(m.group(1))
                expected = len(blocks) + 1
                if no != expected:
                    if no > expected:
                        raise EulImportError(
                            f"No. {expected} is missing (the list jumps from {expected - 1}"
                            f" to {no} on page {page_no})"
                        )
                    raise EulImportError(f"No. {no} appears twice or out of order (page {page_no})")
                started = True
                rest = line[line.index(m.group(2)[0]) :] if m.group(2)[0] in line else m.group(2)
                blocks.append(_Block(no, page_no, ja=[rest]))
                continue
            if not started or current is None:
                continue  # the title block
            if _ADDRESS.match(line):
                current.stage = "address"
                current.address.append(_ADDRESS.sub("", line))
            elif current.stage == "address":
                current.address.append(line)
            elif _ALIAS_HEAD.match(line):
                current.stage = "aliases_ja"
                current.alias_lines_ja.append(_ALIAS_HEAD.sub("", line))
            elif current.stage == "aliases_ja":
                # Japanese aliases may wrap; then the English forms, separated by ';'.
                if _latin_line(line) or current.alias_lines_en:
                    current.alias_lines_en.append(line)
                else:
                    current.alias_lines_ja.append(line)
            elif _ALIAS_LINE.match(line) and current.stage in ("en", "aliases"):
                current.stage = "aliases"
                current.aliases_en.append(_ALIAS_LINE.sub("", line))
            elif current.stage == "aliases":
                current.aliases_en[-1] += " " + line  # an alias wrapped onto the next line
            elif current.stage == "ja" and has_cjk(line) and not _latin_line(line):
                current.ja.append(line)
            else:
                current.stage = "en"
                current.en.append(line)
    if not blocks:
        raise EulImportError("the file holds no numbered entities")
    entities = [_entity(b, kind) for b in blocks]
    # Names from the 別称： form carry no count; the Japanese aliases stay as read.
    return BanList(kind.kind, title, notice, designated, updated, entities)


def parse_ban_pdf(data: bytes) -> BanList:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise EulImportError(f"not a readable PDF ({exc})") from None
    try:
        pages = []
        for page in doc:
            textpage = page.get_textpage()
            # pdfium marks a hyphen at a line end as U+FFFE.
            pages.append(textpage.get_text_range().replace("\ufffe", "-"))
            textpage.close()
            page.close()
    finally:
        doc.close()
    return parse_ban_pages(pages)


def looks_like_ban_list(first_page: str) -> bool:
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFKC", first_page[:1500]))
    return "輸出等に係る禁止措置" in flat and any(k.title_pattern in flat for k in KINDS)
