"""The closed vocabularies of check-in: outcomes and methods, stored as stable codes.

Kept apart from :mod:`kiosk.checkin` so that the ORM models can use them without importing the
service. The codes are stored in the database and travel to the central database (sync): never
rename one; add new ones at the end (and to migration 0003's frozen list).
"""

from __future__ import annotations

import enum


class Verdict(enum.StrEnum):
    """How the verdict screen folds outcomes: a colour, a shape and a sound for each."""

    GREEN = "green"  # come in (checked in, or a visit of the space counted)
    AMBER = "amber"  # nothing wrong, but nothing new either: already checked in
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

    @property
    def verdict(self) -> Verdict:
        if self in {CheckinOutcome.OK, CheckinOutcome.VISIT_RECORDED}:
            return Verdict.GREEN
        if self is CheckinOutcome.ALREADY_CHECKED_IN:
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
