"""Requests made at the kiosk (Click & Collect orders whose source is the kiosk), and what
staff decided, by the agent's direction.

A request is counted in the quarter it was placed; an approval or a decline in the quarter it
was decided (the line's move, so a request placed in March and approved in April is an April
approval). A request refused when the Smart Tour replayed it centrally is a decline too: the
agent reads it as one. A request is a one-line order: requests are counted as orders. The
figures are read from the indexes of migration 0018.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kiosk.collect.status import LineStatus, OrderSource
from kiosk.collect.tables import CollectOrder, LineEvent, OrderLine
from kiosk.db.models import Direction, Person
from kiosk.stats.figures import Change, who


@dataclass(frozen=True)
class RequestsRow:
    """One direction's requests in the quarter (visitors and agents without one: own rows)."""

    key: str
    label: str
    requests: int  # placed at a kiosk
    approved: int  # approved by staff
    declined: int  # declined (by staff, or when replayed from the Smart Tour)


@dataclass(frozen=True)
class RequestFigures:
    requests: Change
    approved: Change
    declined: Change
    by_direction: tuple[RequestsRow, ...]


def request_figures(
    session: Session, start: datetime, end: datetime, prev_start: datetime
) -> RequestFigures:
    """Requests placed, approved and declined in [start, end), by direction, and the totals of
    [prev_start, start). The previous quarter's totals are read from the indexes alone; only
    the quarter's own rows are joined to their person and direction."""
    placed = (
        select(Person.kind, Direction.code, Direction.name, func.count(CollectOrder.id))
        .select_from(CollectOrder)
        .join(Person, Person.id == CollectOrder.person_id)
        .outerjoin(Direction, Direction.id == Person.direction_id)
        .where(_placed_in(start, end))
        .group_by(Person.kind, Direction.code, Direction.name)
    )
    decided = (
        select(LineEvent.to_status, Person.kind, Direction.code, Direction.name, func.count())
        .select_from(LineEvent)
        .join(OrderLine, OrderLine.id == LineEvent.line_id)
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .join(Person, Person.id == CollectOrder.person_id)
        .outerjoin(Direction, Direction.id == Person.direction_id)
        .where(_decided_in(start, end), CollectOrder.source == OrderSource.KIOSK)
        .group_by(LineEvent.to_status, Person.kind, Direction.code, Direction.name)
    )
    decided_before = (
        select(LineEvent.to_status, func.count())
        .select_from(LineEvent)
        .join(OrderLine, OrderLine.id == LineEvent.line_id)
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .where(_decided_in(prev_start, start), CollectOrder.source == OrderSource.KIOSK)
        .group_by(LineEvent.to_status)
    )
    rows: dict[tuple[str, str], list[int]] = {}  # (key, label) -> [placed, approved, declined]
    this = [0, 0, 0]
    for kind, code, name, n in session.execute(placed):
        this[0] += n
        rows.setdefault(who(kind, code, name), [0, 0, 0])[0] += n
    for status, kind, code, name, n in session.execute(decided):
        column = _column(status)
        this[column] += n
        rows.setdefault(who(kind, code, name), [0, 0, 0])[column] += n
    last = [int(session.scalar(select(func.count()).where(_placed_in(prev_start, start))) or 0),
            0, 0]  # fmt: skip
    for status, n in session.execute(decided_before):
        last[_column(status)] += n
    return RequestFigures(
        requests=Change(this[0], last[0]),
        approved=Change(this[1], last[1]),
        declined=Change(this[2], last[2]),
        by_direction=tuple(
            sorted(
                (RequestsRow(key, label, *counts) for (key, label), counts in rows.items()),
                key=lambda r: (-r.requests, -r.approved - r.declined, r.label, r.key),
            )
        ),
    )


def _placed_in(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(
        CollectOrder.source == OrderSource.KIOSK,
        CollectOrder.placed_at >= start,
        CollectOrder.placed_at < end,
    )


def _decided_in(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(
        LineEvent.to_status.in_((LineStatus.APPROVED, LineStatus.DECLINED)),
        LineEvent.at >= start,
        LineEvent.at < end,
    )


def _column(status: str) -> int:
    """The approvals' or the declines' place in a row of counts."""
    return 1 if LineStatus(status) is LineStatus.APPROVED else 2
