"""What an operator needs to see on the kiosk itself, and the way out of it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import kiosk
from kiosk.settings import Profile, Settings, masked_url
from ui.screens.base import Screen
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

ZWSP = "\u200b"


def breakable(text: str) -> str:
    """``text`` with a line-break opportunity after each path or URL separator."""
    for sep in "/_-.@":
        text = text.replace(sep, sep + ZWSP)
    return text


class AdminScreen(Screen):
    key = "admin"
    shows_bottom_bar = False

    quit_requested = Signal()
    back_requested = Signal()
    hardware_requested = Signal()
    simulator_requested = Signal()
    stats_requested = Signal()
    fleet_requested = Signal()
    announcements_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        theme: ThemeController,
        can_simulate_badges: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._can_simulate = can_simulate_badges
        self._profile = settings.profile
        icon = self._icon = IconLabel(theme, "settings", 56, colour="accent", stroke=1.75)
        icon.setObjectName("screenIcon")
        self.title = named(QLabel(), "screenTitle")
        self.subtitle = named(QLabel(), "screenSubtitle")
        heading = QVBoxLayout()
        heading.setSpacing(6)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        self.subtitle.setWordWrap(True)
        header = self._header = QHBoxLayout()
        header.addWidget(icon)
        header.addLayout(heading, 1)

        values = [
            kiosk.__version__,
            settings.kiosk_name,
            "",  # the profile's name, in the screen's language (retranslate)
            masked_url(settings.database_url),
            str(settings.paths.data_dir),
        ]
        self.names = [named(QLabel(), "adminName") for _ in values]
        # a path or URL may wrap after its separators (a zero-width space there)
        self.values = [named(QLabel(breakable(value)), "adminValue") for value in values]
        card = named(QFrame(), "adminCard")
        grid = self._card_grid = QGridLayout(card)
        for row, (name, value) in enumerate(zip(self.names, self.values, strict=True)):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            value.setWordWrap(True)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)

        self.back = TouchButton(theme, "arrow-left", role="secondary")
        self.back.setObjectName("adminBack")
        self.back.clicked.connect(self.back_requested)
        self.hardware = TouchButton(theme, "cpu", role="secondary")
        self.hardware.setObjectName("adminHardware")
        self.hardware.clicked.connect(self.hardware_requested)
        self.simulator = TouchButton(theme, "id-badge-2", role="secondary")
        self.simulator.setObjectName("adminSimulator")
        self.simulator.clicked.connect(self.simulator_requested)
        self.simulator.setVisible(can_simulate_badges)
        self.stats = TouchButton(theme, "chart-bar", role="secondary")
        self.stats.setObjectName("adminStats")
        self.stats.clicked.connect(self.stats_requested)
        self.fleet = TouchButton(theme, "device-desktop", role="secondary")
        self.fleet.setObjectName("adminFleet")
        self.fleet.clicked.connect(self.fleet_requested)
        self.announcements = TouchButton(theme, "speakerphone", role="secondary")
        self.announcements.setObjectName("adminAnnouncements")
        self.announcements.clicked.connect(self.announcements_requested)
        self.quit = TouchButton(theme, "logout", role="danger", icon_colour="on_error")
        self.quit.setObjectName("adminQuit")
        self.quit.clicked.connect(self.quit_requested)
        self._actions = QGridLayout()
        self._action_columns = 0

        column = self._column = QVBoxLayout(self)
        column.addLayout(header)
        column.addWidget(card)
        column.addStretch(1)
        column.addLayout(self._actions)
        theme.changed.connect(self._resize_for_screen)
        self._resize_for_screen()
        self.retranslate()

    def _resize_for_screen(self) -> None:
        px = self._theme.tokens.px
        self._icon.setFixedSize(px(112), px(112))
        self._header.setSpacing(px(32))
        # a short panel: a long database path may take two lines, seven actions three rows
        self._card_grid.setContentsMargins(px(56), px(28), px(56), px(28))
        self._card_grid.setHorizontalSpacing(px(48))
        self._card_grid.setVerticalSpacing(px(16))
        self._actions.setSpacing(px(24))
        self._column.setContentsMargins(px(96), px(48), px(96), px(48))
        self._column.setSpacing(px(28))
        self._place_actions()

    def _place_actions(self) -> None:
        """The actions in one row when they fit the width, else in as many columns as fit."""
        buttons = [
            self.back, self.hardware, self.simulator, self.stats, self.fleet, self.announcements,
            self.quit,
        ]  # fmt: skip
        # decided by the settings, not isHidden(): before the layout parents them, the
        # buttons are top-level widgets, hidden until shown
        shown = [b for b in buttons if b is not self.simulator or self._can_simulate]
        m = self._column.contentsMargins()
        room = self.width() - m.left() - m.right()
        gap = self._actions.spacing()
        widths = [max(b.sizeHint().width(), b.minimumSizeHint().width()) for b in shown]
        widest = max(widths)
        if sum(widths) + gap * len(shown) <= room:
            columns = len(shown)
        else:  # as many equal columns as fit: the fewest rows on a short screen
            columns = max(
                (n for n in range(1, len(shown)) if n * widest + (n - 1) * gap <= room),
                default=1,
            )
        if columns == self._action_columns:
            return
        self._action_columns = columns
        for button in buttons:
            self._actions.removeWidget(button)
        for n in range(self._actions.columnCount()):
            self._actions.setColumnStretch(n, 0)
        if columns == len(shown):  # one row, Quitter apart on the right
            for n, button in enumerate(shown[:-1]):
                self._actions.addWidget(button, 0, n)
            self._actions.setColumnStretch(columns - 1, 1)
            self._actions.addWidget(self.quit, 0, columns)
            return
        for n, button in enumerate(shown):
            self._actions.addWidget(button, n // columns, n % columns)
        for n in range(columns):
            self._actions.setColumnStretch(n, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place_actions()  # now polished: the style sheet's sizes are known

    def shown_texts(self) -> list[str]:
        return [label.text().replace(ZWSP, "") for label in (*self.names, *self.values)]

    def _profile_name(self) -> str:
        return {
            Profile.STORE: self.tr("Smart Store, retrait Click & Collect et aide"),
            Profile.ROOM: self.tr("Smart Room, kiosque numérique et événements"),
            Profile.TOUR: self.tr("Smart Tour, kiosque itinérant"),
        }[self._profile]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Administration"))
        self.subtitle.setText(self.tr("Informations sur ce kiosque"))
        names = [
            self.tr("Version"),
            self.tr("Nom du kiosque"),
            self.tr("Profil"),
            self.tr("Base de données"),
            self.tr("Dossier de données"),
        ]
        for label, name in zip(self.names, names, strict=True):
            label.setText(name)
        # the setting's code after the name: what the operator writes in the configuration
        self.values[2].setText(f"{self._profile_name()} ({self._profile.value})")
        self.back.setText(self.tr("Retour"))
        self.hardware.setText(self.tr("Matériel"))
        self.simulator.setText(self.tr("Simuler un badge"))
        self.stats.setText(self.tr("Statistiques"))
        self.fleet.setText(self.tr("Parc des bornes"))
        self.announcements.setText(self.tr("Annonces"))
        self.quit.setText(self.tr("Quitter le kiosque"))
