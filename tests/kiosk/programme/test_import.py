"""Importing events (iCalendar, CSV) and registrations (CSV): bad rows named, good rows in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event as sa_event
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Event, Person, Registration
from kiosk.domain import EventKind, PersonKind, RegistrationStatus, Space
from kiosk.programme.importer import (
    ImportReport,
    import_events,
    import_file,
    import_registrations,
    parse_ics,
    parse_when,
    read_import_file,
)
from kiosk.programme.tables import EventSource
from tests.helpers.checkin_world import NOW, World
from tests.helpers.workbooks import workbook

type Factory = sessionmaker[Session]

EVENTS_CSV = """uid,title,kind,starts_at,ends_at,space,site,capacity,open_to_external
mc-1,Masterclass IA,masterclass,2026-06-04T10:00,2026-06-04T12:00,smart_room,,60,oui
cn-1,Café numérique,Café numérique,04/06/2026 08:45,09:45,Smart Store,,,non
bad-kind,Karaoké,karaoke,2026-06-04T10:00,2026-06-04T12:00,smart_room,,,
bad-date,Atelier,atelier,32/13/2026 10:00,11:00,smart_lab,,,
backwards,Formation,formation,2026-06-04T12:00,2026-06-04T10:00,smart_class,,,
tour-1,Café numérique à Menton,cafe_numerique,2026-06-05T09:00Z,2026-06-05T10:00Z,,MENT,20,oui
nowhere,Table ronde,table ronde,2026-06-05T14:00,2026-06-05T16:00,,XXX,,
mc-1,Masterclass IA (bis),masterclass,2026-06-04T14:00,2026-06-04T16:00,smart_room,,60,
zero,Atelier,atelier,2026-06-04T10:00,2026-06-04T12:00,smart_lab,,0,
"""


def imported(factory: Factory, what: str, text: str, *, filename: str = "x.csv") -> ImportReport:
    return import_file(factory, what, text.encode(), filename=filename, now=NOW)


def count(factory: Factory, model: type, *where: object) -> int:
    with factory() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def event_by_uid(factory: Factory, uid: str) -> Event:
    with factory() as s:
        event = s.scalar(
            select(Event)
            .join(EventSource, EventSource.event_id == Event.id)
            .where(EventSource.uid == uid)
        )
        assert event is not None, uid
        return event


# --- events CSV ----------------------------------------------------------------------------


def test_events_csv_good_rows_go_in_and_bad_rows_are_named_by_line(
    world: World, session_factory: Factory
) -> None:
    before = count(session_factory, Event)
    report = import_file(session_factory, "events", EVENTS_CSV.encode(), filename="p.csv", now=NOW)

    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    reasons = {e.line: e.reason for e in report.errors}
    assert sorted(reasons) == [4, 5, 6, 8, 9, 10]
    assert "unknown event kind 'karaoke'" in reasons[4]
    assert "not a date" in reasons[5]
    assert reasons[6] == "ends before it starts"
    assert "unknown site code 'XXX'" in reasons[8]
    assert "already on line 2" in reasons[9]
    assert "capacity" in reasons[10]
    assert count(session_factory, Event) == before + 3

    masterclass = event_by_uid(session_factory, "mc-1")
    assert masterclass.kind is EventKind.MASTERCLASS
    assert masterclass.space is Space.SMART_ROOM
    assert masterclass.site_id == world.site  # the single Smart Corner site by default
    assert masterclass.starts_at == datetime(
        2026, 6, 4, 8, 0, tzinfo=UTC
    )  # 10:00 Paris (summer), UTC
    assert (masterclass.capacity, masterclass.open_to_external) == (60, True)
    cafe = event_by_uid(session_factory, "cn-1")
    assert (cafe.kind, cafe.space, cafe.capacity) == (
        EventKind.CAFE_NUMERIQUE,
        Space.SMART_STORE,
        None,
    )
    assert cafe.ends_at == datetime(2026, 6, 4, 7, 45, tzinfo=UTC)  # "09:45" on the start's day
    tour = event_by_uid(session_factory, "tour-1")
    assert (tour.space, tour.site_id) == (Space.REMOTE_SITE, world.remote_site)
    assert tour.starts_at == datetime(2026, 6, 5, 9, 0, tzinfo=UTC)


def test_reimporting_the_same_file_changes_nothing_and_a_changed_row_updates(
    world: World, session_factory: Factory
) -> None:
    imported(session_factory, "events", EVENTS_CSV)
    ids = {uid: event_by_uid(session_factory, uid).id for uid in ("mc-1", "cn-1", "tour-1")}
    again = import_file(session_factory, "events", EVENTS_CSV.encode(), filename="p.csv", now=NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)

    changed = EVENTS_CSV.replace("Masterclass IA,", "Masterclass IA générative,")
    third = import_file(session_factory, "events", changed.encode(), filename="p.csv", now=NOW)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 2)
    assert event_by_uid(session_factory, "mc-1").title == "Masterclass IA générative"
    assert {uid: event_by_uid(session_factory, uid).id for uid in ids} == ids


def test_english_columns_are_optional_and_stored_empty_when_missing(
    world: World, session_factory: Factory
) -> None:
    with_english = (
        "uid,title,kind,starts_at,ends_at,space,title_en,description,description_en\n"
        "mc-1,Masterclass IA,masterclass,2026-06-04T10:00,2026-06-04T12:00,smart_room,"
        "AI masterclass,Pour tous,For everyone\n"
        "cn-1,Café numérique,cafe_numerique,2026-06-04T08:45,09:45,smart_store,,Un café,\n"
    )
    report = import_file(
        session_factory, "events", with_english.encode(), filename="p.csv", now=NOW
    )
    assert (report.created, report.errors) == (2, [])
    masterclass = event_by_uid(session_factory, "mc-1")
    assert (masterclass.title_en, masterclass.description_en) == ("AI masterclass", "For everyone")
    cafe = event_by_uid(session_factory, "cn-1")
    assert (cafe.title, cafe.title_en, cafe.description_en) == ("Café numérique", "", "")

    changed = with_english.replace("AI masterclass", "Masterclass on AI")
    again = import_file(session_factory, "events", changed.encode(), filename="p.csv", now=NOW)
    assert (again.updated, again.unchanged) == (1, 1)
    assert event_by_uid(session_factory, "mc-1").title_en == "Masterclass on AI"

    imported(session_factory, "events", EVENTS_CSV)  # no English columns at all
    tour = event_by_uid(session_factory, "tour-1")
    assert (tour.title, tour.title_en, tour.description_en) == ("Café numérique à Menton", "", "")


def test_semicolon_csv_saved_by_french_excel_in_windows_1252(
    world: World, session_factory: Factory
) -> None:
    text = (
        "uid;titre;title;kind;starts_at;ends_at;space\r\n"
        "f-1;x;Formation à l'accessibilité;formation;05/06/2026 09h00;12h00;Smart Class\r\n"
    )
    report = import_file(
        session_factory, "events", text.encode("cp1252"), filename="p.csv", now=NOW
    )
    assert report.created == 1, report.errors
    event = event_by_uid(session_factory, "f-1")
    assert event.title == "Formation à l'accessibilité"
    assert event.ends_at == datetime(2026, 6, 5, 10, 0, tzinfo=UTC)


def test_an_excel_workbook_imports_like_its_csv(world: World, session_factory: Factory) -> None:
    """Saved from Excel as it is, a title above the table; cells typed as Excel keeps them."""
    events = workbook(
        ["uid", "title", "kind", "starts_at", "ends_at", "space", "capacity", "open_to_external"],
        [
            [
                "x-1",
                "Atelier IA",
                "atelier",
                datetime(2026, 6, 4, 14, 0),
                datetime(2026, 6, 4, 16, 30),
                "Smart Lab",
                12,
                True,
            ],
            [
                "x-2",
                "Table ronde",
                "table ronde",
                datetime(2026, 6, 5, 9, 0),
                "10:00",
                "Smart Room",
                None,
                False,
            ],
            ["x-3", "Sans fin", "formation", datetime(2026, 6, 5, 9, 0), None, "Smart Room"],
            [
                "x-4",
                "Demi-place",
                "formation",
                datetime(2026, 6, 5, 9, 0),
                "10:00",
                "Smart Room",
                2.5,
            ],
        ],
        above=["Programme de juin 2026"],
    )
    report = import_file(session_factory, "events", events, filename="juin.xlsx", now=NOW)
    assert report.created == 2
    assert [(e.line, e.reason) for e in report.errors] == [  # rows as Excel numbers them
        (6, "missing date and time"),
        (7, "capacity must be a positive whole number, not '2.5'"),
    ]
    workshop = event_by_uid(session_factory, "x-1")
    assert workshop.starts_at == datetime(2026, 6, 4, 12, 0, tzinfo=UTC)  # 14:00 Paris
    assert workshop.ends_at == datetime(2026, 6, 4, 14, 30, tzinfo=UTC)
    assert (workshop.space, workshop.capacity, workshop.open_to_external) == (
        Space.SMART_LAB, 12, True,
    )  # fmt: skip
    assert event_by_uid(session_factory, "x-2").ends_at == datetime(2026, 6, 5, 8, 0, tzinfo=UTC)

    people = workbook(["event", "matricule", "status"], [["x-1", "A000004", "Inscrit"]])
    report = import_file(session_factory, "registrations", people, filename="i.xlsx", now=NOW)
    assert (report.created, report.errors) == (1, [])


def test_missing_columns_and_ragged_rows_are_reported(
    world: World, session_factory: Factory
) -> None:
    report = imported(session_factory, "events", "uid,title\nx,y\n")
    assert [str(e) for e in report.errors] == [
        "line 1: missing column(s): kind, starts_at, ends_at"
    ]
    ragged = EVENTS_CSV.splitlines()[0] + "\na,b,c\n"
    report = imported(session_factory, "events", ragged)
    assert [str(e) for e in report.errors] == ["line 2: 3 cells for 9 columns"]


def test_a_quoted_cell_over_two_lines_keeps_the_line_numbers_of_the_file(
    world: World, session_factory: Factory
) -> None:
    text = (
        "uid,title,kind,starts_at,ends_at,space,description\n"
        'a,Atelier,atelier,2026-06-04T10:00,2026-06-04T12:00,smart_lab,"deux\nlignes"\n'
        "b,Atelier,karaoke,2026-06-04T10:00,2026-06-04T12:00,smart_lab,\n"
    )
    report = imported(session_factory, "events", text)
    assert [e.line for e in report.errors] == [4]
    assert event_by_uid(session_factory, "a").description == "deux\nlignes"


def test_nothing_is_written_when_the_import_fails_half_way(
    world: World, session_factory: Factory
) -> None:
    before = count(session_factory, Event)
    flushes = 0

    def fail_on_the_second_flush(session: Session, *_: object) -> None:
        # the first writes the new events, the second their external ids
        nonlocal flushes
        flushes += 1
        if flushes == 2:
            raise RuntimeError("disk full")

    sa_event.listen(Session, "before_flush", fail_on_the_second_flush)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            imported(session_factory, "events", EVENTS_CSV)
    finally:
        sa_event.remove(Session, "before_flush", fail_on_the_second_flush)
    assert flushes == 2
    assert count(session_factory, Event) == before
    assert count(session_factory, EventSource) == 0


def test_dry_run_reports_and_writes_nothing(world: World, session_factory: Factory) -> None:
    before = count(session_factory, Event)
    report = import_file(
        session_factory, "events", EVENTS_CSV.encode(), filename="p.csv", now=NOW, dry_run=True
    )
    assert report.created == 3
    assert count(session_factory, Event) == before


def test_parse_when_reads_iso_and_french_times_in_paris_time() -> None:
    assert parse_when("2026-01-15T10:00") == datetime(2026, 1, 15, 9, 0, tzinfo=UTC)  # winter
    assert parse_when("15/01/2026 10h30") == datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
    assert parse_when("2026-01-15T10:00+00:00") == datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


# --- iCalendar -----------------------------------------------------------------------------

ICS = (
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Romance Standard Time\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"  # line 7
    "UID:040000008200E00074C5B7101A82E008-1\r\n"
    "SUMMARY:Masterclass : l'IA au service\r\n"
    "  des agents\\, en pratique\r\n"
    "DTSTART;TZID=Romance Standard Time:20260604T100000\r\n"
    "DTEND;TZID=Romance Standard Time:20260604T120000\r\n"
    "LOCATION:Smart Room (CADAM)\r\n"
    "DESCRIPTION:Ligne 1\\nLigne 2\r\n"
    "X-SMARTCORNER-CAPACITY:60\r\n"
    "BEGIN:VALARM\r\n"
    "TRIGGER:-PT15M\r\n"
    "DESCRIPTION:Rappel\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"  # line 21
    "UID:cafe-2026-06-05@cd06\r\n"
    "SUMMARY:Rencontre du matin\r\n"
    "CATEGORIES:Café numérique,Numérique\r\n"
    "DTSTART:20260605T064500Z\r\n"
    "DURATION:PT1H\r\n"
    "X-SMARTCORNER-SPACE:smart_store\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"  # line 29
    "UID:hourly@cd06\r\n"
    "SUMMARY:Atelier technologique toutes les heures\r\n"
    "DTSTART;TZID=Europe/Paris:20260604T140000\r\n"
    "DTEND;TZID=Europe/Paris:20260604T150000\r\n"
    "RRULE:FREQ=HOURLY;COUNT=4\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"  # line 36
    "UID:cancelled@cd06\r\n"
    "SUMMARY:Formation annulée\r\n"
    "STATUS:CANCELLED\r\n"
    "DTSTART:20260606T080000Z\r\n"
    "DTEND:20260606T100000Z\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"  # line 43
    "UID:tour@cd06\r\n"
    "SUMMARY:Table ronde itinérante\r\n"
    "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:20260611T143000\r\n"
    "DTEND;TZID=/mozilla.org/20050126_1/Europe/Paris:20260611T163000\r\n"
    "LOCATION:Salle du conseil\\, Menton\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"  # line 50
    "UID:nokind@cd06\r\n"
    "SUMMARY:Réunion de service\r\n"
    "DTSTART:20260612T080000Z\r\n"
    "DTEND:20260612T090000Z\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"  # line 56
    "UID:cut@cd06\r\n"
    "SUMMARY:Formation coupée\r\n"
)


def test_ics_from_outlook_imports_events_and_names_what_it_refuses(
    world: World, session_factory: Factory
) -> None:
    report = import_file(session_factory, "events", ICS.encode(), filename="agenda.ics", now=NOW)

    assert (report.created, report.skipped) == (3, 1)
    reasons = {e.line: e.reason for e in report.errors}
    assert sorted(reasons) == [29, 50, 56]
    assert reasons[29] == (
        "recurring event refused: repeats hourly (FREQ=HOURLY): not an agenda series"
    )
    assert "kind" in reasons[50]
    assert "END:VEVENT missing" in reasons[56]

    masterclass = event_by_uid(session_factory, "040000008200E00074C5B7101A82E008-1")
    assert masterclass.title == "Masterclass : l'IA au service des agents, en pratique"
    assert masterclass.kind is EventKind.MASTERCLASS  # from the summary's words
    assert masterclass.space is Space.SMART_ROOM  # from LOCATION
    assert masterclass.starts_at == datetime(
        2026, 6, 4, 8, 0, tzinfo=UTC
    )  # Romance Standard Time = Paris
    assert masterclass.description == "Ligne 1\nLigne 2"  # not the alarm's DESCRIPTION
    assert masterclass.capacity == 60
    cafe = event_by_uid(session_factory, "cafe-2026-06-05@cd06")
    assert cafe.kind is EventKind.CAFE_NUMERIQUE  # from CATEGORIES
    assert (cafe.starts_at, cafe.ends_at) == (
        datetime(2026, 6, 5, 6, 45, tzinfo=UTC),
        datetime(2026, 6, 5, 7, 45, tzinfo=UTC),
    )
    tour = event_by_uid(session_factory, "tour@cd06")
    assert (tour.space, tour.site_id) == (Space.REMOTE_SITE, world.remote_site)  # town in LOCATION
    assert tour.starts_at == datetime(2026, 6, 11, 12, 30, tzinfo=UTC)

    again = import_file(session_factory, "events", ICS.encode(), filename="agenda.ics", now=NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_text_that_is_not_icalendar_is_one_error() -> None:
    assert [str(e) for e in parse_ics("hello\nworld")] == ["line 1: not an iCalendar file"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_garbage_ics_never_crashes(text: str) -> None:
    for item in parse_ics("BEGIN:VCALENDAR\nBEGIN:VEVENT\n" + text):
        assert item.line >= 1


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_garbage_files_never_crash_and_never_write(session_factory: Factory, data: bytes) -> None:
    header = b"uid,title,kind,starts_at,ends_at\n"
    for what, payload in (("events", header + data), ("registrations", b"event\n" + data)):
        report = import_file(session_factory, what, payload, filename="g.csv", now=NOW)
        assert report.created == report.updated == 0
    assert read_import_file(data) is not None


# --- registrations -------------------------------------------------------------------------


def test_registrations_by_matricule_email_and_visitor(
    world: World, session_factory: Factory
) -> None:
    imported(session_factory, "events", EVENTS_CSV)
    text = (
        "event,matricule,email,first_name,last_name,organisation,status\n"
        "mc-1,a000004,,,,,\n"  # Dan by matricule (any case)
        "mc-1,,BOB@example.fr,,,,\n"  # Bob by e-mail
        "mc-1,,jeanne@mairie.fr,Jeanne,Roussel,Mairie de Grasse,\n"  # a new visitor
        "mc-1,,,Véra,ROUX,mairie de nice,liste d'attente\n"  # the known visitor, by name
        "mc-1,A999999,,,,,\n"
        "mc-1,A000006,,,,,\n"  # Ivan is inactive
        "nope,A000001,,,,,\n"
        "mc-1,,,,,,\n"
        f"{world.masterclass},,,Jeanne,Roussel,Mairie de Grasse,\n"  # agents only
        "mc-1,A000004,,,,,\n"  # Dan again
        "mc-1,A000001,,,,,annulé\n"
        "mc-1,A000002,,,,,peut-être\n"
    )
    report = imported(session_factory, "registrations", text)
    assert (report.created, report.updated, report.unchanged) == (5, 0, 0)
    reasons = {e.line: e.reason for e in report.errors}
    assert sorted(reasons) == [6, 7, 8, 9, 10, 11, 13]
    assert "no agent with matricule 'A999999'" in reasons[6]
    assert "no longer active" in reasons[7]
    assert "unknown event 'nope'" in reasons[8]
    assert "no matricule" in reasons[9]
    assert "agents only" in reasons[10]
    assert "same person and event as line 2" in reasons[11]
    assert "unknown status" in reasons[13]

    mc = event_by_uid(session_factory, "mc-1").id
    with session_factory() as s:
        statuses = dict(
            s.execute(
                select(Person.first_name, Registration.status)
                .join(Registration, Registration.person_id == Person.id)
                .where(Registration.event_id == mc)
            ).all()
        )
        jeanne = s.scalar(select(Person).where(Person.last_name == "Roussel"))
    assert statuses == {
        "Dan": RegistrationStatus.CONFIRMED,
        "Bob": RegistrationStatus.CONFIRMED,
        "Jeanne": RegistrationStatus.CONFIRMED,
        "Véra": RegistrationStatus.WAITING_LIST,
        "Alice": RegistrationStatus.CANCELLED,
    }
    assert jeanne is not None
    assert (jeanne.kind, jeanne.organisation, jeanne.email) == (
        PersonKind.VISITOR,
        "Mairie de Grasse",
        "jeanne@mairie.fr",
    )

    people = count(session_factory, Person)
    again = imported(session_factory, "registrations", text)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert count(session_factory, Person) == people  # the visitor is found, not made twice

    promoted = imported(
        session_factory,
        "registrations",
        "event,last_name,first_name,organisation,status\nmc-1,Roux,Vera,Mairie de Nice,confirmed\n",
    )
    assert promoted.updated == 1


def test_registrations_in_the_callers_session_only_flush(
    world: World, session_factory: Factory
) -> None:
    with session_factory() as s:
        report = import_registrations(s, f"event,matricule\n{world.workshop},A000004\n", now=NOW)
        assert report.created == 1
        s.rollback()
    assert (
        count(session_factory, Registration, Registration.person_id == world.dan) == 1
    )  # cancelled formation only
    with session_factory() as s:
        assert import_events(s, "", filename="e.csv", now=NOW).errors[0].reason == "empty file"
