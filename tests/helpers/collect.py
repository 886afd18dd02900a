"""Builders for Click & Collect rows: each test states only what matters to it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from itertools import count

from sqlalchemy.orm import Session

from kiosk.collect.status import ItemKind, LineStatus
from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine
from kiosk.db.models import Direction, Kiosk, Person
from kiosk.settings import Profile
from tests.helpers import records

CREATED = datetime(2026, 1, 5, 9, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)
_numbers = count(1)


def kiosk(session: Session, name: str = "Smart Store — CADAM") -> Kiosk:
    n = next(_numbers)
    row = Kiosk(
        code=f"K{n}",
        name=name,
        profile=Profile.STORE,
        site_id=records.site(session).id,
        created_at=CREATED,
    )
    session.add(row)
    session.flush()
    return row


def direction(session: Session, code: str) -> Direction:
    row = Direction(code=code, name=f"Direction {code}")
    session.add(row)
    session.flush()
    return row


def item(
    session: Session,
    code: str | None = None,
    *,
    name: str | None = None,
    tracked: bool = False,
    roles: Sequence[str] | None = None,
    directions: Sequence[str] | None = None,
    max_per_agent: int | None = None,
    renewal_days: int | None = None,
    kind: ItemKind = ItemKind.EQUIPMENT,
) -> CatalogueItem:
    n = next(_numbers)
    row = CatalogueItem(
        code=code or f"ITEM{n}",
        name=name or f"Article {n}",
        kind=kind,
        icon="package",
        tracked=tracked,
        allowed_roles=None if roles is None else list(roles),
        allowed_directions=None if directions is None else list(directions),
        max_per_agent=max_per_agent,
        renewal_days=renewal_days,
        active=True,
        created_at=CREATED,
    )
    session.add(row)
    session.flush()
    return row


def order(
    session: Session,
    who: Person,
    lines: Sequence[tuple[CatalogueItem, LineStatus]],
    *,
    reference: str | None = None,
    quantity: int = 1,
    prepared_quantity: int | None = None,
    at: datetime = NOW,
) -> CollectOrder:
    row = CollectOrder(
        reference=reference or f"CC-{next(_numbers):05d}",
        person_id=who.id,
        placed_at=at - timedelta(days=5),
        imported_at=at - timedelta(days=5),
    )
    session.add(row)
    session.flush()
    for line_no, (what, status) in enumerate(lines, 1):
        ready = status is LineStatus.READY
        prepared = status in (LineStatus.PREPARED, LineStatus.READY)
        session.add(
            OrderLine(
                order_id=row.id,
                line_no=line_no,
                item_id=what.id,
                quantity=quantity,
                prepared_quantity=(prepared_quantity or quantity) if prepared else None,
                status=status,
                status_at=at - timedelta(days=1),
                ready_until=at + timedelta(days=9) if ready else None,
                asset_tag=f"CD06-{line_no:05d}" if what.tracked and prepared else None,
                serial=f"SN{line_no:08d}" if what.tracked and prepared else None,
            )
        )
    session.flush()
    session.refresh(row)
    return row


def agent(session: Session, **kwargs: object) -> Person:
    return records.person(session, **kwargs)  # type: ignore[arg-type]
