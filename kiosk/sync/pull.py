"""The pull half of the Smart Tour sync: what a tour kiosk needs from the central database.

Sites, directions and services by code; people (every agent, and the visitors registered to
the events pulled); events that end after the pull window's start, with their external ids;
their registrations; the badges of the people pulled; ticket revocations; the documents' and
the projects' metadata (their pictures follow as files: kiosk.sync.projects); the Click &
Collect catalogue, and the orders still to hand over (kiosk.sync.collect); the Smart Tour's
itinerary and the announcements (kiosk.sync.notices).

People and events keep their **central ids** on the tour kiosk: signed ticket codes carry
those ids, and must open the door offline too. A row made on the tour kiosk (a walk-in
visitor) that holds an id the central base gives to someone else is moved to a free id,
references included; once the central base has it (the push sends it), the next pull moves it
to its central id.

What the central base no longer has goes from the tour kiosk too, at the end of its table's
pass: an event staff deleted (unless something recorded here names it), a project taken out, a
stop dropped from the itinerary, an order no longer to hand over. The catalogue and the
announcements are never deleted centrally (an item is withdrawn, a banner ends): their pull
carries that.

What a local purge removed must not come back: the window never reaches further back than
the visitors' retention period, so a visitor pulled is one the purge would keep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, RowMapping, Select, Table, delete, select, union, update
from sqlalchemy.orm import aliased

from kiosk.checkin.tables import Attendance, CheckinRecord, TicketRevocation
from kiosk.db.models import Badge, Direction, Registration, Service, Site
from kiosk.programme.tables import EventSource
from kiosk.satisfaction.tables import EventFeedback
from kiosk.sync.collect import (
    ITEM,
    LINE,
    ORDER,
    STOCK,
    apply_items,
    apply_lines,
    apply_orders,
    apply_stock,
    items_query,
    lines_query,
    orders_kept,
    orders_query,
    prune_orders,
    stock_query,
)
from kiosk.sync.documents import DOCUMENT, apply_documents
from kiosk.sync.keys import (
    EVENT,
    PERSON,
    event_id_for,
    insert_for,
    keep_central_ids,
    mirror,
    person_id_for,
    pulled_people,
    table_of,
)
from kiosk.sync.notices import (
    ANNOUNCEMENT,
    STOP,
    announcements_query,
    apply_announcements,
    apply_stops,
    prune_stops,
    stops_kept,
    stops_query,
)
from kiosk.sync.offline import ACT, apply_refusals, refusals_query
from kiosk.sync.projects import PROJECT, apply_projects, projects_kept, prune_projects
from kiosk.sync.tables import SyncConflict

SITE, DIRECTION, SERVICE = table_of(Site), table_of(Direction), table_of(Service)
REGISTRATION, BADGE = table_of(Registration), table_of(Badge)
SOURCE, REVOCATION = table_of(EventSource), table_of(TicketRevocation)
CHECKIN, ATTENDANCE = table_of(CheckinRecord), table_of(Attendance)
FEEDBACK, CONFLICT = table_of(EventFeedback), table_of(SyncConflict)


@dataclass(frozen=True)
class PullTable:
    name: str
    table: Table  # whose id orders the pass and is its high-water mark
    query: Callable[[datetime], Select[Any]]  # the central rows wanted (window start given)
    apply: Callable[[Connection, Sequence[RowMapping]], int]  # rows written locally
    # After a complete pass: the natural keys the central base still lists (window start
    # given), and what drops the local rows it no longer does (returns how many went).
    keep: Callable[[datetime], Select[Any]] | None = None
    prune: Callable[[Connection, set[Any]], int] | None = None


def _codes(conn: Connection, table: Table) -> dict[str, int]:
    return {code: i for code, i in conn.execute(select(table.c.code, table.c.id))}


def _upsert_by_code(table: Table, columns: tuple[str, ...]) -> Callable[..., int]:
    def apply(lc: Connection, rows: Sequence[RowMapping]) -> int:
        values = [{c: r[c] for c in ("code", *columns)} for r in rows]
        stmt = insert_for(lc, table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["code"], set_={c: stmt.excluded[c] for c in columns}
        )
        lc.execute(stmt, values)
        return len(rows)

    return apply


def _services_query(_start: datetime) -> Select[Any]:
    return select(SERVICE, DIRECTION.c.code.label("direction_code")).join(
        DIRECTION, DIRECTION.c.id == SERVICE.c.direction_id
    )


def _apply_services(lc: Connection, rows: Sequence[RowMapping]) -> int:
    directions = _codes(lc, DIRECTION)
    for r in rows:
        direction = directions[r["direction_code"]]
        found = lc.scalar(
            select(SERVICE.c.id).where(
                SERVICE.c.direction_id == direction, SERVICE.c.name == r["name"]
            )
        )
        if found is None:
            lc.execute(SERVICE.insert().values(direction_id=direction, name=r["name"]))
    return len(rows)


_SERVICE_DIRECTION = aliased(DIRECTION)


def _people_query(start: datetime) -> Select[Any]:
    sd = _SERVICE_DIRECTION
    return (
        select(
            PERSON,
            SITE.c.code.label("site_code"),
            DIRECTION.c.code.label("direction_code"),
            SERVICE.c.name.label("service_name"),
            sd.c.code.label("service_direction_code"),
        )
        .outerjoin(SITE, SITE.c.id == PERSON.c.site_id)
        .outerjoin(DIRECTION, DIRECTION.c.id == PERSON.c.direction_id)
        .outerjoin(SERVICE, SERVICE.c.id == PERSON.c.service_id)
        .outerjoin(sd, sd.c.id == SERVICE.c.direction_id)
        .where(pulled_people(start))
    )


def _apply_people(lc: Connection, rows: Sequence[RowMapping]) -> int:
    sites, directions = _codes(lc, SITE), _codes(lc, DIRECTION)
    services = {
        (d, name): i
        for i, name, d in lc.execute(
            select(SERVICE.c.id, SERVICE.c.name, DIRECTION.c.code).join(
                DIRECTION, DIRECTION.c.id == SERVICE.c.direction_id
            )
        )
    }
    by_matricule = dict(
        lc.execute(
            select(PERSON.c.matricule, PERSON.c.id).where(
                PERSON.c.matricule.in_([r["matricule"] for r in rows if r["matricule"]])
            )
        ).all()
    )
    taken = set(lc.scalars(select(PERSON.c.id).where(PERSON.c.id.in_([r["id"] for r in rows]))))

    def pulled() -> Iterator[tuple[RowMapping, dict[str, Any], int | None]]:
        for r in rows:
            values = {c.name: r[c.name] for c in PERSON.c if c.name != "id"}
            values["site_id"] = sites.get(r["site_code"]) if r["site_code"] else None
            values["direction_id"] = directions.get(r["direction_code"])
            values["service_id"] = services.get((r["service_direction_code"], r["service_name"]))
            local = by_matricule.get(r["matricule"]) if r["matricule"] else person_id_for(lc, r)
            yield r, values, local

    # the common cases go by executemany, the rest one by one
    for r, values in keep_central_ids(lc, PERSON, pulled(), taken):
        # after the inserts, each looked up anew: ids move meanwhile
        mirror(lc, PERSON, r["id"], person_id_for(lc, r), values)
    return len(rows)


def _events_query(start: datetime) -> Select[Any]:
    return (
        select(EVENT, SITE.c.code.label("site_code"), SOURCE.c.uid.label("uid"))
        .join(SITE, SITE.c.id == EVENT.c.site_id)
        .outerjoin(SOURCE, SOURCE.c.event_id == EVENT.c.id)
        .where(EVENT.c.ends_at >= start)
    )


def _apply_events(lc: Connection, rows: Sequence[RowMapping]) -> int:
    sites = _codes(lc, SITE)
    for r in rows:
        values = {c.name: r[c.name] for c in EVENT.c if c.name != "id"}
        values["site_id"] = sites[r["site_code"]]
        mirror(lc, EVENT, r["id"], event_id_for(lc, r, r["uid"], values["site_id"]), values)
        if r["uid"]:
            lc.execute(
                SOURCE.delete().where(SOURCE.c.event_id == r["id"], SOURCE.c.uid != r["uid"])
            )
            stmt = insert_for(lc, SOURCE).values(
                uid=r["uid"], event_id=r["id"], imported_at=r["created_at"]
            )
            lc.execute(
                stmt.on_conflict_do_update(index_elements=["uid"], set_={"event_id": r["id"]})
            )
    return len(rows)


def _events_kept(_start: datetime) -> Select[Any]:
    """Every central event's id (local events keep their central ids): see :func:`_prune_events`."""
    return select(EVENT.c.id)


def _prune_events(lc: Connection, kept: set[Any]) -> int:
    """Drop the local events the central base no longer has (staff deleted one an import left
    behind), with their registrations, so the tour kiosk neither shows it nor admits to it —
    except an event something recorded here names (a check-in, an answer, a sign-up): that
    record must still go up, and the event with it. Returns how many events went."""
    named = [
        select(CHECKIN.c.event_id),
        select(CHECKIN.c.related_event_id).where(CHECKIN.c.related_event_id.is_not(None)),
        select(ATTENDANCE.c.event_id),
        select(FEEDBACK.c.event_id),
        select(ACT.c.event_id),
    ]
    here = set(lc.scalars(union(*named)))
    doomed = [i for i in lc.scalars(select(EVENT.c.id)) if i not in kept and i not in here]
    for n in range(0, len(doomed), 500):  # bounded IN lists (SQLite's variable limit)
        chunk = doomed[n : n + 500]
        lc.execute(update(CONFLICT).where(CONFLICT.c.event_id.in_(chunk)).values(event_id=None))
        lc.execute(delete(REGISTRATION).where(REGISTRATION.c.event_id.in_(chunk)))
        lc.execute(delete(SOURCE).where(SOURCE.c.event_id.in_(chunk)))
        lc.execute(delete(EVENT).where(EVENT.c.id.in_(chunk)))
    return len(doomed)


def _local_ids(lc: Connection, table: Table, ids: set[int]) -> set[int]:
    return set(lc.scalars(select(table.c.id).where(table.c.id.in_(ids))))


def _registrations_query(start: datetime) -> Select[Any]:
    return (
        select(REGISTRATION)
        .join(EVENT, EVENT.c.id == REGISTRATION.c.event_id)
        .where(EVENT.c.ends_at >= start)
    )


def _apply_registrations(lc: Connection, rows: Sequence[RowMapping]) -> int:
    # A registration made after the people pass passed its person waits for the next pass.
    people = _local_ids(lc, PERSON, {r["person_id"] for r in rows})
    events = _local_ids(lc, EVENT, {r["event_id"] for r in rows})
    values = [
        {k: r[k] for k in ("event_id", "person_id", *_REGISTRATION_STATE, "created_at")}
        for r in rows
        if r["person_id"] in people and r["event_id"] in events
    ]
    if values:
        # The central word stands: a sign-up made here offline reads, once replayed, what the
        # central base decided (a place, or the waiting list and its order).
        stmt = insert_for(lc, REGISTRATION)
        stmt = stmt.on_conflict_do_update(
            index_elements=["event_id", "person_id"],
            set_={k: stmt.excluded[k] for k in _REGISTRATION_STATE},
        )
        lc.execute(stmt, values)
    return len(values)


_REGISTRATION_STATE: Final = ("status", "source", "reference", "waiting_since", "status_at")


def _badges_query(start: datetime) -> Select[Any]:
    pulled = select(PERSON.c.id).where(pulled_people(start))
    return select(BADGE).where(BADGE.c.person_id.in_(pulled))


def _apply_badges(lc: Connection, rows: Sequence[RowMapping]) -> int:
    people = _local_ids(lc, PERSON, {r["person_id"] for r in rows} | {
        r["linked_by_id"] for r in rows if r["linked_by_id"] is not None
    })  # fmt: skip
    values = [
        {
            "hash": r["hash"],
            "person_id": r["person_id"],
            "linked_at": r["linked_at"],
            "kiosk_id": None,  # a central kiosk id means nothing here (and is not pushed back)
            "linked_by_id": r["linked_by_id"] if r["linked_by_id"] in people else None,
            "nonce": r["nonce"],
        }
        for r in rows
        if r["person_id"] in people
    ]
    if values:
        stmt = insert_for(lc, BADGE)
        stmt = stmt.on_conflict_do_update(
            index_elements=["hash"], set_={"person_id": stmt.excluded.person_id}
        )
        lc.execute(stmt, values)
    return len(values)


def _apply_revocations(lc: Connection, rows: Sequence[RowMapping]) -> int:
    values = [{c.name: r[c.name] for c in REVOCATION.c if c.name != "id"} for r in rows]
    lc.execute(insert_for(lc, REVOCATION).on_conflict_do_nothing(), values)
    return len(values)


PULL_TABLES: tuple[PullTable, ...] = (
    PullTable(
        "site", SITE, lambda _s: select(SITE),
        _upsert_by_code(SITE, ("name", "town", "address", "is_smart_corner")),
    ),
    PullTable("direction", DIRECTION, lambda _s: select(DIRECTION),
              _upsert_by_code(DIRECTION, ("name",))),
    PullTable("service", SERVICE, _services_query, _apply_services),
    PullTable("person", PERSON, _people_query, _apply_people),
    PullTable("event", EVENT, _events_query, _apply_events, _events_kept, _prune_events),
    PullTable("registration", REGISTRATION, _registrations_query, _apply_registrations),
    # after the registrations: a sign-up made here and refused centrally has no central row
    PullTable("signup_refusal", ACT, refusals_query, apply_refusals),
    PullTable("badge", BADGE, _badges_query, _apply_badges),
    PullTable("ticket_revocation", REVOCATION, lambda _s: select(REVOCATION), _apply_revocations),
    PullTable("document", DOCUMENT, lambda _s: select(DOCUMENT), apply_documents),
    PullTable("project", PROJECT, lambda _s: select(PROJECT), apply_projects, projects_kept,
              prune_projects),
    PullTable("catalogue_item", ITEM, items_query, apply_items),
    PullTable("site_stock", STOCK, stock_query, apply_stock),
    PullTable("collect_order", ORDER, orders_query, apply_orders, orders_kept, prune_orders),
    PullTable("order_line", LINE, lines_query, apply_lines),
    PullTable("tour_stop", STOP, stops_query, apply_stops, stops_kept, prune_stops),
    PullTable("announcement", ANNOUNCEMENT, announcements_query, apply_announcements),
)  # fmt: skip

__all__ = ["PULL_TABLES", "PullTable"]
