"""RGPD information where data is collected: the line on each form, the details in force."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.rgpd.notice import Collection, PrivacyTerms
from kiosk.settings import Profile
from ui.events.agenda import EventRole
from ui.widgets.privacy import PrivacyDetails, PrivacyLine

RETENTION = {"visitors": 30, "checkins": 730, "help_requests": 200, "handovers": 1825}
CONTACT = "dpd@departement06.fr"


def open_details(qtbot: QtBot, line: PrivacyLine) -> PrivacyDetails:
    assert line.isVisible()
    assert line.text.text()  # what is collected, for what
    qtbot.mouseClick(line.more, Qt.MouseButton.LeftButton)
    details = line.details
    assert details is not None
    assert details.isVisible()
    assert details.geometry() == line.window().rect()  # the whole window, over the form
    return details


@pytest.fixture
def build(make_shell: Callable[..., Any]) -> Iterator[Callable[[Profile, str], Any]]:
    """The capability's screen on a shell whose settings shorten or lengthen some periods."""
    screens: list[Any] = []

    def make(profile: Profile, key: str) -> Any:
        shell = make_shell(profile=profile, retention=RETENTION, privacy_contact=CONTACT)
        shell.router.go(key)
        screens.append(shell.router.current)
        return shell.router.current

    yield make
    for screen in screens:  # desks with a worker of their own finish before the shell goes
        desk = getattr(screen, "desk", None)
        if desk is not None:
            desk.wait()


def test_the_visitor_form_says_the_periods_in_force(
    qtbot: QtBot, build: Callable[[Profile, str], Any]
) -> None:
    door = build(Profile.ROOM, "door")
    door._go(door.page.__class__.VISITOR)
    details = open_details(qtbot, door.visitor.privacy)
    assert details.kept.text().splitlines() == [
        "• Visiteurs extérieurs (nom, organisme, courriel)\u202f: 30 jours",
        "• Arrivées aux événements\u202f: 2 ans",
    ]
    assert CONTACT in details.rights.text()
    qtbot.mouseClick(details.close_button, Qt.MouseButton.LeftButton)
    assert door.visitor.privacy.details is None


def test_the_visitor_sign_up_says_the_periods_in_force_and_forgets_at_retour(
    qtbot: QtBot, build: Callable[[Profile, str], Any]
) -> None:
    agenda = build(Profile.ROOM, "events")
    qtbot.waitUntil(lambda: agenda.model.rowCount() > 0)
    shown = [agenda.model.index(n).data(EventRole) for n in range(agenda.model.rowCount())]
    event = next(e for e in shown if e.open_to_external)
    agenda.open_event(event)
    qtbot.mouseClick(agenda.signup.no_badge, Qt.MouseButton.LeftButton)
    privacy = agenda.visitor.form.privacy
    assert "inscription" in privacy.text.text()
    details = open_details(qtbot, privacy)
    assert details.kept.text().splitlines()[:2] == [
        "• Visiteurs extérieurs (nom, organisme, courriel)\u202f: 30 jours",
        "• Arrivées aux événements\u202f: 2 ans",
    ]
    assert len(details.kept.text().splitlines()) == 3  # and the printed slip's job
    assert agenda.go_back()  # « Retour »: the form goes, its details with it
    assert privacy.details is None


def test_a_badge_linked_to_a_name_is_told_only_when_linking(
    qtbot: QtBot, build: Callable[[Profile, str], Any]
) -> None:
    door = build(Profile.ROOM, "door")
    door.unknown_badge = "a badge hash"
    door._open_search(linking=True)
    details = open_details(qtbot, door.search.privacy)
    assert "• Arrivées aux événements\u202f: 2 ans" in details.kept.text()
    details.close_details()
    door._open_search(linking=False)
    assert not door.search.privacy.isVisible()


def test_the_help_description_says_its_period(
    qtbot: QtBot, build: Callable[[Profile, str], Any]
) -> None:
    help_screen = build(Profile.STORE, "help")
    help_screen._show_page(help_screen.describe)
    details = open_details(qtbot, help_screen.describe.privacy)
    assert "• Demandes d’aide et leur description\u202f: 200 jours" in details.kept.text()
    help_screen.reset()  # the idle reset: the details go with the visitor
    assert help_screen.describe.privacy.details is None


def test_the_signature_says_its_period(qtbot: QtBot, build: Callable[[Profile, str], Any]) -> None:
    pickup = build(Profile.STORE, "collect")
    pickup._stack.setCurrentWidget(pickup.confirm_page)
    details = open_details(qtbot, pickup.confirm_page.privacy)
    assert "• Remises de matériel et signatures\u202f: 5 ans" in details.kept.text()


@pytest.mark.parametrize("collection", list(Collection))
def test_french_typography(qtbot: QtBot, collection: Collection) -> None:
    details = PrivacyDetails_for(qtbot, collection)
    texts = [details.title.text(), details.what.text(), details.responsible.text()]
    texts += [details.kept_title.text(), details.kept.text(), details.rights.text()]
    for text in texts:
        assert "'" not in text, text
        assert not re.search(r"[^\u202f][:;!?](\s|$)", text.replace("https:", "")), text


def PrivacyDetails_for(qtbot: QtBot, collection: Collection) -> PrivacyDetails:
    from PySide6.QtWidgets import QApplication

    from ui.theme import ThemeController

    theme = ThemeController(QApplication.instance())  # type: ignore[arg-type]
    details = PrivacyDetails(theme, collection, PrivacyTerms.defaults())
    qtbot.addWidget(details)
    return details
