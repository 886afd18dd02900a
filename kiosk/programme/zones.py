"""Naming the zone of a ``VTIMEZONE`` whose TZID is no zone name (Outlook's "Customized Time
Zone", a translated Windows name): the IANA zone with the same offsets and changes.

The block's observances (``STANDARD``/``DAYLIGHT``: onset, offset before and after, yearly
rule or dates) give the offset at any instant; a zone that agrees at mid-winter, mid-summer and
an hour either side of every change of the years asked is the same clock for those years.
Paris is tried first, so a French agenda's custom zone reads as Europe/Paris.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from typing import Final
from zoneinfo import ZoneInfo, available_timezones

from kiosk.programme.recurrence import RuleRefused, expand, parse_rrule

PREFERRED: Final = ("Europe/Paris", "Europe/Brussels", "Europe/Berlin", "Europe/London", "UTC")


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT part of a VTIMEZONE, as written."""

    start: str  # DTSTART, local time in ``offset_from``
    offset_from: str  # TZOFFSETFROM, such as +0200
    offset_to: str  # TZOFFSETTO
    rrule: str = ""
    rdates: tuple[str, ...] = ()


def _offset(text: str) -> timedelta | None:
    match = re.fullmatch(r"([+-])(\d{2})(\d{2})(\d{2})?", text.strip())
    if not match:
        return None
    sign, hours, minutes, seconds = match.groups()
    size = timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))
    return -size if sign == "-" else size


def _local(text: str) -> datetime | None:
    try:
        return datetime.strptime(text.strip().rstrip("Z"), "%Y%m%dT%H%M%S")
    except ValueError:
        return None


def _onsets(
    observance: Observance, since_year: int, until: datetime
) -> list[tuple[datetime, timedelta]]:
    """(UTC instant, offset from then on) for each change of this observance up to ``until``;
    a yearly rule without COUNT starts near ``since_year`` (Outlook's rules start in 1601)."""
    before, after = _offset(observance.offset_from), _offset(observance.offset_to)
    start = _local(observance.start)
    if before is None or after is None or start is None:
        return []
    local_starts = [start]
    if observance.rrule:
        try:
            rule = parse_rrule(observance.rrule)
            if rule.count is None and rule.interval == 1 and start.year < since_year:
                with suppress(ValueError):  # 29 February stays where it is
                    start = start.replace(year=since_year)
            local_starts = expand(start, rule, zone=timezone(before), horizon=until).starts
        except RuleRefused:
            return []
    local_starts += [d for d in (_local(r) for r in observance.rdates) if d is not None]
    return [((d - before).replace(tzinfo=UTC), after) for d in local_starts]


def zone_like(observances: list[Observance], years: range) -> str | None:
    """The IANA zone keeping the same time as these observances over ``years``, or None."""
    until = datetime(years.stop, 1, 1, tzinfo=UTC)
    onsets = sorted(o for obs in observances for o in _onsets(obs, years.start - 1, until))
    if not onsets:
        return None
    samples: list[tuple[datetime, timedelta | None]] = []
    for year in years:
        for month in (1, 7):
            samples.append(_at(onsets, datetime(year, month, 15, 12, tzinfo=UTC)))
    for instant, _ in onsets:
        if years.start <= instant.year < years.stop:
            for shift in (timedelta(hours=-1), timedelta(hours=1)):
                samples.append(_at(onsets, instant + shift))
    wanted = [(when, offset) for when, offset in samples if offset is not None]
    if len(wanted) < 2:
        return None
    for name in (*PREFERRED, *_all_zones()):
        zone = ZoneInfo(name)
        if all(when.astimezone(zone).utcoffset() == offset for when, offset in wanted):
            return name
    return None


def _at(
    onsets: list[tuple[datetime, timedelta]], when: datetime
) -> tuple[datetime, timedelta | None]:
    offset = None
    for instant, after in onsets:
        if instant > when:
            break
        offset = after
    return when, offset


@cache
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))
