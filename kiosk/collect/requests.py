"""Requests made at the kiosk: an agent asks for a catalogue item, staff approve or decline.

A request *is* a Click & Collect order (``source = kiosk``) of one line that starts
``placed``: once approved it follows the pickup's life cycle (prepared, ready, collected).
:func:`place_request` runs in one transaction: the nonce first (a retry returns the request
already made), then the person's row and the site's stock row are locked (PostgreSQL; SQLite:
``BEGIN IMMEDIATE``) and the policy is checked again — two kiosks racing for the last unit or
the last allowance: one wins, the other is told why in words.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.collect.lines import lock_lines, move_line
from kiosk.collect.pickup import policy_of
from kiosk.collect.policy import (
    Holder,
    OpenRequest,
    PolicyRefusal,
    PriorHandOver,
    RefusalCode,
    check_request,
)
from kiosk.collect.staff import StaffActionError, StaffProof
from kiosk.collect.status import OPEN, Actor, LineStatus, OrderSource
from kiosk.collect.stock import available, lock_stock
from kiosk.collect.tables import CatalogueItem, CollectOrder, HandOver, OrderLine
from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Direction, Kiosk, Person, Site
from kiosk.domain import PARIS
from kiosk.ports import Receipt, ReceiptLine
from kiosk.printing.spool import enqueue

REFERENCE_PREFIX: Final = "DEM-"
MAX_QUANTITY: Final = 10
NOTE_LENGTH: Final = 200
SLIP_KIND: Final = "request_slip"
SLIP_TITLE: Final = "Demande de matériel"
SLIP_FOOTER: Final = (
    "Votre demande sera étudiée par l'équipe du Smart Store.",
    "Suivez-la dans « Mon espace » avec votre badge.",
)


class RequestRefused(Exception):
    """Nothing was written: the policy (or the stock) says no; ``refusal`` says why."""

    def __init__(self, refusal: PolicyRefusal) -> None:
        super().__init__(f"request refused: {refusal.code}")
        self.refusal = refusal


@dataclass(frozen=True)
class NewRequest:
    person_id: int
    item_id: int
    quantity: int
    note: str
    kiosk_id: int
    nonce: str  # made once when the agent opens the request: a retry keeps it


@dataclass(frozen=True)
class RequestPlaced:
    order_id: int
    line_id: int
    reference: str
    item_name: str
    quantity: int
    at: datetime
    print_job_id: int | None
    replayed: bool = False


def reference_for(nonce: str) -> str:
    """``DEM-`` and eight Base32 characters from the nonce: short enough to read out, safe
    for a scanner on an AZERTY keyboard, and unique (the column is)."""
    raw = bytes.fromhex(nonce)[:5]
    return REFERENCE_PREFIX + base64.b32encode(raw).decode("ascii")


def holder_of(session: Session, person: Person) -> Holder:
    direction = None
    if person.direction_id is not None:
        direction = session.scalar(
            select(Direction.code).where(Direction.id == person.direction_id)
        )
    return Holder(
        role=None if person.role is None else person.role.value,
        direction=direction,
        active=person.active,
    )


def prior_hand_overs(session: Session, person_id: int, item_id: int) -> list[PriorHandOver]:
    return [
        PriorHandOver(at, quantity)
        for at, quantity in session.execute(
            select(HandOver.at, HandOver.quantity).where(
                HandOver.person_id == person_id, HandOver.item_id == item_id
            )
        )
    ]


def open_requests(session: Session, person_id: int, item_id: int) -> list[OpenRequest]:
    """The person's lines of the item still open (requests and imported orders alike)."""
    return [
        OpenRequest(at)
        for (at,) in session.execute(
            select(CollectOrder.placed_at)
            .join(OrderLine, OrderLine.order_id == CollectOrder.id)
            .where(
                CollectOrder.person_id == person_id,
                OrderLine.item_id == item_id,
                OrderLine.status.in_(list(OPEN)),
            )
        )
    ]


def place_request(
    session: Session, request: NewRequest, now: datetime, *, enqueue_slip: bool = True
) -> RequestPlaced:
    """Record the request in ``session``'s transaction (the caller commits).

    Raises :class:`RequestRefused` (nothing written) when the policy or the stock says no now.
    """
    if not 0 < request.quantity <= MAX_QUANTITY:
        raise ValueError(f"quantity must be 1 to {MAX_QUANTITY}, not {request.quantity}")
    previous = session.scalar(select(CollectOrder).where(CollectOrder.nonce == request.nonce))
    if previous is not None:
        return _replay(session, previous)
    postgres = session.get_bind().dialect.name == "postgresql"
    # Person first, then the stock row: the hand-over takes them in the same order.
    person = session.get(Person, request.person_id, with_for_update=postgres or None)
    kiosk = session.get(Kiosk, request.kiosk_id)
    item = session.get(CatalogueItem, request.item_id)
    if person is None or kiosk is None or item is None:
        raise ValueError("unknown person, kiosk or item")
    site = session.get(Site, kiosk.site_id)
    assert site is not None  # foreign key
    if item.stocked:
        lock_stock(session, site.id, item.id)
    refusal = check_request(
        policy_of(item),
        holder_of(session, person),
        request.quantity,
        prior_hand_overs(session, person.id, item.id),
        open_requests(session, person.id, item.id),
        available(session, site, item),
        now,
    )
    if refusal is not None:
        raise RequestRefused(refusal)
    order, line = _placed_order(session, request, person, kiosk, site, item, now)
    job_id = None
    if enqueue_slip:
        job_id = enqueue(
            session,
            request_slip(person, item, order, request.quantity, kiosk.name),
            kind=SLIP_KIND,
            ref=f"request:{order.id}",
            kiosk_id=kiosk.id,
            now=now,
        )
    return RequestPlaced(
        order.id, line.id, order.reference, item.name, request.quantity, now, job_id
    )


def _placed_order(
    session: Session,
    request: NewRequest,
    person: Person,
    kiosk: Kiosk,
    site: Site,
    item: CatalogueItem,
    now: datetime,
) -> tuple[CollectOrder, OrderLine]:
    """The request as a one-line kiosk order, its line placed: granted or, replayed from the
    Smart Tour and refused, declined right after. Flushes only."""
    order = CollectOrder(
        reference=reference_for(request.nonce),
        person_id=person.id,
        placed_at=now,
        imported_at=now,
        source=OrderSource.KIOSK,
        nonce=request.nonce,
        site_code=site.code,
        note=request.note.strip()[:NOTE_LENGTH],
        kiosk_id=kiosk.id,
    )
    session.add(order)
    session.flush()
    line = OrderLine(
        order_id=order.id,
        line_no=1,
        item_id=item.id,
        quantity=request.quantity,
        status=LineStatus.PLACED,
        status_at=now,
    )
    session.add(line)
    session.flush()
    return order, line


# Why a request made offline on the Smart Tour is declined when the central base decides it:
# plain French, read by the agent in « Mon espace » and in the mail (as a staff reason is).
REPLAY_REASONS: Final = {
    RefusalCode.PERSON_INACTIVE: "votre compte n’est pas actif",
    RefusalCode.ITEM_WITHDRAWN: "cet article n’est plus proposé",
    RefusalCode.ROLE_NOT_ALLOWED: "article réservé à d’autres fonctions",
    RefusalCode.DIRECTION_NOT_ALLOWED: "article réservé à d’autres directions",
    RefusalCode.QUOTA_REACHED: "quota déjà atteint (matériel reçu ou accordé entre-temps)",
    RefusalCode.ALREADY_REQUESTED: "une demande du même article est déjà en cours",
    RefusalCode.OUT_OF_STOCK: "plus assez de stock sur ce site",
}
REPLAY_PREFIX: Final = "Refusée au retour du Smart Tour\u202f: "


def record_refused_request(
    session: Session,
    request: NewRequest,
    refusal: PolicyRefusal,
    now: datetime,
    *,
    decided_at: datetime | None = None,
) -> RequestPlaced:
    """Keep a request the policy refused when it was replayed (made offline at ``now``,
    decided at ``decided_at``, by default then too): the order and its line, declined by the
    system with the reason in words, so the agent finds it in « Mon espace » rather than a
    request that vanished. Flushes only."""
    person = session.get_one(Person, request.person_id)
    kiosk = session.get_one(Kiosk, request.kiosk_id)
    item = session.get_one(CatalogueItem, request.item_id)
    site = session.get_one(Site, kiosk.site_id)
    order, line = _placed_order(session, request, person, kiosk, site, item, now)
    reason = (REPLAY_PREFIX + REPLAY_REASONS[refusal.code])[:200]
    line.decline_reason = reason
    move_line(session, line, LineStatus.DECLINED, now=decided_at or now, actor=Actor.SYSTEM,
              detail=reason)  # fmt: skip
    session.flush()
    return RequestPlaced(order.id, line.id, order.reference, item.name, request.quantity, now,
                         None)  # fmt: skip


def record_request(
    sessions: Callable[[], Session], request: NewRequest, now: datetime
) -> RequestPlaced:
    """:func:`place_request` in a transaction of its own, committed before returning.

    A racing kiosk with the same nonce (a double tap on two kiosks cannot share one, but a
    retry after a lost answer can) hits the unique nonce: the request it made is returned.
    """
    with sessions() as session:
        begin_as_writer(session)
        try:
            placed = place_request(session, request, now)
            session.commit()
        except RequestRefused:
            session.rollback()
            raise
        except IntegrityError:
            session.rollback()
            existing = session.scalar(
                select(CollectOrder).where(CollectOrder.nonce == request.nonce)
            )
            if existing is None:
                raise
            return _replay(session, existing)
        return placed


def request_slip(
    person: Person, item: CatalogueItem, order: CollectOrder, quantity: int, kiosk_name: str
) -> Receipt:
    rows = [
        ReceiptLine("Agent", f"{person.first_name} {person.last_name.upper()}"),
        ReceiptLine("Demande", order.reference),
        ReceiptLine(f"{quantity} x {item.name}", ""),
    ]
    if order.note:
        rows.append(ReceiptLine("Note", order.note))
    rows.append(ReceiptLine("État", "en attente de validation"))
    return Receipt(
        title=SLIP_TITLE,
        kiosk=kiosk_name,
        lines=tuple(rows),
        big_number=order.reference,
        qr_payload=order.reference,
        footer=SLIP_FOOTER,
        printed_at=order.placed_at.astimezone(PARIS),
    )


def _replay(session: Session, order: CollectOrder) -> RequestPlaced:
    line = session.scalar(select(OrderLine).where(OrderLine.order_id == order.id))
    assert line is not None
    item = session.get(CatalogueItem, line.item_id)
    assert item is not None
    return RequestPlaced(
        order.id,
        line.id,
        order.reference,
        item.name,
        line.quantity,
        order.placed_at,
        None,
        replayed=True,
    )


# --- staff ------------------------------------------------------------------------------------


def _placed_line(session: Session, line_id: int) -> OrderLine:
    found = lock_lines(session, [line_id])
    if not found:
        raise StaffActionError("unknown_line", f"no order line {line_id}")
    line = found[0]
    if line.status is not LineStatus.PLACED:
        raise StaffActionError("wrong_status", f"line {line_id} is {line.status}, not placed")
    return line


def approve(
    session: Session, line_id: int, proof: StaffProof, *, now: datetime, kiosk_id: int | None
) -> None:
    """Placed -> approved: the request joins the desk's preparation list."""
    line = _placed_line(session, line_id)
    move_line(
        session,
        line,
        LineStatus.APPROVED,
        now=now,
        actor=proof.actor,
        kiosk_id=kiosk_id,
        staff_id=proof.staff_id,
    )


def decline(
    session: Session,
    line_id: int,
    proof: StaffProof,
    reason: str,
    *,
    now: datetime,
    kiosk_id: int | None,
) -> None:
    """Placed -> declined, with the reason the agent reads in « Mon espace » (required)."""
    reason = " ".join(reason.split())[:200]
    if not reason:
        raise StaffActionError("reason_required", "a decline needs a reason the agent can read")
    line = _placed_line(session, line_id)
    line.decline_reason = reason
    move_line(
        session,
        line,
        LineStatus.DECLINED,
        now=now,
        actor=proof.actor,
        kiosk_id=kiosk_id,
        staff_id=proof.staff_id,
        detail=reason,
    )


# --- read models --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgentRequest:
    """One line of the agent's requests and orders, as « Mon espace » lists it."""

    order_id: int
    line_id: int
    reference: str
    source: OrderSource
    item_code: str
    item_name: str
    item_icon: str
    quantity: int
    status: LineStatus
    status_at: datetime
    placed_at: datetime
    note: str
    decline_reason: str | None  # set when status is DECLINED
    expected_at: datetime | None = None  # announced date while not ready (back-order)
    ready_until: datetime | None = None  # pickup deadline once ready
    item_name_en: str = ""  # empty: the French name is shown in English too
    # The kiosk the request was made at, while this database holds it as made here (a Smart
    # Tour kiosk: not yet in the central base); None for imported or pulled orders.
    kiosk_id: int | None = None

    def item_name_in(self, english: bool) -> str:
        return self.item_name_en if english and self.item_name_en else self.item_name

    @property
    def is_open(self) -> bool:
        """Still under way: placed, approved, prepared or ready."""
        return self.status in OPEN


def agent_requests(
    session: Session, person_id: int, *, closed_since: datetime | None = None
) -> list[AgentRequest]:
    """The person's order lines, requests made at the kiosk and imported orders alike, newest
    first (the person's own data only): all of them, or with ``closed_since`` the open ones
    and those closed since then."""
    stmt = (
        select(OrderLine, CollectOrder, CatalogueItem)
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .join(CatalogueItem, CatalogueItem.id == OrderLine.item_id)
        .where(CollectOrder.person_id == person_id)
        .order_by(CollectOrder.placed_at.desc(), OrderLine.id.desc())
    )
    if closed_since is not None:
        stmt = stmt.where(
            or_(OrderLine.status.in_(list(OPEN)), OrderLine.status_at >= closed_since)
        )
    rows = session.execute(stmt)
    return [
        AgentRequest(
            order_id=order.id,
            line_id=line.id,
            reference=order.reference,
            source=order.source,
            item_code=item.code,
            item_name=item.name,
            item_icon=item.icon,
            quantity=line.quantity,
            status=line.status,
            status_at=line.status_at,
            placed_at=order.placed_at,
            note=order.note,
            decline_reason=line.decline_reason,
            expected_at=line.expected_at,
            ready_until=line.ready_until,
            item_name_en=item.name_en,
            kiosk_id=order.kiosk_id,
        )
        for line, order, item in rows
    ]


@dataclass(frozen=True)
class StaffRequest:
    """A request as staff see it: whom it is for, what, and the agent's note."""

    line_id: int
    reference: str
    agent_name: str
    matricule: str | None
    item_name: str
    item_icon: str
    quantity: int
    note: str
    status: LineStatus
    placed_at: datetime
    site_code: str | None
    decline_reason: str | None


def requests(
    session: Session, *, status: LineStatus | None = None, limit: int = 500
) -> list[StaffRequest]:
    """Requests made at the kiosks (oldest first), all or those in ``status``."""
    stmt = (
        select(OrderLine, CollectOrder, Person, CatalogueItem)
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .join(Person, Person.id == CollectOrder.person_id)
        .join(CatalogueItem, CatalogueItem.id == OrderLine.item_id)
        .where(CollectOrder.source == OrderSource.KIOSK)
        .order_by(CollectOrder.placed_at, OrderLine.id)
        .limit(limit)
    )
    if status is not None:
        stmt = stmt.where(OrderLine.status == status)
    return [
        StaffRequest(
            line_id=line.id,
            reference=order.reference,
            agent_name=f"{person.first_name} {person.last_name.upper()}",
            matricule=person.matricule,
            item_name=item.name,
            item_icon=item.icon,
            quantity=line.quantity,
            note=order.note,
            status=line.status,
            placed_at=order.placed_at,
            site_code=order.site_code,
            decline_reason=line.decline_reason,
        )
        for line, order, person, item in session.execute(stmt)
    ]
