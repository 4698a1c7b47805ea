"""What a typed answer may hold: a length a sheet can print, characters the bundled
fonts can draw, dates in a plausible range. Checked on every save, from any entry point."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from exportdesk.domain.catalog import Question

TITLE_MAX = 200
LINE_MAX = 500
TEXT_MAX = 5000
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


def max_length(q: Question) -> int:
    if q.id == "title":
        return TITLE_MAX
    return TEXT_MAX if q.multiline else LINE_MAX


def undrawable(text: str) -> list[str]:
    """Characters the IPAex fonts have no glyph for and a printed sheet would show as
    boxes: pictographs and emoji, private-use and unassigned code points, controls."""
    bad = []
    for ch in text:
        cp = ord(ch)
        cat = unicodedata.category(ch)
        if ch in "\n\t":
            continue
        if (
            cat in ("Cc", "Cf", "Co", "Cs", "Cn")
            or 0x1F000 <= cp <= 0x1FAFF  # emoji and pictographs
            or 0x2600 <= cp <= 0x27BF  # miscellaneous symbols and dingbats
            or 0xFE00 <= cp <= 0xFE0F  # variation selectors (emoji presentation)
            or 0xE0000 <= cp <= 0xE007F  # tags
        ) and ch not in bad:
            bad.append(ch)
    return bad


def answer_problems(
    questions: dict[str, Question], answers: dict[str, Any]
) -> list[tuple[str, str]]:
    """(Japanese, English) texts for every answer that cannot be kept as typed."""
    problems: list[tuple[str, str]] = []
    for qid, value in answers.items():
        q = questions.get(qid)
        if q is None or value in (None, ""):
            continue
        label_ja, label_en = q.text.ja, q.text.en
        if q.type == "text" and isinstance(value, str):
            limit = max_length(q)
            if len(value) > limit:
                problems.append(
                    (
                        f"「{label_ja}」は{limit}文字以内にしてください（現在{len(value)}文字）",
                        f"'{label_en}' must be at most {limit} characters (now {len(value)})",
                    )
                )
            bad = undrawable(value)
            if bad:
                shown = " ".join(f"U+{ord(c):04X}" for c in bad[:5])
                problems.append(
                    (
                        f"「{label_ja}」に印刷できない文字（絵文字など：{shown}）があります",
                        f"'{label_en}' holds characters that cannot be printed"
                        f" (emoji or similar: {shown})",
                    )
                )
        elif q.type == "date" and isinstance(value, str):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                continue  # the facts check names malformed dates
            if not EARLIEST <= day <= LATEST:
                problems.append(
                    (
                        f"「{label_ja}」の日付 {value} は範囲外です（1900年〜2100年）",
                        f"'{label_en}': {value} is out of range (1900-2100)",
                    )
                )
    return problems
