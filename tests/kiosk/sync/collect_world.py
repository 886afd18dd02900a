"""Click & Collect on both sides of the Smart Tour sync: orders ready at the central base, a
Smart Store kiosk that hands over online, and the tour kiosk that hands over offline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.pickup import HandOverRequest, IdentifiedBy, PickupDone, record_pickup
from kiosk.collect.status import ItemKind, LineStatus
from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine
from kiosk.db.models import Kiosk, Site
from kiosk.settings import Profile
from kiosk.stats.collect import handed_over_total
from tests.helpers.checkin_world import NOW
from tests.kiosk.sync.conftest import Tour

READY_AGENTS = 6  # crowd[:6] each have an order of two lines ready


@dataclass(frozen=True)
class Collect:
    store: int  # the central Smart Store kiosk
    orders: dict[int, str]  # agent id -> the reference of their ready order
    closed: str  # an order collected long ago (crowd[6]): no tour kiosk needs it
    later: str  # an order still being prepared (crowd[7])


def seed_collect(central: sessionmaker[Session]) -> int:
    """The catalogue, a Smart Store kiosk and the orders, in the central base."""
    with central.begin() as s:
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        store = Kiosk(
            code="STORE-1",
            name="Smart Store",
            profile=Profile.STORE,
            site_id=site,
            created_at=NOW - timedelta(days=40),
        )
        mouse = _item("SOURIS", "Souris sans fil")
        headset = _item("CASQUE", "Casque USB", max_per_agent=1, renewal_days=365)
        s.add_all([store, mouse, headset])
        s.flush()
        return store.id


def _item(code: str, name: str, **policy: int) -> CatalogueItem:
    return CatalogueItem(
        code=code,
        name=name,
        kind=ItemKind.EQUIPMENT,
        icon="package",
        tracked=False,
        allowed_roles=None,
        allowed_directions=None,
        max_per_agent=policy.get("max_per_agent"),
        renewal_days=policy.get("renewal_days"),
        active=True,
        created_at=NOW - timedelta(days=100),
    )


def add_order(
    session: Session,
    reference: str,
    person: int,
    statuses: list[LineStatus],
    *,
    at: datetime = NOW - timedelta(days=1),
) -> CollectOrder:
    items = list(session.scalars(select(CatalogueItem).order_by(CatalogueItem.code)))
    order = CollectOrder(
        reference=reference, person_id=person, placed_at=at - timedelta(days=4), imported_at=at
    )
    session.add(order)
    session.flush()
    for n, status in enumerate(statuses, 1):
        session.add(
            OrderLine(
                order_id=order.id,
                line_no=n,
                item_id=items[(n - 1) % len(items)].id,
                quantity=1,
                prepared_quantity=1 if status is not LineStatus.PLACED else None,
                status=status,
                status_at=at,
                ready_until=at + timedelta(days=10) if status is LineStatus.READY else None,
            )
        )
    session.flush()
    return order


def build_collect(tour: Tour) -> Collect:
    store = seed_collect(tour.central_sessions)
    orders = {}
    with tour.central_sessions.begin() as s:
        for n, agent in enumerate(tour.crowd[:READY_AGENTS]):
            ref = f"CC-2026-{n + 1:04d}"
            add_order(s, ref, agent, [LineStatus.READY, LineStatus.READY])
            orders[agent] = ref
        add_order(
            s, "CC-2026-0900", tour.crowd[6], [LineStatus.COLLECTED],
            at=NOW - timedelta(days=200),
        )  # fmt: skip
        add_order(s, "CC-2026-0901", tour.crowd[7], [LineStatus.PLACED])
    return Collect(store, orders, "CC-2026-0900", "CC-2026-0901")


def lines_of(engine: Engine, reference: str) -> list[int]:
    """The ids of an order's lines in ``engine``'s database, by line number."""
    with engine.connect() as conn:
        return list(
            conn.scalars(
                select(OrderLine.id)
                .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
                .where(CollectOrder.reference == reference)
                .order_by(OrderLine.line_no)
            )
        )


def statuses_of(engine: Engine, reference: str) -> list[str]:
    with engine.connect() as conn:
        return [
            str(s)
            for s in conn.scalars(
                select(OrderLine.status)
                .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
                .where(CollectOrder.reference == reference)
                .order_by(OrderLine.line_no)
            )
        ]


def hand(
    tour: Tour,
    person: int,
    reference: str,
    line_numbers: list[int],
    *,
    store: int | None = None,
    minutes: int = 0,
) -> PickupDone:
    """A pickup at the tour kiosk (offline), or at the central Smart Store (``store``)."""
    engine = tour.central if store else tour.local
    lines = lines_of(engine, reference)
    request = HandOverRequest(
        person_id=person,
        line_ids=tuple(lines[n - 1] for n in line_numbers),
        kiosk_id=store or tour.kiosk_id,
        nonce=uuid4().hex,
        identified_by=IdentifiedBy.BADGE,
    )
    factory = tour.central_sessions if store else tour.local_sessions
    return record_pickup(factory, request, NOW + timedelta(minutes=minutes))


def handed_over(engine: Engine) -> int:
    """The statistics' figure for the whole year around NOW."""
    from kiosk.db.engine import make_session_factory

    with make_session_factory(engine)() as s:
        return handed_over_total(s, NOW - timedelta(days=365), NOW + timedelta(days=365))
