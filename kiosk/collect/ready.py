"""Orders with lines ready to collect: what the notifications worker tells their owners."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.collect.status import LineStatus
from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine


@dataclass(frozen=True)
class ReadyOrder:
    order_id: int
    reference: str
    person_id: int
    items: tuple[str, ...]  # the ready lines' item names, with the quantity when over one
    ready_until: datetime | None  # the earliest pickup deadline of those lines


def ready_orders(
    session: Session, *, since: datetime, order_id: int | None = None
) -> list[ReadyOrder]:
    """Orders (or the one ``order_id``) with at least one line that became ready at ``since``
    or later, oldest first."""
    stmt = (
        select(
            CollectOrder.id,
            CollectOrder.reference,
            CollectOrder.person_id,
            CatalogueItem.name,
            OrderLine.quantity,
            OrderLine.ready_until,
        )
        .join(OrderLine, OrderLine.order_id == CollectOrder.id)
        .join(CatalogueItem, CatalogueItem.id == OrderLine.item_id)
        .where(OrderLine.status == LineStatus.READY, OrderLine.status_at >= since)
        .order_by(CollectOrder.id, OrderLine.line_no)
    )
    if order_id is not None:
        stmt = stmt.where(CollectOrder.id == order_id)
    rows = session.execute(stmt).all()
    orders: dict[int, ReadyOrder] = {}
    for order_id, reference, person_id, name, quantity, until in rows:
        item = name if quantity == 1 else f"{name} ×{quantity}"
        known = orders.get(order_id)
        if known is None:
            orders[order_id] = ReadyOrder(order_id, reference, person_id, (item,), until)
        else:
            deadlines = [d for d in (known.ready_until, until) if d is not None]
            orders[order_id] = ReadyOrder(
                order_id,
                reference,
                person_id,
                (*known.items, item),
                min(deadlines) if deadlines else None,
            )
    return list(orders.values())
