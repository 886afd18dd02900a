"""Help requests (Besoin d'aide ?): how many per reason, served or gone, and the mean wait
and service times."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kiosk.help.domain import HelpReason, TicketState
from kiosk.help.tables import HelpRequest
from kiosk.stats.periods import Quarter
from kiosk.stats.sql import dialect_of, seconds_between


@dataclass(frozen=True)
class HelpByReason:
    reason: HelpReason
    requests: int
    served: int  # done
    no_shows: int
    wait_minutes: float | None  # mean from issue to first call
    service_minutes: float | None  # mean from serving to done


def _help_in(quarter: Quarter) -> ColumnElement[bool]:
    return and_(HelpRequest.service_day >= quarter.start, HelpRequest.service_day < quarter.end)


def help_total(session: Session, quarter: Quarter) -> int:
    query = select(func.count(HelpRequest.id)).where(_help_in(quarter))
    return int(session.scalar(query) or 0)


def help_by_reason(session: Session, quarter: Quarter) -> list[HelpByReason]:
    """Requests by reason with the mean wait (issue to call) and service (serve to done)."""
    dialect = dialect_of(session)
    wait = seconds_between(HelpRequest.called_at, HelpRequest.created_at, dialect)
    service = case(
        (
            HelpRequest.state == TicketState.DONE,
            seconds_between(HelpRequest.finished_at, HelpRequest.serving_at, dialect),
        )
    )
    query = (
        select(
            HelpRequest.reason,
            func.count(HelpRequest.id),
            func.count(case((HelpRequest.state == TicketState.DONE, 1))),
            func.count(case((HelpRequest.state == TicketState.NO_SHOW, 1))),
            func.avg(wait),
            func.avg(service),
        )
        .where(_help_in(quarter))
        .group_by(HelpRequest.reason)
    )
    found = {
        HelpReason(reason): HelpByReason(
            HelpReason(reason),
            int(n),
            int(done),
            int(gone),
            None if w is None else float(w) / 60.0,
            None if s is None else float(s) / 60.0,
        )
        for reason, n, done, gone, w, s in session.execute(query)
    }
    return [found.get(r, HelpByReason(r, 0, 0, 0, None, None)) for r in HelpReason]
