"""The satisfaction side's door to the database: which event to ask about, and each answer,
badge and reason, committed on the kiosk's shared worker before the screen says « Merci »."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from kiosk.checkin.place import KioskPlace, place_of
from kiosk.db.engine import begin_as_writer
from kiosk.ports import Clock
from kiosk.satisfaction.faces import Face, Reason
from kiosk.satisfaction.service import (
    AnswerOutcome,
    Claim,
    ClaimOutcome,
    FeedbackQuestion,
    add_reason,
    claim_answer,
    question_at,
    record_answer,
)
from kiosk.settings import Settings
from ui.data import KioskDatabase
from ui.tasks import BackgroundExecutor, WorkerDesk

log = logging.getLogger(__name__)


class FeedbackDesk(WorkerDesk[KioskPlace]):
    WHAT = "satisfaction"

    def __init__(
        self,
        database: KioskDatabase,
        settings: Settings,
        clock: Clock,
        executor: BackgroundExecutor | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent, executor=executor)
        self._database = database
        self._settings = settings
        self._place: KioskPlace | None = None
        self._key: bytes | None = None

    def _open(self) -> KioskPlace:
        with self._lock:
            if self._place is None:
                from kiosk.identity import load_site_key

                self._sessions = self._database.session_factory()
                self._key = load_site_key(self._settings.site_key_path)
                self._place = place_of(self._database.this_kiosk(self.clock.now()))
            return self._place

    def question(self, on_done: Callable[[FeedbackQuestion | None], None]) -> None:
        def work(session: Session, place: KioskPlace, now: datetime) -> FeedbackQuestion | None:
            return question_at(session, place.kiosk_id, now, place.space)

        self.run(work, on_done)

    def answer(
        self,
        event_id: int,
        face: Face,
        nonce: str,
        on_done: Callable[[AnswerOutcome], None],
    ) -> None:
        def work(session: Session, place: KioskPlace, now: datetime) -> AnswerOutcome:
            begin_as_writer(session)  # reads the event and the last answer, then writes
            outcome = record_answer(session, kiosk_id=place.kiosk_id, event_id=event_id,
                                    face=face, now=now, nonce=nonce)  # fmt: skip
            session.commit()
            return outcome

        self.run(work, on_done)

    def claim(self, uid: bytes, nonce: str, on_done: Callable[[Claim], None]) -> None:
        """The badge names the answer's person (its UID is hashed on the worker, never kept)."""

        def work(session: Session, place: KioskPlace, now: datetime) -> Claim:
            from kiosk.identity import badge_hash, person_for_badge

            assert self._key is not None
            begin_as_writer(session)  # finds the person, then signs the answer
            person = person_for_badge(session, badge_hash(self._key, uid))
            if person is None:
                return Claim(ClaimOutcome.TOO_LATE, nonce)
            claim = claim_answer(session, nonce=nonce, person_id=person.id, now=now)
            session.commit()
            return claim

        self.run(work, on_done)

    def reason(self, nonce: str, reason: Reason) -> None:
        def work(session: Session, place: KioskPlace, now: datetime) -> bool:
            begin_as_writer(session)  # finds the answer, then adds the reason
            found = add_reason(session, nonce=nonce, reason=reason, now=now)
            session.commit()
            return found

        self.run(work, lambda found: None if found else log.info("reason for a gone answer"))
