"""Click & Collect tables (issue 5): catalogue, orders, lines, pickups, hand-overs, history.

Migration 0004 creates them. The rule that matters when two kiosks race lives here as a
constraint: ``hand_over.line_id`` is unique, so an order line is handed over at most once,
whatever the kiosks believed when they started. Every record a kiosk creates (pickup,
hand-over, line history) carries its kiosk, a UTC time and a unique nonce for the sync.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from kiosk.collect.status import Actor, Delivery, Family, ItemKind, LineStatus, OrderSource
from kiosk.db.models import Base, Person, Site
from kiosk.db.types import choice
from kiosk.domain import NONCE_LENGTH


class CatalogueItem(Base):
    """Something an agent can order, with its allocation policy.

    ``allowed_roles`` / ``allowed_directions`` are lists of role values / direction codes, or
    NULL for "everyone". ``max_per_agent`` units within ``renewal_days`` (or ever, when NULL).
    ``tracked`` items get an asset tag and/or serial number at preparation.
    """

    __tablename__ = "catalogue_item"
    __table_args__ = (
        CheckConstraint(
            "max_per_agent IS NULL OR max_per_agent > 0", name="max_per_agent_positive"
        ),
        CheckConstraint("renewal_days IS NULL OR renewal_days > 0", name="renewal_days_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ItemKind] = mapped_column(choice(ItemKind, "kind"))
    icon: Mapped[str] = mapped_column(String(40), default="package", server_default="package")
    tracked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    allowed_roles: Mapped[list[str] | None] = mapped_column(JSON)
    allowed_directions: Mapped[list[str] | None] = mapped_column(JSON)
    max_per_agent: Mapped[int | None]
    renewal_days: Mapped[int | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime]
    # The « Catalogue de services » screen: its shelf, what it is, how it reaches the agent,
    # and a small picture (PNG, JPEG or SVG bytes: synced to the Smart Tour with the row).
    family: Mapped[Family] = mapped_column(
        choice(Family, "family"), default=Family.ACCESSORIES, server_default="accessories"
    )
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    delivery: Mapped[Delivery] = mapped_column(
        choice(Delivery, "delivery"), default=Delivery.PICKUP, server_default="pickup"
    )
    picture: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Shown instead of ``name`` / ``description`` when the kiosk speaks English (empty: French).
    name_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    description_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    # False: no stock is kept (software access, a service): never "out of stock".
    stocked: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class SiteStock(Base):
    """How many units of an item a site holds: set by import or by staff, less at hand-over.

    ``set_by`` says who set ``quantity`` last (import | staff): a catalogue import does not
    overwrite a count staff made after the last import (it reports it instead).
    """

    __tablename__ = "site_stock"
    __table_args__ = (
        UniqueConstraint("site_id", "item_id"),
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"))
    quantity: Mapped[int]
    updated_at: Mapped[datetime]
    set_by: Mapped[str] = mapped_column(String(16))

    site: Mapped[Site] = relationship()
    item: Mapped[CatalogueItem] = relationship()


class CollectOrder(Base):
    """An order: imported from the online catalogue, or an agent's request at the kiosk.

    Its status is derived from its lines. A request made at the kiosk carries the kiosk's
    nonce (unique: a retry records it once) and the code of the site whose stock it reserves
    (a code, not an id: the Smart Tour mirrors orders with the central ids of nothing else).
    """

    __tablename__ = "collect_order"
    __table_args__ = (
        Index(None, "person_id"),
        Index(None, "source", "placed_at", "person_id"),  # the quarter's requests (0018)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)  # the catalogue's number
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    placed_at: Mapped[datetime]
    imported_at: Mapped[datetime]
    source: Mapped[OrderSource] = mapped_column(
        choice(OrderSource, "source"), default=OrderSource.IMPORT, server_default="import"
    )
    nonce: Mapped[str | None] = mapped_column(String(NONCE_LENGTH), unique=True)
    site_code: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The kiosk a request was made at (None: imported): a Smart Tour kiosk pushes its own.
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))

    person: Mapped[Person] = relationship()
    if TYPE_CHECKING:  # set after OrderLine (see there): no name here waits for a later class
        lines: Mapped[list[OrderLine]]


class OrderLine(Base):
    __tablename__ = "order_line"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint(
            "prepared_quantity IS NULL OR "
            "(prepared_quantity > 0 AND prepared_quantity <= quantity)",
            name="prepared_quantity_range",
        ),
        Index(None, "status", "status_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("collect_order.id", ondelete="CASCADE"))
    line_no: Mapped[int]
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"))
    quantity: Mapped[int]
    prepared_quantity: Mapped[int | None]  # set at preparation; < quantity: a shortage
    status: Mapped[LineStatus] = mapped_column(choice(LineStatus, "status"))
    status_at: Mapped[datetime]  # when it took its current status
    expected_at: Mapped[datetime | None]  # announced date while not ready (back-order)
    ready_until: Mapped[datetime | None]  # pickup deadline once ready
    asset_tag: Mapped[str | None] = mapped_column(String(64))
    serial: Mapped[str | None] = mapped_column(String(64))
    decline_reason: Mapped[str | None] = mapped_column(String(200))  # read by the agent

    item: Mapped[CatalogueItem] = relationship()
    if TYPE_CHECKING:
        order: Mapped[CollectOrder]


# An order's lines and a line's order, set once both classes exist, in one statement (the
# backref makes the other side). Declared in the classes, CollectOrder's named OrderLine before
# it existed: a query on another thread while this module was being imported configured the
# mappers in between and failed them for good (tests/kiosk/db/test_mappers_half_imported.py).
CollectOrder.lines = relationship(OrderLine, order_by=OrderLine.line_no, backref=backref("order"))


class Pickup(Base):
    """One visit at the kiosk: the lines handed over together, acknowledged once."""

    __tablename__ = "pickup"
    __table_args__ = (Index(None, "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    at: Mapped[datetime]  # when the agent confirmed "J'ai bien reçu"
    identified_by: Mapped[str] = mapped_column(String(16))  # badge | order_code
    # Finger signature as compact strokes (kiosk.collect.signature), or NULL if not signed.
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)


class HandOver(Base):
    """One order line given to its agent. ``line_id`` is unique: at most once, ever."""

    __tablename__ = "hand_over"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        Index(None, "pickup_id"),
        Index(None, "person_id", "item_id", "at"),  # the allocation policy's quota look-up
        Index(None, "at"),  # statistics of a quarter (migration 0008)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("order_line.id"), unique=True)
    pickup_id: Mapped[int] = mapped_column(ForeignKey("pickup.id"))
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"))
    quantity: Mapped[int]
    at: Mapped[datetime]
    acknowledged: Mapped[bool] = mapped_column(Boolean)  # the agent confirmed receiving it
    asset_tag: Mapped[str | None] = mapped_column(String(64))
    serial: Mapped[str | None] = mapped_column(String(64))


class LineEvent(Base):
    """The history of an order line: every status change, who made it, where and when."""

    __tablename__ = "order_line_event"
    __table_args__ = (
        Index(None, "line_id"),
        Index(None, "to_status", "at", "line_id"),  # the quarter's approvals, declines (0018)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("order_line.id", ondelete="CASCADE"))
    from_status: Mapped[LineStatus | None] = mapped_column(choice(LineStatus, "from_status"))
    to_status: Mapped[LineStatus] = mapped_column(choice(LineStatus, "to_status"))
    at: Mapped[datetime]
    actor: Mapped[Actor] = mapped_column(choice(Actor, "actor"))
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    detail: Mapped[str] = mapped_column(String(200), default="", server_default="")
