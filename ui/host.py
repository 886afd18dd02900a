"""How a capability plugs into the kiosk: its home tile, its installed service, and the
:class:`Host` — the part of the running shell it may use.

Capabilities (``ui/<capability>/capability.py``) import this module, never the shell:
the shell (``ui.app.shell``) implements :class:`Host` and the registry (``ui.app.registry``)
lists the capabilities, so arrows only go from the application down to the capabilities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from kiosk.ports import Clock
from kiosk.settings import Profile, Settings
from ui.data import KioskDatabase
from ui.events_feed import EventsFeed
from ui.input.bridge import DeviceBridge
from ui.input.router import InputRouter
from ui.notices.feed import NoticesFeed
from ui.screens.base import Screen
from ui.screens.router import Router
from ui.tasks import BackgroundExecutor
from ui.theme import Area, ThemeController
from ui.widgets.window import KioskWindow

if TYPE_CHECKING:  # typing only: hardware.devices imports python-escpos lazily, not at start
    from hardware.devices import Devices

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
    notices: NoticesFeed | None = None  # announcements and the Smart Tour's stops (None: tests)


@dataclass(frozen=True)
class Capability:
    """A home tile and the screen behind it."""

    key: str  # the route of its screen
    area: Area  # picks the accent colour of the tile
    icon: str  # Tabler icon name in assets/icons
    title: Callable[[], str]  # translated at call time, so tiles follow the language
    subtitle: Callable[[], str]
    make_screen: Callable[[ScreenDeps], Screen]
    profiles: frozenset[Profile] = field(default=ALL_PROFILES)
    order: int = 100  # tiles are shown by increasing order


class Host(Protocol):
    """What an installed service may use of the running kiosk."""

    @property
    def settings(self) -> Settings: ...
    @property
    def owner(self) -> QObject: ...  # parent of the service's non-widget objects
    @property
    def theme(self) -> ThemeController: ...
    @property
    def window(self) -> KioskWindow: ...
    @property
    def router(self) -> Router: ...
    @property
    def input_router(self) -> InputRouter: ...
    @property
    def bridge(self) -> DeviceBridge: ...
    @property
    def executor(self) -> BackgroundExecutor: ...
    @property
    def database(self) -> KioskDatabase: ...
    @property
    def devices(self) -> Devices | None: ...
    @property
    def first_painted(self) -> SignalInstance: ...  # the attract screen is up: warm up now
    @property
    def session_reset(self) -> SignalInstance: ...  # the idle reset wiped the last visitor
    @property
    def shutdown_hooks(self) -> list[Callable[[], None]]: ...  # before the database closes
    @property
    def hardware_sections(self) -> list[Callable[[], QWidget]]: ...  # on the hardware screen
    def quiet_ms(self) -> int: ...  # since the last touch, key, badge or scan


@dataclass(frozen=True)
class Service:
    """A capability without a tile, set up once the shell is built (e.g. self check-in, which
    answers badges and codes on any screen through ``host.input_router.add_fallback``). What
    ``install`` returns is kept by the shell (``Shell.service(kind)``: tests, screenshots)."""

    key: str
    install: Callable[[Host, ScreenDeps], object]
    profiles: frozenset[Profile] = field(default=ALL_PROFILES)
