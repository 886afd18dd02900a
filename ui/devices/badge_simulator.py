"""Demo mode's "Simuler un badge": pick an agent and their badge is tapped on the reader.

The agent's card has the UID the demo seed linked to them (:func:`kiosk.identity.demo_badge_uid`),
and the tap goes through the same path as a real one (simulator thread, device bridge, input
routing), so the demo shows what a real badge does. "Badge inconnu" taps a card linked to
nobody; "Carte à UID aléatoire" one that gives a new random UID at each tap (a bank card, a
phone), which the reader refuses. The shell takes the kiosk back to the screen the visitor was
on before the administration, then taps (see ``ui.app.shell``).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.identity import demo_badge_uid
from kiosk.people import AgentSummary
from ui.screens.base import Screen
from ui.tasks import BackgroundExecutor
from ui.theme import ThemeController, named
from ui.widgets.buttons import ClearButton, TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.screen_heading import screen_heading

SEARCH_FIELD_MIN = 480  # px: room for an agent's name beside the two buttons
log = logging.getLogger(__name__)

AGENT_LIMIT = 24
COLUMNS = 3
SEARCH_DELAY_MS = 200  # after the last key, so each letter does not cost a query

AgentSearch = Callable[[str, int], list[AgentSummary]]


def unknown_uid() -> bytes:
    """A 7-byte NXP-like UID no demo agent has (random: linked to nobody)."""
    return b"\x04" + secrets.token_bytes(6)


def random_id_uid() -> bytes:
    """What a card with a random ID gives: 4 bytes starting 0x08, new at every tap."""
    return b"\x08" + secrets.token_bytes(3)


class BadgeSimulatorScreen(Screen):
    key = "badge_simulator"
    shows_bottom_bar = False

    badge_chosen = Signal(bytes)  # the UID to tap
    back_requested = Signal()

    def __init__(
        self,
        search: AgentSearch,
        executor: BackgroundExecutor,
        theme: ThemeController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._executor = executor
        self._theme = theme
        self._asked = ""  # the query whose answer is awaited
        self.agents: list[AgentSummary] = []
        self.buttons: list[TouchButton] = []

        icon = IconLabel(theme, "id-badge-2", 56, colour="accent", stroke=1.75)
        self.back = TouchButton(theme, "arrow-left", role="secondary")
        self.back.setObjectName("adminBack")
        self.back.clicked.connect(self.back_requested)
        heading = screen_heading(icon, wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle
        header = heading.layout
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)

        self.field = named(QLineEdit(), "simulatorSearch")
        self.clear = ClearButton(theme, self.field)
        self.field.textChanged.connect(self._typed)
        self.unknown = TouchButton(theme, "user-x", role="secondary")
        self.unknown.setObjectName("unknownBadge")
        self.unknown.clicked.connect(lambda: self.badge_chosen.emit(unknown_uid()))
        self.random_card = TouchButton(theme, "alert-triangle", role="secondary")
        self.random_card.setObjectName("randomCard")
        self.random_card.clicked.connect(lambda: self.badge_chosen.emit(random_id_uid()))
        search_row = self._search_row = QGridLayout()
        search_row.setSpacing(24)
        self._narrow: bool | None = None

        self.status = named(QLabel(), "emptyState")
        self.status.setWordWrap(True)
        self._list = named(QWidget(), "agentList")
        self._grid = QGridLayout(self._list)
        self._grid.setContentsMargins(0, 0, 12, 0)
        self._grid.setSpacing(16)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        for col in range(COLUMNS):
            self._grid.setColumnStretch(col, 1)
        scroll = named(QScrollArea(), "agentList")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setObjectName("agentList")
        QScroller.grabGesture(
            scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.keyboard = OnScreenKeyboard(theme)
        self.keyboard.set_target(self.field)

        column = QVBoxLayout(self)
        column.setContentsMargins(96, 48, 96, 32)
        column.setSpacing(24)
        column.addLayout(header)
        column.addLayout(search_row)
        column.addWidget(self.status)
        # the list gives way first on a short panel (1366x768, accessible): its default
        # minimum squeezed the keyboard below its four rows and cut the bottom one
        scroll.setMinimumHeight(1)
        column.addWidget(scroll, 1)
        column.addWidget(self.keyboard)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.retranslate()

    def shown(self) -> None:
        self.field.setFocus()
        if not self.agents:
            self.search_now()

    def reset(self) -> None:
        self._debounce.stop()
        self.field.clear()  # no agent's name is left typed in for the next admin

    def _typed(self) -> None:
        self._debounce.start()

    def search_now(self) -> None:
        self._debounce.stop()
        query = self.field.text().strip()
        self._asked = query
        self.status.setText(self.tr("Recherche…"))
        self.status.show()
        self._executor.submit(
            lambda: self._search(query, AGENT_LIMIT),
            lambda agents: self._show_agents(query, agents),
            self._failed,
        )

    def _show_agents(self, query: str, agents: list[AgentSummary]) -> None:
        if query != self._asked:
            return  # an older answer, overtaken by what was typed since
        self.agents = agents
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for n, agent in enumerate(agents):
            button = TouchButton(self._theme, role="agent")
            button.setObjectName("agentButton")
            # the columns share the width; a long direction name must not widen its column
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setText(f"{agent.first_name} {agent.last_name.upper()}\n{agent.direction}")
            uid = demo_badge_uid(agent.person_id)
            button.clicked.connect(lambda _=False, uid=uid: self.badge_chosen.emit(uid))
            self._grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            self.buttons.append(button)
        self.status.setVisible(not agents)
        if not agents:
            self.status.setText(
                self.tr("Aucun agent ne s’appelle ainsi.")
                if query
                else self.tr(
                    "Aucun agent dans la base\u202f: lancez «\u202fsmartcorner demo\u202f»."
                )
            )

    def _failed(self, exc: BaseException) -> None:
        log.error("could not search the demo agents", exc_info=exc)
        self.status.setText(self.tr("La liste des agents n’a pas pu être chargée."))
        self.status.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_search()

    def _arrange_search(self) -> None:
        """The field and both buttons on one row, or the buttons under the field when they
        would leave it no room for a name (a portrait panel squeezed the buttons' words)."""
        column = self.layout()
        margins = column.contentsMargins() if column is not None else None
        room = self.width() - (margins.left() + margins.right() if margins else 0)
        buttons = self.unknown.sizeHint().width() + self.random_card.sizeHint().width()
        narrow = room < buttons + 2 * self._search_row.spacing() + SEARCH_FIELD_MIN
        if narrow == self._narrow:
            return
        self._narrow = narrow
        row = self._search_row
        for widget in (self.field, self.unknown, self.random_card):
            row.removeWidget(widget)
        if narrow:
            row.addWidget(self.field, 0, 0, 1, 2)
            row.addWidget(self.unknown, 1, 0)
            row.addWidget(self.random_card, 1, 1)
            row.setColumnStretch(0, 1)
            row.setColumnStretch(1, 1)
        else:
            row.addWidget(self.field, 0, 0)
            row.addWidget(self.unknown, 0, 1)
            row.addWidget(self.random_card, 0, 2)
            row.setColumnStretch(0, 1)
            row.setColumnStretch(1, 0)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Simuler un badge"))
        self.subtitle.setText(
            self.tr(
                "Choisissez un agent\u202f: le kiosque revient à l’écran d’avant et lit son badge."
            )
        )
        self.field.setPlaceholderText(self.tr("Nom ou prénom de l’agent"))
        self.back.setText(self.tr("Retour"))
        self.unknown.setText(self.tr("Badge inconnu"))
        self.random_card.setText(self.tr("Carte à UID aléatoire"))
        self._arrange_search()
