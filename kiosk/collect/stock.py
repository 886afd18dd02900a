"""Stock per site: what the catalogue screen shows and what a request may still promise.

A site's count (:class:`~kiosk.collect.tables.SiteStock`) is set by the catalogue import or by
staff, and goes down at each hand-over made at that site. Requests made at the kiosk do not
change it: they *reserve* units until they are handed over or closed, so what may still be
requested is the count less the open requests of the site (:func:`available`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.collect.status import OPEN, OrderSource
from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine, SiteStock
from kiosk.db.models import Site

SET_BY_IMPORT: Final = "import"
SET_BY_STAFF: Final = "staff"
SET_BY_HAND_OVER: Final = "handover"  # the import's count, less what was handed over since


def counts(session: Session, site_id: int) -> dict[int, int]:
    """Item id -> units the site holds."""
    rows = session.execute(
        select(SiteStock.item_id, SiteStock.quantity).where(SiteStock.site_id == site_id)
    )
    return {item: quantity for item, quantity in rows}


def reserved(
    session: Session, site_code: str, item_ids: Iterable[int] | None = None
) -> dict[int, int]:
    """Item id -> units promised by the site's open requests (not handed over, not closed)."""
    stmt = (
        select(OrderLine.item_id, func.sum(OrderLine.quantity))
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .where(
            CollectOrder.source == OrderSource.KIOSK,
            CollectOrder.site_code == site_code,
            OrderLine.status.in_(list(OPEN)),
        )
        .group_by(OrderLine.item_id)
    )
    if item_ids is not None:
        stmt = stmt.where(OrderLine.item_id.in_(list(item_ids)))
    return {item: int(units) for item, units in session.execute(stmt)}


def available(session: Session, site: Site, item: CatalogueItem) -> int | None:
    """Units of ``item`` that may still be requested at ``site``; None if it keeps no stock."""
    if not item.stocked:
        return None
    held = counts(session, site.id).get(item.id, 0)
    return held - reserved(session, site.code, [item.id]).get(item.id, 0)


def lock_stock(session: Session, site_id: int, item_id: int) -> SiteStock | None:
    """The site's count of the item, row-locked on PostgreSQL until the transaction ends: two
    kiosks requesting the last unit queue here (SQLite: the caller's ``BEGIN IMMEDIATE``)."""
    stmt = (
        select(SiteStock)
        .where(SiteStock.site_id == site_id, SiteStock.item_id == item_id)
        .execution_options(populate_existing=True)
    )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return session.scalar(stmt)


def set_count(
    session: Session, site_id: int, item_id: int, quantity: int, *, now: datetime, by: str
) -> bool:
    """Set the site's count (staff's or the import's word); True when it changed."""
    if quantity < 0:
        raise ValueError(f"a stock cannot be negative ({quantity})")
    row = lock_stock(session, site_id, item_id)
    if row is None:
        session.add(
            SiteStock(
                site_id=site_id, item_id=item_id, quantity=quantity, updated_at=now, set_by=by
            )
        )
        return True
    if row.quantity == quantity and row.set_by == by:
        return False
    row.quantity, row.updated_at, row.set_by = quantity, now, by
    return True


def take(session: Session, site_id: int, item_id: int, units: int, now: datetime) -> None:
    """Units handed over at the site leave its count (never below zero: a count staff have
    not updated yet must not stop a hand-over that is happening)."""
    row = lock_stock(session, site_id, item_id)
    if row is None:
        return
    row.quantity = max(0, row.quantity - units)
    row.updated_at, row.set_by = now, SET_BY_HAND_OVER
