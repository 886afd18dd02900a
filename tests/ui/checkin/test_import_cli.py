"""``smartcorner import events``: several files, one progress line per file off a terminal,
the settings' event-type words and ``--type`` as the default."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Event, Registration
from kiosk.domain import EventKind, RegistrationStatus
from kiosk.signup.notices import pending_for
from kiosk.signup.registration import sign_up
from kiosk.signup.tables import NoticeKind
from tests.helpers.checkin_world import World
from ui.cli.main import main

AGENDA = (
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{title}\r\nLOCATION:Smart Lab\r\n"
    "DTSTART;TZID=Europe/Paris:20991203T140000\r\nDTEND;TZID=Europe/Paris:20991203T160000\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def agenda(folder: Path, name: str, uid: str, title: str) -> Path:
    path = folder / name
    path.write_text(AGENDA.format(uid=uid, title=title), encoding="utf-8")
    return path


def kinds(factory: sessionmaker[Session]) -> dict[str, EventKind]:
    with factory() as s:
        return {e.title: e.kind for e in s.scalars(select(Event).where(Event.title.like("%9%")))}


def test_words_from_the_settings_then_the_type_given_name_the_event_type(
    world: World,
    session_factory: sessionmaker[Session],
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SMARTCORNER_DB", sqlite_url)
    monkeypatch.setenv(
        "SMARTCORNER_EVENT_TYPES", "Hackathon=atelier_technologique,Webinaire=formation"
    )
    files = [
        agenda(tmp_path, "a.ics", "a@x", "Webinaire 99"),  # words of the setting
        agenda(tmp_path, "b.ics", "b@x", "Hackathon 99"),  # (it replaces the defaults)
        agenda(tmp_path, "c.ics", "c@x", "Réunion 99"),  # names no type
    ]
    assert main(["import", "events", *map(str, files)]) == 3  # c.ics: one row refused
    err = capsys.readouterr().err
    assert "[1/3] " in err
    assert "[3/3] " in err  # one line per file when not on a terminal
    assert "cannot tell the event kind of 'Réunion 99'" in err
    assert kinds(session_factory) == {
        "Webinaire 99": EventKind.FORMATION,
        "Hackathon 99": EventKind.ATELIER_TECHNOLOGIQUE,
    }
    assert main(["import", "events", str(files[2]), "--type", "cafe_numerique"]) == 0
    assert kinds(session_factory)["Réunion 99"] is EventKind.CAFE_NUMERIQUE


PROGRAMME = (
    "uid,title,kind,space,starts_at,ends_at,capacity,open_to_external\n"
    "w@x,Masterclass 99,masterclass,smart_room,2099-12-03T14:00,2099-12-03T16:00,{capacity},oui\n"
)


def test_places_an_import_frees_go_to_those_waiting_in_order(
    world: World,
    session_factory: sessionmaker[Session],
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SMARTCORNER_DB", sqlite_url)
    programme = tmp_path / "programme.csv"
    programme.write_text(PROGRAMME.format(capacity=1), encoding="utf-8")
    assert main(["import", "events", str(programme)]) == 0
    with session_factory() as s:
        event = s.scalars(select(Event.id).where(Event.title == "Masterclass 99")).one()
    now = datetime.now(UTC)
    for minute, person in enumerate((world.dan, world.bob, world.alice)):
        with session_factory() as s:
            sign_up(s, person, event, now + timedelta(minutes=minute))
    capsys.readouterr()

    programme.write_text(PROGRAMME.format(capacity=2), encoding="utf-8")
    assert main(["import", "events", "--dry-run", str(programme)]) == 0
    assert "promoted" not in capsys.readouterr().out  # a dry run writes nothing
    assert main(["import", "events", str(programme)]) == 0
    assert f"event {event}: 1 promoted from the waiting list" in capsys.readouterr().out
    with session_factory() as s:
        statuses = dict(
            s.execute(
                select(Registration.person_id, Registration.status).where(
                    Registration.event_id == event
                )
            ).all()
        )
        told = pending_for(s, world.bob)
    assert statuses == {
        world.dan: RegistrationStatus.CONFIRMED,
        world.bob: RegistrationStatus.CONFIRMED,  # the first one waiting
        world.alice: RegistrationStatus.WAITING_LIST,
    }
    assert [n.kind for n in told] == [NoticeKind.PROMOTED]
