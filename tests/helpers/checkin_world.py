"""A small, hand-made world for check-in tests: every outcome has someone to produce it.

``NOW`` is 10:30 in Paris on a Wednesday. Reusable by the UI tests (checkin-ui):
``build_world(session_factory)`` returns a :class:`World` of ids, a ticket issuer and the
matching verifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from kiosk.codes import TicketIssuer, TicketVerifier, generate_private_key
from kiosk.db.models import Event, Kiosk, Person, Registration, Site
from kiosk.domain import EventKind, PersonKind, RegistrationStatus, Role, Space
from kiosk.identity import badge_hash, link_badge
from kiosk.settings import Profile

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 5, 20, 8, 30, tzinfo=UTC)  # 10:30 in Paris
SITE_KEY = bytes(range(32))
ALICE_UID = bytes.fromhex("04a1a2a3a4a5a6")
STAFF_UID = bytes.fromhex("04b1b2b3b4b5b6")
UNKNOWN_UID = bytes.fromhex("04c1c2c3c4c5c6")


def paris(day_offset: int, hour: int, minute: int = 0) -> datetime:
    day = NOW.astimezone(PARIS).date() + timedelta(days=day_offset)
    return datetime.combine(day, time(hour, minute), PARIS).astimezone(UTC)


@dataclass(frozen=True)
class World:
    site: int
    remote_site: int
    kiosk: int
    other_kiosk: int
    alice: int  # agent, registered to the masterclass (open now), badge ALICE_UID
    bob: int  # agent, registered to this afternoon's workshop (window not open yet)
    carol: int  # agent, holds the only seat of the formation (full)
    dan: int  # agent, registered to nothing
    staff: int  # staff, badge STAFF_UID
    ivan: int  # inactive agent
    vera: int  # external visitor
    masterclass: int  # Smart Room 10:00-12:00 today, capacity 3, agents only
    workshop: int  # Smart Lab 14:00-16:00 today
    formation: int  # Smart Class 10:00-12:00 today, capacity 1, full
    table_ronde: int  # Smart Room 10:00-12:00 tomorrow, open to external visitors
    issuer: TicketIssuer
    verifier: TicketVerifier

    @property
    def alice_badge(self) -> str:
        return badge_hash(SITE_KEY, ALICE_UID)

    @property
    def staff_badge(self) -> str:
        return badge_hash(SITE_KEY, STAFF_UID)

    @property
    def unknown_badge(self) -> str:
        return badge_hash(SITE_KEY, UNKNOWN_UID)


def _ids(session: Session, model: type, rows: list[dict[str, object]]) -> list[int]:
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)  # type: ignore[attr-defined]
    return list(session.scalars(stmt, rows))


def build_world(factory: sessionmaker[Session]) -> World:
    created = NOW - timedelta(days=60)
    with factory.begin() as s:
        site, remote = _ids(
            s,
            Site,
            [
                {
                    "code": "CADAM",
                    "name": "CADAM",
                    "town": "Nice",
                    "address": "x",
                    "is_smart_corner": True,
                },
                {"code": "MENT", "name": "Mairie annexe", "town": "Menton", "address": "y"},
            ],
        )
        kiosk, other = _ids(
            s,
            Kiosk,
            [
                {
                    "code": "K1",
                    "name": "Smart Room — entrée",
                    "profile": Profile.ROOM,
                    "site_id": site,
                    "created_at": created,
                },
                {
                    "code": "K2",
                    "name": "Smart Room — porte 2",
                    "profile": Profile.ROOM,
                    "site_id": site,
                    "created_at": created,
                },
            ],
        )

        def agent(
            first: str, last: str, n: int, role: Role = Role.AGENT, active: bool = True
        ) -> dict[str, object]:
            return {
                "kind": PersonKind.AGENT,
                "matricule": f"A{n:06d}",
                "first_name": first,
                "last_name": last,
                "email": f"{first.lower()}@example.fr",
                "role": role,
                "created_at": created,
                "active": active,
            }

        people = [
            agent("Alice", "Martin", 1),
            agent("Bob", "Durand", 2),
            agent("Carole", "Petit", 3),
            agent("Dan", "Lefèvre", 4),
            agent("Sam", "Bernard", 5, Role.STAFF),
            agent("Ivan", "Moreau", 6, active=False),
            {
                "kind": PersonKind.VISITOR,
                "first_name": "Véra",
                "last_name": "Roux",
                "organisation": "Mairie de Nice",
                "created_at": created,
                "active": True,
            },
        ]
        alice, bob, carol, dan, staff, ivan, vera = _ids(s, Person, people)

        def event(
            kind: EventKind,
            space: Space,
            start: datetime,
            end: datetime,
            capacity: int | None,
            external: bool = False,
            site_id: int = site,
        ) -> dict[str, object]:
            return {
                "kind": kind,
                "title": f"{kind.value} test",
                "space": space,
                "site_id": site_id,
                "starts_at": start,
                "ends_at": end,
                "capacity": capacity,
                "open_to_external": external,
                "created_at": created,
            }

        masterclass, workshop, formation, table_ronde = _ids(
            s,
            Event,
            [
                event(EventKind.MASTERCLASS, Space.SMART_ROOM, paris(0, 10), paris(0, 12), 3),
                event(
                    EventKind.ATELIER_TECHNOLOGIQUE, Space.SMART_LAB, paris(0, 14), paris(0, 16), 16
                ),
                event(EventKind.FORMATION, Space.SMART_CLASS, paris(0, 10), paris(0, 12), 1),
                event(
                    EventKind.TABLE_RONDE,
                    Space.SMART_ROOM,
                    paris(1, 10),
                    paris(1, 12),
                    40,
                    external=True,
                ),
            ],
        )
        regs = [
            (masterclass, alice, RegistrationStatus.CONFIRMED),
            (workshop, bob, RegistrationStatus.CONFIRMED),
            (formation, carol, RegistrationStatus.CONFIRMED),
            (formation, dan, RegistrationStatus.CANCELLED),
        ]
        s.execute(
            insert(Registration),
            [
                {"event_id": e, "person_id": p, "status": st, "created_at": created}
                for e, p, st in regs
            ],
        )
        link_badge(s, badge_hash(SITE_KEY, ALICE_UID), alice, now=created, nonce="n-alice")
        link_badge(s, badge_hash(SITE_KEY, STAFF_UID), staff, now=created, nonce="n-staff")
    key = generate_private_key()
    return World(
        site,
        remote,
        kiosk,
        other,
        alice,
        bob,
        carol,
        dan,
        staff,
        ivan,
        vera,
        masterclass,
        workshop,
        formation,
        table_ronde,
        TicketIssuer(key),
        TicketVerifier([key.public_key()]),
    )
