"""The Smart Tour's itinerary and staff's announcements in the tour kiosk's sync: both come
down. Stops are copied by their natural key (``ref``: site code and local start), their site
translated by code, and a stop the central base dropped (cancelled by a later import) goes
here too; announcements are copied by nonce (a withdrawn one comes down with its new end)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, Select, delete, select

from kiosk.announcements.tables import Announcement
from kiosk.db.models import Site
from kiosk.itinerary.tables import TourStop
from kiosk.sync.keys import insert_for, table_of, upsert_by_key

STOP, ANNOUNCEMENT, _SITE = table_of(TourStop), table_of(Announcement), table_of(Site)


def stops_query(start: datetime) -> Select[Any]:
    return (
        select(STOP, _SITE.c.code.label("site_code"))
        .join(_SITE, _SITE.c.id == STOP.c.site_id)
        .where(STOP.c.ends_at >= start)
    )


def stops_kept(_start: datetime) -> Select[Any]:
    """Every central stop's ref, past ones too: a stop over before the pull window is not
    pulled again, but it is not dropped either while the central itinerary keeps it."""
    return select(STOP.c.ref)


def apply_stops(lc: Connection, rows: Sequence[RowMapping]) -> int:
    sites = dict(lc.execute(select(_SITE.c.code, _SITE.c.id)).all())
    copied = ("site_id", "starts_at", "ends_at", "offer", "offer_en", "imported_at")
    values = [
        {"ref": r["ref"], **{c: r[c] for c in copied if c != "site_id"},
         "site_id": sites[r["site_code"]]}
        for r in rows
        if r["site_code"] in sites  # sites come down first; a newer one waits for the next pass
    ]  # fmt: skip
    if values:
        stmt = insert_for(lc, STOP)
        stmt = stmt.on_conflict_do_update(
            index_elements=["ref"], set_={c: stmt.excluded[c] for c in copied}
        )
        lc.execute(stmt, values)
    return len(values)


def prune_stops(lc: Connection, kept: set[Any]) -> int:
    """Drop the local stops the central itinerary no longer lists (``kept``: every central
    ref; a stop over long ago stays while the centre keeps it)."""
    local = lc.execute(select(STOP.c.id, STOP.c.ref)).all()
    doomed = [i for i, ref in local if ref not in kept]
    for n in range(0, len(doomed), 500):
        lc.execute(delete(STOP).where(STOP.c.id.in_(doomed[n : n + 500])))
    return len(doomed)


def announcements_query(start: datetime) -> Select[Any]:
    return select(ANNOUNCEMENT).where(ANNOUNCEMENT.c.ends_at >= start)


def apply_announcements(lc: Connection, rows: Sequence[RowMapping]) -> int:
    return upsert_by_key(lc, ANNOUNCEMENT, "nonce", rows)
