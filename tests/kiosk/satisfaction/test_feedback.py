"""Counting the answers to « Comment était … ? »: the window after the end, the anonymous rate
limit per kiosk, one answer per person with a badge; on SQLite and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db import migrate
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Event
from kiosk.domain import new_nonce
from kiosk.satisfaction.faces import (
    ANONYMOUS_GAP_SECONDS,
    BADGE_CLAIM_SECONDS,
    SETTLED_AFTER_MINUTES,
    WINDOW_MINUTES,
    Face,
    Reason,
)
from kiosk.satisfaction.service import (
    AnswerOutcome,
    ClaimOutcome,
    add_reason,
    claim_answer,
    question_at,
    record_answer,
)
from kiosk.satisfaction.tables import EventFeedback
from tests.helpers import records
from tests.helpers.help_desk import store_kiosk

ENDS = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest) -> Iterator[sessionmaker[Session]]:
    if request.param == "sqlite":
        yield request.getfixturevalue("session_factory")
        return
    engine: Engine = create_db_engine(request.getfixturevalue("postgres_db_url"))
    migrate.ensure_schema(engine)
    yield make_session_factory(engine)
    engine.dispose()


@dataclass(frozen=True)
class Room:
    kiosk_id: int
    other_kiosk_id: int
    event_id: int
    person_ids: tuple[int, int]


@pytest.fixture
def room(sessions: sessionmaker[Session]) -> Room:
    with sessions.begin() as session:
        site = records.site(session)
        kiosk, other = store_kiosk(session, site), store_kiosk(session, site)
        event = records.event(session, site, title="Café numérique : la signature électronique",
                              starts_at=ENDS - timedelta(hours=1), ends_at=ENDS)  # fmt: skip
        people = (records.person(session).id, records.person(session).id)
        return Room(kiosk.id, other.id, event.id, people)


def answer(
    sessions: sessionmaker[Session], room: Room, face: Face, at: datetime, *, kiosk: int = 0
) -> tuple[AnswerOutcome, str]:
    nonce = new_nonce()
    with sessions.begin() as session:
        outcome = record_answer(session, kiosk_id=kiosk or room.kiosk_id,
                                event_id=room.event_id, face=face, now=at, nonce=nonce)  # fmt: skip
    return outcome, nonce


def scores(sessions: sessionmaker[Session]) -> list[tuple[int, int | None]]:
    with sessions() as session:
        rows = session.execute(
            select(EventFeedback.score, EventFeedback.person_id).order_by(EventFeedback.id)
        )
        return [(s, p) for s, p in rows]


def test_the_kiosk_asks_about_its_site_event_for_thirty_minutes_after_the_end(
    sessions: sessionmaker[Session], room: Room
) -> None:
    with sessions() as session:
        assert question_at(session, room.kiosk_id, ENDS - timedelta(minutes=1)) is None
        asked = question_at(session, room.kiosk_id, ENDS + timedelta(minutes=5))
        assert asked is not None
        assert asked.event_id == room.event_id
        assert asked.closes_at == ENDS + timedelta(minutes=WINDOW_MINUTES)
        last_second = ENDS + timedelta(minutes=WINDOW_MINUTES) - timedelta(seconds=1)
        assert question_at(session, room.kiosk_id, last_second) is not None
        assert question_at(session, room.kiosk_id, ENDS + timedelta(minutes=WINDOW_MINUTES)) is None


def test_an_answer_after_the_window_is_refused_and_not_counted(
    sessions: sessionmaker[Session], room: Room
) -> None:
    late = ENDS + timedelta(minutes=WINDOW_MINUTES)
    assert answer(sessions, room, Face.GOOD, late)[0] is AnswerOutcome.CLOSED
    early = ENDS - timedelta(minutes=10)
    assert answer(sessions, room, Face.GOOD, early)[0] is AnswerOutcome.CLOSED
    assert scores(sessions) == []


def test_anonymous_answers_are_rate_limited_per_kiosk(
    sessions: sessionmaker[Session], room: Room
) -> None:
    first = ENDS + timedelta(minutes=2)
    assert answer(sessions, room, Face.GREAT, first)[0] is AnswerOutcome.RECORDED
    hammering = first + timedelta(seconds=ANONYMOUS_GAP_SECONDS - 1)
    assert answer(sessions, room, Face.BAD, hammering)[0] is AnswerOutcome.TOO_SOON
    # another kiosk of the room is not held back by this one
    assert answer(sessions, room, Face.MEH, hammering, kiosk=room.other_kiosk_id)[0] is (
        AnswerOutcome.RECORDED
    )
    later = first + timedelta(seconds=ANONYMOUS_GAP_SECONDS)
    assert answer(sessions, room, Face.GOOD, later)[0] is AnswerOutcome.RECORDED
    assert scores(sessions) == [(4, None), (2, None), (3, None)]


def test_a_badge_after_the_face_makes_it_that_persons_one_answer(
    sessions: sessionmaker[Session], room: Room
) -> None:
    who = room.person_ids[0]
    first_at = ENDS + timedelta(minutes=1)
    _, first = answer(sessions, room, Face.MEH, first_at)
    with sessions.begin() as session:
        claim = claim_answer(session, nonce=first, person_id=who, now=first_at)
    assert claim.outcome is ClaimOutcome.CLAIMED
    # a named answer does not hold the next visitor back
    second_at = first_at + timedelta(seconds=2)
    outcome, second = answer(sessions, room, Face.GREAT, second_at)
    assert outcome is AnswerOutcome.RECORDED
    with sessions.begin() as session:
        again = claim_answer(session, nonce=second, person_id=who, now=second_at)
        assert add_reason(session, nonce=again.nonce, reason=Reason.SPEAKER, now=second_at)
    assert again.outcome is ClaimOutcome.REPLACED
    assert again.nonce == first  # the reason went to the answer that counts
    assert scores(sessions) == [(4, who)]
    with sessions() as session:
        assert session.scalar(select(EventFeedback.reason)) is Reason.SPEAKER


def test_a_badge_too_long_after_the_face_names_nobody(
    sessions: sessionmaker[Session], room: Room
) -> None:
    at = ENDS + timedelta(minutes=3)
    _, nonce = answer(sessions, room, Face.GOOD, at)
    with sessions.begin() as session:
        late = at + timedelta(seconds=BADGE_CLAIM_SECONDS + 1)
        claim = claim_answer(session, nonce=nonce, person_id=room.person_ids[0], now=late)
    assert claim.outcome is ClaimOutcome.TOO_LATE
    assert scores(sessions) == [(3, None)]


def test_someone_elses_badge_cannot_take_an_answer_already_named(
    sessions: sessionmaker[Session], room: Room
) -> None:
    at = ENDS + timedelta(minutes=3)
    _, nonce = answer(sessions, room, Face.GOOD, at)
    first, second = room.person_ids
    with sessions.begin() as session:
        assert claim_answer(session, nonce=nonce, person_id=first, now=at).outcome is (
            ClaimOutcome.CLAIMED
        )
    with sessions.begin() as session:
        assert claim_answer(session, nonce=nonce, person_id=second, now=at).outcome is (
            ClaimOutcome.TOO_LATE
        )
    assert scores(sessions) == [(3, first)]


def test_the_database_refuses_two_answers_of_one_person_to_one_event(
    sessions: sessionmaker[Session], room: Room
) -> None:
    """The constraint that keeps one answer per person when two kiosks race."""
    at = ENDS + timedelta(minutes=4)
    with sessions() as session:
        for kiosk in (room.kiosk_id, room.other_kiosk_id):
            session.add(EventFeedback(nonce=new_nonce(), event_id=room.event_id, kiosk_id=kiosk,
                                      at=at, score=3, person_id=room.person_ids[0]))  # fmt: skip
        with pytest.raises(IntegrityError):
            session.commit()
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(EventFeedback)) == 0


def test_badges_check_in_while_another_event_here_is_open_for_check_in(
    sessions: sessionmaker[Session], room: Room
) -> None:
    after = ENDS + timedelta(minutes=5)
    with sessions() as session:
        asked = question_at(session, room.kiosk_id, after)
        assert asked is not None
        assert not asked.badges_check_in
    with sessions.begin() as session:
        event = session.get(Event, room.event_id)
        assert event is not None
        records.event(session, event.site, title="Atelier suivant",
                      starts_at=ENDS + timedelta(minutes=45))  # fmt: skip
    with sessions() as session:
        asked = question_at(session, room.kiosk_id, after)
        assert asked is not None
        assert asked.event_id == room.event_id
        assert asked.badges_check_in  # the next event's check-in opens an hour before it


def test_a_reason_comes_too_late_once_the_answer_has_settled(
    sessions: sessionmaker[Session], room: Room
) -> None:
    """The Smart Tour sends an answer up once it has settled: a reason after that would be lost
    on the way, so it is refused here too."""
    at = ENDS + timedelta(minutes=1)
    _, nonce = answer(sessions, room, Face.GOOD, at)
    settled = at + timedelta(minutes=SETTLED_AFTER_MINUTES)
    with sessions.begin() as session:
        assert not add_reason(session, nonce=nonce, reason=Reason.ROOM, now=settled)
        assert add_reason(session, nonce=nonce, reason=Reason.ROOM, now=at + timedelta(minutes=2))
    with sessions() as session:
        assert session.scalar(select(EventFeedback.reason)) is Reason.ROOM
