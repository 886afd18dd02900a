"""The per-event counts the database keeps (``event_tally``) against a recount of the rows."""

from __future__ import annotations

from sqlalchemy import Engine, and_, func, select

from kiosk.checkin.tables import Attendance, SpaceVisit
from kiosk.db.models import Registration
from kiosk.domain import RegistrationStatus
from kiosk.satisfaction.tables import EventFeedback
from kiosk.stats.tables import EventDirectionTally, EventKioskTally, EventTally, VisitTally

# event id -> (attended, registered, present, answers, sum of their faces)
type Counts = dict[int, tuple[int, int, int, int, int]]
COLUMNS = (EventTally.attended, EventTally.registered, EventTally.present, EventTally.answers,
           EventTally.score_sum)  # fmt: skip


def kept(engine: Engine) -> Counts:
    """The kept counts, leaving out the all-zero rows (an event whose rows all went)."""
    with engine.connect() as conn:
        rows = conn.execute(select(EventTally.event_id, *COLUMNS))
        return {e: (a, r, p, n, f) for e, a, r, p, n, f in rows if any((a, r, p, n, f))}


def recount(engine: Engine) -> Counts:
    """The same counts from the rows, by plain GROUP BYs."""
    confirmed = Registration.status == RegistrationStatus.CONFIRMED
    attended = select(Attendance.event_id, func.count()).group_by(Attendance.event_id)
    registered = select(Registration.event_id, func.count()).where(confirmed)
    present = (
        select(Registration.event_id, func.count())
        .join(
            Attendance,
            and_(
                Attendance.event_id == Registration.event_id,
                Attendance.person_id == Registration.person_id,
            ),
        )
        .where(confirmed)
    )
    answers = select(EventFeedback.event_id, func.count()).group_by(EventFeedback.event_id)
    faces = select(EventFeedback.event_id, func.sum(EventFeedback.score))
    queries = (attended, registered.group_by(Registration.event_id),
               present.group_by(Registration.event_id), answers,
               faces.group_by(EventFeedback.event_id))  # fmt: skip
    out: dict[int, list[int]] = {}
    with engine.connect() as conn:
        for column, query in enumerate(queries):
            for event_id, n in conn.execute(query):
                out.setdefault(event_id, [0] * len(queries))[column] = int(n)
    return {e: (a, r, p, n, f) for e, (a, r, p, n, f) in out.items()}


type ByCounts = dict[tuple[str, int, int], int]  # ("kiosk" | "direction", event, id) -> n


def kept_by(engine: Engine) -> ByCounts:
    """The check-ins kept per (event, kiosk) and per (event, recorded direction), not zero."""
    out: ByCounts = {}
    with engine.connect() as conn:
        for name, table in (("kiosk", EventKioskTally), ("direction", EventDirectionTally)):
            for event_id, other, n in conn.execute(select(*table.__table__.c)):
                if n:
                    out[(name, event_id, other)] = n
    return out


def recount_by(engine: Engine) -> ByCounts:
    out: ByCounts = {}
    with engine.connect() as conn:
        for name, column in (
            ("kiosk", Attendance.kiosk_id),
            ("direction", Attendance.direction_id),
        ):
            query = (
                select(Attendance.event_id, column, func.count())
                .where(column.is_not(None))
                .group_by(Attendance.event_id, column)
            )
            for event_id, other, n in conn.execute(query):
                out[(name, event_id, other)] = int(n)
    return out


type VisitCounts = dict[tuple[str, str, int, int], int]  # (YYYY-MM, space, site, kiosk) -> n


def kept_visits(engine: Engine) -> VisitCounts:
    with engine.connect() as conn:
        rows = conn.execute(select(*VisitTally.__table__.c))
        return {(m, sp, si, k): n for m, sp, si, k, n in rows if n}


def recount_visits(engine: Engine) -> VisitCounts:
    query = select(SpaceVisit.day, SpaceVisit.space, SpaceVisit.site_id, SpaceVisit.kiosk_id)
    out: VisitCounts = {}
    with engine.connect() as conn:
        for day, space, site_id, kiosk_id in conn.execute(query):
            key = (f"{day:%Y-%m}", str(space), site_id, kiosk_id)
            out[key] = out.get(key, 0) + 1
    return out


def assert_kept_equals_recount(engine: Engine, after: str = "") -> None:
    assert kept(engine) == recount(engine), after
    assert kept_by(engine) == recount_by(engine), after
    assert kept_visits(engine) == recount_visits(engine), after
