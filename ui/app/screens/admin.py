"""What an operator needs to see on the kiosk itself, and the way out of it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import kiosk
from kiosk.settings import Settings, masked_url
from ui.screens.base import Screen
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel


class AdminScreen(Screen):
    key = "admin"
    shows_bottom_bar = False

    quit_requested = Signal()
    back_requested = Signal()
    hardware_requested = Signal()
    simulator_requested = Signal()
    stats_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        theme: ThemeController,
        can_simulate_badges: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        icon = IconLabel(theme, "settings", 56, colour="accent", stroke=1.75)
        icon.setObjectName("screenIcon")
        icon.setFixedSize(112, 112)
        self.title = named(QLabel(), "screenTitle")
        self.subtitle = named(QLabel(), "screenSubtitle")
        heading = QVBoxLayout()
        heading.setSpacing(6)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.setSpacing(32)
        header.addWidget(icon)
        header.addLayout(heading, 1)

        values = [
            kiosk.__version__,
            settings.kiosk_name,
            settings.profile.value,
            masked_url(settings.database_url),
            str(settings.paths.data_dir),
        ]
        self.names = [named(QLabel(), "adminName") for _ in values]
        self.values = [named(QLabel(value), "adminValue") for value in values]
        card = named(QFrame(), "adminCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(56, 40, 56, 40)
        grid.setHorizontalSpacing(48)
        grid.setVerticalSpacing(22)
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
        self.quit = TouchButton(theme, "logout", role="danger", icon_colour="on_error")
        self.quit.setObjectName("adminQuit")
        self.quit.clicked.connect(self.quit_requested)
        actions = QHBoxLayout()
        actions.setSpacing(24)
        actions.addWidget(self.back)
        actions.addWidget(self.hardware)
        actions.addWidget(self.simulator)
        actions.addWidget(self.stats)
        actions.addStretch(1)
        actions.addWidget(self.quit)

        column = QVBoxLayout(self)
        column.setContentsMargins(96, 64, 96, 64)
        column.setSpacing(40)
        column.addLayout(header)
        column.addWidget(card)
        column.addStretch(1)
        column.addLayout(actions)
        self.retranslate()

    def shown_texts(self) -> list[str]:
        return [label.text() for label in (*self.names, *self.values)]

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
        self.back.setText(self.tr("Retour"))
        self.hardware.setText(self.tr("Matériel"))
        self.simulator.setText(self.tr("Simuler un badge"))
        self.stats.setText(self.tr("Statistiques"))
        self.quit.setText(self.tr("Quitter le kiosque"))
