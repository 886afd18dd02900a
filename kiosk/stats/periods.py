"""Quarters and periods of the Paris calendar, the council's reporting calendar.

The council counts in Paris time: a check-in at 23:30 UTC on 31 March is on 1 April in Paris.
SQLite has no zone database, so the queries apply the Paris offset piecewise between the DST
changes of the period asked for (:func:`paris_offsets`), which Python's zoneinfo computes once
per query.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from kiosk.domain import PARIS


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
