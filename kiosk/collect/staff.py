"""The desk staff's side: lines to prepare, marked prepared then ready, and expiry.

A staff member proves who they are with their badge (a person whose role is staff or admin)
or with the kiosk's PIN; :class:`StaffProof` carries which, and the line's history keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from kiosk.collect.lines import lock_lines, move_line
from kiosk.collect.status import Actor, LineStatus, OrderSource
from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine
from kiosk.db.models import Person
from kiosk.domain import Role

PICKUP_DAYS: Final = 10  # a ready line waits this long at the desk, then expires
STAFF_ROLES: Final = frozenset({Role.STAFF, Role.ADMIN})
TO_PREPARE: Final = (LineStatus.APPROVED, LineStatus.PREPARED)


class StaffActionError(ValueError):
    """A staff action that cannot be done; ``code`` is stable for the UI."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code  # unknown_line | wrong_status | identification_required | bad_quantity


@dataclass(frozen=True)
class StaffProof:
    actor: Actor  # STAFF_BADGE or STAFF_PIN
    staff_id: int | None = None  # the badge's person; None with the PIN

    def __post_init__(self) -> None:
        if self.actor not in (Actor.STAFF_BADGE, Actor.STAFF_PIN):
            raise ValueError(f"{self.actor} is not a staff proof")
        if self.actor is Actor.STAFF_BADGE and self.staff_id is None:
            raise ValueError("a staff badge proof names the staff member")


def is_staff(person: Person | None) -> bool:
    return person is not None and person.active and person.role in STAFF_ROLES


@dataclass(frozen=True)
class StaffLine:
    line_id: int
    order_ref: str
    line_no: int
    agent_name: str  # staff see whom they prepare for
    matricule: str | None
    item_name: str
    item_icon: str
    tracked: bool
    quantity: int
    prepared_quantity: int | None
    status: LineStatus
    status_at: datetime
    asset_tag: str | None
    serial: str | None
    note: str = ""  # a request made at the kiosk: the agent's note
    placed_at: datetime | None = None

    @property
    def to_answer(self) -> bool:
        """A request made at the kiosk, waiting for staff to approve or decline it."""
        return self.status is LineStatus.PLACED


def lines_to_prepare(session: Session, *, limit: int = 200) -> list[StaffLine]:
    """Requests made at the kiosk to answer, then approved and prepared lines, oldest first: the
    desk's work list (imported orders are approved in the online catalogue, not here)."""
    rows = session.execute(
        select(OrderLine, CollectOrder.reference, Person, CatalogueItem, CollectOrder)
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .join(Person, Person.id == CollectOrder.person_id)
        .join(CatalogueItem, CatalogueItem.id == OrderLine.item_id)
        .where(
            OrderLine.status.in_(TO_PREPARE)
            | ((OrderLine.status == LineStatus.PLACED) & (CollectOrder.source == OrderSource.KIOSK))
        )
        .order_by(
            case((OrderLine.status == LineStatus.PLACED, 0), else_=1),  # answers first
            OrderLine.status_at,
            OrderLine.id,
        )
        .limit(limit)
    )
    return [
        StaffLine(
            line_id=line.id,
            order_ref=ref,
            line_no=line.line_no,
            agent_name=f"{person.first_name} {person.last_name.upper()}",
            matricule=person.matricule,
            item_name=item.name,
            item_icon=item.icon,
            tracked=item.tracked,
            quantity=line.quantity,
            prepared_quantity=line.prepared_quantity,
            status=line.status,
            status_at=line.status_at,
            asset_tag=line.asset_tag,
            serial=line.serial,
            note=order.note,
            placed_at=order.placed_at,
        )
        for line, ref, person, item, order in rows
    ]


def _locked_line(session: Session, line_id: int) -> OrderLine:
    found = lock_lines(session, [line_id])
    if not found:
        raise StaffActionError("unknown_line", f"no order line {line_id}")
    return found[0]


def mark_prepared(
    session: Session,
    line_id: int,
    proof: StaffProof,
    *,
    now: datetime,
    kiosk_id: int | None,
    prepared_quantity: int | None = None,
    asset_tag: str | None = None,
    serial: str | None = None,
) -> None:
    """Approved -> prepared; a tracked item needs its asset tag or serial number."""
    line = _locked_line(session, line_id)
    if line.status is not LineStatus.APPROVED:
        raise StaffActionError("wrong_status", f"line {line_id} is {line.status}, not approved")
    item = session.get(CatalogueItem, line.item_id)
    assert item is not None
    asset_tag = (asset_tag or "").strip() or None
    serial = (serial or "").strip() or None
    if item.tracked and not (asset_tag or serial):
        raise StaffActionError(
            "identification_required", f"{item.name}: asset tag or serial number required"
        )
    quantity = line.quantity if prepared_quantity is None else prepared_quantity
    if not 0 < quantity <= line.quantity:
        raise StaffActionError("bad_quantity", f"prepared quantity must be 1 to {line.quantity}")
    line.prepared_quantity = quantity
    line.asset_tag, line.serial = asset_tag, serial
    detail = "" if quantity == line.quantity else f"shortage: {quantity}/{line.quantity}"
    move_line(
        session,
        line,
        LineStatus.PREPARED,
        now=now,
        actor=proof.actor,
        kiosk_id=kiosk_id,
        staff_id=proof.staff_id,
        detail=detail,
    )


def mark_ready(
    session: Session,
    line_id: int,
    proof: StaffProof,
    *,
    now: datetime,
    kiosk_id: int | None,
    pickup_days: int = PICKUP_DAYS,
) -> None:
    """Prepared -> ready: the agent can come; the line waits ``pickup_days`` days."""
    line = _locked_line(session, line_id)
    if line.status is not LineStatus.PREPARED:
        raise StaffActionError("wrong_status", f"line {line_id} is {line.status}, not prepared")
    line.ready_until = now + timedelta(days=pickup_days)
    line.expected_at = None
    move_line(
        session,
        line,
        LineStatus.READY,
        now=now,
        actor=proof.actor,
        kiosk_id=kiosk_id,
        staff_id=proof.staff_id,
    )


def expire_overdue(session: Session, now: datetime) -> int:
    """Ready lines past their pickup deadline become expired (no-show); returns how many."""
    ids = list(
        session.scalars(
            select(OrderLine.id).where(
                OrderLine.status == LineStatus.READY, OrderLine.ready_until < now
            )
        )
    )
    expired = 0
    for line in lock_lines(session, ids) if ids else []:
        if line.status is LineStatus.READY:  # re-checked under the lock
            move_line(session, line, LineStatus.EXPIRED, now=now, actor=Actor.SYSTEM)
            expired += 1
    return expired
