"""The Click & Collect part of the demo data: a catalogue and orders in every state."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.demo import CATALOGUE
from kiosk.collect.status import HANDED_OVER, LineStatus
from kiosk.collect.tables import CatalogueItem, HandOver, OrderLine, Pickup
from kiosk.db.demo import DemoSummary


def test_catalogue_and_orders_in_every_state(
    session_factory: sessionmaker[Session], demo_seeded: DemoSummary
) -> None:
    summary = demo_seeded
    assert summary.extra["catalogue items"] == len(CATALOGUE) >= 10
    with session_factory() as s:
        by_status = dict(
            s.execute(select(OrderLine.status, func.count()).group_by(OrderLine.status)).all()
        )
        assert set(by_status) == set(LineStatus)
        assert by_status[LineStatus.READY] >= 100  # most demo badges find something ready
        handed = by_status[LineStatus.COLLECTED] + by_status[LineStatus.PARTIALLY_COLLECTED]
        assert s.scalar(select(func.count()).select_from(HandOver)) == handed
        assert s.scalar(select(func.count()).select_from(Pickup)) == summary.extra["pickups"]
        # every handed line has exactly one hand-over, at the kiosk, with its asset ids
        rows = s.execute(
            select(
                OrderLine.status, HandOver.id, OrderLine.asset_tag, HandOver.asset_tag
            ).outerjoin(HandOver, HandOver.line_id == OrderLine.id)
        ).all()
        for status, hand_over_id, line_tag, handed_tag in rows:
            assert (hand_over_id is not None) == (status in HANDED_OVER)
            if hand_over_id is not None:
                assert handed_tag == line_tag
        tracked_ready = s.scalar(
            select(func.count())
            .select_from(OrderLine)
            .join(CatalogueItem, CatalogueItem.id == OrderLine.item_id)
            .where(CatalogueItem.tracked, OrderLine.status == LineStatus.READY)
            .where(OrderLine.asset_tag.is_(None))
        )
        assert tracked_ready == 0  # a tracked item is never ready without its asset tag
