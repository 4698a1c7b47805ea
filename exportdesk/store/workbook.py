"""Excel workbooks the way an office expects them: headers in the interface language, dates as
real dates, columns wide enough to read, the header row frozen and filters switched on."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from typing import IO, Any

# How Excel shows a date or a time stamp in each interface language.
DATE_FORMATS = {"ja": "yyyy/mm/dd", "en": "yyyy-mm-dd"}
STAMP_FORMATS = {"ja": "yyyy/mm/dd hh:mm", "en": "yyyy-mm-dd hh:mm"}
MIN_WIDTH, MAX_WIDTH = 6, 60


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: full-width (Japanese) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def as_date(value: Any) -> dt.date | dt.datetime | Any:
    """A stored ISO date or UTC time stamp as a date Excel understands; anything else unchanged.

    Excel has no time zones: a stamp stays in UTC, and the header says so.
    """
    if not isinstance(value, str) or len(value) < 10:
        return value
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    return stamp.replace(microsecond=0)


def write_table(
    target: str | IO[bytes],
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    lang: str,
    date_columns: Iterable[int] = (),
) -> None:
    """One sheet named `title`: a bold frozen header with filters, then the rows.

    Cells of `date_columns` (0-based) holding ISO dates or time stamps become Excel dates.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    dates = set(date_columns)
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [display_width(str(h)) + 2 for h in headers]  # room for the filter button
    for values in rows:
        row = [as_date(v) if i in dates else v for i, v in enumerate(values)]
        ws.append(row)
        for i, value in enumerate(row):
            if isinstance(value, dt.datetime):
                shown = 16
            elif isinstance(value, dt.date):
                shown = 10
            else:
                longest = max(str(value if value is not None else "").splitlines() or [""], key=len)
                shown = display_width(longest)
            widths[i] = max(widths[i], shown)
    for index in dates:
        for (cell,) in ws.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
            if isinstance(cell.value, dt.datetime):
                cell.number_format = STAMP_FORMATS.get(lang, STAMP_FORMATS["en"])
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMATS.get(lang, DATE_FORMATS["en"])
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 1, MIN_WIDTH), MAX_WIDTH)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(target)
