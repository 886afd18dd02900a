"""The help queue on a real PostgreSQL server, where several kiosks race for ticket numbers."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from kiosk.db.engine import make_session_factory
from kiosk.help.domain import HelpReason
from kiosk.help.queue import HelpDesk, QueueEntry
from kiosk.help.tables import HelpRequest, HelpTicketCounter
from kiosk.ports import FixedClock
from tests.helpers.help_desk import MORNING, store_kiosk

pytestmark = pytest.mark.postgres
WRITERS = 4
PER_WRITER = 30


@pytest.fixture
def kiosk_ids(pg_engine: Engine) -> list[int]:
    """Four kiosks of one site: one queue, four writers."""
    with make_session_factory(pg_engine).begin() as session:
        first = store_kiosk(session)
        site = first.site
        ids = [first.id] + [store_kiosk(session, site).id for _ in range(WRITERS - 1)]
    return ids


def together[T](work: list[Callable[[], T]]) -> list[T]:
    """Run each callable on its own thread, all released at the same instant."""
    start = threading.Barrier(len(work))

    def run(job: Callable[[], T]) -> T:
        start.wait()
        return job()

    with ThreadPoolExecutor(len(work)) as pool:
        return list(pool.map(run, work))


def test_four_kiosks_issuing_at_once_never_share_a_number(
    pg_engine: Engine, kiosk_ids: list[int]
) -> None:
    clock = FixedClock(MORNING)
    desks = [HelpDesk(make_session_factory(pg_engine), clock, k) for k in kiosk_ids]
    reasons = [HelpReason.MAIL, HelpReason.HARDWARE]

    def writer(desk: HelpDesk) -> Callable[[], list[str]]:
        return lambda: [desk.issue(reasons[i % 2]).ticket for i in range(PER_WRITER)]

    issued = [t for batch in together([writer(d) for d in desks]) for t in batch]
    assert len(issued) == WRITERS * PER_WRITER
    duplicates = [t for t, n in Counter(issued).items() if n > 1]
    assert duplicates == []
    per_reason = WRITERS * PER_WRITER // 2
    # no duplicates AND no gaps: M-001..M-060 and P-001..P-060, each exactly once
    assert sorted(issued) == sorted(
        [f"M-{n:03d}" for n in range(1, per_reason + 1)]
        + [f"P-{n:03d}" for n in range(1, per_reason + 1)]
    )
    with Session(pg_engine) as session:
        assert session.scalar(select(func.count(HelpRequest.id))) == len(issued)
        rows = session.execute(select(HelpTicketCounter.reason, HelpTicketCounter.last_number))
        counters = {reason: last for reason, last in rows}
        assert counters == {HelpReason.MAIL: per_reason, HelpReason.HARDWARE: per_reason}


def test_desks_calling_at_once_each_get_a_different_person(
    pg_engine: Engine, kiosk_ids: list[int]
) -> None:
    clock = FixedClock(MORNING)
    desk = HelpDesk(make_session_factory(pg_engine), clock, kiosk_ids[0])
    for _ in range(12):
        desk.issue(HelpReason.ACCOUNT)
    staff = [HelpDesk(make_session_factory(pg_engine), clock, k) for k in kiosk_ids]

    def caller(n: int, d: HelpDesk) -> Callable[[], list[QueueEntry]]:
        def calls() -> list[QueueEntry]:
            out = []
            while (entry := d.call_next(f"Guichet {n}")) is not None:
                out.append(entry)
            return out

        return calls

    called = [
        e for batch in together([caller(n, d) for n, d in enumerate(staff, 1)]) for e in batch
    ]
    assert sorted(e.ticket for e in called) == [f"C-{n:03d}" for n in range(1, 13)]
    assert all(e.call_count == 1 for e in called)
