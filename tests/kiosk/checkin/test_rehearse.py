"""The start-up rehearsal of a check-in: the whole decision and verdict, nothing recorded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.engine.interfaces import CacheStats
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import (
    BadgeIdentity,
    CheckinContext,
    CodeIdentity,
    check_in,
    rehearse,
)
from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit
from kiosk.domain import CheckinOutcome, Space, new_nonce
from tests.helpers.checkin_world import NOW, World

type Factory = sessionmaker[Session]


def rows(factory: Factory) -> tuple[int, ...]:
    with factory() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (CheckinRecord, Attendance, SpaceVisit)
        )


def test_the_rehearsal_reaches_the_first_badges_verdict_and_records_nothing(
    world: World, session_factory: Factory
) -> None:
    context = CheckinContext(site_id=world.site, space=Space.SMART_ROOM, verifier=world.verifier)
    with session_factory() as s:
        outcome = rehearse(s, context, world.kiosk, NOW)
        assert not s.in_transaction()  # rolled back: no lock left on the database
    assert outcome is CheckinOutcome.OK  # Alice's badge, the first linked: the masterclass
    assert rows(session_factory) == (0, 0, 0)
    with session_factory() as s:  # her real scan is still her first
        real = check_in(s, BadgeIdentity(world.alice_badge), context, world.kiosk, NOW, new_nonce())
    assert real.outcome is CheckinOutcome.OK
    assert not real.repeated


def test_an_empty_database_has_nothing_to_rehearse(session_factory: Factory) -> None:
    context = CheckinContext(site_id=1)
    with session_factory() as s:
        assert rehearse(s, context, 1, NOW) is None


def test_the_ticket_keys_are_tried_once_each(world: World) -> None:
    assert world.verifier.warm_up() == 1


@pytest.fixture
def compiled(engine: Engine) -> Iterator[list[str]]:
    """The statements SQLAlchemy had to compile (not found in the engine's compiled cache)."""
    seen: list[str] = []

    def record(
        _conn: object, _cursor: object, statement: str, _p: object, context: Any, _m: object
    ) -> None:
        if context is not None and context.cache_hit is CacheStats.CACHE_MISS:
            seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


@pytest.mark.parametrize("by", ["badge", "ticket"])
def test_after_the_rehearsal_a_first_scan_compiles_only_its_inserts(
    world: World, session_factory: Factory, compiled: list[str], by: str
) -> None:
    """The first scan after start took 258 ms, then 597 (a ticket, on a loaded machine) where
    the others took 193: it compiled its reads. The record's INSERTs are left to it (the
    rehearsal takes no write lock)."""
    context = CheckinContext(site_id=world.site, space=Space.SMART_ROOM, verifier=world.verifier)
    with session_factory() as s:
        rehearse(s, context, world.kiosk, NOW)
    compiled.clear()
    identity: BadgeIdentity | CodeIdentity = (
        BadgeIdentity(world.alice_badge)
        if by == "badge"
        else CodeIdentity(
            world.issuer.issue(
                event_id=world.masterclass,
                person_id=world.alice,
                expires_at=NOW + timedelta(days=1),
            )
        )
    )
    with session_factory() as s:
        result = check_in(s, identity, context, world.kiosk, NOW, new_nonce())
    assert result.outcome is CheckinOutcome.OK
    assert [s.split(" (")[0] for s in compiled] == ["INSERT INTO checkin", "INSERT INTO attendance"]
