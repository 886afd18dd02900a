"""The welcome screen: a greeting and one large tile per capability of this kiosk's profile."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ports import Clock
from ui.app.screens.tile import Tile
from ui.formatting import clock_time, long_date
from ui.host import Capability
from ui.notices.feed import NoticesFeed
from ui.notices.widgets import AnnouncementBanner
from ui.screens.base import Screen
from ui.speech.phrase import Phrase, phrases
from ui.theme import ThemeController, named

TILE_GAP = 36
SHORT_HOME = 760  # logical px of screen under the bottom bar: below, many tiles drop subtitles


class HomeScreen(Screen):
    key = "home"

    tile_activated = Signal(str)

    def __init__(
        self,
        capabilities: list[Capability],
        theme: ThemeController,
        clock: Clock,
        kiosk_name: str,
        notices: NoticesFeed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._theme = theme
        self._columns = 0
        self.banner = AnnouncementBanner(notices, theme) if notices is not None else None
        self.hello = named(QLabel(), "homeHello")
        self.welcome = named(QLabel(), "homeWelcome")
        self._kiosk_name = kiosk_name
        self.time = named(QLabel(alignment=Qt.AlignmentFlag.AlignRight), "homeTime")
        self.date = named(QLabel(alignment=Qt.AlignmentFlag.AlignRight), "homeDate")
        self.question = named(QLabel(), "homeQuestion")

        greeting = QVBoxLayout()
        greeting.setSpacing(8)
        greeting.addWidget(self.hello)
        greeting.addWidget(self.welcome)
        when = QVBoxLayout()
        when.setSpacing(0)
        when.addWidget(self.time)
        when.addWidget(self.date)
        when.addStretch(1)
        self.welcome.setWordWrap(True)
        self.question.setWordWrap(True)
        header = QHBoxLayout()
        header.addLayout(greeting, 1)
        header.addLayout(when)

        wide = len(capabilities) == 1
        compact = len(capabilities) >= 3
        self._wide = wide
        many = len(capabilities) >= 5  # two rows of tiles: each a row of its own
        self.tiles = [Tile(c, theme, wide=wide, compact=compact, row=many) for c in capabilities]
        for tile in self.tiles:
            tile.clicked.connect(
                lambda _=False, key=tile.capability.key: self.tile_activated.emit(key)
            )
        row = self._grid = QGridLayout()
        self._place_tiles(portrait=False)

        # gaps of the 1920x1080 design, scaled to the panel (a 1366x768 panel needs its pixels)
        self._banner_gap, self._tiles_gap = QSpacerItem(0, 16), QSpacerItem(0, 32)
        column = self._column = QVBoxLayout(self)
        column.setSpacing(0)
        column.addLayout(header)
        if self.banner is not None:
            column.addItem(self._banner_gap)
            column.addWidget(self.banner)
        column.addStretch(3)
        column.addWidget(self.question)
        column.addItem(self._tiles_gap)
        column.addLayout(row)
        column.addStretch(1)
        theme.changed.connect(self._resize_for_screen)
        self._resize_for_screen()

        self._minute = QTimer(self, interval=15_000)
        self._minute.timeout.connect(self._tick)
        self._minute.start()
        self.retranslate()

    def _resize_for_screen(self) -> None:
        px = self._theme.tokens.px
        self._column.setContentsMargins(px(96), px(72), px(96), px(64))
        self._grid.setSpacing(px(TILE_GAP))
        self._banner_gap.changeSize(0, px(16))
        self._tiles_gap.changeSize(0, px(32))
        self._column.invalidate()

    def _place_tiles(self, portrait: bool) -> None:
        """One row in landscape (two rows from five tiles on); in portrait one column, or two
        for four tiles or more."""
        count = len(self.tiles)
        if portrait:
            columns = 2 if count >= 4 else 1
        else:  # five or six tiles in one row leave none its title: two rows of three
            columns = count if count <= 4 else (count + 1) // 2
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for n in range(self._grid.columnCount()):
            self._grid.setColumnStretch(n, 0)
        offset = 1 if self._wide and not portrait else 0  # a single tile: centred, not stretched
        for n, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, n // columns, offset + n % columns)
        for n in range(columns):
            self._grid.setColumnStretch(offset + n, 4)
        if offset:
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(columns + 1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_tiles(portrait=event.size().height() > event.size().width())
        # a landscape row of many tiles has the room of their titles only
        short = event.size().height() < SHORT_HOME or event.size().width() > event.size().height()
        for tile in self.tiles:
            tile.set_short(short)

    def _tick(self) -> None:
        now = self._clock.now()
        self.time.setText(clock_time(now))
        self.date.setText(long_date(now))
        # the date whole: beside the greeting, it was the one squeezed (« Monday 23 Nov… »)
        self.date.setMinimumWidth(self.date.sizeHint().width())

    def spoken(self) -> list[Phrase]:
        banner = self.banner.text.text() if self.banner and not self.banner.isHidden() else ""
        return phrases(self.hello.text(), self.welcome.text(), banner, self.question.text())

    def retranslate(self) -> None:
        self.hello.setText(self.tr("Bonjour\u202f!"))
        self.welcome.setText(self.tr("Bienvenue au {name}").format(name=self._kiosk_name))
        self.question.setText(self.tr("Que souhaitez-vous faire\u202f?"))
        for tile in self.tiles:
            tile.retranslate()
        self.date.setMinimumWidth(0)  # measured again in the new language by _tick
        if self.banner is not None:
            self.banner.retranslate()
        self._tick()

    def shown(self) -> None:
        self._tick()
