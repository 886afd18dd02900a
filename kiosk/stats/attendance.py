"""Attendance of events: check-ins by period, kind, direction, site and kiosk, and the
registered people who did not come (no-shows) against those who came unregistered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kiosk.checkin.tables import Attendance
from kiosk.db.models import Direction, Event, Kiosk, Person, Registration, Site
from kiosk.domain import EventKind, RegistrationStatus
from kiosk.stats.figures import NO_DIRECTION, Row, sorted_rows
from kiosk.stats.french import KIND_LABELS, period_label
from kiosk.stats.periods import Grain, Quarter
from kiosk.stats.sql import bucket, dialect_of, local_day, lookup_names
from kiosk.stats.tables import EventDirectionTally, EventKioskTally, EventTally


@dataclass(frozen=True)
class NoShow:
    registered: int  # confirmed registrations to the quarter's events
    present: int  # of them, checked in
    walk_ins: int  # checked in without a confirmed registration

    @property
    def absent(self) -> int:
        return self.registered - self.present

    @property
    def rate(self) -> float | None:
        """Share of registered people who did not come (0..1); None with no registration."""
        return self.absent / self.registered if self.registered else None


def _events_in(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(Event.starts_at >= start, Event.starts_at < end)


def _over(now: datetime) -> ColumnElement[bool]:
    return Event.ends_at <= now


def attendance_total(session: Session, start: datetime, end: datetime) -> int:
    """People checked in to the events that start in [start, end)."""
    query = (
        select(func.count(Attendance.id))
        .select_from(Event)
        .join(Attendance, Attendance.event_id == Event.id)
        .where(_events_in(start, end))
    )
    return int(session.scalar(query) or 0)


def attendance_by_period(session: Session, quarter: Quarter, grain: Grain) -> list[Row]:
    """Check-ins by the Paris day/week/month of their event's start."""
    dialect = dialect_of(session)
    start, end = quarter.utc_bounds()
    per_event = (
        select(Attendance.event_id, func.count().label("n"))
        .join(Event, Event.id == Attendance.event_id)
        .where(_events_in(start, end))
        .group_by(Attendance.event_id)
        .subquery()
    )
    key = bucket(local_day(Event.starts_at, dialect, start, end), grain, dialect).label("k")
    query = (
        select(key, func.sum(per_event.c.n))
        .select_from(per_event)
        .join(Event, Event.id == per_event.c.event_id)
        .group_by(key)
        .order_by(key)
    )
    return [Row(k, period_label(k, grain), float(n)) for k, n in session.execute(query)]


def attendance_by(session: Session, quarter: Quarter, dimension: str) -> list[Row]:
    """Check-ins to the quarter's events by ``kind``, ``direction``, ``site`` or ``kiosk``."""
    start, end = quarter.utc_bounds()
    base = (
        select(func.count(Attendance.id).label("n"))
        .select_from(Event)
        .join(Attendance, Attendance.event_id == Event.id)
        .where(_events_in(start, end))
    )
    query: Select[Any]
    if dimension == "kind":
        query = base.add_columns(Event.kind, Event.kind).group_by(Event.kind)
        rows = session.execute(query)
        return sorted_rows(Row(str(k), KIND_LABELS[EventKind(k)], float(n)) for n, k, _ in rows)
    if dimension == "direction":
        # the direction they were in when they checked in (see Attendance.direction_id)
        query = (
            base.add_columns(Direction.code, Direction.name)
            .join(Person, Person.id == Attendance.person_id)
            .outerjoin(
                Direction,
                Direction.id == func.coalesce(Attendance.direction_id, Person.direction_id),
            )
            .group_by(Direction.code, Direction.name)
        )
    elif dimension == "site":
        query = base.add_columns(Site.code, Site.name).join(Site, Site.id == Event.site_id)
        query = query.group_by(Site.code, Site.name)
    elif dimension == "kiosk":
        query = base.add_columns(Kiosk.code, Kiosk.name).join(
            Kiosk, Kiosk.id == Attendance.kiosk_id
        )
        query = query.group_by(Kiosk.code, Kiosk.name)
    else:
        raise ValueError(f"unknown dimension {dimension!r}")
    return sorted_rows(
        Row(code or "-", name or NO_DIRECTION, float(n)) for n, code, name in session.execute(query)
    )


def no_show(
    session: Session, start: datetime, end: datetime, now: datetime | None = None
) -> NoShow:
    """Registered vs present at the events starting in [start, end); with ``now``, only those
    over by then (registered people of an event still to come are not absent yet)."""
    return _no_show_rows(session, start, end, None, now).get("", NoShow(0, 0, 0))


def no_show_by_kind(
    session: Session, quarter: Quarter, now: datetime | None = None
) -> list[tuple[str, str, NoShow]]:
    start, end = quarter.utc_bounds()
    rows = _no_show_rows(session, start, end, Event.kind, now)
    return [(k, KIND_LABELS[EventKind(k)], v) for k, v in sorted(rows.items())]


def _no_show_rows(
    session: Session, start: datetime, end: datetime, by: Any | None, now: datetime | None
) -> dict[str, NoShow]:
    """Registered (confirmed) vs present, per ``by``: two GROUP BYs, one over each table."""
    confirmed = and_(
        Registration.event_id == Event.id, Registration.status == RegistrationStatus.CONFIRMED
    )
    present = and_(
        Attendance.event_id == Registration.event_id,
        Attendance.person_id == Registration.person_id,
    )
    cols = [by] if by is not None else []
    held = _events_in(start, end) if now is None else and_(_events_in(start, end), _over(now))
    registered = (
        select(*cols, func.count(Registration.id), func.count(Attendance.id))
        .select_from(Event)
        .join(Registration, confirmed)
        .outerjoin(Attendance, present)
        .where(held)
    )
    attended = (
        select(*cols, func.count(Attendance.id))
        .select_from(Event)
        .join(Attendance, Attendance.event_id == Event.id)
        .where(held)
    )
    if by is not None:
        registered = registered.group_by(by)
        attended = attended.group_by(by)
    out: dict[str, tuple[int, int, int]] = {}
    for row in session.execute(registered):
        key = str(row[0]) if by is not None else ""
        out[key] = (int(row[-2]), int(row[-1]), 0)
    for row in session.execute(attended):
        key = str(row[0]) if by is not None else ""
        reg, pres, _ = out.get(key, (0, 0, 0))
        out[key] = (reg, pres, int(row[-1]) - pres)
    return {k: NoShow(*v) for k, v in out.items()}


def events_count(session: Session, start: datetime, end: datetime) -> int:
    return int(session.scalar(select(func.count(Event.id)).where(_events_in(start, end))) or 0)


@dataclass(frozen=True)
class EventCounts:
    """One event and its counts, as :func:`events_with_counts` reads them."""

    kind: str
    site_id: int
    starts_at: datetime  # UTC
    ends_at: datetime
    attended: int  # checked in
    registered: int  # confirmed registrations
    present: int  # of them, checked in
    answers: int = 0  # to « Comment était … ? »
    score_sum: int = 0  # their faces, 1 to 4


def events_with_counts(session: Session, start: datetime, end: datetime) -> dict[int, EventCounts]:
    """The events starting in [start, end), each with its check-ins, confirmed registrations,
    registered people checked in, and answers with their faces: the counts the database keeps
    per event as the rows are written (:class:`kiosk.stats.tables.EventTally`), so one read of
    the events' rows instead of counting each event's index entries."""
    query = (
        select(
            Event.id,
            Event.kind,
            Event.site_id,
            Event.starts_at,
            Event.ends_at,
            EventTally.attended,
            EventTally.registered,
            EventTally.present,
            EventTally.answers,
            EventTally.score_sum,
        )
        .outerjoin(EventTally, EventTally.event_id == Event.id)
        .where(_events_in(start, end))
    )
    out = {}
    for i, kind, site, at, until, *counts in session.connection().execute(query):
        out[i] = EventCounts(str(kind), site, at, until, *(n or 0 for n in counts))
    return out


def no_show_of(events: Iterable[EventCounts]) -> NoShow:
    registered = present = attended = 0
    for e in events:
        registered += e.registered
        present += e.present
        attended += e.attended
    return NoShow(registered, present, attended - present)


ID_CHUNK: Final = 2_000  # ids per IN list: far below SQLite's and PostgreSQL's bind limits


def attendance_by_kiosk(session: Session, start: datetime, end: datetime) -> dict[int, int]:
    """Check-ins to the events starting in [start, end), per kiosk id: the counts the database
    keeps per (event, kiosk) (:class:`kiosk.stats.tables.EventKioskTally`)."""
    query = (
        select(EventKioskTally.kiosk_id, func.sum(EventKioskTally.attended))
        .join(Event, Event.id == EventKioskTally.event_id)
        .where(_events_in(start, end), EventKioskTally.attended > 0)
        .group_by(EventKioskTally.kiosk_id)
    )
    return {kiosk_id: int(n) for kiosk_id, n in session.connection().execute(query)}


def attendance_by_direction(
    session: Session, start: datetime, end: datetime, attended: Mapping[int, int]
) -> list[Row]:
    """Check-ins to the events starting in [start, end) by the direction recorded at check-in
    (the counts kept per (event, direction), :class:`kiosk.stats.tables.EventDirectionTally`);
    the rows that recorded none (no direction then, or written by an older kiosk) count for
    the person's current one. ``attended``: those events' check-ins, so that the events with
    such rows are the ones whose recorded directions add up to less."""
    tally = EventDirectionTally
    of_events = (_events_in(start, end), tally.attended > 0)
    by_direction = (
        select(tally.direction_id, func.sum(tally.attended))
        .join(Event, Event.id == tally.event_id)
        .where(*of_events)
        .group_by(tally.direction_id)
    )
    counts: dict[int | None, int] = {
        direction_id: int(n) for direction_id, n in session.connection().execute(by_direction)
    }
    unrecorded: list[int] = []
    if sum(counts.values()) < sum(attended.values()):  # which events have such rows
        per_event = (
            select(tally.event_id, func.sum(tally.attended))
            .join(Event, Event.id == tally.event_id)
            .where(*of_events)
            .group_by(tally.event_id)
        )
        recorded = {e: int(n) for e, n in session.connection().execute(per_event)}
        unrecorded = [e for e, n in attended.items() if n > recorded.get(e, 0)]
    for i in range(0, len(unrecorded), ID_CHUNK):
        current = (
            select(Person.direction_id, func.count())
            .select_from(Attendance)
            .join(Person, Person.id == Attendance.person_id)
            .where(
                Attendance.event_id.in_(unrecorded[i : i + ID_CHUNK]),
                Attendance.direction_id.is_(None),
            )
            .group_by(Person.direction_id)
        )
        for direction_id, n in session.execute(current):
            counts[direction_id] = counts.get(direction_id, 0) + int(n)
    names = lookup_names(session, Direction)
    merged: dict[tuple[str | None, str | None], int] = {}
    for direction_id, n in counts.items():
        key = names.get(direction_id, (None, None)) if direction_id is not None else (None, None)
        merged[key] = merged.get(key, 0) + n
    return sorted_rows(
        Row(code or "-", name or NO_DIRECTION, float(n)) for (code, name), n in merged.items()
    )
