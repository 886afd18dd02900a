"""The screen nobody is using: time, date, what's on next, and the invitation to touch."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QMouseEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ports import Clock
from ui.events.events_column import EventsColumn
from ui.events_feed import EventsFeed
from ui.formatting import clock_time, long_date
from ui.notices.feed import NoticesFeed
from ui.notices.widgets import AnnouncementBanner, TourLine
from ui.screens.base import Screen
from ui.speech.narrator import TARGET
from ui.speech.phrase import Phrase, phrases
from ui.theme import ThemeController, named
from ui.widgets.drift import BurnInDrift
from ui.widgets.icon_label import IconLabel

MARGIN_X = 96
MARGIN_Y = 72


class AttractScreen(Screen):
    key = "attract"
    shows_bottom_bar = False
    idle_applies = False

    start_requested = Signal()
    event_requested = Signal(object)  # UpcomingEvent: its card was tapped
    # Emitted while the first frame is drawn (or the screen is left before it), before any
    # input can reach the window: what must see every key from then on is installed here.
    first_frame = Signal()
    first_painted = Signal()  # once that frame is out (the event loop went round)

    def __init__(
        self,
        feed: EventsFeed,
        theme: ThemeController,
        clock: Clock,
        kiosk_name: str,
        max_events: int,
        drift: BurnInDrift | None = None,
        notices: NoticesFeed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._theme = theme
        self._offset = (0, 0)
        self._painted = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Enter on a keypad starts
        self.setProperty(TARGET, True)
        self.drift = drift or BurnInDrift(parent=self)
        self.drift.moved.connect(self._apply_offset)

        self.name = named(QLabel(kiosk_name), "attractName")
        self.clock = named(QLabel(), "attractClock")
        self.date = named(QLabel(), "attractDate")

        self.invite = named(QFrame(), "invitation")
        touch_icon = IconLabel(theme, "hand-click", 64, colour="on_accent", stroke=1.75)
        touch_icon.setObjectName("invitationIcon")
        self._touch_icon = touch_icon
        self.touch = named(QLabel(), "invitationTitle")
        self.touch.setWordWrap(True)
        badge_icon = IconLabel(theme, "id-badge-2", 44, colour="on_accent", stroke=1.75)
        self.badge = named(QLabel(), "invitationBadge")
        self.badge.setWordWrap(True)
        badge_row = QHBoxLayout()
        badge_row.setSpacing(16)
        badge_row.addWidget(badge_icon)
        badge_row.addWidget(self.badge, 1)
        texts = QVBoxLayout()
        texts.setSpacing(14)
        texts.addWidget(self.touch)
        texts.addLayout(badge_row)
        invite_row = self._invite_row = QHBoxLayout(self.invite)
        invite_row.addWidget(touch_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        invite_row.addLayout(texts, 1)

        self.date.setWordWrap(True)
        # staff's announcements and the Smart Tour's next stop (hidden when there is none)
        self.banner = AnnouncementBanner(notices, theme) if notices is not None else None
        self.tour = TourLine(notices, theme) if notices is not None else None
        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.name)
        left.addStretch(2)
        left.addWidget(self.clock)
        left.addWidget(self.date)
        left.addStretch(3)
        left.addWidget(self.invite)

        self.events_title = named(QLabel(), "attractEventsTitle")
        self.events_title.setWordWrap(True)
        events_icon = IconLabel(theme, "calendar-event", 40, colour="events")
        title_row = QHBoxLayout()
        title_row.setSpacing(16)
        title_row.addWidget(events_icon)
        title_row.addWidget(self.events_title, 1)
        self.events = EventsColumn(feed, theme, clock, max_events)
        right = QVBoxLayout()
        right.setSpacing(28)
        right.addLayout(title_row)
        right.addWidget(self.events, 1)
        if self.tour is not None:  # the tour's next stop closes the programme
            right.addWidget(self.tour)
        self._right = QWidget()
        self._right.setLayout(right)
        self._right.setVisible(max_events > 0)
        self._shows_events = max_events > 0
        self.aside: QWidget | None = None  # shown instead of the programme while set

        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addLayout(left, 15)
        self._row.addWidget(self._right, 20)
        # staff's announcement above both columns: read first, whatever the orientation
        self._page = QVBoxLayout(self)
        self._page.setContentsMargins(0, 0, 0, 0)  # the widget's margins carry the drift
        if self.banner is not None:
            self._page.addWidget(self.banner)
        self._page.addLayout(self._row, 1)
        theme.changed.connect(self._resize_for_screen)
        self._resize_for_screen()

        self._minute = QTimer(self, singleShot=True)
        self._minute.timeout.connect(self._tick)
        self._tick()
        self.retranslate()

    def set_aside(self, widget: QWidget | None) -> None:
        """Show ``widget`` where the programme is (« Comment était … ? » after an event), or
        the programme again (None)."""
        if widget is self.aside:
            return
        if self.aside is not None:
            self._row.removeWidget(self.aside)
            self.aside.hide()
        self.aside = widget
        if widget is not None:
            self._row.insertWidget(1, widget, 20)
            widget.show()
        self._right.setVisible(widget is None and self._shows_events)

    def spoken(self) -> list[Phrase]:
        aside = getattr(self.aside, "spoken", None)
        return phrases(
            self.name.text(),
            *[
                w.text.text()
                for w in (self.banner, self.tour)
                if w is not None and not w.isHidden()
            ],
            self.touch.text(),
            self.badge.text(),
            self.tr("Ou appuyez sur Entrée."),
        ) + (aside() if aside is not None and self.aside is not None else [])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The keypad's Enter starts, as a touch does (the narrator gives this screen focus)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.start_requested.emit()
        else:
            super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.touch.setText(self.tr("Touchez l’écran pour commencer"))
        self.badge.setText(self.tr("ou passez votre badge"))
        self.events_title.setText(self.tr("Prochains événements"))
        for notice in (self.banner, self.tour):
            if notice is not None:
                notice.retranslate()
        self._tick()

    def _tick(self) -> None:
        """Show the time, then wake up again just after the next minute starts."""
        now = self._clock.now()
        self.clock.setText(clock_time(now))
        self.date.setText(long_date(now))
        self._minute.start((60 - now.second) * 1000 - now.microsecond // 1000 + 50)

    def _resize_for_screen(self) -> None:
        px = self._theme.tokens.px
        self._touch_icon.setFixedSize(px(112), px(112))
        self._invite_row.setContentsMargins(px(40), px(40), px(44), px(40))
        self._invite_row.setSpacing(px(32))
        self._row.setSpacing(px(88))
        self._page.setSpacing(px(40))
        self._apply_offset(*self._offset)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Portrait (a totem): the clock and invitation above the programme, in one column."""
        super().resizeEvent(event)
        size = event.size()
        portrait = size.height() > size.width()
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def _apply_offset(self, dx: int, dy: int) -> None:
        self._offset = (dx, dy)
        mx, my = self._theme.tokens.px(MARGIN_X), self._theme.tokens.px(MARGIN_Y)
        self.setContentsMargins(mx + dx, my + dy, mx - dx, my - dy)

    def shown(self) -> None:
        self._tick()
        self.drift.start()

    def reset(self) -> None:
        self._tick()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._first_frame()

    def hideEvent(self, event: QHideEvent) -> None:
        # Left before it was ever drawn (a tap or a badge while the kiosk was starting): the
        # start goes on all the same, or the programme and the kiosk's services never came.
        super().hideEvent(event)
        self._first_frame()

    def _first_frame(self) -> None:
        if not self._painted:
            self._painted = True
            self.first_frame.emit()
            # Once the whole frame is drawn and shown: what waits for the first paint (the
            # database, the devices) would otherwise hold the GIL while the rest of it paints.
            QTimer.singleShot(0, self, self.first_painted.emit)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        # An event card looks tappable: a tap on it opens that event, anywhere else starts.
        local = self.events.mapFrom(self, event.position().toPoint())
        upcoming = self.events.event_at(local) if self.events.isVisible() else None
        if upcoming is not None:
            self.event_requested.emit(upcoming)
        else:
            self.start_requested.emit()
