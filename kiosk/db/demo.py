"""The demo's shared world, in the shared tables: the council's organisation, 300+ agents,
visitors, a programme of events around today, and registrations. Each capability adds its own
rows on top (``seed_*`` in its ``demo`` module, taking the :class:`DemoBase` made here);
:mod:`kiosk.demo.seed` runs them all.

Deterministic for a given ``(seed, day)`` where the day is ``now``'s date in Europe/Paris: the
time of day does not change a single row, so two kiosks seeded on the same day agree. Inserted
in one transaction with bulk INSERTs (a few hundred milliseconds, not seconds).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kiosk.db.demo_reference import (
    CADAM_CODE,
    DESCRIPTIONS,
    DIRECTIONS,
    FIRST_NAMES,
    LAST_NAMES,
    ORGANISATIONS,
    SITES,
    TITLES,
)
from kiosk.db.models import (
    Direction,
    Event,
    Kiosk,
    Person,
    Registration,
    Service,
    Site,
)
from kiosk.domain import (
    PARIS,
    EventKind,
    PersonKind,
    RegistrationSource,
    RegistrationStatus,
    Role,
    Space,
)
from kiosk.settings import Profile
from kiosk.text import fold

log = logging.getLogger(__name__)

AGENT_COUNT: Final = 320
EMAIL_DOMAIN: Final = "departement06.fr"
# The demo is present when one of its kiosks is: real kiosks never use these codes.
DEMO_KIOSKS: Final = (
    ("DEMO-STORE", "Smart Store — CADAM", Profile.STORE),
    ("DEMO-ROOM", "Smart Room — CADAM", Profile.ROOM),
    ("DEMO-TOUR", "Smart Tour", Profile.TOUR),
)

# Where each kind happens at the CADAM and its usual capacity (None: no limit).
SPACE_OF: Final = {
    EventKind.MASTERCLASS: Space.SMART_ROOM,
    EventKind.TABLE_RONDE: Space.SMART_ROOM,
    EventKind.ATELIER_TECHNOLOGIQUE: Space.SMART_LAB,
    EventKind.CAFE_NUMERIQUE: Space.SMART_STORE,
    EventKind.FORMATION: Space.SMART_CLASS,
}
CAPACITY_OF: Final = {
    EventKind.MASTERCLASS: 60,
    EventKind.TABLE_RONDE: 40,
    EventKind.ATELIER_TECHNOLOGIQUE: 16,
    EventKind.CAFE_NUMERIQUE: 30,
    EventKind.FORMATION: 12,
}
KIND_WEIGHTS: Final = {
    EventKind.CAFE_NUMERIQUE: 30,
    EventKind.ATELIER_TECHNOLOGIQUE: 25,
    EventKind.FORMATION: 20,
    EventKind.MASTERCLASS: 13,
    EventKind.TABLE_RONDE: 12,
}
# Local (Paris) start and end times, by kind.
SLOTS: Final[dict[EventKind, tuple[tuple[time, time], ...]]] = {
    EventKind.MASTERCLASS: ((time(10), time(12)), (time(14), time(16))),
    EventKind.TABLE_RONDE: ((time(14), time(16)), (time(14, 30), time(16, 30))),
    EventKind.ATELIER_TECHNOLOGIQUE: ((time(9, 30), time(11, 30)), (time(14), time(16))),
    EventKind.CAFE_NUMERIQUE: ((time(8, 45), time(9, 45)), (time(12, 30), time(13, 30))),
    EventKind.FORMATION: ((time(9), time(12)), (time(9), time(17)), (time(13, 30), time(17))),
}
# Today always has a programme, so the check-in screens have something to show: with their
# check-in windows (an hour before to half an hour after), from 07:45 to 19:00 but for 12:30.
TODAY_PROGRAMME: Final = (
    (EventKind.CAFE_NUMERIQUE, time(8, 45), time(9, 45)),
    (EventKind.MASTERCLASS, time(10), time(12)),
    (EventKind.ATELIER_TECHNOLOGIQUE, time(14), time(16)),
    (EventKind.TABLE_RONDE, time(17), time(18, 30)),
)
SMART_TOUR_WEEKDAY: Final = 3  # Thursday: the Smart Tour visits a remote site
FIXED_HOLIDAYS: Final = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}


@dataclass(frozen=True)
class DemoSummary:
    already_present: bool = False
    directions: int = 0
    services: int = 0
    sites: int = 0
    kiosks: int = 0
    agents: int = 0
    visitors: int = 0
    events: int = 0
    registrations: int = 0
    # What the capabilities' own seeds added (kiosk.demo.seed), e.g. {"documents": 60}.
    extra: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        if self.already_present:
            return "demo data already present"
        counts = [f"{getattr(self, f.name)} {f.name}" for f in fields(self)[1:-1]]
        counts += [f"{n} {name}" for name, n in self.extra.items()]
        return ", ".join(counts)


@dataclass(frozen=True)
class DemoBase:
    """What the base seed made, handed to each capability's seed extension."""

    now: datetime
    today: date
    seed: int
    cadam_site_id: int
    site_ids: list[int]
    kiosk_ids: dict[str, int]  # by code: DEMO-STORE, DEMO-ROOM, DEMO-TOUR
    agent_ids: list[int]
    visitor_ids: list[int]
    event_ids: list[int]


def seed_world(session: Session, now: datetime, seed: int) -> tuple[DemoBase, DemoSummary]:
    """The shared tables' demo rows: organisation, sites, kiosks, people, programme."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    rng = random.Random(seed)
    today = now.astimezone(PARIS).date()
    first_day = _previous_quarter(_previous_quarter(_quarter_start(today)))
    last_day = today + timedelta(weeks=6)
    created = datetime.combine(first_day - timedelta(days=30), time(8), PARIS)
    cutoff = datetime.combine(today, time(0), PARIS)  # no record is dated after today began

    direction_ids = _insert(session, Direction, [{"code": c, "name": n} for c, n, _ in DIRECTIONS])
    services: list[dict[str, Any]] = [
        {"direction_id": d_id, "name": name}
        for d_id, (_, _, names) in zip(direction_ids, DIRECTIONS, strict=True)
        for name in names
    ]
    service_ids = _insert(session, Service, services)
    services_of: dict[int, list[int]] = {}
    for s_id, row in zip(service_ids, services, strict=True):
        services_of.setdefault(row["direction_id"], []).append(s_id)

    site_keys = ("code", "name", "town", "address", "is_smart_corner")
    site_ids = _insert(session, Site, [dict(zip(site_keys, s, strict=True)) for s in SITES])
    cadam = site_ids[[s[0] for s in SITES].index(CADAM_CODE)]
    remote_sites = [i for i in site_ids if i != cadam]

    kiosks = [
        {"code": c, "name": n, "profile": p, "site_id": cadam, "created_at": created}
        for c, n, p in DEMO_KIOSKS
    ]
    kiosk_ids = _insert(session, Kiosk, kiosks)

    agents = _agents(rng, direction_ids, services_of, site_ids, cadam, created)
    agent_ids = _insert(session, Person, agents)
    visitors = _visitors(rng, created)
    visitor_ids = _insert(session, Person, visitors)

    events = list(_events(rng, first_day, last_day, today, cadam, remote_sites, cutoff))
    event_ids = _insert(session, Event, events)
    active = [i for i, a in zip(agent_ids, agents, strict=True) if a["active"]]
    registrations = list(
        _registrations(rng, zip(event_ids, events, strict=True), active, visitor_ids, today, cutoff)
    )
    if registrations:
        session.execute(insert(Registration), registrations)

    base = DemoBase(
        now=now,
        today=today,
        seed=seed,
        cadam_site_id=cadam,
        site_ids=site_ids,
        kiosk_ids={code: k_id for (code, _, _), k_id in zip(DEMO_KIOSKS, kiosk_ids, strict=True)},
        agent_ids=agent_ids,
        visitor_ids=visitor_ids,
        event_ids=event_ids,
    )
    summary = DemoSummary(
        directions=len(direction_ids),
        services=len(service_ids),
        sites=len(site_ids),
        kiosks=len(kiosks),
        agents=len(agent_ids),
        visitors=len(visitor_ids),
        events=len(event_ids),
        registrations=len(registrations),
    )
    return base, summary


def _insert(session: Session, model: type[Any], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Bulk INSERT ... RETURNING id, ids in the order of ``rows`` (works on SQLite and PG)."""
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(session.scalars(stmt, list(rows)))


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _previous_quarter(quarter_start: date) -> date:
    return _quarter_start(quarter_start - timedelta(days=1))


def _email_part(name: str) -> str:
    return fold(name).replace(" ", "-").replace("'", "")


def _agents(
    rng: random.Random,
    direction_ids: list[int],
    services_of: dict[int, list[int]],
    site_ids: list[int],
    cadam: int,
    created: datetime,
) -> list[dict[str, Any]]:
    roles = [Role.ADMIN] * 3 + [Role.STAFF] * 8 + [Role.AMBASSADOR] * 24
    roles += [Role.AGENT] * (AGENT_COUNT - len(roles))
    rng.shuffle(roles)
    matricules = rng.sample(range(1000, 99999), AGENT_COUNT)
    emails: set[str] = set()
    rows = []
    for role, number in zip(roles, matricules, strict=True):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = _unique_email(f"{_email_part(first)}.{_email_part(last)}", emails)
        direction = rng.choice(direction_ids)
        rows.append(
            {
                "kind": PersonKind.AGENT,
                "matricule": f"A{number:06d}",
                "first_name": first,
                "last_name": last,
                "email": email,
                "role": role,
                "direction_id": direction,
                "service_id": rng.choice(services_of[direction]),
                "site_id": cadam if rng.random() < 0.45 else rng.choice(site_ids),
                "organisation": None,
                "created_at": created,
                "active": rng.random() > 0.02,
            }
        )
    return rows


def _unique_email(local: str, taken: set[str]) -> str:
    candidate, n = local, 1
    while candidate in taken:
        n += 1
        candidate = f"{local}{n}"
    taken.add(candidate)
    return f"{candidate}@{EMAIL_DOMAIN}"


def _visitors(rng: random.Random, created: datetime) -> list[dict[str, Any]]:
    # No e-mail for visitors: they are identified by name and organisation (RGPD minimisation).
    return [
        {
            "kind": PersonKind.VISITOR,
            "matricule": None,
            "first_name": rng.choice(FIRST_NAMES),
            "last_name": rng.choice(LAST_NAMES),
            "email": None,
            "role": None,
            "direction_id": None,
            "service_id": None,
            "site_id": None,
            "organisation": organisation,
            "created_at": created,
            "active": True,
        }
        for organisation, count in ORGANISATIONS
        for _ in range(count)
    ]


def _events(
    rng: random.Random,
    first_day: date,
    last_day: date,
    today: date,
    cadam: int,
    remote_sites: list[int],
    cutoff: datetime,
) -> Iterator[dict[str, Any]]:
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    day = first_day
    while day <= last_day:
        if day == today:
            for kind, start, end in TODAY_PROGRAMME:
                yield _event(rng, kind, SPACE_OF[kind], cadam, day, start, end, cutoff)
        elif day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS:
            spaces_used: set[Space] = set()
            for kind in rng.choices(kinds, weights, k=rng.choice((0, 1, 1, 2))):
                if SPACE_OF[kind] in spaces_used:
                    continue
                spaces_used.add(SPACE_OF[kind])
                start, end = rng.choice(SLOTS[kind])
                yield _event(rng, kind, SPACE_OF[kind], cadam, day, start, end, cutoff)
            if day.weekday() == SMART_TOUR_WEEKDAY and rng.random() < 0.7:
                kind = rng.choice((EventKind.CAFE_NUMERIQUE, EventKind.ATELIER_TECHNOLOGIQUE))
                site = rng.choice(remote_sites)
                yield _event(rng, kind, Space.REMOTE_SITE, site, day, time(10), time(12), cutoff)
        day += timedelta(days=1)


def _event(
    rng: random.Random,
    kind: EventKind,
    space: Space,
    site_id: int,
    day: date,
    start: time,
    end: time,
    cutoff: datetime,
) -> dict[str, Any]:
    starts_at = datetime.combine(day, start, PARIS)
    remote = space is Space.REMOTE_SITE
    external_chance = {EventKind.MASTERCLASS: 0.5, EventKind.TABLE_RONDE: 0.6}.get(kind, 0.15)
    return {
        "kind": kind,
        "title": rng.choice(TITLES[kind]),
        "description": DESCRIPTIONS[kind],
        "space": space,
        "site_id": site_id,
        "starts_at": starts_at.astimezone(UTC),
        "ends_at": datetime.combine(day, end, PARIS).astimezone(UTC),
        "capacity": _capacity(kind, remote=remote),
        "open_to_external": rng.random() < external_chance,
        "checkin_opens_minutes_before": 60,
        "checkin_closes_minutes_after": 30,
        "created_at": min(starts_at - timedelta(days=45), cutoff).astimezone(UTC),
    }


def _capacity(kind: EventKind, *, remote: bool) -> int | None:
    if not remote:
        return CAPACITY_OF[kind]
    # The Smart Tour's café numérique welcomes whoever passes by; its workshops take 20.
    return None if kind is EventKind.CAFE_NUMERIQUE else 20


def _registrations(
    rng: random.Random,
    events: Iterator[tuple[int, dict[str, Any]]],
    agent_ids: list[int],
    visitor_ids: list[int],
    today: date,
    cutoff: datetime,
) -> Iterator[dict[str, Any]]:
    """Confirmed up to capacity, the overflow on the waiting list, a few cancellations; one
    in eight made at a kiosk (a badge, or the visitor form for an external visitor), so that
    « Mon espace » and the statistics have sign-ups of their own (drawn from the ids, not the
    generator: the rest of the demo stays as it was)."""
    visitors = set(visitor_ids)
    for event_id, event in events:
        capacity: int | None = event["capacity"]
        past = event["starts_at"].astimezone(PARIS).date() < today
        if capacity is None:
            wanted = rng.randint(5, 25)
        else:
            wanted = round(
                capacity * rng.uniform(0.6, 1.25) if past else capacity * rng.uniform(0.15, 1.1)
            )
        cancelled = rng.randint(0, 3)
        pool = agent_ids + visitor_ids if event["open_to_external"] else agent_ids
        people = rng.sample(pool, min(wanted + cancelled, len(pool)))
        for rank, person_id in enumerate(people):
            if rank >= wanted:
                status = RegistrationStatus.CANCELLED
            elif capacity is not None and rank >= capacity:
                status = RegistrationStatus.WAITING_LIST
            else:
                status = RegistrationStatus.CONFIRMED
            booked = event["starts_at"] - timedelta(
                days=rng.randint(1, 30), minutes=rng.randint(0, 600)
            )
            source = RegistrationSource.IMPORT
            if (event_id * 7 + rank) % 8 == 0:
                source = (
                    RegistrationSource.VISITOR_FORM
                    if person_id in visitors
                    else RegistrationSource.KIOSK
                )
            yield {
                "event_id": event_id,
                "person_id": person_id,
                "status": status,
                "created_at": max(min(booked, cutoff), event["created_at"]),
                "source": source,
            }
