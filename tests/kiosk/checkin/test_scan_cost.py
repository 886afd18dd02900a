"""What one admitted scan asks of the database: it sits between the scan and the verdict
(bench/checkin_scan_verdict.py), so nothing that grows with the event's size belongs in it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import BadgeIdentity, CheckinContext, check_in
from kiosk.domain import CheckinOutcome, Space, new_nonce
from tests.helpers.checkin_world import NOW, World


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_an_admitted_scan_does_not_count_the_events_registrations(
    world: World, session_factory: sessionmaker[Session], statements: list[str]
) -> None:
    context = CheckinContext(site_id=world.site, space=Space.SMART_ROOM, verifier=world.verifier)
    with session_factory() as session:
        result = check_in(
            session, BadgeIdentity(world.alice_badge), context, world.kiosk, NOW, new_nonce()
        )
    assert result.outcome is CheckinOutcome.OK
    assert result.seats_left is None  # not said on a green verdict, so not counted
    counting = [s for s in statements if s.startswith("SELECT count(") and "registration" in s]
    assert counting == []
