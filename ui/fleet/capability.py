"""Fleet health as a service of every kiosk: its heartbeat (a worker of its own) and the
« Parc des bornes » screen, reached from the administration.

Cheap to import: the heartbeat's side (desk, state, rules) loads when the shell installs the
service, after the first paint.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QTimer

from ui.host import Host, ScreenDeps, Service

if TYPE_CHECKING:
    from ui.fleet.desk import FleetDesk, Gather
    from ui.fleet.screen import FleetScreen

FLEET: Final = "fleet"  # the screen's route
FIRST_BEAT_MS: Final = 3_000  # after the first paint: the screens and the devices come first


def gatherer(host: Host, started_at: datetime) -> Gather:
    """What the running kiosk knows of itself, read on the GUI thread at each heartbeat."""
    from kiosk.display_schedule import format_days
    from kiosk.fleet.state import DeviceState, KioskState, Since

    since = Since()
    settings = host.settings
    started = time.monotonic()

    def gather(now: datetime) -> KioskState:
        bridge, devices = host.bridge, host.devices
        printer = reader = camera = None
        if devices is not None and not devices.printer_simulated:
            state = str(bridge.printer.state)
            printer = DeviceState(state, since.mark("printer", state, now), bridge.printer.detail)
        if settings.reader != "none":
            state = str(bridge.reader.state)
            reader = DeviceState(state, since.mark("reader", state, now), bridge.reader.detail)
        if settings.camera:
            state = str(bridge.camera.state)
            camera = DeviceState(state, since.mark("camera", state, now))
        quiet = timedelta(milliseconds=host.quiet_ms())
        # the idle monitor counts from the start: no touch since then is "nobody yet"
        touched = quiet.total_seconds() < time.monotonic() - started - 1
        return KioskState(
            profile=str(settings.profile),
            site=settings.site,
            started_at=started_at,
            last_interaction_at=now - quiet if touched else None,
            reader=reader,
            printer=printer,
            camera=camera,
            last_scan_at=bridge.last_scan.at if bridge.last_scan is not None else None,
            syncs=bool(settings.central_db),
            display_hours=str(settings.display_hours or ""),
            display_days=format_days(settings.display_days),
        )

    return gather


def install(host: Host, deps: ScreenDeps) -> FleetDesk:
    from ui.fleet.desk import FleetDesk

    desk = FleetDesk(
        host.settings,
        deps.clock,
        host.database,
        gatherer(host, deps.clock.now()),
        parent=host.owner,
    )
    host.router.register(FLEET, lambda: make_screen(host, desk))
    host.first_painted.connect(lambda: _start_later(host, desk))
    host.shutdown_hooks.append(desk.stop)
    return desk


def _start_later(host: Host, desk: FleetDesk) -> None:
    QTimer.singleShot(FIRST_BEAT_MS, host.owner, desk.start)


def make_screen(host: Host, desk: FleetDesk) -> FleetScreen:
    from ui.fleet.screen import FleetScreen

    screen = FleetScreen(host.theme, desk, host.settings)
    screen.back_requested.connect(host.router.back)
    return screen


FLEET_HEALTH = Service(key="fleet", install=install)
