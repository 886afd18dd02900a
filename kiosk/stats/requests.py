"""Requests made at the kiosk (Click & Collect orders whose source is the kiosk), and what
staff decided, by the agent's direction.

A request is counted in the quarter it was placed; an approval or a decline in the quarter it
was decided (the line's move, so a request placed in March and approved in April is an April
approval). A request refused when the Smart Tour replayed it centrally is a decline too: the
agent reads it as one. Each figure is one GROUP BY over both quarters (current and previous),
read from the indexes of migration 0018.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

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
    """Requests placed, approved and declined in [start, end), and in [prev_start, start)."""
    current = (CollectOrder.placed_at >= start).label("current")
    placed = (
        select(current, Person.kind, Direction.code, Direction.name, func.count(OrderLine.id))
        .select_from(CollectOrder)
        .join(OrderLine, OrderLine.order_id == CollectOrder.id)
        .join(Person, Person.id == CollectOrder.person_id)
        .outerjoin(Direction, Direction.id == Person.direction_id)
        .where(
            CollectOrder.source == OrderSource.KIOSK,
            CollectOrder.placed_at >= prev_start,
            CollectOrder.placed_at < end,
        )
        .group_by(current, Person.kind, Direction.code, Direction.name)
    )
    decided_now = (LineEvent.at >= start).label("current")
    decided = (
        select(
            decided_now,
            LineEvent.to_status,
            Person.kind,
            Direction.code,
            Direction.name,
            func.count(LineEvent.id),
        )
        .select_from(LineEvent)
        .join(OrderLine, OrderLine.id == LineEvent.line_id)
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .join(Person, Person.id == CollectOrder.person_id)
        .outerjoin(Direction, Direction.id == Person.direction_id)
        .where(
            LineEvent.to_status.in_((LineStatus.APPROVED, LineStatus.DECLINED)),
            LineEvent.at >= prev_start,
            LineEvent.at < end,
            CollectOrder.source == OrderSource.KIOSK,
        )
        .group_by(decided_now, LineEvent.to_status, Person.kind, Direction.code, Direction.name)
    )
    rows: dict[tuple[str, str], list[int]] = {}  # (key, label) -> [placed, approved, declined]
    totals = {True: [0, 0, 0], False: [0, 0, 0]}
    for now, kind, code, name, n in session.execute(placed):
        totals[bool(now)][0] += n
        if now:
            rows.setdefault(who(kind, code, name), [0, 0, 0])[0] += n
    for now, status, kind, code, name, n in session.execute(decided):
        column = 1 if LineStatus(status) is LineStatus.APPROVED else 2
        totals[bool(now)][column] += n
        if now:
            rows.setdefault(who(kind, code, name), [0, 0, 0])[column] += n
    this, last = totals[True], totals[False]
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
