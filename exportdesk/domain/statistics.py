"""Figures for the office's reports: periods, percentiles and tallies.

Pure Python over plain values; the store supplies the rows.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class PeriodError(ValueError):
    """A period that cannot be used; `ja`/`en` are ready to show."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.ja, self.en = ja, en

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Period:
    """Days `start` to `end`, both included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(
                "期間の終了日が開始日より前です。", "The period ends before it starts."
            )
        if (self.end - self.start).days > 366 * 20:
            raise PeriodError(
                "期間が長すぎます（20年まで）。", "The period is too long (20 years at most)."
            )

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        check_year(year)
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def fiscal_year(cls, year: int) -> Period:
        """Japan's fiscal year: April `year` to March `year + 1`."""
        check_year(year)
        return cls(dt.date(year, 4, 1), dt.date(year + 1, 3, 31))

    @property
    def lower(self) -> str:
        """Inclusive lower bound for ISO timestamps stored as text."""
        return self.start.isoformat()

    @property
    def upper(self) -> str:
        """Exclusive upper bound for ISO timestamps stored as text (the day after `end`)."""
        return (self.end + dt.timedelta(days=1)).isoformat()

    def months(self) -> list[str]:
        """Every month the period touches, as 'YYYY-MM', in order (empty months included)."""
        out, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise PeriodError(
            f"年は2000年から2100年の間で指定してください（{year}）。",
            f"The year must be between 2000 and 2100 ({year}).",
        )


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation between closest ranks.

    The same definition as a spreadsheet's PERCENTILE.INC, so the office can check a
    figure by hand; None for no values.
    """
    if not 0 <= q <= 100:
        raise ValueError("q must lie between 0 and 100")
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Turnaround:
    count: int
    median: float | None
    p90: float | None


def turnaround(days: Iterable[float]) -> Turnaround:
    values = list(days)
    return Turnaround(len(values), percentile(values, 50), percentile(values, 90))


def histogram(values: Iterable[float], edges: Sequence[float]) -> list[int]:
    """Counts per bin [edges[i], edges[i+1]); the last bin takes everything from its edge up."""
    counts = [0] * len(edges)
    for v in values:
        counts[max(bisect_right(edges, v) - 1, 0)] += 1
    return counts


# Turnaround bins in days, for the distribution chart.
TURNAROUND_EDGES: tuple[float, ...] = (0, 3, 7, 14, 30, 60, 90)


def bin_labels(edges: Sequence[float], lang: str) -> list[str]:
    labels = []
    for i, edge in enumerate(edges):
        if i + 1 < len(edges):
            nxt = edges[i + 1]
            labels.append(f"{edge:g}–{nxt:g}日" if lang == "ja" else f"{edge:g}–{nxt:g} d")
        else:
            labels.append(f"{edge:g}日以上" if lang == "ja" else f"≥ {edge:g} d")
    return labels
