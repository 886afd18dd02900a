"""Puts Click & Collect into the store kiosk: the pickup screen, its desk, and the fallback
that brings a badge or an order code from any screen to the pickup screen.

Kept apart from :mod:`ui.capabilities` so that the tile registry stays cheap to import: this
module (and the domain behind it) is loaded when the shell installs the fallback or when a
Click & Collect screen is first visited.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer

from ui.collect_desk import CollectDesk

if TYPE_CHECKING:
    from kiosk.badges import BadgePresented
    from kiosk.collect.order_code import OrderCodeVerifier
    from kiosk.settings import Settings
    from ui.capabilities import ScreenDeps
    from ui.router import Router
    from ui.screens.base import Screen
    from ui.screens.pickup import PickupScreen
    from ui.shell import Shell

log = logging.getLogger(__name__)

PICKUP: Final = "collect"  # the pickup screen's route (ui.capabilities.COLLECT.key)
STAFF: Final = "collect_staff"  # the staff screen's, opened from the pickup's welcome page
HOME: Final = "home"
WARM_UP_AFTER_MS: Final = 1500  # after the first paint: build the screen, open the desk


def _site_key(settings: Settings) -> bytes:
    from kiosk.identity import load_site_key

    return load_site_key(settings.site_key_path)


def _verifier(settings: Settings) -> OrderCodeVerifier | None:
    """Order codes are signed with the event tickets' keys (kiosk.collect.order_code)."""
    from kiosk.collect.order_code import OrderCodeVerifier
    from kiosk.tickets import load_public_keys

    path = settings.ticket_public_key_path
    if not path.exists():
        log.warning("no ticket public key at %s: this kiosk cannot read order codes", path)
        return None
    return OrderCodeVerifier(load_public_keys(path))


def make_desk(deps: ScreenDeps, parent: QObject | None) -> CollectDesk:
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
    from ui.screens.pickup import PickupScreen

    desk = make_desk(deps, None)
    screen = PickupScreen(desk, deps.theme)
    desk.setParent(screen)
    if deps.bridge is not None:
        deps.bridge.job_state_changed.connect(screen.print_job_changed)
    desk.warm_up()
    return screen


def staff_screen(deps: ScreenDeps) -> Screen:
    from ui.screens.collect_staff import CollectStaffScreen

    desk = make_desk(deps, None)
    screen = CollectStaffScreen(desk, deps.theme, deps.settings.staff_pin, deps.clock)
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


def install_pickup(shell: Shell, deps: ScreenDeps) -> PickupFallback:
    router = shell.router
    fallback = PickupFallback(router, parent=shell.owner)
    shell.input_router.add_fallback(fallback)
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

    shell.attract.first_painted.connect(
        lambda: QTimer.singleShot(WARM_UP_AFTER_MS, shell.owner, warm_up)
    )
    shell.shutdown_hooks.append(lambda: _wait_desks(router))
    shell.services["collect_pickup"] = fallback
    return fallback


def _wait_desks(router: Router) -> None:
    """Let the desks' workers finish before the database closes."""
    for screen in router.built_screens():
        desk = getattr(screen, "desk", None)
        if isinstance(desk, CollectDesk):
            desk.wait()
