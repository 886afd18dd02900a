"""Expanding RRULE / RDATE / EXDATE: the forms agendas write, DST edges, refused rules."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.programme.recurrence import WEEKDAYS, RuleRefused, expand, parse_rrule

PARIS = ZoneInfo("Europe/Paris")
FAR = datetime(2030, 1, 1, tzinfo=UTC)


def starts(rule: str, start: datetime, **kwargs: object) -> list[datetime]:
    horizon = kwargs.pop("horizon", FAR)
    assert isinstance(horizon, datetime)
    return expand(start, parse_rrule(rule), zone=PARIS, horizon=horizon, **kwargs).starts  # type: ignore[arg-type]


def days(found: list[datetime]) -> list[str]:
    return [d.strftime("%a %d/%m/%Y %H:%M") for d in found]


def test_weekly_on_two_days_with_count() -> None:
    found = starts("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5", datetime(2026, 12, 3, 14, 0))
    assert days(found) == [
        "Thu 03/12/2026 14:00",
        "Mon 07/12/2026 14:00",
        "Thu 10/12/2026 14:00",
        "Mon 14/12/2026 14:00",
        "Thu 17/12/2026 14:00",
    ]


def test_every_other_week_counts_weeks_from_wkst() -> None:
    # RFC 5545's own example: the same rule gives other days with WKST=SU and WKST=MO.
    start = datetime(1997, 8, 5, 9, 0)
    monday = starts("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", start)
    sunday = starts("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", start)
    assert [d.day for d in monday] == [5, 10, 19, 24]
    assert [d.day for d in sunday] == [5, 17, 19, 31]


def test_monthly_first_thursday_last_friday_and_outlooks_second_tuesday() -> None:
    start = datetime(2026, 12, 1, 9, 30)
    first_thu = starts("FREQ=MONTHLY;BYDAY=1TH;COUNT=4", datetime(2026, 12, 3, 9, 30))
    assert [d.date() for d in first_thu] == [
        date(2026, 12, 3),
        date(2027, 1, 7),
        date(2027, 2, 4),
        date(2027, 3, 4),
    ]
    last_fri = starts("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", datetime(2026, 12, 25, 9, 30))
    assert [d.date() for d in last_fri] == [
        date(2026, 12, 25),
        date(2027, 1, 29),
        date(2027, 2, 26),
    ]
    # Outlook writes "the second Tuesday of every month" as BYDAY=TU;BYSETPOS=2.
    outlook = starts("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=4", datetime(2026, 12, 8, 9, 30))
    google = starts("FREQ=MONTHLY;BYDAY=2TU;COUNT=4", datetime(2026, 12, 8, 9, 30))
    assert outlook == google
    assert [d.day for d in outlook] == [8, 12, 9, 9]
    # "The last working day of the month"
    last_workday = starts("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3", start)
    assert days(last_workday) == [
        "Tue 01/12/2026 09:30",  # DTSTART always counts as the first occurrence
        "Thu 31/12/2026 09:30",
        "Fri 29/01/2027 09:30",
    ]


def test_monthly_by_day_of_the_month_skips_months_without_it() -> None:
    found = starts("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4", datetime(2027, 1, 31, 18, 0))
    assert [d.date() for d in found] == [
        date(2027, 1, 31),
        date(2027, 3, 31),
        date(2027, 5, 31),
        date(2027, 7, 31),
    ]
    last = starts("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", datetime(2027, 1, 31, 18, 0))
    assert [d.date() for d in last] == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)]
    plain = starts("FREQ=MONTHLY;INTERVAL=2;COUNT=3", datetime(2026, 12, 15, 18, 0))
    assert [d.date() for d in plain] == [date(2026, 12, 15), date(2027, 2, 15), date(2027, 4, 15)]


def test_yearly_forms() -> None:
    same_day = starts("FREQ=YEARLY;COUNT=3", datetime(2026, 12, 3, 10, 0))
    assert [d.year for d in same_day] == [2026, 2027, 2028]
    leap = starts(
        "FREQ=YEARLY;COUNT=3",
        datetime(2028, 2, 29, 10, 0),
        horizon=datetime(2045, 1, 1, tzinfo=UTC),
    )
    assert [d.year for d in leap] == [2028, 2032, 2036]
    last_sunday_march = starts(
        "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=3", datetime(2027, 3, 28, 10, 0)
    )
    assert [d.date() for d in last_sunday_march] == [
        date(2027, 3, 28),
        date(2028, 3, 26),
        date(2029, 3, 25),
    ]
    twentieth_monday = starts("FREQ=YEARLY;BYDAY=20MO;COUNT=2", datetime(2027, 5, 17, 10, 0))
    assert [d.date() for d in twentieth_monday] == [date(2027, 5, 17), date(2028, 5, 15)]


def test_daily_with_interval_and_weekday_filter() -> None:
    every_third = starts("FREQ=DAILY;INTERVAL=3;COUNT=3", datetime(2026, 12, 30, 8, 0))
    assert [d.date() for d in every_third] == [
        date(2026, 12, 30),
        date(2027, 1, 2),
        date(2027, 1, 5),
    ]
    workdays = starts("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=6", datetime(2026, 12, 3, 8, 0))
    assert [d.strftime("%a") for d in workdays] == ["Thu", "Fri", "Mon", "Tue", "Wed", "Thu"]


def test_until_as_utc_time_date_or_floating_time_is_inclusive() -> None:
    start = datetime(2026, 12, 3, 14, 0)
    # Outlook: 14:00 Paris on the last day is 13:00Z
    assert len(starts("FREQ=WEEKLY;UNTIL=20261217T130000Z", start)) == 3
    assert len(starts("FREQ=WEEKLY;UNTIL=20261217T125959Z", start)) == 2
    # Google writes the end of the last day; Thunderbird a date; both include that day.
    assert len(starts("FREQ=WEEKLY;UNTIL=20261217T225959Z", start)) == 3
    assert len(starts("FREQ=WEEKLY;UNTIL=20261217", start)) == 3
    assert len(starts("FREQ=WEEKLY;UNTIL=20261217T140000", start)) == 3


def test_a_paris_series_keeps_its_wall_clock_time_across_both_dst_changes() -> None:
    weekly = starts("FREQ=WEEKLY;BYDAY=TH;COUNT=30", datetime(2026, 10, 15, 14, 0))
    assert {d.time().isoformat() for d in weekly} == {"14:00:00"}
    utc = [d.replace(tzinfo=PARIS).astimezone(UTC) for d in weekly]
    assert utc[1] == datetime(2026, 10, 22, 12, 0, tzinfo=UTC)  # summer time: +02:00
    assert utc[2] == datetime(2026, 10, 29, 13, 0, tzinfo=UTC)  # after 25 October: +01:00
    after_march = [u for d, u in zip(weekly, utc, strict=True) if d.date() == date(2027, 4, 1)]
    assert after_march == [datetime(2027, 4, 1, 12, 0, tzinfo=UTC)]  # after 28 March: +02:00
    # A series on the change's own Sunday, at a time that exists on both sides.
    sundays = starts("FREQ=WEEKLY;BYDAY=SU;COUNT=3", datetime(2026, 10, 18, 14, 0))
    assert [d.replace(tzinfo=PARIS).utcoffset().total_seconds() / 3600 for d in sundays] == [  # type: ignore[union-attr]
        2.0,
        1.0,  # Sunday 25 October 2026, the last Sunday of October
        1.0,
    ]


def test_exdates_times_and_whole_days_and_rdates() -> None:
    start = datetime(2026, 12, 3, 14, 0)
    found = starts(
        "FREQ=WEEKLY;COUNT=6",
        start,
        exdates=[datetime(2026, 12, 10, 14, 0), date(2026, 12, 24), datetime(2026, 12, 31, 9, 0)],
        rdates=[datetime(2026, 12, 23, 10, 0)],
    )
    assert days(found) == [
        "Thu 03/12/2026 14:00",
        "Thu 17/12/2026 14:00",
        "Wed 23/12/2026 10:00",  # RDATE added
        "Thu 31/12/2026 14:00",  # the EXDATE at 09:00 names no occurrence
        "Thu 07/01/2027 14:00",  # COUNT counts before the exclusions: 6 - 2 = 4 from the rule
    ]


def test_the_horizon_cuts_an_endless_series_and_says_more_follow() -> None:
    horizon = datetime(2027, 12, 3, 0, 0, tzinfo=UTC)
    endless = expand(
        datetime(2026, 12, 3, 14, 0), parse_rrule("FREQ=WEEKLY"), zone=PARIS, horizon=horizon
    )
    assert len(endless.starts) == 53  # 3 December 2026 to 2 December 2027
    assert endless.starts[-1] == datetime(2027, 12, 2, 14, 0)
    assert endless.more_after_horizon
    short = expand(
        datetime(2026, 12, 3, 14, 0),
        parse_rrule("FREQ=WEEKLY;COUNT=4"),
        zone=PARIS,
        horizon=horizon,
    )
    assert (len(short.starts), short.more_after_horizon) == (4, False)
    never_again = expand(
        datetime(2026, 2, 28, 9, 0),
        parse_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
        zone=PARIS,
        horizon=horizon,
    )
    assert (never_again.starts, never_again.more_after_horizon) == (
        [datetime(2026, 2, 28, 9, 0)],
        False,
    )
    # A late RDATE counts as "more after the horizon" too.
    late = expand(
        datetime(2026, 12, 3, 14, 0),
        None,
        zone=PARIS,
        horizon=horizon,
        rdates=[datetime(2028, 1, 6, 14, 0)],
    )
    assert (len(late.starts), late.more_after_horizon) == (1, True)


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("FREQ=HOURLY;COUNT=3", "repeats hourly"),
        ("FREQ=MINUTELY", "repeats minutely"),
        ("FREQ=SECONDLY", "repeats secondly"),
        ("FREQ=WEEKLY;BYWEEKNO=20", "only make sense with FREQ=YEARLY"),
        ("FREQ=MONTHLY;BYYEARDAY=100", "only make sense with FREQ=YEARLY"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR must be"),
        ("FREQ=DAILY;BYSECOND=5", "seconds (BYSECOND)"),
        ("COUNT=3", "without a known FREQ"),
        ("FREQ=FORTNIGHTLY", "without a known FREQ"),
        ("FREQ=WEEKLY;COUNT=0", "COUNT must be a positive whole number"),
        ("FREQ=WEEKLY;INTERVAL=-2", "INTERVAL must be a positive whole number"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231", "both COUNT and UNTIL"),
        ("FREQ=WEEKLY;UNTIL=31/12/2026", "UNTIL is not a date or time"),
        ("FREQ=WEEKLY;BYDAY=XX", "not a weekday"),
        ("FREQ=WEEKLY;BYDAY=2TU", "numbered BYDAY"),
        ("FREQ=MONTHLY;BYDAY=6MO", "at most five"),
        ("FREQ=YEARLY;BYDAY=54MO", "the number in BYDAY"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY must be"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH must be"),
        ("FREQ=WEEKLY;BYMONTHDAY=3", "BYMONTHDAY makes no sense"),
        ("FREQ=WEEKLY;WKST=XX", "WKST"),
        ("FREQ=WEEKLY;FOO=1", "unknown RRULE part(s): FOO"),
        ("FREQ=WEEKLY;COUNT", "malformed RRULE part"),
        ("FREQ=WEEKLY;FREQ=DAILY", "FREQ twice"),
        ("FREQ=WEEKLY;BYDAY=MO,,TH", "empty item"),
    ],
)
def test_rules_not_supported_or_malformed_are_refused_with_a_reason(rule: str, reason: str) -> None:
    with pytest.raises(RuleRefused, match=re.escape(reason)):
        parse_rrule(rule)


def test_a_series_started_centuries_ago_is_refused_not_expanded_for_ever() -> None:
    with pytest.raises(RuleRefused, match="too long ago"):
        starts("FREQ=DAILY", datetime(1700, 1, 1, 9, 0))


@given(
    first=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
    hour=st.integers(min_value=7, max_value=20),
    count=st.integers(min_value=1, max_value=80),
    excluded=st.sets(st.integers(min_value=1, max_value=79), max_size=10),
)
def test_weekly_thursdays_stay_thursdays_at_the_same_paris_time(
    first: date, hour: int, count: int, excluded: set[int]
) -> None:
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    start = datetime.combine(thursday, time(hour, 0))
    rule = parse_rrule(f"FREQ=WEEKLY;BYDAY=TH;COUNT={count}")
    every = expand(start, rule, zone=PARIS, horizon=datetime(2035, 1, 1, tzinfo=UTC)).starts
    assert len(every) == count
    exdates = [every[i] for i in excluded if i < count]
    kept = expand(
        start, rule, zone=PARIS, horizon=datetime(2035, 1, 1, tzinfo=UTC), exdates=exdates
    ).starts
    assert len(kept) == count - len(exdates)
    for when in kept:
        assert when.weekday() == 3
        assert (when.hour, when.minute) == (hour, 0)
        instant = when.replace(tzinfo=PARIS).astimezone(UTC)
        assert instant.astimezone(PARIS).hour == hour  # the wall clock survives the round trip
    assert all((b - a).days % 7 == 0 for a, b in itertools.pairwise(kept))


@given(
    first=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
    nth=st.sampled_from([1, 2, 3, 4, -1, -2]),
    weekday=st.sampled_from(list(WEEKDAYS)),
)
def test_outlooks_bysetpos_form_is_the_numbered_byday_form(
    first: date, nth: int, weekday: str
) -> None:
    start = datetime.combine(first, time(9, 30))
    horizon = datetime(2030, 1, 1, tzinfo=UTC)
    outlook = parse_rrule(f"FREQ=MONTHLY;BYDAY={weekday};BYSETPOS={nth}")
    numbered = parse_rrule(f"FREQ=MONTHLY;BYDAY={nth}{weekday}")
    a = expand(start, outlook, zone=PARIS, horizon=horizon).starts
    b = expand(start, numbered, zone=PARIS, horizon=horizon).starts
    assert a == b
    for when in a[1:]:  # DTSTART comes first whatever it is
        assert when.weekday() == WEEKDAYS[weekday]
        same_month = [when.replace(day=d) for d in range(1, 32) if _valid(when, d)]
        matching = [d for d in same_month if d.weekday() == when.weekday()]
        assert matching[nth if nth < 0 else nth - 1] == when


def _valid(when: datetime, day: int) -> bool:
    try:
        when.replace(day=day)
    except ValueError:
        return False
    return True


PARTS = st.sampled_from(
    [
        "INTERVAL=1",
        "INTERVAL=2",
        "INTERVAL=99999999",
        "COUNT=1",
        "COUNT=7",
        "UNTIL=20271231T225959Z",
        "UNTIL=20250101",
        "BYDAY=MO,TH",
        "BYDAY=-1FR",
        "BYDAY=1SU,2SA",
        "BYMONTHDAY=31",
        "BYMONTHDAY=-1,15",
        "BYMONTH=2",
        "BYMONTH=2,11",
        "BYSETPOS=-1",
        "BYSETPOS=3,1",
        "WKST=SU",
        "BYHOUR=9,14",
        "BYMINUTE=0,30",
        "BYWEEKNO=1,-1",
        "BYYEARDAY=1,-1,100",
    ]
)


HORIZON = datetime(2030, 1, 1, tzinfo=UTC)


@settings(deadline=None)
@given(
    freq=st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    parts=st.lists(PARTS, max_size=4, unique_by=lambda p: p.split("=")[0]),
    first=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 12, 31)),
)
def test_any_rule_either_expands_in_order_or_is_refused(
    freq: str, parts: list[str], first: datetime
) -> None:
    start = first.replace(microsecond=0)
    try:
        rule = parse_rrule(";".join([f"FREQ={freq}", *parts]))
        found = expand(start, rule, zone=PARIS, horizon=HORIZON)
    except RuleRefused:
        return
    if start.replace(tzinfo=PARIS) > HORIZON:
        assert (found.starts, found.more_after_horizon) == ([], True)
        return
    assert found.starts[0] == start
    assert found.starts == sorted(set(found.starts))
    assert all(s.replace(tzinfo=PARIS) <= HORIZON for s in found.starts)
    if not rule.byhour and not rule.byminute:
        assert all(s.time() == start.time() for s in found.starts)
    if rule.count is not None:
        assert len(found.starts) <= rule.count


def test_two_sessions_a_day_with_byhour_keep_their_paris_hours() -> None:
    found = starts("FREQ=DAILY;BYHOUR=9,14;COUNT=5", datetime(2026, 10, 24, 9, 0))
    assert days(found) == [
        "Sat 24/10/2026 09:00",
        "Sat 24/10/2026 14:00",
        "Sun 25/10/2026 09:00",  # the clocks went back that night
        "Sun 25/10/2026 14:00",
        "Mon 26/10/2026 09:00",
    ]


def test_week_numbers_and_days_of_the_year_in_yearly_rules() -> None:
    # Thunderbird's "Monday of week 45"; ISO weeks (WKST=MO by default).
    assert days(starts("FREQ=YEARLY;BYWEEKNO=45;BYDAY=MO;COUNT=3", datetime(2026, 11, 2, 9))) == [
        "Mon 02/11/2026 09:00",
        "Mon 08/11/2027 09:00",
        "Mon 06/11/2028 09:00",
    ]
    # the 100th and the last day of each year (2028 is a leap year)
    found = starts("FREQ=YEARLY;BYYEARDAY=100,-1;COUNT=5", datetime(2027, 4, 10, 10))
    assert days(found) == [
        "Sat 10/04/2027 10:00",
        "Fri 31/12/2027 10:00",
        "Sun 09/04/2028 10:00",
        "Sun 31/12/2028 10:00",
        "Tue 10/04/2029 10:00",
    ]


def test_several_rules_give_their_union_each_counting_its_own() -> None:
    found = expand(
        datetime(2026, 6, 1, 18, 0),
        [
            parse_rrule("FREQ=WEEKLY;BYDAY=MO;COUNT=3"),
            parse_rrule("FREQ=MONTHLY;BYDAY=1WE;COUNT=2"),
        ],
        zone=PARIS,
        horizon=FAR,
    ).starts
    assert days(found) == [
        "Mon 01/06/2026 18:00",
        "Wed 03/06/2026 18:00",
        "Mon 08/06/2026 18:00",
        "Mon 15/06/2026 18:00",
    ]


def test_first_monday_and_every_friday_where_dateutil_gives_nothing() -> None:
    """Measured: dateutil (and recurring-ical-events, which uses it) expands
    ``FREQ=MONTHLY;BYDAY=1MO,FR`` to nothing after DTSTART; RFC 5545 means the first Monday
    and every Friday of each month. The reason this expander is kept."""
    from dateutil.rrule import rrulestr

    start = datetime(2026, 1, 5, 14, 0)
    theirs = list(rrulestr("FREQ=MONTHLY;BYDAY=1MO,FR;COUNT=6", dtstart=start))
    assert theirs == []  # the library bug this expander does not share
    assert days(starts("FREQ=MONTHLY;BYDAY=1MO,FR;COUNT=6", start)) == [
        "Mon 05/01/2026 14:00",
        "Fri 09/01/2026 14:00",
        "Fri 16/01/2026 14:00",
        "Fri 23/01/2026 14:00",
        "Fri 30/01/2026 14:00",
        "Mon 02/02/2026 14:00",
    ]


UTC_ZONE = ZoneInfo("UTC")
AGREEING_PARTS = st.sampled_from(
    [
        "INTERVAL=2",
        "BYDAY=MO,TH",
        "BYDAY=-1FR",
        "BYMONTHDAY=-1,15",
        "BYMONTH=2,11",
        "BYHOUR=9,14",
        "BYMINUTE=0,30",
        "BYWEEKNO=1,20,-1",
        "BYYEARDAY=1,-1,100",
        "BYSETPOS=1",
        "WKST=SU",
    ]
)


@settings(deadline=None, max_examples=400)
@given(
    freq=st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    parts=st.lists(AGREEING_PARTS, max_size=3, unique_by=lambda p: p.split("=")[0]),
    first=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2026, 12, 31)),
)
def test_the_expander_agrees_with_dateutil_on_rules_without_its_bug(
    freq: str, parts: list[str], first: datetime
) -> None:
    """Hundreds of random rules with the parts agendas write, BYHOUR, BYWEEKNO and BYYEARDAY
    included: the same occurrences as dateutil (DTSTART aside: RFC 5545 always counts it,
    dateutil only when it matches the rule)."""
    from dateutil.rrule import rrulestr

    text = ";".join([f"FREQ={freq}", *parts])
    start = first.replace(second=0, microsecond=0)
    try:
        rule = parse_rrule(text)
    except RuleRefused:
        return
    if any(n is not None for n, _ in rule.byday):
        return  # numbered BYDAY: covered by the cases above
    horizon = datetime(2028, 12, 31, tzinfo=UTC)
    mine = set(expand(start, rule, zone=UTC_ZONE, horizon=horizon).starts) - {start}
    theirs = set(rrulestr(text, dtstart=start).between(start, datetime(2028, 12, 31), inc=True))
    if rule.bysetpos:
        # In DTSTART's own period dateutil counts BYSETPOS from DTSTART, this expander from
        # the period's start (RFC 5545 is silent): compare the periods after it.
        cut = start + timedelta(days=400)
        mine, theirs = {m for m in mine if m > cut}, {t for t in theirs if t > cut}
    assert mine == theirs - {start}, text
