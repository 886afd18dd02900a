"""The attract screen's short list of upcoming events: as many cards as fit, painted in one go.

The card painter loads with the first events (after the first paint): the empty column the
attract screen first paints needs none of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.domain import UpcomingEvent
from kiosk.ports import Clock
from ui import resources
from ui.events_feed import EventsFeed, FeedState
from ui.theme import ThemeController

if TYPE_CHECKING:
    from ui.events.event_card import EventCardPainter

SPACING = 20


class EventsColumn(QWidget):
    def __init__(
        self,
        feed: EventsFeed,
        theme: ThemeController,
        clock: Clock,
        max_events: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._feed = feed
        self._theme = theme
        self._clock = clock
        self._max = max_events
        self._painter: EventCardPainter | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        feed.changed.connect(self.update)
        theme.changed.connect(self._theme_changed)

    def _theme_changed(self) -> None:
        self._painter = None
        self.update()

    def _card_painter(self) -> EventCardPainter:
        if self._painter is None:
            from ui.events.event_card import EventCardPainter

            self._painter = EventCardPainter(self._theme.tokens, self.devicePixelRatioF())
        return self._painter

    def visible_count(self) -> int:
        """How many cards are shown now (limited by the setting and by the height)."""
        if self._feed.state is not FeedState.READY:
            return 0
        h = self._card_painter().height
        fit = max(0, (self.height() + SPACING) // (h + SPACING))
        return min(len(self._feed.events), self._max, fit)

    def event_at(self, pos: QPoint) -> UpcomingEvent | None:
        """The event whose card is drawn at ``pos`` (this widget's coordinates), if any."""
        if pos.x() < 0 or pos.x() >= self.width() or pos.y() < 0:
            return None
        h = self._card_painter().height
        row, offset = divmod(pos.y(), h + SPACING)
        if offset >= h or row >= self.visible_count():
            return None  # between two cards, or below the last one
        return self._feed.events[row]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        tokens = self._theme.tokens
        state = self._feed.state
        if state is FeedState.LOADING:
            p.end()
            return  # filled in when the worker reports back, a moment after start
        if state is FeedState.FAILED or not self._feed.events:
            if state is FeedState.FAILED:
                icon = "cloud-off"
                text = QCoreApplication.translate(
                    "AttractScreen", "Le programme n’est pas disponible pour le moment."
                )
            else:
                icon = "calendar-off"
                text = QCoreApplication.translate(
                    "AttractScreen", "Aucun événement prévu pour le moment."
                )
            pix = resources.pixmap(icon, tokens.text_muted, 56, self.devicePixelRatioF())
            p.drawPixmap(0, 8, pix)
            p.setPen(QColor(tokens.text_muted))
            p.setFont(self.font())
            p.drawText(
                QRect(80, 0, self.width() - 80, 72),
                Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                text,
            )
            p.end()
            return
        painter = self._card_painter()
        now = self._clock.now()
        y = 0
        for upcoming in self._feed.events[: self.visible_count()]:
            painter.paint(p, QRect(0, y, self.width(), painter.height), upcoming, now)
            y += painter.height + SPACING
        p.end()
