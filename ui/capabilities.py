"""What the kiosk can do, as home tiles: each capability registers its tile and its screen.

A capability that does not exist yet is simply not registered, so its tile is absent rather
than a dead button. To add one (Kiosque numérique, Retrait Click & Collect, Besoin d'aide ?):
write its screen in ``ui/screens/``, describe it with a :class:`Capability` below (its screen
module is imported in ``make_screen``, on first visit, to keep the start fast) and add it to
:func:`default_registry` with the profiles that show it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from kiosk.ports import Clock
from kiosk.settings import Profile, Settings
from ui.data import KioskDatabase
from ui.events_feed import EventsFeed
from ui.screens.base import Screen
from ui.tasks import BackgroundExecutor
from ui.theme import Area, ThemeController

ALL_PROFILES = frozenset(Profile)


@dataclass(frozen=True)
class ScreenDeps:
    """What a capability's screen may ask for; the composition root fills it in."""

    settings: Settings
    theme: ThemeController
    clock: Clock
    executor: BackgroundExecutor
    feed: EventsFeed
    # The kiosk's database; call it only from executor jobs (worker thread), e.g.
    # ``executor.submit(lambda: work(deps.database.session_factory(), ...))``, and name the
    # kiosk in what you record with ``deps.database.this_kiosk(now).id``.
    database: KioskDatabase


@dataclass(frozen=True)
class Capability:
    key: str  # the route of its screen
    area: Area  # picks the accent colour of the tile
    icon: str  # Tabler icon name in assets/icons
    title: Callable[[], str]  # translated at call time, so tiles follow the language
    subtitle: Callable[[], str]
    make_screen: Callable[[ScreenDeps], Screen]
    profiles: frozenset[Profile] = field(default=ALL_PROFILES)
    order: int = 100  # tiles are shown by increasing order


class TileRegistry:
    def __init__(self, capabilities: Iterable[Capability] = ()) -> None:
        self._capabilities: dict[str, Capability] = {}
        for capability in capabilities:
            self.register(capability)

    def register(self, capability: Capability) -> None:
        if capability.key in self._capabilities:
            raise ValueError(f"capability {capability.key!r} is already registered")
        self._capabilities[capability.key] = capability

    def for_profile(self, profile: Profile) -> list[Capability]:
        shown = [c for c in self._capabilities.values() if profile in c.profiles]
        return sorted(shown, key=lambda c: (c.order, c.key))


def _agenda_screen(deps: ScreenDeps) -> Screen:
    from ui.screens.agenda import AgendaScreen

    return AgendaScreen(deps.feed, deps.theme, deps.clock)


EVENTS = Capability(
    key="events",
    area=Area.EVENTS,
    icon="calendar-event",
    title=lambda: QCoreApplication.translate("Capabilities", "Événements"),
    subtitle=lambda: QCoreApplication.translate("Capabilities", "Le programme du Smart Corner"),
    make_screen=_agenda_screen,
    profiles=ALL_PROFILES,
    order=20,
)


def default_registry() -> TileRegistry:
    """The capabilities that exist today."""
    return TileRegistry([EVENTS])
