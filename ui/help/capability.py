"""Besoin d'aide ? in the shell: its screen, and the GLPI forwarding worker when configured."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.settings import Profile
from ui.host import Capability, Host, ScreenDeps, Service
from ui.theme import Area

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from ui.screens.base import Screen

log = logging.getLogger(__name__)


def help_screen(deps: ScreenDeps) -> Screen:
    from ui.help.screen import HelpScreen

    return HelpScreen(deps)


def install_glpi_forwarding(host: Host, deps: ScreenDeps) -> None:
    """Send queued requests to GLPI from a thread of its own, once the kiosk is up.

    Off unless ``glpi_url`` and ``glpi_user_token`` are set. The worker retries by itself
    (backoff) and polls for new requests every few seconds: the screens never wait on GLPI.
    """
    from hardware.glpi import ForwardWorker, GlpiForwarder, glpi_config

    config = glpi_config(deps.settings)
    if config is None:
        return
    workers: list[ForwardWorker] = []

    def start(sessions: sessionmaker[Session]) -> None:
        worker = ForwardWorker(GlpiForwarder(sessions, deps.clock, config), deps.clock, idle_s=10)
        worker.start()
        workers.append(worker)
        log.info("forwarding help requests to GLPI at %s", config.url)

    def stop() -> None:
        for worker in workers:
            worker.stop()

    host.shutdown_hooks.append(stop)
    host.first_painted.connect(
        lambda: deps.executor.submit(deps.database.session_factory, start) if not workers else None
    )


# Smart Store: a queue ticket to see a technician (and, when configured, a GLPI ticket).
HELP = Capability(
    key="help",
    area=Area.HELP,
    icon="headset",
    title=lambda: QCoreApplication.translate("Capabilities", "Besoin d'aide ?"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Un technicien vous reçoit : prenez un numéro"
    ),
    make_screen=help_screen,
    profiles=frozenset({Profile.STORE}),
    order=30,
)
HELP_FORWARDING = Service(
    key="help_forwarding", install=install_glpi_forwarding, profiles=frozenset({Profile.STORE})
)
