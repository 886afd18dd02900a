"""Click & Collect: lines and units handed over, and how long a ready line waited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kiosk.collect.status import LineStatus
from kiosk.collect.tables import CatalogueItem, HandOver, LineEvent
from kiosk.stats.figures import Row, sorted_rows
from kiosk.stats.periods import Quarter
from kiosk.stats.sql import dialect_of, seconds_between


@dataclass(frozen=True)
class CollectDelay:
    """From a line becoming ready to its hand-over, over the quarter's hand-overs."""

    lines: int  # hand-overs whose line has a "ready" event
    mean_hours: float | None
    max_hours: float | None


def _handed_in(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(HandOver.at >= start, HandOver.at < end)


def handed_over_total(session: Session, start: datetime, end: datetime) -> int:
    """Order lines handed over at a kiosk in [start, end)."""
    query = select(func.count(HandOver.id)).where(_handed_in(start, end))
    return int(session.scalar(query) or 0)


def handed_over_by_item(session: Session, quarter: Quarter) -> list[Row]:
    """Units handed over per catalogue item."""
    start, end = quarter.utc_bounds()
    query = (
        select(CatalogueItem.code, CatalogueItem.name, func.sum(HandOver.quantity))
        .join(CatalogueItem, CatalogueItem.id == HandOver.item_id)
        .where(_handed_in(start, end))
        .group_by(CatalogueItem.code, CatalogueItem.name)
    )
    return sorted_rows(Row(code, name, float(n)) for code, name, n in session.execute(query))


def collect_delay(session: Session, quarter: Quarter) -> CollectDelay:
    """Hours from the line's last move to "ready" before its hand-over, to the hand-over."""
    start, end = quarter.utc_bounds()
    dialect = dialect_of(session)
    ready = (
        select(LineEvent.line_id, func.max(LineEvent.at).label("ready_at"))
        .join(HandOver, HandOver.line_id == LineEvent.line_id)
        .where(
            LineEvent.to_status == LineStatus.READY,
            LineEvent.at <= HandOver.at,
            _handed_in(start, end),
        )
        .group_by(LineEvent.line_id)
        .subquery()
    )
    delay = seconds_between(HandOver.at, ready.c.ready_at, dialect) / 3600.0
    query = (
        select(func.count(), func.avg(delay), func.max(delay))
        .select_from(HandOver)
        .join(ready, ready.c.line_id == HandOver.line_id)
    )
    n, mean, longest = session.execute(query).one()
    return CollectDelay(
        int(n or 0),
        None if mean is None else float(mean),
        None if longest is None else float(longest),
    )
