"""The shared tables (people, sites, kiosks, events, registrations) on the one ``Base``;
each capability keeps its own tables in its ``tables`` module and :mod:`kiosk.schema` loads
them all. Migrations in ``kiosk/db/migrations`` must produce exactly this
(a test compares them), so change both together.

Rules that matter when two kiosks race live here as constraints, not in Python checks.
Every constraint has a name (see ``NAMING_CONVENTION``) so that Alembic batch mode can
recreate SQLite tables and later migrations can drop or alter them by name.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.db.types import UTCDateTime, choice
from kiosk.domain import (
    NONCE_LENGTH,
    EventKind,
    PersonKind,
    RegistrationSource,
    RegistrationStatus,
    Role,
    Space,
)
from kiosk.settings import Profile

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 (SQLAlchemy reads it)


class Direction(Base):
    __tablename__ = "direction"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Service(Base):
    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("direction.id"))
    name: Mapped[str] = mapped_column(String(200))

    direction: Mapped[Direction] = relationship()


class Site(Base):
    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    town: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(300))
    is_smart_corner: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Kiosk(Base):
    __tablename__ = "kiosk"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    profile: Mapped[Profile] = mapped_column(choice(Profile, "profile"))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    created_at: Mapped[datetime]

    site: Mapped[Site] = relationship()


class Person(Base):
    """An agent (matricule, role, direction) or an external visitor (organisation)."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(
            "kind <> 'agent' OR (matricule IS NOT NULL AND role IS NOT NULL)",
            name="agent_has_matricule_and_role",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PersonKind] = mapped_column(choice(PersonKind, "kind"))
    matricule: Mapped[str | None] = mapped_column(String(16), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    role: Mapped[Role | None] = mapped_column(choice(Role, "role"))
    direction_id: Mapped[int | None] = mapped_column(ForeignKey("direction.id"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    organisation: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    direction: Mapped[Direction | None] = relationship()
    service: Mapped[Service | None] = relationship()
    site: Mapped[Site | None] = relationship()


class Event(Base):
    """A session of the programme; remote-site events are the Smart Tour's."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity_positive"),
        CheckConstraint(
            "checkin_opens_minutes_before >= 0 AND checkin_closes_minutes_after >= 0",
            name="checkin_window",
        ),
        Index(None, "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[EventKind] = mapped_column(choice(EventKind, "kind"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    # English, from the import's optional columns; empty: the French is shown in English too
    title_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    description_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    space: Mapped[Space] = mapped_column(choice(Space, "space"))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    capacity: Mapped[int | None] = mapped_column(Integer)
    open_to_external: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    checkin_opens_minutes_before: Mapped[int] = mapped_column(default=60, server_default=text("60"))
    checkin_closes_minutes_after: Mapped[int] = mapped_column(default=30, server_default=text("30"))
    created_at: Mapped[datetime]

    site: Mapped[Site] = relationship()


class Registration(Base):
    """One person's place (or wait) for one event; the unique pair stops double booking."""

    __tablename__ = "registration"
    __table_args__ = (
        UniqueConstraint("event_id", "person_id"),
        Index(None, "event_id"),
        Index(None, "person_id"),
        Index(None, "event_id", "status", "person_id"),  # statistics (migration 0008)
        Index(None, "source", "created_at"),  # sign-ups made at a kiosk (migration 0018)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[RegistrationStatus] = mapped_column(choice(RegistrationStatus, "status"))
    created_at: Mapped[datetime]
    # Made at a kiosk (badge, visitor form) or imported; kiosk ones carry the reference printed
    # on the slip. The waiting list is served in order of ``waiting_since`` (then id); rows
    # imported onto the waiting list have none and count from ``created_at``.
    source: Mapped[RegistrationSource] = mapped_column(
        choice(RegistrationSource, "source"),
        default=RegistrationSource.IMPORT,
        server_default=RegistrationSource.IMPORT.value,
    )
    reference: Mapped[str | None] = mapped_column(String(16), unique=True)
    waiting_since: Mapped[datetime | None]
    status_at: Mapped[datetime | None]  # when it took its current status (None: at creation)

    event: Mapped[Event] = relationship()
    person: Mapped[Person] = relationship()


class Badge(Base):
    """A contactless card, known only by HMAC(site key, UID) (RGPD: never the raw UID)."""

    __tablename__ = "badge"
    __table_args__ = (Index(None, "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    linked_at: Mapped[datetime]
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))  # None: command line
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))  # the staff member
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
