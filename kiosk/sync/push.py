"""The push half of the Smart Tour sync: this kiosk's records into the central database.

Each ``send_*`` function takes one batch of local rows (in local id order) and writes it in
the caller's central transaction: rows go in with ``ON CONFLICT DO NOTHING`` so a batch sent
twice (the cut came after the central commit, before the local high-water mark moved) changes
nothing the second time. Foreign keys are translated through :class:`CentralIds`. What the
central database took differently comes back as :class:`Conflict` lines in plain French; they
are worked out from the central rows, so a replayed batch reports them again (the local
``sync_conflict`` table keeps each once).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    RowMapping,
    Table,
    case,
    delete,
    or_,
    select,
    tuple_,
    update,
)

from kiosk.checkin.tables import Attendance, CheckinRecord, CheckinUndo, SpaceVisit
from kiosk.db.models import Badge, Direction, Kiosk, Registration, Service, Site
from kiosk.domain import PARIS, CheckinMethod, CheckinOutcome, RegistrationStatus
from kiosk.help.tables import HelpRequest, HelpTicketCounter
from kiosk.programme.tables import EventSource
from kiosk.sync.keys import EVENT, PERSON, event_id_for, insert_for, person_id_for, table_of

SITE, KIOSK = table_of(Site), table_of(Kiosk)
DIRECTION, SERVICE = table_of(Direction), table_of(Service)
CHECKIN, ATTENDANCE, UNDO = table_of(CheckinRecord), table_of(Attendance), table_of(CheckinUndo)
VISIT, BADGE, SOURCE = table_of(SpaceVisit), table_of(Badge), table_of(EventSource)
REGISTRATION = table_of(Registration)
HELP, HELP_COUNTER = table_of(HelpRequest), table_of(HelpTicketCounter)
HELP_DONE: Final = ("done", "no_show")  # a help request in these states changes no more


@dataclass(frozen=True)
class Conflict:
    """A local record the central database holds differently (ids are local)."""

    key: str  # "<table>:<nonce>"
    table: str
    occurred_at: datetime
    message: str  # French, names nobody: the screen adds the person from ``person_id``
    person_id: int | None = None
    event_id: int | None = None


@dataclass(frozen=True)
class Sent:
    rows: int  # records new to the central database
    conflicts: list[Conflict]
    high_water: int  # the local id up to which nothing needs sending again


def _when(at: datetime, reference: datetime | None = None) -> str:
    """'à 14:02', or 'le 12/11/2026 à 14:02' when not on ``reference``'s day (Paris time)."""
    local = at.astimezone(PARIS)
    if reference is not None and reference.astimezone(PARIS).date() == local.date():
        return f"à {local:%H:%M}"
    return f"le {local:%d/%m/%Y} à {local:%H:%M}"


class CentralIds:
    """Local ids to central ids, by natural key; creates what the central base lacks.

    One instance per sync run: the cache assumes nobody renumbers central rows meanwhile.
    """

    def __init__(self, local: Engine, kiosk_id: int, now: datetime | None = None) -> None:
        """``now``: when this sync run meets the central base — the time of what the central
        base decides during the push (a request declined at its replay), None: the record's."""
        self._local = local
        self._kiosk_id = kiosk_id
        self.now = now
        self._cache: dict[tuple[str, int], int] = {}

    def _local_row(self, table: Table, local_id: int) -> RowMapping:
        with self._local.connect() as lc:
            return lc.execute(select(table).where(table.c.id == local_id)).mappings().one()

    def kiosk(self, cc: Connection) -> int:
        return self._kiosk(cc, self._kiosk_id)

    def _kiosk(self, cc: Connection, local_id: int) -> int:
        if (hit := self._cache.get(("kiosk", local_id))) is not None:
            return hit
        row = self._local_row(KIOSK, local_id)
        found = cc.scalar(select(KIOSK.c.id).where(KIOSK.c.code == row["code"]))
        if found is None:
            values = {k: v for k, v in row.items() if k != "id"}
            values["site_id"] = self.site(cc, row["site_id"])
            found = cc.execute(KIOSK.insert().values(values).returning(KIOSK.c.id)).scalar_one()
        self._cache["kiosk", local_id] = int(found)
        return int(found)

    def site(self, cc: Connection, local_id: int) -> int:
        if (hit := self._cache.get(("site", local_id))) is not None:
            return hit
        row = self._local_row(SITE, local_id)
        found = cc.scalar(select(SITE.c.id).where(SITE.c.code == row["code"]))
        if found is None:
            values = {k: v for k, v in row.items() if k != "id"}
            found = cc.execute(SITE.insert().values(values).returning(SITE.c.id)).scalar_one()
        self._cache["site", local_id] = int(found)
        return int(found)

    def _direction(self, cc: Connection, local_id: int | None) -> int | None:
        if local_id is None:
            return None
        row = self._local_row(DIRECTION, local_id)
        found = cc.scalar(select(DIRECTION.c.id).where(DIRECTION.c.code == row["code"]))
        if found is None:
            values = {"code": row["code"], "name": row["name"]}
            found = cc.execute(
                DIRECTION.insert().values(values).returning(DIRECTION.c.id)
            ).scalar_one()
        return int(found)

    def _service(self, cc: Connection, local_id: int | None) -> int | None:
        if local_id is None:
            return None
        row = self._local_row(SERVICE, local_id)
        direction = self._direction(cc, row["direction_id"])
        found = cc.scalar(
            select(SERVICE.c.id).where(
                SERVICE.c.direction_id == direction, SERVICE.c.name == row["name"]
            )
        )
        if found is None:
            values = {"direction_id": direction, "name": row["name"]}
            found = cc.execute(SERVICE.insert().values(values).returning(SERVICE.c.id)).scalar_one()
        return int(found)

    def person(self, cc: Connection, local_id: int | None) -> int | None:
        if local_id is None:
            return None
        if (hit := self._cache.get(("person", local_id))) is not None:
            return hit
        row = self._local_row(PERSON, local_id)
        found = person_id_for(cc, row)
        if found is None:  # made here: a walk-in visitor, or an agent the central base lacks
            values = {k: v for k, v in row.items() if k != "id"}
            values["direction_id"] = self._direction(cc, row["direction_id"])
            values["service_id"] = self._service(cc, row["service_id"])
            values["site_id"] = self.site(cc, row["site_id"]) if row["site_id"] else None
            found = cc.execute(PERSON.insert().values(values).returning(PERSON.c.id)).scalar_one()
        self._cache["person", local_id] = found
        return found

    def people(self, cc: Connection, local_ids: Iterable[int | None]) -> dict[int, int]:
        """Many at once: agents by one matricule query each way, the others one by one."""
        wanted = {i for i in local_ids if i is not None}
        missing = [i for i in wanted if ("person", i) not in self._cache]
        if missing:
            with self._local.connect() as lc:
                rows = lc.execute(
                    select(PERSON.c.id, PERSON.c.matricule).where(PERSON.c.id.in_(missing))
                ).all()
            by_matricule = {m: i for i, m in rows if m}
            if by_matricule:
                found = cc.execute(
                    select(PERSON.c.matricule, PERSON.c.id).where(
                        PERSON.c.matricule.in_(list(by_matricule))
                    )
                ).all()
                for matricule, central in found:
                    self._cache["person", by_matricule[matricule]] = int(central)
        return {i: self.person(cc, i) or 0 for i in wanted}

    def event(self, cc: Connection, local_id: int | None) -> int | None:
        if local_id is None:
            return None
        if (hit := self._cache.get(("event", local_id))) is not None:
            return hit
        row = self._local_row(EVENT, local_id)
        with self._local.connect() as lc:
            uid = lc.scalar(select(SOURCE.c.uid).where(SOURCE.c.event_id == local_id))
        site = self.site(cc, row["site_id"])
        found = event_id_for(cc, row, uid, site)
        if found is None:  # an event made on this kiosk: the central base gets it too
            values = {k: v for k, v in row.items() if k != "id"}
            values["site_id"] = site
            found = cc.execute(EVENT.insert().values(values).returning(EVENT.c.id)).scalar_one()
            if uid:
                cc.execute(
                    insert_for(cc, SOURCE)
                    .values(uid=uid, event_id=found, imported_at=row["created_at"])
                    .on_conflict_do_nothing()
                )
        self._cache["event", local_id] = found
        return found

    def attendance_directions(
        self, cc: Connection, local_checkin_ids: Sequence[int]
    ) -> dict[int, int | None]:
        """Local check-in id -> the central id of the direction its attendance row recorded."""
        with self._local.connect() as lc:
            recorded = lc.execute(
                select(ATTENDANCE.c.checkin_id, ATTENDANCE.c.direction_id).where(
                    ATTENDANCE.c.checkin_id.in_(list(local_checkin_ids)),
                    ATTENDANCE.c.direction_id.is_not(None),
                )
            ).all()
        central: dict[int, int | None] = {}
        for local in {d for _c, d in recorded}:
            if (hit := self._cache.get(("direction", local))) is None:
                hit = self._direction(cc, local)
                if hit is not None:
                    self._cache["direction", local] = hit
            central[local] = hit
        return {checkin: central[direction] for checkin, direction in recorded}

    def events(self, cc: Connection, local_ids: Iterable[int | None]) -> dict[int, int]:
        return {i: self.event(cc, i) or 0 for i in set(local_ids) if i is not None}


def _existing_nonces(cc: Connection, table: Any, nonces: Iterable[str]) -> set[str]:
    return set(cc.scalars(select(table.c.nonce).where(table.c.nonce.in_(list(nonces)))))


def _admitted_elsewhere(
    cc: Connection, pairs: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], tuple[datetime, str]]:
    """For (event, person) central pairs: when and at which kiosk they were admitted."""
    if not pairs:
        return {}
    rows = cc.execute(
        select(ATTENDANCE.c.event_id, ATTENDANCE.c.person_id, ATTENDANCE.c.at, KIOSK.c.name)
        .join(KIOSK, KIOSK.c.id == ATTENDANCE.c.kiosk_id)
        .where(tuple_(ATTENDANCE.c.event_id, ATTENDANCE.c.person_id).in_(list(pairs)))
    )
    return {(e, p): (at, name) for e, p, at, name in rows}


def send_checkins(cc: Connection, ids: CentralIds, rows: Sequence[RowMapping]) -> Sent:
    """Check-ins (refusals too); an ok one also claims the person's place in ``attendance``.

    When the central base already admits that person to that event (another kiosk, online,
    got there first), the pushed record is kept in the ledger as ``already_checked_in``: the
    figures count the person once, and staff read when and where they were first admitted.
    """
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows] + [r["staff_id"] for r in rows])
    events = ids.events(cc, [r["event_id"] for r in rows] + [r["related_event_id"] for r in rows])
    values = [
        {
            "nonce": r["nonce"],
            "kiosk_id": kiosk,
            "at": r["at"],
            "method": r["method"],
            "outcome": r["outcome"],
            "event_id": events.get(r["event_id"]),
            "person_id": people.get(r["person_id"]),
            "identity_key": r["identity_key"],
            "related_event_id": events.get(r["related_event_id"]),
            "staff_id": people.get(r["staff_id"]),
            "detail": r["detail"],
        }
        for r in rows
    ]
    by_nonce = {v["nonce"]: v for v in values}
    stmt = insert_for(cc, CHECKIN).on_conflict_do_nothing(index_elements=["nonce"])
    inserted = dict(cc.execute(stmt.returning(CHECKIN.c.nonce, CHECKIN.c.id), values).all())
    directions = ids.attendance_directions(cc, [r["id"] for r in rows])
    local_of = {r["nonce"]: r for r in rows}
    claims = [
        {
            "event_id": v["event_id"],
            "person_id": v["person_id"],
            "checkin_id": inserted[nonce],
            "at": v["at"],
            "kiosk_id": kiosk,
            "method": v["method"],
            # The direction the person was in when admitted here (the statistics count it).
            "direction_id": directions.get(local_of[nonce]["id"]),
        }
        for nonce, v in by_nonce.items()
        if nonce in inserted
        and v["outcome"] == CheckinOutcome.OK
        and v["event_id"]
        and v["person_id"]
    ]
    # A seat given on the spot here is a registration there too (the no-show rate counts it).
    walk_ins = [
        {
            "event_id": v["event_id"],
            "person_id": v["person_id"],
            "status": RegistrationStatus.CONFIRMED,
            "created_at": v["at"],
        }
        for nonce, v in by_nonce.items()
        if nonce in inserted
        and v["method"] == CheckinMethod.WALK_IN
        and v["event_id"]
        and v["person_id"]
    ]
    if walk_ins:
        cc.execute(insert_for(cc, REGISTRATION).on_conflict_do_nothing(), walk_ins)
    admitted: set[int] = set()
    if claims:
        stmt_a = insert_for(cc, ATTENDANCE)
        stmt_a = stmt_a.on_conflict_do_nothing(index_elements=["event_id", "person_id"])
        admitted = set(cc.scalars(stmt_a.returning(ATTENDANCE.c.checkin_id), claims))
    losers = [c["checkin_id"] for c in claims if c["checkin_id"] not in admitted]
    if losers:
        cc.execute(
            update(CHECKIN)
            .where(CHECKIN.c.id.in_(losers))
            .values(
                outcome=CheckinOutcome.ALREADY_CHECKED_IN,
                detail="admis hors ligne au Smart Tour, déjà enregistré ailleurs",
            )
        )
    # Which pushed ok records does the central ledger hold as "already checked in"? The
    # losers just now, and those of an earlier attempt of this same batch.
    replayed = [n for n, v in by_nonce.items() if n not in inserted and v["outcome"] == "ok"]
    refused = set(
        cc.scalars(
            select(CHECKIN.c.nonce).where(
                CHECKIN.c.nonce.in_(replayed),
                CHECKIN.c.outcome == CheckinOutcome.ALREADY_CHECKED_IN,
            )
        )
    )
    refused |= {n for n, cid in inserted.items() if cid in set(losers)}
    first = _admitted_elsewhere(
        cc, [(by_nonce[n]["event_id"], by_nonce[n]["person_id"]) for n in refused]
    )
    conflicts = []
    for nonce in sorted(refused):
        local = local_of[nonce]
        where = first.get((by_nonce[nonce]["event_id"], by_nonce[nonce]["person_id"]))
        message = "Déjà enregistré dans la base centrale"
        if where is not None:
            message = f"Déjà enregistré {_when(where[0], local['at'])} au kiosque {where[1]}"
        conflicts.append(
            Conflict(
                f"checkin:{nonce}",
                "checkin",
                local["at"],
                message,
                local["person_id"],
                local["event_id"],
            )
        )
    return Sent(len(inserted), conflicts, rows[-1]["id"])


def send_undos(
    cc: Connection, ids: CentralIds, rows: Sequence[RowMapping], local: Connection
) -> Sent:
    """Check-ins taken back here: the central attendance row of that check-in goes too."""
    kiosk = ids.kiosk(cc)
    checkin_nonces = dict(
        local.execute(
            select(CHECKIN.c.id, CHECKIN.c.nonce).where(
                CHECKIN.c.id.in_([r["checkin_id"] for r in rows])
            )
        ).all()
    )
    central_checkins = dict(
        cc.execute(
            select(CHECKIN.c.nonce, CHECKIN.c.id).where(
                CHECKIN.c.nonce.in_(list(checkin_nonces.values()))
            )
        ).all()
    )
    staff = ids.people(cc, [r["staff_id"] for r in rows])
    values = [
        {
            "checkin_id": central_checkins[checkin_nonces[r["checkin_id"]]],
            "nonce": r["nonce"],
            "kiosk_id": kiosk,
            "at": r["at"],
            "staff_id": staff.get(r["staff_id"]),
        }
        for r in rows
        if checkin_nonces.get(r["checkin_id"]) in central_checkins
    ]
    undone: list[int] = []
    if values:
        stmt = insert_for(cc, UNDO).on_conflict_do_nothing()
        undone = list(cc.scalars(stmt.returning(UNDO.c.checkin_id), values))
    if undone:
        cc.execute(delete(ATTENDANCE).where(ATTENDANCE.c.checkin_id.in_(undone)))
    return Sent(len(undone), [], rows[-1]["id"])


def send_visits(cc: Connection, ids: CentralIds, rows: Sequence[RowMapping]) -> Sent:
    """Visits of a space: one per person, day and space, whichever kiosk counted it first."""
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows])
    values = [
        {
            "nonce": r["nonce"],
            "kiosk_id": kiosk,
            "at": r["at"],
            "day": r["day"],
            "person_id": people[r["person_id"]],
            "site_id": ids.site(cc, r["site_id"]),
            "space": r["space"],
        }
        for r in rows
    ]
    stmt = insert_for(cc, VISIT).on_conflict_do_nothing()
    inserted = set(cc.scalars(stmt.returning(VISIT.c.nonce), values))
    missing = [v for v in values if v["nonce"] not in inserted]
    known = _existing_nonces(cc, VISIT, [v["nonce"] for v in missing])
    conflicts = []
    local_of = {r["nonce"]: r for r in rows}
    for v in missing:
        if v["nonce"] in known:
            continue  # sent by an earlier attempt
        first = cc.execute(
            select(VISIT.c.at, KIOSK.c.name)
            .join(KIOSK, KIOSK.c.id == VISIT.c.kiosk_id)
            .where(
                VISIT.c.person_id == v["person_id"],
                VISIT.c.day == v["day"],
                VISIT.c.site_id == v["site_id"],
                VISIT.c.space == v["space"],
            )
        ).first()
        message = "Visite déjà comptée ce jour-là dans la base centrale"
        if first is not None:
            message = f"Visite déjà comptée {_when(first[0], v['at'])} au kiosque {first[1]}"
        local = local_of[v["nonce"]]
        conflicts.append(
            Conflict(f"space_visit:{v['nonce']}", "space_visit", v["at"], message,
                     local["person_id"])
        )  # fmt: skip
    return Sent(len(inserted), conflicts, rows[-1]["id"])


def send_badges(cc: Connection, ids: CentralIds, rows: Sequence[RowMapping]) -> Sent:
    """Badges linked on this kiosk by staff (hash only, never the card's UID)."""
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows] + [r["linked_by_id"] for r in rows])
    values = [
        {
            "hash": r["hash"],
            "person_id": people[r["person_id"]],
            "linked_at": r["linked_at"],
            "kiosk_id": kiosk,
            "linked_by_id": people.get(r["linked_by_id"]),
            "nonce": r["nonce"],
        }
        for r in rows
    ]
    stmt = insert_for(cc, BADGE).on_conflict_do_nothing()
    inserted = set(cc.scalars(stmt.returning(BADGE.c.nonce), values))
    missing = [v for v in values if v["nonce"] not in inserted]
    known = _existing_nonces(cc, BADGE, [v["nonce"] for v in missing])
    owners = dict(
        cc.execute(
            select(BADGE.c.hash, BADGE.c.person_id).where(
                BADGE.c.hash.in_([v["hash"] for v in missing])
            )
        ).all()
    )
    local_of = {r["nonce"]: r for r in rows}
    conflicts = [
        Conflict(
            f"badge:{v['nonce']}",
            "badge",
            v["linked_at"],
            "Ce badge est lié à une autre personne dans la base centrale : "
            "le lien fait ici n'y est pas repris",
            local_of[v["nonce"]]["person_id"],
        )
        for v in missing
        if v["nonce"] not in known and owners.get(v["hash"]) != v["person_id"]
    ]
    return Sent(len(inserted), conflicts, rows[-1]["id"])


def send_help_requests(cc: Connection, ids: CentralIds, rows: Sequence[RowMapping]) -> Sent:
    """Help requests, inserted once and brought up to date while they are still open.

    A ticket number another kiosk of the same site already gave that day is renumbered after
    the last one (the ticket in the visitor's hand is done with by then), and said so.
    """
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows])
    existing = _existing_nonces(cc, HELP, [r["nonce"] for r in rows])
    conflicts: list[Conflict] = []
    new = 0
    mutable = ("state", "desk", "call_count", "called_at", "serving_at", "finished_at")
    for r in rows:
        if r["nonce"] in existing:
            cc.execute(
                update(HELP).where(HELP.c.nonce == r["nonce"]).values({k: r[k] for k in mutable})
            )
            continue
        values = {k: v for k, v in r.items() if k != "id"}
        values |= {
            "kiosk_id": kiosk,
            "site_id": ids.site(cc, r["site_id"]),
            "person_id": people.get(r["person_id"]),
        }
        stmt = insert_for(cc, HELP).values(values).on_conflict_do_nothing()
        if cc.execute(stmt.returning(HELP.c.id)).first() is None:
            values |= _renumbered(cc, values)
            cc.execute(HELP.insert().values(values))
            conflicts.append(
                Conflict(
                    f"help_request:{r['nonce']}",
                    "help_request",
                    r["created_at"],
                    f"Ticket {r['ticket']} du {r['service_day']:%d/%m/%Y} : numéro déjà donné "
                    f"par un autre kiosque, enregistré sous {values['ticket']}",
                    r["person_id"],
                )
            )
        _raise_counter(cc, values["site_id"], values["service_day"], values["reason"],
                       values["number"])  # fmt: skip
        new += 1
    high = rows[0]["id"] - 1  # nothing of ours lies between the last mark and the first row
    for r in rows:  # stop at the first request still open: it is sent again next time
        if r["state"] not in HELP_DONE:
            break
        high = r["id"]
    return Sent(new, conflicts, high)


def help_changed_since(at: datetime) -> ColumnElement[bool]:
    """Help requests that moved (called, served, finished) at or after ``at``: sent open, the
    central base does not know that yet."""
    return or_(HELP.c.called_at >= at, HELP.c.serving_at >= at, HELP.c.finished_at >= at)


def _renumbered(cc: Connection, values: Mapping[str, Any]) -> dict[str, Any]:
    last = cc.scalar(
        select(HELP.c.number)
        .where(
            HELP.c.site_id == values["site_id"],
            HELP.c.service_day == values["service_day"],
            HELP.c.reason == values["reason"],
        )
        .order_by(HELP.c.number.desc())
        .limit(1)
    )
    number = int(last or 0) + 1
    prefix = str(values["ticket"]).split("-", 1)[0]
    return {"number": number, "ticket": f"{prefix}-{number:03d}"}


def _raise_counter(cc: Connection, site_id: int, day: date, reason: Any, number: int) -> None:
    """Keep the central ticket counter past the pushed number, or the next ticket collides."""
    stmt = insert_for(cc, HELP_COUNTER).values(
        site_id=site_id, service_day=day, reason=reason, last_number=number
    )
    excluded = stmt.excluded.last_number
    stmt = stmt.on_conflict_do_update(
        index_elements=["site_id", "service_day", "reason"],
        set_={
            "last_number": case(
                (HELP_COUNTER.c.last_number < excluded, excluded),
                else_=HELP_COUNTER.c.last_number,
            )
        },
    )
    cc.execute(stmt)


__all__ = [
    "CentralIds",
    "Conflict",
    "Sent",
    "help_changed_since",
    "send_badges",
    "send_checkins",
    "send_help_requests",
    "send_undos",
    "send_visits",
]
