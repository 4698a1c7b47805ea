"""The internal audit report as a PDF, and the ICP articles its checklist cites."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from exportdesk.documents.icp import icp_xml
from exportdesk.documents.pdf import DocBuilder, render
from exportdesk.documents.render import render_template
from exportdesk.domain.internal_audit import Article, audit_forms

if TYPE_CHECKING:  # pydantic models: only their names are needed here
    from exportdesk.domain.catalog import Catalog
    from exportdesk.domain.profile import InstitutionProfile


def icp_articles(profile: InstitutionProfile, fmt: str, catalog: Catalog) -> list[Article]:
    """Number the ICP's articles as the printed ICP does and keep their standards ids."""
    xml = icp_xml(profile, fmt, "ja", profile.forms_version or catalog.version)
    titles_en = [
        a.get("title", "")
        for a in ET.fromstring(icp_xml(profile, fmt, "en", catalog.version)).iter("article")
    ]
    articles = []
    for n, el in enumerate(ET.fromstring(xml).iter("article"), 1):
        title_en = titles_en[n - 1] if n - 1 < len(titles_en) else ""
        articles.append(
            Article(
                number=n,
                title=f"{el.get('title', '')} / {title_en}",
                standards=tuple(s for s in el.get("std", "").split(",") if s),
            )
        )
    return articles


def _article_label(article: dict[str, Any], lang: str) -> str:
    ja, _, en = article["title"].partition(" / ")
    return (
        f"第{article['number']}条（{ja}）" if lang == "ja" else f"Art. {article['number']} ({en})"
    )


def audit_report_pdf(
    audit: dict[str, Any], departments: dict[int, str], institution: str, lang: str
) -> bytes:
    """`audit` as InternalAudits.get returns it; `departments` id -> name in `lang`."""
    ja = lang == "ja"
    forms = audit_forms()
    result_text = {k: v.get(lang) for k, v in forms.results.items()}
    mark = {"pass": "○", "fail": "×", "not_applicable": "－"}
    severity = {k: v.get(lang) for k, v in forms.severities.items()}
    no_dept = "（部局なし）" if ja else "(no department)"
    t = {
        "title": f"{audit['year']}年度 安全保障輸出管理 内部監査報告書"
        if ja
        else f"Internal Audit of Security Export Control {audit['year']}",
        "subtitle": f"{audit['period_start']} – {audit['period_end']}",
        "status": (f"完了 {audit['closed_at'][:10]}" if audit["status"] == "closed" else "実施中")
        if ja
        else (
            f"Closed {audit['closed_at'][:10]}" if audit["status"] == "closed" else "In progress"
        ),
        "seed": f"抽出シード {audit['seed']}" if ja else f"Sampling seed {audit['seed']}",
        "scope": "監査の範囲と抽出" if ja else "Scope and sample",
        "population": "部局別の母集団と抽出件数" if ja else "Population and sample by department",
        "programme": "規程・体制の点検" if ja else "The programme checklist",
        "programme_intro": "輸出者等遵守基準の各要素について、対応する規程の条と点検結果を示す。"
        if ja
        else "Each element of the Exporter Compliance Standards, the ICP articles implementing"
        " it, and the result.",
        "cases": "抽出案件の点検" if ja else "Sampled cases",
        "cases_intro": "各案件について次の項目を点検した（○適合、×不適合、－該当なし）。"
        if ja
        else "Each sampled case was checked on these points (○ pass, × fail, － not applicable).",
        "findings": "指摘事項と是正措置" if ja else "Findings and corrective actions",
        "no_findings": "指摘事項はない。" if ja else "No findings.",
        "summary": "総括" if ja else "Summary",
    }
    scope = [
        ("対象期間" if ja else "Period", f"{audit['period_start']} – {audit['period_end']}"),
        (
            "規程の様式" if ja else "ICP format",
            {
                "small": ("小規模大学向け", "small university"),
                "large": ("大規模大学向け", "large university"),
            }.get(audit["icp_format"], (audit["icp_format"],) * 2)[0 if ja else 1],
        ),
        ("抽出件数（部局ごと）" if ja else "Cases per department", str(audit["per_department"])),
        (
            "抽出シード（再現用）" if ja else "Seed (to reproduce the sample)",
            audit["seed"],
        ),
        (
            "抽出方法" if ja else "Method",
            "部局ごとに、案件IDの昇順に並べた母集団からシードと部局IDで初期化した乱数で非復元抽出"
            if ja
            else "Per department, drawn without replacement from the case ids in ascending order"
            " by a generator seeded with the seed and the department id",
        ),
    ]
    sampled: dict[int, int] = {}
    for c in audit["cases"]:
        sampled[c["department_id"] or 0] = sampled.get(c["department_id"] or 0, 0) + 1
    population = [
        [departments.get(d, no_dept), str(n), str(sampled.get(d, 0))]
        for d, n in sorted(audit["population"].items(), key=lambda kv: departments.get(kv[0], ""))
    ]
    programme = [
        [
            item["text"][lang],
            ("、" if ja else ", ").join(_article_label(a, lang) for a in item["articles"])
            or ("（該当条なし）" if ja else "(no article)"),
            result_text.get(item["result"], "未点検" if ja else "unchecked"),
            item["note"],
        ]
        for item in audit["checklist"]
    ]
    checks = [(str(i), c.text.get(lang)) for i, c in enumerate(forms.case_checks, 1)]
    cases = []
    for c in audit["cases"]:
        results = [
            mark.get(c["checks"].get(check.id, ""), "?") if c["checks"] else "…"
            for check in forms.case_checks
        ]
        cases.append(
            [c["ref"], departments.get(c["department_id"] or 0, no_dept), *results, c["note"]]
        )
    n = len(forms.case_checks)
    case_widths = ",".join(["15", "20", *(["5"] * n), str(65 - 5 * n)])
    findings = [
        [
            severity[f["severity"]],
            f["finding"]
            + (f"（{f['case_ref']}）" if ja and f["case_ref"] else "")
            + (f" ({f['case_ref']})" if not ja and f["case_ref"] else ""),
            f["action"],
            f["owner_name"] or "",
            f["due_date"] or "",
            (f["done_at"] or "")[:10] or ("未了" if ja else "open"),
        ]
        for f in audit["findings"]
    ]
    xml = render_template(
        "internal_audit.xml.j2",
        institution=institution,
        t=t,
        scope=scope,
        population_head=["部局", "母集団", "抽出"] if ja else ["Department", "Cases", "Sampled"],
        population=population,
        programme_head=["遵守基準の要素", "規程の条", "結果", "所見"]
        if ja
        else ["Standards element", "ICP articles", "Result", "Note"],
        programme=programme,
        checks=checks,
        case_head=[
            "案件番号" if ja else "Case",
            "部局" if ja else "Department",
            *[str(i) for i in range(1, n + 1)],
            "所見" if ja else "Note",
        ],
        case_widths=case_widths,
        cases=cases,
        findings_head=["区分", "指摘", "是正措置", "担当", "期限", "完了"]
        if ja
        else ["Severity", "Finding", "Corrective action", "Owner", "Due", "Done"],
        findings=findings,
        summary=audit["summary"] or ("（未記入）" if ja else "(not yet written)"),
    )
    story = DocBuilder(lang).build(xml)
    return render(story, footer=t["title"], lang=lang, title=t["title"], toc=False)
