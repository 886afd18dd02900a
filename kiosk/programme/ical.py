"""Reading an iCalendar file with the ``icalendar`` library, keeping where each event is.

The bytes are unfolded before they are decoded (a line folded inside a UTF-8 character stays
one character), then decoded as UTF-8, else Windows-1252, and parsed by ``icalendar`` (only
CR LF or LF end a line: a U+2028 pasted from Word stays in its DESCRIPTION). A Google
calendar's ``X-WR-TIMEZONE`` is applied first (``x-wr-timezone``): a series Google writes in
UTC keeps its Paris hour across a clock change. ``icalendar`` keeps no line numbers, so the
physical lines of each VEVENT and of its properties are noted while unfolding: errors still
read "FILE:LINE: reason".
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Final

import icalendar
import x_wr_timezone

from kiosk.exchange.csv_files import decode_text
from kiosk.programme.rows import RowError, RowRejected

# The properties a broken value of which makes the event unreadable (others are ignored).
TIME_PROPERTIES: Final = (
    "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"
)  # fmt: skip
_BEGIN_END: Final = re.compile(rb"(BEGIN|END):([A-Za-z-]+)\s*$", re.IGNORECASE)
_NAME: Final = re.compile(rb"([A-Za-z0-9-]+)[;:]")


@dataclass
class LocatedEvent:
    """A VEVENT and the physical lines it came from (its BEGIN line, each property's first)."""

    line: int
    component: icalendar.Event
    lines: dict[str, int] = field(default_factory=dict)

    def moment(self, name: str) -> date | datetime:
        """A DTSTART, DTEND or RECURRENCE-ID value (``icalendar`` already read its TZID)."""
        value: Any = self.component[name]
        when = value.dt
        if not isinstance(when, date):
            raise RowRejected(f"{name} is not a date or a time (line {self.line_of(name)})")
        return when

    def duration(self) -> timedelta:
        value: Any = self.component["DURATION"]
        length = value.dt
        if not isinstance(length, timedelta):
            raise RowRejected(f"DURATION is not a duration (line {self.line_of('DURATION')})")
        return length

    def raw(self, name: str) -> str:
        """A property's value as the file writes it, for messages."""
        value: Any = self.component.get(name)
        return "" if value is None else bytes(value.to_ical()).decode(errors="replace")

    def param(self, name: str, parameter: str) -> str:
        value: Any = self.component.get(name)
        return str(getattr(value, "params", {}).get(parameter, ""))

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    def text(self, name: str) -> str:
        """A text property, unescaped, empty when absent (the first of several)."""
        value = self.component.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if value is None:
            return ""
        return str(value).strip()

    def categories(self) -> str:
        found = self.component.get("CATEGORIES")
        values = found if isinstance(found, list) else [found] if found is not None else []
        words: list[str] = []
        for value in values:
            cats = getattr(value, "cats", None)
            words.extend(str(c) for c in cats) if cats is not None else words.append(str(value))
        return " ".join(words)

    def broken(self) -> RowError | None:
        """The first date, time or rule property ``icalendar`` could not read."""
        for name, message in self.component.errors:
            upper = str(name).upper()
            if upper in TIME_PROPERTIES:
                return RowError(
                    self.line_of(upper), f"{upper}: not a valid iCalendar value ({message})"
                )
        return None

    def derived_uid(self) -> str:
        """A stable id for an event without UID, from what identifies it in the file: its
        title and start (and the occurrence it changes). Said in the import's notes."""
        digest = hashlib.sha256()
        for name in ("SUMMARY", "DTSTART", "RECURRENCE-ID"):
            value = self.component.get(name)
            if value is not None:
                digest.update(name.encode() + b"=" + bytes(value.to_ical()) + b"\n")
        return f"sans-uid-{digest.hexdigest()[:20]}"


@dataclass
class CalendarFile:
    events: list[LocatedEvent]
    errors: list[RowError]


def read_calendar(data: bytes | str) -> CalendarFile:
    """The VEVENTs of an iCalendar file in order, with their lines; what cannot be read at
    all is one error on line 1 (or on the unclosed event's line)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    logical, located, errors = _unfold(raw)
    if (
        not located
        and not errors
        and not any(b"BEGIN:VCALENDAR" in content.upper() for _, content in logical)
    ):
        return CalendarFile([], [RowError(1, "not an iCalendar file")])
    components: list[icalendar.Component] | None = None
    problem = ""
    for attempt in (logical, _without_zones(logical)):  # a broken VTIMEZONE: TZIDs by name
        try:
            components = _events_of(decode_text(b"\r\n".join(c for _, c in attempt)))
            break
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            problem = str(exc)
    if components is None:
        return CalendarFile(
            [], [*errors, RowError(1, f"not a readable iCalendar file ({problem})")]
        )
    if len(components) != len(located):  # never seen; refuse rather than misplace lines
        return CalendarFile([], [*errors, RowError(1, "not a readable iCalendar file")])
    for event, component in zip(located, components, strict=True):
        assert isinstance(component, icalendar.Event)
        event.component = component
    return CalendarFile(located, errors)


def _events_of(text: str) -> list[icalendar.Component]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "/mozilla.org/.../Europe/Paris" guessed: fine
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
        return [event for calendar in calendars for event in _standard(calendar).walk("VEVENT")]


def _without_zones(logical: list[tuple[int, bytes]]) -> list[tuple[int, bytes]]:
    """The lines less every VTIMEZONE block: the events' TZIDs are then read as names
    (``Europe/Paris``, ``Romance Standard Time``)."""
    kept: list[tuple[int, bytes]] = []
    inside = False
    for number, content in logical:
        edge = _BEGIN_END.match(content)
        if edge and edge.group(2).upper() == b"VTIMEZONE":
            inside = edge.group(1).upper() == b"BEGIN"
        elif not inside:
            kept.append((number, content))
    return kept


def _standard(calendar: icalendar.Component) -> icalendar.Component:
    """Google's ``X-WR-TIMEZONE`` made standard: UTC times moved to that zone's clock."""
    if "X-WR-TIMEZONE" not in calendar:
        return calendar
    converted: icalendar.Component = x_wr_timezone.to_standard(calendar)
    return converted


def _unfold(raw: bytes) -> tuple[list[tuple[int, bytes]], list[LocatedEvent], list[RowError]]:
    """Logical lines (first physical line, bytes), the VEVENTs with their lines, and the
    error of an event left open (truncated file): that event is left out of the text."""
    logical: list[tuple[int, bytes]] = []
    for number, line in enumerate(raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        line = line.removesuffix(b"\r")
        if line[:1] in (b" ", b"\t") and logical:
            first, content = logical[-1]
            logical[-1] = (first, content + line[1:])
        elif line.strip():
            logical.append((number, line))
    located: list[LocatedEvent] = []
    errors: list[RowError] = []
    open_at: int | None = None  # index in logical of the open VEVENT's BEGIN
    depth = 0
    for index, (number, content) in enumerate(logical):
        edge = _BEGIN_END.match(content)
        kind = edge.group(2).upper() if edge else b""
        if edge and edge.group(1).upper() == b"BEGIN":
            if kind == b"VEVENT":
                open_at, depth = index, 0
                located.append(LocatedEvent(number, icalendar.Event()))
            elif open_at is not None:
                depth += 1
        elif edge and open_at is not None:
            if kind == b"VEVENT":
                open_at = None
            else:
                depth -= 1
        elif open_at is not None and depth == 0 and (name := _NAME.match(content)):
            located[-1].lines.setdefault(name.group(1).decode().upper(), number)
    if open_at is not None:
        errors.append(
            RowError(logical[open_at][0], "event not closed (END:VEVENT missing): truncated file?")
        )
        located.pop()
        logical = logical[:open_at]
        if not any(c.strip().upper() == b"END:VCALENDAR" for _, c in logical):
            logical.append((0, b"END:VCALENDAR"))
    return logical, located, errors


def property_values(event: LocatedEvent, name: str) -> Iterator[Any]:
    """Each value of a property that may be given several times (RRULE, RDATE, EXDATE)."""
    found = event.component.get(name)
    if found is None:
        return
    yield from found if isinstance(found, list) else [found]
