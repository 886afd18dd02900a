"""Puts check-in into the kiosk: self check-in on room kiosks, the door screen for staff.

Kept apart from :mod:`ui.capabilities` so that the tile registry stays cheap to import: this
module (and the domain behind it) is loaded when the shell installs self check-in or when
the door screen is first visited.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer

from ui.checkin_desk import CheckinDesk, place_of
from ui.self_checkin import SelfCheckin
from ui.sounds import Earcons

if TYPE_CHECKING:
    from kiosk.settings import Settings
    from kiosk.tickets import TicketIssuer, TicketVerifier
    from ui.capabilities import ScreenDeps
    from ui.screens.base import Screen
    from ui.shell import Shell

log = logging.getLogger(__name__)

# Once the kiosk has settled after its first paint: open the check-in side (imports, site key,
# ticket key, this kiosk's row), then load QtMultimedia. A badge tapped before simply waits
# for the same work, behind "Vérification…".
WARM_UP_AFTER_MS: Final = 1500
SOUNDS_AFTER_MS: Final = 3000


def _site_key(settings: Settings) -> bytes:
    from kiosk.identity import load_site_key

    return load_site_key(settings.site_key_path)


def _verifier(settings: Settings) -> TicketVerifier | None:
    from kiosk.tickets import TicketVerifier, load_public_keys

    path = settings.ticket_public_key_path
    if not path.exists():
        log.warning("no ticket public key at %s: this kiosk cannot read ticket codes", path)
        return None
    return TicketVerifier(load_public_keys(path))


def load_issuer(settings: Settings) -> TicketIssuer | None:
    """The ticket signer, on the one kiosk that holds the private key (visitor passes then
    carry a real ticket); elsewhere None."""
    path = settings.ticket_private_key_path
    if not path.exists():
        return None
    from kiosk.tickets import TicketIssuer, load_private_key

    return TicketIssuer(load_private_key(path))


def make_desk(deps: ScreenDeps, parent: QObject | None) -> CheckinDesk:
    """A check-in desk on the kiosk's database, for this kiosk's row."""
    database, settings, clock = deps.database, deps.settings, deps.clock
    return CheckinDesk(
        database.session_factory,
        clock,
        site_key=lambda: _site_key(settings),
        verifier=lambda: _verifier(settings),
        place=lambda: place_of(database.this_kiosk(clock.now())),
        parent=parent,
    )


def install_self_checkin(shell: Shell, deps: ScreenDeps) -> SelfCheckin:
    """Badges and codes that the current screen does not take check their holder in."""
    desk = make_desk(deps, shell.owner)
    sounds = Earcons(shell.owner)
    checkin = SelfCheckin(desk, shell.window, shell.theme, sounds, parent=shell.owner)
    shell.input_router.add_fallback(checkin)
    shell.idle.session_reset.connect(checkin.reset)
    shell.shutdown_hooks.append(checkin.shutdown)

    def settled() -> None:
        QTimer.singleShot(WARM_UP_AFTER_MS, desk, desk.warm_up)
        QTimer.singleShot(SOUNDS_AFTER_MS, sounds, sounds.preload)

    shell.attract.first_painted.connect(settled)
    shell.services["self_checkin"] = checkin
    return checkin


def door_screen(deps: ScreenDeps) -> Screen:
    from ui.screens.door import DoorScreen

    return DoorScreen.build(deps)
