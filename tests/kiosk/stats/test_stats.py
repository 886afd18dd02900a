"""Statistics on the hand-counted data set of tests/helpers/stats_world.py (read its docstring)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kiosk.db.models import Event
from kiosk.domain import EventKind, Space
from kiosk.help.domain import HelpReason
from kiosk.stats.attendance import NoShow, attendance_by, attendance_by_period
from kiosk.stats.dashboard import quarter_dashboard, quarter_dashboard_by_parts
from kiosk.stats.figures import Change, Row
from kiosk.stats.french import NBSP, format_change, format_number, format_percent
from kiosk.stats.periods import Grain, Quarter, paris_offsets
from kiosk.stats.sql import local_day
from kiosk.stats.visits import visits_by_period
from tests.helpers import records, stats_world

Q1, Q2 = Quarter(2026, 1), Quarter(2026, 2)


@pytest.fixture
def session(engine: Engine) -> Session:
    with Session(engine) as s:
        stats_world.build(s)
        s.commit()
        return s


def values(rows: list[Row]) -> list[tuple[str, float]]:
    return [(r.key, r.value) for r in rows]


# --- quarters and the Paris calendar -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quarter"),
    [("2026-Q3", Quarter(2026, 3)), ("2026q1", Quarter(2026, 1)), (" 2025-T4 ", Quarter(2025, 4))],
)
def test_quarters_parse_as_staff_write_them(text: str, quarter: Quarter) -> None:
    assert Quarter.parse(text) == quarter


@pytest.mark.parametrize("text", ["2026-Q5", "2026", "Q3-2026", ""])
def test_a_wrong_quarter_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="quarter"):
        Quarter.parse(text)


def test_quarters_follow_each_other_across_years() -> None:
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert Quarter(2025, 4).next() == Quarter(2026, 1)
    assert (Q2.start, Q2.end) == (date(2026, 4, 1), date(2026, 7, 1))
    assert Q2.label_fr == "2e trimestre 2026"
    assert Q1.label_fr == "1er trimestre 2026"


def test_a_quarter_starts_and_ends_at_midnight_in_paris() -> None:
    # winter time in January (UTC+1), summer time in April and July (UTC+2)
    assert Q1.utc_bounds() == (
        datetime(2025, 12, 31, 23, tzinfo=UTC),
        datetime(2026, 3, 31, 22, tzinfo=UTC),
    )
    assert Q2.utc_bounds()[1] == datetime(2026, 6, 30, 22, tzinfo=UTC)


def test_the_offsets_change_at_the_exact_dst_instants() -> None:
    start, end = Q1.utc_bounds()
    assert paris_offsets(start, end) == [(start, 60), (datetime(2026, 3, 29, 1, tzinfo=UTC), 120)]
    autumn = Quarter(2026, 4).utc_bounds()
    assert paris_offsets(*autumn) == [
        (autumn[0], 120),
        (datetime(2026, 10, 25, 1, tzinfo=UTC), 60),
    ]
    assert paris_offsets(*Q2.utc_bounds()) == [(Q2.utc_bounds()[0], 120)]


def test_the_database_puts_each_instant_on_its_paris_day_around_both_dst_changes(
    engine: Engine,
) -> None:
    instants = [
        datetime(2026, 3, 28, 22, 59, tzinfo=UTC),  # 23:59 CET on the 28th
        datetime(2026, 3, 28, 23, 0, tzinfo=UTC),  # 00:00 CET on the 29th
        datetime(2026, 3, 29, 0, 59, tzinfo=UTC),  # 01:59 CET, a minute before the change
        datetime(2026, 3, 29, 21, 59, tzinfo=UTC),  # 23:59 CEST on the 29th
        datetime(2026, 3, 29, 22, 0, tzinfo=UTC),  # 00:00 CEST on the 30th
        datetime(2026, 10, 24, 21, 59, tzinfo=UTC),  # 23:59 CEST on the 24th
        datetime(2026, 10, 24, 22, 0, tzinfo=UTC),  # 00:00 CEST on the 25th
        datetime(2026, 10, 25, 22, 59, tzinfo=UTC),  # 23:59 CET on the 25th
        datetime(2026, 10, 25, 23, 0, tzinfo=UTC),  # 00:00 CET on the 26th
    ]
    with Session(engine) as s:
        site = records.site(s)
        for at in instants:
            records.event(s, site, starts_at=at)
        start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
        day = local_day(Event.starts_at, s.get_bind().dialect.name, start, end)
        got = s.execute(select(Event.starts_at, day).order_by(Event.starts_at)).all()
    expected = [
        "2026-03-28", "2026-03-29", "2026-03-29", "2026-03-29", "2026-03-30",
        "2026-10-24", "2026-10-25", "2026-10-25", "2026-10-26",
    ]  # fmt: skip
    assert [d for _, d in got] == expected


# --- attendance ----------------------------------------------------------------------------


def test_attendance_counts_the_events_of_the_quarter_in_paris_time(session: Session) -> None:
    board = quarter_dashboard(session, Q2)
    assert board.attendance == Change(12, 5)
    assert board.events == 3  # E3 (00:30 Paris on 1 April) in, E6 (1 July in Paris) out
    assert values(board.attendance_by_month) == [("2026-04", 3), ("2026-05", 5), ("2026-06", 4)]
    assert [r.label for r in board.attendance_by_month] == ["avril 2026", "mai 2026", "juin 2026"]


def test_attendance_by_day_and_week_uses_the_paris_day_of_the_event(session: Session) -> None:
    assert values(attendance_by_period(session, Q1, Grain.DAY)) == [
        ("2026-03-10", 3),
        ("2026-03-31", 2),  # 21:30 UTC is still the 31st in Paris
    ]
    assert values(attendance_by_period(session, Q2, Grain.WEEK)) == [
        ("2026-03-30", 3),  # Wednesday 1 April belongs to the week of Monday 30 March
        ("2026-05-11", 5),
        ("2026-06-29", 4),
    ]
    assert values(attendance_by_period(session, Q2, Grain.QUARTER)) == [("2026-Q2", 12)]


def test_attendance_by_kind_direction_site_and_kiosk(session: Session) -> None:
    board = quarter_dashboard(session, Q2)
    assert values(board.attendance_by_kind) == [
        (EventKind.MASTERCLASS, 5),
        (EventKind.ATELIER_TECHNOLOGIQUE, 4),
        (EventKind.TABLE_RONDE, 3),
    ]
    assert [(r.label, r.value) for r in board.attendance_by_direction] == [
        ("Direction du numérique", 7),
        ("Direction des routes", 4),
        ("Sans direction (visiteurs)", 1),
    ]
    assert values(board.attendance_by_site) == [("SC", 8), ("MEN", 4)]
    assert values(board.attendance_by_kiosk) == [("K-ROOM", 8), ("K-TOUR", 4)]
    with pytest.raises(ValueError, match="dimension"):
        attendance_by(session, Q2, "colour")


def test_registered_against_present_gives_the_no_show_rate(session: Session) -> None:
    board = quarter_dashboard(session, Q2)
    assert board.no_show == NoShow(registered=11, present=9, walk_ins=3)
    assert board.no_show.absent == 2
    assert board.no_show.rate == pytest.approx(2 / 11)
    assert board.no_show_previous == NoShow(registered=6, present=4, walk_ins=1)
    by_kind = {k: v for k, _, v in board.no_show_by_kind}
    assert by_kind == {
        EventKind.ATELIER_TECHNOLOGIQUE: NoShow(3, 3, 1),
        EventKind.MASTERCLASS: NoShow(6, 4, 1),  # p6 came from the waiting list: a walk-in
        EventKind.TABLE_RONDE: NoShow(2, 2, 1),
    }


def test_a_quarter_under_way_calls_absent_only_the_people_of_events_already_over(
    session: Session,
) -> None:
    # 1 May: E3 (1 April) is over; E4 (12 May) and E5 (30 June) are still to come
    may_first = datetime(2026, 5, 1, 8, tzinfo=UTC)
    board = quarter_dashboard(session, Q2, may_first)
    assert board.no_show == NoShow(registered=2, present=2, walk_ins=1)  # E3 alone
    assert board.no_show.rate == 0
    assert board.no_show_by_kind == [("table_ronde", "Table ronde", NoShow(2, 2, 1))]
    assert board.no_show_previous == NoShow(registered=6, present=4, walk_ins=1)  # all over
    assert board.attendance.current == 12  # check-ins already made count, whatever the date
    assert board == quarter_dashboard_by_parts(session, Q2, may_first)
    # once the quarter is over, the date changes nothing
    after = datetime(2026, 7, 2, tzinfo=UTC)
    assert quarter_dashboard(session, Q2, after) == quarter_dashboard(session, Q2)


def test_a_quarter_with_no_registration_has_no_rate(session: Session) -> None:
    assert quarter_dashboard(session, Quarter(2025, 3)).no_show.rate is None


# --- visits and help -----------------------------------------------------------------------


def test_visits_of_the_spaces(session: Session) -> None:
    board = quarter_dashboard(session, Q2)
    assert board.visits == Change(6, 3)
    assert values(board.visits_by_month) == [("2026-04", 1), ("2026-05", 2), ("2026-06", 3)]
    assert values(board.visits_by_space) == [(Space.SMART_LAB, 4), (Space.SMART_STORE, 2)]
    assert values(board.visits_by_kiosk) == [("K-ROOM", 5), ("K-TOUR", 1)]
    assert values(board.visits_by_site) == [("SC", 5), ("MEN", 1)]
    assert values(visits_by_period(session, Q2, Grain.WEEK)) == [
        ("2026-03-30", 1),
        ("2026-05-04", 2),  # Monday 4 and Sunday 10 May: one week
        ("2026-06-01", 1),
        ("2026-06-15", 1),
        ("2026-06-29", 1),
    ]


def test_help_requests_with_their_waiting_and_service_times_by_reason(session: Session) -> None:
    board = quarter_dashboard(session, Q2)
    assert board.help_requests == Change(4, 1)
    by_reason = {h.reason: h for h in board.help_by_reason}
    assert list(by_reason) == list(HelpReason)  # every reason, even with no request
    mail = by_reason[HelpReason.MAIL]
    assert (mail.requests, mail.served, mail.no_shows) == (2, 2, 0)
    assert mail.wait_minutes == pytest.approx(15.0, abs=1e-3)
    assert mail.service_minutes == pytest.approx(15.0, abs=1e-3)
    hardware = by_reason[HelpReason.HARDWARE]
    assert (hardware.requests, hardware.no_shows, hardware.service_minutes) == (1, 1, None)
    assert hardware.wait_minutes == pytest.approx(30.0, abs=1e-3)
    account = by_reason[HelpReason.ACCOUNT]
    assert (account.requests, account.wait_minutes) == (1, None)
    assert by_reason[HelpReason.OTHER].requests == 0


def test_document_views_and_searches_that_found_nothing(session: Session) -> None:
    board = quarter_dashboard(session, Q2)
    assert board.document_views == Change(5, 2)
    assert [(r.key, r.label, r.value) for r in board.top_documents] == [
        ("guide-teams", "Guide Teams", 3),
        ("charte", "Charte informatique", 1),
        ("retire", "retire", 1),
    ]
    assert board.searches == Change(4, 1)
    assert board.zero_result_searches == Change(3, 0)
    assert board.zero_result_searches.percent is None
    assert [(r.key, r.label, r.value) for r in board.zero_result_queries] == [
        ("wifi", "Wi-Fi", 2),
        ("parapheur", "parapheur", 1),
    ]


def test_click_and_collect_hand_overs_and_the_delay_from_ready(session: Session) -> None:
    board = quarter_dashboard(session, Q2)
    assert board.handed_over == Change(3, 1)
    assert [(r.key, r.value) for r in board.handed_over_by_item] == [
        ("HDS", 2),
        ("KBD", 1),
        ("MSE", 1),
    ]
    delay = board.collect_delay
    assert delay.lines == 3
    assert delay.mean_hours == pytest.approx((2 + 48 + 6) / 3, abs=1e-3)
    assert delay.max_hours == pytest.approx(48.0, abs=1e-3)
    assert quarter_dashboard(session, Quarter(2026, 3)).handed_over.current == 1


# --- the council's way of writing it -------------------------------------------------------


def test_quarter_over_quarter_change_as_the_council_reports_it() -> None:
    assert Change(223, 100).percent == pytest.approx(123.0)
    assert format_change(Change(223, 100), Q2) == f"+123{NBSP}% au 2e trimestre"
    assert format_change(Change(12, 5), Q2) == f"+140{NBSP}% au 2e trimestre"
    assert format_change(Change(5, 0), Q1) == "n/a au 1er trimestre"
    assert format_percent(-4.54) == f"\u22124,5{NBSP}%"
    assert format_percent(0.0) == f"0,0{NBSP}%"
    assert format_percent(None) == "n/a"


def test_french_number_formatting() -> None:
    assert format_number(1234567) == f"1{NBSP}234{NBSP}567"
    assert format_number(1234.56, 1) == f"1{NBSP}234,6"
    assert format_number(-12.0) == "\u221212"


def test_an_empty_database_gives_zeros_not_errors(engine: Engine) -> None:
    with Session(engine) as s:
        board = quarter_dashboard(s, Q2)
    assert board.attendance == Change(0, 0)
    assert board.attendance.percent is None
    assert board.attendance_by_month == []
    assert all(h.requests == 0 for h in board.help_by_reason)


def test_quarters_never_overlap(session: Session) -> None:
    """Summing the quarters of the year counts each check-in once (E6 is in Q3)."""
    totals = [quarter_dashboard(session, Quarter(2026, n)).attendance.current for n in (1, 2, 3)]
    assert totals == [5, 12, 1]
