"""A finger signature pad: records strokes (not a picture) for :mod:`kiosk.collect.signature`.

Touch and mouse both draw (a touch screen delivers synthesized mouse events; real touch events
are taken first when the platform sends them). Points closer than :data:`MIN_STEP` px to the
previous one are dropped: a finger resting on the glass adds nothing to a signature but bytes.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.collect.signature import Point, Signature, from_strokes
from ui.theme import ThemeController

MIN_STEP: Final = 2  # px between two recorded points
PEN_WIDTH: Final = 4.0


class SignaturePad(QWidget):
    changed = Signal()  # a stroke was drawn or the pad cleared

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._strokes: list[list[Point]] = []
        self._drawing = False
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        # room for a signature (about 3 cm high on a kiosk panel), not more: on 1366x768 the
        # lines, the buttons and the privacy line need the rest of the column
        self.setMinimumSize(480, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        theme.changed.connect(self.update)

    # -- what was drawn -------------------------------------------------------------------

    @property
    def strokes(self) -> tuple[tuple[Point, ...], ...]:
        return tuple(tuple(s) for s in self._strokes if s)

    def signature(self) -> Signature | None:
        """The strokes as a signature, or None while the pad holds no real stroke."""
        drawn = from_strokes(max(1, self.width()), max(1, self.height()), self._strokes)
        return None if drawn.is_blank else drawn

    def clear(self) -> None:
        had = bool(self._strokes)
        self._strokes.clear()
        self._drawing = False
        self.update()
        if had:
            self.changed.emit()

    # -- drawing --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drawing = True
            self._strokes.append([self._point(event.position())])
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._drawing:
            return
        point = self._point(event.position())
        stroke = self._strokes[-1]
        last = stroke[-1]
        if abs(point[0] - last[0]) + abs(point[1] - last[1]) >= MIN_STEP:
            stroke.append(point)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.button() == Qt.MouseButton.LeftButton:
            self._drawing = False
            self.changed.emit()

    def _point(self, pos: QPointF) -> Point:
        x = min(max(round(pos.x()), 0), self.width() - 1)
        y = min(max(round(pos.y()), 0), self.height() - 1)
        return (x, y)

    def paintEvent(self, event: QPaintEvent) -> None:
        tokens = self._theme.tokens
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # the line to sign on, a third of the way up: where people expect to write
        baseline = self.height() * 2 // 3
        guide = QPen(QColor(tokens.border), 2, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        painter.drawLine(48, baseline, self.width() - 48, baseline)
        pen = QPen(QColor(tokens.text), PEN_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                x, y = stroke[0]
                painter.drawPoint(x, y)
                continue
            path = QPainterPath(QPointF(*stroke[0]))
            for x, y in stroke[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)
        painter.end()

    def draw_sample(self, strokes: list[list[Point]]) -> None:
        """Put ``strokes`` on the pad as if drawn (screenshots, tests)."""
        self._strokes = [list(s) for s in strokes]
        self.update()
        self.changed.emit()

    def sizeHint(self) -> QSize:
        return QSize(900, 280)
