"""Rows the help-queue tests need: a site with a store kiosk, and a FixedClock in Paris."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

from sqlalchemy.orm import Session

from kiosk.db.models import Kiosk, Site
from kiosk.settings import Profile
from tests.helpers import records

_numbers = count(1)
# A Monday in November, 10:00 in Paris (UTC+1).
MORNING = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def store_kiosk(session: Session, at: Site | None = None, *, name: str = "Smart Store") -> Kiosk:
    site = at or records.site(session)
    row = Kiosk(
        code=f"K{next(_numbers)}",
        name=name,
        profile=Profile.STORE,
        site_id=site.id,
        created_at=records.CREATED,
    )
    session.add(row)
    session.flush()
    return row
