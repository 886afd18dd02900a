"""Puts Click & Collect into the store kiosk: the pickup screen, its desk, and the fallback
that brings a badge or an order code from any screen to the pickup screen.

The screens (and the domain behind them) are loaded when a Click & Collect screen is first
visited or warmed up after the first paint.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from kiosk.settings import Profile
from ui.host import Capability, Host, ScreenDeps, Service
from ui.theme import Area

if TYPE_CHECKING:
    from kiosk.collect.order_code import OrderCodeVerifier
    from kiosk.ports import BadgePresented
    from kiosk.settings import Settings
    from ui.collect.catalogue_desk import CatalogueDesk
    from ui.collect.desk import CollectDesk
    from ui.collect.pickup import PickupScreen
    from ui.screens.base import Screen
    from ui.screens.router import Router

log = logging.getLogger(__name__)

PICKUP: Final = "collect"  # the pickup screen's route (COLLECT.key)
STAFF: Final = "collect_staff"  # the staff screen's, opened from the pickup's welcome page
HOME: Final = "home"
WARM_UP_AFTER_MS: Final = 1500  # after the first paint: build the screen, open the desk


def _site_key(settings: Settings) -> bytes:
    from kiosk.identity import load_site_key

    return load_site_key(settings.site_key_path)


def _verifier(settings: Settings) -> OrderCodeVerifier | None:
    """Order codes are signed with the event tickets' keys (kiosk.collect.order_code)."""
    from kiosk.codes import load_public_keys
    from kiosk.collect.order_code import OrderCodeVerifier

    path = settings.ticket_public_key_path
    if not path.exists():
        log.warning("no ticket public key at %s: this kiosk cannot read order codes", path)
        return None
    return OrderCodeVerifier(load_public_keys(path))


def make_desk(deps: ScreenDeps, parent: QObject | None) -> CollectDesk:
    from ui.collect.desk import CollectDesk  # with the screens, not at start-up

    database, settings = deps.database, deps.settings
    return CollectDesk(
        database.session_factory,
        deps.clock,
        site_key=lambda: _site_key(settings),
        verifier=lambda: _verifier(settings),
        kiosk=database.this_kiosk,
        parent=parent,
    )


def pickup_screen(deps: ScreenDeps) -> Screen:
    from kiosk.rgpd.notice import PrivacyTerms
    from ui.collect.pickup import PickupScreen

    desk = make_desk(deps, None)
    screen = PickupScreen(desk, deps.theme, privacy=PrivacyTerms.from_settings(deps.settings))
    desk.setParent(screen)
    if deps.bridge is not None:
        deps.bridge.job_state_changed.connect(screen.print_job_changed)
    desk.warm_up()
    return screen


def catalogue_desk(deps: ScreenDeps, *, order_codes: bool = True) -> CatalogueDesk:
    """The Click & Collect desk with the catalogue's calls (the staff screen uses it too, and
    reads receipts' and orders' codes; the catalogue screen reads none)."""
    from ui.collect.catalogue_desk import CatalogueDesk

    database, settings = deps.database, deps.settings
    return CatalogueDesk(
        database.session_factory,
        deps.clock,
        site_key=lambda: _site_key(settings),
        verifier=(lambda: _verifier(settings)) if order_codes else (lambda: None),
        kiosk=database.this_kiosk,
    )


def catalogue_screen(deps: ScreenDeps) -> Screen:
    from ui.collect.catalogue import CatalogueScreen

    settings = deps.settings
    desk = catalogue_desk(deps, order_codes=False)
    # The Smart Tour shows the stock of its last sync and promises nothing.
    screen = CatalogueScreen(desk, deps.theme, last_visit_stock=settings.profile is Profile.TOUR)
    desk.setParent(screen)
    desk.warm_up()
    return screen


def staff_screen(deps: ScreenDeps) -> Screen:
    from kiosk.admin_access import PinSecret, pin_guard
    from ui.collect.staff import CollectStaffScreen
    from ui.collect.stock_page import StockPage

    desk = catalogue_desk(deps)
    guard = pin_guard(deps.settings, deps.clock, PinSecret.STAFF)
    screen = CollectStaffScreen(desk, deps.theme, guard, stock=StockPage(desk, deps.theme))
    desk.setParent(screen)
    return screen


class PickupFallback(QObject):
    """On the store kiosk, a badge or an order code no screen wanted opens the pickup."""

    def __init__(self, router: Router, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._router = router

    def _pickup(self) -> PickupScreen:
        self._router.go(PICKUP)
        screen = self._router.current
        assert screen is not None
        return screen  # type: ignore[return-value]

    def handle_badge(self, event: BadgePresented) -> bool:
        return self._pickup().handle_badge(event)

    def handle_scan(self, payload: str, source: str) -> bool:
        from kiosk.collect.order_code import looks_like_order_code

        if not looks_like_order_code(payload):
            return False
        return self._pickup().handle_scan(payload, source)


def install_pickup(host: Host, deps: ScreenDeps) -> PickupFallback:
    router = host.router
    fallback = PickupFallback(router, parent=host.owner)
    host.input_router.add_fallback(fallback)
    router.register(STAFF, lambda: staff_screen(deps))
    wired: list[Screen] = []

    def on_screen(key: str) -> None:
        if key == PICKUP and not wired:
            screen = router.screen(PICKUP)
            screen.finished.connect(lambda: router.home(HOME))  # type: ignore[attr-defined]
            screen.staff_requested.connect(lambda: router.go(STAFF))  # type: ignore[attr-defined]
            wired.append(screen)

    router.current_changed.connect(on_screen)

    def warm_up() -> None:
        if router.has(PICKUP):
            router.screen(PICKUP)  # built (and its desk opened) before the first badge

    host.first_painted.connect(lambda: QTimer.singleShot(WARM_UP_AFTER_MS, host.owner, warm_up))
    return fallback


# Store and tour kiosks: the agent collects what they ordered in the digital catalogue.
COLLECT = Capability(
    key=PICKUP,
    area=Area.COLLECT,
    icon="shopping-bag",
    title=lambda: QCoreApplication.translate("Capabilities", "Retrait Click & Collect"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Retirez le matériel que vous avez commandé"
    ),
    make_screen=pickup_screen,
    # The Smart Tour too: it brings the orders ready for the sites it visits (kiosk.sync.tour).
    profiles=frozenset({Profile.STORE, Profile.TOUR}),
    order=10,
)

# « Catalogue de services »: what an agent may request, and the request itself.
CATALOGUE = Capability(
    key="catalogue",
    area=Area.COLLECT,
    icon="packages",
    title=lambda: QCoreApplication.translate("Capabilities", "Catalogue de services"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Voyez ce que vous pouvez demander"
    ),
    make_screen=catalogue_screen,
    profiles=frozenset({Profile.STORE, Profile.TOUR}),
    order=12,
)

# A badge or an order code on any screen opens the pickup (no tile of its own).
COLLECT_PICKUP = Service(
    key="collect_pickup",
    install=install_pickup,
    profiles=frozenset({Profile.STORE, Profile.TOUR}),
)
