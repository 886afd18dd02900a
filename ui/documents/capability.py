"""Puts the Kiosque numérique into the kiosk: its tile and its screen (whose
``stop_work`` lets the desk's index worker finish at shutdown).

Cheap to import: the screen's module, QtPdf and the catalogue's domain are loaded on the
first visit of the Kiosque.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.host import ALL_PROFILES, Capability, ScreenDeps
from ui.screens.base import Screen
from ui.theme import Area


def documents_screen(deps: ScreenDeps) -> Screen:
    from ui.documents.desk import DocumentDesk
    from ui.documents.screen import DocumentsScreen

    desk = DocumentDesk(deps.database, deps.settings, deps.clock, deps.executor)
    screen = DocumentsScreen(desk, deps.theme, deps.bridge)
    desk.setParent(screen)
    return screen


# Every kiosk: documents to read on screen or take away by QR code.
DOCUMENTS = Capability(
    key="documents",
    area=Area.DOCUMENTS,
    icon="books",
    title=lambda: QCoreApplication.translate("Capabilities", "Kiosque numérique"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Guides et articles à lire ou à emporter"
    ),
    make_screen=documents_screen,
    profiles=ALL_PROFILES,
    order=10,
)
