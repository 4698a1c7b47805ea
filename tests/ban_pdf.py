"""Write a list of specified entities in the layout MOFA publishes (tests only).

A title naming the notice, the date of designation and of the last update, then numbered
blocks: Japanese name (aliases in （別称、…）), English name with 'a.k.a., the following
N aliases:' and one alias per '-' line, or the newer '別称：' form, and 所在地.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from exportdesk.documents.pdf import MINCHO, register_fonts

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight"]
TITLES = {
    "russia": ("ロシア連邦の団体", "令和四年外務省告示第八十二号"),
    "belarus": ("ベラルーシ共和国の団体", "令和四年外務省告示第百四号"),
    "third": ("ロシア連邦及びベラルーシ共和国以外の国の団体", "令和五年外務省告示第四百四十七号"),
}


@dataclass
class Block:
    ja: str
    en: str
    address: str
    ja_aliases: list[str] = field(default_factory=list)
    en_aliases: list[str] = field(default_factory=list)
    new_style: bool = False  # 別称：A; B then the English aliases on one line


def ban_pdf(
    blocks: list[Block],
    *,
    kind: str = "russia",
    updated: str = "2025 年 09 月 12 日",
    skip: int | None = None,
    blank_page: bool = False,
    title: str | None = None,
) -> bytes:
    register_fonts()
    style = ParagraphStyle("b", fontName=MINCHO, fontSize=10.5, leading=15, wordWrap="CJK")
    indent = ParagraphStyle("i", parent=style, leftIndent=10 * mm)
    what, notice = TITLES[kind]
    head = title or (
        "○ 国際平和のための国際的な努力に我が国として寄与するために講ずる輸出等に係る禁止措置"
        f"の対象となる{what}（{notice}）"
    )
    story = [
        Paragraph(escape(head), style),
        Paragraph("指定日：2022 年 03 月 01 日", style),
        Paragraph(f"最終更新日：{updated}", style),
        Spacer(1, 6 * mm),
    ]
    number = 0
    for i, b in enumerate(blocks, 1):
        number += 1
        if skip == i:
            number += 1
        ja = b.ja + (
            f"（別称、{'、'.join(b.ja_aliases)}）" if b.ja_aliases and not b.new_style else ""
        )
        story.append(Paragraph(f"{number}&nbsp;&nbsp;&nbsp;{escape(ja)}", style))
        if b.new_style:
            story.append(Paragraph(escape(b.en), indent))
            if b.ja_aliases:
                story.append(Paragraph("別称：" + escape("; ".join(b.ja_aliases)), indent))
                story.append(Paragraph(escape("; ".join(b.en_aliases)), indent))
        else:
            en = b.en
            if b.en_aliases:
                n = len(b.en_aliases)
                en += f", a.k.a., the following {WORDS[n]} alias{'es' if n > 1 else ''}:"
            story.append(Paragraph(escape(en), indent))
            for k, alias in enumerate(b.en_aliases):
                end = (
                    "."
                    if k == len(b.en_aliases) - 1
                    else ("; and" if k == len(b.en_aliases) - 2 else ";")
                )
                story.append(Paragraph("-" + escape(alias) + end, indent))
        story.append(Paragraph("所在地：" + escape(b.address), indent))
        story.append(Spacer(1, 4 * mm))
        if blank_page and i == len(blocks) // 2:
            story.append(PageBreak())
            story.append(Spacer(1, 10 * mm))  # a page with no text, as a scanned image has
            story.append(PageBreak())
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=MINCHO).build(story)
    return buffer.getvalue()
