"""Closed vocabularies of the domain; their values are stable codes stored in the database."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class EventKind(enum.StrEnum):
    MASTERCLASS = "masterclass"
    TABLE_RONDE = "table_ronde"
    ATELIER_TECHNOLOGIQUE = "atelier_technologique"
    CAFE_NUMERIQUE = "cafe_numerique"
    FORMATION = "formation"


class Space(enum.StrEnum):
    SMART_ROOM = "smart_room"
    SMART_LAB = "smart_lab"
    SMART_CLASS = "smart_class"
    SMART_STORE = "smart_store"
    REMOTE_SITE = "remote_site"  # the Smart Tour on one of the council's sites


class PersonKind(enum.StrEnum):
    AGENT = "agent"
    VISITOR = "visitor"


class Role(enum.StrEnum):
    AGENT = "agent"
    AMBASSADOR = "ambassador"
    STAFF = "staff"
    ADMIN = "admin"


class RegistrationStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITING_LIST = "waiting_list"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class UpcomingEvent:
    """What the attract screen shows of an event: no personal data."""

    id: int
    title: str
    kind: EventKind
    space: Space
    place: str  # human name of the space or remote site, e.g. "Smart Room" or "Menton"
    starts_at: datetime  # timezone-aware
    ends_at: datetime
    open_to_external: bool
    seats_left: int | None  # None: no capacity limit
