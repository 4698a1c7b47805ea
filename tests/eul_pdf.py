"""Write an End User List PDF in METI's layout (for tests and benchmarks only).

Each page holds a ruled table with the header row. A row too tall for the space left
on a page is split the way METI's file splits it: the first part keeps the No. and
the names, the rest of the aliases continue on the next page in a row with an empty
No. cell.
"""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from exportdesk.documents.pdf import GOTHIC, MINCHO, register_fonts
from exportdesk.domain.screening import Entity

CONCERN_JA = {"B": "生物", "C": "化学", "M": "ミサイル", "N": "核"}
PAGE = landscape(A4)
MARGIN = 10 * mm
WIDTHS = (0.05, 0.13, 0.32, 0.32, 0.11, 0.07)
PADDING = 6  # reportlab's default cell padding, top + bottom


def meti_pdf(
    entities: list[Entity],
    *,
    font_size: float = 8,
    drop_row: int | None = None,
    page: tuple[float, float] = PAGE,
    widths: tuple[float, ...] = WIDTHS,
    header_on: str = "every",  # every page | first page only | "split": page 1 and split rows
    no_in: str = "first",  # which fragment of a split row carries the No.
    valign: str = "TOP",
    rules: str = "grid",  # grid lines, or "box": a box around every cell
) -> bytes:
    register_fonts()
    style = ParagraphStyle(
        "cell", fontName=MINCHO, fontSize=font_size, leading=font_size * 1.35, wordWrap="CJK"
    )
    head = ParagraphStyle("head", parent=style, fontName=GOTHIC)
    width = page[0] - 2 * MARGIN
    cols = [w * width for w in widths]
    usable = page[1] - 2 * MARGIN - 4

    def para(text: str, s: ParagraphStyle = style) -> Paragraph:
        return Paragraph(text, s)

    def height(cells: list[Paragraph]) -> float:
        return max(p.wrap(w - 12, 10_000)[1] for p, w in zip(cells, cols, strict=True)) + PADDING

    def cells_for(e: Entity, aliases: tuple[str, ...], first: bool) -> list[Paragraph]:
        name = escape(e.name_en) + (f"（{escape(e.name_original)}）" if e.name_original else "")
        concerns = "、".join(CONCERN_JA[c] for c in e.concerns) + (
            "<br/>" + ", ".join(e.concerns) if e.concerns else ""
        )
        alias_text = "<br/>".join("・" + escape(a) for a in aliases)
        if not first:
            no = str(e.no) if no_in == "last" else ""
            return [para(no), para(""), para(""), para(alias_text), para(""), para("")]
        return [
            para(str(e.no)),
            para(f"{escape(e.country_ja)}<br/>{escape(e.country_en)}"),
            para(name),
            para(alias_text),
            para(concerns),
            para("CW" if e.conventional_weapons else ""),
        ]

    header = [
        para(t, head)
        for t in (
            "No.",
            "国名・地域名<br/>Country or Region",
            "企業名・組織名<br/>Company or Organization",
            "別名<br/>Also Known As",
            "懸念区分<br/>Type of WMD",
            "通常兵器<br/>Conventional weapons",
        )
    ]
    pages: list[list[list[Paragraph]]] = [[header]]
    left = usable - height(header)
    for e in entities:
        if drop_row is not None and e.no == drop_row:
            continue
        pending, first = e.aliases, True
        while True:
            row = cells_for(e, pending, first)
            h = height(row)
            if h <= left:
                pages[-1].append(row)
                left -= h
                break
            # Split the aliases at the largest count that still fits on this page.
            fit = 0
            for k in range(len(pending), 0, -1):
                if height(cells_for(e, pending[:k], first)) <= left:
                    fit = k
                    break
            if fit and (first is False or height(cells_for(e, pending[:fit], True)) <= left):
                part = cells_for(e, pending[:fit], first)
                if no_in == "last":  # only the row's last part carries the No.
                    part[0] = para("")
                pages[-1].append(part)
                pending, first = pending[fit:], False
            again = header_on == "every" or (header_on == "split" and not first)
            pages.append([header] if again else [])
            left = usable - (height(header) if again else 0)
    style_cmds = TableStyle(
        [
            ("GRID" if rules == "grid" else "BOX", (0, 0), (-1, -1), 0.5, colors.black),
            *([("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black)] if rules == "box" else []),
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("FONTNAME", (0, 0), (-1, -1), MINCHO),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
        ]
    )
    story = []
    for i, rows in enumerate(pages):
        table = Table(rows, colWidths=cols)
        table.setStyle(style_cmds)
        if rows and rows[0] is not header:
            table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.white)]))
        if i:
            story.append(PageBreak())
        story.append(table)
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        initialFontName=MINCHO,
    )
    doc.build(story)
    return buffer.getvalue()
