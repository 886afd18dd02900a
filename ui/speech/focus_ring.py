"""The focus ring of the keypad path: drawn over the whole window around the focused control.

Drawn here rather than in each widget's style sheet: tiles, reason cards, keyboard keys and the
verdict paint themselves in many ways, and a QSS border would move their contents. The ring is
two-tone, an outer band of near-black and an inner band of white, each ``BAND`` px wide: any
background contrasts at least 3:1 (WCAG 1.4.11) with one of them, on the light theme and on the
dark accessible one alike.
"""

from __future__ import annotations

from typing import Final

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

BAND: Final = 4  # px of each colour: the ring is 8 px, at least 3 px of which always contrast
OUTER: Final = QColor("#101010")
INNER: Final = QColor("#FFFFFF")
RADIUS: Final = 16


class FocusRing(QWidget):
    """Call :meth:`follow` with the focused control (None: no ring)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target: QWidget | None = None
        self._drawn = QRect()
        window.installEventFilter(self)
        self.hide()

    @property
    def target(self) -> QWidget | None:
        return self._target

    def follow(self, target: QWidget | None) -> None:
        if self._target is not None and shiboken6.isValid(self._target):
            self._target.removeEventFilter(self)
        self._target = target
        if target is None:
            self.update(self._drawn)
            self.hide()
            return
        target.installEventFilter(self)
        self._place()

    def _place(self) -> None:
        window = self.parentWidget()
        target = self._target
        if window is None or target is None or not shiboken6.isValid(target):
            self.hide()
            return
        if self.geometry() != window.rect():
            self.setGeometry(window.rect())
        self.setVisible(target.isVisible())
        self.raise_()
        # only where the ring was and where it goes: the ring covers the whole window
        self.update(self._drawn)
        self._drawn = self.ring_rect().toAlignedRect().adjusted(-BAND, -BAND, BAND, BAND)
        self.update(self._drawn)

    def ring_rect(self) -> QRectF:
        """Around the target, outside it: the ring never covers what it marks."""
        target, window = self._target, self.parentWidget()
        if target is None or window is None:
            return QRectF()
        # the ring covers the window exactly: the window's coordinates are the ring's
        top_left = target.mapTo(window, target.rect().topLeft())
        box = QRectF(top_left.x(), top_left.y(), target.width(), target.height())
        return box.adjusted(-BAND, -BAND, BAND, BAND)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._target is None:
            return
        painter = QPainter(self)
        paint_ring(painter, self.ring_rect())
        painter.end()


def paint_ring(painter: QPainter, box: QRectF) -> None:
    """The two bands around ``box`` (the widget's rect grown by ``BAND``): also drawn by lists
    around their current row, which the window's ring cannot single out."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    outer = box.adjusted(-BAND / 2, -BAND / 2, BAND / 2, BAND / 2)
    inner = box.adjusted(BAND / 2, BAND / 2, -BAND / 2, -BAND / 2)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(OUTER, BAND))
    painter.drawRoundedRect(outer, RADIUS + BAND, RADIUS + BAND)
    painter.setPen(QPen(INNER, BAND))
    painter.drawRoundedRect(inner, RADIUS, RADIUS)
    painter.restore()
