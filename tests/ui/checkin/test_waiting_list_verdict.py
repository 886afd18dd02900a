"""The door's verdict for a person on the waiting list: where they stand, whether a place is
theirs, in French and English, amber with its triangle and its sound (not colour alone)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Event
from kiosk.domain import RegistrationStatus
from kiosk.identity import link_badge
from kiosk.ports import BadgePresented
from kiosk.settings import Language
from kiosk.signup.registration import cancel, sign_up
from tests.helpers.checkin_world import NOW, World
from tests.ui.checkin.conftest import RecordedSounds
from tools.screenshots.checkin import sample_results
from ui.checkin.desk import CheckinDesk
from ui.checkin.self_checkin import SelfCheckin
from ui.checkin.verdict_panel import Shape
from ui.checkin.verdicts import Tone, VerdictView, describe
from ui.i18n import LanguageSwitcher
from ui.sounds import Cue
from ui.theme import ThemeController

DAN_UID = bytes.fromhex("04d1d2d3d4d5d6")
BOB_UID = bytes.fromhex("04e1e2e3e4e5e6")
EARLY = NOW - timedelta(hours=3)


@pytest.fixture
def checkin(
    qapp: Any, qtbot: QtBot, desk: CheckinDesk, sounds: RecordedSounds
) -> Iterator[SelfCheckin]:
    window = QWidget()
    window.resize(1920, 1080)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    theme = ThemeController(qapp)
    theme.apply()
    controller = SelfCheckin(desk, window, theme, sounds)
    yield controller
    controller.reset()
    controller.deleteLater()


@pytest.fixture
def waiting(session_factory: sessionmaker[Session], world: World, desk: CheckinDesk) -> None:
    """The masterclass (Smart Room, open for check-in) has one place, Alice's; Bob then Dan
    joined its waiting list, and both have a badge."""
    with session_factory.begin() as s:
        s.execute(update(Event).where(Event.id == world.masterclass).values(capacity=1))
        for uid, person in ((BOB_UID, world.bob), (DAN_UID, world.dan)):
            badge = desk.badge_hash(uid)
            assert badge is not None
            link_badge(s, badge, person, now=EARLY, nonce=f"test-{person}")
    for minute, person in enumerate((world.bob, world.dan)):
        with session_factory() as s:
            done = sign_up(s, person, world.masterclass, EARLY + timedelta(minutes=minute))
        assert done.status is RegistrationStatus.WAITING_LIST


def tap(checkin: SelfCheckin, qtbot: QtBot, uid: bytes) -> VerdictView:
    with qtbot.waitSignal(
        checkin.verdict_shown, timeout=5000, check_params_cb=lambda v: v.tone is not Tone.PENDING
    ):
        assert checkin.handle_badge(BadgePresented(uid, "test reader"))
    assert checkin.view is not None
    return checkin.view


@pytest.mark.usefixtures("waiting")
def test_the_second_in_line_hears_the_warning_and_reads_the_position(
    checkin: SelfCheckin, qtbot: QtBot, sounds: RecordedSounds
) -> None:
    view = tap(checkin, qtbot, DAN_UID)
    assert view.tone is Tone.AMBER
    assert checkin.panel.shape == Shape.TRIANGLE
    assert sounds.played == [Cue.WARNING]
    assert view.title == "Dan, vous êtes sur la liste d’attente"
    assert "Vous êtes sur la liste d’attente, en 2ᵉ position." in view.action
    assert "Toutes les places sont prises" in view.action
    assert not view.offer_walk_in
    assert not checkin.panel.accept_button.isVisible()


@pytest.mark.usefixtures("waiting")
def test_a_freed_place_is_offered_to_the_first_in_line_only(
    checkin: SelfCheckin,
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    world: World,
    sounds: RecordedSounds,
) -> None:
    with session_factory() as s:  # Alice gives her place back after the start: nobody promoted
        assert cancel(s, world.alice, world.masterclass, NOW - timedelta(minutes=1)).promoted == ()
    dan = tap(checkin, qtbot, DAN_UID)
    assert not dan.offer_walk_in  # Bob is ahead of him
    assert "Il reste 1 place." in dan.action
    assert "avant vous" in dan.action
    checkin.reset()

    bob = tap(checkin, qtbot, BOB_UID)
    assert bob.offer_walk_in
    assert bob.title == "Bob, une place s’est libérée pour vous"
    assert "en 1ʳᵉ position" in bob.action
    qtbot.mouseClick(checkin.panel.accept_button, Qt.MouseButton.LeftButton)  # M'inscrire
    with qtbot.waitSignal(
        checkin.verdict_shown, timeout=5000, check_params_cb=lambda v: v.tone is Tone.GREEN
    ):
        qtbot.mouseClick(checkin.panel.accept_button, Qt.MouseButton.LeftButton)  # Confirmer
    assert checkin.panel.shape == Shape.DISC
    assert sounds.played[-1] is Cue.OK


def test_the_waiting_verdict_is_said_in_english(qapp: Any) -> None:
    switcher = LanguageSwitcher(qapp)
    switcher.apply(Language.EN)
    try:
        samples = sample_results(NOW)
        waiting = describe(samples["waiting-list"], NOW)
        free = describe(samples["waiting-list-place-free"], NOW)
    finally:
        switcher.uninstall()
    assert waiting.title == "Hélène, you are on the waiting list"
    assert waiting.action.startswith("You are on the waiting list, number 3 in line.")
    assert free.title == "Hélène, a place has come free for you"
    assert "first in line" in free.action
    for text in (waiting.title, waiting.action, free.title, free.action):
        assert "attente" not in text
        assert "place libre" not in text
