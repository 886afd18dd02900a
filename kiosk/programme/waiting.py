"""The waiting list's order, shared by the sign-up (who gets a freed place) and the door (where
a waiting person stands, and whether a free place is theirs).

One order everywhere: by ``waiting_since`` (rows imported onto the list have none and count
from ``created_at``), then by id. Two kiosks asked the same question give the same position.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from kiosk.db.models import Registration
from kiosk.domain import RegistrationStatus


def queue_order() -> tuple[ColumnElement[datetime], ColumnElement[int]]:
    """ORDER BY terms of the waiting list: first come, first served."""
    return (
        func.coalesce(Registration.waiting_since, Registration.created_at),
        Registration.id.expression,
    )


def waiting_position(session: Session, registration: Registration) -> int | None:
    """1 for the next one to get a place; None when not on the waiting list."""
    if registration.status is not RegistrationStatus.WAITING_LIST:
        return None
    since = registration.waiting_since or registration.created_at
    mine = func.coalesce(Registration.waiting_since, Registration.created_at)
    ahead = session.scalar(
        select(func.count(Registration.id)).where(
            Registration.event_id == registration.event_id,
            Registration.status == RegistrationStatus.WAITING_LIST,
            or_(mine < since, and_(mine == since, Registration.id < registration.id)),
        )
    )
    return int(ahead or 0) + 1


def waiting_count(session: Session, event_id: int) -> int:
    """How many wait for a place at ``event_id``."""
    return int(
        session.scalar(
            select(func.count(Registration.id)).where(
                Registration.event_id == event_id,
                Registration.status == RegistrationStatus.WAITING_LIST,
            )
        )
        or 0
    )
