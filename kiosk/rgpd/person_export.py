"""Right of access (RGPD art. 15): everything the kiosks hold on one person, as JSON.

The tables are reflected from the database and followed by their foreign keys, so the export
covers tables that capabilities add later without being told about them: the person's row,
every row that references it (registrations, check-ins, badges, visits, help requests,
orders...), and the rows that reference those (an order's lines and their hand-overs).
Badges appear as the keyed hash the kiosks store: the card's number itself is never held.
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, select

DEPTH = 3  # person -> order -> order line -> hand-over
SKIPPED_TABLES = frozenset({"alembic_version"})


class PersonNotFoundError(LookupError):
    pass


def export_person(engine: Engine, person_id: int, *, generated_at: datetime) -> dict[str, Any]:
    """A JSON-ready dict: ``person``, then ``records`` by table, each row as a dict."""
    metadata = MetaData()
    metadata.reflect(engine)
    person = metadata.tables["person"]
    with engine.connect() as conn:
        row = conn.execute(select(person).where(person.c.id == person_id)).mappings().first()
        if row is None:
            raise PersonNotFoundError(f"no person with id {person_id}")
        records: dict[str, list[dict[str, Any]]] = {}
        _follow(conn, metadata, person, {person_id}, records, DEPTH)
    return {
        "generated_at": generated_at.isoformat(),
        "person": _plain(dict(row)),
        "records": {name: rows for name, rows in sorted(records.items()) if rows},
    }


def to_json(export: dict[str, Any]) -> str:
    return json.dumps(export, ensure_ascii=False, indent=2, sort_keys=False)


def _follow(
    conn: Connection,
    metadata: MetaData,
    parent: Table,
    ids: set[int],
    records: dict[str, list[dict[str, Any]]],
    depth: int,
) -> None:
    if depth == 0 or not ids:
        return
    for table in metadata.sorted_tables:
        if table.name in SKIPPED_TABLES or table is parent or "id" not in table.c:
            continue
        for fk in table.foreign_keys:
            if fk.column.table is not parent:
                continue
            rows = conn.execute(select(table).where(fk.parent.in_(sorted(ids)))).mappings().all()
            if not rows:
                continue
            seen = records.setdefault(table.name, [])
            known = {r["id"] for r in seen}
            fresh = [_plain(dict(r)) for r in rows if r["id"] not in known]
            seen.extend(fresh)
            _follow(conn, metadata, table, {r["id"] for r in fresh}, records, depth - 1)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, datetime | date):
            out[key] = value.isoformat()
        elif isinstance(value, bytes | memoryview):
            out[key] = base64.b64encode(bytes(value)).decode("ascii")
        elif isinstance(value, Decimal):
            out[key] = str(value)
        else:
            out[key] = value
    return out
