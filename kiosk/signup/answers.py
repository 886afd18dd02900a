"""Staff answering a request, or making a line ready, with the agent's message in the same
transaction: a decline is never recorded without its notice, nor a notice left for a decline
that rolled back.

The line moves are Click & Collect's own (:mod:`kiosk.collect.requests`,
:mod:`kiosk.collect.staff`); this module only adds the outbox row, keyed so that queueing twice
(the worker's round noticing the same ready order) adds nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.collect import requests as collect_requests
from kiosk.collect import staff as collect_staff
from kiosk.collect.ready import ready_orders
from kiosk.collect.staff import StaffProof
from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine
from kiosk.signup.notices import declined_notice, enqueue_notice, ready_notice
from kiosk.signup.tables import NoticeKind


def decline_request(
    session: Session,
    line_id: int,
    proof: StaffProof,
    reason: str,
    *,
    now: datetime,
    kiosk_id: int | None,
) -> None:
    """Decline the request (see :func:`kiosk.collect.requests.decline`) and queue the message
    that tells the agent why; flushes, the caller commits."""
    collect_requests.decline(session, line_id, proof, reason, now=now, kiosk_id=kiosk_id)
    queue_declined_notice(session, line_id, now)


def queue_declined_notice(session: Session, line_id: int, now: datetime) -> bool:
    """Queue the message telling the agent why the request of line ``line_id`` was declined
    (once: False when it already is); flushes only."""
    session.flush()
    line, order, item = session.execute(
        select(OrderLine, CollectOrder, CatalogueItem)
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .join(CatalogueItem, CatalogueItem.id == OrderLine.item_id)
        .where(OrderLine.id == line_id)
    ).one()
    label = item.name if line.quantity == 1 else f"{item.name} ×{line.quantity}"
    subject, body = declined_notice(order.reference, [label], line.decline_reason or "")
    return enqueue_notice(
        session,
        kind=NoticeKind.DECLINED,
        key=f"declined:{line.id}",
        person_id=order.person_id,
        subject=subject,
        body=body,
        now=now,
    )


def mark_line_ready(
    session: Session,
    line_id: int,
    proof: StaffProof,
    *,
    now: datetime,
    kiosk_id: int | None,
) -> None:
    """Make the line ready (see :func:`kiosk.collect.staff.mark_ready`) and queue the « prête »
    message of its order, unless that order's message is already queued; flushes only."""
    collect_staff.mark_ready(session, line_id, proof, now=now, kiosk_id=kiosk_id)
    session.flush()
    order_id = session.scalar(select(OrderLine.order_id).where(OrderLine.id == line_id))
    for order in ready_orders(session, since=now, order_id=order_id):
        subject, body = ready_notice(order.reference, list(order.items), order.ready_until)
        enqueue_notice(
            session,
            kind=NoticeKind.READY,
            key=f"ready:{order.order_id}",
            person_id=order.person_id,
            subject=subject,
            body=body,
            now=now,
        )
