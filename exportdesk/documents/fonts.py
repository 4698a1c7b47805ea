"""TrueType fonts for reportlab, parsed faster: the same face, with the per-glyph tables
read in bulk.

reportlab's TTFontFile.extractInfo reads the character map, the horizontal metrics and
the glyph locations one value at a time (about 36,000 reads for an IPAex font, most of a
document's start-up). This face lets reportlab parse the font's names and metrics itself
(`charInfo=0`, the cheap part) and then reads those three tables with one struct call
each, building exactly the attributes reportlab would (glyphToChar, which only shaping
reads, on first use); tests/test_fonts.py compares them for every shipped font. A
character map other than format 12 falls back to reportlab's own parser. Nothing is
cached: the font file is read and parsed at every start.
"""

from __future__ import annotations

from functools import cached_property
from struct import unpack_from
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace, TTFontFile


def _select_cmap(face: TTFontFace) -> int | None:
    """The offset of the character map subtable reportlab would choose (the last match)."""
    base = face.table["cmap"]["offset"]
    data = face._ttf_data
    version, count = unpack_from(">HH", data, base)
    if count == 0 and version != 0:
        count = version
    chosen, kind = None, 0
    for i in range(count):
        platform, encoding, offset = unpack_from(">HHL", data, base + 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            kind, chosen = 1, offset
        elif platform == 1 and encoding == 0 and kind != 1:
            kind, chosen = 2, offset
    return None if chosen is None else base + chosen


class FastFace(TTFontFace):
    """A TTFontFace whose character tables are read in bulk (see the module docstring)."""

    def extractInfo(self, charInfo: int = 1) -> None:
        TTFontFile.extractInfo(self, 0)
        if charInfo and not self._bulk_char_info():
            TTFontFile.extractInfo(self, charInfo)

    @cached_property
    def glyphToChar(self) -> dict[int, list[int]]:
        """Glyph -> characters, as reportlab builds it: only shaping (uharfbuzz) reads it,
        so it is built on first use. (reportlab's own parser, the fallback, sets it.)"""
        numbers = self._cmap_groups
        glyph_to_char: dict[int, list[int]] = {}
        for start, end, first in zip(numbers[0::3], numbers[1::3], numbers[2::3], strict=True):
            for char in range(start, end + 1):
                glyph_to_char.setdefault(first + char - start, []).append(char)
        return glyph_to_char

    def get_table(self, tag: str) -> bytes:
        """A table's bytes, sliced once: reportlab slices the 5 MB glyf table anew for
        every subset it embeds (five in the ICP)."""
        tables = self.__dict__.setdefault("_table_bytes", {})
        if tag not in tables:
            tables[tag] = super().get_table(tag)
        return tables[tag]

    def _bulk_char_info(self) -> bool:
        """Read cmap (format 12), hmtx and loca; False when the font needs the slow path."""
        data: Any = self._ttf_data
        head = self.table["head"]["offset"]
        index_to_loc, glyph_format = unpack_from(">HH", data, head + 50)
        if glyph_format != 0 or "loca" not in self.table:
            return False
        cmap = _select_cmap(self)
        if cmap is None or unpack_from(">H", data, cmap)[0] != 12:
            return False
        groups = unpack_from(">L", data, cmap + 12)[0]
        numbers = unpack_from(f">{3 * groups}L", data, cmap + 16)
        char_to_glyph: dict[int, int] = {}
        # In file order, as reportlab; most groups of CJK fonts hold a single character.
        for start, end, first in zip(numbers[0::3], numbers[1::3], numbers[2::3], strict=True):
            if start == end:
                char_to_glyph[start] = first
            else:
                count = end - start + 1
                char_to_glyph.update(
                    zip(range(start, end + 1), range(first, first + count), strict=True)
                )
        if len(char_to_glyph) != sum(numbers[1::3]) - sum(numbers[0::3]) + groups:
            return False  # overlapping groups: reportlab keeps every mapping in glyphToChar
        self._cmap_groups = numbers  # glyphToChar, when shaping asks for it

        glyphs = self.numGlyphs
        metrics = unpack_from(">H", data, self.table["hhea"]["offset"] + 34)[0]
        if metrics == 0 or metrics > glyphs:
            return False
        hmtx = self.table["hmtx"]["offset"]
        pairs = unpack_from(f">{2 * metrics}H", data, hmtx)
        extra = unpack_from(f">{glyphs - metrics}H", data, hmtx + 4 * metrics)
        scale = self._pdfScale
        last = pairs[2 * metrics - 2]
        advances = list(pairs[0::2]) + [last] * (glyphs - metrics)
        # reportlab records the glyphs past numberOfHMetrics with the scaled advance.
        hmetrics = list(zip(pairs[0::2], pairs[1::2], strict=True))
        hmetrics += [(scale(last), lsb) for lsb in extra]
        # The same floats as reportlab's scale (x * (1000 / unitsPerEm)), without a call each.
        factor = 1000 / self.unitsPerEm
        widths = advances if self.unitsPerEm == 1000 else [a * factor for a in advances]
        char_widths = {c: widths[g] for c, g in char_to_glyph.items() if g < glyphs}

        loca = self.table["loca"]["offset"]
        if index_to_loc == 0:
            positions = [p << 1 for p in unpack_from(f">{glyphs + 1}H", data, loca)]
        elif index_to_loc == 1:
            positions = list(unpack_from(f">{glyphs + 1}L", data, loca))
        else:
            raise TTFError(f"Unknown location table format ({index_to_loc})")

        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            char_widths[0xA0] = char_widths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            char_widths[0x20] = char_widths[0xA0]
        self.charToGlyph = char_to_glyph
        self.charWidths = char_widths
        self.hmetrics = hmetrics
        self.defaultWidth = widths[0]
        self.glyphPos = positions
        return True


class FastTTFont(TTFont):
    """reportlab's TTFont with a FastFace (its __init__, with the face swapped)."""

    def __init__(self, name: str, filename: str) -> None:
        self.fontName = name
        self.face = FastFace(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = _shapable(name)

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        """reportlab's width (0.001 * size * the characters' widths summed in order), with
        less overhead per call: CJK line breaking asks for one character at a time."""
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        widths, default = self.face.charWidths, self.face.defaultWidth
        if len(text) == 1:
            return 0.001 * size * widths.get(ord(text), default)
        return 0.001 * size * sum([widths.get(ord(c), default) for c in text])


def _shapable(name: str) -> bool:
    from fnmatch import fnmatch

    from reportlab.pdfbase.ttfonts import unShapedFontGlob

    return not any(fnmatch(name, glob) for glob in unShapedFontGlob)
