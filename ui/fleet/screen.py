"""« Parc des bornes » (admin): every kiosk sharing the database, live — the same words as
``smartcorner fleet``, with the level said three ways: a glyph's shape, its colour, its words.

Read on the fleet desk's worker every few seconds while the screen is shown; nothing here
touches the database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.fleet.report import KioskLine, describe
from kiosk.settings import Language, Settings
from ui.devices.device_card import DeviceCard, Level
from ui.fleet.desk import FleetDesk
from ui.screens.base import Screen
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.kinetic import kinetic_page
from ui.widgets.screen_heading import screen_heading

REFRESH_MS: Final = 5_000
DETAILS_SHOWN: Final = 6  # the open incidents and the parts most often at fault come first
LEVELS: Final = {
    "ok": Level.OK,
    "attention": Level.WARNING,
    "silent": Level.ERROR,
    "never": Level.OFF,
}
FIRST: Final = {"silent": 0, "attention": 1, "ok": 2, "never": 3}
ICONS: Final = {"store": "headset", "room": "books", "tour": "map-pin"}
PORTRAIT_COLUMNS, LANDSCAPE_COLUMNS = 1, 2
# Two cards side by side from this width in pixels: the text keeps its size in mm, so a
# 1366-pixel panel has room for one card of it per row.
TWO_COLUMNS_FROM: Final = 1600


def shown_language() -> Language:
    """The language the screens speak now (the switcher sets Qt's default locale)."""
    return Language.EN if QLocale().language() == QLocale.Language.English else Language.FR


class FleetScreen(Screen):
    key = "fleet"
    shows_bottom_bar = False

    back_requested = Signal()

    def __init__(
        self,
        theme: ThemeController,
        desk: FleetDesk,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._desk = desk
        self._lines: list[KioskLine] = []
        self._read_at: datetime | None = None
        self.cards: list[DeviceCard] = []

        icon = IconLabel(theme, "device-desktop", 56, colour="accent", stroke=1.75)
        heading = screen_heading(icon, icon_box=96, wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle
        self.back = TouchButton(theme, "arrow-left", role="secondary")
        self.back.setObjectName("adminBack")
        self.back.clicked.connect(self.back_requested)
        heading.layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)

        self.empty = named(QLabel(), "screenSubtitle")
        self.empty.setWordWrap(True)
        body = named(QWidget(), "hardwareBody")
        self._grid = QGridLayout()
        self._grid.setSpacing(24)
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.empty)
        content.addLayout(self._grid)
        content.addStretch(1)
        self.scroll_area = kinetic_page(body, "hardwareScroll")
        self._column = QVBoxLayout(self)
        self._column.setSpacing(24)
        self._column.addLayout(heading.layout)
        self._column.addWidget(self.scroll_area, 1)
        self._columns = 0

        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(desk.report)
        desk.reported.connect(self.show_fleet)
        theme.changed.connect(self._resize_for_screen)
        self._resize_for_screen()
        self.retranslate()

    def shown(self) -> None:
        self._desk.report()
        self._refresh.start()

    def stop_work(self) -> None:
        self._refresh.stop()

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh.stop()
        super().hideEvent(event)

    def show_fleet(self, lines: list[KioskLine], now: datetime | None = None) -> None:
        """The kiosks as read at ``now`` (the desk's clock when None)."""
        self._lines = lines
        self._read_at = now or self._desk.clock.now()
        self._fill()

    def _fill(self) -> None:
        now, lang = self._read_at, shown_language()
        if now is None:
            return
        while len(self.cards) < len(self._lines):
            card = DeviceCard(self._theme, "device-desktop", DETAILS_SHOWN)
            card.title.setWordWrap(True)  # a long kiosk name wraps rather than widen the card
            card.setParent(self)  # shown below before the grid holds it: never as a window
            self.cards.append(card)
        for card in self.cards[len(self._lines) :]:
            card.hide()
        described = [(line, describe(line, now, lang)) for line in self._lines]
        described.sort(key=lambda pair: FIRST[pair[1].level])  # what needs someone comes first
        for card, (line, words) in zip(self.cards, described, strict=False):
            card.title.setText(words.title)
            card.icon.set_icon(ICONS.get(line.profile, "device-desktop"))
            card.set_state(LEVELS[words.level], words.status, *words.details[:DETAILS_SHOWN])
            card.show()
        self.empty.setVisible(not self._lines)
        self._columns = 0
        self._place_cards()

    def _place_cards(self) -> None:
        narrow = self.width() < TWO_COLUMNS_FROM
        columns = PORTRAIT_COLUMNS if narrow else LANDSCAPE_COLUMNS
        if columns == self._columns:
            return
        self._columns = columns
        shown = self.cards[: len(self._lines)]
        for card in self.cards:
            self._grid.removeWidget(card)
        for n, card in enumerate(shown):
            self._grid.addWidget(card, n // columns, n % columns)
        for n in range(LANDSCAPE_COLUMNS):
            self._grid.setColumnStretch(n, 1 if n < columns else 0)

    def _resize_for_screen(self) -> None:
        px = self._theme.tokens.px
        self._column.setContentsMargins(px(96), px(32), px(96), px(32))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()

    def texts(self) -> list[str]:
        return [text for card in self.cards[: len(self._lines)] for text in card.texts() if text]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Parc des bornes"))
        self.subtitle.setText(self.tr("L’état de chaque borne, mis à jour en direct"))
        self.back.setText(self.tr("Retour"))
        self.empty.setText(self.tr("Aucune borne n’a encore donné signe de vie."))
        self._fill()
