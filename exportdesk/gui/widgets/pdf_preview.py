"""A scrolling preview of a PDF's pages, rendered with pdfium.

pdfium (pypdfium2) has wheels for Windows, macOS and Linux and needs no Qt
add-on, so the preview works with every PySide6 release we allow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


def render_pages(pdf: bytes, width: int, limit: int | None = None) -> list[QImage]:
    """Pages of `pdf` as images `width` pixels wide (at most `limit` pages)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images: list[QImage] = []
    try:
        count = len(doc) if limit is None else min(limit, len(doc))
        for index in range(count):
            page = doc[index]
            scale = width / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)
            # copy() below: the bitmap's memory goes away with the page
            fmt = QImage.Format.Format_RGBA8888
            if bitmap.n_channels == 3:
                fmt = QImage.Format.Format_RGB888
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
            images.append(image)
            page.close()
    finally:
        doc.close()
    return images


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


class PdfPreview(QScrollArea):
    """Pages one below the other, fitted to the view's width when loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._pages = QWidget()
        self._layout = QVBoxLayout(self._pages)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._pages)
        self.pages = 0

    def load(self, pdf: bytes) -> int:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        width = max(300, self.viewport().width() - 24)
        images = render_pages(pdf, width)
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            self._layout.addWidget(label)
        self.pages = len(images)
        return self.pages
