"""« Projets numériques » on the room and store kiosks: the tile and its screen (whose modules
load on the first visit)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.settings import Profile
from ui.host import Capability, ScreenDeps
from ui.screens.base import Screen
from ui.theme import Area


def projects_screen(deps: ScreenDeps) -> Screen:
    from ui.projects.desk import ProjectDesk
    from ui.projects.screen import ProjectsScreen

    desk = ProjectDesk(deps.database, deps.settings, deps.clock, deps.executor)
    screen = ProjectsScreen(desk, deps.theme)
    desk.setParent(screen)
    return screen


PROJECTS = Capability(
    key="projects",
    area=Area.DOCUMENTS,
    icon="bulb",
    title=lambda: QCoreApplication.translate("Capabilities", "Projets numériques"),
    subtitle=lambda: QCoreApplication.translate("Capabilities", "Les projets du Département"),
    make_screen=projects_screen,
    profiles=frozenset({Profile.ROOM, Profile.STORE, Profile.TOUR}),
    order=15,
)
