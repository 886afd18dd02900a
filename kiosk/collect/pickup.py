"""The agent's side: what is waiting for them, and the hand-over at the kiosk.

:func:`agent_lines` is the identify -> list read model (one query). :func:`hand_over` records
a pickup in one transaction: the lines are re-read and locked, the allocation policy is
checked again, one :class:`~kiosk.collect.tables.HandOver` per line is inserted (unique
per line: two kiosks racing cannot both win), the lines move on, and the receipt is queued on
the print spool, all committed together by the caller. What the screen then shows as done
is durable; the receipt may still be waiting for the printer.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import case, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from kiosk.collect.lines import lock_lines, move_line
from kiosk.collect.policy import Holder, ItemPolicy, PolicyRefusal, PriorHandOver, check_allocation
from kiosk.collect.receipt import pickup_receipt, receipt_code
from kiosk.collect.status import HANDED_OVER, OPEN, Actor, ItemKind, LineStatus
from kiosk.collect.stock import take
from kiosk.collect.tables import CatalogueItem, CollectOrder, HandOver, OrderLine, Pickup
from kiosk.collect.views import LineView
from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Direction, Kiosk, Person
from kiosk.domain import new_nonce

# Closed lines stay listed this long, so "already collected" can say when and where.
HISTORY: Final = timedelta(days=60)
RECEIPT_KIND: Final = "pickup_receipt"

# Ready lines first, then those on their way, then the closed ones.
_RANK: Final = {
    LineStatus.READY: 0,
    LineStatus.PREPARED: 1,
    LineStatus.APPROVED: 2,
    LineStatus.PLACED: 3,
    LineStatus.PARTIALLY_COLLECTED: 4,
    LineStatus.COLLECTED: 5,
    LineStatus.EXPIRED: 6,
    LineStatus.CANCELLED: 7,
    LineStatus.DECLINED: 8,
}


class IdentifiedBy(enum.StrEnum):
    BADGE = "badge"
    ORDER_CODE = "order_code"


@dataclass(frozen=True)
class AgentLines:
    person_id: int
    first_name: str
    last_name: str
    identified_by: IdentifiedBy
    lines: tuple[LineView, ...]
    order_id: int | None = None  # identified by an order code: only that order is listed

    @property
    def ready(self) -> tuple[LineView, ...]:
        return tuple(line for line in self.lines if line.is_ready)

    @property
    def handable(self) -> tuple[LineView, ...]:
        """Ready lines the allocation policy allows now (the ones offered for the pickup)."""
        return tuple(line for line in self.lines if line.can_hand_over)

    @property
    def others(self) -> tuple[LineView, ...]:
        return tuple(line for line in self.lines if not line.is_ready)

    @property
    def display_name(self) -> str:
        """First name and initial: enough for the agent, little for a passer-by."""
        initial = self.last_name[:1].upper()
        return f"{self.first_name} {initial}." if initial else self.first_name


def agent_lines(
    session: Session,
    person: Person,
    now: datetime,
    *,
    identified_by: IdentifiedBy,
    order_id: int | None = None,
) -> AgentLines:
    """The person's open lines and recently closed ones (one order only with ``order_id``).

    Ready lines carry the allocation policy's refusal, if any, checked as :func:`hand_over`
    will check it (the earlier ready lines counted as taken in the same pickup): the screen
    leaves such a line unticked and says why, rather than the whole pickup being refused
    after the agent has ticked, signed and confirmed.
    """
    handed_kiosk = aliased(Kiosk)
    rank = case(_RANK, value=OrderLine.status)
    stmt = (
        select(
            OrderLine,
            CollectOrder.reference,
            CatalogueItem.code,
            CatalogueItem.name,
            CatalogueItem.icon,
            CatalogueItem.kind,
            HandOver.at,
            handed_kiosk.name,
        )
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .join(CatalogueItem, CatalogueItem.id == OrderLine.item_id)
        .outerjoin(HandOver, HandOver.line_id == OrderLine.id)
        .outerjoin(handed_kiosk, handed_kiosk.id == HandOver.kiosk_id)
        .where(CollectOrder.person_id == person.id)
        .order_by(rank, CollectOrder.placed_at, OrderLine.order_id, OrderLine.line_no)
    )
    if order_id is not None:
        stmt = stmt.where(OrderLine.order_id == order_id)
    else:
        stmt = stmt.where(
            or_(OrderLine.status.in_(list(OPEN)), OrderLine.status_at > now - HISTORY)
        )
    rows = [
        (line, _view(line, ref, code, name, icon, kind, at, kiosk))
        for line, ref, code, name, icon, kind, at, kiosk in session.execute(stmt)
    ]
    ready = [line for line, view in rows if view.is_ready]
    refused = allocation_refusals(session, person, ready, now) if ready else {}
    lines = tuple(
        replace(view, refusal=refused[line.id]) if line.id in refused else view
        for line, view in rows
    )
    return AgentLines(
        person.id, person.first_name, person.last_name, identified_by, lines, order_id
    )


def _view(
    line: OrderLine,
    ref: str,
    code: str,
    name: str,
    icon: str,
    kind: ItemKind,
    handed_at: datetime | None,
    handed_kiosk: str | None,
) -> LineView:
    return LineView(
        line_id=line.id,
        order_id=line.order_id,
        order_ref=ref,
        line_no=line.line_no,
        item_code=code,
        item_name=name,
        item_icon=icon,
        item_kind=kind,
        quantity=line.quantity,
        prepared_quantity=line.prepared_quantity,
        status=line.status,
        status_at=line.status_at,
        expected_at=line.expected_at,
        ready_until=line.ready_until,
        asset_tag=line.asset_tag,
        serial=line.serial,
        handed_at=handed_at,
        handed_kiosk=handed_kiosk,
    )


# --- hand-over ---------------------------------------------------------------------------------


class RefusalKind(enum.StrEnum):
    NOTHING_SELECTED = "nothing_selected"
    NOT_YOURS = "not_yours"  # a line of somebody else's order: say nothing about it
    ALREADY_COLLECTED = "already_collected"
    NOT_READY = "not_ready"  # cancelled, expired or not prepared in the meantime
    POLICY = "policy"  # the allocation policy refuses it now


@dataclass(frozen=True)
class LineRefusal:
    line_id: int
    kind: RefusalKind
    status: LineStatus | None = None
    handed_at: datetime | None = None
    handed_kiosk: str | None = None
    policy: PolicyRefusal | None = None


class HandOverRefused(Exception):
    """Nothing was written; ``refusals`` says which lines failed and why."""

    def __init__(self, refusals: Sequence[LineRefusal]) -> None:
        self.refusals = tuple(refusals)
        kinds = sorted({r.kind.value for r in self.refusals})
        super().__init__(f"hand-over refused: {', '.join(kinds)}")

    @property
    def kinds(self) -> frozenset[RefusalKind]:
        return frozenset(r.kind for r in self.refusals)


@dataclass(frozen=True)
class HandOverRequest:
    person_id: int
    line_ids: tuple[int, ...]
    kiosk_id: int
    nonce: str  # the pickup's: a retry with the same nonce returns the same pickup
    identified_by: IdentifiedBy
    signature: bytes | None = None  # kiosk.collect.signature.encode(...)


@dataclass(frozen=True)
class PickupDone:
    pickup_id: int
    nonce: str
    at: datetime
    kiosk_name: str
    lines: tuple[LineView, ...]
    print_job_id: int | None
    replayed: bool = False  # the same request had already been recorded
    person_name: str = field(default="")


def hand_over(
    session: Session,
    request: HandOverRequest,
    now: datetime,
    *,
    enqueue_receipt: bool = True,
) -> PickupDone:
    """Record the pickup in ``session``'s transaction (the caller commits).

    Raises :class:`HandOverRefused` (nothing written) when a line is not this person's, not
    ready any more, already handed over, or refused by the allocation policy now.
    """

    previous = session.scalar(select(Pickup).where(Pickup.nonce == request.nonce))
    if previous is not None:
        return _replay(session, previous)
    if not request.line_ids:
        raise HandOverRefused([LineRefusal(0, RefusalKind.NOTHING_SELECTED)])
    # On PostgreSQL the person's row is locked first: two kiosks handing over *different*
    # lines of the same item to the same agent queue up here, so the quota is counted once.
    postgres = session.get_bind().dialect.name == "postgresql"
    person = session.get(Person, request.person_id, with_for_update=postgres or None)
    kiosk = session.get(Kiosk, request.kiosk_id)
    if person is None or kiosk is None:
        raise ValueError("unknown person or kiosk")
    wanted = sorted(set(request.line_ids))
    lines = {line.id: line for line in lock_lines(session, wanted)}
    refusals = _check_lines(session, person, [lines.get(i) for i in wanted], wanted, now)
    if refusals:
        raise HandOverRefused(refusals)

    pickup = Pickup(
        nonce=request.nonce,
        kiosk_id=kiosk.id,
        person_id=person.id,
        at=now,
        identified_by=request.identified_by.value,
        signature=request.signature,
    )
    session.add(pickup)
    session.flush()
    for line_id in wanted:
        line = lines[line_id]
        units = line.prepared_quantity or line.quantity
        session.add(
            HandOver(
                nonce=new_nonce(),
                line_id=line.id,
                pickup_id=pickup.id,
                kiosk_id=kiosk.id,
                person_id=person.id,
                item_id=line.item_id,
                quantity=units,
                at=now,
                acknowledged=True,
                asset_tag=line.asset_tag,
                serial=line.serial,
            )
        )
        done = LineStatus.COLLECTED if units >= line.quantity else LineStatus.PARTIALLY_COLLECTED
        move_line(session, line, done, now=now, actor=Actor.AGENT, kiosk_id=kiosk.id)
        take(session, kiosk.site_id, line.item_id, units, now)  # the units leave the site
    try:
        session.flush()
    except IntegrityError:
        # Another kiosk handed one of these lines over between our read and our write (the
        # unique hand_over.line_id said so). The caller's transaction is now unusable: roll back.
        session.rollback()
        raise HandOverRefused(
            [LineRefusal(i, RefusalKind.ALREADY_COLLECTED) for i in wanted]
        ) from None

    views = _views_of(session, person, wanted, now)
    job_id = None
    if enqueue_receipt:
        from kiosk.printing.spool import enqueue

        receipt = pickup_receipt(
            person=person,
            lines=views,
            at=now,
            kiosk_name=kiosk.name,
            code=receipt_code(request.nonce),
            signed=request.signature is not None,
        )
        job_id = enqueue(
            session,
            receipt,
            kind=RECEIPT_KIND,
            ref=f"pickup:{pickup.id}",
            kiosk_id=kiosk.id,
            now=now,
        )
    return PickupDone(
        pickup.id, pickup.nonce, now, kiosk.name, views, job_id, person_name=_name(person)
    )


def record_pickup(
    sessions: Callable[[], Session], request: HandOverRequest, now: datetime
) -> PickupDone:
    """:func:`hand_over` in a transaction of its own, committed (durably) before returning.

    SQLite: ``BEGIN IMMEDIATE``, the write lock taken before the lines are read, so a second
    kiosk process on the same file waits rather than reading lines about to change.
    """
    with sessions() as session:
        begin_as_writer(session)
        try:
            done = hand_over(session, request, now)
        except HandOverRefused:
            session.rollback()
            raise
        session.commit()
        return done


def _name(person: Person) -> str:
    return f"{person.first_name} {person.last_name.upper()}"


def _check_lines(
    session: Session,
    person: Person,
    lines: list[OrderLine | None],
    wanted: list[int],
    now: datetime,
) -> list[LineRefusal]:
    refusals: list[LineRefusal] = []
    owners: dict[int, int] = {
        line_id: owner
        for line_id, owner in session.execute(
            select(OrderLine.id, CollectOrder.person_id)
            .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
            .where(OrderLine.id.in_(wanted))
        )
    }
    allowed: list[OrderLine] = []
    for line_id, line in zip(wanted, lines, strict=True):
        if line is None or owners.get(line_id) != person.id:
            refusals.append(LineRefusal(line_id, RefusalKind.NOT_YOURS))
            continue
        if line.status in HANDED_OVER:
            at, where = _handed(session, line.id)
            refusals.append(
                LineRefusal(line_id, RefusalKind.ALREADY_COLLECTED, line.status, at, where)
            )
            continue
        if line.status is not LineStatus.READY:
            refusals.append(LineRefusal(line_id, RefusalKind.NOT_READY, line.status))
            continue
        allowed.append(line)
    by_policy = allocation_refusals(session, person, allowed, now) if allowed else {}
    refusals.extend(
        LineRefusal(line.id, RefusalKind.POLICY, line.status, policy=by_policy[line.id])
        for line in allowed
        if line.id in by_policy
    )
    return refusals


def allocation_refusals(
    session: Session, person: Person, lines: Sequence[OrderLine], now: datetime
) -> dict[int, PolicyRefusal]:
    """The allocation policy's refusal of each of ``lines`` handed over together, by line id.

    The one reading of :mod:`kiosk.collect.policy` for a pickup, used when the lines are shown
    and again at the hand-over. Lines are taken in the order given: a later line of an item
    whose quota the earlier ones fill is refused as ``together``.
    """
    holder = Holder(
        role=None if person.role is None else person.role.value,
        direction=_direction_code(session, person),
        active=person.active,
    )
    refusals: dict[int, PolicyRefusal] = {}
    priors: dict[int, list[PriorHandOver]] = {}
    taken_now: dict[int, list[PriorHandOver]] = {}
    for line in lines:
        item = session.get(CatalogueItem, line.item_id)
        assert item is not None  # foreign key
        if item.id not in priors:
            priors[item.id] = [
                PriorHandOver(at, qty)
                for at, qty in session.execute(
                    select(HandOver.at, HandOver.quantity).where(
                        HandOver.person_id == person.id, HandOver.item_id == item.id
                    )
                )
            ]
        prior = priors[item.id]
        units = line.prepared_quantity or line.quantity
        policy = policy_of(item)
        refusal = check_allocation(policy, holder, units, prior, now)
        if refusal is None and item.id in taken_now:
            refusal = check_allocation(policy, holder, units, prior + taken_now[item.id], now)
            if refusal is not None:
                refusal = replace(refusal, together=True, next_allowed_at=None)
        if refusal is not None:
            refusals[line.id] = refusal
            continue
        taken_now.setdefault(item.id, []).append(PriorHandOver(now, units))
    return refusals


def policy_of(item: CatalogueItem) -> ItemPolicy:
    return ItemPolicy.of(
        allowed_roles=item.allowed_roles,
        allowed_directions=item.allowed_directions,
        max_per_agent=item.max_per_agent,
        renewal_days=item.renewal_days,
        active=item.active,
    )


def _direction_code(session: Session, person: Person) -> str | None:
    if person.direction_id is None:
        return None
    return session.scalar(select(Direction.code).where(Direction.id == person.direction_id))


def _handed(session: Session, line_id: int) -> tuple[datetime | None, str | None]:
    row = session.execute(
        select(HandOver.at, Kiosk.name)
        .join(Kiosk, Kiosk.id == HandOver.kiosk_id)
        .where(HandOver.line_id == line_id)
    ).first()
    return (row[0], row[1]) if row is not None else (None, None)


def _views_of(
    session: Session, person: Person, line_ids: list[int], now: datetime
) -> tuple[LineView, ...]:
    session.flush()
    listed = agent_lines(session, person, now, identified_by=IdentifiedBy.BADGE)
    by_id = {v.line_id: v for v in listed.lines}
    missing = [i for i in line_ids if i not in by_id]
    if missing:  # older than HISTORY cannot happen for a line handed over now
        raise AssertionError(f"lines {missing} not found after the hand-over")
    return tuple(by_id[i] for i in line_ids)


def _replay(session: Session, pickup: Pickup) -> PickupDone:
    person = session.get(Person, pickup.person_id)
    kiosk = session.get(Kiosk, pickup.kiosk_id)
    assert person is not None
    assert kiosk is not None
    line_ids = list(
        session.scalars(
            select(HandOver.line_id).where(HandOver.pickup_id == pickup.id).order_by(HandOver.id)
        )
    )
    views = _views_of(session, person, line_ids, pickup.at)
    return PickupDone(
        pickup.id,
        pickup.nonce,
        pickup.at,
        kiosk.name,
        views,
        None,
        replayed=True,
        person_name=_name(person),
    )
