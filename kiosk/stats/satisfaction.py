"""Satisfaction after the events of a quarter: answers, score and response rate, per event
and per event type, and the quarter against the previous one.

The score is the mean face, 1 (« Décevant ») to 4 (« Excellent »); the response rate divides
the answers by the check-ins of the same events (an event nobody checked in to has none).
An event counts in the quarter it started in, as for attendance.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.checkin.tables import Attendance
from kiosk.db.models import Event
from kiosk.domain import EventKind
from kiosk.satisfaction.tables import EventFeedback
from kiosk.stats.attendance import EventCounts
from kiosk.stats.french import KIND_LABELS
from kiosk.stats.periods import Quarter


@dataclass(frozen=True)
class FeedbackFigures:
    key: str  # an event id, an event type's code, "total"
    label: str
    answers: int = 0
    score_sum: int = 0
    attendance: int = 0

    @property
    def score(self) -> float | None:
        """Mean face, 1 to 4; None without answers."""
        return self.score_sum / self.answers if self.answers else None

    @property
    def response_rate(self) -> float | None:
        """Answers per check-in (0 to 1, a little above when people answered without checking
        in); None when nobody checked in."""
        return self.answers / self.attendance if self.attendance else None


@dataclass(frozen=True)
class Satisfaction:
    total: FeedbackFigures = FeedbackFigures("total", "total")
    previous: FeedbackFigures = FeedbackFigures("total", "total")
    by_kind: list[FeedbackFigures] = field(default_factory=list)
    by_event: list[FeedbackFigures] = field(default_factory=list)  # events with answers


def quarter_satisfaction(
    session: Session, quarter: Quarter, counted: Mapping[int, EventCounts] | None = None
) -> Satisfaction:
    """``counted``: the events of this quarter and the previous one with their check-ins and
    answers as the database keeps them, which the dashboard has already
    (:func:`events_with_counts`); without it, counted here from the rows."""
    start, end = quarter.utc_bounds()
    prev_start, _ = quarter.previous().utc_bounds()
    if counted is None:
        counted = _recounted(session, prev_start, end)
    current = [i for i, e in counted.items() if e.answers and e.starts_at >= start]
    titles = _titles(session, current)
    answered = [
        FeedbackFigures(str(i), titles[i], counted[i].answers, counted[i].score_sum,
                        counted[i].attended)
        for i in current
    ]  # fmt: skip
    sums: dict[str, list[int]] = {}  # kind -> [answers, faces, check-ins]
    for i in current:
        e = counted[i]
        kind = sums.setdefault(e.kind, [0, 0, 0])
        kind[0] += e.answers
        kind[1] += e.score_sum
        kind[2] += e.attended
    by_kind = [FeedbackFigures(k, KIND_LABELS[EventKind(k)], *totals) for k, totals in sums.items()]
    previous = [e for e in counted.values() if e.answers and e.starts_at < start]
    return Satisfaction(
        total=_total(counted[i] for i in current),
        previous=_total(previous),
        by_kind=sorted(by_kind, key=lambda f: (-f.answers, f.label)),
        by_event=sorted(answered, key=lambda f: (-f.answers, f.label, f.key)),
    )


def _total(events: Iterable[EventCounts]) -> FeedbackFigures:
    """Summed as integers, one figure made at the end (one frozen object per event was the
    slow part of the dashboard's satisfaction)."""
    answers = faces = attended = 0
    for e in events:
        answers += e.answers
        faces += e.score_sum
        attended += e.attended
    return FeedbackFigures("total", "total", answers, faces, attended)


def _recounted(session: Session, start: datetime, end: datetime) -> dict[int, EventCounts]:
    """The events starting in [start, end) with their check-ins and answers counted from the
    rows, as :func:`quarter_dashboard_by_parts` checks the kept counts (registrations are not
    read here: zero)."""
    attended = select(func.count()).select_from(Attendance).where(Attendance.event_id == Event.id)
    events = select(
        Event.id, Event.kind, Event.site_id, Event.starts_at, Event.ends_at,
        attended.scalar_subquery(),
    ).where(Event.starts_at >= start, Event.starts_at < end)  # fmt: skip
    rows = session.execute(events).all()
    answers = _answers_by_event(session, [row[0] for row in rows])
    return {
        i: EventCounts(str(kind), site, at, until, int(n), 0, 0, *answers.get(i, (0, 0)))
        for i, kind, site, at, until, n in rows
    }


def _answers_by_event(session: Session, event_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(answers, sum of faces) of those events that have answers: read from the (event, face)
    index alone (migration 0017)."""
    if not event_ids:
        return {}
    rows = session.execute(
        select(EventFeedback.event_id, func.count(), func.sum(EventFeedback.score))
        .where(EventFeedback.event_id.in_(event_ids))
        .group_by(EventFeedback.event_id)
    )
    return {event_id: (int(n), int(total or 0)) for event_id, n, total in rows}


def _titles(session: Session, event_ids: list[int]) -> dict[int, str]:
    if not event_ids:
        return {}
    return dict(session.execute(select(Event.id, Event.title).where(Event.id.in_(event_ids))).all())
