"""Moving an order line: the only code that changes ``order_line.status``.

Every move is checked against :data:`kiosk.collect.status.TRANSITIONS` and leaves a
:class:`~kiosk.collect.tables.LineEvent` (who, where, when, nonce) in the same transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.collect.status import Actor, LineStatus, check_transition
from kiosk.collect.tables import LineEvent, OrderLine
from kiosk.domain import new_nonce


def move_line(
    session: Session,
    line: OrderLine,
    to: LineStatus,
    *,
    now: datetime,
    actor: Actor,
    kiosk_id: int | None = None,
    staff_id: int | None = None,
    detail: str = "",
) -> None:
    """Change ``line``'s status (raises InvalidTransition) and record it; flushes nothing."""
    check_transition(line.status, to)
    session.add(
        LineEvent(
            nonce=new_nonce(),
            line_id=line.id,
            from_status=line.status,
            to_status=to,
            at=now,
            actor=actor,
            kiosk_id=kiosk_id,
            staff_id=staff_id,
            detail=detail[:200],
        )
    )
    line.status = to
    line.status_at = now


def lock_lines(session: Session, line_ids: list[int]) -> list[OrderLine]:
    """The lines, row-locked on PostgreSQL (``FOR UPDATE``) so a racing kiosk waits its turn.

    SQLite has no row locks: callers start their transaction with ``BEGIN IMMEDIATE`` instead.
    Either way the unique ``hand_over.line_id`` is the last word.
    """
    stmt = (
        select(OrderLine)
        .where(OrderLine.id.in_(line_ids))
        .order_by(OrderLine.id)
        .execution_options(populate_existing=True)  # what the lock saw, not a stale copy
    )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=OrderLine)
    return list(session.scalars(stmt))
