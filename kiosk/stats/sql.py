"""SQL building blocks shared by the statistics: Paris days and buckets of UTC timestamps,
durations, counts over a time range, the names of the small lookup tables.

Pure SQLAlchemy Core on SQLite and PostgreSQL: PostgreSQL converts with ``AT TIME ZONE``;
on SQLite the Paris offset is applied piecewise (:func:`kiosk.stats.periods.paris_offsets`).
"""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from sqlalchemy import Date, Float, String, case, cast, func, literal, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kiosk.db.models import Direction, Kiosk, Site
from kiosk.stats.periods import Grain, paris_offsets


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


def local_day(column: Any, dialect: str, start: datetime, end: datetime) -> ColumnElement[str]:
    """The Paris day (``YYYY-MM-DD`` text) of a UTC timestamp column, for rows in [start, end)."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("Europe/Paris", column), "YYYY-MM-DD")
    segments = paris_offsets(start, end)
    if len(segments) == 1:
        shift: Any = literal(f"{segments[0][1]:+d} minutes")
    else:
        whens = [
            (column < nxt[0], f"{seg[1]:+d} minutes") for seg, nxt in itertools.pairwise(segments)
        ]
        shift = case(*whens, else_=f"{segments[-1][1]:+d} minutes")
    return func.date(column, shift)


def day_text(column: Any, dialect: str) -> ColumnElement[str]:
    """A DATE column as ``YYYY-MM-DD`` text (SQLite stores it so already)."""
    if dialect == "postgresql":
        return func.to_char(column, "YYYY-MM-DD")
    return func.date(column)


def bucket(day: ColumnElement[str], grain: Grain, dialect: str) -> ColumnElement[str]:
    """The bucket a ``YYYY-MM-DD`` day falls in, as text: the day, its week's Monday, its
    month (``YYYY-MM``) or its quarter (``YYYY-Qn``)."""
    if grain is Grain.DAY:
        return day
    if grain is Grain.WEEK:
        if dialect == "postgresql":
            return func.to_char(func.date_trunc("week", cast(day, Date)), "YYYY-MM-DD")
        return func.date(day, "-6 days", "weekday 1")
    month = func.substr(day, 6, 2)
    if grain is Grain.MONTH:
        return type_coerce(func.substr(day, 1, 7), String)
    number = case((month <= "03", "1"), (month <= "06", "2"), (month <= "09", "3"), else_="4")
    return type_coerce(func.substr(day, 1, 4), String) + "-Q" + number


def seconds_between(later: Any, earlier: Any, dialect: str) -> ColumnElement[float]:
    if dialect == "postgresql":
        return type_coerce(func.extract("epoch", later - earlier), Float)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def count_between(session: Session, column: Any, start: datetime, end: datetime) -> int:
    """Rows whose timestamp ``column`` is in [start, end) (an indexed range scan)."""
    query = select(func.count()).where(column >= start, column < end)
    return int(session.scalar(query) or 0)


def lookup_names(
    session: Session, model: type[Direction] | type[Site] | type[Kiosk]
) -> dict[int, tuple[str, str]]:
    """id -> (code, name) of a small lookup table."""
    return {
        i: (code, name)
        for i, code, name in session.execute(select(model.id, model.code, model.name))
    }
