"""Horizontal bars drawn with QPainter, each with its number beside it.

PySide6-Essentials has no QtCharts; the screen needs only bars (single or stacked),
labels that may be long Japanese names, the figures in plain sight, and a click on a
bar. A small painted widget does that with no dependency and draws in the
application's (IPAex) font.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

PALETTE = ("#3b6ea5", "#e08a2e", "#5a9e4b", "#b8483f", "#7d5ba6", "#8c6d46", "#c25d9a", "#777777")
ROW = 22
LEGEND_ROW = 18


@dataclass
class Bar:
    key: Any
    label: str
    values: list[float]  # one per series (stacked)

    @property
    def total(self) -> float:
        return sum(self.values)


class BarChart(QWidget):
    """Rows of bars; `clicked(key)` when a bar or its label is clicked."""

    clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.series: list[str] = []
        self.number_format = "{:g}"
        self.selected: Any = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_data(self, bars: list[Bar], series: list[str] | None = None) -> None:
        self.bars = bars
        self.series = series or []
        self.selected = None
        self.updateGeometry()
        self.update()

    def _legend_height(self) -> int:
        return LEGEND_ROW * ((len(self.series) + 2) // 3) if len(self.series) > 1 else 0

    def sizeHint(self) -> QSize:
        return QSize(400, self._legend_height() + ROW * max(len(self.bars), 1) + 12)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _geometry(self) -> tuple[int, int, int]:
        metrics = QFontMetrics(self.font())
        label_w = min(
            max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0) + 12,
            self.width() // 3,
        )
        number_w = max(
            (metrics.horizontalAdvance(self.number_format.format(b.total)) for b in self.bars),
            default=0,
        )
        bar_w = max(self.width() - label_w - number_w - 24, 10)
        return label_w, bar_w, number_w

    def row_at(self, pos: QPoint) -> int | None:
        row = (pos.y() - self._legend_height() - 6) // ROW
        return row if 0 <= row < len(self.bars) and pos.y() >= self._legend_height() else None

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        metrics = QFontMetrics(self.font())
        label_w, bar_w, _number_w = self._geometry()
        top = self._legend_height() + 6
        if len(self.series) > 1:
            col_w = max(self.width() // 3, 1)
            for i, name in enumerate(self.series):
                x = (i % 3) * col_w + 4
                y = (i // 3) * LEGEND_ROW + 3
                p.fillRect(x, y + 2, 10, 10, QColor(PALETTE[i % len(PALETTE)]))
                text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, col_w - 20)
                p.setPen(self.palette().text().color())
                p.drawText(x + 14, y + metrics.ascent(), text)
        peak = max((b.total for b in self.bars), default=0) or 1
        for row, bar in enumerate(self.bars):
            y = top + row * ROW
            if bar.key == self.selected:
                p.fillRect(0, y, self.width(), ROW, self.palette().highlight().color().lighter(170))
            p.setPen(self.palette().text().color())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(
                QRectF(0, y, label_w - 8, ROW),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            x = float(label_w)
            for i, value in enumerate(bar.values):
                width = bar_w * value / peak
                if width > 0:
                    p.fillRect(
                        QRectF(x, y + 4, max(width, 1.0), ROW - 8),
                        QColor(PALETTE[i % len(PALETTE)]),
                    )
                x += width
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(x + 6, y, self.width() - x - 6, ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.number_format.format(bar.total),
            )
        p.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint())
        if row is None:
            QToolTip.hideText()
            return
        bar = self.bars[row]
        parts = [f"{bar.label}: {self.number_format.format(bar.total)}"]
        if len(self.series) > 1:
            parts += [
                f"  {name}: {self.number_format.format(v)}"
                for name, v in zip(self.series, bar.values, strict=False)
                if v
            ]
        QToolTip.showText(event.globalPosition().toPoint(), "\n".join(parts), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(self.bars[row].key)

    def select(self, key: Any) -> None:
        """Select a bar as a click does (also for the keyboard and tests)."""
        self.selected = key
        self.update()
        self.clicked.emit(key)

    def bar_centre(self, key: Any) -> QPoint:
        """Where a bar's row is on screen (for tests that click it)."""
        for row, bar in enumerate(self.bars):
            if bar.key == key:
                return QPoint(self.width() // 2, self._legend_height() + 6 + row * ROW + ROW // 2)
        raise KeyError(key)
