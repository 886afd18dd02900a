"""Calendars made by real software (tests/fixtures/real, sources in SOURCES.md): each class
of file that went wrong, read right."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.domain import EventKind
from kiosk.programme.importer import EventRow, ImportWindow, KindRules, RowError, read_ics

REAL = Path(__file__).parents[2] / "fixtures" / "real"
BERLIN = ZoneInfo("Europe/Berlin")
PARIS = ZoneInfo("Europe/Paris")
ANY_TYPE = KindRules(default=EventKind.CAFE_NUMERIQUE)  # these agendas name no event type


def rows(name: str, since: datetime, until: datetime) -> tuple[list[EventRow], list[RowError]]:
    content = read_ics(
        (REAL / name).read_bytes(), window=ImportWindow(since, until), kinds=ANY_TYPE
    )
    found = sorted((i for i in content.items if isinstance(i, EventRow)), key=lambda r: r.starts_at)
    return found, [i for i in content.items if isinstance(i, RowError)]


def test_google_x_wr_timezone_keeps_a_utc_series_on_the_local_clock() -> None:
    found, errors = rows(
        "google_x_wr_timezone_utc_series.ics",
        datetime(2021, 11, 1, tzinfo=UTC),
        datetime(2022, 7, 1, tzinfo=UTC),
    )
    assert errors == []
    berlin = {r.starts_at.astimezone(BERLIN).strftime("%H:%M") for r in found}
    # Written at 20:30Z in November: 21:30 in Berlin all year, summer included (a UTC series
    # read without X-WR-TIMEZONE moves to 22:30 at the clock change).
    assert berlin == {"21:30"}
    april = next(r for r in found if r.starts_at.month == 4)
    assert april.starts_at == datetime(2022, 4, 29, 19, 30, tzinfo=UTC)
    # the override written with a RECURRENCE-ID in UTC, moved to 17 December
    assert datetime(2021, 12, 17, 20, 30, tzinfo=UTC) in {r.starts_at for r in found}


def test_a_description_with_u2028_folded_inside_a_utf8_character_is_read_whole() -> None:
    found, errors = rows(
        "google_u2028_folded_in_utf8.ics",
        datetime(2021, 11, 1, tzinfo=UTC),
        datetime(2022, 1, 31, tzinfo=UTC),
    )
    assert errors == []
    assert found[0].description == (
        "Café numérique – ligne 1\u2028ligne 2 après le séparateur Word, fin intacte"
    )
    assert found[0].title == "Karaoke"  # not Windows-1252 mojibake


def test_exchange_zone_names_with_escaped_commas_match_the_events_tzid() -> None:
    content = read_ics(
        (REAL / "exchange_escaped_comma_tzid.ics").read_bytes(),
        window=ImportWindow(datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)),
    )
    found = [i for i in content.items if isinstance(i, EventRow)]
    assert [i for i in content.items if isinstance(i, RowError)] == []
    assert [r.starts_at for r in found] == [
        datetime(2026, 10, 20, 12, 0, tzinfo=UTC),  # 14:00 summer time
        datetime(2026, 10, 27, 13, 0, tzinfo=UTC),  # 14:00 winter time
        datetime(2026, 11, 3, 13, 0, tzinfo=UTC),
    ]
    assert {r.kind for r in found} == {EventKind.ATELIER_TECHNOLOGIQUE}


def test_two_rrule_lines_from_cyrus_give_their_union() -> None:
    found, errors = rows(
        "cyrus_two_rrules.ics", datetime(2023, 1, 1, tzinfo=UTC), datetime(2023, 12, 31, tzinfo=UTC)
    )
    assert errors == []
    weekdays = [r.starts_at.astimezone(ZoneInfo("Europe/London")).strftime("%a") for r in found]
    assert weekdays.count("Thu") == 20
    assert "Mon" in weekdays  # the second Monday of the month, from the second rule


def test_this_and_future_from_a_booking_system_changes_every_later_occurrence() -> None:
    found, errors = rows(
        "reservas_this_and_future.ics",
        datetime(2024, 9, 1, tzinfo=UTC),
        datetime(2024, 10, 15, tzinfo=UTC),
    )
    assert errors == []
    titles = [(r.starts_at.date().isoformat(), r.title) for r in found]
    assert ("2024-09-11", "ORIGINAL EVENT") in titles
    assert all(t == "MODIFIED EVENT" for d, t in titles if "2024-09-13" <= d < "2024-09-23")
    assert all(t == "EDITED EVENT" for d, t in titles if d >= "2024-09-23")
    assert all(r.ends_at - r.starts_at == timedelta(hours=7) for r in found[6:])


def test_an_event_without_uid_gets_a_stable_id_and_rdate_periods_their_length() -> None:
    window = (datetime(2024, 9, 1, tzinfo=UTC), datetime(2024, 10, 1, tzinfo=UTC))
    first, errors = rows("no_uid_rdate_period.ics", *window)
    again, _ = rows("no_uid_rdate_period.ics", *window)
    assert errors == []
    assert [r.uid for r in first] == [r.uid for r in again]
    assert first[0].uid.startswith("sans-uid-")
    assert [r.ends_at - r.starts_at for r in first] == [timedelta(hours=1), timedelta(hours=2)]
    content = read_ics(
        (REAL / "no_uid_rdate_period.ics").read_bytes(), window=ImportWindow(*window)
    )
    assert any("no UID" in note for note in content.notes)


def test_an_event_without_dtend_ends_as_rfc_5545_says() -> None:
    found, errors = rows(
        "discourse_no_dtend.ics",
        datetime(2019, 1, 1, tzinfo=UTC),
        datetime(2019, 12, 31, tzinfo=UTC),
    )
    assert errors == []
    open_lab = next(r for r in found if r.title == "2019-01-17 openLab")
    assert open_lab.ends_at == open_lab.starts_at  # a timed event without DTEND: no length
    workshop = next(r for r in found if r.title.startswith("Hanf"))
    assert workshop.kind is EventKind.ATELIER_TECHNOLOGIQUE  # « Workshop » in the title
    assert workshop.ends_at - workshop.starts_at == timedelta(hours=3, minutes=30)


def test_a_huge_duration_is_a_line_error_not_a_traceback() -> None:
    text = (REAL / "exchange_escaped_comma_tzid.ics").read_text(encoding="utf-8")
    huge = text.replace(
        'DTEND;TZID="(UTC+01:00) Bruxelles, Copenhague, Madrid, Paris":20261020T160000',
        "DURATION:P99999999D",
    )
    content = read_ics(
        huge,
        window=ImportWindow(datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)),
    )
    (error,) = [i for i in content.items if isinstance(i, RowError)]
    assert error.line == 21  # the event's BEGIN line; the reason names the property's
    assert error.reason == "DURATION P99999999D runs past the end of the calendar (line 25)"
