"""Check-in history for the demo data set, and the demo agents' badges.

:func:`seed_checkins` (in ``CAPABILITY_SEEDS``) fills the ledger and attendance of the
programme the base seed made: most confirmed people came to past events (badge, code or picked
by staff, a little before the start, some late), a few scans were refused (an unknown badge, a
second tap), and the spaces were visited outside events on working days — the quarterly
"fréquentation" figures. Today looks as it does at 10:00: the morning café numérique has been
checked in and the masterclass is filling up, so the room kiosk and the staff door screen show
a day in progress. Only check-in tables are written: the base seed's events and registrations
are left exactly as its summary counts them.

Badges are not seeded there: the kiosk stores HMAC(site key, UID), and the site key belongs to
the kiosk, not to the seed. :func:`link_demo_badges` links every active demo agent's
:func:`kiosk.identity.demo_badge_uid` with a given key (``smartcorner demo`` calls it), which is
what the "Simuler un badge" screen taps.
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit
from kiosk.db.demo import DEMO_KIOSKS, DemoBase
from kiosk.db.models import Badge, Event, Kiosk, Person, Registration
from kiosk.domain import (
    PARIS,
    CheckinMethod,
    CheckinOutcome,
    PersonKind,
    RegistrationStatus,
    Space,
    new_nonce,
)
from kiosk.identity import badge_hash, demo_badge_uid

SEED_SALT: Final = 4  # issue 4: this extension's own random stream
SHOW_UP: Final = {PersonKind.AGENT: 0.82, PersonKind.VISITOR: 0.7}
TODAY_AS_AT: Final = time(10)  # today's check-ins are those of a morning up to 10:00
EARLIEST_OPENING: Final = timedelta(minutes=60)  # the demo events' check-in opening
TODAY_SHOW_UP: Final = 0.45  # of the people expected at an event whose window is open at 10:00
METHODS: Final = (
    (CheckinMethod.BADGE, 0.62),
    (CheckinMethod.QR, 0.28),
    (CheckinMethod.MANUAL, 0.10),
)
UNKNOWN_BADGE_RATE: Final = 0.03  # per expected person: a card nobody has linked yet
SECOND_TAP_RATE: Final = 0.05  # a present person taps again later (amber verdict)
# Visits of a space outside events, per working day: (space, kiosk code, low, high).
VISITS: Final = (
    (Space.SMART_STORE, "DEMO-STORE", 8, 30),
    (Space.SMART_ROOM, "DEMO-ROOM", 2, 10),
)


def seed_checkins(session: Session, base: DemoBase) -> dict[str, int]:
    """The check-in history of the demo programme (see the module docstring)."""
    rng = random.Random(base.seed * 1000 + SEED_SALT)
    kiosk_of_space = {
        Space.SMART_ROOM: base.kiosk_ids["DEMO-ROOM"],
        Space.REMOTE_SITE: base.kiosk_ids["DEMO-TOUR"],
    }
    default_kiosk = base.kiosk_ids["DEMO-STORE"]
    day_start = datetime.combine(base.today, time(0), PARIS).astimezone(UTC)
    as_at = datetime.combine(base.today, TODAY_AS_AT, PARIS).astimezone(UTC)
    events = session.execute(
        select(Event.id, Event.space, Event.starts_at, Event.ends_at)
        .where(Event.id.in_(base.event_ids), Event.starts_at <= as_at + EARLIEST_OPENING)
        .order_by(Event.starts_at, Event.id)
    ).all()
    expected: dict[int, list[tuple[int, PersonKind]]] = {}
    for event_id, person_id, kind in session.execute(
        select(Registration.event_id, Registration.person_id, Person.kind)
        .join(Person, Person.id == Registration.person_id)
        .where(
            Registration.status == RegistrationStatus.CONFIRMED,
            Registration.event_id.in_([e.id for e in events]),
        )
        .order_by(Registration.event_id, Registration.person_id)
    ):
        expected.setdefault(event_id, []).append((person_id, kind))

    ledger: list[dict[str, Any]] = []
    admitted: list[tuple[int, int]] = []  # (index in ledger, event id) of the ok scans
    for event_id, space, starts_at, ends_at in events:
        kiosk = kiosk_of_space.get(space, default_kiosk)
        today = starts_at >= day_start
        if today and starts_at - EARLIEST_OPENING > as_at:
            continue
        for person_id, kind in expected.get(event_id, []):
            if rng.random() < UNKNOWN_BADGE_RATE:
                at = _arrival(rng, starts_at, ends_at)
                if not today or at <= as_at:
                    ledger.append(
                        _scan(rng, kiosk, at, CheckinOutcome.UNKNOWN_BADGE, event_id, None)
                    )
            if rng.random() >= (TODAY_SHOW_UP if today else SHOW_UP[kind]):
                continue
            at = _arrival(rng, starts_at, ends_at)
            if today and at > as_at:
                continue
            method = _method(rng, kind)
            admitted.append((len(ledger), event_id))
            ledger.append(_scan(rng, kiosk, at, CheckinOutcome.OK, event_id, person_id, method))
            if rng.random() < SECOND_TAP_RATE:
                again = at + timedelta(minutes=rng.uniform(1, 20))
                if not today or again <= as_at:
                    ledger.append(
                        _scan(
                            rng,
                            kiosk,
                            again,
                            CheckinOutcome.ALREADY_CHECKED_IN,
                            event_id,
                            person_id,
                            method,
                        )
                    )
    ids = _insert_ids(session, ledger)
    attendance = [
        {
            "event_id": event_id,
            "person_id": ledger[i]["person_id"],
            "checkin_id": ids[i],
            "at": ledger[i]["at"],
            "kiosk_id": ledger[i]["kiosk_id"],
            "method": ledger[i]["method"],
        }
        for i, event_id in admitted
    ]
    if attendance:
        _bulk_insert(session, Attendance, attendance)
    visits = _space_visits(rng, session, base)
    if visits:
        _bulk_insert(session, SpaceVisit, visits)
    return {
        "check-ins": len(attendance),
        "other scans": len(ledger) - len(attendance),
        "space visits": len(visits),
    }


def _arrival(rng: random.Random, starts_at: datetime, ends_at: datetime) -> datetime:
    """Most arrive in the half hour before the start; one in eight is late."""
    if rng.random() < 0.125:
        late = min(timedelta(minutes=rng.uniform(1, 25)), (ends_at - starts_at) / 2)
        return starts_at + late
    return starts_at - timedelta(minutes=rng.uniform(1, 35))


def _method(rng: random.Random, kind: PersonKind) -> CheckinMethod:
    if kind is PersonKind.VISITOR:  # no badge: the emailed code, or a name search at the door
        return CheckinMethod.QR if rng.random() < 0.75 else CheckinMethod.MANUAL
    return rng.choices([m for m, _ in METHODS], [w for _, w in METHODS])[0]


def _scan(
    rng: random.Random,
    kiosk_id: int,
    at: datetime,
    outcome: CheckinOutcome,
    event_id: int | None,
    person_id: int | None,
    method: CheckinMethod = CheckinMethod.BADGE,
) -> dict[str, Any]:
    if person_id is None:  # an unlinked card: its hash says nothing about anyone
        key = f"b:{rng.getrandbits(256):064x}"
    elif method is CheckinMethod.BADGE:
        key = "b:" + hashlib.sha256(f"demo-badge:{person_id}".encode()).hexdigest()
    elif method is CheckinMethod.QR:
        key = "q:" + hashlib.sha256(f"demo-code:{event_id}:{person_id}".encode()).hexdigest()[:40]
    else:
        key = f"p:{person_id}"
    return {
        "nonce": f"{rng.getrandbits(128):032x}",
        "kiosk_id": kiosk_id,
        "at": at,
        "method": method,
        "outcome": outcome,
        "event_id": event_id,
        "person_id": person_id,
        "identity_key": key,
        "related_event_id": None,
        "staff_id": None,
        "detail": "",
    }


def _space_visits(rng: random.Random, session: Session, base: DemoBase) -> list[dict[str, Any]]:
    """Badges tapped at a space's entrance outside events, on past working days."""
    agents = list(
        session.scalars(
            select(Person.id)
            .where(Person.id.in_(base.agent_ids), Person.active.is_(True))
            .order_by(Person.id)
        )
    )
    quarter = date(base.today.year, 3 * ((base.today.month - 1) // 3) + 1, 1)
    day = date(quarter.year - (quarter.month == 1), (quarter.month - 4) % 12 + 1, 1)
    rows: list[dict[str, Any]] = []
    while day < base.today:
        if day.weekday() < 5:
            for space, kiosk_code, low, high in VISITS:
                for person_id in rng.sample(agents, rng.randint(low, high)):
                    at = datetime.combine(
                        day, time(rng.randint(8, 17), rng.randint(0, 59)), PARIS
                    ).astimezone(UTC)
                    rows.append(
                        {
                            "nonce": f"{rng.getrandbits(128):032x}",
                            "kiosk_id": base.kiosk_ids[kiosk_code],
                            "at": at,
                            "day": day,
                            "person_id": person_id,
                            "site_id": base.cadam_site_id,
                            "space": space,
                        }
                    )
        day += timedelta(days=1)
    return rows


def _bulk_insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """A Core executemany: the ORM's bulk path costs several times more per row here."""
    table: Table = model.__table__
    session.connection().execute(insert(table), rows)


def _insert_ids(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ledger rows; their ids, in order (found by nonce: a plain executemany is several
    times faster than INSERT ... RETURNING with ordered parameters)."""
    if not rows:
        return []
    _bulk_insert(session, CheckinRecord, rows)
    ids = {
        nonce: id_ for nonce, id_ in session.execute(select(CheckinRecord.nonce, CheckinRecord.id))
    }
    return [ids[row["nonce"]] for row in rows]


def link_demo_badges(session: Session, site_key: bytes, now: datetime) -> int:
    """Link each active demo agent's demo badge (hashed with ``site_key``); returns how many
    were new. Idempotent; does nothing when the demo data set is absent. Flushes only."""
    codes = [code for code, _, _ in DEMO_KIOSKS]
    if session.scalar(select(Kiosk.id).where(Kiosk.code.in_(codes)).limit(1)) is None:
        return 0
    agents = session.scalars(
        select(Person.id)
        .where(Person.kind == PersonKind.AGENT, Person.active.is_(True))
        .order_by(Person.id)
    ).all()
    wanted = {badge_hash(site_key, demo_badge_uid(person_id)): person_id for person_id in agents}
    linked = set(session.scalars(select(Badge.hash)))  # a few hundred: one query beats many
    rows = [
        {
            "hash": hash_,
            "person_id": person_id,
            "linked_at": now,
            "kiosk_id": None,
            "linked_by_id": None,
            "nonce": new_nonce(),
        }
        for hash_, person_id in wanted.items()
        if hash_ not in linked
    ]
    if rows:
        session.execute(insert(Badge), rows)
    return len(rows)
