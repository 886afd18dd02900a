"""The welcome screen: a greeting and one large tile per capability of this kiosk's profile."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ports import Clock
from ui.app.screens.tile import Tile
from ui.formatting import clock_time, long_date
from ui.host import Capability
from ui.screens.base import Screen
from ui.theme import ThemeController, named

TILE_GAP = 36


class HomeScreen(Screen):
    key = "home"

    tile_activated = Signal(str)

    def __init__(
        self,
        capabilities: list[Capability],
        theme: ThemeController,
        clock: Clock,
        kiosk_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
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
        header = QHBoxLayout()
        header.addLayout(greeting, 1)
        header.addLayout(when)

        wide = len(capabilities) == 1
        compact = len(capabilities) >= 3
        self.tiles = [Tile(c, theme, wide=wide, compact=compact) for c in capabilities]
        row = QHBoxLayout()
        row.setSpacing(TILE_GAP)
        if wide:
            row.addStretch(1)
        for tile in self.tiles:
            tile.clicked.connect(
                lambda _=False, key=tile.capability.key: self.tile_activated.emit(key)
            )
            row.addWidget(tile, 4)
        if wide:
            row.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(96, 72, 96, 64)
        column.setSpacing(0)
        column.addLayout(header)
        column.addStretch(3)
        column.addWidget(self.question)
        column.addSpacing(32)
        column.addLayout(row)
        column.addStretch(1)

        self._minute = QTimer(self, interval=15_000)
        self._minute.timeout.connect(self._tick)
        self._minute.start()
        self.retranslate()

    def _tick(self) -> None:
        now = self._clock.now()
        self.time.setText(clock_time(now))
        self.date.setText(long_date(now))

    def retranslate(self) -> None:
        self.hello.setText(self.tr("Bonjour !"))
        self.welcome.setText(self.tr("Bienvenue au {name}").format(name=self._kiosk_name))
        self.question.setText(self.tr("Que souhaitez-vous faire ?"))
        for tile in self.tiles:
            tile.retranslate()
        self._tick()

    def shown(self) -> None:
        self._tick()
