"""Self check-in on a real database: the verdict, its colour, shape, words and sound."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.tables import Attendance
from kiosk.codes import TicketIssuer, generate_private_key
from kiosk.db.models import Registration
from kiosk.domain import CheckinMethod
from kiosk.ports import BadgePresented, FixedClock
from tests.helpers.checkin_world import ALICE_UID, NOW, UNKNOWN_UID, World
from tests.ui.checkin.conftest import RecordedSounds
from ui.checkin import self_checkin as self_checkin_module
from ui.checkin.desk import CheckinDesk
from ui.checkin.self_checkin import SelfCheckin
from ui.checkin.verdict_panel import PALETTES, Shape
from ui.checkin.verdicts import Tone
from ui.sounds import Cue
from ui.theme import ThemeController

DAN_UID = bytes.fromhex("04d1d2d3d4d5d6")
BOB_UID = bytes.fromhex("04e1e2e3e4e5e6")


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.resize(1920, 1080)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def checkin(
    qapp: Any, window: QWidget, desk: CheckinDesk, sounds: RecordedSounds
) -> Iterator[SelfCheckin]:
    theme = ThemeController(qapp)
    theme.apply()
    controller = SelfCheckin(desk, window, theme, sounds)
    yield controller
    controller.reset()
    controller.deleteLater()


def tap(checkin: SelfCheckin, qtbot: QtBot, uid: bytes) -> None:
    with qtbot.waitSignal(checkin.verdict_shown, timeout=5000, check_params_cb=_final):
        assert checkin.handle_badge(BadgePresented(uid, "test reader"))


def scan(checkin: SelfCheckin, qtbot: QtBot, payload: str) -> None:
    with qtbot.waitSignal(checkin.verdict_shown, timeout=5000, check_params_cb=_final):
        assert checkin.handle_scan(payload, "wedge")


def _final(view: Any) -> bool:
    return view.tone is not Tone.PENDING


def painted_colour(checkin: SelfCheckin) -> QColor:
    """The colour actually painted near the top-left corner of the verdict."""
    return checkin.panel.grab().toImage().pixelColor(QPoint(20, 20))


def test_registered_badge_is_green_disc_with_first_name_event_room_and_time(
    checkin: SelfCheckin, qtbot: QtBot, sounds: RecordedSounds
) -> None:
    tap(checkin, qtbot, ALICE_UID)
    view = checkin.view
    assert view is not None
    assert view.tone is Tone.GREEN
    assert checkin.panel.shape == Shape.DISC
    assert "Alice" in view.title
    assert "Martin" not in " ".join((view.title, *view.details, view.action))  # first name only
    assert view.details[0] == "masterclass test"
    assert view.details[1] == "Smart Room · 10:00 – 12:00"
    assert painted_colour(checkin) == QColor(PALETTES[Tone.GREEN].background)
    assert sounds.played == [Cue.OK]


def test_second_tap_later_is_amber_triangle_with_the_first_time(
    checkin: SelfCheckin, qtbot: QtBot, sounds: RecordedSounds, world_clock: FixedClock
) -> None:
    tap(checkin, qtbot, ALICE_UID)
    world_clock.set(NOW + timedelta(minutes=5))
    tap(checkin, qtbot, ALICE_UID)
    view = checkin.view
    assert view is not None
    assert view.tone is Tone.AMBER
    assert checkin.panel.shape == Shape.TRIANGLE
    assert "déjà" in view.title
    assert "10:30" in view.action
    assert "Smart Room — entrée" in view.action
    assert painted_colour(checkin) == QColor(PALETTES[Tone.AMBER].background)
    assert sounds.played == [Cue.OK, Cue.WARNING]


def test_unknown_badge_is_red_octagon_without_any_name(
    checkin: SelfCheckin, qtbot: QtBot, sounds: RecordedSounds
) -> None:
    tap(checkin, qtbot, UNKNOWN_UID)
    view = checkin.view
    assert view is not None
    assert view.tone is Tone.RED
    assert checkin.panel.shape == Shape.OCTAGON
    assert view.title == "Badge non reconnu"
    assert painted_colour(checkin) == QColor(PALETTES[Tone.RED].background)
    assert sounds.played == [Cue.REFUSED]


def test_registered_elsewhere_says_where_and_when_to_go(
    checkin: SelfCheckin, qtbot: QtBot, world: World, desk: CheckinDesk, sessions: Any
) -> None:
    link(sessions, desk, BOB_UID, world.bob)
    tap(checkin, qtbot, BOB_UID)
    view = checkin.view
    assert view is not None
    assert view.tone is Tone.RED
    assert "autre événement" in view.title
    assert "Bob" in view.title
    assert view.details == ("atelier_technologique test", "Smart Lab · 14:00 – 16:00")
    assert view.action == "Rendez-vous au Smart Lab à 14:00."


@pytest.mark.parametrize(
    ("make_code", "title"),
    [
        (lambda w: "HELLO WORLD", "Code non reconnu"),
        (
            lambda w: TicketIssuer(generate_private_key()).issue(
                event_id=w.masterclass, person_id=w.alice, expires_at=NOW + timedelta(days=1)
            ),
            "Billet non valide",
        ),
        (
            lambda w: w.issuer.issue(
                event_id=w.masterclass, person_id=w.alice, expires_at=NOW - timedelta(days=1)
            ),
            "Billet expiré",
        ),
    ],
    ids=["invalid", "forged", "expired"],
)
def test_refused_codes_are_red_with_their_own_words(
    checkin: SelfCheckin,
    qtbot: QtBot,
    world: World,
    make_code: Callable[[World], str],
    title: str,
) -> None:
    scan(checkin, qtbot, make_code(world))
    view = checkin.view
    assert view is not None
    assert view.tone is Tone.RED
    assert view.title == title
    assert checkin.panel.shape == Shape.OCTAGON


def test_genuine_ticket_checks_in(checkin: SelfCheckin, qtbot: QtBot, world: World) -> None:
    code = world.issuer.issue(
        event_id=world.masterclass, person_id=world.alice, expires_at=NOW + timedelta(days=1)
    )
    scan(checkin, qtbot, code)
    assert checkin.view is not None
    assert checkin.view.tone is Tone.GREEN


@pytest.fixture
def sessions(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    return session_factory


def link(sessions: sessionmaker[Session], desk: CheckinDesk, uid: bytes, person: int) -> None:
    from kiosk.identity import link_badge

    badge = desk.badge_hash(uid)
    assert badge is not None
    with sessions.begin() as session:
        link_badge(session, badge, person, now=NOW, nonce=f"test-{person}")


def test_walk_in_takes_two_taps(
    checkin: SelfCheckin,
    qtbot: QtBot,
    world: World,
    desk: CheckinDesk,
    sessions: sessionmaker[Session],
    sounds: RecordedSounds,
) -> None:
    link(sessions, desk, DAN_UID, world.dan)
    tap(checkin, qtbot, DAN_UID)
    offer = checkin.view
    assert offer is not None
    assert offer.offer_walk_in
    assert offer.tone is Tone.AMBER
    assert "Il reste 2 places." in offer.action
    assert checkin.panel.accept_button.isVisible()
    assert checkin.panel.accept_button.text().strip() == "M’inscrire"

    qtbot.mouseClick(checkin.panel.accept_button, Qt.MouseButton.LeftButton)  # tap 1
    confirm = checkin.view
    assert confirm is not None
    assert confirm.title == "Confirmer votre inscription"
    assert checkin.panel.accept_button.text().strip() == "Confirmer"
    with sessions() as session:  # nothing written before the second tap
        assert (
            session.scalar(
                select(Registration).where(
                    Registration.person_id == world.dan, Registration.event_id == world.masterclass
                )
            )
            is None
        )

    with qtbot.waitSignal(checkin.verdict_shown, timeout=5000, check_params_cb=_final):
        qtbot.mouseClick(checkin.panel.accept_button, Qt.MouseButton.LeftButton)  # tap 2
    done = checkin.view
    assert done is not None
    assert done.tone is Tone.GREEN
    assert "Dan" in done.title
    assert not checkin.panel.accept_button.isVisible()
    with sessions() as session:
        row = session.scalar(
            select(Attendance).where(
                Attendance.person_id == world.dan, Attendance.event_id == world.masterclass
            )
        )
        assert row is not None
        assert row.method is CheckinMethod.WALK_IN
    assert sounds.played == [Cue.WARNING, Cue.OK]


def test_declining_the_walk_in_closes_and_writes_nothing(
    checkin: SelfCheckin, qtbot: QtBot, world: World, desk: CheckinDesk, sessions: Any
) -> None:
    link(sessions, desk, DAN_UID, world.dan)
    tap(checkin, qtbot, DAN_UID)
    with qtbot.waitSignal(checkin.closed, timeout=1000):
        qtbot.mouseClick(checkin.panel.decline_button, Qt.MouseButton.LeftButton)
    assert not checkin.showing
    with sessions() as session:
        assert session.scalar(select(Attendance).where(Attendance.person_id == world.dan)) is None


def test_a_touch_closes_the_verdict(checkin: SelfCheckin, qtbot: QtBot) -> None:
    tap(checkin, qtbot, ALICE_UID)
    with qtbot.waitSignal(checkin.closed, timeout=1000):
        qtbot.mouseClick(checkin.panel, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert checkin.view is None


def test_the_verdict_goes_away_by_itself(
    checkin: SelfCheckin, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(self_checkin_module.SHOW_MS, Tone.GREEN, 200)
    tap(checkin, qtbot, ALICE_UID)
    with qtbot.waitSignal(checkin.closed, timeout=2000):
        pass
    assert not checkin.showing


def test_slow_answer_shows_verification_first_then_the_verdict(
    checkin: SelfCheckin, qtbot: QtBot, desk: CheckinDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_run = desk.run

    def held_run(work: Any, on_done: Any, on_error: Any = None) -> None:
        def slow(session: Any, place: Any, now: Any) -> Any:
            assert release.wait(10)
            return work(session, place, now)

        real_run(slow, on_done, on_error)

    monkeypatch.setattr(desk, "run", held_run)
    shown: list[Tone] = []
    checkin.verdict_shown.connect(lambda view: shown.append(view.tone))
    with qtbot.waitSignal(checkin.verdict_shown, timeout=2000):
        checkin.handle_badge(BadgePresented(ALICE_UID, "test reader"))
    assert checkin.view is not None
    assert checkin.view.title == "Vérification…"
    release.set()
    qtbot.waitUntil(lambda: shown[-1] is Tone.GREEN, timeout=5000)
    assert shown == [Tone.PENDING, Tone.GREEN]


def test_reset_wipes_the_verdict_and_drops_a_late_answer(
    checkin: SelfCheckin, qtbot: QtBot, desk: CheckinDesk
) -> None:
    tap(checkin, qtbot, ALICE_UID)
    checkin.reset()
    assert not checkin.showing
    assert checkin.panel.view is None
    shown: list[object] = []
    checkin.verdict_shown.connect(shown.append)
    checkin.handle_badge(BadgePresented(UNKNOWN_UID, "test reader"))
    checkin.reset()  # before the worker answers
    qtbot.waitUntil(lambda: desk.pending == 0, timeout=5000)
    assert [v for v in shown if v.tone is not Tone.PENDING] == []
    assert not checkin.showing
