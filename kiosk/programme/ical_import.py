"""The events of an iCalendar file as rows, series expanded in the import window.

A recurring event (``RRULE``, one or several, ``RDATE`` with times or periods, ``EXDATE``)
gives one row per occurrence, each replaced by its ``RECURRENCE-ID`` override if there is one;
an override with ``RANGE=THISANDFUTURE`` moves and changes that occurrence and every later one.
The expansion is ``kiosk.programme.recurrence``'s: it works on the series' wall clock and gets
``BYDAY=1MO,FR`` right, where ``dateutil`` (under ``recurring-ical-events``) gives nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from kiosk.domain import PARIS
from kiosk.programme.ical import LocatedEvent, property_values, read_calendar
from kiosk.programme.ical_rows import (
    IcsContent,
    IcsItem,
    ImportWindow,
    cancelled,
    event_row,
    instant,
    single_event,
    span,
    zone_of,
)
from kiosk.programme.recurrence import Expansion, Rule, RuleRefused, expand, parse_rrule
from kiosk.programme.rows import EventRow, KindRules, RowError, RowRejected, SeriesNote, Skipped

SERIES_ONLY = ("RRULE", "RDATE", "EXDATE", "EXRULE", "DTSTART", "DTEND", "DURATION")


def parse_ics(text: bytes | str, *, window: ImportWindow | None = None) -> list[IcsItem]:
    """The events of an iCalendar text, occurrences of series included (see ``read_ics``)."""
    return read_ics(text, window=window).items


def read_ics(
    data: bytes | str, *, window: ImportWindow | None = None, kinds: KindRules | None = None
) -> IcsContent:
    """The VEVENTs of an iCalendar file as EventRows, RowErrors (line and reason) and
    Skipped (cancelled); a recurring event gives one row per occurrence in the window
    (default: from yesterday to twelve months ahead) and a SeriesNote."""
    window = window or ImportWindow.around(datetime.now(UTC))
    kinds = kinds or KindRules()
    found = read_calendar(data)
    content = IcsContent(items=list(found.errors))
    masters: dict[str, LocatedEvent] = {}
    overrides: dict[str, list[LocatedEvent]] = {}
    for event in found.events:
        uid = event.text("UID")
        if not uid:
            uid = event.derived_uid()
            content.notes.append(
                f"line {event.line}: no UID: its id {uid} is derived from its title and start "
                "(a re-import after either changes makes a new event)"
            )
        if broken := event.broken():
            content.items.append(broken)
        elif "RECURRENCE-ID" in event.component:
            overrides.setdefault(uid, []).append(event)
        elif uid in masters:
            content.items.append(
                RowError(event.line, f"uid {uid!r} already on line {masters[uid].line}")
            )
        else:
            masters[uid] = event
    for uid, event in masters.items():
        if any(name in event.component for name in ("RRULE", "RDATE", "EXRULE")):
            add_series(content, uid, event, overrides.pop(uid, []), window, kinds)
        else:
            content.items.append(single_event(event, uid, kinds))
    for uid, moved in overrides.items():  # exceptions exported without their series
        add_series(content, uid, None, moved, window, kinds)
    return content


@dataclass(frozen=True)
class SeriesClock:
    """The zone a series' wall-clock times are in, and how its occurrence ids are written."""

    zone: tzinfo
    all_day: bool
    utc: bool

    @classmethod
    def of(cls, start: date | datetime) -> SeriesClock:
        if not isinstance(start, datetime):
            return cls(PARIS, all_day=True, utc=False)
        zone, is_utc = zone_of(start)
        return cls(zone, all_day=False, utc=is_utc)

    def instant(self, wall: datetime) -> datetime:
        return wall.replace(tzinfo=self.zone, fold=0).astimezone(UTC)

    def occurrence_id(self, uid: str, wall: datetime) -> str:
        if self.all_day:
            return f"{uid}#{wall:%Y%m%d}"
        return f"{uid}#{wall:%Y%m%dT%H%M%S}{'Z' if self.utc else ''}"

    def wall(self, value: date | datetime) -> date | datetime:
        """A RECURRENCE-ID, RDATE or EXDATE value on this clock; a bare date stays a date.
        For an all-day series a time names its day on its own clock (an override Outlook
        wrote in New York at midnight moves that day, not the one before)."""
        if not isinstance(value, datetime):
            return value
        if self.all_day:
            if value.tzinfo is not None and zone_of(value)[1]:
                return value.astimezone(PARIS).date()
            return value.date()
        if value.tzinfo is None:
            return value  # floating: the series' own wall clock
        return value.astimezone(self.zone).replace(tzinfo=None)

    def wall_time(self, value: date | datetime, at: time) -> datetime:
        found = self.wall(value)
        return found if isinstance(found, datetime) else datetime.combine(found, at)


@dataclass(frozen=True)
class Override:
    """A VEVENT with a RECURRENCE-ID: the occurrence it changes (and, with THISANDFUTURE,
    the later ones too)."""

    wall: datetime
    event: LocatedEvent
    future: bool


def add_series(
    content: IcsContent,
    uid: str,
    master: LocatedEvent | None,
    moved: list[LocatedEvent],
    window: ImportWindow,
    kinds: KindRules,
) -> None:
    """One row per occurrence of a series in the window: the rules' (less exclusions), each
    replaced by its override if there is one; ``master`` is None for overrides whose series
    is not in the file."""
    line = master.line if master is not None else moved[0].line
    lengths: dict[datetime, timedelta] = {}
    try:
        if master is None:
            clock = SeriesClock.of(moved[0].moment("RECURRENCE-ID"))
            at, base, length = time(0), None, timedelta(0)
            expansion = Expansion([], more_after_horizon=False)
        else:
            if cancelled(master):
                content.items.append(Skipped(line, uid))
                return
            starts, ends = span(master)
            length = ends - starts
            base = event_row(master, kinds, uid=uid, starts=starts, ends=ends)
            first = master.moment("DTSTART")
            clock = SeriesClock.of(first)
            first_start = clock.wall_time(first, time(0))
            at = first_start.time()
            expansion = _expand(master, clock, first_start, window, lengths)
    except RuleRefused as exc:
        content.items.append(RowError(line, f"recurring event refused: {exc}"))
        return
    except RowRejected as exc:
        content.items.append(RowError(line, str(exc)))
        return
    replaced, future = _overrides(content, moved, clock, at=at)
    rows: list[IcsItem] = []
    earlier = 0
    changed_rows: dict[int, EventRow | RowError] = {}
    for wall in expansion.starts:
        if wall in replaced:
            continue
        starts = clock.instant(wall)
        if starts < window.since:
            earlier += 1
            continue
        changer = next((o for o in reversed(future) if o.wall <= wall), None)
        if changer is not None and master is not None:
            rows.append(
                _changed_from(changer, master, uid, wall, clock, length, kinds, changed_rows)
            )
            continue
        assert base is not None
        rows.append(
            replace(
                base,
                uid=clock.occurrence_id(uid, wall),
                starts_at=starts,
                ends_at=starts + lengths.get(wall, length),
            )
        )
    for wall, override in replaced.items():
        occurrence_uid = clock.occurrence_id(uid, wall)
        if cancelled(override.event):
            if window.since <= clock.instant(wall) <= window.until:
                rows.append(Skipped(override.event.line, occurrence_uid))
            continue
        try:
            if "DTSTART" in override.event.component:
                starts, ends = span(override.event, default_length=length)
            else:
                starts = clock.instant(wall)
                ends = starts + length
            if not (
                window.since <= starts <= window.until
                or window.since <= clock.instant(wall) <= window.until
            ):
                continue
            merged = _merged(master, override.event)
            rows.append(event_row(merged, kinds, uid=occurrence_uid, starts=starts, ends=ends))
        except RowRejected as exc:
            rows.append(RowError(override.event.line, str(exc)))
    content.items.extend(rows)
    if master is not None:
        content.series.append(
            SeriesNote(
                line=line,
                uid=uid,
                title=base.title if base is not None else uid,
                occurrences=sum(1 for r in rows if not isinstance(r, Skipped)),
                earlier=earlier,
                more_after=expansion.more_after_horizon,
                until=window.until,
            )
        )


def _merged(master: LocatedEvent | None, override: LocatedEvent) -> LocatedEvent:
    """The override's properties over the series' (less what only the series has)."""
    if master is None:
        return override
    component = master.component.copy()
    for name in SERIES_ONLY:
        component.pop(name, None)
    for name, value in override.component.property_items(recursive=False):
        if name not in ("BEGIN", "END"):
            component[name] = value
    return LocatedEvent(override.line, component, {**master.lines, **override.lines})


def _changed_from(
    changer: Override,
    master: LocatedEvent,
    uid: str,
    wall: datetime,
    clock: SeriesClock,
    length: timedelta,
    kinds: KindRules,
    done: dict[int, EventRow | RowError],
) -> EventRow | RowError:
    """An occurrence after a THISANDFUTURE override: moved by as much on the wall clock as
    the override moved its own, with the override's length, title and the rest."""
    key = id(changer)
    if key not in done:
        try:
            if "DTSTART" in changer.event.component:
                starts, ends = span(changer.event, default_length=length)
            else:
                starts = clock.instant(changer.wall)
                ends = starts + length
            done[key] = event_row(
                _merged(master, changer.event), kinds, uid="", starts=starts, ends=ends
            )
        except RowRejected as exc:
            done[key] = RowError(changer.event.line, str(exc))
    model = done[key]
    if isinstance(model, RowError):
        return model
    shift = clock.wall(model.starts_at) - changer.wall if not clock.all_day else timedelta(0)
    assert isinstance(shift, timedelta)
    starts = clock.instant(wall + shift)
    return replace(
        model,
        uid=clock.occurrence_id(uid, wall),
        starts_at=starts,
        ends_at=starts + (model.ends_at - model.starts_at),
    )


def _expand(
    master: LocatedEvent,
    clock: SeriesClock,
    first_start: datetime,
    window: ImportWindow,
    lengths: dict[datetime, timedelta],
) -> Expansion:
    """The series' starts; ``lengths`` receives those of RDATE periods, which have their own."""
    if "EXRULE" in master.component:
        raise RuleRefused("EXRULE (obsolete in RFC 5545) is not supported: use EXDATE")
    rules: list[Rule] = [
        parse_rrule(value.to_ical().decode()) for value in property_values(master, "RRULE")
    ]
    at = first_start.time()
    rdates: list[datetime] = []
    exdates: list[datetime | date] = []
    for value in property_values(master, "RDATE"):
        for item in value.dts:
            when: Any = item.dt
            if isinstance(when, tuple):  # VALUE=PERIOD: start/end or start/duration
                begin, end = when
                wall = clock.wall_time(begin, at)
                length = end if isinstance(end, timedelta) else instant(end) - instant(begin)
                lengths[wall] = length
                rdates.append(wall)
            else:
                rdates.append(clock.wall_time(when, at))
    for value in property_values(master, "EXDATE"):
        exdates.extend(clock.wall(item.dt) for item in value.dts)
    return expand(
        first_start, rules, zone=clock.zone, horizon=window.until, rdates=rdates, exdates=exdates
    )


def _overrides(
    content: IcsContent, moved: list[LocatedEvent], clock: SeriesClock, *, at: time
) -> tuple[dict[datetime, Override], list[Override]]:
    """The overriding VEVENTs by the wall-clock start they replace, and the THISANDFUTURE
    ones in order; of two for the same occurrence, the higher SEQUENCE wins (the same
    SEQUENCE twice is an error)."""
    found: dict[datetime, tuple[Override, int]] = {}
    for event in moved:
        try:
            wall = clock.wall_time(event.moment("RECURRENCE-ID"), at)
        except RowRejected as exc:
            content.items.append(RowError(event.line, str(exc)))
            continue
        future = event.param("RECURRENCE-ID", "RANGE").upper() == "THISANDFUTURE"
        sequence_value = event.component.get("SEQUENCE", 0)
        sequence = sequence_value if isinstance(sequence_value, int) else 0
        if wall in found:
            other, other_sequence = found[wall]
            if sequence == other_sequence:
                content.items.append(
                    RowError(
                        event.line,
                        f"the same occurrence is already changed on line {other.event.line}",
                    )
                )
            if sequence <= other_sequence:
                continue
        found[wall] = (Override(wall, event, future), sequence)
    replaced = {wall: override for wall, (override, _) in found.items()}
    return replaced, sorted((o for o in replaced.values() if o.future), key=lambda o: o.wall)
