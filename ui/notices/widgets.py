"""The banner of staff's announcements and the lines of the Smart Tour's next stops.

Both hide themselves when they have nothing to say, follow the kiosk's language (texts given
in English are shown in English, else the French), and wrap rather than cut at any width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.formatting import (
    clock_time,
    day_and_month,
    in_english,
    month_short,
    time_range,
    weekday_short,
)
from ui.notices.feed import NoticesFeed
from ui.theme import ThemeController, named
from ui.widgets.icon_label import IconLabel

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.itinerary.stops import Stop


SHORT_PANEL = 900  # logical px: below, the programme's tour card leaves out what is offered


class AnnouncementBanner(QFrame):
    """« Le Smart Corner sera fermé le 24/12 »: each announcement in force, one per line."""

    def __init__(self, feed: NoticesFeed, theme: ThemeController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("announcement")
        self._feed = feed
        self._icon: IconLabel | None = None  # drawn when there is something to say
        self.text = named(QLabel(), "announcementText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # staff's words, never markup
        row = self._row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        self._theme = theme
        theme.changed.connect(self._resize_for_screen)
        self._resize_for_screen()
        feed.changed.connect(self.refresh)
        self.refresh()

    def _resize_for_screen(self) -> None:
        px = self._theme.tokens.px
        self._row.setContentsMargins(px(28), px(12), px(24), px(12))
        self._row.setSpacing(px(20))

    def refresh(self) -> None:
        english = in_english()
        lines = [b.text_in(english) for b in self._feed.banners]
        self.text.setText("\n".join(lines))
        if lines and self._icon is None:  # not before the first paint: hidden till now
            self._icon = IconLabel(self._theme, "speakerphone", 40, colour="text", stroke=1.75)
            self._row.insertWidget(0, self._icon, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(bool(lines))

    def retranslate(self) -> None:
        self.refresh()


def stop_sentence(stop: Stop, now: datetime) -> str:
    """« Le Smart Tour passe à Puget-Théniers mardi 12 janvier, 09:00 – 16:00 », or where it
    is while it is there."""
    if stop.starts_at <= now < stop.ends_at:
        return QCoreApplication.translate(
            "Notices", "Le Smart Tour est à {place} aujourd’hui, jusqu’à {end}"
        ).format(place=stop.place, end=clock_time(stop.ends_at))
    return QCoreApplication.translate(
        "Notices", "Le Smart Tour passe à {place} {day}, {hours}"
    ).format(
        place=stop.place,
        day=day_and_month(stop.starts_at),
        hours=time_range(stop.starts_at, stop.ends_at),
    )


class TourLine(QFrame):
    """The attract screen's one line on the Smart Tour: where it is, or where it goes next."""

    def __init__(self, feed: NoticesFeed, theme: ThemeController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tourLine")
        self._feed = feed
        self._theme = theme
        self._icon: IconLabel | None = None  # drawn when there is a stop to announce
        self.text = named(QLabel(), "tourLineText")
        self.text.setWordWrap(True)
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.text, 1)
        feed.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        stops = self._feed.stops
        if not stops:
            self.hide()
            return
        self.text.setText(stop_sentence(stops[0], self._feed.clock.now()))
        if self._icon is None:  # not before the first paint: hidden till now
            self._icon = IconLabel(self._theme, "truck-delivery", 36, "text_muted", stroke=1.75)
            self._row.insertWidget(0, self._icon, 0, Qt.AlignmentFlag.AlignTop)
        self.show()

    def retranslate(self) -> None:
        self.refresh()


class TourStrip(QFrame):
    """The programme's card of the Smart Tour's next stops, side by side (it must not take
    the programme's room on a 1366x768 panel): day, place and hours, what is on."""

    SHOWN = 3

    def __init__(self, feed: NoticesFeed, theme: ThemeController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tourStrip")
        self._feed = feed
        icon = IconLabel(theme, "truck-delivery", 40, colour="events", stroke=1.75)
        self.title = named(QLabel(), "tourStripTitle")
        self.title.setWordWrap(True)
        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(icon)
        head.addWidget(self.title, 1)
        self.lines = [named(QLabel(), "tourStripStop") for _ in range(self.SHOWN)]
        stops = self._stops = QHBoxLayout()
        for line in self.lines:
            line.setWordWrap(True)
            line.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            stops.addWidget(line, 1)
        column = self._column = QVBoxLayout(self)
        column.addLayout(head)
        column.addLayout(stops)
        self._theme = theme
        theme.changed.connect(self._resize_for_screen)
        self._resize_for_screen()
        feed.changed.connect(self.refresh)
        self.retranslate()

    def _resize_for_screen(self) -> None:
        px = self._theme.tokens.px
        self._column.setContentsMargins(px(28), px(16), px(28), px(16))
        self._column.setSpacing(px(8))
        self._stops.setSpacing(px(40))
        self.refresh()

    def refresh(self) -> None:
        stops = self._feed.stops[: self.SHOWN]
        english, now = in_english(), self._feed.clock.now()
        short = self._theme.metrics.height < SHORT_PANEL
        for line, stop in zip(self.lines, [*stops, *[None] * self.SHOWN], strict=False):
            if stop is None:
                line.hide()
                continue
            if stop.starts_at <= now < stop.ends_at:
                day = QCoreApplication.translate("Notices", "Aujourd’hui")
            else:
                day = " ".join(
                    (weekday_short(stop.starts_at), f"{stop.starts_at.astimezone().day}",
                     month_short(stop.starts_at))
                )  # fmt: skip
            parts = [f"{day} · {time_range(stop.starts_at, stop.ends_at)}", stop.place]
            if not short:  # a short panel keeps its room for the programme
                parts.append(stop.offer_in(english))
            line.setText("\n".join(p for p in parts if p))
            line.setAccessibleName(stop_sentence(stop, now))  # what the narrator says
            line.show()
        self.setVisible(bool(stops))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Le Smart Tour près de chez vous"))
        self.refresh()
