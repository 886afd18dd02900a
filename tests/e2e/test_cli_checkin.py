"""The check-in operator commands, run as an operator would: keys, imports, a ticket, the
export, a revocation — then the kiosk's own check-in service reads the code that was issued."""

from __future__ import annotations

import csv
import io
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.checkin import CheckinContext, CheckinOutcome, CodeIdentity, check_in, new_nonce
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Event, Kiosk, Person
from kiosk.tickets import TicketVerifier, load_public_keys
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
