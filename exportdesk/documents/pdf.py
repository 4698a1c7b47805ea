"""PDF building blocks: embedded IPAex fonts, styles, and a small structural XML that
jinja2 templates produce and this module lays out with reportlab Platypus.

Tags: <doc> <titlepage title subtitle org date note/> <toc/> <pagebreak/> <chapter title/>
<h1> <h2> <p> <note> <article title std> (with <para> and <item> inside, numbered here)
<table widths="30,70" header="1"><row><cell>..</cell></row></table> <orgchart/> <xref/>
<checkbox-list> ... Text inside tags is already escaped by jinja2 (autoescape).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from exportdesk.resources import font_path

GOTHIC, MINCHO = "IPAexG", "IPAexM"
# Streams compressed only, not also ASCII85-encoded (a 7-bit transport from the days of
# mail gateways): a quarter smaller, and the encoding is a pure-Python loop here.
rl_config.useA85 = 0
KANJI_NUMERALS = "〇一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def escape(text: str) -> str:
    """Text for Paragraph markup: &, < and > escaped (as xml.sax.saxutils.escape, whose
    import pulls in urllib and email at every start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@cache
def register_fonts() -> None:
    """Embed IPAex Gothic and Mincho; map bold to Gothic (IPAex has one weight)."""
    from reportlab.lib.fonts import addMapping

    from exportdesk.documents.fonts import FastTTFont

    pdfmetrics.registerFont(FastTTFont(GOTHIC, str(font_path("ipaexg.ttf"))))
    pdfmetrics.registerFont(FastTTFont(MINCHO, str(font_path("ipaexm.ttf"))))
    addMapping(MINCHO, 0, 0, MINCHO)
    addMapping(MINCHO, 1, 0, GOTHIC)
    addMapping(MINCHO, 0, 1, MINCHO)
    addMapping(MINCHO, 1, 1, GOTHIC)
    addMapping(GOTHIC, 0, 0, GOTHIC)
    addMapping(GOTHIC, 1, 0, GOTHIC)
    addMapping(GOTHIC, 0, 1, GOTHIC)
    addMapping(GOTHIC, 1, 1, GOTHIC)
    # Drawings (the organisation chart) start from Helvetica, which is never embedded.
    from reportlab.graphics.shapes import STATE_DEFAULTS

    STATE_DEFAULTS["fontName"] = GOTHIC


def kanji_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十 (enough for article items)."""
    if n < 10:
        return KANJI_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (
        (KANJI_NUMERALS[tens] if tens > 1 else "") + "十" + (KANJI_NUMERALS[ones] if ones else "")
    )


def styles(lang: str) -> dict[str, ParagraphStyle]:
    register_fonts()
    body_font = MINCHO
    wrap = "CJK" if lang == "ja" else None
    base = ParagraphStyle("body", fontName=body_font, fontSize=10, leading=16, wordWrap=wrap)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=13),
        "cellhead": ParagraphStyle(
            "cellhead", parent=base, fontName=GOTHIC, fontSize=9, leading=13
        ),
        "para": ParagraphStyle("para", parent=base, leftIndent=12, firstLineIndent=-12),
        "item": ParagraphStyle("item", parent=base, leftIndent=30, firstLineIndent=-14),
        "article": ParagraphStyle(
            "article", parent=base, fontName=GOTHIC, fontSize=10.5, spaceBefore=8, keepWithNext=1
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=GOTHIC,
            fontSize=15,
            leading=22,
            spaceBefore=10,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=GOTHIC,
            fontSize=12,
            leading=18,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "chapter": ParagraphStyle(
            "chapter",
            parent=base,
            fontName=GOTHIC,
            fontSize=12.5,
            leading=20,
            spaceBefore=14,
            spaceAfter=4,
            alignment=TA_CENTER,
            keepWithNext=1,
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=GOTHIC, fontSize=24, leading=34, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontName=GOTHIC, fontSize=14, leading=22, alignment=TA_CENTER
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "toc1": ParagraphStyle("toc1", parent=base, fontName=GOTHIC, fontSize=10.5, leading=18),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=9.5, leading=14, leftIndent=16),
    }


class Heading(Paragraph):
    """A paragraph that registers itself in the table of contents."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, toc_text: str) -> None:
        super().__init__(text, style)
        self.toc_level = level
        self.toc_text = toc_text


@dataclass
class Numbering:
    lang: str
    article: int = 0
    chapter: int = 0
    articles: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (n, title, std ids)

    def article_label(self, n: int, title: str) -> str:
        return f"第{n}条（{title}）" if self.lang == "ja" else f"Article {n} ({title})"

    def para_label(self, i: int) -> str:
        return CIRCLED[i - 1] if self.lang == "ja" else f"({i})"

    def item_label(self, i: int) -> str:
        return kanji_number(i) if self.lang == "ja" else f"({chr(ord('a') + i - 1)})"

    def chapter_label(self, n: int, title: str) -> str:
        return f"第{n}章　{title}" if self.lang == "ja" else f"Chapter {n}  {title}"


def _inner(el: ET.Element) -> str:
    """The element's content as Paragraph markup: text re-escaped, inline tags kept,
    line breaks in user text turned into <br/>."""
    text = escape(el.text or "") + "".join(ET.tostring(child, encoding="unicode") for child in el)
    return text.strip().replace("\n", "<br/>")


class DocBuilder:
    """Turns the structural XML into flowables."""

    def __init__(
        self,
        lang: str,
        extra: dict[str, Callable[[ET.Element], list[Flowable]]] | None = None,
    ) -> None:
        self.lang = lang
        self.st = styles(lang)
        self.num = Numbering(lang)
        self.extra = extra or {}
        self.deferred_xref: list[Flowable] = []

    def build(self, xml: str) -> list[Flowable]:
        root = ET.fromstring(xml)
        story: list[Flowable] = []
        for el in root:
            story += self.element(el)
        return story

    def element(self, el: ET.Element) -> list[Flowable]:
        tag = el.tag
        st = self.st
        if tag in self.extra:
            return self.extra[tag](el)
        if tag == "titlepage":
            return self.titlepage(el)
        if tag == "toc":
            toc = Contents()
            toc.levelStyles = [st["toc1"], st["toc2"]]
            # Tables set a cell font of their own (Helvetica, never embedded) unless told.
            toc.tableStyle = TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), MINCHO),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
            title = "目次" if self.lang == "ja" else "Contents"
            return [Paragraph(title, st["h1"]), toc, PageBreak()]
        if tag == "pagebreak":
            return [PageBreak()]
        if tag == "chapter":
            self.num.chapter += 1
            label = self.num.chapter_label(self.num.chapter, escape(el.get("title", "")))
            return [CondPageBreak(60 * mm), Heading(label, st["chapter"], 0, label)]
        if tag in ("h1", "h2"):
            text = _inner(el)
            level = 0 if tag == "h1" else 1
            flow: list[Flowable] = []
            if el.get("newpage") == "1":
                flow.append(PageBreak())
            if el.get("notoc") == "1":
                flow.append(Paragraph(text, st[tag]))
            else:
                plain = "".join(ET.fromstring(f"<x>{text}</x>").itertext())
                flow.append(Heading(text, st[tag], level, plain))
            return flow
        if tag == "p":
            return [Paragraph(_inner(el), st["body"])]
        if tag == "note":
            return [Paragraph(_inner(el), st["small"])]
        if tag == "spacer":
            return [Spacer(1, float(el.get("mm", "5")) * mm)]
        if tag == "article":
            return self.article(el)
        if tag == "table":
            return [self.table(el)]
        raise ValueError(f"unknown document tag <{tag}>")

    def titlepage(self, el: ET.Element) -> list[Flowable]:
        st = self.st
        flow: list[Flowable] = [Spacer(1, 55 * mm)]
        if el.get("org"):
            flow += [Paragraph(escape(el.get("org", "")), st["subtitle"]), Spacer(1, 12 * mm)]
        flow.append(Paragraph(escape(el.get("title", "")), st["title"]))
        if el.get("subtitle"):
            flow += [Spacer(1, 8 * mm), Paragraph(escape(el.get("subtitle", "")), st["subtitle"])]
        flow.append(Spacer(1, 40 * mm))
        for key in ("date", "note"):
            if el.get(key):
                flow += [Paragraph(escape(el.get(key, "")), st["center"]), Spacer(1, 4 * mm)]
        flow.append(PageBreak())
        return flow

    def article(self, el: ET.Element) -> list[Flowable]:
        self.num.article += 1
        n = self.num.article
        title = escape(el.get("title", ""))
        self.num.articles.append((n, title, [s for s in el.get("std", "").split(",") if s]))
        label = self.num.article_label(n, title)
        flow: list[Flowable] = [Heading(label, self.st["article"], 1, label)]
        paras = [c for c in el if c.tag == "para"]
        numbered = len(paras) > 1
        p_index = 0
        for child in el:
            if child.tag == "para":
                p_index += 1
                prefix = (
                    self.num.para_label(p_index) + ("　" if self.lang == "ja" else " ")
                    if numbered
                    else ""
                )
                text = escape((child.text or "").strip())
                flow.append(
                    Paragraph(prefix + text, self.st["para"] if numbered else self.st["body"])
                )
                items = [c for c in child if c.tag == "item"]
                for i, item in enumerate(items, 1):
                    label_i = self.num.item_label(i)
                    sep = "　" if self.lang == "ja" else " "
                    flow.append(Paragraph(label_i + sep + _inner(item), self.st["item"]))
            elif child.tag == "item":
                raise ValueError("<item> must be inside <para>")
            else:
                flow += self.element(child)
        # Keep the heading with its first paragraph; long articles may still split.
        return [KeepTogether(flow[:2]), *flow[2:]]

    def table(self, el: ET.Element) -> Table:
        st = self.st
        header = el.get("header") == "1"
        rows = []
        for r_index, row in enumerate(el.findall("row")):
            style = st["cellhead"] if header and r_index == 0 else st["cell"]
            rows.append([Paragraph(_inner(cell), style) for cell in row.findall("cell")])
        total = A4[0] - 40 * mm
        widths = (
            [float(w) / 100 * total for w in el.get("widths", "").split(",")]
            if el.get("widths")
            else None
        )
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
        commands: list[Any] = [
            ("FONTNAME", (0, 0), (-1, -1), MINCHO),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
        for col in (el.get("shade-col") or "").split(","):
            if col:
                commands.append(
                    (
                        "BACKGROUND",
                        (int(col), 1 if header else 0),
                        (int(col), -1),
                        colors.HexColor("#f3f3f3"),
                    )
                )
        table.setStyle(TableStyle(commands))
        return table


class Contents(TableOfContents):
    """A table of contents laid out in one pass.

    Its lines are the document's headings, known before the layout (`seed`), so it fills
    its final number of pages at once. Each line's dots and page number are a PDF form
    (XObject) drawn by reference; `fill` defines the forms once the layout has found the
    pages. Without a seed it is reportlab's table of contents (several passes).
    """

    def seed(self, headings: list[tuple[int, str]]) -> None:
        self._lastEntries = [(level, text, 0, None) for level, text in headings]
        self._ends: dict[int, tuple[float, float, float, ParagraphStyle]] = {}

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not hasattr(self, "_ends"):
            return super().wrap(availWidth, availHeight)

        def entry_end(canvas: Any, _kind: str, label: str) -> None:
            index, level = (int(part) for part in label.split(","))
            info = canvas._curr_tx_info  # where the line's text ends, as reportlab's own
            self._ends[index] = (
                info["cur_x"],
                info["cur_y"],
                availWidth,
                self.getLevelStyle(level),
            )
            canvas.doForm(_entry_form(index))

        self.canv.setNamedCB("exportdeskTOCEnd", entry_end)
        rows: list[list[Flowable]] = []
        for index, (level, text, _page, _key) in enumerate(self._lastEntries):
            style = self.getLevelStyle(level)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            end = f'<onDraw name="exportdeskTOCEnd" label="{index},{level}"/>'
            rows.append([Paragraph(text + end, style)])
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def matches(self, laid_out: list[tuple[int, str, int]]) -> bool:
        """Whether the headings laid out are the seeded ones, each line drawn once."""
        seeded = [(level, text) for level, text, _page, _key in self._lastEntries]
        drawn = sorted(self._ends) == list(range(len(seeded)))
        return drawn and seeded == [(level, text) for level, text, _page in laid_out]

    def fill(self, canvas: Any, laid_out: list[tuple[int, str, int]]) -> None:
        """Define each line's form: dots from the end of its text, then its page number
        at the right (as reportlab's drawPageNumbers, which cannot draw ahead)."""
        for index, (level, _text, page) in enumerate(laid_out):
            x, y, width, style = self._ends[index]
            dots = " . " if 0 <= self.dotsMinLevel <= level else ""
            number = str(page)
            size = style.fontSize
            number_width = pdfmetrics.stringWidth(number, style.fontName, size)
            while number_width > width - x and size >= 1.0:
                size *= 0.9
                number_width = pdfmetrics.stringWidth(number, style.fontName, size)
            dot_width = pdfmetrics.stringWidth(dots, style.fontName, size) if dots else 0
            count = int((width - x - number_width) / dot_width) if dots else 0
            canvas.beginForm(_entry_form(index), -A4[0], -A4[1], 2 * A4[0], 2 * A4[1])
            text = canvas.beginText(width - count * dot_width - number_width, y)
            text.setFont(style.fontName, size)
            text.setFillColor(style.textColor)
            text.textLine(count * dots + number)
            canvas.drawText(text)
            canvas.endForm()


def _entry_form(index: int) -> str:
    return f"tocentry{index}"


class NumberedDoc(BaseDocTemplate):
    """A4 with a footer (page numbers, document name) and TOC notifications."""

    def __init__(
        self, buffer: BytesIO, footer: str, lang: str, title: str, stamp: str = "", **kw: Any
    ) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=20 * mm,
            title=title,
            author="ExportDesk",
            creator="ExportDesk",
            initialFontName=MINCHO,
            lang="ja-JP" if lang == "ja" else "en",
            **kw,
        )
        self.footer = footer
        self.stamp = stamp
        self.headings: list[tuple[int, str, int]] = []  # (level, text, page) as laid out
        self.lang = lang
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(GOTHIC, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        page = canvas.getPageNumber()
        if page > 1:
            # Document name on the left, page number on the right: a long English title
            # cannot run into the number.
            canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"- {page} -")
            canvas.drawString(20 * mm, 12 * mm, self.footer)
        if self.stamp:
            canvas.setFontSize(6)
            canvas.drawString(20 * mm, 7 * mm, self.stamp)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.headings.append((flowable.toc_level, flowable.toc_text, self.page))
            self.notify("TOCEntry", (flowable.toc_level, flowable.toc_text, self.page))


def _headings(story: list[Flowable]) -> list[tuple[int, str]]:
    """The story's headings in order: top level, or first in a KeepTogether (an article)."""
    found: list[tuple[int, str]] = []
    for flowable in story:
        parts = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
        found += [(f.toc_level, f.toc_text) for f in parts if isinstance(f, Heading)]
    return found


def render(
    story: list[Flowable],
    *,
    footer: str,
    lang: str,
    title: str,
    toc: bool,
    stamp: str = "",
    keywords: str = "",
) -> bytes:
    """`stamp`: a small line printed at the foot of every page; `keywords`: the PDF's
    keywords (a printed case carries the signed head of the audit chain in both)."""
    buffer = BytesIO()
    doc = NumberedDoc(buffer, footer, lang, title, stamp=stamp, keywords=keywords)
    if toc:
        headings = _headings(story)
        contents = [f for f in story if isinstance(f, Contents)]
        if len(contents) == 1:
            contents[0].seed(headings)
            doc._doSave = 0
            doc.build(story[:])  # build consumes its list; the passes below may need it
            if contents[0].matches(doc.headings):
                contents[0].fill(doc.canv, doc.headings)
                doc.canv.save()
                return buffer.getvalue()
            # A heading the seed did not foresee: reportlab's passes, from the start.
            contents[0].__dict__.pop("_ends")
            buffer = BytesIO()
            doc = NumberedDoc(buffer, footer, lang, title, stamp=stamp, keywords=keywords)
        # Seeded, the contents fill their final number of pages in the first pass: two
        # passes then suffice instead of three.
        for flowable in contents:
            flowable._entries = [(level, text, 0, None) for level, text in headings]
        doc.multiBuild(story)
    else:
        doc.build(story)
    return buffer.getvalue()
