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
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.ports import Clock
from kiosk.settings import Profile, Settings
from ui.data import KioskDatabase
from ui.events_feed import EventsFeed
from ui.screens.base import Screen
from ui.tasks import BackgroundExecutor
from ui.theme import Area, ThemeController

if TYPE_CHECKING:
    from ui.device_bridge import DeviceBridge
    from ui.shell import Shell

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
    bridge: DeviceBridge | None = None  # device events and print results (None: tests)


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


@dataclass(frozen=True)
class Service:
    """A capability without a tile: set up once the shell is built (e.g. self check-in, which
    answers badges and codes on any screen through ``shell.input_router.add_fallback``)."""

    key: str
    install: Callable[[Shell, ScreenDeps], None]
    profiles: frozenset[Profile] = field(default=ALL_PROFILES)


class TileRegistry:
    def __init__(
        self, capabilities: Iterable[Capability] = (), services: Iterable[Service] = ()
    ) -> None:
        self._capabilities: dict[str, Capability] = {}
        self._services: dict[str, Service] = {}
        for capability in capabilities:
            self.register(capability)
        for service in services:
            self.register_service(service)

    def register(self, capability: Capability) -> None:
        if capability.key in self._capabilities:
            raise ValueError(f"capability {capability.key!r} is already registered")
        self._capabilities[capability.key] = capability

    def register_service(self, service: Service) -> None:
        if service.key in self._services:
            raise ValueError(f"service {service.key!r} is already registered")
        self._services[service.key] = service

    def for_profile(self, profile: Profile) -> list[Capability]:
        shown = [c for c in self._capabilities.values() if profile in c.profiles]
        return sorted(shown, key=lambda c: (c.order, c.key))

    def services_for(self, profile: Profile) -> list[Service]:
        return [s for s in self._services.values() if profile in s.profiles]


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


def _door_screen(deps: ScreenDeps) -> Screen:
    from ui.checkin_wiring import door_screen

    return door_screen(deps)


def _install_self_checkin(shell: Shell, deps: ScreenDeps) -> None:
    from ui.checkin_wiring import install_self_checkin

    install_self_checkin(shell, deps)


# Staff: "Mode accueil" at the door of an event (unlocked by a staff badge or the admin PIN).
DOOR = Capability(
    key="door",
    area=Area.EVENTS,
    icon="door-enter",
    title=lambda: QCoreApplication.translate("Capabilities", "Accueil événement"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Équipe : enregistrer les arrivées"
    ),
    make_screen=_door_screen,
    profiles=frozenset({Profile.ROOM, Profile.TOUR}),
    order=90,
)

# Room kiosks: a badge or a ticket code on any screen checks its holder in (no tile).
SELF_CHECKIN = Service(
    key="self_checkin", install=_install_self_checkin, profiles=frozenset({Profile.ROOM})
)


def _help_screen(deps: ScreenDeps) -> Screen:
    from ui.help_wiring import help_screen

    return help_screen(deps)


def _install_glpi_forwarding(shell: Shell, deps: ScreenDeps) -> None:
    from ui.help_wiring import install_glpi_forwarding

    install_glpi_forwarding(shell, deps)


# Smart Store: a queue ticket to see a technician (and, when configured, a GLPI ticket).
HELP = Capability(
    key="help",
    area=Area.HELP,
    icon="headset",
    title=lambda: QCoreApplication.translate("Capabilities", "Besoin d'aide ?"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Un technicien vous reçoit : prenez un numéro"
    ),
    make_screen=_help_screen,
    profiles=frozenset({Profile.STORE}),
    order=30,
)
HELP_FORWARDING = Service(
    key="help_forwarding", install=_install_glpi_forwarding, profiles=frozenset({Profile.STORE})
)


def _install_sync(shell: Shell, deps: ScreenDeps) -> None:
    from ui.sync_status import install

    install(shell, deps)


# The Smart Tour meets the central database when it can (setting central_db; no tile).
SYNC = Service(key="sync", install=_install_sync, profiles=frozenset({Profile.TOUR}))


def _pickup_screen(deps: ScreenDeps) -> Screen:
    from ui.collect_wiring import pickup_screen

    return pickup_screen(deps)


def _install_pickup(shell: Shell, deps: ScreenDeps) -> None:
    from ui.collect_wiring import install_pickup

    install_pickup(shell, deps)


# Store and tour kiosks: the agent collects what they ordered in the digital catalogue.
COLLECT = Capability(
    key="collect",
    area=Area.COLLECT,
    icon="shopping-bag",
    title=lambda: QCoreApplication.translate("Capabilities", "Retrait Click & Collect"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Retirez le matériel que vous avez commandé"
    ),
    make_screen=_pickup_screen,
    # The Smart Tour too: it brings the orders ready for the sites it visits (kiosk.sync).
    profiles=frozenset({Profile.STORE, Profile.TOUR}),
    order=10,
)

# A badge or an order code on any screen opens the pickup (no tile of its own).
COLLECT_PICKUP = Service(
    key="collect_pickup",
    install=_install_pickup,
    profiles=frozenset({Profile.STORE, Profile.TOUR}),
)


def _documents_screen(deps: ScreenDeps) -> Screen:
    from ui.documents_wiring import documents_screen

    return documents_screen(deps)


def _install_documents_shutdown(shell: Shell, deps: ScreenDeps) -> None:
    from ui.documents_wiring import install_shutdown

    install_shutdown(shell)


# Every kiosk: documents to read on screen or take away by QR code.
DOCUMENTS = Capability(
    key="documents",
    area=Area.DOCUMENTS,
    icon="books",
    title=lambda: QCoreApplication.translate("Capabilities", "Kiosque numérique"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Guides et articles à lire ou à emporter"
    ),
    make_screen=_documents_screen,
    profiles=ALL_PROFILES,
    order=10,
)
# Its index worker is stopped at shutdown, before the window and the database go.
DOCUMENTS_SHUTDOWN = Service(key="documents", install=_install_documents_shutdown)


def default_registry() -> TileRegistry:
    """The capabilities that exist today."""
    return TileRegistry(
        [DOCUMENTS, EVENTS, DOOR, HELP, COLLECT],
        services=[SELF_CHECKIN, HELP_FORWARDING, SYNC, COLLECT_PICKUP, DOCUMENTS_SHUTDOWN],
    )
