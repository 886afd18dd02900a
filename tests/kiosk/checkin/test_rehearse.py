"""The start-up rehearsal of a check-in: the whole decision and verdict, nothing recorded."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import BadgeIdentity, CheckinContext, check_in, rehearse
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
