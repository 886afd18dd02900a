"""Sign-ups to events made at the kiosk (an agent's badge, a visitor's form), by direction.

A registration holds only its latest state, so a sign-up is counted in the quarter it was
made, with where it stands now (still on the waiting list, cancelled since). Promotions from
the waiting list leave no state of their own: they are counted from the message that tells
the person, queued in the same transaction as the promotion (kept as long as the messages'
retention period). Each figure is one GROUP BY over both quarters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.db.models import Direction, Person, Registration
from kiosk.domain import RegistrationSource, RegistrationStatus
from kiosk.signup.tables import Notice, NoticeKind
from kiosk.stats.figures import Change, who

AT_THE_KIOSK = (RegistrationSource.KIOSK, RegistrationSource.VISITOR_FORM)


@dataclass(frozen=True)
class SignupsRow:
    """One direction's sign-ups in the quarter (visitors and agents without one: own rows)."""

    key: str
    label: str
    signups: int  # made at a kiosk in the quarter
    waiting: int  # of them, still on the waiting list
    cancelled: int  # of them, cancelled since
    promoted: int  # places freed and given from the waiting list in the quarter


@dataclass(frozen=True)
class SignupFigures:
    signups: Change
    promoted: Change
    by_direction: tuple[SignupsRow, ...]


def signup_figures(
    session: Session, start: datetime, end: datetime, prev_start: datetime
) -> SignupFigures:
    """Sign-ups made at a kiosk and promotions in [start, end), and in [prev_start, start)."""
    current = (Registration.created_at >= start).label("current")
    made = (
        select(
            current,
            Registration.status,
            Person.kind,
            Direction.code,
            Direction.name,
            func.count(Registration.id),
        )
        .select_from(Registration)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Direction, Direction.id == Person.direction_id)
        .where(
            Registration.source.in_(AT_THE_KIOSK),
            Registration.created_at >= prev_start,
            Registration.created_at < end,
        )
        .group_by(current, Registration.status, Person.kind, Direction.code, Direction.name)
    )
    told = (Notice.created_at >= start).label("current")
    promoted = (
        select(told, Person.kind, Direction.code, Direction.name, func.count(Notice.id))
        .select_from(Notice)
        .join(Person, Person.id == Notice.person_id)
        .outerjoin(Direction, Direction.id == Person.direction_id)
        .where(
            Notice.kind == NoticeKind.PROMOTED,
            Notice.created_at >= prev_start,
            Notice.created_at < end,
        )
        .group_by(told, Person.kind, Direction.code, Direction.name)
    )
    rows: dict[tuple[str, str], list[int]] = {}  # -> [sign-ups, waiting, cancelled, promoted]
    signups = {True: 0, False: 0}
    promotions = {True: 0, False: 0}
    for now, status, kind, code, name, n in session.execute(made):
        signups[bool(now)] += n
        if now:
            counts = rows.setdefault(who(kind, code, name), [0, 0, 0, 0])
            counts[0] += n
            if RegistrationStatus(status) is RegistrationStatus.WAITING_LIST:
                counts[1] += n
            elif RegistrationStatus(status) is RegistrationStatus.CANCELLED:
                counts[2] += n
    for now, kind, code, name, n in session.execute(promoted):
        promotions[bool(now)] += n
        if now:
            rows.setdefault(who(kind, code, name), [0, 0, 0, 0])[3] += n
    return SignupFigures(
        signups=Change(signups[True], signups[False]),
        promoted=Change(promotions[True], promotions[False]),
        by_direction=tuple(
            sorted(
                (SignupsRow(key, label, *counts) for (key, label), counts in rows.items()),
                key=lambda r: (-r.signups, -r.promoted, r.label, r.key),
            )
        ),
    )
