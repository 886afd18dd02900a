"""Satisfaction after the events of a quarter: answers, score and response rate, per event
and per event type, and the quarter against the previous one.

The score is the mean face, 1 (« Décevant ») to 4 (« Excellent »); the response rate divides
the answers by the check-ins of the same events (an event nobody checked in to has none).
An event counts in the quarter it started in, as for attendance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.checkin.tables import Attendance
from kiosk.db.models import Event
from kiosk.domain import EventKind
from kiosk.satisfaction.tables import EventFeedback
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

    def plus(self, other: FeedbackFigures) -> FeedbackFigures:
        return FeedbackFigures(
            self.key,
            self.label,
            self.answers + other.answers,
            self.score_sum + other.score_sum,
            self.attendance + other.attendance,
        )


@dataclass(frozen=True)
class Satisfaction:
    total: FeedbackFigures = FeedbackFigures("total", "total")
    previous: FeedbackFigures = FeedbackFigures("total", "total")
    by_kind: list[FeedbackFigures] = field(default_factory=list)
    by_event: list[FeedbackFigures] = field(default_factory=list)  # events with answers


def quarter_satisfaction(session: Session, quarter: Quarter) -> Satisfaction:
    start, end = quarter.utc_bounds()
    prev_start, _ = quarter.previous().utc_bounds()
    events = _per_event(session, prev_start, end)
    current = [(e, kind) for e, kind, starts in events if starts >= start]
    previous = [e for e, _, starts in events if starts < start]
    kinds: dict[str, FeedbackFigures] = {}
    for figures, kind in current:
        if figures.answers:
            empty = FeedbackFigures(kind.value, KIND_LABELS[kind])
            kinds[kind.value] = kinds.get(kind.value, empty).plus(figures)
    answered = [e for e, _ in current if e.answers]
    return Satisfaction(
        total=_sum(e for e in answered),
        previous=_sum(e for e in previous if e.answers),
        by_kind=sorted(kinds.values(), key=lambda f: (-f.answers, f.label)),
        by_event=sorted(answered, key=lambda f: (-f.answers, f.label, f.key)),
    )


def _sum(rows: Iterable[FeedbackFigures]) -> FeedbackFigures:
    total = FeedbackFigures("total", "total")
    for row in rows:
        total = total.plus(row)
    return total


def _per_event(
    session: Session, start: datetime, end: datetime
) -> list[tuple[FeedbackFigures, EventKind, datetime]]:
    """Events with answers starting in [start, end): their figures, type and start."""
    answers = (
        select(
            EventFeedback.event_id,
            func.count().label("answers"),
            func.sum(EventFeedback.score).label("score_sum"),
        )
        .group_by(EventFeedback.event_id)
        .subquery()
    )
    rows = session.execute(
        select(Event.id, Event.title, Event.kind, Event.starts_at, answers.c.answers,
               answers.c.score_sum)
        .join(answers, answers.c.event_id == Event.id)
        .where(Event.starts_at >= start, Event.starts_at < end)
    ).all()  # fmt: skip
    ids = [r.id for r in rows]
    attended = dict(
        session.execute(
            select(Attendance.event_id, func.count())
            .where(Attendance.event_id.in_(ids))
            .group_by(Attendance.event_id)
        ).all()
    ) if ids else {}  # fmt: skip
    return [
        (
            FeedbackFigures(
                str(r.id),
                r.title,
                int(r.answers),
                int(r.score_sum or 0),
                int(attended.get(r.id, 0)),
            ),
            EventKind(r.kind),
            r.starts_at,
        )
        for r in rows
    ]
