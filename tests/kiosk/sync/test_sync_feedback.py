"""« Comment était … ? » answered on the Smart Tour goes up with its sync: once an answer can
no longer change, exactly once by nonce, one answer per person and event kept centrally (the
latest); SQLite to SQLite and to a real PostgreSQL server."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.satisfaction.faces import SETTLED_AFTER_MINUTES, Face, Reason
from kiosk.satisfaction.service import (
    AnswerOutcome,
    ClaimOutcome,
    add_reason,
    claim_answer,
    record_answer,
)
from kiosk.satisfaction.tables import EventFeedback
from kiosk.sync.tables import SyncState
from kiosk.sync.tour import sync_status
from tests.helpers.checkin_world import paris
from tests.kiosk.sync.conftest import Tour

END = paris(0, 12)  # the tour's café numérique ends at noon, Paris time


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def tour(request: pytest.FixtureRequest) -> Tour:
    name = "sqlite_tour" if request.param == "sqlite" else "pg_tour"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


def answer(
    sessions: sessionmaker[Session],
    kiosk: int,
    event: int,
    face: Face,
    at: datetime,
    person: int | None = None,
    reason: Reason | None = None,
) -> str:
    """One face at ``at`` (a badge right after it when ``person``), as the prompt records it."""
    nonce = uuid4().hex
    with sessions.begin() as s:
        outcome = record_answer(s, kiosk_id=kiosk, event_id=event, face=face, now=at, nonce=nonce)
        assert outcome is AnswerOutcome.RECORDED
        if person is not None:
            claim = claim_answer(s, nonce=nonce, person_id=person, now=at + timedelta(seconds=5))
            assert claim.outcome in {ClaimOutcome.CLAIMED, ClaimOutcome.REPLACED}
            nonce = claim.nonce
        if reason is not None:
            assert add_reason(s, nonce=nonce, reason=reason, now=at + timedelta(seconds=9))
    return nonce


def rows(tour: Tour, central: bool) -> set[tuple[str, int, int | None, str | None]]:
    """(nonce, face, person, reason) of the café's answers on one side."""
    engine = tour.central if central else tour.local
    with engine.connect() as c:
        found = c.execute(
            select(
                EventFeedback.nonce, EventFeedback.score, EventFeedback.person_id,
                EventFeedback.reason,
            ).where(EventFeedback.event_id == tour.cafe)
        ).all()  # fmt: skip
    return {(n, s, p, r and str(r)) for n, s, p, r in found}


def test_answers_go_up_once_settled_and_exactly_once(tour: Tour) -> None:
    local = tour.local_sessions
    a, b = tour.crowd[:2]
    minute = timedelta(minutes=1)
    answer(local, tour.kiosk_id, tour.cafe, Face.GREAT, END + minute, a, Reason.SPEAKER)
    answer(local, tour.kiosk_id, tour.cafe, Face.MEH, END + 2 * minute)
    answer(local, tour.kiosk_id, tour.cafe, Face.GOOD, END + 3 * minute, b)
    # b changes their mind: their one answer now says « Décevant » (the newer row goes)
    answer(local, tour.kiosk_id, tour.cafe, Face.BAD, END + 4 * minute, b, Reason.LENGTH)
    assert len(rows(tour, central=False)) == 3

    tour.clock.set(END + 10 * minute)  # a badge or a reason may still come: nothing goes up
    report = tour.sync().run()
    assert report.pushed.get("event_feedback", 0) == 0
    assert rows(tour, central=True) == set()
    # not « à envoyer » (the sync just ran and would send none of them), but held: not lost
    status = sync_status(tour.local, tour.kiosk_id, tour.clock.now())
    assert (status.pending, status.held) == (0, 3)
    assert sync_status(tour.local, tour.kiosk_id).pending == 3  # without a time: all wait

    tour.clock.set(END + (SETTLED_AFTER_MINUTES + 5) * minute)
    status = sync_status(tour.local, tour.kiosk_id, tour.clock.now())
    assert (status.pending, status.held) == (3, 0)  # settled: the next sync sends them
    report = tour.sync().run()
    assert report.pushed["event_feedback"] == 3
    assert rows(tour, central=True) == rows(tour, central=False)  # same ids on both sides
    assert {(s, p) for _, s, p, _ in rows(tour, central=True)} == {(4, a), (2, None), (1, b)}
    status = sync_status(tour.local, tour.kiosk_id, tour.clock.now())
    assert (status.pending, status.held) == (0, 0)

    # The cut came after the central commit, before the mark moved: the batch goes again.
    with tour.local.begin() as c:
        c.execute(
            SyncState.__table__.update()
            .where(SyncState.table_name == "event_feedback")
            .values(last_id=0)
        )
    report = tour.sync(batch_size=2).run()
    assert report.pushed.get("event_feedback", 0) == 0
    assert len(rows(tour, central=True)) == 3


def test_an_answer_young_enough_to_change_holds_back_the_ones_after_it(tour: Tour) -> None:
    """The mark never passes an answer that may still change, even when newer rows settled."""
    local = tour.local_sessions
    first = answer(local, tour.kiosk_id, tour.cafe, Face.GOOD, END + timedelta(minutes=1))
    answer(local, tour.kiosk_id, tour.cafe, Face.GREAT, END + timedelta(minutes=2))
    with local.begin() as s:  # the first one is given a reason later than the rest (younger)
        row = s.scalars(select(EventFeedback).where(EventFeedback.nonce == first)).one()
        row.at = END + timedelta(minutes=25)
    tour.clock.set(END + timedelta(minutes=2 + SETTLED_AFTER_MINUTES + 1))
    assert tour.sync().run().pushed.get("event_feedback", 0) == 0
    status = sync_status(tour.local, tour.kiosk_id, tour.clock.now())
    assert (status.pending, status.held) == (0, 2)  # the settled one waits behind the young
    tour.clock.set(END + timedelta(minutes=25 + SETTLED_AFTER_MINUTES + 1))
    assert tour.sync().run().pushed["event_feedback"] == 2


@pytest.mark.parametrize(("central_minutes", "kept"), [(1, Face.GREAT), (20, Face.BAD)])
def test_one_answer_per_person_centrally_their_latest(
    tour: Tour, central_minutes: int, kept: Face
) -> None:
    """The person answered at the Smart Room kiosk (online) and on the tour (offline)."""
    person = tour.crowd[0]
    central, local = tour.central_sessions, tour.local_sessions
    with central.begin() as s:  # the central kiosk is elsewhere: nothing else stops it
        s.execute(delete(EventFeedback))
    answer(central, tour.world.kiosk, tour.cafe, Face.BAD, END + timedelta(minutes=central_minutes),
           person)  # fmt: skip
    answer(local, tour.kiosk_id, tour.cafe, Face.GREAT, END + timedelta(minutes=10), person,
           Reason.CONTENT)  # fmt: skip
    tour.clock.set(END + timedelta(hours=2))
    report = tour.sync().run()
    assert report.pushed.get("event_feedback", 0) == (1 if kept is Face.GREAT else 0)
    on_central = rows(tour, central=True)
    assert [(s, p) for _, s, p, _ in on_central] == [(int(kept), person)]
    tour.sync().run()  # again: still one
    assert len(rows(tour, central=True)) == 1
