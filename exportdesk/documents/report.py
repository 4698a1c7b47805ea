"""The annual report for the committee (Japanese or English): the office's text per
section, tables with the figures, and bar charts drawn with reportlab's own charts
(vector, embedded IPAex fonts, no extra dependency)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from exportdesk.documents.pdf import GOTHIC, DocBuilder, register_fonts, render
from exportdesk.documents.render import render_template
from exportdesk.domain.annual_report import SECTIONS, Chart, ReportData, heading, paragraphs

PALETTE = ["#3b6ea5", "#e08a2e", "#5a9e4b", "#b8483f", "#7d5ba6", "#8c6d46", "#c25d9a", "#777777"]
WIDTH = 170 * mm


def _label(n: float) -> str:
    return "" if not n else f"{n:g}"


def chart_drawing(chart: Chart, width: float = WIDTH, height: float = 62 * mm) -> Drawing:
    """Bars with their numbers on them; several series are stacked, with a legend."""
    register_fonts()
    stacked = len(chart.series) > 1
    legend_h = 6 * mm * ((len(chart.series) + 2) // 3) if stacked else 0
    rows = max(len(chart.categories), 1)
    if chart.horizontal:
        height = max(height, rows * 7 * mm + 12 * mm)
    d = Drawing(width, height + legend_h)
    bc = HorizontalBarChart() if chart.horizontal else VerticalBarChart()
    left = 62 * mm if chart.horizontal else 12 * mm
    bc.x, bc.y = left, legend_h + 10 * mm
    bc.width, bc.height = width - left - 8 * mm, height - 14 * mm
    data = [values or [0] for _name, values in chart.series] or [[0]]
    bc.data = data
    sums = [sum(col) for col in zip(*data, strict=True)] if stacked else data[0]
    top = max(sums, default=0)
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = max(top * 1.15, 1)
    bc.valueAxis.labels.fontName = GOTHIC
    bc.valueAxis.labels.fontSize = 7
    bc.valueAxis.labelTextFormat = lambda v: f"{v:g}" if float(v).is_integer() else ""
    bc.categoryAxis.categoryNames = chart.categories or [""]
    bc.categoryAxis.labels.fontName = GOTHIC
    bc.categoryAxis.labels.fontSize = 7
    if chart.horizontal:
        bc.categoryAxis.labels.textAnchor = "end"
        bc.categoryAxis.labels.dx = -3
        bc.categoryAxis.reverseDirection = 1
    if stacked:
        bc.categoryAxis.style = "stacked"
    bc.barLabelFormat = _label
    bc.barLabels.fontName = GOTHIC
    bc.barLabels.fontSize = 6.5
    if not stacked:
        bc.barLabels.nudge = 7
    for i in range(len(data)):
        bc.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        bc.bars[i].strokeColor = None
    d.add(bc)
    if stacked:
        legend = Legend()
        legend.fontName = GOTHIC
        legend.fontSize = 7
        legend.x, legend.y = left, legend_h - 2
        legend.columnMaximum = (len(chart.series) + 2) // 3 or 1
        legend.deltax = 55 * mm
        legend.dxTextSpace = 4
        legend.alignment = "right"
        legend.colorNamePairs = [
            (
                colors.HexColor(PALETTE[i % len(PALETTE)]),
                name if len(name) <= 40 else name[:39] + "…",
            )
            for i, (name, _v) in enumerate(chart.series)
        ]
        d.add(legend)
    return d


def report_xml(data: ReportData) -> str:
    ja = data.lang == "ja"
    title = (
        f"{data.year}年 安全保障輸出管理 年次報告"
        if ja
        else f"Security Export Control: Annual Report {data.year}"
    )
    labels = {
        "prepared": f"作成日 {data.prepared_on}" if ja else f"Prepared on {data.prepared_on}",
        "total": f"提出件数 合計 {data.total} 件" if ja else f"Cases filed in total: {data.total}",
        "by_month": "月別・活動別の件数" if ja else "Cases by month and activity",
        "method": (
            "集計方法：期間は案件の提出日（差戻し後の再提出は最後の提出日）による。下書きは含まない。"
            "審査期間は提出から判断の記録までの日数で、中央値及び90%値は線形補間による。"
            if ja
            else "Method: cases count by filing date (the last submission after a return);"
            " drafts are not counted. Review time runs from filing to the recorded decision;"
            " median and 90th percentile by linear interpolation."
        ),
    }
    return render_template(
        "annual_report.xml.j2",
        d=data,
        title=title,
        sections=SECTIONS,
        headings={s: heading(s, data.lang) for s in SECTIONS},
        paras={s: ["\n".join(p) for p in paragraphs(data.text(s))] for s in SECTIONS},
        tables=data.tables,
        charts=data.charts,
        labels=labels,
    )


def annual_report_pdf(data: ReportData) -> bytes:
    builder = DocBuilder(data.lang)

    def chart(el: ET.Element) -> list[Flowable]:
        found = data.charts.get(el.get("name", ""))
        if found is None:
            return []
        return [Spacer(1, 2 * mm), KeepTogether([chart_drawing(found)])]

    builder.extra = {"chart": chart}
    story = builder.build(report_xml(data))
    ja = data.lang == "ja"
    title = f"{data.year}年 年次報告" if ja else f"Annual Report {data.year}"
    footer = f"{data.institution} {title}"
    return render(story, footer=footer, lang=data.lang, title=title, toc=True)
