"""Besoin d'aide ? in the shell: its screen, and the GLPI forwarding worker when configured."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.settings import Profile
from ui.host import Capability, Host, ScreenDeps, Service
from ui.theme import Area

if TYPE_CHECKING:
    from hardware.glpi import ForwardWorker
    from ui.screens.base import Screen

log = logging.getLogger(__name__)


def help_screen(deps: ScreenDeps) -> Screen:
    from ui.help.screen import HelpScreen

    return HelpScreen(deps)


def install_glpi_forwarding(host: Host, deps: ScreenDeps) -> None:
    """Send queued requests to GLPI from a thread of its own, once the kiosk is up.

    Off unless ``glpi_url`` and ``glpi_user_token`` are set. The worker retries by itself
    (backoff) and polls for new requests every few seconds: the screens never wait on GLPI.
    The forwarding's modules (and the ORM under them) load on the executor after the first
    paint, not before it.
    """
    workers: list[ForwardWorker] = []

    def make() -> tuple[ForwardWorker, str] | None:  # on the executor's worker
        if not deps.settings.forwards_to_glpi:
            return None  # nor its HTTP client and the ORM under it: nothing to forward
        from hardware.glpi import ForwardWorker, GlpiForwarder, glpi_config

        config = glpi_config(deps.settings)
        if config is None:
            return None
        sessions = deps.database.session_factory()
        forwarder = GlpiForwarder(sessions, deps.clock, config)
        return ForwardWorker(forwarder, deps.clock, idle_s=10), config.url

    def start(made: tuple[ForwardWorker, str] | None) -> None:
        if made is None:
            return
        worker, url = made
        worker.start()
        workers.append(worker)
        log.info("forwarding help requests to GLPI at %s", url)

    def stop() -> None:
        for worker in workers:
            worker.stop()

    host.shutdown_hooks.append(stop)
    host.first_painted.connect(lambda: deps.executor.submit(make, start) if not workers else None)


# Smart Store: a queue ticket to see a technician (and, when configured, a GLPI ticket).
HELP = Capability(
    key="help",
    area=Area.HELP,
    icon="headset",
    title=lambda: QCoreApplication.translate("Capabilities", "Besoin d’aide\u202f?"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Un technicien vous reçoit\u202f: prenez un numéro"
    ),
    make_screen=help_screen,
    profiles=frozenset({Profile.STORE}),
    order=30,
)
HELP_FORWARDING = Service(
    key="help_forwarding", install=install_glpi_forwarding, profiles=frozenset({Profile.STORE})
)
