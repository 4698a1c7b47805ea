"""The project's date field: a line edit that reads dates as Japanese offices write them
(2026-12-01, 2026/12/01, 令和8年12月1日) and marks a date it cannot read."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from exportdesk.domain.dates import DateError, parse_optional_date


class DateEdit(QLineEdit):
    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setPlaceholderText("YYYY-MM-DD")
        self.setMaxLength(24)  # 令和8年12月1日（火） and the like are accepted too
        self.setFixedWidth(140)
        self.textChanged.connect(self._mark)

    def _mark(self, _text: str) -> None:
        bad = bool(self.text().strip()) and self.iso() is None
        self.setProperty("invalid", bad)
        self.setStyleSheet("QLineEdit { background: #fde2e2; }" if bad else "")

    def iso(self) -> str | None:
        """The date as 2026-12-01; None when empty, unfinished or impossible."""
        try:
            day = parse_optional_date(self.text())
        except DateError:
            return None
        return day.isoformat() if day else None

    def set_iso(self, value: str | None) -> None:
        if value != self.iso():
            self.setText(value or "")
