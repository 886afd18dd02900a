"""A one-line label drawn as large as its theme says, smaller only when the panel lacks room.

A queue number in 220 px type fits a 1920x1080 panel; on a 1366x768 one the layout had less
height for it than the font's line, and a QLabel then cuts the glyphs' tops and tails. This
label asks for its full size but accepts less, and draws its text at the largest pixel size
that fits the box it was given: always whole, never clipped.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FittingLabel(QLabel):
    def __init__(self, smallest: float = 0.35, parent: QWidget | None = None) -> None:
        """``smallest``: the share of the themed size the layout may shrink the text to."""
        super().__init__(parent)
        self._smallest = smallest
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        full = self.sizeHint()
        return QSize(math.ceil(full.width() * self._smallest),
                     math.ceil(full.height() * self._smallest))  # fmt: skip

    def drawn_font(self) -> QFont:
        """The label's font at the size its text is drawn in the room it has."""
        font = QFont(self.font())
        text = self.text()
        room = self.contentsRect()
        metrics = QFontMetrics(font)
        wide, high = metrics.horizontalAdvance(text), metrics.height()
        if not text or wide <= 0 or high <= 0:
            return font
        ratio = min(1.0, room.width() / wide, room.height() / high)
        if ratio < 1.0:
            size = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 4 / 3)
            font.setPixelSize(max(1, math.floor(size * ratio)))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.drawn_font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.text())
        painter.end()
