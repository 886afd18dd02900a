"""Puts the Kiosque numérique into the kiosk: its desk (workers) and its screen.

Kept apart from :mod:`ui.capabilities` so that the tile registry stays cheap to import: this
module, QtPdf and the catalogue's domain are loaded on the first visit of the Kiosque.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.document_desk import DocumentDesk
from ui.screens.documents import DocumentsScreen

if TYPE_CHECKING:
    from ui.capabilities import ScreenDeps
    from ui.shell import Shell


def install_shutdown(shell: Shell) -> None:
    """At shutdown, let the desk's index worker finish (the screen may never have been built)."""

    def stop() -> None:
        for screen in shell.router.built_screens():
            if isinstance(screen, DocumentsScreen):
                screen.desk.shutdown()

    shell.shutdown_hooks.append(stop)


def documents_screen(deps: ScreenDeps) -> DocumentsScreen:
    desk = DocumentDesk(deps.database, deps.settings, deps.clock, deps.executor)
    screen = DocumentsScreen(desk, deps.theme, deps.bridge)
    desk.setParent(screen)
    return screen
