"""When the kiosk's screen should be lit: opening hours and days, from the settings.

A panel showing the same attract screen all night wears out (burn-in) and wastes power; the
council's sites are closed at night and at weekends. The schedule is pure: the UI asks
``is_on(now)`` with the local wall-clock time and decides how to darken the screen.

Formats (TOML or environment):

- ``display_hours = "07:30-19:00"``: lit from 07:30 up to 19:00, local time. A range that ends
  before it starts ("22:00-06:00") runs past midnight and counts for the day it starts on.
  ``"24:00"`` is accepted as an end. Empty (the default): lit all day.
- ``display_days = "mon-fri"``: days the screen is lit at all, as names and ranges separated by
  commas, in English or French: ``"mon-fri,sat"``, ``"lun-ven"``, ``"mon,wed,fri"``,
  ``"sun-tue"`` (a range may wrap past Sunday). Default: every day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

_DAY_NAMES: dict[str, int] = {}
for _index, _names in enumerate(
    [
        ("mon", "monday", "lun", "lundi"),
        ("tue", "tuesday", "mar", "mardi"),
        ("wed", "wednesday", "mer", "mercredi"),
        ("thu", "thursday", "jeu", "jeudi"),
        ("fri", "friday", "ven", "vendredi"),
        ("sat", "saturday", "sam", "samedi"),
        ("sun", "sunday", "dim", "dimanche"),
    ]
):
    for _name in _names:
        _DAY_NAMES[_name] = _index

ALL_DAYS: frozenset[int] = frozenset(range(7))  # Monday is 0, as datetime.weekday()
_HOURS = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class DisplayHours:
    start: time
    end: time | None  # None: up to midnight ("24:00")

    def __str__(self) -> str:
        end = "24:00" if self.end is None else self.end.strftime("%H:%M")
        return f"{self.start.strftime('%H:%M')}-{end}"

    @property
    def overnight(self) -> bool:
        return self.end is not None and self.end <= self.start


def parse_hours(text: str) -> DisplayHours | None:
    """``"07:30-19:00"`` -> DisplayHours; empty or ``always`` -> None (lit all day)."""
    s = text.strip().lower()
    if s in {"", "always", "toujours"}:
        return None
    m = _HOURS.match(s)
    if not m:
        raise ValueError(text)
    h1, m1, h2, m2 = map(int, m.groups())
    if not (0 <= h1 <= 23 and 0 <= m1 <= 59 and 0 <= m2 <= 59 and 0 <= h2 <= 24):
        raise ValueError(text)
    if h2 == 24 and m2 != 0:
        raise ValueError(text)
    start = time(h1, m1)
    end = None if h2 == 24 else time(h2, m2)
    if end == start:
        raise ValueError(text)  # lit for no time or all the time: say "always" or nothing
    return DisplayHours(start, end)


def parse_days(text: str) -> frozenset[int]:
    """``"mon-fri,sat"`` -> {0, 1, 2, 3, 4, 5}; empty, ``all`` or ``*`` -> every day."""
    s = text.strip().lower()
    if s in {"", "all", "*", "tous"}:
        return ALL_DAYS
    days: set[int] = set()
    for part in s.split(","):
        bounds = [b.strip() for b in part.split("-")]
        if len(bounds) > 2 or any(b not in _DAY_NAMES for b in bounds):
            raise ValueError(text)
        first, last = _DAY_NAMES[bounds[0]], _DAY_NAMES[bounds[-1]]
        day = first
        days.add(day)
        while day != last:
            day = (day + 1) % 7
            days.add(day)
    return frozenset(days)


def format_days(days: frozenset[int]) -> str:
    names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return "all" if days == ALL_DAYS else ",".join(names[d] for d in sorted(days))


@dataclass(frozen=True)
class DisplaySchedule:
    hours: DisplayHours | None = None
    days: frozenset[int] = ALL_DAYS

    @property
    def always_on(self) -> bool:
        return self.hours is None and self.days == ALL_DAYS

    def is_on(self, now: datetime) -> bool:
        """Whether the screen should be lit at local time ``now``."""
        if self.hours is None:
            return now.weekday() in self.days
        t = now.time().replace(tzinfo=None)
        start, end = self.hours.start, self.hours.end
        if not self.hours.overnight:
            return now.weekday() in self.days and start <= t and (end is None or t < end)
        assert end is not None
        if t >= start:  # evening part: belongs to today
            return now.weekday() in self.days
        if t < end:  # small hours: belong to the day before
            return (now - timedelta(days=1)).weekday() in self.days
        return False

    def __str__(self) -> str:
        hours = "all day" if self.hours is None else str(self.hours)
        return f"{hours}, days {format_days(self.days)}"
