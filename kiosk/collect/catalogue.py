"""The « Catalogue de services » read model: the active items by family, the site's stock,
and — once an agent has tapped their badge — whether they may request each one, and why not.

Eligibility is :func:`kiosk.collect.policy.check_request`, the same policy the pickup checks
(one source of truth), fed by a handful of queries for the whole catalogue rather than a few
per item: the screen paints it right after the badge tap.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.collect.pickup import policy_of
from kiosk.collect.policy import OpenRequest, PolicyRefusal, PriorHandOver, check_request
from kiosk.collect.requests import holder_of
from kiosk.collect.status import OPEN, Delivery, Family, ItemKind
from kiosk.collect.stock import counts, reserved
from kiosk.collect.tables import CatalogueItem, CollectOrder, HandOver, OrderLine
from kiosk.db.models import Person, Site


@dataclass(frozen=True)
class CatalogueEntry:
    item_id: int
    code: str
    name: str
    family: Family
    kind: ItemKind
    description: str
    delivery: Delivery
    icon: str
    picture: bytes | None
    stock: int | None  # units at this site (None: the item keeps no stock)
    available: int | None  # units that may still be requested here
    allowed_roles: tuple[str, ...] | None  # to say "réservé aux ..." in words
    max_per_agent: int | None
    renewal_days: int | None
    # Filled once an agent is identified: None means they may request it.
    refusal: PolicyRefusal | None = None
    name_en: str = ""  # empty: no English given, the French is shown
    description_en: str = ""

    @property
    def can_request(self) -> bool:
        return self.refusal is None

    def name_in(self, english: bool) -> str:
        return self.name_en if english and self.name_en else self.name

    def description_in(self, english: bool) -> str:
        return self.description_en if english and self.description_en else self.description


@dataclass(frozen=True)
class Catalogue:
    site_name: str
    entries: tuple[CatalogueEntry, ...]
    person_id: int | None = None  # whose eligibility the entries carry
    first_name: str = ""

    def family(self, family: Family) -> tuple[CatalogueEntry, ...]:
        return tuple(e for e in self.entries if e.family is family)

    @property
    def families(self) -> tuple[Family, ...]:
        present = {e.family for e in self.entries}
        return tuple(f for f in Family if f in present)


def catalogue(
    session: Session, site_id: int, now: datetime, *, person_id: int | None = None
) -> Catalogue:
    """The active items for ``site_id``; with ``person_id``, each says if that agent may ask."""
    site = session.get(Site, site_id)
    if site is None:
        raise ValueError(f"unknown site {site_id}")
    items = list(
        session.scalars(
            select(CatalogueItem)
            .where(CatalogueItem.active)
            .order_by(CatalogueItem.family, CatalogueItem.name)
        )
    )
    held = counts(session, site.id)
    promised = reserved(session, site.code)
    entries = [_entry(item, held, promised) for item in items]
    person = session.get(Person, person_id) if person_id is not None else None
    if person is None:
        return Catalogue(site.name, tuple(entries))
    holder = holder_of(session, person)
    prior: dict[int, list[PriorHandOver]] = defaultdict(list)
    for item_id, at, quantity in session.execute(
        select(HandOver.item_id, HandOver.at, HandOver.quantity).where(
            HandOver.person_id == person.id
        )
    ):
        prior[item_id].append(PriorHandOver(at, quantity))
    pending: dict[int, list[OpenRequest]] = defaultdict(list)
    for item_id, at in session.execute(
        select(OrderLine.item_id, CollectOrder.placed_at)
        .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
        .where(CollectOrder.person_id == person.id, OrderLine.status.in_(list(OPEN)))
    ):
        pending[item_id].append(OpenRequest(at))
    by_id = {item.id: item for item in items}
    checked = tuple(
        _with_refusal(
            entry,
            check_request(
                policy_of(by_id[entry.item_id]),
                holder,
                1,
                prior[entry.item_id],
                pending[entry.item_id],
                entry.available,
                now,
            ),
        )
        for entry in entries
    )
    return Catalogue(site.name, checked, person.id, person.first_name)


def _entry(item: CatalogueItem, held: dict[int, int], promised: dict[int, int]) -> CatalogueEntry:
    stock = held.get(item.id, 0) if item.stocked else None
    return CatalogueEntry(
        item_id=item.id,
        code=item.code,
        name=item.name,
        family=item.family,
        kind=item.kind,
        description=item.description,
        delivery=item.delivery,
        icon=item.icon,
        picture=item.picture,
        stock=stock,
        available=None if stock is None else max(0, stock - promised.get(item.id, 0)),
        allowed_roles=None if item.allowed_roles is None else tuple(item.allowed_roles),
        max_per_agent=item.max_per_agent,
        renewal_days=item.renewal_days,
        name_en=item.name_en,
        description_en=item.description_en,
    )


def _with_refusal(entry: CatalogueEntry, refusal: PolicyRefusal | None) -> CatalogueEntry:
    return entry if refusal is None else replace(entry, refusal=refusal)
