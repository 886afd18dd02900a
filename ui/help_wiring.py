"""Besoin d'aide ? in the shell: its screen, and the GLPI forwarding worker when configured."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from ui.capabilities import ScreenDeps
    from ui.screens.base import Screen
    from ui.shell import Shell

log = logging.getLogger(__name__)


def help_screen(deps: ScreenDeps) -> Screen:
    from ui.screens.help import HelpScreen

    return HelpScreen(deps)


def install_glpi_forwarding(shell: Shell, deps: ScreenDeps) -> None:
    """Send queued requests to GLPI from a thread of its own, once the kiosk is up.

    Off unless ``glpi_url`` and ``glpi_user_token`` are set. The worker retries by itself
    (backoff) and polls for new requests every few seconds: the screens never wait on GLPI.
    """
    from kiosk.glpi import ForwardWorker, GlpiForwarder, glpi_config

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

    shell.shutdown_hooks.append(stop)
    shell.attract.first_painted.connect(
        lambda: deps.executor.submit(deps.database.session_factory, start) if not workers else None
    )
