"""Dates as people in Japanese offices type them, and as each interface language writes them.

    parse_date("2026/12/01") == parse_date("令和8年12月1日") == dt.date(2026, 12, 1)
    format_date(day, "ja") -> "2026年12月1日";  format_date(day, "en") -> "1 December 2026"

Accepted: 2026-12-01, 2026/12/01, 2026.12.01, 2026年12月1日, era dates in 令和/平成/昭和
(元年 for the first year, or the letters R/H/S: R8.12.1), full-width digits, and a weekday
in brackets after the date. A date outside its era (平成32年) is refused, not carried over.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Era name, Latin initial, first day. Each era ends the day before the next begins.
ERAS: tuple[tuple[str, str, dt.date], ...] = (
    ("令和", "R", dt.date(2019, 5, 1)),
    ("平成", "H", dt.date(1989, 1, 8)),
    ("昭和", "S", dt.date(1926, 12, 25)),
)

_WESTERN = re.compile(r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?")
_ERA = re.compile(
    r"(令和|平成|昭和|[RHS])\s*(元|\d{1,2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\s*[(（][月火水木金土日A-Za-z]{1,3}[)）]\s*$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
_MONTHS += ("September", "October", "November", "December")


class DateError(ValueError):
    """A date that cannot be understood, with the message in Japanese and English."""

    def __init__(self, text: str, ja: str, en: str) -> None:
        super().__init__(en)
        self.text = text
        self.ja = ja
        self.en = en

    def message(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en


def _bad(text: str, why_ja: str = "", why_en: str = "") -> DateError:
    return DateError(
        text,
        f"「{text}」は日付として読めません{why_ja}。"
        "2026/12/01、2026-12-01、令和8年12月1日 の形で入力してください。",
        f"'{text}' is not a date{why_en}. Write it as 2026-12-01, 2026/12/01 or 令和8年12月1日.",
    )


def _make(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _bad(text, "（存在しない日付です）", " (no such day)") from None


def parse_date(text: str) -> dt.date:
    """Read a date typed in any of the accepted forms; raise DateError otherwise."""
    original = text
    text = unicodedata.normalize("NFKC", text or "").strip()
    text = _WEEKDAY.sub("", text)
    if not text:
        raise _bad(original, "（空欄です）", " (it is empty)")
    if match := _WESTERN.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return _make(original, year, month, day)
    if match := _ERA.fullmatch(text):
        era_text, year_text, month, day = match.groups()
        index = next(
            i
            for i, (name, initial, _) in enumerate(ERAS)
            if era_text in (name, initial, initial.lower())
        )
        name, _initial, start = ERAS[index]
        era_year = 1 if year_text == "元" else int(year_text)
        if era_year < 1:
            raise _bad(original, "（元年より前です）", " (before the first year of the era)")
        day_ = _make(original, start.year + era_year - 1, int(month), int(day))
        end = ERAS[index - 1][2] if index > 0 else None
        if day_ < start or (end is not None and day_ >= end):
            raise _bad(
                original,
                f"（{name}の期間外です）",
                f" (outside the {name} era)",
            )
        return day_
    raise _bad(original)


def parse_optional_date(text: str | None) -> dt.date | None:
    """Like parse_date, but an empty entry means no date."""
    if text is None or not str(text).strip():
        return None
    return parse_date(str(text))


def era_of(day: dt.date) -> tuple[str, int]:
    """The Japanese era and the year within it, e.g. ("令和", 8)."""
    for name, _initial, start in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day} is before the eras ExportDesk knows")


def format_date(day: dt.date, lang: str, *, era: bool = False) -> str:
    """A date as the interface language writes it on paper."""
    if lang == "ja":
        if era:
            name, year = era_of(day)
            year_text = "元" if year == 1 else str(year)
            return f"{name}{year_text}年{day.month}月{day.day}日"
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_iso(text: str, lang: str) -> str:
    """Format the date part of a stored ISO timestamp ("2026-12-01T09:00:00Z"); "" stays ""."""
    if not text:
        return ""
    return format_date(dt.date.fromisoformat(text[:10]), lang)
