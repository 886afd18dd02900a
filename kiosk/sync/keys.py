"""Stable natural keys shared by the Smart Tour push and pull (see :mod:`kiosk.sync.tour`).

Database ids differ between a tour kiosk's SQLite file and the central database, so a row is
recognised on the other side by what identifies it in the domain: a site, a direction or a
kiosk by its code, an agent by matricule, a visitor by e-mail (else by name and organisation,
folded as :func:`kiosk.checkin.door.find_or_create_visitor` does), an event by the external
id it was imported with (else by site, space, start and title), a badge by its hash.

The same lookup functions run on either side: they take a connection and a row's values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, Table, bindparam, func, or_, select, update

from kiosk.db.models import Base, Event, Person, Registration
from kiosk.domain import PersonKind
from kiosk.programme.tables import EventSource
from kiosk.text import fold_words


def table_of(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


PERSON = table_of(Person)
EVENT = table_of(Event)
EVENT_SOURCE = table_of(EventSource)
REGISTRATION = table_of(Registration)


def insert_for(conn: Connection, table: Table) -> Any:
    """An INSERT with ``on_conflict_do_*`` for this connection's dialect (PostgreSQL, SQLite).

    Typed ``Any``: the two dialects' Insert classes share those methods but no base class.
    """
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def upsert_by_key(lc: Connection, table: Table, key: str, rows: Sequence[RowMapping]) -> int:
    """Pulled rows inserted, or copied over the local row with the same natural ``key`` (the
    local id stays: nothing refers to these rows by a central id)."""
    copied = [c.name for c in table.c if c.name not in ("id", key)]
    values = [{c.name: r[c.name] for c in table.c if c.name != "id"} for r in rows]
    stmt = insert_for(lc, table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[key], set_={c: stmt.excluded[c] for c in copied}
    )
    lc.execute(stmt, values)
    return len(values)


def person_id_for(conn: Connection, row: Mapping[Any, Any]) -> int | None:
    """The id of the person ``row`` describes in ``conn``'s database, or None."""
    if row["matricule"]:
        found: int | None = conn.scalar(
            select(PERSON.c.id).where(PERSON.c.matricule == row["matricule"])
        )
        return found
    visitors = select(PERSON.c.id, PERSON.c.first_name, PERSON.c.last_name, PERSON.c.organisation)
    visitors = visitors.where(PERSON.c.kind == PersonKind.VISITOR)
    if row["email"]:
        found = conn.scalar(
            select(PERSON.c.id)
            .where(PERSON.c.kind == PersonKind.VISITOR)
            .where(func.lower(PERSON.c.email) == str(row["email"]).lower())
            .order_by(PERSON.c.id)
            .limit(1)
        )
        if found is not None:
            return int(found)
    wanted = (
        fold_words(row["first_name"]),
        fold_words(row["last_name"]),
        fold_words(row["organisation"] or ""),
    )
    same_name = visitors.where(func.lower(PERSON.c.last_name) == str(row["last_name"]).lower())
    for pid, first, last, organisation in conn.execute(same_name.order_by(PERSON.c.id)):
        if (fold_words(first), fold_words(last), fold_words(organisation or "")) == wanted:
            return int(pid)
    return None


def event_id_for(
    conn: Connection, row: Mapping[Any, Any], uid: str | None, site_id: int | None
) -> int | None:
    """The id of the event ``row`` describes (``site_id`` already in ``conn``'s ids), or None."""
    if uid:
        found: int | None = conn.scalar(
            select(EVENT_SOURCE.c.event_id).where(EVENT_SOURCE.c.uid == uid)
        )
        if found is not None:
            return found
    found = conn.scalar(
        select(EVENT.c.id)
        .where(
            EVENT.c.site_id == site_id,
            EVENT.c.space == row["space"],
            EVENT.c.starts_at == row["starts_at"],
            EVENT.c.title == row["title"],
        )
        .order_by(EVENT.c.id)
        .limit(1)
    )
    return found


def renumber(conn: Connection, table: Table, old: int, new: int) -> None:
    """Give row ``old`` of ``table`` the id ``new``, and every reference to it.

    The caller's SQLite transaction must defer foreign keys (``PRAGMA defer_foreign_keys``):
    the references and the row move in separate statements.
    """
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table.name == table.name and fk.column.name == "id":
                conn.execute(update(other).where(fk.parent == old).values({fk.parent.name: new}))
    conn.execute(update(table).where(table.c.id == old).values(id=new))


def free_id(conn: Connection, table: Table, above: int) -> int:
    """An id no row of ``table`` holds, above ``above``."""
    highest = conn.scalar(select(func.max(table.c.id))) or 0
    return max(int(highest), above) + 1


def pulled_people(window_start: datetime) -> Any:
    """Who a tour kiosk holds: every agent, and the visitors registered to the events pulled."""
    registered = (
        select(REGISTRATION.c.person_id)
        .join(EVENT, EVENT.c.id == REGISTRATION.c.event_id)
        .where(EVENT.c.ends_at >= window_start)
    )
    return or_(PERSON.c.kind == PersonKind.AGENT, PERSON.c.id.in_(registered))


def keep_central_ids(
    lc: Connection,
    table: Table,
    pulled: Iterable[tuple[RowMapping, dict[str, Any], int | None]],
    taken: set[int],
) -> list[tuple[RowMapping, dict[str, Any]]]:
    """Pulled rows (central row, local values, the local id its natural key finds) written in
    two executemany: updated where that local row already has the central id, inserted under
    the central id where there is no local row and the id is free (``taken``: the central ids
    already used here). The rest, whose ids must move, is returned for :func:`mirror`."""
    same, new, moved = [], [], []
    for r, values, local in pulled:
        if local == r["id"]:
            same.append({"b_id": r["id"], **values})
        elif local is None and r["id"] not in taken:
            new.append({"id": r["id"], **values})
        else:
            moved.append((r, values))
    if same:
        lc.execute(update(table).where(table.c.id == bindparam("b_id")), same)
    if new:
        lc.execute(table.insert(), new)
    return moved


def mirror(
    lc: Connection,
    table: Table,
    central_id: int,
    local_id: int | None,
    values: Mapping[str, Any],
) -> None:
    """Make local row ``central_id`` hold ``values``; ``local_id`` already describes it."""
    if local_id != central_id:
        if lc.scalar(select(table.c.id).where(table.c.id == central_id)) is not None:
            renumber(lc, table, central_id, free_id(lc, table, central_id))  # someone else's
        if local_id is not None:
            renumber(lc, table, local_id, central_id)
    if local_id is None:
        lc.execute(table.insert().values({"id": central_id, **values}))
    else:
        lc.execute(update(table).where(table.c.id == central_id).values(values))
