"""Closed vocabularies of the domain (their values are stable codes stored in the database),
the council's time zone and the nonce every replayable record carries.

Check-in outcomes and methods live here rather than in :mod:`kiosk.checkin` because ticket and
order codes (:mod:`kiosk.codes`) refuse with them too. The codes are stored in the database and
travel to the central database (sync): never rename one; add new ones at the end, with a
migration that widens the column's CHECK constraint (as 0016 did for ``waiting_list``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    # The council's clock: days, quarters, opening hours and printed times are Paris time.
    PARIS: ZoneInfo

NONCE_LENGTH: Final = 32  # new_nonce()'s length


def __getattr__(name: str) -> ZoneInfo:
    """``PARIS``, made the first time a module asks for it (PEP 562), then a plain global.

    The attract screen imports this module for its vocabularies, not for the zone: zoneinfo
    (with sysconfig, to find the zone files) and reading Europe/Paris cost ~4 ms of CPU that
    its first paint waited for and that a bare window never pays.
    """
    if name == "PARIS":
        from zoneinfo import ZoneInfo

        zone = ZoneInfo("Europe/Paris")  # cached by zoneinfo: the same object every time
        globals()["PARIS"] = zone
        return zone
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def new_nonce() -> str:
    """A fresh random id for one record (uuid4 hex): replays carrying it change nothing.
    Keep it if you retry the same action. (``uuid`` is imported here, on the first record:
    with ``platform`` and ``_uuid`` it was among the few modules the attract screen's first
    paint waited for that a bare window never loads.)"""
    import uuid

    return uuid.uuid4().hex


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


class RegistrationSource(enum.StrEnum):
    """Where a registration was made: an import never overwrites what was made at a kiosk."""

    IMPORT = "import"
    KIOSK = "kiosk"  # an agent's badge at the kiosk
    VISITOR_FORM = "visitor_form"  # an external visitor through the kiosk's form


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
    description: str = ""  # what it is about and for whom, as the organisers wrote it
    title_en: str = ""  # the import's optional English; empty: the French stands in
    description_en: str = ""

    def title_in(self, english: bool) -> str:
        """The title in the kiosk's language: an event imported without English keeps its
        French title rather than showing nothing."""
        return self.title_en if english and self.title_en else self.title

    def description_in(self, english: bool) -> str:
        """The description in the kiosk's language, the French one when none was given."""
        return self.description_en if english and self.description_en else self.description


class Verdict(enum.StrEnum):
    """How the verdict screen folds outcomes: a colour, a shape and a sound for each."""

    GREEN = "green"  # come in (checked in, or a visit of the space counted)
    AMBER = "amber"  # nothing wrong, but nothing new either: already checked in, or waiting
    RED = "red"  # not admitted: read the line saying what to do


class CheckinOutcome(enum.StrEnum):
    OK = "ok"
    ALREADY_CHECKED_IN = "already_checked_in"  # with first time and kiosk
    NOT_REGISTERED = "not_registered"  # walk_in_possible tells whether a seat can be offered
    EVENT_FULL = "event_full"  # not registered, and no seat left for a walk-in
    OUTSIDE_WINDOW = "outside_window"  # check-in not open yet, or closed
    WRONG_EVENT = "wrong_event"  # registered to another event: which, where and when
    UNKNOWN_BADGE = "unknown_badge"  # no person linked to this badge (staff can link it)
    INVALID_CODE = "invalid_code"  # not a Smart Corner code, or truncated / damaged
    FORGED_CODE = "forged_code"  # well formed, but the signature does not verify
    EXPIRED_CODE = "expired_code"
    REVOKED_CODE = "revoked_code"
    VISIT_RECORDED = "visit_recorded"  # no event here now: one visit of the space counted
    # On the event's waiting list: where they stand, and whether a free place is theirs now
    # (walk_in_possible); not admitted until they take it.
    WAITING_LIST = "waiting_list"

    @property
    def verdict(self) -> Verdict:
        if self in {CheckinOutcome.OK, CheckinOutcome.VISIT_RECORDED}:
            return Verdict.GREEN
        if self in {CheckinOutcome.ALREADY_CHECKED_IN, CheckinOutcome.WAITING_LIST}:
            return Verdict.AMBER
        return Verdict.RED

    @property
    def admitted(self) -> bool:
        """The person may go in (an ok check-in exists for them now)."""
        return self in {CheckinOutcome.OK, CheckinOutcome.ALREADY_CHECKED_IN}


class CheckinMethod(enum.StrEnum):
    BADGE = "badge"
    QR = "qr"
    MANUAL = "manual"  # staff picked the person after a name search
    WALK_IN = "walk_in"  # registered on the spot, then checked in
