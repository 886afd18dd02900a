"""The check-in verdict, full bleed: colour, a shape that says it without colour, few words.

Everything is painted in one ``paintEvent`` (no child labels), so that the verdict is on
screen in a single paint pass well inside the 100 ms budget, and so that the benchmark can
time exactly that pass (``painted`` is emitted at its end). Only the walk-in offer has
buttons, as child widgets.

Shapes are told apart without colour (colour-blind visitors, a sunlit screen): a disc with a
check mark (come in), a triangle with an exclamation mark (attention), an octagon — the stop
sign — with a cross (not admitted), a ring of dots while the answer is on its way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from ui import resources
from ui.checkin.verdicts import Tone, VerdictView
from ui.speech.narrator import MODAL, TARGET
from ui.speech.phrase import Phrase, announce, phrases
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton

BUTTONS_WIDTH = 1200  # px of the 1920x1080 design: the walk-in offer's two buttons
BUTTONS_MARGIN = 64
BELOW_BUTTONS: Final = 88  # design px between the walk-in buttons and the countdown bar
ABOVE_BUTTONS: Final = 40  # the least between the last line of text and the buttons


@dataclass(frozen=True)
class Palette:
    background: str
    foreground: str


# Not the brand palette: these are signals, chosen to be told apart by everyone. Amber is a
# true yellow with dark text (the theme's orange "warning" is too close to red at 2 m).
PALETTES: Final = {
    Tone.GREEN: Palette("#18753C", "#FFFFFF"),  # 5.9:1
    Tone.AMBER: Palette("#FFC72C", "#161616"),  # 11.8:1
    Tone.RED: Palette("#CE0500", "#FFFFFF"),  # 5.3:1
    Tone.PENDING: Palette("#000091", "#FFFFFF"),  # 15.9:1
}

SHAPE_SIZE: Final = 300
MIN_SHAPE_SIZE: Final = 160
SMALLEST_SHAPE: Final = 64  # when even the smallest text needs the room: still seen, smaller
MIN_SHRINK: Final = 0.6  # of the theme's text sizes, when a long text must fit
GAP_AFTER_SHAPE: Final = 56
MARGIN: Final = 48
TEXT_FLAGS: Final = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
CONTENT_WIDTH: Final = 1560
BAR_HEIGHT: Final = 14  # the dismiss countdown, along the bottom edge
TICK_MS: Final = 50


@dataclass(frozen=True)
class VerdictLayout:
    width: int  # of the text column
    shape: int  # side of the shape's square
    top: int  # of the shape
    blocks: list[tuple[QFont, str, int]]  # font, text, gap after
    heights: list[int]
    gap_before_action: int

    @property
    def bottom(self) -> int:
        """Where the last line of text ends."""
        text = sum(self.heights) + sum(gap for *_, gap in self.blocks) + self.gap_before_action
        return self.top + self.shape + GAP_AFTER_SHAPE + text


class Shape:
    DISC = "disc"
    TRIANGLE = "triangle"
    OCTAGON = "octagon"
    RING = "ring"


SHAPES: Final = {
    Tone.GREEN: Shape.DISC,
    Tone.AMBER: Shape.TRIANGLE,
    Tone.RED: Shape.OCTAGON,
    Tone.PENDING: Shape.RING,
}


def shape_path(shape: str, box: QRectF) -> QPainterPath:
    """The outline of ``shape`` fitted in ``box`` (a square)."""
    path = QPainterPath()
    c, r = box.center(), box.width() / 2
    if shape == Shape.TRIANGLE:
        top, base = box.top() + r * 0.12, box.bottom() - r * 0.14
        half = (base - top) / math.sqrt(3)
        path.moveTo(c.x(), top)
        path.lineTo(c.x() + half, base)
        path.lineTo(c.x() - half, base)
        path.closeSubpath()
    elif shape == Shape.OCTAGON:
        for k in range(8):
            a = math.radians(22.5 + 45 * k)
            point = QPointF(c.x() + r * math.cos(a), c.y() + r * math.sin(a))
            path.moveTo(point) if k == 0 else path.lineTo(point)
        path.closeSubpath()
    else:
        path.addEllipse(box)
    return path


def paint_shape(
    painter: QPainter, shape: str, box: QRectF, background: QColor, foreground: QColor
) -> None:
    """The verdict's shape filled with ``foreground``, its glyph cut in ``background``."""
    painter.save()
    outline = shape_path(shape, box)
    if shape == Shape.RING:
        painter.setPen(QPen(foreground, 16))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(shape_path(Shape.DISC, box.adjusted(8, 8, -8, -8)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(foreground)
        c, d = box.center(), box.width() * 0.2
        for dx in (-d, 0.0, d):
            painter.drawEllipse(QPointF(c.x() + dx, c.y()), 18, 18)
        painter.restore()
        return
    painter.setPen(
        QPen(
            foreground,
            box.width() * 0.047,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
    )
    painter.setBrush(foreground)
    painter.drawPath(outline)
    s, x0, y0 = box.width(), box.left(), box.top()
    glyph = QPen(
        background,
        s * 0.11,
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )
    painter.setPen(glyph)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if shape == Shape.DISC:
        mark = QPainterPath(QPointF(x0 + s * 0.28, y0 + s * 0.52))
        mark.lineTo(x0 + s * 0.44, y0 + s * 0.68)
        mark.lineTo(x0 + s * 0.73, y0 + s * 0.36)
        painter.drawPath(mark)
    elif shape == Shape.TRIANGLE:
        cx = box.center().x()
        painter.drawLine(QPointF(cx, y0 + s * 0.40), QPointF(cx, y0 + s * 0.62))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawEllipse(QPointF(cx, y0 + s * 0.76), s * 0.065, s * 0.065)
    else:
        a, b = s * 0.33, s * 0.67
        painter.drawLine(QPointF(x0 + a, y0 + a), QPointF(x0 + b, y0 + b))
        painter.drawLine(QPointF(x0 + b, y0 + a), QPointF(x0 + a, y0 + b))
    painter.restore()


class VerdictPanel(QWidget):
    touched = Signal()  # a tap outside the buttons: "I have read it"
    accepted = Signal()  # the primary button (M'inscrire, Confirmer)
    declined = Signal()  # the secondary button (Non merci, Annuler)
    painted = Signal()  # the end of a paint pass (benchmarks, tests)

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        # The keys stay on the verdict while it is up; it takes them itself when it has no
        # buttons (ui.speech.narrator).
        self.setProperty(MODAL, True)
        self.setProperty(TARGET, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)  # we paint every pixel
        self._theme = theme
        self._view: VerdictView | None = None
        self._rehearsing = False  # drawing off screen (rehearse_paint): no `painted`
        self._total_ms = 0
        self._left_ms = 0
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._on_tick)

        # Icons drawn here in the verdict's own colours, not the theme's (see 60-checkin.qss).
        self.accept_button = TouchButton(theme, None, role="verdict", icon_size=48)
        self.accept_button.setObjectName("verdictAccept")
        self.accept_button.clicked.connect(self.accepted)
        self.decline_button = TouchButton(theme, None, role="verdict", icon_size=44)
        self.decline_button.setObjectName("verdictDecline")
        self.decline_button.clicked.connect(self.declined)
        self._buttons = QWidget(self)
        row = QHBoxLayout(self._buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(32)
        row.addWidget(self.decline_button, 2)
        row.addWidget(self.accept_button, 3)
        self._outer = outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self._buttons, 0, Qt.AlignmentFlag.AlignHCenter)
        self._below = QSpacerItem(0, BELOW_BUTTONS)  # at the panel's scale: see _fit
        outer.addSpacerItem(self._below)
        # 1200 px of the design, never wider than the panel less its margins: a fixed 1200 px
        # row ran off both edges of a 1080 px portrait panel
        self._buttons.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._buttons.hide()
        self._theme = theme
        theme.changed.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        tokens = self._theme.tokens
        side = tokens.px(BUTTONS_MARGIN)
        self._outer.setContentsMargins(side, 0, side, 0)
        self._buttons.setMaximumWidth(tokens.px(BUTTONS_WIDTH))
        self._below.changeSize(0, tokens.px(BELOW_BUTTONS))
        self._outer.invalidate()
        self.update()

    # -- what is shown --------------------------------------------------------------------

    @property
    def view(self) -> VerdictView | None:
        return self._view

    @property
    def shape(self) -> str | None:
        return SHAPES[self._view.tone] if self._view is not None else None

    def spoken(self) -> list[Phrase]:
        """The verdict as shown; the first name only into a headset (Phrase.personal)."""
        view = self._view
        if view is None:
            return []
        public = view.public_title or view.title
        said = [Phrase(public, view.title if view.title != public else "")]
        said += phrases(*view.details, view.action)
        if view.offer_walk_in:
            said += phrases(self.decline_button.text().strip(), self.accept_button.text().strip())
        return said

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter, Space or Échap on the keypad: "I have heard it", as a tap anywhere."""
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Escape)
        if event.key() in keys:
            self.touched.emit()
        else:
            super().keyPressEvent(event)

    def show_view(
        self,
        view: VerdictView,
        *,
        timeout_ms: int = 0,
        accept_text: str = "",
        decline_text: str = "",
        accept_icon: str = "user-plus",
    ) -> None:
        """Paint ``view``; with ``timeout_ms`` a bar along the bottom shows the time left."""
        self._view = view
        self._total_ms = self._left_ms = timeout_ms
        if timeout_ms > 0:
            self._tick.start()
        else:
            self._tick.stop()
        if view.offer_walk_in:
            # The offer is amber: a dark filled button and a dark outlined one (60-checkin.qss).
            self.accept_button.setText(f"  {accept_text}")  # room between icon and text
            self.accept_button.setIcon(resources.icon(accept_icon, "#FFFFFF", 48))
            self.decline_button.setText(f"  {decline_text}")
            self.decline_button.setIcon(resources.icon("x", "#161616", 44))
            self._buttons.show()
        else:
            self._buttons.hide()
        self.update()
        announce(self)

    def clear(self) -> None:
        self._view = None
        self._tick.stop()
        self._buttons.hide()

    def _on_tick(self) -> None:
        self._left_ms = max(0, self._left_ms - TICK_MS)
        if self._left_ms == 0:
            self._tick.stop()
        self.update(self._bar_rect())

    # -- input ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.touched.emit()

    # -- painting -------------------------------------------------------------------------

    def _bar_rect(self) -> QRect:
        return QRect(0, self.height() - BAR_HEIGHT, self.width(), BAR_HEIGHT)

    def _fonts(self, title_shrink: float = 1.0, shrink: float = 1.0) -> tuple[QFont, QFont, QFont]:
        """The title's, the details' and the action's fonts; the title gives up its size
        (``title_shrink``) before the lines under it (``shrink``)."""
        tokens = self._theme.tokens
        scale = tokens.font_size / 24  # the accessible theme's text is larger
        title = QFont(tokens.font_family)
        title.setPixelSize(round(84 * scale * title_shrink))
        title.setWeight(QFont.Weight.Bold)
        details = QFont(tokens.font_family)
        details.setPixelSize(round(46 * scale * shrink))
        details.setWeight(QFont.Weight.DemiBold)
        action = QFont(tokens.font_family)
        # what to do next is read last and from furthest: never smaller than the body text
        action.setPixelSize(max(tokens.font_size, round(38 * scale * shrink)))
        action.setWeight(QFont.Weight.Medium)
        return title, details, action

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        view = self._view
        tone = view.tone if view is not None else Tone.PENDING
        colours = PALETTES[tone]
        background, foreground = QColor(colours.background), QColor(colours.foreground)
        painter.fillRect(event.rect(), background)
        if view is not None and not event.rect().intersected(self._content_rect()).isEmpty():
            self._paint_content(painter, view, background, foreground)
        if self._total_ms > 0:
            bar = self._bar_rect()
            shade = QColor(foreground)
            shade.setAlphaF(0.25)
            painter.fillRect(bar, shade)
            done = QRect(bar)
            done.setWidth(round(bar.width() * self._left_ms / self._total_ms))
            painter.fillRect(done, foreground)
        painter.end()
        if not self._rehearsing:
            self.painted.emit()

    def rehearse_paint(self, view: VerdictView) -> None:
        """Draw ``view`` once off screen, at the panel's size, and forget it: the first
        visitor's verdict then finds the fonts at its sizes loaded, their glyphs and the shapes'
        paths made (its first paint took 21 ms against 6 for the others, in
        ``bench/checkin_scan_verdict.py``). Nothing is shown, nor said, nor kept."""
        picture = QPixmap(self.size())
        kept = (self._view, self._total_ms, self._left_ms)
        self._view, self._total_ms, self._left_ms = view, 1, 1
        self._rehearsing = True
        try:
            self.render(picture)
        finally:
            self._rehearsing = False
            self._view, self._total_ms, self._left_ms = kept

    def _content_rect(self) -> QRect:
        return self.rect().adjusted(0, 0, 0, -BAR_HEIGHT)

    def layout_for(self, view: VerdictView) -> VerdictLayout:
        """Where everything goes: the shape shrinks first, then the text, so that long
        sentences in the accessible theme never run under the walk-in buttons."""
        width = min(CONTENT_WIDTH, self.width() - 160)
        tokens = self._theme.tokens
        reserved = (
            self._buttons.sizeHint().height() + tokens.px(BELOW_BUTTONS + ABOVE_BUTTONS)
            if view.offer_walk_in
            else 0
        )
        room = self.height() - BAR_HEIGHT - reserved - 2 * MARGIN
        title_shrink, shrink, shape = 1.0, 1.0, SHAPE_SIZE
        while True:
            fonts = self._fonts(title_shrink, shrink)
            blocks = [(fonts[0], view.title, 40)]
            blocks += [(fonts[1], line, 12) for line in view.details]
            if view.action:
                blocks.append((fonts[2], view.action, 0))
            heights = [
                QFontMetrics(font)
                .boundingRect(QRect(0, 0, width, 10_000), TEXT_FLAGS, text)
                .height()
                for font, text, _ in blocks
            ]
            gap_before_action = 28 if view.details and view.action else 0
            text = sum(heights) + sum(gap for *_, gap in blocks) + gap_before_action
            # the shape's floor at the panel's scale: 160 px of a 768 px panel pushed a waiting
            # list's offer (title, event, place) under « M’inscrire »
            least = tokens.px(MIN_SHAPE_SIZE)
            shape = max(least, min(SHAPE_SIZE, room - text - GAP_AFTER_SHAPE))
            content = shape + GAP_AFTER_SHAPE + text
            if content <= room:
                break
            if shrink <= MIN_SHRINK:  # the words come first: the shape gives up its floor
                shape = max(SMALLEST_SHAPE, room - text - GAP_AFTER_SHAPE)
                content = shape + GAP_AFTER_SHAPE + text
                break
            if title_shrink > MIN_SHRINK:  # the title is the largest: it gives way first
                title_shrink = max(MIN_SHRINK, title_shrink - 0.05)
            else:
                shrink = max(MIN_SHRINK, shrink - 0.05)
        top = max(MARGIN, MARGIN + (room - content) // 2)
        return VerdictLayout(width, shape, top, blocks, heights, gap_before_action)

    def _paint_content(
        self, painter: QPainter, view: VerdictView, background: QColor, foreground: QColor
    ) -> None:
        layout = self.layout_for(view)
        box = QRectF((self.width() - layout.shape) / 2, layout.top, layout.shape, layout.shape)
        paint_shape(painter, SHAPES[view.tone], box, background, foreground)
        y = layout.top + layout.shape + GAP_AFTER_SHAPE
        left = (self.width() - layout.width) // 2
        painter.setPen(foreground)
        last = len(layout.blocks) - 1
        for n, ((font, text, gap), height) in enumerate(
            zip(layout.blocks, layout.heights, strict=True)
        ):
            if view.action and n == last:
                y += layout.gap_before_action
            painter.setFont(font)
            painter.drawText(QRect(left, y, layout.width, height), TEXT_FLAGS, text)
            y += height + gap

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.update()
