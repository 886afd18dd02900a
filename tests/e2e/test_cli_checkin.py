"""The check-in operator commands, run as an operator would: keys, imports, a ticket, the
export, a revocation — then the kiosk's own check-in service reads the code that was issued."""

from __future__ import annotations

import csv
import io
import stat
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.checkin.service import CheckinContext, CodeIdentity, check_in
from kiosk.codes import TicketVerifier, load_public_keys
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Event, Kiosk, Person
from kiosk.domain import CheckinOutcome, new_nonce
from kiosk.programme.tables import EventSource
from tests.e2e.test_cli import env, smartcorner  # noqa: F401  (the fixture)

PARIS = ZoneInfo("Europe/Paris")


def test_issue_import_check_in_export_and_revoke(env: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    data = tmp_path / "data"
    keys = smartcorner(env, "keys", "init")
    assert keys.returncode == 0, keys.stderr
    private = data / "keys" / "ticket-signing.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    again = smartcorner(env, "keys", "init")
    assert again.returncode == 1
    assert "invalidate every ticket" in again.stderr

    demo = smartcorner(env, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "check-ins" in demo.stdout
    assert "demo badges linked with the site key" in demo.stdout
    assert stat.S_IMODE((data / "site.key").stat().st_mode) == 0o600
    engine = create_db_engine(f"sqlite:///{data / 'smartcorner.sqlite3'}")
    factory = make_session_factory(engine)
    with factory() as s:
        agent = s.scalars(select(Person).where(Person.matricule.is_not(None))).first()
        assert agent is not None
        matricule, agent_id = agent.matricule, agent.id

    # An event open for check-in now, imported from a file with one bad row.
    start = (datetime.now(UTC) + timedelta(minutes=20)).astimezone(PARIS)
    events = tmp_path / "programme.csv"
    events.write_text(
        "uid;title;kind;starts_at;ends_at;space;capacity\n"
        f"e2e-1;Masterclass e2e;masterclass;{start:%d/%m/%Y %H:%M};"
        f"{start + timedelta(hours=1):%d/%m/%Y %H:%M};Smart Room;2\n"
        "e2e-2;Karaoké;karaoke;01/06/2026 10:00;01/06/2026 11:00;Smart Room;\n",
        encoding="cp1252",
    )
    imported = smartcorner(env, "import", "events", str(events))
    assert imported.returncode == 3, imported.stderr
    assert "1 created" in imported.stdout
    assert "1 rejected" in imported.stdout
    assert "programme.csv:3: unknown event kind 'karaoke'" in imported.stderr

    registrations = tmp_path / "inscrits.csv"
    registrations.write_text(
        f"event,matricule,first_name,last_name,organisation\ne2e-1,{matricule},,,\n",
        encoding="utf-8",
    )
    dry = smartcorner(env, "import", "registrations", str(registrations), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "1 created" in dry.stdout
    assert "dry run" in dry.stdout
    with factory() as s:
        event = s.scalar(select(Event).where(Event.title == "Masterclass e2e"))
        assert event is not None
        event_id = event.id
    refused = smartcorner(
        env, "ticket", "issue", "--event", str(event_id), "--person", str(agent_id)
    )
    assert refused.returncode == 1  # the dry run wrote nothing: no place, no code
    assert "no confirmed place" in refused.stderr
    assert smartcorner(env, "import", "registrations", str(registrations)).returncode == 0

    png = tmp_path / "ticket.png"
    issued = smartcorner(
        env,
        "ticket",
        "issue",
        "--event",
        str(event_id),
        "--person",
        str(agent_id),
        "--qr",
        str(png),
    )
    assert issued.returncode == 0, issued.stderr
    code = issued.stdout.strip()
    import zxingcpp
    from PIL import Image

    assert [b.text for b in zxingcpp.read_barcodes(Image.open(png))] == [code]

    verifier = TicketVerifier(load_public_keys(data / "keys" / "ticket-verify.pem"))
    with factory() as s:
        kiosk = s.scalar(select(Kiosk).where(Kiosk.code == "DEMO-ROOM"))
        assert kiosk is not None
        context = CheckinContext(site_id=kiosk.site_id, event_id=event_id, verifier=verifier)
        result = check_in(s, CodeIdentity(code), context, kiosk.id, datetime.now(UTC), new_nonce())
    assert result.outcome is CheckinOutcome.OK, result.detail

    exported = smartcorner(env, "export", "attendance", "--event", str(event_id), "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [(r["status"], r["method"], r["kiosk"]) for r in rows] == [("present", "qr", kiosk.name)]
    assert smartcorner(env, "export", "attendance", "--event", "999999").returncode == 1

    revoked = smartcorner(env, "ticket", "revoke", code, "--reason", "lost phone")
    assert revoked.returncode == 0, revoked.stderr
    with factory() as s:
        later = check_in(
            s,
            CodeIdentity(code),
            context,
            kiosk.id,
            datetime.now(UTC) + timedelta(seconds=10),
            new_nonce(),
        )
    assert later.outcome is CheckinOutcome.REVOKED_CODE
    engine.dispose()


def test_import_a_recurring_agenda_dry_run_then_for_real(
    env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    assert smartcorner(env, "demo").returncode == 0
    today = datetime.now(PARIS).date()
    thursday = today - timedelta(days=(today.weekday() - 3) % 7 + 7)  # a week or two ago
    agenda = tmp_path / "agenda.ics"
    agenda.write_bytes(
        "\r\n".join(
            [
                "BEGIN:VCALENDAR",
                "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
                "VERSION:2.0",
                "BEGIN:VEVENT",
                "UID:cafe-jeudi@cd06",
                "SUMMARY:Café numérique tous les jeudis",
                f'DTSTART;TZID="Romance Standard Time":{thursday:%Y%m%d}T140000',
                f'DTEND;TZID="Romance Standard Time":{thursday:%Y%m%d}T160000',
                "RRULE:FREQ=WEEKLY;BYDAY=TH;WKST=MO",
                "LOCATION:Smart Store",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:hourly@cd06",
                "SUMMARY:Formation toutes les heures",
                f"DTSTART;TZID=Europe/Paris:{thursday:%Y%m%d}T090000",
                f"DTEND;TZID=Europe/Paris:{thursday:%Y%m%d}T100000",
                "RRULE:FREQ=HOURLY;COUNT=8",
                "LOCATION:Smart Class",
                "END:VEVENT",
                "END:VCALENDAR",
                "",
            ]
        ).encode()
    )
    database = tmp_path / "data" / "smartcorner.sqlite3"

    def occurrences() -> list[str]:
        engine = create_db_engine(f"sqlite:///{database}")
        try:
            with make_session_factory(engine)() as s:
                return sorted(
                    s.scalars(select(EventSource.uid).where(EventSource.uid.like("cafe-jeudi%")))
                )
        finally:
            engine.dispose()

    horizon = datetime.now(UTC) + timedelta(days=40)
    until = horizon.astimezone(PARIS).date()
    expected = [
        f"cafe-jeudi@cd06#{day:%Y%m%d}T140000"
        for day in (thursday + timedelta(weeks=n) for n in range(12))
        if datetime.combine(day, time(14, 0), PARIS) >= datetime.now(UTC) - timedelta(days=1)
        and day <= until
    ]
    dry = smartcorner(
        env, "import", "events", str(agenda), "--until", f"{until:%d/%m/%Y}", "--dry-run"
    )
    assert dry.returncode == 3, dry.stderr  # the hourly rule is refused
    assert f"events: {len(expected)} created" in dry.stdout
    assert "(dry run: nothing written)" in dry.stdout
    assert (
        f"agenda.ics:4: series 'Café numérique tous les jeudis' (cafe-jeudi@cd06): "
        f"{len(expected)} occurrence(s)"
    ) in dry.stdout
    assert f"later ones (after {until:%d/%m/%Y}) are left for a later import" in dry.stdout
    assert "agenda.ics:12: recurring event refused: repeats hourly" in dry.stderr
    assert occurrences() == []

    real = smartcorner(env, "import", "events", str(agenda), "--until", f"{until:%d/%m/%Y}")
    assert real.returncode == 3, real.stderr
    assert occurrences() == expected
    again = smartcorner(env, "import", "events", str(agenda), "--until", f"{until:%d/%m/%Y}")
    assert f"0 created, 0 updated, {len(expected)} unchanged" in again.stdout
    default = smartcorner(env, "import", "events", str(agenda))  # twelve months ahead
    assert f"updated, {len(expected)} unchanged" in default.stdout
    assert len(occurrences()) > 50
    past = smartcorner(env, "import", "events", str(agenda), "--until", "01/01/2020")
    assert past.returncode == 1
    assert "--until: that day is already over" in past.stderr
    far = smartcorner(env, "import", "events", str(agenda), "--until", "31/12/2099")
    assert far.returncode == 1
    assert "--until: at most five years ahead" in far.stderr
