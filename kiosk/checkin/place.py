"""Where a kiosk stands, as check-in sees it: its row, its site and the space it covers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from kiosk.domain import Space
from kiosk.settings import Profile

if TYPE_CHECKING:  # the screens import this module: the database layer loads on the worker
    from kiosk.this_kiosk import KioskRef

# Where a kiosk of each profile stands: the space its self check-in covers and counts visits of.
PROFILE_SPACE: Final = {
    Profile.ROOM: Space.SMART_ROOM,
    Profile.STORE: Space.SMART_STORE,
    Profile.TOUR: Space.REMOTE_SITE,
}


@dataclass(frozen=True)
class KioskPlace:
    """This kiosk's row in the database, and where it stands."""

    kiosk_id: int
    site_id: int
    space: Space | None
    name: str


def place_of(kiosk: KioskRef) -> KioskPlace:
    """Where a kiosk of this profile stands: the space its self check-in covers."""
    return KioskPlace(kiosk.id, kiosk.site_id, PROFILE_SPACE.get(kiosk.profile), kiosk.name)
