"""Printed sheets: the check sheet, the review sheet and the written pledge, filled
from a case (or blank for paper use)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, PageBreak

from exportdesk.documents.pdf import DocBuilder, render
from exportdesk.documents.render import render_template
from exportdesk.domain.checksheet import CheckSheet, is_answered
from exportdesk.domain.countries import all_countries
from exportdesk.domain.dates import format_iso

if TYPE_CHECKING:  # pydantic models: only their names are needed here
    from exportdesk.domain.catalog import Catalog, Question

LABELS = {
    "ja": {
        "title": "事前確認シート",
        "review_title": "該非判定・取引審査票",
        "institution": "機関",
        "ref": "案件番号",
        "applicant": "申請者",
        "status": "状態",
        "forms": "フォーム版",
        "result": "確認の結果",
        "outcome": "結果",
        "transfer": "取引の類型",
        "reasons": "理由",
        "date": "日付",
        "signature": "署名",
        "yes": "はい",
        "no": "いいえ",
        "unknown": "不明",
        "screening_hits": "外国ユーザーリストとの照合",
        "entity": "掲載者",
        "matched": "一致した名称",
        "score": "スコア",
        "resolution": "判断",
        "list_version": "照合に用いたリストの版",
        "approvals": "承認",
        "step": "段階",
        "name": "氏名",
        "comment": "コメント",
        "no_screening": "照合結果は記録されていません。",
        "decision": "判断",
        "decision_reasons": "理由",
        "conditions": "条件",
        "blank_answer": "",
        "not_answered": "（未回答）",
        "decision_title": "輸出管理担当部署の判断",
        "decision_note": "この判断は担当部署から署名付きの判断ファイルで受け取ったものです。",
    },
    "en": {
        "title": "Check Sheet",
        "review_title": "Classification and Transaction Review Sheet",
        "institution": "Institution",
        "ref": "Reference",
        "applicant": "Applicant",
        "status": "Status",
        "forms": "Forms version",
        "result": "Result of the check",
        "outcome": "Outcome",
        "transfer": "Transfer type",
        "reasons": "Reasons",
        "date": "Date",
        "signature": "Signature",
        "yes": "Yes",
        "no": "No",
        "unknown": "Don't know",
        "screening_hits": "End User List screening",
        "entity": "Listed entity",
        "matched": "Matched name",
        "score": "Score",
        "resolution": "Resolution",
        "list_version": "List version used",
        "approvals": "Approvals",
        "step": "Step",
        "name": "Name",
        "comment": "Comment",
        "no_screening": "No screening result recorded.",
        "decision": "Decision",
        "decision_reasons": "Reasons",
        "conditions": "Conditions",
        "blank_answer": "",
        "not_answered": "(not answered)",
        "decision_title": "Decision of the export control office",
        "decision_note": "This decision was received from the office in a signed decision file.",
    },
}

BOX, TICK = "□", "■"


def _country_names(catalog: Catalog, lang: str) -> dict[str, str]:
    overrides = tuple((c, t.ja, t.en) for c, t in catalog.country_groups.display_names.items())
    return {c.code: c.name(lang) for c in all_countries(overrides)}


def format_answer(
    q: Question, value: Any, sheet: CheckSheet, lang: str, countries: dict[str, str]
) -> str:
    t = LABELS[lang]
    if not is_answered(value):
        return t["not_answered"]
    if q.type == "yes_no":
        return t["yes"] if value else t["no"]
    if q.type == "yes_no_unknown":
        return t.get(str(value), str(value))
    if q.type in ("choice", "multi"):
        labels = dict((oid, text[lang]) for oid, text in sheet.options(q))
        values = value if isinstance(value, list) else [value]
        return ("、" if lang == "ja" else "; ").join(labels.get(str(v), str(v)) for v in values)
    if q.type == "country":
        return f"{countries.get(value, value)} ({value})"
    if q.type == "percent":
        return f"{value}%"
    if q.type == "date" and isinstance(value, str) and len(value) == 10:
        return format_iso(value, lang)
    return str(value)


def blank_answer(q: Question, sheet: CheckSheet, lang: str) -> str:
    t = LABELS[lang]
    if q.type == "yes_no":
        return f"{BOX} {t['yes']}　{BOX} {t['no']}"
    if q.type == "yes_no_unknown":
        return f"{BOX} {t['yes']}　{BOX} {t['no']}　{BOX} {t['unknown']}"
    if q.type == "choice" and q.options:
        return "　".join(f"{BOX} {text[lang]}" for _oid, text in sheet.options(q))
    if q.type == "multi" and q.options_from in ("red_flags", "list_items"):
        return "\n".join(f"{BOX} {text[lang]}" for _oid, text in sheet.options(q))
    if q.type == "percent":
        return "　　　%"
    return ""


def check_sheet_sections(
    catalog: Catalog, answers: dict[str, Any], lang: str, blank: bool
) -> list[dict]:
    sheet = CheckSheet(catalog)
    countries = _country_names(catalog, lang)
    sections = []
    for section in catalog.check_sheet.sections:
        if not blank and not sheet.section_visible(section, answers):
            continue
        rows = []
        for q in section.questions:
            if blank:
                rows.append(
                    {
                        "question": q.text.get(lang),
                        "required": q.required,
                        "answer": blank_answer(q, sheet, lang),
                    }
                )
            elif sheet.visible(q, answers):
                rows.append(
                    {
                        "question": q.text.get(lang),
                        "required": q.required,
                        "answer": format_answer(q, answers.get(q.id), sheet, lang, countries),
                    }
                )
        sections.append({"title": section.title.get(lang), "rows": rows})
    return sections


def check_sheet_xml(
    catalog: Catalog,
    lang: str,
    *,
    answers: dict[str, Any] | None = None,
    determination: dict[str, Any] | None = None,
    ref: str = "",
    applicant: str = "",
    institution: str = "",
    status: str = "",
    show_title: bool = True,
) -> str:
    blank = answers is None
    det = None
    if determination:
        transfer = catalog.determination.transfer_types[determination["transfer_type"]].get(lang)
        det = {
            "outcome": determination["outcome_text"][lang],
            "transfer": transfer,
            "reasons": [r[lang] for r in determination["reasons"]],
        }
    t = dict(LABELS[lang])
    return render_template(
        "check_sheet.xml.j2",
        t=t | ({} if show_title else {"title": ""}),
        sections=check_sheet_sections(catalog, answers or {}, lang, blank),
        determination=det,
        blank=blank,
        ref=ref,
        applicant=applicant,
        institution=institution,
        status=status,
        forms_version=determination["forms_version"] if determination else catalog.version,
    ).replace("<h1></h1>", "")


def review_sheet_xml(
    catalog: Catalog,
    lang: str,
    *,
    case: dict[str, Any] | None = None,
    applicant: str = "",
    approvals: list[dict[str, Any]] | None = None,
    show_title: bool = True,
) -> str:
    from exportdesk.domain.workflow import STEP_TEXT

    t = LABELS[lang]
    review = (case or {}).get("review", {})
    countries = _country_names(catalog, lang)
    sections = []
    for section in catalog.review_sheet.sections:
        rows = []
        for item in section.items:
            rows.append(
                {
                    "question": item.text.get(lang),
                    "answer": _review_value(item, review, case, catalog, lang, countries),
                }
            )
        sections.append({"title": section.title.get(lang), "rows": rows})
    screening = review.get("screening") or {}
    hits = [
        {
            "entity": h.get("entity", ""),
            "matched": h.get("matched", ""),
            "score": str(h.get("score", "")),
            "resolution": h.get("resolution", ""),
        }
        for h in screening.get("hits", [])
    ]
    approval_rows = [
        {
            "step": STEP_TEXT.get(a["step"], (a["step"], a["step"]))[0 if lang == "ja" else 1]
            + (
                "" if a["action"] == "approve" else (" (差戻し)" if lang == "ja" else " (returned)")
            ),
            "name": a.get("user_name", ""),
            "date": format_iso(a["at"], lang),
            "comment": a.get("comment", ""),
        }
        for a in approvals or []
    ]
    if case is None:
        approval_rows = [
            {"step": STEP_TEXT[s][0 if lang == "ja" else 1], "name": "", "date": "", "comment": ""}
            for s in ("department", "office", "chief")
        ]
    return render_template(
        "review_sheet.xml.j2",
        t=t | {"title": t["review_title"] if show_title else ""},
        ref=(case or {}).get("ref", ""),
        applicant=applicant,
        forms_version=(case or {}).get("forms_version", catalog.version),
        sections=sections,
        screening=hits,
        screening_version=screening.get("list_version", ""),
        screening_none=t["no_screening"] if case is not None else "",
        approvals=approval_rows,
    ).replace("<h1></h1>", "")


def _review_value(
    item: Any,
    review: dict,
    case: dict | None,
    catalog: Catalog,
    lang: str,
    countries: dict[str, str],
) -> str:
    t = LABELS[lang]
    if case is None:  # blank form
        if item.type in ("yes_no",):
            return f"{BOX} {t['yes']}　{BOX} {t['no']}"
        if item.options:
            return "　".join(f"{BOX} {o.text.get(lang)}" for o in item.options)
        if item.type == "decision":
            return "\n".join(f"{BOX} {d.text.get(lang)}" for d in catalog.review_sheet.decisions)
        if item.type == "multi" and item.options_from == "exemptions":
            return "\n".join(f"{BOX} {e.name.get(lang)}" for e in catalog.exemptions.entries)
        if item.type == "categories":
            return f"{BOX} 1　{BOX} 2　{BOX} 3"
        return ""
    det = case.get("determination") or {}
    country = countries.get(case.get("counterpart_country", ""), "")
    if item.type == "readonly":
        activity = catalog.activity_by_id.get(case.get("activity", ""))
        values = {
            "title": case.get("title", ""),
            "applicant": case.get("applicant_name", ""),
            "activity": activity.name.get(lang) if activity else "",
            "counterpart": f"{case.get('counterpart_name', '')} / {country}",
            "subject": (case.get("answers", {}).get("technology_description") or "")
            + ("\n" if case.get("answers", {}).get("goods_description") else "")
            + (case.get("answers", {}).get("goods_description") or ""),
            "country_group": catalog.group_by_id[det["country_group"]].name.get(lang)
            if det.get("country_group")
            else "—",
        }
        return values.get(item.id, "")
    if item.type == "decision":
        decision = catalog.decision_by_id.get(case.get("decision") or "")
        return decision.text.get(lang) if decision else t["not_answered"]
    if item.id == "reasons":
        return case.get("decision_reasons") or t["not_answered"]
    if item.id == "conditions":
        return case.get("decision_conditions") or "—"
    if item.type == "screening":
        screening = review.get("screening") or {}
        if not screening:
            return t["no_screening"]
        version = screening.get("list_version", "")
        return f"{len(screening.get('hits', []))} ({t['list_version']}: {version})"
    value = review.get(item.id)
    if value is None or value == "" or value == []:
        return t["not_answered"]
    if item.type == "yes_no":
        return t["yes"] if value else t["no"]
    if item.options:
        labels = {o.id: o.text.get(lang) for o in item.options}
        if isinstance(value, dict):  # classification: {"choice": ..., "items": "5(1)"}
            choice = value.get("choice")
            return f"{labels.get(choice, choice)} {value.get('items', '')}".strip()
        return labels.get(value, str(value))
    if item.type == "multi" and item.options_from == "exemptions":
        return ("、" if lang == "ja" else "; ").join(
            catalog.exemption_by_id[e].name.get(lang) if e in catalog.exemption_by_id else e
            for e in value
        )
    if item.type == "categories":
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def pledge_xml(
    catalog: Catalog,
    *,
    institution: dict[str, str],
    president: dict[str, str],
    person: dict[str, Any] | None,
    categories: list[int] | None,
    date: str,
    kind: dict[str, str] | None = None,
) -> str:
    countries = _country_names(catalog, "ja")
    countries_en = _country_names(catalog, "en")
    cats = [
        {
            "id": c.id,
            "ja": c.short.ja,
            "en": c.short.en,
            "box": (TICK if categories and c.id in categories else BOX),
        }
        for c in catalog.resident_categories.entries
        if c.id in (1, 2)
    ]
    name = ""
    nationality = ""
    affiliation = ""
    if person:
        name = " ".join(x for x in (person.get("family_name"), person.get("given_name")) if x)
        if person.get("name_native"):
            name += f"（{person['name_native']}）"
        code = person.get("nationality", "")
        nationality = f"{countries.get(code, code)} / {countries_en.get(code, code)}"
        affiliation = _status_label(person.get("status") or "")
    return render_template(
        "pledge.xml.j2",
        institution_ja=institution["ja"],
        institution_en=institution["en"],
        president_ja=president["ja"],
        president_en=president["en"],
        categories=cats,
        none_box=TICK if categories is not None and person and not categories else BOX,
        date=date,
        name=name,
        nationality=nationality,
        affiliation=affiliation,
        kind_ja=(kind or {}).get("ja", ""),
        kind_en=(kind or {}).get("en", ""),
        footnote="類型3（国内において外国政府等の指示の下で行動する者）は、受入教員及び輸出管理担当部署が別途確認します。"
        " / Category 3 (acting in Japan under a foreign government's instructions)"
        " is confirmed separately"
        " by the host and the export control office.",
    )


def flowables(xml: str, lang: str) -> list[Flowable]:
    return DocBuilder(lang).build(xml)


def audit_stamp(head: dict[str, Any] | None) -> tuple[str, str]:
    """The printed line and the PDF keywords for the signed head of the audit chain."""
    if not head:
        return "", ""
    line = (
        f"監査記録 / Audit log #{head['seq']} {head['hash'][:16]}"
        f" · signature {head['signature'][:16]}"
    )
    return line, "exportdesk-audit-head " + json.dumps(head, sort_keys=True)


def case_pdf(
    case: dict[str, Any],
    catalog: Catalog,
    lang: str,
    institution: str,
    audit_head: dict[str, Any] | None = None,
) -> bytes:
    """The filled check sheet, and the review sheet once the office has the case.

    `audit_head`: the store's signed head, printed at the foot and kept in the keywords."""
    from exportdesk.domain.decision_view import office_decision
    from exportdesk.domain.workflow import status_text

    story = flowables(
        check_sheet_xml(
            catalog,
            lang,
            answers=case["answers"],
            determination=case.get("determination"),
            ref=case["ref"],
            applicant=case.get("applicant_name", ""),
            institution=institution,
            status=status_text(case["status"], lang),
        ),
        lang,
    )
    received = (case.get("review") or {}).get("office_approvals") is not None
    decided = office_decision(case, catalog, lang)
    if received and decided is not None:
        # The applicant's PC holds the office's decision, not its review sheet.
        story.append(PageBreak())
        story += flowables(
            render_template("decision.xml.j2", t=LABELS[lang], ref=case["ref"], d=decided),
            lang,
        )
    elif case["status"] not in ("draft",) and case.get("determination"):
        story.append(PageBreak())
        story += flowables(
            review_sheet_xml(
                catalog,
                lang,
                case=case,
                applicant=case.get("applicant_name", ""),
                approvals=case.get("approvals", []),
            ),
            lang,
        )
    title = f"{LABELS[lang]['title']} {case['ref']}"
    stamp, keywords = audit_stamp(audit_head)
    return render(
        story,
        footer=f"{institution} — {case['ref']}",
        lang=lang,
        title=title,
        toc=False,
        stamp=stamp,
        keywords=keywords,
    )


def pledge_pdf(
    catalog: Catalog,
    institution: dict[str, Any],
    person: dict[str, Any] | None,
    declaration: dict[str, Any] | None,
    kind: str | None = None,
) -> bytes:
    """A written pledge, filled with the person and their latest declaration if any.

    `kind` (entry, exit or change; see forms/people.yaml) names the occasion on the page.
    """
    profile = institution.get("profile") or {}
    president = profile.get("president_title") or {"ja": "学長", "en": "President"}
    categories = None
    date = ""
    if declaration:
        categories = [c for c in (1, 2, 3) if declaration.get(f"category_{c}")]
        day = declaration["declared_on"]
        date = f"{format_iso(day, 'ja')} / {format_iso(day, 'en')}"
    xml = pledge_xml(
        catalog,
        institution={"ja": institution.get("name_ja", ""), "en": institution.get("name_en", "")},
        president=president,
        person=person,
        categories=categories,
        date=date,
        kind=_pledge_kind(kind),
    )
    return render(
        flowables(xml, "ja"),
        footer=institution.get("name_ja", ""),
        lang="ja",
        title="誓約書 / Written Pledge",
        toc=False,
    )


def _status_label(status: str) -> str:
    """'博士課程学生 / Doctoral student' for a status id of forms/people.yaml; else as written."""
    from exportdesk.domain.people import default_people_rules

    rules = default_people_rules()
    if status not in {s.id for s in rules.statuses}:
        return status
    return f"{rules.label('statuses', status, 'ja')} / {rules.label('statuses', status, 'en')}"


def _pledge_kind(kind: str | None) -> dict[str, str] | None:
    if not kind:
        return None
    from exportdesk.domain.people import default_people_rules

    rules = default_people_rules()
    if kind not in {k.id for k in rules.pledge_kinds}:
        raise ValueError(kind)
    return {
        "ja": rules.label("pledge_kinds", kind, "ja"),
        "en": rules.label("pledge_kinds", kind, "en"),
    }


def blank_pdf(kind: str, catalog: Catalog, lang: str, institution: str = "") -> bytes:
    if kind == "check":
        xml = check_sheet_xml(catalog, lang, institution=institution)
    elif kind == "review":
        xml = review_sheet_xml(catalog, lang)
    else:
        raise ValueError(kind)
    return render(flowables(xml, lang), footer=institution, lang=lang, title=kind, toc=False)
