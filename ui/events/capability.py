"""The programme's tile: « Événements », the agenda of the Smart Corner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.host import ALL_PROFILES, Capability, ScreenDeps
from ui.screens.base import Screen
from ui.theme import Area


def _agenda_screen(deps: ScreenDeps) -> Screen:
    from ui.events.agenda import AgendaScreen  # on first visit: the start stays fast

    return AgendaScreen(deps.feed, deps.theme, deps.clock, notices=deps.notices)


EVENTS = Capability(
    key="events",
    area=Area.EVENTS,
    icon="calendar-event",
    title=lambda: QCoreApplication.translate("Capabilities", "Événements"),
    subtitle=lambda: QCoreApplication.translate("Capabilities", "Le programme du Smart Corner"),
    make_screen=_agenda_screen,
    profiles=ALL_PROFILES,
    order=20,
)
