"""Recurring events in iCalendar imports: series from Outlook, Google and Thunderbird become
one event per occurrence, with stable ids, overrides, exclusions and an import horizon."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Event, Registration
from kiosk.domain import EventKind, RegistrationStatus, Space
from kiosk.programme.importer import (
    EventRow,
    ImportReport,
    ImportWindow,
    RowError,
    Skipped,
    import_file,
    read_ics,
)
from kiosk.programme.tables import EventSource
from tests.helpers.checkin_world import NOW, World

type Factory = sessionmaker[Session]

PARIS = ZoneInfo("Europe/Paris")
ICS_DIR = Path(__file__).parent / "ics"
OUTLOOK_CAFE = (
    "040000008200E00074C5B7101A82E00800000000C0A6B1F0D7C4DC01000000000000000"
    "010000000B6F2E4B1D3A1F4479F0C3E3D2E5A6B7C"
)
OUTLOOK_TABLE = (
    "040000008200E00074C5B7101A82E00800000000D1B7C2A1E8D5DC01000000000000000"
    "01000000077A1C3E5F7092B4D6F8A0B2C4D6E8F01"
)
GOOGLE_3D = "4kq1v0m8a2b3c4d5e6f7g8h9i0@google.com"
THUNDERBIRD_CAFE = "3b6f9a1c-2d4e-4f60-8a1b-9c2d3e4f5a6b"


def fixture(name: str) -> str:
    return (ICS_DIR / name).read_bytes().decode("utf-8")


def run(factory: Factory, text: str, **kwargs: object) -> ImportReport:
    return import_file(factory, "events", text.encode(), filename="agenda.ics", now=NOW, **kwargs)  # type: ignore[arg-type]


def series_events(factory: Factory, uid: str) -> dict[str, Event]:
    """The events of a series by occurrence id."""
    with factory() as s:
        rows = s.execute(
            select(EventSource.uid, Event)
            .join(Event, Event.id == EventSource.event_id)
            .where(EventSource.uid.startswith(f"{uid}#"))
            .order_by(Event.starts_at)
        ).all()
        return {source_uid: event for source_uid, event in rows}


def paris(event: Event) -> str:
    return event.starts_at.replace(tzinfo=UTC).astimezone(PARIS).strftime("%a %d/%m/%Y %H:%M")


def test_the_fixtures_are_what_calendars_write_crlf_and_folded() -> None:
    for name in ("outlook.ics", "google.ics", "thunderbird.ics"):
        data = (ICS_DIR / name).read_bytes()
        assert b"\r\n" in data
        assert b"\n" not in data.replace(b"\r\n", b"")
        assert b"BEGIN:VTIMEZONE" in data
        assert b"\r\n " in data or name == "thunderbird.ics"  # folded lines


def test_outlook_weekly_series_with_exdates_an_override_and_a_cancelled_occurrence(
    world: World, session_factory: Factory
) -> None:
    report = run(session_factory, fixture("outlook.ics"))

    assert report.errors == []
    assert (report.created, report.skipped) == (46 + 10, 1)
    cafe, table = report.series
    assert (cafe.line, cafe.uid, cafe.occurrences, cafe.more_after) == (21, OUTLOOK_CAFE, 46, True)
    assert str(cafe) == (
        f"series 'Café numérique tous les jeudis' ({OUTLOOK_CAFE}): 46 occurrence(s); later "
        "ones (after 20/05/2027) are left for a later import"
    )
    assert (table.occurrences, table.more_after) == (10, False)

    events = series_events(session_factory, OUTLOOK_CAFE)
    assert len(events) == 46
    first = events[f"{OUTLOOK_CAFE}#20260604T140000"]
    assert (first.kind, first.space, first.title) == (
        EventKind.CAFE_NUMERIQUE,
        Space.SMART_STORE,
        "Café numérique tous les jeudis",
    )
    assert first.description.startswith("Venez avec vos questions sur le numérique : smartphone, ")
    # Every Thursday at 14:00 in Paris, summer and winter alike...
    regular = [e for uid, e in events.items() if not uid.endswith("#20261105T140000")]
    assert {paris(e)[:3] for e in regular} == {"Thu"}
    assert {paris(e)[-5:] for e in regular} == {"14:00"}
    # ...which is 12:00 UTC before the last Sunday of October and 13:00 UTC after it, then
    # 12:00 UTC again after the last Sunday of March.
    at = {uid.rsplit("#", 1)[1]: e.starts_at.replace(tzinfo=UTC) for uid, e in events.items()}
    assert at["20261022T140000"] == datetime(2026, 10, 22, 12, 0, tzinfo=UTC)
    assert at["20261029T140000"] == datetime(2026, 10, 29, 13, 0, tzinfo=UTC)
    assert at["20270325T140000"] == datetime(2027, 3, 25, 13, 0, tzinfo=UTC)
    assert at["20270401T140000"] == datetime(2027, 4, 1, 12, 0, tzinfo=UTC)
    assert all(e.ends_at - e.starts_at == timedelta(hours=2) for e in events.values())
    # EXDATEs (two on one line, one on another) and the cancelled occurrence are not there.
    for day in ("20260813", "20260820", "20261224", "20261217"):
        assert f"{OUTLOOK_CAFE}#{day}T140000" not in events
    assert min(at) == "20260604T140000"
    assert max(at) == "20270513T140000"  # 20 May 2027 is past the twelve months
    # The moved occurrence keeps its original id and takes the override's time, title and
    # capacity; kind and space come from the series.
    moved = events[f"{OUTLOOK_CAFE}#20261105T140000"]
    assert paris(moved) == "Thu 05/11/2026 16:00"
    assert (moved.title, moved.capacity, moved.space) == (
        "Café numérique spécial IA",
        40,
        Space.SMART_STORE,
    )
    assert first.capacity is None

    table_ronde = series_events(session_factory, OUTLOOK_TABLE)
    assert [paris(e)[:10] for e in table_ronde.values()] == [  # Outlook's "second Tuesday"
        "Tue 09/06/",
        "Tue 14/07/",
        "Tue 11/08/",
        "Tue 08/09/",
        "Tue 13/10/",
        "Tue 10/11/",
        "Tue 08/12/",
        "Tue 12/01/",
        "Tue 09/02/",
        "Tue 09/03/",
    ]
    assert {paris(e)[-5:] for e in table_ronde.values()} == {"09:30"}


def test_google_monthly_weekly_until_and_yearly_series(
    world: World, session_factory: Factory
) -> None:
    report = run(session_factory, fixture("google.ics"))

    assert report.errors == []
    notes = {n.uid: (n.occurrences, n.more_after) for n in report.series}
    assert notes == {
        GOOGLE_3D: (11, True),
        "7hs0q2r4t6v8x0z2b4d6f8h0j2@google.com": (16, False),
        "2mb9c8d7e6f5g4h3i2j1k0l9m8@google.com": (1, True),
    }
    assert report.created == 28
    workshop = series_events(session_factory, GOOGLE_3D)
    assert [paris(e) for e in workshop.values()] == [
        "Tue 02/06/2026 18:00",
        "Tue 07/07/2026 18:00",
        # 4 August: EXDATE
        "Tue 01/09/2026 18:00",
        "Thu 08/10/2026 18:00",  # moved from Tuesday 6 October by the override
        "Tue 03/11/2026 18:00",
        "Tue 01/12/2026 18:00",
        "Tue 05/01/2027 18:00",
        "Tue 02/02/2027 18:00",
        "Tue 02/03/2027 18:00",
        "Tue 06/04/2027 18:00",
        "Tue 04/05/2027 18:00",
    ]
    assert f"{GOOGLE_3D}#20261006T180000" in workshop  # the override's id is the original start
    assert workshop[f"{GOOGLE_3D}#20261006T180000"].title.endswith("(jeudi exceptionnellement)")
    training = series_events(session_factory, "7hs0q2r4t6v8x0z2b4d6f8h0j2@google.com")
    starts = [paris(e) for e in training.values()]
    assert (starts[0], starts[-1]) == ("Mon 05/10/2026 09:00", "Wed 25/11/2026 09:00")
    assert {s[:3] for s in starts} == {"Mon", "Wed"}
    assert {s[-5:] for s in starts} == {"09:00"}  # across 25 October


def test_thunderbird_rdate_exdate_forms_all_day_series_and_a_week_number_rule(
    world: World, session_factory: Factory
) -> None:
    report = run(session_factory, fixture("thunderbird.ics"))

    assert report.errors == []
    assert report.created == 7
    (week_45,) = series_events(session_factory, "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9").values()
    assert paris(week_45) == "Mon 02/11/2026 09:00"  # BYWEEKNO=45;BYDAY=MO
    cafe = series_events(session_factory, THUNDERBIRD_CAFE)
    assert [paris(e) for e in cafe.values()] == [
        "Mon 19/10/2026 14:00",
        "Mon 26/10/2026 14:00",
        # 2 November: EXDATE with a /mozilla.org zone id
        "Wed 04/11/2026 10:00",  # RDATE
        # 9 November: EXDATE;VALUE=DATE
        "Mon 16/11/2026 14:00",
        "Mon 23/11/2026 14:00",
    ]
    assert all(e.open_to_external for e in cafe.values())
    assert f"{THUNDERBIRD_CAFE}#20261104T100000" in cafe
    open_day = series_events(session_factory, "8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f")
    assert list(open_day) == ["8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f#20261003"]  # all-day: a date
    (day,) = open_day.values()
    assert (day.starts_at, day.ends_at) == (
        datetime(2026, 10, 2, 22, 0, tzinfo=UTC),
        datetime(2026, 10, 3, 22, 0, tzinfo=UTC),
    )
    assert day.space is Space.SMART_LAB


def test_reimporting_the_same_file_changes_nothing(world: World, session_factory: Factory) -> None:
    text = fixture("outlook.ics") + fixture("google.ics")
    first = run(session_factory, text)
    assert first.created == 56 + 28
    again = run(session_factory, text)
    assert (again.created, again.updated, again.unchanged, again.skipped) == (0, 0, 84, 1)
    assert again.notes == []


def test_an_occurrence_moved_by_the_organiser_updates_that_event_and_keeps_its_registrations(
    world: World, session_factory: Factory
) -> None:
    text = fixture("outlook.ics")
    run(session_factory, text)
    uid = f"{OUTLOOK_CAFE}#20261126T140000"
    before = series_events(session_factory, OUTLOOK_CAFE)[uid]
    with session_factory.begin() as s:
        s.add(
            Registration(
                event_id=before.id,
                person_id=world.alice,
                status=RegistrationStatus.CONFIRMED,
                created_at=NOW,
            )
        )
    moved = text.replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\n"
        f"UID:{OUTLOOK_CAFE}\r\n"
        'RECURRENCE-ID;TZID="Romance Standard Time":20261126T140000\r\n'
        'DTSTART;TZID="Romance Standard Time":20261127T100000\r\n'
        'DTEND;TZID="Romance Standard Time":20261127T120000\r\n'
        "SEQUENCE:2\r\n"
        "SUMMARY:Café numérique (vendredi matin)\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR",
    )
    report = run(session_factory, moved)

    assert (report.created, report.updated) == (0, 1)
    after = series_events(session_factory, OUTLOOK_CAFE)[uid]
    assert after.id == before.id
    assert paris(after) == "Fri 27/11/2026 10:00"
    assert after.title == "Café numérique (vendredi matin)"
    with session_factory() as s:
        assert s.scalar(select(Registration.event_id).where(Registration.person_id == world.alice))


def test_a_series_moved_to_another_hour_moves_its_events_instead_of_doubling_them(
    world: World, session_factory: Factory
) -> None:
    text = fixture("outlook.ics")
    run(session_factory, text)
    ids_before = {e.id for e in series_events(session_factory, OUTLOOK_CAFE).values()}
    # Outlook exports the moved series with its exclusions and overrides at the new hour.
    later = text.replace("T140000", "T150000").replace("20260604T160000", "20260604T170000")
    report = run(session_factory, later)

    events = series_events(session_factory, OUTLOOK_CAFE)
    assert {e.id for e in events.values()} == ids_before
    assert (report.created, report.updated, report.skipped) == (0, 46, 1)
    assert {uid.rsplit("#", 1)[1][-6:] for uid in events} == {"150000"}
    assert {paris(e)[-5:] for uid, e in events.items() if "20261105" not in uid} == {"15:00"}
    assert paris(events[f"{OUTLOOK_CAFE}#20261105T150000"]) == "Thu 05/11/2026 16:00"
    assert report.notes == [
        f"line 21: the series {OUTLOOK_CAFE} changed its time: 46 event(s) moved with their "
        "registrations"
    ]
    assert run(session_factory, later).unchanged == 46 + 10  # and the table ronde


def test_horizon_cuts_an_endless_series_and_later_imports_extend_it(
    world: World, session_factory: Factory
) -> None:
    text = fixture("outlook.ics")
    short = run(session_factory, text, until=datetime(2026, 7, 1, tzinfo=UTC))
    cafe = short.series[0]
    assert (cafe.occurrences, cafe.more_after) == (4, True)  # 4, 11, 18, 25 June
    assert "later ones (after 01/07/2026) are left for a later import" in str(cafe)
    longer = run(session_factory, text)
    assert longer.series[0].occurrences == 46
    assert longer.unchanged >= 4
    assert len(series_events(session_factory, OUTLOOK_CAFE)) == 46


def test_past_occurrences_are_counted_but_not_created(
    world: World, session_factory: Factory
) -> None:
    later_now = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    report = import_file(
        session_factory,
        "events",
        fixture("outlook.ics").encode(),
        filename="agenda.ics",
        now=later_now,
    )
    cafe = report.series[0]
    assert cafe.earlier == 13 - 2  # 4 June to 27 August, less the two August EXDATEs
    assert "11 past one(s) not imported" in str(cafe)
    assert min(e.starts_at for e in series_events(session_factory, OUTLOOK_CAFE).values()) == (
        datetime(2026, 9, 3, 12, 0, tzinfo=UTC)
    )


def test_an_occurrence_cancelled_or_dropped_after_import_is_kept_and_named(
    world: World, session_factory: Factory
) -> None:
    text = fixture("thunderbird.ics")
    run(session_factory, text)
    changed = text.replace(
        "EXDATE;VALUE=DATE:20261109\r\n", "EXDATE;VALUE=DATE:20261109,20261116\r\n"
    ).replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\n"
        f"UID:{THUNDERBIRD_CAFE}\r\n"
        "RECURRENCE-ID;TZID=Europe/Paris:20261123T140000\r\n"
        "STATUS:CANCELLED\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR",
    )
    report = run(session_factory, changed)

    assert report.skipped == 1
    assert len(report.notes) == 2
    assert f"{THUNDERBIRD_CAFE}#20261123T140000 is cancelled in the agenda" in report.notes[0]
    assert f"{THUNDERBIRD_CAFE}#20261116T140000 is no longer in the series" in report.notes[1]
    assert len(series_events(session_factory, THUNDERBIRD_CAFE)) == 5  # kept: staff decide


def test_registrations_name_an_occurrence_and_a_series_uid_alone_is_explained(
    world: World, session_factory: Factory
) -> None:
    run(session_factory, fixture("thunderbird.ics"))
    csv = (
        "event,matricule\n"
        f"{THUNDERBIRD_CAFE}#20261026T140000,{world_matricule(session_factory, world)}\n"
        f"{THUNDERBIRD_CAFE},{world_matricule(session_factory, world)}\n"
    )
    report = import_file(session_factory, "registrations", csv.encode(), filename="r.csv", now=NOW)
    assert report.created == 1
    assert [str(e) for e in report.errors] == [
        f"line 3: {THUNDERBIRD_CAFE!r} is a recurring event: name one occurrence, such as "
        f"'{THUNDERBIRD_CAFE}#20261019T140000'"
    ]


def world_matricule(factory: Factory, world: World) -> str:
    from kiosk.db.models import Person

    with factory() as s:
        person = s.get(Person, world.alice)
        assert person is not None
        assert person.matricule
        return person.matricule


WINDOW = ImportWindow.around(NOW)


def parse(body: str) -> list[EventRow | RowError | Skipped]:
    return read_ics(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + body + "END:VEVENT\r\nEND:VCALENDAR\r\n",
        window=WINDOW,
    ).items


SERIES = (
    "UID:s@cd06\r\nSUMMARY:Atelier\r\nLOCATION:Smart Lab\r\n"
    "DTSTART;TZID=Europe/Paris:20260604T140000\r\nDTEND;TZID=Europe/Paris:20260604T160000\r\n"
)


def test_rules_the_reader_does_not_expand_are_refused_on_the_events_line() -> None:
    for rule, reason in (
        ("RRULE:FREQ=MINUTELY;INTERVAL=30", "repeats minutely"),
        ("RRULE:FREQ=WEEKLY\r\nEXRULE:FREQ=MONTHLY", "EXRULE"),
    ):
        (item,) = parse(SERIES + rule + "\r\n")
        assert isinstance(item, RowError), rule
        assert item.line == 2
        assert reason in item.reason, (rule, item.reason)


def test_a_value_icalendar_cannot_read_is_named_with_its_property_and_line() -> None:
    (item,) = parse(SERIES + "RRULE:FREQ=WEEKLY\r\nEXDATE:2026-06-11\r\n")
    assert isinstance(item, RowError)
    assert item.line == 9  # the EXDATE line, not only its event's
    assert item.reason.startswith("EXDATE: not a valid iCalendar value")
    (item,) = parse(SERIES + "RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=zero\r\n")
    assert isinstance(item, RowError)
    assert (item.line, item.reason[:30]) == (8, "RRULE: not a valid iCalendar v")


def rows_of(body: str) -> dict[str, EventRow]:
    items = parse(body)
    assert [i for i in items if isinstance(i, RowError)] == []
    return {i.uid: i for i in items if isinstance(i, EventRow)}


def test_byhour_week_numbers_days_of_the_year_and_two_rrule_lines_are_expanded() -> None:
    two_a_day = rows_of(SERIES + "RRULE:FREQ=DAILY;BYHOUR=9,14;COUNT=3\r\n")
    assert sorted(two_a_day) == [
        "s@cd06#20260604T140000",
        "s@cd06#20260605T090000",
        "s@cd06#20260605T140000",
    ]
    yearday = rows_of(SERIES + "RRULE:FREQ=YEARLY;BYYEARDAY=155,200,-1;COUNT=3\r\n")
    assert sorted(yearday) == [
        "s@cd06#20260604T140000",  # 4 June is day 155
        "s@cd06#20260719T140000",
        "s@cd06#20261231T140000",
    ]
    two_rules = rows_of(
        SERIES + "RRULE:FREQ=WEEKLY;COUNT=2\r\nRRULE:FREQ=MONTHLY;BYDAY=1MO,FR;COUNT=3\r\n"
    )
    assert sorted(two_rules) == [
        "s@cd06#20260604T140000",
        "s@cd06#20260605T140000",  # a Friday, from the second rule
        "s@cd06#20260611T140000",
        "s@cd06#20260612T140000",
    ]


def test_rdate_periods_give_occurrences_their_own_length() -> None:
    rows = rows_of(
        SERIES + "RDATE;VALUE=PERIOD:20260610T090000Z/PT1H,20260617T120000Z/20260617T153000Z\r\n"
    )
    lengths = {uid: r.ends_at - r.starts_at for uid, r in rows.items()}
    assert lengths == {
        "s@cd06#20260604T140000": timedelta(hours=2),  # the series' own
        "s@cd06#20260610T110000": timedelta(hours=1),  # 09:00Z is 11:00 in Paris
        "s@cd06#20260617T140000": timedelta(hours=3, minutes=30),
    }


def test_this_and_future_moves_that_occurrence_and_every_later_one() -> None:
    body = (
        "UID:u@cd06\r\nSUMMARY:Formation\r\nLOCATION:Smart Class\r\n"
        "DTSTART;TZID=Europe/Paris:20260604T140000\r\nDURATION:PT2H\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=30\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\n"
        "UID:u@cd06\r\nRECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Paris:20260618T140000\r\n"
        "DTSTART;TZID=Europe/Paris:20260618T150000\r\nDURATION:PT1H\r\n"
        "SUMMARY:Formation (nouvel horaire)\r\n"
    )
    rows = sorted(rows_of(body).values(), key=lambda r: r.starts_at)
    assert len(rows) == 30
    paris_times = [(r.starts_at.astimezone(PARIS).strftime("%d/%m %H:%M"), r.title) for r in rows]
    assert paris_times[:3] == [
        ("04/06 14:00", "Formation"),
        ("11/06 14:00", "Formation"),
        ("18/06 15:00", "Formation (nouvel horaire)"),
    ]
    # every later one, across the clock change of 25 October, at 15:00 for one hour
    assert all(t.endswith("15:00") for t, _ in paris_times[2:])
    assert all(r.ends_at - r.starts_at == timedelta(hours=1) for r in rows[2:])
    assert all(r.uid.endswith("T140000") for r in rows)  # ids keep the original start


def test_an_override_without_its_series_is_imported_as_that_occurrence() -> None:
    items = parse(
        "UID:orphan@cd06\r\nRECURRENCE-ID;TZID=Europe/Paris:20260611T140000\r\n"
        "SUMMARY:Atelier déplacé\r\nLOCATION:Smart Lab\r\n"
        "DTSTART;TZID=Europe/Paris:20260612T140000\r\nDTEND;TZID=Europe/Paris:20260612T160000\r\n"
    )
    assert [(i.uid, i.title) for i in items if isinstance(i, EventRow)] == [
        ("orphan@cd06#20260611T140000", "Atelier déplacé")
    ]


def test_of_two_overrides_of_one_occurrence_the_higher_sequence_wins() -> None:
    override = (
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:s@cd06\r\n"
        "RECURRENCE-ID;TZID=Europe/Paris:20260611T140000\r\nSEQUENCE:{n}\r\n"
        "SUMMARY:Atelier v{n}\r\n"
        "DTSTART;TZID=Europe/Paris:20260611T170000\r\n"
    )
    items = parse(
        SERIES
        + "RRULE:FREQ=WEEKLY;COUNT=3\r\n"
        + override.format(n=1)
        + override.format(n=3)
        + override.format(n=3)
    )
    rows = {i.uid: i for i in items if isinstance(i, EventRow)}
    assert rows["s@cd06#20260611T140000"].title == "Atelier v3"
    # the override gives no end: the series' length applies
    moved = rows["s@cd06#20260611T140000"]
    assert moved.ends_at - moved.starts_at == timedelta(hours=2)
    assert [str(e) for e in items if isinstance(e, RowError)] == [
        "line 24: the same occurrence is already changed on line 17"
    ]


def test_a_series_every_occurrence_of_which_is_refused_gives_one_error(
    world: World, session_factory: Factory
) -> None:
    text = (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:nowhere@cd06\r\nSUMMARY:Atelier hebdo\r\n"
        "DTSTART;TZID=Europe/Paris:20260604T140000\r\nDTEND;TZID=Europe/Paris:20260604T160000\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    report = run(session_factory, text)
    assert [str(e) for e in report.errors] == [
        "line 2: no space (Smart Room, Smart Lab...) and no remote site given (4 occurrences)"
    ]
    assert report.created == 0


CUSTOM_ZONE = (
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:{tzid}\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16011028T030000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "TZOFFSETFROM:{summer}\r\n"
    "TZOFFSETTO:{winter}\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:16010325T020000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:{winter}\r\n"
    "TZOFFSETTO:{summer}\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:custom@cd06\r\n"
    "SUMMARY:Café numérique\r\n"
    "LOCATION:Smart Store\r\n"
    'DTSTART;TZID="{tzid}":20261022T140000\r\n'
    'DTEND;TZID="{tzid}":20261022T160000\r\n'
    "RRULE:FREQ=WEEKLY;COUNT=2\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def test_outlooks_customized_time_zone_is_read_from_its_vtimezone_block() -> None:
    text = CUSTOM_ZONE.format(tzid="Customized Time Zone", summer="+0200", winter="+0100")
    rows = [i for i in read_ics(text, window=WINDOW).items if isinstance(i, EventRow)]
    assert [(r.uid, r.starts_at) for r in rows] == [
        ("custom@cd06#20261022T140000", datetime(2026, 10, 22, 12, 0, tzinfo=UTC)),
        ("custom@cd06#20261029T140000", datetime(2026, 10, 29, 13, 0, tzinfo=UTC)),  # winter
    ]


def test_a_custom_zone_no_real_zone_keeps_is_read_from_its_own_definition() -> None:
    text = CUSTOM_ZONE.format(tzid="Heure de Mars", summer="+0317", winter="+0217")
    rows = [i for i in read_ics(text, window=WINDOW).items if isinstance(i, EventRow)]
    assert [r.starts_at for r in rows] == [
        datetime(2026, 10, 22, 10, 43, tzinfo=UTC),
        datetime(2026, 10, 29, 11, 43, tzinfo=UTC),
    ]


def test_a_whole_series_cancelled_after_import_names_its_coming_events(
    world: World, session_factory: Factory
) -> None:
    text = fixture("thunderbird.ics")
    run(session_factory, text)
    cancelled = text.replace(
        "SUMMARY:Café numérique du lundi\r\n",
        "SUMMARY:Café numérique du lundi\r\nSTATUS:CANCELLED\r\n",
    )
    report = run(session_factory, cancelled)
    assert report.skipped == 1
    assert [n.split(" is cancelled")[0] for n in report.notes] == [
        f"line 22: {THUNDERBIRD_CAFE}#{stamp}"
        for stamp in (
            "20261019T140000",
            "20261026T140000",
            "20261104T100000",
            "20261116T140000",
            "20261123T140000",
        )
    ]


def test_a_wall_clock_time_missing_or_doubled_on_a_dst_sunday_reads_as_rfc_5545_says() -> None:
    items = parse(
        "UID:night@cd06\r\nSUMMARY:Formation de nuit\r\nLOCATION:Smart Class\r\n"
        "DTSTART;TZID=Europe/Paris:20270327T023000\r\nDURATION:PT1H\r\n"
        "RRULE:FREQ=DAILY;COUNT=3\r\nRDATE;TZID=Europe/Paris:20261025T023000\r\n"
    )
    assert [(i.uid[-15:], i.starts_at) for i in items if isinstance(i, EventRow)] == [
        # 02:30 happens twice on 25 October 2026: the first one (summer time)
        ("20261025T023000", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        ("20270327T023000", datetime(2027, 3, 27, 1, 30, tzinfo=UTC)),
        # 02:30 does not exist on 28 March 2027: read with the offset before the gap (03:30)
        ("20270328T023000", datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),
        ("20270329T023000", datetime(2027, 3, 29, 0, 30, tzinfo=UTC)),
    ]


def test_an_all_day_occurrence_moved_by_an_override_written_in_another_zone_is_matched() -> None:
    """Outlook in New York writes the RECURRENCE-ID of a Paris all-day series at its own
    midnight: the day it names is the occurrence it replaces, not an extra one."""
    items = parse(
        "UID:day@cd06\r\nSUMMARY:Formation\r\nLOCATION:Smart Class\r\n"
        "DTSTART;VALUE=DATE:20260604\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:day@cd06\r\n"
        "RECURRENCE-ID;TZID=America/New_York:20260611T000000\r\n"
        "DTSTART;VALUE=DATE:20260612\r\nSUMMARY:Formation (décalée)\r\n"
    )
    rows = {i.uid: i for i in items if isinstance(i, EventRow)}
    assert sorted(rows) == ["day@cd06#20260604", "day@cd06#20260611", "day@cd06#20260618"]
    moved = rows["day@cd06#20260611"]
    assert (moved.title, moved.starts_at) == (
        "Formation (décalée)",
        datetime(2026, 6, 11, 22, 0, tzinfo=UTC),  # 12 June, midnight in Paris
    )
    assert moved.ends_at - moved.starts_at == timedelta(days=1)
