"""Expanding an iCalendar recurrence (RFC 5545 ``RRULE``, ``RDATE``, ``EXDATE``) into starts.

What an agenda exported from Outlook/Exchange, Google or Thunderbird writes, and no more:
``FREQ`` DAILY, WEEKLY, MONTHLY or YEARLY with ``INTERVAL``, ``COUNT`` or ``UNTIL``, ``BYDAY``
(``MO,TH``; ``1TH``, ``-1FR`` in monthly and yearly rules), ``BYMONTHDAY``, ``BYMONTH``,
``BYSETPOS`` (Outlook's "the second Tuesday" is ``BYDAY=TU;BYSETPOS=2``), ``WKST``, several
times a day (``BYHOUR``, ``BYMINUTE``: two sessions a day) and, in yearly rules, weeks and days
of the year (``BYWEEKNO``, ``BYYEARDAY``). ``HOURLY`` and finer rules are refused with a plain
reason: they are not an agenda. ``BYDAY=1MO,FR`` (the first Monday and every Friday) is
expanded as RFC 5545 says; ``dateutil``, and so ``recurring-ical-events``, gives nothing there.

Everything here works on *wall-clock* times in the series' zone (naive datetimes): the rule
steps days, weeks and months on the calendar, so a 14:00 series in Paris stays at 14:00 on
both sides of a daylight-saving change; the zone is only used to compare with the horizon
(and with a ``UNTIL`` given in UTC). A wall-clock time that does not exist (02:30 on the last
Sunday of March) is read with the offset before the gap, as RFC 5545 section 3.3.5 says.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

WEEKDAYS: Final = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
FREQUENCIES: Final = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
TOO_FINE: Final = ("HOURLY", "MINUTELY", "SECONDLY")
# Parts a calendar may write that this reader does not expand; each is refused by name.
UNSUPPORTED_PARTS: Final = {
    "BYSECOND": "seconds (BYSECOND)",
}
YEARLY_ONLY: Final = ("BYWEEKNO", "BYYEARDAY")
MAX_PERIODS: Final = 100_000  # a daily series started in 1750 is not an agenda
SEARCH_PAST_HORIZON_YEARS: Final = 9  # the next 29 February can be 8 years away


class RuleRefused(ValueError):
    """A recurrence this reader will not expand, with the reason in plain words."""


@dataclass(frozen=True)
class Rule:
    """A parsed ``RRULE``; ``until`` is a date, an aware UTC time, or a floating wall-clock."""

    freq: str
    interval: int = 1
    count: int | None = None
    until: date | datetime | None = None
    byday: tuple[tuple[int | None, int], ...] = ()  # (ordinal or None, weekday 0=Monday)
    bymonthday: tuple[int, ...] = ()
    bymonth: tuple[int, ...] = ()
    bysetpos: tuple[int, ...] = ()
    wkst: int = 0
    byhour: tuple[int, ...] = ()
    byminute: tuple[int, ...] = ()
    byweekno: tuple[int, ...] = ()
    byyearday: tuple[int, ...] = ()


@dataclass(frozen=True)
class Expansion:
    """The wall-clock starts up to the horizon, and whether the series goes on after it."""

    starts: list[datetime]
    more_after_horizon: bool


def parse_rrule(text: str) -> Rule:
    """A ``Rule`` from the value of an ``RRULE`` line; ``RuleRefused`` says what is wrong."""
    parts: dict[str, str] = {}
    for chunk in text.strip().split(";"):
        if not chunk:
            continue
        key, sep, value = chunk.partition("=")
        key = key.strip().upper()
        if not sep or not value.strip():
            raise RuleRefused(f"malformed RRULE part {chunk!r}")
        if key in parts:
            raise RuleRefused(f"RRULE gives {key} twice")
        parts[key] = value.strip().upper()
    freq = parts.pop("FREQ", "")
    if freq in TOO_FINE:
        raise RuleRefused(f"repeats {freq.lower()} (FREQ={freq}): not an agenda series")
    if freq not in FREQUENCIES:
        raise RuleRefused(f"RRULE without a known FREQ: {text.strip()!r}")
    for key, what in UNSUPPORTED_PARTS.items():
        if key in parts:
            raise RuleRefused(f"repeating by {what} is not supported")
    interval = _positive(parts.pop("INTERVAL", "1"), "INTERVAL")
    count = _positive(parts.pop("COUNT"), "COUNT") if "COUNT" in parts else None
    until = _until(parts.pop("UNTIL")) if "UNTIL" in parts else None
    if count is not None and until is not None:
        raise RuleRefused("RRULE gives both COUNT and UNTIL")
    byday = tuple(_byday(item) for item in _items(parts.pop("BYDAY", "")))
    bymonthday = tuple(
        _int_in(item, 1, 31, "BYMONTHDAY") for item in _items(parts.pop("BYMONTHDAY", ""))
    )
    bymonth = tuple(
        _int_in(item, 1, 12, "BYMONTH", signed=False) for item in _items(parts.pop("BYMONTH", ""))
    )
    bysetpos = tuple(
        _int_in(item, 1, 366, "BYSETPOS") for item in _items(parts.pop("BYSETPOS", ""))
    )
    byhour = tuple(
        sorted({_int_in(i, 0, 23, "BYHOUR", signed=False) for i in _items(parts.pop("BYHOUR", ""))})
    )
    byminute = tuple(
        sorted(
            {_int_in(i, 0, 59, "BYMINUTE", signed=False) for i in _items(parts.pop("BYMINUTE", ""))}
        )
    )
    if freq != "YEARLY" and any(key in parts for key in YEARLY_ONLY):
        raise RuleRefused("BYWEEKNO and BYYEARDAY only make sense with FREQ=YEARLY")
    byweekno = tuple(_int_in(i, 1, 53, "BYWEEKNO") for i in _items(parts.pop("BYWEEKNO", "")))
    byyearday = tuple(_int_in(i, 1, 366, "BYYEARDAY") for i in _items(parts.pop("BYYEARDAY", "")))
    wkst_text = parts.pop("WKST", "MO")
    if wkst_text not in WEEKDAYS:
        raise RuleRefused(f"WKST must be a weekday (MO...SU), not {wkst_text!r}")
    unknown = [k for k in parts if not k.startswith("X-")]
    if unknown:
        raise RuleRefused(f"unknown RRULE part(s): {', '.join(sorted(unknown))}")
    if freq in ("DAILY", "WEEKLY") and any(n is not None for n, _ in byday):
        raise RuleRefused(f"a numbered BYDAY (such as 2TU) makes no sense with FREQ={freq}")
    if (freq == "MONTHLY" or bymonth) and any(n is not None and abs(n) > 5 for n, _ in byday):
        raise RuleRefused("a month has at most five of each weekday (BYDAY=6MO?)")
    if freq == "WEEKLY" and bymonthday:
        raise RuleRefused("BYMONTHDAY makes no sense with FREQ=WEEKLY")
    return Rule(
        freq=freq,
        interval=interval,
        count=count,
        until=until,
        byday=byday,
        bymonthday=bymonthday,
        bymonth=bymonth,
        bysetpos=bysetpos,
        wkst=WEEKDAYS[wkst_text],
        byhour=byhour,
        byminute=byminute,
        byweekno=byweekno,
        byyearday=byyearday,
    )


def _items(value: str) -> list[str]:
    items = [v.strip() for v in value.split(",")] if value else []
    if any(not v for v in items):
        raise RuleRefused(f"empty item in the list {value!r}")
    return items


def _positive(value: str, name: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise RuleRefused(f"{name} must be a positive whole number, not {value!r}")
    return int(value)


def _int_in(value: str, low: int, high: int, name: str, *, signed: bool = True) -> int:
    digits = value[1:] if signed and value[:1] in "+-" else value
    if not (digits.isascii() and digits.isdigit()) or not low <= int(digits) <= high:
        span = f"{low} to {high}" + (f" or -{high} to -{low}" if signed else "")
        raise RuleRefused(f"{name} must be {span}, not {value!r}")
    return -int(digits) if value.startswith("-") else int(digits)


def _byday(value: str) -> tuple[int | None, int]:
    day = value[-2:]
    if day not in WEEKDAYS:
        raise RuleRefused(f"BYDAY item {value!r} is not a weekday (MO...SU, 2TU, -1FR)")
    ordinal = value[:-2]
    if not ordinal:
        return None, WEEKDAYS[day]
    return _int_in(ordinal, 1, 53, "the number in BYDAY"), WEEKDAYS[day]


def _until(value: str) -> date | datetime:
    try:
        if len(value) == 8:
            return datetime.strptime(value, "%Y%m%d").date()
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return datetime.strptime(value, "%Y%m%dT%H%M%S")
    except ValueError:
        raise RuleRefused(f"UNTIL is not a date or time: {value!r}") from None


# --- expansion -----------------------------------------------------------------------------


def expand(
    start: datetime,
    rule: Rule | Sequence[Rule] | None,
    *,
    zone: tzinfo,
    horizon: datetime,
    rdates: Iterable[datetime] = (),
    exdates: Iterable[datetime | date] = (),
) -> Expansion:
    """The recurrence set of a series starting at wall-clock ``start`` in ``zone``, up to the
    aware ``horizon``: DTSTART (always the first occurrence, RFC 5545 3.8.5.3), the rules'
    occurrences (several RRULE lines: their union), plus ``rdates``, less ``exdates`` (a
    ``date`` there removes that whole day).

    ``COUNT`` counts the rule's occurrences before exclusions, as the RFC says, so a COUNT=10
    series with two EXDATEs has eight occurrences.
    """
    excluded_times = {d for d in exdates if isinstance(d, datetime)}
    excluded_days = {d for d in exdates if not isinstance(d, datetime)}

    def excluded(when: datetime) -> bool:
        return when in excluded_times or when.date() in excluded_days

    def beyond(when: datetime) -> bool:
        return _aware(when, zone) > horizon

    rules: list[Rule | None] = [rule] if isinstance(rule, Rule) else [*(rule or ())]
    starts: set[datetime] = set()
    more = False
    for one in rules or [None]:
        for when in _rule_starts(start, one, zone, horizon):
            if excluded(when):
                continue
            if beyond(when):
                more = True
                break
            starts.add(when)
    for when in rdates:
        if excluded(when):
            continue
        if beyond(when):
            more = True
        else:
            starts.add(when)
    return Expansion(sorted(starts), more)


def _aware(when: datetime, zone: tzinfo) -> datetime:
    """The instant of a wall-clock time; a time in the spring gap takes the offset before it."""
    return when.replace(tzinfo=zone, fold=0)


def _rule_starts(
    start: datetime, rule: Rule | None, zone: tzinfo, horizon: datetime
) -> Iterator[datetime]:
    """DTSTART then the rule's occurrences in order, counted and cut by COUNT and UNTIL. The
    caller stops at the first one after the horizon; a rule with nothing left in the few years
    after it (``BYMONTHDAY=30;BYMONTH=2``) ends there instead of searching for ever."""
    yield start
    if rule is None:
        return
    emitted = 1
    give_up = horizon.astimezone(zone).date() + timedelta(days=366 * SEARCH_PAST_HORIZON_YEARS)
    times = _times(rule, start.time())
    for index, days in enumerate(_periods(start.date(), rule)):
        if index >= MAX_PERIODS:
            raise RuleRefused("the series starts too long ago to be expanded")
        if days and days[0] > give_up:
            return
        for when in _period_starts(days, rule, start, times):
            if when <= start:
                continue
            if rule.count is not None and emitted >= rule.count:
                return
            if rule.until is not None and _after_until(when, rule.until, zone):
                return
            emitted += 1
            yield when


def _period_starts(
    days: list[date], rule: Rule, start: datetime, times: list[time]
) -> list[datetime]:
    """The period's starts in order: its days times the times of day, then BYSETPOS (which
    picks among both: ``BYHOUR=9,14;BYSETPOS=1`` is the morning session only)."""
    whens = [datetime.combine(day, at) for day in _select(days, rule, start.date()) for at in times]
    if rule.bysetpos:
        size = len(whens)
        positions = sorted({p - 1 if p > 0 else size + p for p in rule.bysetpos})
        whens = [whens[p] for p in positions if 0 <= p < size]
    return whens


def _times(rule: Rule, first: time) -> list[time]:
    """The times of day of each occurrence: DTSTART's, or those BYHOUR and BYMINUTE give."""
    hours = rule.byhour or (first.hour,)
    minutes = rule.byminute or (first.minute,)
    return [time(h, m, first.second) for h in hours for m in minutes]


def _after_until(when: datetime, until: date | datetime, zone: tzinfo) -> bool:
    if isinstance(until, datetime):
        if until.tzinfo is None:
            return when > until
        return _aware(when, zone) > until
    return when.date() > until


def _periods(first: date, rule: Rule) -> Iterator[list[date]]:
    """Each period's candidate days (a day, a week from WKST, a month, a year), stepping by
    INTERVAL from the one holding DTSTART, until the calendar ends (year 9999). A yearly
    period is just its 1 January unless BYDAY counts in the whole year (``_spans`` makes the
    months it needs)."""
    step = rule.interval
    try:
        if rule.freq == "DAILY":
            day = first
            while True:
                yield [day]
                day += timedelta(days=step)
        elif rule.freq == "WEEKLY":
            week = first - timedelta(days=(first.weekday() - rule.wkst) % 7)
            while True:
                yield [week + timedelta(days=i) for i in range(7)]
                week += timedelta(weeks=step)
    except OverflowError:
        return
    if rule.freq == "MONTHLY":
        year, month = first.year, first.month
        while year <= 9999:
            yield _month_days(year, month)
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    elif rule.freq == "YEARLY":
        whole_year = (bool(rule.byday) and not rule.bymonth and not rule.bymonthday) or bool(
            rule.byweekno or rule.byyearday
        )
        year = first.year
        while year <= 9999:
            if whole_year:
                yield [date(year, 1, 1) + timedelta(days=i) for i in range(_year_length(year))]
            else:
                yield [date(year, 1, 1)]
            year += step


def _month_days(year: int, month: int) -> list[date]:
    return [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]


def _year_length(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def _select(days: list[date], rule: Rule, first: date) -> list[date]:
    """The period's days (ordered), after the BYxxx parts (BYSETPOS comes after, on the
    starts: ``_period_starts``); the defaults (same weekday, day of the month, month) come
    from DTSTART's day ``first``."""
    if not days:
        return []
    chosen: list[date] = []
    for span in _spans(days, rule, first):
        picked = span
        if rule.byyearday:
            length = _year_length(span[0].year)
            wanted_days = {d if d > 0 else length + 1 + d for d in rule.byyearday}
            picked = [d for d in picked if d.timetuple().tm_yday in wanted_days]
        if rule.byweekno:
            picked = [d for d in picked if _in_weeks(d, rule)]
        if rule.bymonthday:
            length = calendar.monthrange(span[0].year, span[0].month)[1]
            wanted = {d if d > 0 else length + 1 + d for d in rule.bymonthday}
            picked = [d for d in picked if d.day in wanted]
        if rule.byday:
            allowed = _byday_days(span, rule.byday)
            picked = [d for d in picked if d in allowed]
        elif rule.byweekno or rule.byyearday:
            pass  # they expand: every day of the weeks, each day of the year named
        elif rule.freq == "WEEKLY":
            picked = [d for d in picked if d.weekday() == first.weekday()]
        elif not rule.bymonthday and rule.freq in ("MONTHLY", "YEARLY"):
            picked = [d for d in picked if d.day == first.day]
        chosen.extend(picked)
    if rule.bymonth:
        chosen = [d for d in chosen if d.month in rule.bymonth]
    chosen.sort()
    return chosen


def _spans(days: list[date], rule: Rule, first: date) -> list[list[date]]:
    """What numbered BYDAYs count in: the month for MONTHLY, and for YEARLY each month when
    BYMONTH (or BYMONTHDAY) is given, the whole year with BYDAY alone, else DTSTART's month."""
    if rule.freq != "YEARLY" or rule.byweekno or rule.byyearday:
        return [days]
    if rule.bymonth or rule.bymonthday:
        months = rule.bymonth or tuple(range(1, 13))
        return [_month_days(days[0].year, m) for m in sorted(set(months))]
    if rule.byday:
        return [days]  # the whole year (see _periods)
    return [_month_days(days[0].year, first.month)]


def _byday_days(span: list[date], byday: tuple[tuple[int | None, int], ...]) -> set[date]:
    """The days of ``span`` a BYDAY list names: every Thursday, or the 2nd / last Tuesday."""
    allowed: set[date] = set()
    for ordinal, weekday in byday:
        matching = [d for d in span if d.weekday() == weekday]
        if ordinal is None:
            allowed.update(matching)
        elif ordinal > 0 and ordinal <= len(matching):
            allowed.add(matching[ordinal - 1])
        elif ordinal < 0 and -ordinal <= len(matching):
            allowed.add(matching[ordinal])
    return allowed


def _in_weeks(day: date, rule: Rule) -> bool:
    """Whether ``day`` is in one of BYWEEKNO's weeks, weeks starting on WKST, week 1 being
    the first with at least four days of its year (ISO 8601 when WKST=MO); the first days
    of January may be in the last week of the year before, negative numbers count back."""
    year = day.year
    if day < _week1_start(year, rule.wkst):
        year -= 1
    elif day >= _week1_start(year + 1, rule.wkst):
        year += 1
    number = (day - _week1_start(year, rule.wkst)).days // 7 + 1
    last = (_week1_start(year + 1, rule.wkst) - _week1_start(year, rule.wkst)).days // 7
    return any(number == (w if w > 0 else last + 1 + w) for w in rule.byweekno)


def _week1_start(year: int, wkst: int) -> date:
    jan4 = date(year, 1, 4)  # always in week 1
    return jan4 - timedelta(days=(jan4.weekday() - wkst) % 7)
