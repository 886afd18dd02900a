"""« Comment était … ? »: which event a kiosk asks about, and counting the answers.

Plain functions over a session, each taking the time, in the spirit of the check-in: the
caller commits (one answer, one transaction). The rules:

- a kiosk asks about the event of its site that ended last, for ``WINDOW_MINUTES`` after its
  end (``question_at``); an answer after that is refused (``CLOSED``);
- one tap counts one answer. Anonymous answers are rate-limited per kiosk
  (``ANONYMOUS_GAP_SECONDS``): a child tapping ten times counts once (``TOO_SOON``);
- a badge tapped within ``BADGE_CLAIM_SECONDS`` of the face names the person
  (``claim_answer``): then a person has one answer per event, their latest. The UNIQUE
  (event, person) constraint keeps it so with two kiosks racing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.checkin.service import window_open
from kiosk.db.models import Event, Kiosk
from kiosk.domain import EventKind, Space
from kiosk.satisfaction.faces import (
    ANONYMOUS_GAP_SECONDS,
    BADGE_CLAIM_SECONDS,
    SETTLED_AFTER_MINUTES,
    WINDOW_MINUTES,
    Face,
    Reason,
)
from kiosk.satisfaction.tables import EventFeedback

WINDOW = timedelta(minutes=WINDOW_MINUTES)


@dataclass(frozen=True)
class FeedbackQuestion:
    """The event a kiosk asks about now, and until when."""

    event_id: int
    title: str
    title_en: str
    kind: EventKind
    closes_at: datetime
    # Another event is open for check-in here: a badge checks its holder in, never names an
    # answer (the person is arriving, not leaving).
    badges_check_in: bool = False

    def title_in(self, english: bool) -> str:
        return self.title_en if english and self.title_en else self.title


class AnswerOutcome(enum.StrEnum):
    RECORDED = "recorded"
    TOO_SOON = "too_soon"  # another anonymous answer on this kiosk a moment ago
    CLOSED = "closed"  # the event's window is over (or it has not ended yet)


class ClaimOutcome(enum.StrEnum):
    CLAIMED = "claimed"  # the answer is now this person's
    REPLACED = "replaced"  # they had answered already: their answer now says this
    TOO_LATE = "too_late"  # the face was tapped too long ago, or by someone else


def question_at(
    session: Session, kiosk_id: int, now: datetime, space: Space | None = None
) -> FeedbackQuestion | None:
    """The event of the kiosk's site (and space, when the kiosk covers one) that ended last,
    within the window; None: ask nothing."""
    site_id = session.scalar(select(Kiosk.site_id).where(Kiosk.id == kiosk_id))
    if site_id is None:
        return None
    here = [Event.site_id == site_id] + ([Event.space == space] if space is not None else [])
    event = session.scalars(
        select(Event)
        .where(*here, Event.ends_at <= now, Event.ends_at > now - WINDOW)
        .order_by(Event.ends_at.desc(), Event.id.desc())
        .limit(1)
    ).first()
    if event is None:
        return None
    # check-in windows are at most a day around their event (kiosk.checkin.service)
    others = session.scalars(
        select(Event).where(
            *here,
            Event.id != event.id,
            Event.starts_at <= now + timedelta(days=1),
            Event.ends_at >= now - timedelta(days=1),
        )
    ).all()
    return FeedbackQuestion(
        event.id,
        event.title,
        event.title_en,
        event.kind,
        event.ends_at + WINDOW,
        badges_check_in=any(window_open(other, now) for other in others),
    )


def record_answer(
    session: Session, *, kiosk_id: int, event_id: int, face: Face, now: datetime, nonce: str
) -> AnswerOutcome:
    """One tap on a face: an anonymous answer, unless the window is over or too soon."""
    ends_at = session.scalar(select(Event.ends_at).where(Event.id == event_id))
    if ends_at is None or not ends_at <= now < ends_at + WINDOW:
        return AnswerOutcome.CLOSED
    recent = session.scalar(
        select(EventFeedback.id)
        .where(
            EventFeedback.kiosk_id == kiosk_id,
            EventFeedback.person_id.is_(None),
            EventFeedback.at > now - timedelta(seconds=ANONYMOUS_GAP_SECONDS),
        )
        .limit(1)
    )
    if recent is not None:
        return AnswerOutcome.TOO_SOON
    session.add(
        EventFeedback(nonce=nonce, event_id=event_id, kiosk_id=kiosk_id, at=now, score=int(face))
    )
    session.flush()
    return AnswerOutcome.RECORDED


@dataclass(frozen=True)
class Claim:
    outcome: ClaimOutcome
    nonce: str  # the answer that counts: a reason given next goes to it


def claim_answer(session: Session, *, nonce: str, person_id: int, now: datetime) -> Claim:
    """A badge right after the face: the answer becomes the person's one answer to the event."""
    answer = session.scalars(select(EventFeedback).where(EventFeedback.nonce == nonce)).first()
    if answer is None or answer.at < now - timedelta(seconds=BADGE_CLAIM_SECONDS):
        return Claim(ClaimOutcome.TOO_LATE, nonce)
    if answer.person_id is not None:
        mine = answer.person_id == person_id
        return Claim(ClaimOutcome.CLAIMED if mine else ClaimOutcome.TOO_LATE, nonce)
    earlier = _earlier_answer(session, answer.event_id, person_id)
    if earlier is None:
        try:
            with session.begin_nested():
                answer.person_id = person_id
            return Claim(ClaimOutcome.CLAIMED, nonce)
        except IntegrityError:  # another kiosk recorded their answer meanwhile
            session.refresh(answer)
            earlier = _earlier_answer(session, answer.event_id, person_id)
            if earlier is None:
                raise
    # One answer per person, their latest: the earlier row takes this face; this one goes.
    earlier.score, earlier.at, earlier.kiosk_id = answer.score, answer.at, answer.kiosk_id
    earlier.reason = answer.reason or earlier.reason
    session.delete(answer)
    session.flush()
    return Claim(ClaimOutcome.REPLACED, earlier.nonce)


def _earlier_answer(session: Session, event_id: int, person_id: int) -> EventFeedback | None:
    return session.scalars(
        select(EventFeedback).where(
            EventFeedback.event_id == event_id, EventFeedback.person_id == person_id
        )
    ).first()


def add_reason(session: Session, *, nonce: str, reason: Reason, now: datetime) -> bool:
    """The one-word reason of the second screen; False when the answer is gone or settled
    (``SETTLED_AFTER_MINUTES``: the Smart Tour may have sent it up as it was)."""
    answer = session.scalars(select(EventFeedback).where(EventFeedback.nonce == nonce)).first()
    if answer is None or answer.at <= now - timedelta(minutes=SETTLED_AFTER_MINUTES):
        return False
    answer.reason = reason
    session.flush()
    return True
