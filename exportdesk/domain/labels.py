"""Words for the data's own codes, as a person reads them."""

from __future__ import annotations

CONFIDENCE: dict[str, tuple[str, str]] = {
    "confirmed": ("確認済み（一次資料）", "confirmed (primary source)"),
    "corroborated": ("裏付けあり（大学資料等）", "corroborated (university material)"),
    "unverified": ("未確認（機関で確認してください）", "unverified (check it locally)"),
}


def confidence_text(confidence: str, lang: str) -> str:
    ja, en = CONFIDENCE.get(confidence, (confidence, confidence))
    return ja if lang == "ja" else en
