"""The annual report's content as plain values: tables already in one language, the
office's text per section (or a default drafted from the figures)."""

from __future__ import annotations

from dataclasses import dataclass, field

SECTIONS: tuple[str, ...] = (
    "overview",
    "activities",
    "countries",
    "departments",
    "turnaround",
    "screening",
    "licences",
)
MAX_TEXT = 4000

HEADINGS: dict[str, tuple[str, str]] = {
    "overview": ("概況", "Overview"),
    "activities": ("活動別の件数", "Cases by activity"),
    "countries": ("仕向地の国グループ別の件数", "Cases by destination country group"),
    "departments": ("部局別の件数と審査期間", "Cases and review time by department"),
    "turnaround": ("審査期間の分布", "Distribution of review time"),
    "screening": ("外国ユーザーリストとの照合", "End User List screening"),
    "licences": ("許可申請", "Licence applications"),
}


def heading(section: str, lang: str) -> str:
    ja, en = HEADINGS[section]
    return ja if lang == "ja" else en


@dataclass
class Row:
    label: str
    values: list[str]


@dataclass
class Chart:
    """Bars (one series, or stacked series) with the category labels under them."""

    categories: list[str]
    series: list[tuple[str, list[int]]]  # (series name, one value per category)
    horizontal: bool = False


@dataclass
class Table:
    header: list[str]
    rows: list[Row]
    widths: str = ""


@dataclass
class ReportData:
    lang: str
    year: int
    institution: str
    office: str
    period_text: str
    prepared_on: str
    total: int
    tables: dict[str, list[Table]] = field(default_factory=dict)
    charts: dict[str, Chart] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    default_texts: dict[str, str] = field(default_factory=dict)

    def text(self, section: str) -> str:
        return self.texts.get(section) or self.default_texts.get(section, "")


def check_text(section: str, body: str) -> str:
    """A section text the office may save: known section, not over-long, no control codes."""
    if section not in SECTIONS:
        raise ValueError(f"unknown section {section}")
    cleaned = body.replace("\r\n", "\n").strip()
    if len(cleaned) > MAX_TEXT:
        raise ValueError(f"longer than {MAX_TEXT} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in cleaned):
        raise ValueError("contains control characters")
    return cleaned


def paragraphs(text: str) -> list[list[str]]:
    """Paragraphs (split at blank lines), each a list of lines."""
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [[line for line in b.strip().split("\n")] for b in blocks]
