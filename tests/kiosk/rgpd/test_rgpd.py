"""RGPD: retention purge, right of access, and no raw badge UID anywhere on disk."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import BadgeIdentity, CheckinContext, PersonIdentity, check_in
from kiosk.checkin.tables import Attendance, CheckinRecord
from kiosk.db.models import Badge, Person, Registration
from kiosk.domain import CheckinOutcome, Space
from kiosk.identity import badge_hash, link_badge
from kiosk.rgpd.person_export import PersonNotFoundError, export_person
from kiosk.rgpd.retention import KINDS, RULES, periods, purge
from kiosk.settings import SettingsError, load_settings
from kiosk.signup.notices import declined_notice, enqueue_notice
from kiosk.signup.tables import Notice, NoticeKind
from tests.helpers.checkin_world import ALICE_UID, NOW, SITE_KEY, World, build_world


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return build_world(session_factory)


def scan(factory: sessionmaker[Session], world: World, identity: object, at=NOW) -> CheckinOutcome:  # type: ignore[no-untyped-def]
    with factory() as session:
        context = CheckinContext(site_id=world.site, space=Space.SMART_ROOM)
        result = check_in(session, identity, context, world.kiosk, at, uuid.uuid4().hex)  # type: ignore[arg-type]
        return result.outcome


def count(factory: sessionmaker[Session], model: type) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_every_rule_has_a_default_and_settings_override_by_kind(tmp_path: Path) -> None:
    assert set(periods({})) == set(KINDS)
    assert periods({"checkins": 400})["checkins"] == 400
    env = {
        "SMARTCORNER_DATA_DIR": str(tmp_path),
        "SMARTCORNER_RETENTION": "checkins=400, visitors=90",
    }
    assert load_settings(env).retention == {"checkins": 400, "visitors": 90}
    env["SMARTCORNER_RETENTION"] = "forever=1"
    with pytest.raises(SettingsError, match="SMARTCORNER_RETENTION"):
        load_settings(env)
    assert all(rule.label and rule.default_days > 0 for rule in RULES)


def test_purge_deletes_only_what_is_older_and_keeps_links_consistent(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    old = NOW - timedelta(days=4 * 365)
    assert (
        scan(session_factory, world, BadgeIdentity(world.alice_badge), at=NOW) is CheckinOutcome.OK
    )
    # An old refused scan and an old ok check-in of somebody else, recorded back then.
    assert (
        scan(session_factory, world, BadgeIdentity(world.unknown_badge), at=old)
        is CheckinOutcome.UNKNOWN_BADGE
    )
    with session_factory() as session:
        session.add(
            CheckinRecord(
                nonce=uuid.uuid4().hex,
                kiosk_id=world.kiosk,
                at=old,
                method="manual",
                outcome="ok",
                event_id=world.masterclass,
                person_id=world.dan,
                identity_key=f"p:{world.dan}",
            )
        )
        session.flush()
        record = session.scalar(
            select(CheckinRecord.id).where(CheckinRecord.person_id == world.dan)
        )
        session.add(
            Attendance(
                event_id=world.masterclass,
                person_id=world.dan,
                checkin_id=record,
                at=old,
                kiosk_id=world.kiosk,
                method="manual",
            )
        )
        session.commit()  # fmt: skip
    before = (count(session_factory, CheckinRecord), count(session_factory, Attendance))

    dry = {line.kind: line for line in purge(engine, NOW, {}, dry_run=True)}
    assert dry["refused_scans"].rows == 1
    assert dry["checkins"].rows == 2  # the refused one is older than both periods
    assert (count(session_factory, CheckinRecord), count(session_factory, Attendance)) == before

    done = {line.kind: line for line in purge(engine, NOW, {}, dry_run=False)}
    assert done["refused_scans"].rows == 1
    assert done["checkins"].rows == 1
    assert done["checkins"].dependent_rows == 1  # its attendance
    assert done["handovers"].rows is None or done["handovers"].rows == 0
    with session_factory() as session:
        left = session.execute(select(CheckinRecord.person_id, CheckinRecord.outcome)).all()
        assert left == [(world.alice, "ok")]
        assert session.scalar(select(func.count()).select_from(Attendance)) == 1
    again = {line.kind: line.rows for line in purge(engine, NOW, {}, dry_run=False)}
    assert again["checkins"] == 0
    assert again["refused_scans"] == 0


def test_stale_visitors_go_but_their_counted_checkins_stay_anonymous(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    later = NOW + timedelta(days=2 * 365)
    with session_factory() as session:
        # Vera came to an event back then (registered and checked in by staff).
        session.add(
            Registration(
                event_id=world.masterclass, person_id=world.vera, status="confirmed", created_at=NOW
            )
        )
        session.commit()  # fmt: skip
    assert (
        scan(session_factory, world, PersonIdentity(world.vera, world.staff)) is CheckinOutcome.OK
    )
    lines = {line.kind: line for line in purge(engine, later, {"checkins": 3650}, dry_run=False)}
    assert lines["visitors"].rows == 1
    with session_factory() as session:
        assert session.get(Person, world.vera) is None
        assert session.get(Person, world.alice) is not None  # agents are not visitors
        kept = session.execute(select(CheckinRecord.person_id, CheckinRecord.outcome)).all()
        assert (None, "ok") in kept  # still counted in the statistics, nobody's any more


def test_export_person_follows_every_reference(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    scan(session_factory, world, BadgeIdentity(world.alice_badge))
    data = export_person(engine, world.alice, generated_at=NOW)
    text = json.dumps(data, ensure_ascii=False)
    assert data["person"]["id"] == world.alice
    assert {"registration", "checkin", "attendance", "badge"} <= set(data["records"])
    assert data["records"]["badge"][0]["hash"] == world.alice_badge
    assert ALICE_UID.hex() not in text.lower()
    assert all(r["person_id"] == world.alice for r in data["records"]["registration"])
    with pytest.raises(PersonNotFoundError):
        export_person(engine, 999_999, generated_at=NOW)


def test_no_raw_badge_uid_in_the_database_files(
    engine: Engine, session_factory: sessionmaker[Session], world: World, sqlite_url: str
) -> None:
    """Check-ins, a visit and a badge link on a real SQLite file: the UID's bytes are nowhere."""
    uid = bytes.fromhex("04d1e2f3a4b5c6")
    hashed = badge_hash(SITE_KEY, uid)
    with session_factory() as session:
        link_badge(session, hashed, world.dan, now=NOW, nonce=uuid.uuid4().hex,
                   kiosk_id=world.kiosk, linked_by_id=world.staff)  # fmt: skip
        session.commit()
    scan(session_factory, world, BadgeIdentity(world.alice_badge))
    for _ in range(3):
        scan(session_factory, world, BadgeIdentity(hashed))
    assert count(session_factory, Badge) >= 2
    database = Path(sqlite_url.removeprefix("sqlite:///"))
    files = [p for p in database.parent.iterdir() if p.name.startswith(database.name)]
    blob = b"".join(p.read_bytes() for p in files)
    assert hashed.encode() in blob  # the scan reached the files: the check is not vacuous
    for needle in (
        uid,
        ALICE_UID,
        uid.hex().encode(),
        uid.hex().upper().encode(),
        ALICE_UID.hex().encode(),
        ALICE_UID.hex().upper().encode(),
    ):
        assert needle not in blob, needle  # fmt: skip


def _notice(session: Session, person_id: int, key: str, at: datetime) -> None:
    subject, body = declined_notice("DEM-AB12", ["Écran 27 pouces"], "réservé aux encadrants")
    assert enqueue_notice(
        session, kind=NoticeKind.DECLINED, key=key, person_id=person_id,
        subject=subject, body=body, now=at,
    )  # fmt: skip


def test_the_mail_outbox_is_purged_after_its_period_and_only_then(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as session:
        _notice(session, world.alice, "declined:1", NOW - timedelta(days=400))
        _notice(session, world.alice, "declined:2", NOW - timedelta(days=10))
        session.commit()
    dry = {line.kind: line for line in purge(engine, NOW, {}, dry_run=True)}
    assert dry["notices"].rows == 1
    assert dry["notices"].days == 365
    assert count(session_factory, Notice) == 2
    purge(engine, NOW, {"notices": 30}, dry_run=False)
    with session_factory() as session:
        assert session.scalars(select(Notice.key)).all() == ["declined:2"]
    purge(engine, NOW, {"notices": 5}, dry_run=False)
    assert count(session_factory, Notice) == 0


def test_export_person_includes_the_messages_queued_for_them_and_no_one_elses(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as session:
        _notice(session, world.alice, "declined:1", NOW)
        _notice(session, world.dan, "declined:2", NOW)
        session.commit()
    data = export_person(engine, world.alice, generated_at=NOW)
    [mine] = data["records"]["notice"]
    assert mine["key"] == "declined:1"
    assert mine["person_id"] == world.alice
    assert "Motif\u202f: réservé aux encadrants" in mine["body"]
