"""Puts check-in into the kiosk: self check-in on room kiosks, the door screen for staff.

Cheap to import: the check-in side (desk, verdicts, domain) is loaded when the shell installs
self check-in or when the door screen is first visited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QTimer

from kiosk.settings import Profile
from ui.host import Capability, Host, ScreenDeps, Service
from ui.theme import Area

if TYPE_CHECKING:
    from ui.checkin.self_checkin import SelfCheckin
    from ui.screens.base import Screen

# Once the kiosk has settled after its first paint: open the check-in side (imports, site key,
# ticket key, this kiosk's row, a rehearsed check-in), then load the sounds (QtMultimedia's
# libraries on a worker, ui.sounds). One after the other: two Python workers busy at once
# make the GUI thread wait for the GIL between its Qt calls (the sounds' few ms on the GUI
# thread took 200-290 ms while the check-in side opened). A badge tapped before simply waits
# for the same work, behind "Vérification…".
WARM_UP_AFTER_MS: Final = 1500


def install_self_checkin(host: Host, deps: ScreenDeps) -> SelfCheckin:
    """Badges and codes that the current screen does not take check their holder in."""
    from ui.checkin.desk import make_desk
    from ui.checkin.self_checkin import SelfCheckin
    from ui.sounds import Earcons

    desk = make_desk(deps, host.owner)
    sounds = Earcons(host.owner)
    checkin = SelfCheckin(desk, host.window, host.theme, sounds, parent=host.owner)
    host.input_router.add_fallback(checkin)
    host.session_reset.connect(checkin.reset)
    # A timer that shutdown stops for good: a warm-up started after the shutdown had waited for
    # the worker ran on while the desk was deleted ("Signal source has been deleted" a test
    # later), also when the first paint came during the shutdown.
    warm_up = QTimer(desk, singleShot=True, interval=WARM_UP_AFTER_MS)
    warm_up.timeout.connect(desk.warm_up)
    warm_up.timeout.connect(checkin.rehearse_paint)  # and the verdict's first paint
    stopped: list[bool] = []

    def stop_warm_up() -> None:
        stopped.append(True)
        warm_up.stop()

    host.shutdown_hooks.append(stop_warm_up)
    host.shutdown_hooks.append(checkin.shutdown)

    def settled() -> None:
        if not stopped:
            warm_up.start()

    desk.ready.connect(sounds.preload)
    desk.unavailable.connect(lambda _reason: sounds.preload())

    host.first_painted.connect(settled)
    return checkin


def door_screen(deps: ScreenDeps) -> Screen:
    from ui.checkin.door import DoorScreen

    return DoorScreen.build(deps)


# Staff: "Mode accueil" at the door of an event (unlocked by a staff badge or the admin PIN).
DOOR = Capability(
    key="door",
    area=Area.EVENTS,
    icon="door-enter",
    title=lambda: QCoreApplication.translate("Capabilities", "Accueil événement"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Équipe\u202f: enregistrer les arrivées"
    ),
    make_screen=door_screen,
    profiles=frozenset({Profile.ROOM, Profile.TOUR}),
    order=90,
)

# Room kiosks: a badge or a ticket code on any screen checks its holder in (no tile).
SELF_CHECKIN = Service(
    key="self_checkin", install=install_self_checkin, profiles=frozenset({Profile.ROOM})
)
