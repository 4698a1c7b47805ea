"""Ruled tables out of a PDF, fast: characters and rules from pdfium, cells by geometry.

pdfplumber spends most of its time building Python objects for every character and
graphic; pdfium hands out the same facts from C. A table here is what its rules draw:
horizontal rules bound the rows, vertical rules the columns. A character belongs to the
cell its centre falls in; a cell's lines are characters sharing a baseline.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

MIN_RULE = 20.0  # points; shorter strokes are glyph parts or decorations, not rules
THIN = 3.0  # a rectangle thinner than this is a rule


class PdfTableError(ValueError):
    pass


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class Page:
    number: int  # 1-based
    chars: list[Char]
    horizontal: list[tuple[float, float, float]]  # (y, x0, x1)
    vertical: list[tuple[float, float, float]]  # (x, y0, y1)


def _chars(textpage: pdfium.PdfTextPage) -> list[Char]:
    handle = textpage.raw
    rect = raw.FS_RECTF()
    out = []
    for i in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, i)
        if code in (0, 0x0D, 0x0A, 0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(handle, i) == 1:
            continue
        # Loose boxes span the font's ascent to descent: one height for a whole line,
        # whatever the glyph ('、' and '国' share a line even though their inks differ).
        raw.FPDFText_GetLooseCharBox(handle, i, rect)
        out.append(Char(chr(code), rect.left, rect.bottom, rect.right, rect.top))
    return out


def _segments(obj: pdfium.PdfObject) -> list[tuple[float, float, float, float]]:
    """The straight strokes of a path object, in page coordinates."""
    a, b, c, d, e, f = obj.get_matrix().get()
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int]] = []
    for i in range(raw.FPDFPath_CountSegments(obj.raw)):
        seg = raw.FPDFPath_GetPathSegment(obj.raw, i)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        points.append((px, py, raw.FPDFPathSegment_GetType(seg)))
    out = []
    for (x0, y0, _t0), (x1, y1, t1) in itertools.pairwise(points):
        if t1 == raw.FPDF_SEGMENT_LINETO:
            out.append((x0, y0, x1, y1))
    return out


def _rules(page: pdfium.PdfPage) -> tuple[list[tuple[float, float, float]], ...]:
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
        x0, y0, x1, y1 = obj.get_bounds()
        w, h = x1 - x0, y1 - y0
        if h <= THIN and w >= MIN_RULE:
            horizontal.append(((y0 + y1) / 2, x0, x1))
            continue
        if w <= THIN and h >= MIN_RULE:
            vertical.append(((x0 + x1) / 2, y0, y1))
            continue
        # A path that draws many lines at once (a grid in one stroke), or a cell's box.
        for sx0, sy0, sx1, sy1 in _segments(obj):
            if abs(sy1 - sy0) <= 1 and abs(sx1 - sx0) >= MIN_RULE:
                horizontal.append(((sy0 + sy1) / 2, min(sx0, sx1), max(sx0, sx1)))
            elif abs(sx1 - sx0) <= 1 and abs(sy1 - sy0) >= MIN_RULE:
                vertical.append(((sx0 + sx1) / 2, min(sy0, sy1), max(sy0, sy1)))
    return horizontal, vertical


def read_pages(data: bytes) -> list[Page]:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfTableError(f"not a readable PDF ({exc})") from None
    pages = []
    try:
        for number in range(len(doc)):
            page = doc[number]
            textpage = page.get_textpage()
            chars = _chars(textpage)
            horizontal, vertical = _rules(page)
            pages.append(Page(number + 1, chars, horizontal, vertical))
            textpage.close()
            page.close()
    finally:
        doc.close()
    return pages


def _cluster(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def cell_text(chars: list[Char]) -> str:
    """Characters of one cell as lines of text (top to bottom, left to right)."""
    if not chars:
        return ""
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: -c.cy):
        height = max(ch.y1 - ch.y0, 1.0)
        if lines and abs(lines[-1][0].cy - ch.cy) <= height * 0.5:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    out = []
    for line in lines:
        line.sort(key=lambda c: c.x0)
        text = ""
        prev: Char | None = None
        for ch in line:
            if prev is not None and ch.text != " " and not text.endswith(" "):
                gap = ch.x0 - prev.x1
                if gap > max(prev.y1 - prev.y0, 1.0) * 0.3:
                    text += " "
            text += ch.text
            prev = ch if ch.text != " " else prev
        out.append(text.strip())
    return "\n".join(x for x in out if x)


def table_rows(page: Page) -> list[list[str]]:
    """The rows of the ruled table on a page (cells as text), top to bottom.

    Refuses a page that holds text but no table, rather than reading it as empty.
    """
    if not page.horizontal or not page.vertical:
        if page.chars:
            raise PdfTableError(f"page {page.number} has text but no ruled table")
        return []
    left = min(v[0] for v in page.vertical)
    right = max(v[0] for v in page.vertical)
    span = right - left
    # Rules across most of the table bound rows; a rule under one cell is a cell border.
    ys = _cluster([y for y, x0, x1 in page.horizontal if x1 - x0 >= span * 0.5])
    xs = _cluster([x for x, _y0, _y1 in page.vertical])
    if len(ys) < 2 or len(xs) < 2:
        raise PdfTableError(f"page {page.number}: the table's rules cannot be read")
    ys.sort(reverse=True)
    n_cols = len(xs) - 1
    grid: list[list[list[Char]]] = [[[] for _ in range(n_cols)] for _ in range(len(ys) - 1)]
    neg = [-y for y in ys]
    for ch in page.chars:
        r = bisect.bisect_right(neg, -ch.cy) - 1
        c = bisect.bisect_right(xs, ch.cx) - 1
        if 0 <= r < len(grid) and 0 <= c < n_cols:
            grid[r][c].append(ch)
    return [[cell_text(cell) for cell in row] for row in grid]
