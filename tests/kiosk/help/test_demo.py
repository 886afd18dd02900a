"""The demo's help requests: past days with service times, and this morning's open queue."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.demo import DemoSummary
from kiosk.db.models import Kiosk
from kiosk.help.domain import EstimateBasis, HelpReason, TicketState, service_day
from kiosk.help.queue import HelpDesk
from kiosk.help.tables import HelpRequest
from kiosk.ports import FixedClock
from tests.helpers.db import DEMO_NOW


def test_the_demo_has_past_days_and_an_open_queue_this_morning(
    session_factory: sessionmaker[Session], demo_seeded: DemoSummary
) -> None:
    summary = demo_seeded
    assert summary.extra["help requests"] > 200
    today = service_day(DEMO_NOW)
    with session_factory() as session:
        states = dict(
            session.execute(
                select(HelpRequest.state, func.count(HelpRequest.id))
                .where(HelpRequest.service_day == today)
                .group_by(HelpRequest.state)
            ).all()
        )
        days = session.scalar(select(func.count(func.distinct(HelpRequest.service_day))))
        store = session.scalars(select(Kiosk).where(Kiosk.code == "DEMO-STORE")).one()
        served = session.scalars(
            select(HelpRequest).where(HelpRequest.state == TicketState.DONE).limit(50)
        ).all()
    assert states[TicketState.WAITING] == 3
    assert states[TicketState.CALLED] == states[TicketState.SERVING] == 1
    assert states[TicketState.DONE] >= 5
    assert days is not None
    assert days >= 15
    for r in served:
        assert r.called_at is not None
        assert r.serving_at is not None
        assert r.finished_at is not None
        assert r.created_at <= r.called_at <= r.serving_at <= r.finished_at

    clock = FixedClock(DEMO_NOW + timedelta(minutes=5))
    desk = HelpDesk(session_factory, clock, store.id)
    handled_first = {e.state for e in desk.queue()[:2]}
    assert handled_first == {TicketState.CALLED, TicketState.SERVING}
    issued = desk.issue(HelpReason.MAIL)
    assert issued.estimate.position == 4  # behind the three waiting
    assert issued.estimate.basis in {EstimateBasis.TODAY, EstimateBasis.TODAY_BY_REASON}
    with session_factory() as session:  # numbering carries on after the seeded tickets
        mails = session.scalar(
            select(func.count(HelpRequest.id)).where(
                HelpRequest.service_day == today, HelpRequest.reason == HelpReason.MAIL
            )
        )
    assert issued.ticket == f"M-{mails:03d}"
