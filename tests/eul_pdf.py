"""Write an End User List PDF in METI's layout (for tests and benchmarks only).

Long cells wrap and rows split across page breaks (splitInRow), as in METI's file.
"""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from exportdesk.documents.pdf import GOTHIC, MINCHO, register_fonts
from exportdesk.domain.screening import Entity

CONCERN_JA = {"B": "生物", "C": "化学", "M": "ミサイル", "N": "核"}


def meti_pdf(entities: list[Entity], *, font_size: float = 8, drop_row: int | None = None) -> bytes:
    register_fonts()
    style = ParagraphStyle(
        "cell", fontName=MINCHO, fontSize=font_size, leading=font_size * 1.35, wordWrap="CJK"
    )
    head = ParagraphStyle("head", parent=style, fontName=GOTHIC)
    header = [
        Paragraph(t, head)
        for t in (
            "No.",
            "国名・地域名<br/>Country or Region",
            "企業名・組織名<br/>Company or Organization",
            "別名<br/>Also Known As",
            "懸念区分<br/>Type of WMD",
            "通常兵器<br/>Conventional weapons",
        )
    ]
    rows = [header]
    for e in entities:
        if drop_row is not None and e.no == drop_row:
            continue
        name = escape(e.name_en) + (f"（{escape(e.name_original)}）" if e.name_original else "")
        aliases = "<br/>".join("・" + escape(a) for a in e.aliases)
        concerns = "、".join(CONCERN_JA[c] for c in e.concerns) + (
            "<br/>" + ", ".join(e.concerns) if e.concerns else ""
        )
        rows.append(
            [
                Paragraph(str(e.no), style),
                Paragraph(f"{escape(e.country_ja)}<br/>{escape(e.country_en)}", style),
                Paragraph(name, style),
                Paragraph(aliases, style),
                Paragraph(concerns, style),
                Paragraph("CW" if e.conventional_weapons else "", style),
            ]
        )
    width = landscape(A4)[0] - 20 * mm
    table = Table(
        rows,
        colWidths=[w * width for w in (0.05, 0.13, 0.32, 0.32, 0.11, 0.07)],
        repeatRows=1,
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), MINCHO),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
            ]
        )
    )
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        initialFontName=MINCHO,
    )
    doc.build([table])
    return buffer.getvalue()
