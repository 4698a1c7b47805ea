"""The model internal compliance programme (安全保障輸出管理規程) as a PDF, in the
small-university or large-university format, Japanese or English."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from exportdesk.documents.pdf import GOTHIC, MINCHO, DocBuilder, escape, render
from exportdesk.documents.render import render_template
from exportdesk.documents.sheets import check_sheet_xml, flowables, pledge_xml, review_sheet_xml
from exportdesk.domain.dates import format_date

if TYPE_CHECKING:  # pydantic models: only their names are needed here
    from exportdesk.domain.catalog import Catalog
    from exportdesk.domain.profile import InstitutionProfile

RECORDS = {"ja": "記録の保存", "en": "Record Keeping"}
DEPT_MANAGERS = {"ja": "輸出管理責任者", "en": "Department Export Control Managers"}


def _dates(day: dt.date) -> tuple[str, str]:
    return format_date(day, "ja"), format_date(day, "en")


def icp_xml(profile: InstitutionProfile, fmt: str, lang: str, forms_version: str) -> str:
    """Render the template twice: the first pass finds article numbers for cross-references."""
    eff_ja, eff_en = _dates(profile.effective_date)
    context = {
        "p": profile,
        "large": fmt == "large",
        "committee": profile.committee,
        "eff_ja": eff_ja,
        "eff_en": eff_en,
        "fv": forms_version,
    }
    draft = render_template(f"icp_{lang}.xml.j2", records_article=0, dept_article=0, **context)
    titles = [a.get("title") for a in ET.fromstring(draft).iter("article")]
    number = {title: i for i, title in enumerate(titles, 1)}
    return render_template(
        f"icp_{lang}.xml.j2",
        records_article=number.get(RECORDS[lang], 0),
        dept_article=number.get(DEPT_MANAGERS[lang], 0),
        **context,
    )


def _box(d: Drawing, x: float, y: float, w: float, h: float, text: str, fill: str) -> None:
    d.add(
        Rect(
            x,
            y,
            w,
            h,
            fillColor=colors.HexColor(fill),
            strokeColor=colors.HexColor("#333333"),
            strokeWidth=0.8,
            rx=3,
            ry=3,
        )
    )
    size = 9.0
    lines = text.split("\n")
    while size > 5.5 and max(stringWidth(line, GOTHIC, size) for line in lines) > w - 6:
        size -= 0.5
    top = y + h / 2 + (len(lines) - 1) * (size + 1) / 2 - size / 3
    for i, line in enumerate(lines):
        d.add(
            String(
                x + w / 2,
                top - i * (size + 1),
                line,
                fontName=GOTHIC,
                fontSize=size,
                textAnchor="middle",
            )
        )


def org_chart(profile: InstitutionProfile, fmt: str, lang: str) -> Drawing:
    """President → chief manager → office / committee → department managers → members."""
    ja = lang == "ja"
    width, bw, bh, gap = 170 * mm, 62 * mm, 14 * mm, 9 * mm
    large = fmt == "large"
    rows = 5 if large else 4
    height = rows * (bh + gap) + 4
    d = Drawing(width, height)
    cx = width / 2
    y = height - bh - 2

    def label(ja_text: str, en_text: str) -> str:
        return ja_text if ja else en_text

    president = label(
        f"最高責任者\n{profile.president_title.ja}", f"Chief officer\n{profile.president_title.en}"
    )
    _box(d, cx - bw / 2, y, bw, bh, president, "#dfe9f7")
    chief_y = y - bh - gap
    chief = label(
        f"輸出管理統括責任者\n{profile.chief_manager_post.ja}",
        f"Chief export control manager\n{profile.chief_manager_post.en}",
    )
    _box(d, cx - bw / 2, chief_y, bw, bh, chief, "#dfe9f7")
    d.add(Line(cx, chief_y + bh, cx, y))
    row3 = chief_y - bh - gap
    office_x = cx + 8 * mm if profile.committee else cx - bw / 2
    office = label(
        f"輸出管理担当部署\n{profile.office_name.ja}",
        f"Export control office\n{profile.office_name.en}",
    )
    _box(d, office_x, row3, bw, bh, office, "#e8f3e8")
    d.add(Line(cx, chief_y, cx, row3 + bh + gap / 2))
    d.add(Line(office_x + bw / 2, row3 + bh, office_x + bw / 2, row3 + bh + gap / 2))
    d.add(
        Line(
            min(cx, office_x + bw / 2),
            row3 + bh + gap / 2,
            max(cx, office_x + bw / 2),
            row3 + bh + gap / 2,
        )
    )
    if profile.committee:
        committee_x = cx - 8 * mm - bw
        _box(
            d,
            committee_x,
            row3,
            bw,
            bh,
            label(
                "安全保障輸出管理委員会\n（審議・助言）",
                "Security Export Control Committee\n(deliberation, advice)",
            ),
            "#fff4dc",
        )
        d.add(
            Line(
                committee_x + bw / 2,
                row3 + bh,
                committee_x + bw / 2,
                row3 + bh + gap / 2,
                strokeDashArray=[2, 2],
            )
        )
        d.add(
            Line(
                committee_x + bw / 2,
                row3 + bh + gap / 2,
                cx,
                row3 + bh + gap / 2,
                strokeDashArray=[2, 2],
            )
        )
    next_y = row3 - bh - gap
    if large:
        depts = profile.departments or []
        shown = depts[:5]
        count = len(shown) + (1 if len(depts) > 5 else 0) or 1
        dw = min(bw, (width - (count - 1) * 3 * mm) / count)
        total = count * dw + (count - 1) * 3 * mm
        start = cx - total / 2
        bus = next_y + bh + gap / 2
        d.add(Line(cx, row3, cx, bus))
        names = [label(f"輸出管理責任者\n{x.ja}", f"Dept. manager\n{x.en}") for x in shown]
        if len(depts) > 5:
            names.append(label(f"ほか{len(depts) - 5}部局", f"{len(depts) - 5} more"))
        if not names:
            names = [label("輸出管理責任者\n（各部局）", "Dept. managers\n(each department)")]
        for i, name in enumerate(names):
            x = start + i * (dw + 3 * mm)
            _box(d, x, next_y, dw, bh, name, "#f1e6f7")
            d.add(Line(x + dw / 2, next_y + bh, x + dw / 2, bus))
        d.add(Line(start + dw / 2, bus, start + total - dw / 2, bus))
        top_of_members = next_y
        next_y = next_y - bh - gap
        d.add(Line(cx, top_of_members, cx, next_y + bh))
    else:
        d.add(Line(office_x + bw / 2, row3, office_x + bw / 2, next_y + bh))
    members = label(
        "教職員等（事前確認シートの提出）", "Faculty, staff and students (file check sheets)"
    )
    mx = office_x if not large else cx - bw / 2
    _box(d, mx, next_y, bw, bh, members, "#f2f2f2")
    return d


def xref_table(builder: DocBuilder, catalog: Catalog, lang: str) -> Table:
    """Which article satisfies each element of the Exporter Compliance Standards."""
    st = builder.st
    by_std: dict[str, list[str]] = {}
    for n, _title, stds in builder.num.articles:
        for s in stds:
            by_std.setdefault(s, []).append(
                builder.num.article_label(n, _title).split("（")[0].split(" (")[0]
            )
    head = ("遵守基準の要素", "対応する条") if lang == "ja" else ("Standards element", "Articles")
    rows = [[Paragraph(head[0], st["cellhead"]), Paragraph(head[1], st["cellhead"])]]
    for entry in catalog.exporter_standards.entries:
        articles = (
            "、".join(by_std.get(entry.id, []))
            if lang == "ja"
            else ", ".join(by_std.get(entry.id, []))
        )
        rows.append(
            [
                Paragraph(escape(entry.text.get(lang)), st["cell"]),
                Paragraph(articles or "—", st["cell"]),
            ]
        )
    table = Table(rows, colWidths=[110 * mm, 60 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), MINCHO),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def icp_pdf(profile: InstitutionProfile, catalog: Catalog, fmt: str, lang: str) -> bytes:
    story, title = icp_story(profile, catalog, fmt, lang)
    return render(story, footer=title, lang=lang, title=title, toc=True)


def icp_story(
    profile: InstitutionProfile, catalog: Catalog, fmt: str, lang: str
) -> tuple[list[Flowable], str]:
    """The ICP's flowables and its title."""
    if fmt not in ("small", "large"):
        raise ValueError("format must be small or large")
    version = profile.forms_version or catalog.version
    name = getattr(profile.name, lang)
    president = profile.president_title.model_dump()
    institution = profile.name.model_dump()

    def blank(xml: str) -> list[Flowable]:
        return flowables(xml, lang)

    builder = DocBuilder(lang)
    builder.extra = {
        "orgchart": lambda _el: [Spacer(1, 4 * mm), org_chart(profile, fmt, lang)],
        "xref": lambda _el: [xref_table(builder, catalog, lang)],
        "blank-checksheet": lambda _el: blank(
            check_sheet_xml(catalog, lang, institution=name, show_title=False)
        ),
        "blank-reviewsheet": lambda _el: blank(review_sheet_xml(catalog, lang, show_title=False)),
        "blank-pledge": lambda _el: blank(
            pledge_xml(
                catalog,
                institution=institution,
                president=president,
                person=None,
                categories=None,
                date="",
            )
        ).__getitem__(slice(1, None)),  # the annex heading already names it
    }
    story = builder.build(icp_xml(profile, fmt, lang, version))
    title = (
        f"{name} 安全保障輸出管理規程"
        if lang == "ja"
        else f"{name} Security Export Control Regulations"
    )
    return story, title
