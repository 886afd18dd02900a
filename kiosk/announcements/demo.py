"""The demo's announcement: the Smart Corner closed on Christmas Eve, shown until then."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from kiosk.announcements.service import announce
from kiosk.db.demo import DemoBase
from kiosk.domain import PARIS


def seed_announcements(session: Session, base: DemoBase) -> dict[str, int]:
    closed = date(base.today.year, 12, 24)
    if closed < base.today:
        closed = date(base.today.year + 1, 12, 24)
    ends = datetime.combine(closed + timedelta(days=1), time(0), PARIS)
    # from the seed's day on, whatever its hour: the demo is the same all day long
    starts = datetime.combine(base.today, time(0), PARIS)
    announce(
        session,
        f"Le Smart Corner sera fermé le {closed:%d/%m}.",
        starts,
        ends,
        starts,
        text_en=f"The Smart Corner will be closed on {closed:%d/%m}.",
        created_by="demo",
        nonce=uuid.UUID(int=random.Random(base.seed + 15).getrandbits(128)).hex,
    )
    return {"announcements": 1}
