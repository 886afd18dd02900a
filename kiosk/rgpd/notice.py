"""What a person is told where the kiosk collects their data (RGPD art. 13).

Each place that collects personal data names the retention kinds it feeds; the periods are the
ones in force on this kiosk (``RETENTION_DEFAULTS`` with the ``retention`` setting), the same
the nightly purge applies, so the screen cannot promise a period the purge does not keep.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from kiosk.rgpd.retention import periods
from kiosk.settings import Settings


class Collection(enum.StrEnum):
    """The places where the kiosk collects personal data."""

    VISITOR_FORM = "visitor_form"  # an external visitor's name and organisation
    BADGE_FIRST_USE = "badge_first_use"  # a badge linked to an agent's name
    HELP_DESCRIPTION = "help_description"  # the text typed with a help request
    SIGNATURE = "signature"  # the signature on a Click & Collect hand-over
    VISITOR_SIGNUP = "visitor_signup"  # a visitor signing up to an event, without a badge


# The retention kinds each collection feeds, in the order the screen lists them.
KINDS: Final[Mapping[Collection, tuple[str, ...]]] = {
    Collection.VISITOR_FORM: ("visitors", "checkins"),
    Collection.BADGE_FIRST_USE: ("checkins", "refused_scans"),
    Collection.HELP_DESCRIPTION: ("help_requests", "print_jobs"),
    Collection.SIGNATURE: ("handovers", "print_jobs"),
    Collection.VISITOR_SIGNUP: ("visitors", "checkins", "print_jobs"),
}


@dataclass(frozen=True)
class PrivacyTerms:
    """The periods in force (days by kind) and whom to ask ("" = the council's DPO)."""

    periods: Mapping[str, int]
    contact: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> PrivacyTerms:
        return cls(periods(settings.retention), settings.privacy_contact)

    @classmethod
    def defaults(cls) -> PrivacyTerms:
        """The default periods (screens built outside a kiosk: tests, screenshots)."""
        return cls(periods({}))

    def kept(self, collection: Collection) -> list[tuple[str, int]]:
        """(kind, days) for what ``collection`` feeds."""
        return [(kind, self.periods[kind]) for kind in KINDS[collection]]


def years_or_days(days: int) -> tuple[int, str]:
    """(n, "years") when ``days`` is whole years, else (days, "days"): how a person reads it."""
    if days >= 365 and days % 365 == 0:
        return days // 365, "years"
    return days, "days"
