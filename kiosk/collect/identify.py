"""Who is at the kiosk for a pickup: a badge, or the order code of the "ready" message.

A badge lists all of its holder's orders. An order code lists only its order (whoever holds
the message can see what it says, no more). Once someone is identified, a badge or a code of
*another* person is refused without a word about what that person ordered.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.collect.order_code import OrderClaims
from kiosk.collect.pickup import AgentLines, IdentifiedBy, agent_lines
from kiosk.collect.tables import CollectOrder
from kiosk.db.models import Person
from kiosk.identity import person_for_badge


class IdentifyProblem(enum.StrEnum):
    UNKNOWN_BADGE = "unknown_badge"
    INACTIVE_PERSON = "inactive_person"
    UNKNOWN_ORDER = "unknown_order"  # a genuine code whose order is not in this database
    NOT_YOURS = "not_yours"  # another person than the one already identified


class IdentifyRefused(Exception):
    def __init__(self, problem: IdentifyProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def by_badge(
    session: Session, badge_hash: str, now: datetime, *, current_person_id: int | None = None
) -> AgentLines:
    person = person_for_badge(session, badge_hash)
    if person is None:
        raise IdentifyRefused(IdentifyProblem.UNKNOWN_BADGE)
    if current_person_id is not None and person.id != current_person_id:
        raise IdentifyRefused(IdentifyProblem.NOT_YOURS)
    if not person.active:
        raise IdentifyRefused(IdentifyProblem.INACTIVE_PERSON)
    return agent_lines(session, person, now, identified_by=IdentifiedBy.BADGE)


def by_order_code(
    session: Session,
    claims: OrderClaims,
    now: datetime,
    *,
    current_person_id: int | None = None,
    current_by: IdentifiedBy | None = None,
) -> AgentLines:
    """The order of a verified code; the person's other orders too when their badge is in."""
    if current_person_id is not None and claims.person_id != current_person_id:
        raise IdentifyRefused(IdentifyProblem.NOT_YOURS)
    order = session.get(CollectOrder, claims.order_id)
    if order is None or order.person_id != claims.person_id:
        raise IdentifyRefused(IdentifyProblem.UNKNOWN_ORDER)
    person = session.get(Person, order.person_id)
    assert person is not None  # foreign key
    if not person.active:
        raise IdentifyRefused(IdentifyProblem.INACTIVE_PERSON)
    if current_by is IdentifiedBy.BADGE:  # the badge already showed everything: keep it
        return agent_lines(session, person, now, identified_by=IdentifiedBy.BADGE)
    return agent_lines(
        session, person, now, identified_by=IdentifiedBy.ORDER_CODE, order_id=order.id
    )
