"""Visits of the spaces (Smart Room, Smart Lab...) by period, space, site, kiosk and
direction. A visit's ``day`` is already the Paris day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kiosk.checkin.tables import SpaceVisit
from kiosk.db.models import Direction, Kiosk, Person, Site
from kiosk.domain import Space
from kiosk.stats.figures import NO_DIRECTION, Row, sorted_rows
from kiosk.stats.french import SPACE_LABELS, period_label
from kiosk.stats.periods import Grain, Quarter
from kiosk.stats.sql import bucket, day_text, dialect_of
from kiosk.stats.tables import VisitTally


def _visits_in(quarter: Quarter) -> ColumnElement[bool]:
    return and_(SpaceVisit.day >= quarter.start, SpaceVisit.day < quarter.end)


def visits_total(session: Session, quarter: Quarter) -> int:
    query = select(func.count(SpaceVisit.id)).where(_visits_in(quarter))
    return int(session.scalar(query) or 0)


def visits_by_period(session: Session, quarter: Quarter, grain: Grain) -> list[Row]:
    """Visits by Paris day/week/month (the visit's ``day`` is already the Paris day)."""
    dialect = dialect_of(session)
    key = bucket(day_text(SpaceVisit.day, dialect), grain, dialect).label("k")
    query = (
        select(key, func.count(SpaceVisit.id))
        .where(_visits_in(quarter))
        .group_by(key)
        .order_by(key)
    )
    return [Row(k, period_label(k, grain), float(n)) for k, n in session.execute(query)]


def visits_by(session: Session, quarter: Quarter, dimension: str) -> list[Row]:
    """Visits by ``space``, ``site``, ``kiosk`` or ``direction``."""
    base = select(func.count(SpaceVisit.id).label("n")).where(_visits_in(quarter))
    if dimension == "space":
        rows = session.execute(base.add_columns(SpaceVisit.space).group_by(SpaceVisit.space))
        return sorted_rows(Row(str(s), SPACE_LABELS[Space(s)], float(n)) for n, s in rows)
    if dimension == "site":
        query = base.add_columns(Site.code, Site.name).join(Site, Site.id == SpaceVisit.site_id)
        query = query.group_by(Site.code, Site.name)
    elif dimension == "kiosk":
        query = base.add_columns(Kiosk.code, Kiosk.name).join(
            Kiosk, Kiosk.id == SpaceVisit.kiosk_id
        )
        query = query.group_by(Kiosk.code, Kiosk.name)
    elif dimension == "direction":
        query = (
            base.add_columns(Direction.code, Direction.name)
            .join(Person, Person.id == SpaceVisit.person_id)
            .outerjoin(Direction, Direction.id == Person.direction_id)
            .group_by(Direction.code, Direction.name)
        )
    else:
        raise ValueError(f"unknown dimension {dimension!r}")
    return sorted_rows(
        Row(code or "-", name or NO_DIRECTION, float(n)) for n, code, name in session.execute(query)
    )


def visits_grouped(
    session: Session, quarter: Quarter
) -> tuple[list[tuple[date, int]], dict[tuple[str, int, int], int]]:
    """The quarter's visits per day (from the (day) index), and per (space, site, kiosk): the
    counts the database keeps per Paris month (:class:`kiosk.stats.tables.VisitTally`), a
    quarter being three whole months."""
    days = select(SpaceVisit.day, func.count()).where(_visits_in(quarter)).group_by(SpaceVisit.day)
    tally = VisitTally
    groups = (
        select(tally.space, tally.site_id, tally.kiosk_id, func.sum(tally.visits))
        .where(
            tally.month >= f"{quarter.start:%Y-%m}",
            tally.month < f"{quarter.end:%Y-%m}",
            tally.visits > 0,
        )
        .group_by(tally.space, tally.site_id, tally.kiosk_id)
    )
    return (
        [(day, int(n)) for day, n in session.connection().execute(days)],
        {(str(sp), si, k): int(n) for sp, si, k, n in session.connection().execute(groups)},
    )
