"""The device side of the administration: the hardware screen, the badge simulator, and the
simulated printer's ticket on screen. Installed by the host; the screens are built on first
visit, so their modules cost nothing at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QTimer

from kiosk.ports import PrinterStatus
from ui.host import Host, ScreenDeps, Service

if TYPE_CHECKING:
    from kiosk.people import AgentSummary
    from ui.devices.badge_simulator import BadgeSimulatorScreen
    from ui.devices.hardware_screen import HardwareScreen

log = logging.getLogger(__name__)

HARDWARE: Final = "hardware"
SIMULATOR: Final = "badge_simulator"
ADMIN_AREA: Final = frozenset({"pin", "admin", "stats", "fleet", HARDWARE, SIMULATOR})
TAP_AFTER_MS: Final = 100  # after the cross-fade back: the badge reaches the visitor's screen


def install(host: Host, deps: ScreenDeps) -> None:
    host.router.register(HARDWARE, lambda: make_hardware(host))
    host.router.register(SIMULATOR, lambda: make_simulator(host))
    ticket = host.window.ticket
    host.bridge.ticket_printed.connect(
        lambda _receipt, _data, preview, paper: ticket.show_ticket(preview, paper)
    )
    host.session_reset.connect(ticket.dismiss)  # the last visitor's ticket goes with them
    # It closes with its flow too ("Retour", "Accueil", the flow's own end): the preview shows
    # a name, a matricule, serial numbers, which must not wait on the next person's screen.
    host.router.current_changed.connect(
        lambda _key: ticket.dismiss() if ticket.isVisible() else None
    )


def make_hardware(host: Host) -> HardwareScreen:
    from ui.devices.hardware_screen import HardwareScreen

    def ask_printer_status(answer: Callable[[PrinterStatus], None]) -> bool:
        if host.devices is None:
            return False
        host.devices.printer.request_status(answer)
        return True

    from ui.devices.print_queue import PrintQueueSection

    screen = HardwareScreen(
        host.settings,
        host.theme,
        host.bridge,
        ask_printer_status,
        simulated_reader=lambda: (
            host.devices is not None and host.devices.badge_simulator is not None
        ),
        simulated_printer=lambda: host.devices is not None and host.devices.printer_simulated,
    )
    screen.add_section(
        PrintQueueSection(
            host.theme,
            host.bridge,
            lambda: host.devices.spooler if host.devices is not None else None,
        )
    )
    for make_section in host.hardware_sections:
        screen.add_section(make_section())
    screen.back_requested.connect(host.router.back)
    return screen


def make_simulator(host: Host) -> BadgeSimulatorScreen:
    from ui.devices.badge_simulator import BadgeSimulatorScreen

    database = host.database

    def search(query: str, limit: int) -> list[AgentSummary]:  # on the worker thread
        from kiosk.people import search_agents

        with database.session_factory()() as session:
            return search_agents(session, query, limit)

    screen = BadgeSimulatorScreen(search, host.executor, host.theme)
    screen.back_requested.connect(host.router.back)
    screen.badge_chosen.connect(lambda uid: simulate_tap(host, uid))
    return screen


def simulate_tap(host: Host, uid: bytes) -> None:
    """Back to the visitor's screen (out of the administration), then the card is tapped."""
    simulator = host.devices.badge_simulator if host.devices is not None else None
    if simulator is None:
        log.warning("no badge simulator: this kiosk has a real reader")
        return
    host.router.back_past(set(ADMIN_AREA))
    delay = host.window.transition.duration_ms + TAP_AFTER_MS
    QTimer.singleShot(delay, host.owner, lambda: simulator.tap(uid))


# Every kiosk: the hardware screen and the badge simulator (reached from the administration),
# and the simulated printer's ticket on screen.
DEVICES = Service(key="devices", install=install)
