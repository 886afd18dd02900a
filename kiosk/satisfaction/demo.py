"""Demo answers to « Comment était … ? »: for the past events, about a third of those who came
answered on the room kiosk in the half hour after the end, half of them with their badge.
Registered in ``kiosk.demo.seed.CAPABILITY_SEEDS`` after the check-ins, whose attendance it
reads."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kiosk.checkin.tables import Attendance
from kiosk.db.models import Event
from kiosk.domain import PARIS
from kiosk.satisfaction.faces import WINDOW_MINUTES, Face, Reason
from kiosk.satisfaction.tables import EventFeedback

if TYPE_CHECKING:
    from kiosk.db.demo import DemoBase

SEED_SALT: Final = 21
ANSWER_RATE: Final = 0.35
FACES: Final = (Face.BAD, Face.MEH, Face.GOOD, Face.GREAT)
FACE_WEIGHTS: Final = (1, 3, 9, 11)


def seed_feedback(session: Session, base: DemoBase) -> dict[str, int]:
    rng = random.Random(base.seed * 1000 + SEED_SALT)
    day_start = datetime.combine(base.today, time(0), PARIS)
    kiosk = base.kiosk_ids["DEMO-ROOM"]
    attendees: dict[int, list[int]] = {}
    for event_id, person_id in session.execute(
        select(Attendance.event_id, Attendance.person_id)
        .join(Event, Event.id == Attendance.event_id)
        .where(Event.ends_at < day_start)
        .order_by(Attendance.event_id, Attendance.person_id)
    ):
        attendees.setdefault(event_id, []).append(person_id)
    ends = {
        event_id: ends_at
        for event_id, ends_at in session.execute(
            select(Event.id, Event.ends_at).where(Event.id.in_(list(attendees)))
        )
    }
    rows: list[dict[str, Any]] = []
    for event_id, people in sorted(attendees.items()):
        answering = [p for p in people if rng.random() < ANSWER_RATE]
        for n, person_id in enumerate(answering):
            rows.append(
                {
                    "nonce": uuid.UUID(int=rng.getrandbits(128)).hex,
                    "event_id": event_id,
                    "kiosk_id": kiosk,
                    "at": ends[event_id]
                    + timedelta(seconds=30 + n * (WINDOW_MINUTES * 60 - 60) // len(answering)),
                    "score": int(rng.choices(FACES, FACE_WEIGHTS)[0]),
                    "reason": rng.choice(list(Reason)) if rng.random() < 0.4 else None,
                    "person_id": person_id if rng.random() < 0.5 else None,
                }
            )
    if rows:
        session.execute(insert(EventFeedback), rows)
    return {"feedback answers": len(rows)}
