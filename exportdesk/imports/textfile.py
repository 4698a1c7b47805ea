"""Reading text and CSV files the way Japanese offices have them.

Japanese Excel saves CSV as Shift_JIS (CP932); newer tools write UTF-8, with or
without a byte-order mark. Both are accepted and the one found is reported.
Anything else is refused with its name, never guessed: a wrong guess would put
garbled names into a screening list without anyone noticing.

    decoded = decode_text(data)          # DecodedText(text, encoding, label)
    table = read_csv(path)               # CsvTable(fieldnames, rows, encoding)
    error.message("ja") / error.message("en")
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

# What each accepted encoding is called in messages and logs.
LABELS = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp932": "Shift_JIS (CP932)"}

# CP932 decodes almost any byte string: control or private-use characters betray a wrong guess.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
_HALFWIDTH_KANA = re.compile("[\uff61-\uff9f]")


class TextFileError(ValueError):
    """A file that is not text in an accepted encoding; `encoding` names what it looks like."""

    def __init__(self, encoding: str | None, ja: str, en: str) -> None:
        super().__init__(en)
        self.encoding = encoding
        self.ja = ja
        self.en = en

    def message(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # a codec name: "utf-8-sig", "utf-8" or "cp932"

    @property
    def label(self) -> str:
        return LABELS[self.encoding]


@dataclass(frozen=True)
class CsvTable:
    fieldnames: list[str]
    rows: list[dict[str, str]]
    encoding: str

    @property
    def label(self) -> str:
        return LABELS[self.encoding]


def _refuse(name: str, name_ja: str | None = None) -> TextFileError:
    return TextFileError(
        name,
        "このファイルは UTF-8 でも Shift_JIS（CP932）でもありません"
        f"（{name_ja or name + ' と思われます'}）。"
        "UTF-8 又は Shift_JIS で保存し直してください。",
        f"The file is neither UTF-8 nor Shift_JIS (CP932); it appears to be {name}."
        " Save it again as UTF-8 or Shift_JIS.",
    )


def _looks_like_euc_jp(data: bytes, as_cp932: str) -> bool:
    """EUC-JP often decodes as CP932 without error, into half-width katakana soup."""
    try:
        as_euc = data.decode("euc_jp")
    except UnicodeDecodeError:
        return False
    kana = len(_HALFWIDTH_KANA.findall(as_cp932))
    wide = sum(1 for ch in as_cp932 if ord(ch) > 0x7F)
    return kana > 0 and not _HALFWIDTH_KANA.search(as_euc) and kana * 3 >= wide


def _foreign(data: bytes) -> str | None:
    """Name an encoding we refuse when its marks are unmistakable."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    head = data[:4096]
    if 0 in head:
        # Text never holds NUL bytes; UTF-16 without a mark (Excel's "Unicode text") does.
        for codec in ("utf-16-le", "utf-16-be"):
            text = head[: len(head) // 2 * 2].decode(codec, errors="replace")
            if not _NOT_TEXT.search(text.rstrip("\ufffd")):
                return "UTF-16"
        return "binary"
    if b"\x1b$B" in head or b"\x1b$@" in head or b"\x1b(J" in head:
        return "ISO-2022-JP (JIS)"
    return None


def decode_text(data: bytes) -> DecodedText:
    """UTF-8 with or without BOM, or Shift_JIS (CP932); anything else raises TextFileError."""
    foreign = _foreign(data)
    if foreign:
        raise _refuse(foreign, "テキストではないファイル" if foreign == "binary" else None)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return DecodedText(data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            raise _refuse("UTF-8 (BOM) with invalid bytes") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _NOT_TEXT.search(text):
            return DecodedText(text, "utf-8")
        raise _refuse("binary", "テキストではないファイル")
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        text = ""
    if text and not _NOT_TEXT.search(text):
        if _looks_like_euc_jp(data, text):
            raise _refuse("EUC-JP")
        return DecodedText(text, "cp932")
    try:
        as_euc = data.decode("euc_jp")
    except UnicodeDecodeError:
        as_euc = ""
    if (
        as_euc
        and not _NOT_TEXT.search(as_euc)
        and re.search("[\u3040-\u30ff\u4e00-\u9fff]", as_euc)
    ):
        raise _refuse("EUC-JP")
    try:
        latin = data.decode("cp1252")
    except UnicodeDecodeError:
        latin = ""
    if latin and not _NOT_TEXT.search(latin):
        raise _refuse("Windows-1252 (Latin-1)")
    raise _refuse("an unknown encoding", "文字コード不明")


def read_text(path: str | Path) -> DecodedText:
    return decode_text(Path(path).read_bytes())


def read_csv(source: str | Path | bytes) -> CsvTable:
    """Decode and parse a CSV with a header row; header names are stripped, values kept as read.

    Strict: broken quoting or a row with more or fewer cells than the header (a quote left
    open swallows the lines after it) raises TextFileError naming the line, as does an
    empty file. Blank lines are skipped.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    decoded = decode_text(data)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise TextFileError(None, "ファイルが空です。", "The file is empty.")
        fieldnames = [h.strip() for h in header]
        rows = []
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(fieldnames):
                raise TextFileError(
                    None,
                    f"{start}行目のセル数が {len(cells)} で、見出し行（{len(fieldnames)}）と"
                    "合いません。引用符の閉じ忘れがないか確認してください。",
                    f"line {start} has {len(cells)} cells, the header {len(fieldnames)};"
                    " a quote may be left open",
                )
            rows.append(dict(zip(fieldnames, cells, strict=True)))
    except csv.Error as exc:
        raise TextFileError(
            None,
            f"{reader.line_num}行目付近の引用符が壊れています（{exc}）。",
            f"broken quoting near line {reader.line_num} ({exc})",
        ) from None
    return CsvTable(fieldnames, rows, decoded.encoding)
