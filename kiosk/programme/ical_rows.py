"""One iCalendar event as a row: its start and end, title, kind, space and the rest."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

from kiosk.domain import PARIS
from kiosk.programme.ical import LocatedEvent
from kiosk.programme.rows import (
    EventRow,
    KindRules,
    RowError,
    RowRejected,
    SeriesNote,
    Skipped,
    capacity,
    checked_uid,
    flag,
    parse_space,
)
from kiosk.text import fold_words

type IcsItem = EventRow | RowError | Skipped

HORIZON_MONTHS: Final = 12


@dataclass(frozen=True)
class ImportWindow:
    """A series' occurrences starting between ``since`` and ``until`` are imported."""

    since: datetime
    until: datetime

    @classmethod
    def around(cls, now: datetime, until: datetime | None = None) -> ImportWindow:
        """From yesterday (an evening session still being checked in) to ``until``, by
        default twelve months ahead."""
        return cls(now - timedelta(days=1), until or _months_later(now, HORIZON_MONTHS))


def _months_later(when: datetime, months: int) -> datetime:
    month = when.month - 1 + months
    year, month = when.year + month // 12, month % 12 + 1
    return when.replace(year=year, month=month, day=min(when.day, monthrange(year, month)[1]))


@dataclass
class IcsContent:
    items: list[IcsItem] = field(default_factory=list)
    series: list[SeriesNote] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def single_event(event: LocatedEvent, uid: str, kinds: KindRules) -> IcsItem:
    """A single (not recurring) event, its external id the UID."""
    if cancelled(event):
        return Skipped(event.line, uid)
    try:
        starts, ends = span(event)
        return event_row(event, kinds, uid=uid, starts=starts, ends=ends)
    except RowRejected as exc:
        return RowError(event.line, str(exc))


def cancelled(event: LocatedEvent) -> bool:
    return fold_words(event.text("STATUS")) == "cancelled"


def instant(value: date | datetime) -> datetime:
    """An aware UTC time: a date is its midnight in Paris, a floating time is Paris time."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), PARIS).astimezone(UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=PARIS).astimezone(UTC)
    return value.astimezone(UTC)


def span(
    event: LocatedEvent, *, default_length: timedelta | None = None
) -> tuple[datetime, datetime]:
    """Start and end; without DTEND or DURATION, RFC 5545 section 3.6.1: an all-day event
    lasts its day, a timed one ends when it starts (unless an override takes its series')."""
    component = event.component
    if "DTSTART" not in component:
        raise RowRejected("no DTSTART")
    start_value = event.moment("DTSTART")
    starts = instant(start_value)
    try:
        if "DTEND" in component:
            return starts, instant(event.moment("DTEND"))
        if "DURATION" in component:
            return starts, starts + event.duration()
        if default_length is not None:
            return starts, starts + default_length
        if not isinstance(start_value, datetime):
            return starts, instant(start_value + timedelta(days=1))
        return starts, starts
    except OverflowError:
        raise RowRejected(
            f"DURATION {event.raw('DURATION')} runs past the end of the calendar "
            f"(line {event.line_of('DURATION')})"
        ) from None


def event_row(
    event: LocatedEvent, kinds: KindRules, *, uid: str, starts: datetime, ends: datetime
) -> EventRow:
    """The event's fields (title, kind, space...) read from its properties."""
    title = " ".join(event.text("SUMMARY").split())
    if not title:
        raise RowRejected("no SUMMARY (title)")
    if event.text("X-SMARTCORNER-KIND"):
        kind = kinds.named(event.text("X-SMARTCORNER-KIND"))
    else:
        found = kinds.from_words(event.categories(), title)
        if found is None:
            raise RowRejected(
                f"cannot tell the event kind of {title!r} (X-SMARTCORNER-KIND, CATEGORIES, "
                "the event_types setting or import events --type)"
            )
        kind = found
    space_text = event.text("X-SMARTCORNER-SPACE")
    return EventRow(
        line=event.line,
        uid=checked_uid(uid),
        title=title,
        kind=kind,
        space=parse_space(space_text) if space_text else None,
        site_code=event.text("X-SMARTCORNER-SITE") or None,
        location=event.text("LOCATION"),
        starts_at=starts,
        ends_at=ends,
        capacity=capacity(event.text("X-SMARTCORNER-CAPACITY")),
        open_to_external=flag(event.text("X-SMARTCORNER-EXTERNAL")),
        description=event.text("DESCRIPTION"),
        opens_before=None,
        closes_after=None,
    )


def zone_of(value: date | datetime) -> tuple[tzinfo, bool]:
    """The zone a time is written in, and whether it is UTC (``Z``)."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        return PARIS, False
    is_utc = value.utcoffset() == timedelta(0) and str(value.tzinfo) in ("UTC", "Z", "UTC+00:00")
    return value.tzinfo, is_utc
