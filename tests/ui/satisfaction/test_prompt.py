"""« Comment était … ? » in a whole room (and tour) kiosk on a real database: a face is one
answer, a badge right after it names the person, hammering counts once, a badge stays a
check-in while an event is open for check-in here, and the question goes when its window ends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.checkin.place import PROFILE_SPACE
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Badge, Kiosk
from kiosk.domain import Space, new_nonce
from kiosk.identity import badge_hash, load_site_key
from kiosk.ports import BadgePresented, FixedClock
from kiosk.satisfaction.faces import WINDOW_MINUTES, Face, Reason
from kiosk.satisfaction.tables import EventFeedback
from kiosk.settings import Profile, Settings
from tests.helpers import records
from ui.satisfaction.prompt import FeedbackPrompt

UID = bytes.fromhex("04a1a2a3a4a5a6")
KIOSK = "K-ROOM-FEEDBACK"


@dataclass
class Room:
    shell: Any
    prompt: FeedbackPrompt
    url: str
    event_id: int
    person_id: int


def _answers(url: str) -> list[tuple[int, int | None, Reason | None]]:
    engine = create_db_engine(url)
    try:
        with Session(engine) as session:
            rows = session.execute(
                select(EventFeedback.score, EventFeedback.person_id, EventFeedback.reason).order_by(
                    EventFeedback.id
                )
            )
            return [(s, p, r) for s, p, r in rows]
    finally:
        engine.dispose()


@pytest.fixture
def make_room(
    make_shell: Callable[..., Any], kiosk_settings: Settings, clock: FixedClock, qtbot: QtBot
) -> Callable[..., Room]:
    def make(*, next_event_in: timedelta | None = None, profile: Profile = Profile.ROOM) -> Room:
        url = kiosk_settings.database_url
        engine = create_db_engine(url)
        ensure_schema(engine)
        key = load_site_key(kiosk_settings.site_key_path)
        now = clock.now()
        with make_session_factory(engine).begin() as session:
            site = records.site(session)
            session.add(Kiosk(code=KIOSK, name="Smart Room", profile=profile,
                              site_id=site.id, created_at=records.CREATED))  # fmt: skip
            ended = records.event(session, site, title="Café numérique : la signature électronique",
                                  starts_at=now - timedelta(minutes=70),
                                  ends_at=now - timedelta(minutes=10),
                                  space=PROFILE_SPACE[profile])  # fmt: skip
            if next_event_in is not None:
                records.event(session, site, starts_at=now + next_event_in)
            person = records.person(session)
            session.add(Badge(hash=badge_hash(key, UID), person_id=person.id,
                              linked_at=records.CREATED, nonce=new_nonce()))  # fmt: skip
            event_id, person_id = ended.id, person.id
        engine.dispose()
        shell = make_shell(profile=profile, kiosk_code=KIOSK)
        prompt = shell.service(FeedbackPrompt)
        assert prompt is not None
        qtbot.waitUntil(lambda: prompt.question is not None, timeout=10_000)
        return Room(shell, prompt, url, event_id, person_id)

    return make


def tap_face(room: Room, qtbot: QtBot, face: Face) -> None:
    button = next(b for b in room.prompt.panel.faces if b.face is face)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def settle(room: Room, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: room.shell.executor.pending == 0, timeout=10_000)


def test_the_attract_screen_asks_about_the_event_that_just_ended(
    make_room: Callable[..., Room],
) -> None:
    room = make_room()
    assert room.prompt.question is not None
    assert room.prompt.question.event_id == room.event_id
    assert room.shell.attract.aside is room.prompt.panel
    assert "la signature électronique" in room.prompt.panel.title.text()
    assert [b.text() for b in room.prompt.panel.faces] == ["Décevant", "Moyen", "Bien", "Excellent"]
    said = [p.text for p in room.shell.attract.spoken()]  # the accessible mode reads it too
    assert room.prompt.panel.title.text() in said
    assert "Excellent" in said


def test_the_smart_tour_asks_too_and_keeps_the_answer_for_its_sync(
    make_room: Callable[..., Room], qtbot: QtBot
) -> None:
    """The tour kiosk's answers are recorded here, under its own id: its sync takes them up
    (kiosk.sync.feedback)."""
    tour = make_room(profile=Profile.TOUR)
    assert tour.prompt.question is not None
    assert tour.prompt.question.event_id == tour.event_id
    tap_face(tour, qtbot, Face.GOOD)
    settle(tour, qtbot)
    assert _answers(tour.url) == [(3, None, None)]


def test_a_face_then_a_badge_is_that_persons_answer_and_a_reason_follows_it(
    make_room: Callable[..., Room], qtbot: QtBot
) -> None:
    room = make_room()
    tap_face(room, qtbot, Face.GREAT)
    assert room.prompt.panel.thanking  # « Merci » at once
    settle(room, qtbot)
    assert _answers(room.url) == [(4, None, None)]
    assert room.shell.input_router.route_badge(BadgePresented(UID, "test"))
    settle(room, qtbot)
    assert _answers(room.url) == [(4, room.person_id, None)]
    room.prompt.ask_again()
    tap_face(room, qtbot, Face.MEH)  # the same person again: their answer is replaced
    settle(room, qtbot)
    assert room.shell.input_router.route_badge(BadgePresented(UID, "test"))
    settle(room, qtbot)
    room.prompt.give_reason(Reason.LENGTH)
    settle(room, qtbot)
    assert _answers(room.url) == [(2, room.person_id, Reason.LENGTH)]


def test_anonymous_taps_in_a_row_count_once(make_room: Callable[..., Room], qtbot: QtBot) -> None:
    room = make_room()
    tap_face(room, qtbot, Face.BAD)
    settle(room, qtbot)
    room.prompt.ask_again()
    tap_face(room, qtbot, Face.BAD)
    settle(room, qtbot)
    assert _answers(room.url) == [(1, None, None)]
    assert "il est compté" in room.prompt.panel.message.text()


def test_a_badge_stays_a_check_in_while_an_event_here_is_open_for_check_in(
    make_room: Callable[..., Room], qtbot: QtBot
) -> None:
    room = make_room(next_event_in=timedelta(minutes=30))
    assert room.prompt.question is not None
    assert room.prompt.question.badges_check_in
    tap_face(room, qtbot, Face.GOOD)
    settle(room, qtbot)
    assert not room.prompt.panel.badge_hint.isVisible()
    assert not room.prompt.handle_badge(BadgePresented(UID, "test"))
    assert _answers(room.url) == [(3, None, None)]


def test_the_question_goes_when_its_half_hour_is_over(
    make_room: Callable[..., Room], clock: FixedClock, qtbot: QtBot
) -> None:
    room = make_room()
    clock.set(clock.now() + timedelta(minutes=WINDOW_MINUTES))
    room.prompt.refresh()
    qtbot.waitUntil(lambda: room.shell.attract.aside is None, timeout=10_000)
    assert room.prompt.question is None
    assert room.shell.attract.events_title.isVisibleTo(room.shell.attract)


@pytest.mark.parametrize("space", [Space.SMART_LAB])
def test_another_rooms_event_is_not_asked_about_here(
    make_shell: Callable[..., Any], kiosk_settings: Settings, clock: FixedClock, qtbot: QtBot,
    space: Space,
) -> None:  # fmt: skip
    engine = create_db_engine(kiosk_settings.database_url)
    ensure_schema(engine)
    with make_session_factory(engine).begin() as session:
        site = records.site(session)
        session.add(Kiosk(code=KIOSK, name="Smart Room", profile=Profile.ROOM, site_id=site.id,
                          created_at=records.CREATED))  # fmt: skip
        records.event(session, site, space=space, starts_at=clock.now() - timedelta(hours=1),
                      ends_at=clock.now() - timedelta(minutes=5))  # fmt: skip
    engine.dispose()
    shell = make_shell(profile=Profile.ROOM, kiosk_code=KIOSK)
    prompt = shell.service(FeedbackPrompt)
    assert prompt is not None
    qtbot.waitUntil(lambda: shell.executor.pending == 0 and prompt.desk.pending == 0)
    assert prompt.question is None
    assert shell.attract.aside is None
