"""The device side of the administration: the hardware screen, the badge simulator, and the
simulated printer's ticket on screen. Installed by the shell; the screens are built on first
visit, so their modules cost nothing at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QTimer

from kiosk.ports import PrinterStatus

if TYPE_CHECKING:
    from kiosk.people import AgentSummary
    from ui.screens.badge_simulator import BadgeSimulatorScreen
    from ui.screens.hardware import HardwareScreen
    from ui.shell import Shell

log = logging.getLogger(__name__)

HARDWARE: Final = "hardware"
SIMULATOR: Final = "badge_simulator"
ADMIN_AREA: Final = frozenset({"pin", "admin", "stats", HARDWARE, SIMULATOR})
TAP_AFTER_MS: Final = 100  # after the cross-fade back: the badge reaches the visitor's screen


def install(shell: Shell) -> None:
    shell.router.register(HARDWARE, lambda: make_hardware(shell))
    shell.router.register(SIMULATOR, lambda: make_simulator(shell))
    ticket = shell.window.ticket
    shell.bridge.ticket_printed.connect(
        lambda _receipt, _data, preview, paper: ticket.show_ticket(preview, paper)
    )
    shell.idle.session_reset.connect(ticket.dismiss)  # the last visitor's ticket goes with them


def make_hardware(shell: Shell) -> HardwareScreen:
    from ui.screens.hardware import HardwareScreen

    def ask_printer_status(answer: Callable[[PrinterStatus], None]) -> bool:
        if shell.devices is None:
            return False
        shell.devices.printer.request_status(answer)
        return True

    from ui.screens.print_queue import PrintQueueSection

    screen = HardwareScreen(
        shell.settings,
        shell.theme,
        shell.bridge,
        ask_printer_status,
        simulated_reader=lambda: (
            shell.devices is not None and shell.devices.badge_simulator is not None
        ),
        simulated_printer=lambda: shell.devices is not None and shell.devices.printer_simulated,
    )
    screen.add_section(
        PrintQueueSection(
            shell.theme,
            shell.bridge,
            lambda: shell.devices.spooler if shell.devices is not None else None,
        )
    )
    for make_section in shell.hardware_sections:
        screen.add_section(make_section())
    screen.back_requested.connect(shell.router.back)
    return screen


def make_simulator(shell: Shell) -> BadgeSimulatorScreen:
    from ui.screens.badge_simulator import BadgeSimulatorScreen

    database = shell.database

    def search(query: str, limit: int) -> list[AgentSummary]:  # on the worker thread
        from kiosk.people import search_agents

        with database.session_factory()() as session:
            return search_agents(session, query, limit)

    screen = BadgeSimulatorScreen(search, shell.executor, shell.theme)
    screen.back_requested.connect(shell.router.back)
    screen.badge_chosen.connect(lambda uid: simulate_tap(shell, uid))
    return screen


def simulate_tap(shell: Shell, uid: bytes) -> None:
    """Back to the visitor's screen (out of the administration), then the card is tapped."""
    simulator = shell.devices.badge_simulator if shell.devices is not None else None
    if simulator is None:
        log.warning("no badge simulator: this kiosk has a real reader")
        return
    shell.router.back_past(set(ADMIN_AREA))
    delay = shell.window.transition.duration_ms + TAP_AFTER_MS
    QTimer.singleShot(delay, shell.owner, lambda: simulator.tap(uid))
