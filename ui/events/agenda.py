"""Événements: the programme of the Smart Corner, read-only, in a kinetic-scrolling list.

By keys (the speech path): the keys reach the list, ↑/↓ move from event to event, each said
as the focus reaches it (kind, title, day and hours, place, seats), Enter opens its page,
which is said whole; Échap comes back to the same event in the list.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFocusEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QScroller,
    QScrollerProperties,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import UpcomingEvent
from kiosk.ports import BadgePresented, Clock
from kiosk.rgpd.notice import PrivacyTerms
from ui.events.event_card import EventCardPainter
from ui.events.event_detail import EventDetailPage
from ui.events.signup_desk import SignupDesk
from ui.events.signup_panel import SignupPanel
from ui.events.visitor_signup import VisitorSignupPage
from ui.events_feed import EventsFeed, FeedState
from ui.formatting import in_english, kind_label, long_date, seats_label, time_range
from ui.notices.feed import NoticesFeed
from ui.notices.widgets import TourStrip
from ui.screens.base import Screen
from ui.speech.focus_ring import BAND, paint_ring
from ui.speech.narrator import TARGET
from ui.speech.phrase import Phrase, announce, phrases
from ui.theme import Area, ThemeController, named
from ui.widgets.icon_label import IconLabel
from ui.widgets.kinetic import kinetic_page
from ui.widgets.screen_heading import screen_heading

ROW_GAP = 20
EventRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class EventListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events: list[UpcomingEvent] = []

    def set_events(self, events: list[UpcomingEvent]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        event = self._events[index.row()]
        if role == EventRole:
            return event
        if role == Qt.ItemDataRole.DisplayRole:
            return event.title_in(in_english())
        return None


class EventCardDelegate(QStyledItemDelegate):
    """Paints each row with the shared card painter: one widget for the whole list."""

    def __init__(self, theme: ThemeController, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._clock = clock
        self._painter: EventCardPainter | None = None
        theme.changed.connect(self._forget_painter)

    def _forget_painter(self) -> None:
        self._painter = None

    def _card(self) -> EventCardPainter:
        if self._painter is None:
            self._painter = EventCardPainter(self._theme.tokens)
        return self._painter

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), self._card().height + ROW_GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        event = index.data(EventRole)
        rect = option.rect.adjusted(0, 0, 0, -ROW_GAP)
        pressed = bool(option.state & QStyle.StateFlag.State_Sunken)
        self._card().paint(painter, rect, event, self._clock.now(), pressed=pressed)
        if option.state & QStyle.StateFlag.State_HasFocus:  # the keys' event (speech path)
            paint_ring(painter, QRectF(rect).adjusted(BAND, BAND, -BAND, -BAND))


def event_phrase(event: UpcomingEvent) -> str:
    """One event as a sentence: what the card shows, in reading order."""
    parts = [
        kind_label(event.kind),
        event.title_in(in_english()),
        long_date(event.starts_at),
        time_range(event.starts_at, event.ends_at),
        event.place,
        seats_label(event) or "",
    ]
    return ". ".join(p for p in parts if p)


class EventListView(QListView):
    """The programme's list; on the speech path ↑/↓ move along it and each event is said."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(TARGET, True)

    def spoken(self) -> list[Phrase]:
        index = self.currentIndex()
        event = index.data(EventRole) if index.isValid() else None
        if not isinstance(event, UpcomingEvent):
            return []
        where = self.tr("Événement {n} sur {count}").format(
            n=index.row() + 1, count=self.model().rowCount()
        )
        return phrases(event_phrase(event), where)

    def focusInEvent(self, event: QFocusEvent) -> None:
        model = self.model()
        if not self.currentIndex().isValid() and model.rowCount():
            self.setCurrentIndex(model.index(0, 0))
        super().focusInEvent(event)

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        self.scrollTo(current)
        if self.hasFocus():
            announce(self)


class AgendaScreen(Screen):
    key = "events"

    def __init__(
        self,
        feed: EventsFeed,
        theme: ThemeController,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        notices: NoticesFeed | None = None,
        desk: SignupDesk | None = None,
        privacy: PrivacyTerms | None = None,
    ) -> None:
        super().__init__(parent)
        self._feed = feed
        # the Smart Tour's next stops above the programme (hidden when none is planned)
        self.tour = TourStrip(notices, theme) if notices is not None else None
        self._desk = desk
        icon = IconLabel(theme, "calendar-event", 64, colour="events", stroke=1.75)
        icon.setProperty("area", Area.EVENTS.value)
        heading = screen_heading(icon, wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle
        self._heading_icon = icon
        header = heading.layout

        self.model = EventListModel(self)
        self.view = named(EventListView(), "eventList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(EventCardDelegate(theme, clock, self.view))
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._kinetic(self.view)

        self.empty = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "emptyState")
        self.empty.setWordWrap(True)
        self.signup = None if desk is None else SignupPanel(theme, desk)
        if self.signup is not None and desk is not None:
            self.signup.changed.connect(feed.refresh)
            self.signup.answered.connect(self._reveal_answer)
            desk.setParent(self)
        self.detail = EventDetailPage(theme, signup=self.signup)
        # « Je n'ai pas de badge »: a visitor signs up through the form (events open to them)
        self.visitor: VisitorSignupPage | None = None
        if self.signup is not None and desk is not None:
            self.visitor = VisitorSignupPage(theme, desk, privacy or PrivacyTerms.defaults())
            self.visitor.changed.connect(feed.refresh)
            self.visitor.finished.connect(self._back_to_event)
            self.signup.visitor_requested.connect(self._open_visitor_form)
        # The page scrolls: on a 1366x768 panel or in accessible mode its facts and the next
        # step are taller than the room under the heading, and a squeezed page cut them.
        # kinetic_page: a press reaches the buttons at once (once the page had scrolled to
        # show « Je n'ai pas de badge », a quick tap on it was held back by the scroller, lost)
        self.detail_scroll = kinetic_page(self.detail, "eventDetailScroll")
        self.view.clicked.connect(self._open_event)
        self.view.activated.connect(self._open_event)  # Enter on the speech path
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(96, 64, 96, 24)
        column.setSpacing(40)
        column.addLayout(header)
        if self.tour is not None:
            column.addWidget(self.tour)
        # In the screen's layout before its pages are added: a stacked layout with no widget
        # shows its first page as a window of its own, which flashed on screen and took the
        # keyboard focus away from the kiosk's window.
        self._body = QStackedLayout()
        column.addLayout(self._body, 1)
        self._body.addWidget(self.view)
        self._body.addWidget(self.empty)
        self._body.addWidget(self.detail_scroll)
        if self.visitor is not None:
            self._body.addWidget(self.visitor)

        feed.changed.connect(self._refresh)
        theme.changed.connect(self.view.doItemsLayout)
        self.retranslate()
        self._refresh()

    @staticmethod
    def _kinetic(view: QListView) -> None:
        QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(view.viewport())
        props = scroller.scrollerProperties()
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootWhenScrollable,
        )
        props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
        scroller.setScrollerProperties(props)

    def open_event(self, event: UpcomingEvent) -> None:
        """The event's own page; "Retour" comes back to the programme."""
        self.detail.show_event(event)
        self.detail_scroll.verticalScrollBar().setValue(0)
        self._body.setCurrentWidget(self.detail_scroll)
        announce(self)

    def _open_visitor_form(self) -> None:
        event = self.detail.shown_event
        if self.visitor is None or event is None:
            return
        self.visitor.start(event)
        self._visitor_room(True)
        self._body.setCurrentWidget(self.visitor)
        announce(self)

    def _visitor_room(self, taken: bool) -> None:
        """The visitor's form takes the heading's room: its keyboard needs the height (at
        1366x768 under the heading its keys ran into each other), its title names the event."""
        for widget in (self._heading_icon, self.title, self.subtitle):
            widget.setVisible(not taken)
        if self.tour is not None:
            if taken:
                self.tour.hide()
            else:
                self.tour.refresh()  # shown again when stops are planned
        side, top = (24, 0) if taken else (96, 64)
        self._column.setContentsMargins(side, top, side, 24)
        self._column.setSpacing(0 if taken else 40)

    def _back_to_event(self) -> None:
        """From the visitor's form or answer to the event's page, the visitor forgotten."""
        if self.visitor is not None:
            self.visitor.clear()
        self._visitor_room(False)
        self._body.setCurrentWidget(self.detail_scroll)
        announce(self)

    def _open_event(self, index: QModelIndex) -> None:
        event = index.data(EventRole)
        if isinstance(event, UpcomingEvent):
            self.open_event(event)

    def stop_work(self) -> None:
        if self._desk is not None:
            self._desk.wait()

    def _reveal_answer(self) -> None:
        """Once laid out, scroll the sign-up answer and its button into view."""
        signup = self.signup
        if signup is not None:
            QTimer.singleShot(
                0, self, lambda: self.detail_scroll.ensureWidgetVisible(signup.action, 0, 24)
            )

    def handle_badge(self, event: BadgePresented) -> bool:
        """On an event's page: the badge signs up (or shows where the person stands)."""
        if self._body.currentWidget() is not self.detail_scroll or self.signup is None:
            return False
        return self.signup.take_badge(event.uid)

    def go_back(self) -> bool:
        if self.visitor is not None and self._body.currentWidget() is self.visitor:
            self._back_to_event()
            return True
        if self._body.currentWidget() is not self.detail_scroll:
            return False
        self._show_list()
        return True

    def _show_list(self) -> None:
        self.detail.clear()
        if self.visitor is not None:
            self.visitor.clear()
            self._visitor_room(False)
        self._body.setCurrentWidget(self.view if self._feed.events else self.empty)
        announce(self)

    def spoken(self) -> list[Phrase]:
        """The list: the heading, how many events, how to go through them; an event's page is
        said by the page itself, which takes the focus (``EventDetailPage``)."""
        if self.visitor is not None and self._body.currentWidget() is self.visitor:
            return self.visitor.spoken()
        if self._body.currentWidget() is self.detail_scroll:
            return []
        if self._body.currentWidget() is self.empty:
            return phrases(self.title.text(), self.empty.text())
        count = self.model.rowCount()
        return phrases(
            self.title.text(),
            self.subtitle.text(),
            self.tr("{n} événements à venir.").format(n=count)
            if count > 1
            else self.tr("1 événement à venir."),
            self.tr("Flèches pour passer d’un événement à l’autre, Entrée pour l’ouvrir."),
        )

    def _refresh(self) -> None:
        on_event = self._body.currentWidget() in (self.detail_scroll, self.visitor)
        if on_event and self.detail.shown_event is not None:
            fresh = [e for e in self._feed.events if e.id == self.detail.shown_event.id]
            if fresh:
                self.detail.show_event(fresh[0])  # seats left change while it is read
        self.model.set_events(self._feed.events)
        if self._body.currentWidget() not in (self.detail_scroll, self.visitor):
            self._show_list()
        self._set_empty_text()

    def _set_empty_text(self) -> None:
        state = self._feed.state
        if state is FeedState.LOADING:
            self.empty.setText(self.tr("Chargement du programme…"))
        elif state is FeedState.FAILED:
            self.empty.setText(self.tr("Le programme n’est pas disponible pour le moment."))
        else:
            self.empty.setText(self.tr("Aucun événement prévu pour le moment."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Programme des événements"))
        self.subtitle.setText(
            self.tr("Masterclass, ateliers, tables rondes et cafés numériques à venir")
        )
        self._set_empty_text()
        if self.tour is not None:
            self.tour.retranslate()
        if self.visitor is not None:
            self.visitor.retranslate()
        self.view.viewport().update()

    def shown(self) -> None:
        self.view.scrollToTop()
        self.view.viewport().update()

    def reset(self) -> None:
        self._show_list()
        self.view.scrollToTop()
