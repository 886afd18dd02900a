"""Hand-overs on a real PostgreSQL server, where several store kiosks race for the same lines."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.pickup import (
    HandOverRefused,
    HandOverRequest,
    IdentifiedBy,
    PickupDone,
    RefusalKind,
    record_pickup,
)
from kiosk.collect.status import LineStatus
from kiosk.collect.tables import HandOver, OrderLine, Pickup
from kiosk.db import migrate
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.printing.tables import PrintJob
from tests.helpers import collect as c
from tests.helpers.collect import NOW

pytestmark = pytest.mark.postgres
KIOSKS = 4


@pytest.fixture
def sessions(postgres_db_url: str) -> Iterator[sessionmaker[Session]]:
    engine: Engine = create_db_engine(postgres_db_url)
    migrate.ensure_schema(engine)
    yield make_session_factory(engine)
    engine.dispose()


def together[T](work: list[Callable[[], T]]) -> list[T | BaseException]:
    """Each callable on its own thread, all released at the same instant; errors returned."""
    start = threading.Barrier(len(work))

    def run(job: Callable[[], T]) -> T | BaseException:
        start.wait()
        try:
            return job()
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(len(work)) as pool:
        return list(pool.map(run, work))


def attempt(
    sessions: sessionmaker[Session], person_id: int, lines: list[int], kiosk_id: int
) -> Callable[[], PickupDone]:
    request = HandOverRequest(
        person_id=person_id,
        line_ids=tuple(lines),
        kiosk_id=kiosk_id,
        nonce=uuid.uuid4().hex,
        identified_by=IdentifiedBy.BADGE,
    )
    return lambda: record_pickup(sessions, request, NOW)


def test_four_kiosks_handing_over_the_same_lines_record_them_once(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as s:
        kiosks = [c.kiosk(s, f"Smart Store {n}") for n in range(KIOSKS)]
        who = c.agent(s)
        mouse, keyboard = c.item(s), c.item(s)
        order = c.order(s, who, [(mouse, LineStatus.READY), (keyboard, LineStatus.READY)])
        lines = [line.id for line in order.lines]
        person_id, kiosk_ids = who.id, [k.id for k in kiosks]

    for _round in range(3):  # a race is luck: run it a few times on fresh lines
        results = together([attempt(sessions, person_id, lines, k) for k in kiosk_ids])
        won = [r for r in results if isinstance(r, PickupDone)]
        lost = [r for r in results if isinstance(r, HandOverRefused)]
        assert len(won) == 1, results
        assert len(lost) == KIOSKS - 1, results
        assert all(r.kinds == {RefusalKind.ALREADY_COLLECTED} for r in lost)
        with sessions() as s:
            assert s.scalar(select(func.count()).select_from(HandOver)) == 2 * (_round + 1)
            assert s.scalar(select(func.count()).select_from(Pickup)) == _round + 1
            # one receipt per recorded pickup: the losers queued nothing
            assert s.scalar(select(func.count()).select_from(PrintJob)) == _round + 1
        with sessions.begin() as s:  # the same order again, fresh lines for the next round
            order = c.order(s, who, [(mouse, LineStatus.READY), (keyboard, LineStatus.READY)])
            lines = [line.id for line in order.lines]


def test_a_quota_of_one_is_kept_when_two_kiosks_hand_over_different_lines_at_once(
    sessions: sessionmaker[Session],
) -> None:
    """Two orders of the same item (one allowed per agent): the person's row lock makes the
    second kiosk count the first one's hand-over instead of both reading "none yet"."""
    with sessions.begin() as s:
        k1, k2 = c.kiosk(s), c.kiosk(s)
        who = c.agent(s)
        phone = c.item(s, max_per_agent=1, renewal_days=365)
        first = c.order(s, who, [(phone, LineStatus.READY)]).lines[0].id
        second = c.order(s, who, [(phone, LineStatus.READY)]).lines[0].id
        person_id, kiosks = who.id, (k1.id, k2.id)

    results = together(
        [
            attempt(sessions, person_id, [first], kiosks[0]),
            attempt(sessions, person_id, [second], kiosks[1]),
        ]
    )
    won = [r for r in results if isinstance(r, PickupDone)]
    lost = [r for r in results if isinstance(r, HandOverRefused)]
    assert (len(won), len(lost)) == (1, 1), results
    assert lost[0].kinds == {RefusalKind.POLICY}
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(HandOver)) == 1
        statuses = sorted(s.scalars(select(OrderLine.status).where(OrderLine.item_id == phone.id)))
        assert statuses == sorted([LineStatus.COLLECTED, LineStatus.READY])
