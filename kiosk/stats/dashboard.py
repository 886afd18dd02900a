"""Steering statistics for the council: attendance, visits of the spaces, help requests,
the document kiosk (views, searches that found nothing), Click & Collect hand-overs.

Pure SQLAlchemy Core on SQLite and PostgreSQL. Every figure is aggregated by the database
(GROUP BY on indexed columns); Python only names the buckets it gets back.

Calendar: the council counts in Paris time. A check-in at 23:30 UTC on 31 March is on
1 April in Paris. PostgreSQL converts with ``AT TIME ZONE``; SQLite has no zone database, so
the Paris offset is applied piecewise between the DST changes of the period asked for
(:func:`paris_offsets`), which Python's zoneinfo computes once per query.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import (
    Date,
    Float,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kiosk.checkin.tables import Attendance, SpaceVisit
from kiosk.collect.status import LineStatus
from kiosk.collect.tables import CatalogueItem, HandOver, LineEvent
from kiosk.db.models import Direction, Event, Kiosk, Person, Registration, Site
from kiosk.documents.tables import Document, DocumentSearch, DocumentView
from kiosk.domain import PARIS, EventKind, RegistrationStatus, Space
from kiosk.help.domain import HelpReason, TicketState
from kiosk.help.tables import HelpRequest

NBSP: Final = "\u00a0"  # French typography: a non-breaking space before % and between groups
MINUS: Final = "\u2212"
NO_DIRECTION: Final = "Sans direction (visiteurs)"


class Grain(enum.StrEnum):
    DAY = "day"
    WEEK = "week"  # ISO week, labelled by its Monday
    MONTH = "month"
    QUARTER = "quarter"


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"a quarter is 1 to 4, not {self.number}")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """``2026-Q3`` (also ``2026Q3``, ``2026-T3`` as French staff write it)."""
        match = re.fullmatch(r"\s*(\d{4})\s*-?\s*[QqTt]([1-4])\s*", text)
        if match is None:
            raise ValueError(f"not a quarter: {text!r} (expected e.g. 2026-Q3)")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """The first day after the quarter."""
        return self.next().start

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    @property
    def code(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def ordinal_fr(self) -> str:
        """``1er``, ``2e``... as in "au 2e trimestre"."""
        return "1er" if self.number == 1 else f"{self.number}e"

    @property
    def label_fr(self) -> str:
        return f"{self.ordinal_fr} trimestre {self.year}"

    def utc_bounds(self) -> tuple[datetime, datetime]:
        return paris_midnight(self.start), paris_midnight(self.end)


def paris_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), PARIS).astimezone(UTC)


def paris_offsets(start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """The Paris UTC offset (minutes) in force from each instant on, over [start, end).

    The first item starts at ``start``; one more per DST change inside the period.
    """
    out: list[tuple[datetime, int]] = []
    at = start
    while at < end:
        offset = _offset_minutes(at)
        if not out or out[-1][1] != offset:
            out.append((at, offset))
        at += timedelta(hours=1)
    # hour steps find each change within the hour; pin it to the exact instant
    exact = [out[0]] if out else []
    for at, offset in out[1:]:
        lo, hi = at - timedelta(hours=1), at
        while hi - lo > timedelta(minutes=1):
            mid = lo + (hi - lo) / 2
            if _offset_minutes(mid) == offset:
                hi = mid
            else:
                lo = mid
        exact.append((hi.replace(second=0, microsecond=0), offset))
    return exact


def _offset_minutes(at: datetime) -> int:
    delta = at.astimezone(PARIS).utcoffset()
    assert delta is not None
    return int(delta / timedelta(minutes=1))


# --- SQL building blocks -------------------------------------------------------------------


def _dialect(session: Session) -> str:
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


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """Quarter-over-quarter change; ``percent`` is None when the previous quarter had none."""

    current: float
    previous: float

    @property
    def percent(self) -> float | None:
        if self.previous == 0:
            return None
        return (self.current - self.previous) / self.previous * 100.0


@dataclass(frozen=True)
class Row:
    key: str  # a bucket ("2026-07", "2026-07-06") or a code (event kind, site code...)
    label: str  # what a person reads
    value: float


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


@dataclass(frozen=True)
class HelpByReason:
    reason: HelpReason
    requests: int
    served: int  # done
    no_shows: int
    wait_minutes: float | None  # mean from issue to first call
    service_minutes: float | None  # mean from serving to done


@dataclass(frozen=True)
class CollectDelay:
    """From a line becoming ready to its hand-over, over the quarter's hand-overs."""

    lines: int  # hand-overs whose line has a "ready" event
    mean_hours: float | None
    max_hours: float | None


@dataclass(frozen=True)
class Dashboard:
    quarter: Quarter
    attendance: Change  # check-ins to the quarter's events
    visits: Change  # visits of the spaces
    help_requests: Change
    no_show: NoShow
    no_show_previous: NoShow
    attendance_by_month: list[Row]
    attendance_by_kind: list[Row]
    attendance_by_direction: list[Row]
    attendance_by_site: list[Row]
    attendance_by_kiosk: list[Row]
    no_show_by_kind: list[tuple[str, str, NoShow]]
    visits_by_month: list[Row]
    visits_by_space: list[Row]
    visits_by_site: list[Row]
    visits_by_kiosk: list[Row]
    help_by_reason: list[HelpByReason]
    events: int
    document_views: Change
    searches: Change
    zero_result_searches: Change
    top_documents: list[Row]  # most opened
    zero_result_queries: list[Row]  # what people looked for and did not find
    handed_over: Change  # Click & Collect lines handed over
    handed_over_by_item: list[Row]
    collect_delay: CollectDelay


# --- attendance of events ------------------------------------------------------------------

KIND_LABELS: Final = {
    EventKind.MASTERCLASS: "Masterclass",
    EventKind.TABLE_RONDE: "Table ronde",
    EventKind.ATELIER_TECHNOLOGIQUE: "Atelier technologique",
    EventKind.CAFE_NUMERIQUE: "Café numérique",
    EventKind.FORMATION: "Formation",
}
SPACE_LABELS: Final = {
    Space.SMART_ROOM: "Smart Room",
    Space.SMART_LAB: "Smart Lab",
    Space.SMART_CLASS: "Smart Class",
    Space.SMART_STORE: "Smart Store",
    Space.REMOTE_SITE: "Smart Tour (sites distants)",
}
REASON_LABELS: Final = {reason: reason.label_fr for reason in HelpReason}


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
    dialect = _dialect(session)
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
    return [Row(k, _period_label(k, grain), float(n)) for k, n in session.execute(query)]


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
        return _sorted(Row(str(k), KIND_LABELS[EventKind(k)], float(n)) for n, k, _ in rows)
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
    return _sorted(
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


# --- visits of the spaces ------------------------------------------------------------------


def _visits_in(quarter: Quarter) -> ColumnElement[bool]:
    return and_(SpaceVisit.day >= quarter.start, SpaceVisit.day < quarter.end)


def visits_total(session: Session, quarter: Quarter) -> int:
    query = select(func.count(SpaceVisit.id)).where(_visits_in(quarter))
    return int(session.scalar(query) or 0)


def visits_by_period(session: Session, quarter: Quarter, grain: Grain) -> list[Row]:
    """Visits by Paris day/week/month (the visit's ``day`` is already the Paris day)."""
    dialect = _dialect(session)
    key = bucket(day_text(SpaceVisit.day, dialect), grain, dialect).label("k")
    query = (
        select(key, func.count(SpaceVisit.id))
        .where(_visits_in(quarter))
        .group_by(key)
        .order_by(key)
    )
    return [Row(k, _period_label(k, grain), float(n)) for k, n in session.execute(query)]


def visits_by(session: Session, quarter: Quarter, dimension: str) -> list[Row]:
    """Visits by ``space``, ``site``, ``kiosk`` or ``direction``."""
    base = select(func.count(SpaceVisit.id).label("n")).where(_visits_in(quarter))
    if dimension == "space":
        rows = session.execute(base.add_columns(SpaceVisit.space).group_by(SpaceVisit.space))
        return _sorted(Row(str(s), SPACE_LABELS[Space(s)], float(n)) for n, s in rows)
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
    return _sorted(
        Row(code or "-", name or NO_DIRECTION, float(n)) for n, code, name in session.execute(query)
    )


# --- help requests -------------------------------------------------------------------------


def _help_in(quarter: Quarter) -> ColumnElement[bool]:
    return and_(HelpRequest.service_day >= quarter.start, HelpRequest.service_day < quarter.end)


def help_total(session: Session, quarter: Quarter) -> int:
    query = select(func.count(HelpRequest.id)).where(_help_in(quarter))
    return int(session.scalar(query) or 0)


def help_by_reason(session: Session, quarter: Quarter) -> list[HelpByReason]:
    """Requests by reason with the mean wait (issue to call) and service (serve to done)."""
    dialect = _dialect(session)
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


# --- kiosque numérique ---------------------------------------------------------------------

TOP: Final = 10


def _count_between(session: Session, column: Any, start: datetime, end: datetime) -> int:
    """Rows whose timestamp ``column`` is in [start, end) (an indexed range scan)."""
    query = select(func.count()).where(column >= start, column < end)
    return int(session.scalar(query) or 0)


def zero_result_searches(session: Session, start: datetime, end: datetime) -> int:
    query = select(func.count(DocumentSearch.id)).where(
        DocumentSearch.at >= start, DocumentSearch.at < end, DocumentSearch.result_count == 0
    )
    return int(session.scalar(query) or 0)


def top_documents(session: Session, quarter: Quarter, limit: int = TOP) -> list[Row]:
    """The documents opened most often in the quarter (title as it is now; slug if deleted)."""
    start, end = quarter.utc_bounds()
    views = func.count(DocumentView.id).label("n")
    query = (
        select(DocumentView.document_slug, Document.title, views)
        .outerjoin(Document, Document.slug == DocumentView.document_slug)
        .where(DocumentView.at >= start, DocumentView.at < end)
        .group_by(DocumentView.document_slug, Document.title)
        .order_by(views.desc(), DocumentView.document_slug)
        .limit(limit)
    )
    return [Row(slug, title or slug, float(n)) for slug, title, n in session.execute(query)]


def zero_result_queries(session: Session, quarter: Quarter, limit: int = TOP) -> list[Row]:
    """Searches that found nothing, grouped by their folded words, most frequent first; the
    label is one of the spellings typed (the smallest, for a stable report)."""
    start, end = quarter.utc_bounds()
    times = func.count(DocumentSearch.id).label("n")
    query = (
        select(DocumentSearch.normalized, func.min(DocumentSearch.query), times)
        .where(
            DocumentSearch.at >= start,
            DocumentSearch.at < end,
            DocumentSearch.result_count == 0,
        )
        .group_by(DocumentSearch.normalized)
        .order_by(times.desc(), DocumentSearch.normalized)
        .limit(limit)
    )
    return [Row(key, text, float(n)) for key, text, n in session.execute(query)]


# --- Click & Collect -----------------------------------------------------------------------


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
    return _sorted(Row(code, name, float(n)) for code, name, n in session.execute(query))


def collect_delay(session: Session, quarter: Quarter) -> CollectDelay:
    """Hours from the line's last move to "ready" before its hand-over, to the hand-over."""
    start, end = quarter.utc_bounds()
    dialect = _dialect(session)
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


# --- the dashboard -------------------------------------------------------------------------


def quarter_dashboard(session: Session, quarter: Quarter, now: datetime | None = None) -> Dashboard:
    """Everything the report, the exports and the screen show for one quarter.

    ``now``: the registered-against-present figures (no-show rate, walk-ins) count only the
    events over by then, so a quarter under way does not call absent the people registered
    to its events still to come; without it, every event of the quarter counts.

    The same figures as :func:`quarter_dashboard_by_parts`, in a few queries instead of one
    per figure. One query lists the events of this quarter and the previous one with, per
    event, its check-ins, its confirmed registrations and how many of those came (counted
    from the covering indexes of migration 0008, event by event, so that both SQLite and
    PostgreSQL read only those events' index entries); two more group the quarter's check-ins
    by (event, kiosk) and by (event, recorded direction), for those events' ids. Python sums
    those few thousand groups by month, kind, site, kiosk and direction, with the names of
    the small lookup tables.
    """
    start, end = quarter.utc_bounds()
    prev = quarter.previous()
    prev_start, _ = prev.utc_bounds()
    events = _events_with_counts(session, prev_start, end)
    current = {i: e for i, e in events.items() if e.starts_at >= start}
    previous = [e for e in events.values() if e.starts_at < start]
    held = (lambda e: True) if now is None else (lambda e: e.ends_at <= now)
    attended_ids = [i for i, e in current.items() if e.attended]
    by_kiosk: dict[int, int] = {}
    for (_, kiosk_id), n in _attendance_per_event_and(
        session, Attendance.kiosk_id, attended_ids
    ).items():
        by_kiosk[kiosk_id] = by_kiosk.get(kiosk_id, 0) + n
    by_month: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    by_site: dict[int, int] = {}
    no_show_kind: dict[str, tuple[int, int, int]] = {}
    for e in current.values():
        if e.attended:
            month = f"{e.starts_at.astimezone(PARIS):%Y-%m}"
            by_month[month] = by_month.get(month, 0) + e.attended
            by_kind[e.kind] = by_kind.get(e.kind, 0) + e.attended
            by_site[e.site_id] = by_site.get(e.site_id, 0) + e.attended
        if (e.attended or e.registered) and held(e):
            reg, pres, walk_ins = no_show_kind.get(e.kind, (0, 0, 0))
            no_show_kind[e.kind] = (
                reg + e.registered,
                pres + e.present,
                walk_ins + e.attended - e.present,
            )
    sites = _names(session, Site)
    kiosks = _names(session, Kiosk)
    visit_days, visit_groups = _visits_grouped(session, quarter)
    visits_month: dict[str, int] = {}
    for day, n in visit_days:
        visits_month[f"{day:%Y-%m}"] = visits_month.get(f"{day:%Y-%m}", 0) + n
    visits_space: dict[str, int] = {}
    visits_site: dict[int, int] = {}
    visits_kiosk: dict[int, int] = {}
    for (space, site_id, kiosk_id), n in visit_groups.items():
        visits_space[space] = visits_space.get(space, 0) + n
        visits_site[site_id] = visits_site.get(site_id, 0) + n
        visits_kiosk[kiosk_id] = visits_kiosk.get(kiosk_id, 0) + n
    helps = help_by_reason(session, quarter)
    return Dashboard(
        quarter=quarter,
        attendance=Change(
            sum(e.attended for e in current.values()), sum(e.attended for e in previous)
        ),
        visits=Change(sum(n for _, n in visit_days), visits_total(session, prev)),
        help_requests=Change(sum(h.requests for h in helps), help_total(session, prev)),
        no_show=_no_show_of(e for e in current.values() if held(e)),
        no_show_previous=_no_show_of(e for e in previous if held(e)),
        attendance_by_month=_period_rows(by_month, Grain.MONTH),
        attendance_by_kind=_sorted(
            Row(k, KIND_LABELS[EventKind(k)], float(n)) for k, n in by_kind.items()
        ),
        attendance_by_direction=_attendance_by_direction(session, attended_ids),
        attendance_by_site=_named_rows(by_site, sites),
        attendance_by_kiosk=_named_rows(by_kiosk, kiosks),
        no_show_by_kind=[
            (k, KIND_LABELS[EventKind(k)], NoShow(*v)) for k, v in sorted(no_show_kind.items())
        ],
        visits_by_month=_period_rows(visits_month, Grain.MONTH),
        visits_by_space=_sorted(
            Row(k, SPACE_LABELS[Space(k)], float(n)) for k, n in visits_space.items()
        ),
        visits_by_site=_named_rows(visits_site, sites),
        visits_by_kiosk=_named_rows(visits_kiosk, kiosks),
        help_by_reason=helps,
        events=len(current),
        **_documents_and_collect(session, quarter),
    )


@dataclass(frozen=True)
class EventCounts:
    """One event and its counts, as :func:`_events_with_counts` reads them."""

    kind: str
    site_id: int
    starts_at: datetime  # UTC
    ends_at: datetime
    attended: int  # checked in
    registered: int  # confirmed registrations
    present: int  # of them, checked in


def _events_with_counts(session: Session, start: datetime, end: datetime) -> dict[int, EventCounts]:
    """The events starting in [start, end), each with its check-ins, confirmed registrations
    and registered people checked in.

    Correlated counts, one event at a time: each reads one event's entries in the
    (event, ...) indexes, where a join over the whole period lets PostgreSQL's planner hash
    the whole attendance table. Registered people who came: PostgreSQL joins the event's two
    index ranges; SQLite, whose joins look each registration up in the attendance index,
    counts the distinct people of the two ranges instead (a UNION it merges as it reads both
    in person order) and subtracts: present = registered + checked in - either.
    """
    attended = select(func.count()).select_from(Attendance).where(Attendance.event_id == Event.id)
    confirmed = and_(
        Registration.event_id == Event.id, Registration.status == RegistrationStatus.CONFIRMED
    )
    registered = select(func.count()).select_from(Registration).where(confirmed)
    merged = _dialect(session) == "sqlite"
    both: Select[int]
    if merged:
        either = (
            select(Registration.person_id)
            .where(confirmed)
            .correlate(Event)
            .union(
                select(Attendance.person_id).where(Attendance.event_id == Event.id).correlate(Event)
            )
            .order_by(literal_column("1"))  # what lets SQLite merge the two sorted ranges
            .subquery()
        )
        both = select(func.count()).select_from(either)
    else:
        both = (
            select(func.count())
            .select_from(Registration)
            .join(
                Attendance,
                and_(
                    Attendance.event_id == Registration.event_id,
                    Attendance.person_id == Registration.person_id,
                ),
            )
            .where(confirmed)
        )
    query = select(
        Event.id,
        Event.kind,
        Event.site_id,
        Event.starts_at,
        Event.ends_at,
        attended.scalar_subquery(),
        registered.scalar_subquery(),
        both.scalar_subquery(),
    ).where(_events_in(start, end))
    out = {}
    for i, kind, site, at, until, n, reg, count in session.connection().execute(query):
        present = int(reg) + int(n) - int(count) if merged else int(count)
        out[i] = EventCounts(str(kind), site, at, until, int(n), int(reg), present)
    return out


def _no_show_of(events: Iterable[EventCounts]) -> NoShow:
    registered = present = attended = 0
    for e in events:
        registered += e.registered
        present += e.present
        attended += e.attended
    return NoShow(registered, present, attended - present)


ID_CHUNK: Final = 2_000  # ids per IN list: far below SQLite's and PostgreSQL's bind limits


def _attendance_per_event_and(
    session: Session, column: Any, event_ids: Sequence[int]
) -> dict[tuple[int, Any], int]:
    """Check-ins to these events per (event, ``column``): read from the (event, column, ...)
    index in its order, so SQLite aggregates as it reads, with no sort."""
    out: dict[tuple[int, Any], int] = {}
    for i in range(0, len(event_ids), ID_CHUNK):
        query = (
            select(Attendance.event_id, column, func.count())
            .where(Attendance.event_id.in_(event_ids[i : i + ID_CHUNK]))
            .group_by(Attendance.event_id, column)
        )
        rows = session.connection().execute(query)  # Core rows: no ORM loading per row
        out.update({(e, value): int(n) for e, value, n in rows})
    return out


def _attendance_by_direction(session: Session, event_ids: Sequence[int]) -> list[Row]:
    """Check-ins to these events by the direction recorded at check-in; the rows that
    recorded none (no direction then, or written by an older kiosk) count for the person's
    current one."""
    counts: dict[int | None, int] = {}
    unrecorded = 0
    per_event = _attendance_per_event_and(session, Attendance.direction_id, event_ids)
    for (_, direction_id), n in per_event.items():
        if direction_id is None:
            unrecorded += n
        else:
            counts[direction_id] = counts.get(direction_id, 0) + n
    for i in range(0, len(event_ids) if unrecorded else 0, ID_CHUNK):
        current = (
            select(Person.direction_id, func.count())
            .select_from(Attendance)
            .join(Person, Person.id == Attendance.person_id)
            .where(
                Attendance.event_id.in_(event_ids[i : i + ID_CHUNK]),
                Attendance.direction_id.is_(None),
            )
            .group_by(Person.direction_id)
        )
        for direction_id, n in session.execute(current):
            counts[direction_id] = counts.get(direction_id, 0) + int(n)
    names = _names(session, Direction)
    merged: dict[tuple[str | None, str | None], int] = {}
    for direction_id, n in counts.items():
        key = names.get(direction_id, (None, None)) if direction_id is not None else (None, None)
        merged[key] = merged.get(key, 0) + n
    return _sorted(
        Row(code or "-", name or NO_DIRECTION, float(n)) for (code, name), n in merged.items()
    )


def _visits_grouped(
    session: Session, quarter: Quarter
) -> tuple[list[tuple[date, int]], dict[tuple[str, int, int], int]]:
    """The quarter's visits per day, and per (space, site, kiosk)."""
    days = select(SpaceVisit.day, func.count()).where(_visits_in(quarter)).group_by(SpaceVisit.day)
    groups = (
        select(SpaceVisit.space, SpaceVisit.site_id, SpaceVisit.kiosk_id, func.count())
        .where(_visits_in(quarter))
        .group_by(SpaceVisit.space, SpaceVisit.site_id, SpaceVisit.kiosk_id)
    )
    return (
        [(day, int(n)) for day, n in session.connection().execute(days)],
        {(str(sp), si, k): int(n) for sp, si, k, n in session.connection().execute(groups)},
    )


def _names(
    session: Session, model: type[Direction] | type[Site] | type[Kiosk]
) -> dict[int, tuple[str, str]]:
    """id -> (code, name) of a small lookup table."""
    return {
        i: (code, name)
        for i, code, name in session.execute(select(model.id, model.code, model.name))
    }


def _named_rows(counts: dict[int, int], names: dict[int, tuple[str, str]]) -> list[Row]:
    """Counts per id as rows named from a lookup table, merged by (code, name) as a GROUP BY
    on those columns would (an id missing from the table is left out, as by an inner join)."""
    merged: dict[tuple[str, str], int] = {}
    for i, n in counts.items():
        if i in names:
            merged[names[i]] = merged.get(names[i], 0) + n
    return _sorted(
        Row(code or "-", name or NO_DIRECTION, float(n)) for (code, name), n in merged.items()
    )


def _period_rows(counts: dict[str, int], grain: Grain) -> list[Row]:
    return [Row(k, _period_label(k, grain), float(counts[k])) for k in sorted(counts)]


def _documents_and_collect(session: Session, quarter: Quarter) -> dict[str, Any]:
    """The kiosque numérique and Click & Collect figures (small tables, one query each)."""
    start, end = quarter.utc_bounds()
    prev_start, prev_end = quarter.previous().utc_bounds()
    return {
        "document_views": Change(
            _count_between(session, DocumentView.at, start, end),
            _count_between(session, DocumentView.at, prev_start, prev_end),
        ),
        "searches": Change(
            _count_between(session, DocumentSearch.at, start, end),
            _count_between(session, DocumentSearch.at, prev_start, prev_end),
        ),
        "zero_result_searches": Change(
            zero_result_searches(session, start, end),
            zero_result_searches(session, prev_start, prev_end),
        ),
        "top_documents": top_documents(session, quarter),
        "zero_result_queries": zero_result_queries(session, quarter),
        "handed_over": Change(
            handed_over_total(session, start, end),
            handed_over_total(session, prev_start, prev_end),
        ),
        "handed_over_by_item": handed_over_by_item(session, quarter),
        "collect_delay": collect_delay(session, quarter),
    }


def quarter_dashboard_by_parts(
    session: Session, quarter: Quarter, now: datetime | None = None
) -> Dashboard:
    """The dashboard assembled from the granular functions, one query per figure (about
    twenty, each reading the quarter's rows again): what :func:`quarter_dashboard` must
    equal, and the baseline of bench/stats_dashboard.py."""
    start, end = quarter.utc_bounds()
    prev = quarter.previous()
    prev_start, prev_end = prev.utc_bounds()
    return Dashboard(
        quarter=quarter,
        attendance=Change(
            attendance_total(session, start, end), attendance_total(session, prev_start, prev_end)
        ),
        visits=Change(visits_total(session, quarter), visits_total(session, prev)),
        help_requests=Change(help_total(session, quarter), help_total(session, prev)),
        no_show=no_show(session, start, end, now),
        no_show_previous=no_show(session, prev_start, prev_end, now),
        attendance_by_month=attendance_by_period(session, quarter, Grain.MONTH),
        attendance_by_kind=attendance_by(session, quarter, "kind"),
        attendance_by_direction=attendance_by(session, quarter, "direction"),
        attendance_by_site=attendance_by(session, quarter, "site"),
        attendance_by_kiosk=attendance_by(session, quarter, "kiosk"),
        no_show_by_kind=no_show_by_kind(session, quarter, now),
        visits_by_month=visits_by_period(session, quarter, Grain.MONTH),
        visits_by_space=visits_by(session, quarter, "space"),
        visits_by_site=visits_by(session, quarter, "site"),
        visits_by_kiosk=visits_by(session, quarter, "kiosk"),
        help_by_reason=help_by_reason(session, quarter),
        events=events_count(session, start, end),
        document_views=Change(
            _count_between(session, DocumentView.at, start, end),
            _count_between(session, DocumentView.at, prev_start, prev_end),
        ),
        searches=Change(
            _count_between(session, DocumentSearch.at, start, end),
            _count_between(session, DocumentSearch.at, prev_start, prev_end),
        ),
        zero_result_searches=Change(
            zero_result_searches(session, start, end),
            zero_result_searches(session, prev_start, prev_end),
        ),
        top_documents=top_documents(session, quarter),
        zero_result_queries=zero_result_queries(session, quarter),
        handed_over=Change(
            handed_over_total(session, start, end),
            handed_over_total(session, prev_start, prev_end),
        ),
        handed_over_by_item=handed_over_by_item(session, quarter),
        collect_delay=collect_delay(session, quarter),
    )


# --- French formatting ---------------------------------------------------------------------

MONTHS_FR: Final = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def _period_label(key: str, grain: Grain) -> str:
    if grain is Grain.MONTH:
        year, month = key.split("-")
        return f"{MONTHS_FR[int(month) - 1]} {year}"
    if grain is Grain.QUARTER:
        return Quarter.parse(key).label_fr
    day = date.fromisoformat(key)
    if grain is Grain.WEEK:
        return f"semaine du {day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _sorted(rows: Any) -> list[Row]:
    """Biggest first, then by label: the order a chart and a table read best (then by key,
    so that two sites of the same name keep one order whatever the database returned)."""
    return sorted(rows, key=lambda r: (-r.value, r.label, r.key))


def format_number(value: float, decimals: int = 0) -> str:
    """``12 345`` / ``12 345,6``: French grouping (non-breaking space) and decimal comma."""
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return (MINUS if value < 0 and float(text.replace(NBSP, "").replace(",", ".")) else "") + text


def format_percent(percent: float | None, *, signed: bool = True) -> str:
    """``+123 %``, ``−4,5 %``, ``n/a``: one decimal under 10 %, whole numbers above."""
    if percent is None:
        return "n/a"
    decimals = 1 if abs(percent) < 10 else 0
    number = format_number(percent, decimals)
    if signed and not number.startswith(MINUS) and round(percent, decimals) != 0:
        number = "+" + number
    return f"{number}{NBSP}%"


def format_change(change: Change, quarter: Quarter) -> str:
    """``+123 % au 2e trimestre`` (``n/a`` when the quarter before counted nothing)."""
    return f"{format_percent(change.percent)} au {quarter.ordinal_fr} trimestre"


def format_minutes(minutes: float | None) -> str:
    if minutes is None:
        return "-"
    return f"{format_number(minutes, 1)}{NBSP}min"


def format_rate(rate: float | None) -> str:
    return "n/a" if rate is None else format_percent(rate * 100.0, signed=False)


def share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def rows_total(rows: Sequence[Row]) -> float:
    return sum(r.value for r in rows)
