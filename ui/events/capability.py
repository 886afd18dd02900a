"""The programme's tile: « Événements », the agenda of the Smart Corner, where a badge on an
event's page signs up, joins the waiting list or cancels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from ui.events.signup_desk import SignupDesk
from ui.host import ALL_PROFILES, Capability, ScreenDeps
from ui.screens.base import Screen
from ui.theme import Area


def make_signup_desk(deps: ScreenDeps, parent: QObject | None = None) -> SignupDesk:
    """The sign-up desk on the kiosk's database; opened on its worker at the first call."""
    database, settings = deps.database, deps.settings

    def site_key() -> bytes:
        from kiosk.identity import load_site_key

        return load_site_key(settings.site_key_path)

    return SignupDesk(
        database.session_factory, deps.clock, site_key=site_key, kiosk=database.this_kiosk,
        parent=parent,
    )  # fmt: skip


def _agenda_screen(deps: ScreenDeps) -> Screen:
    from kiosk.rgpd.notice import PrivacyTerms
    from ui.events.agenda import AgendaScreen  # on first visit: the start stays fast

    return AgendaScreen(
        deps.feed,
        deps.theme,
        deps.clock,
        notices=deps.notices,
        desk=make_signup_desk(deps),
        privacy=PrivacyTerms.from_settings(deps.settings),
    )


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
