"""The room kiosk asks « Comment était … ? » on its attract screen for half an hour after an
event of its room ends.

The flow: a face is one answer, committed before « Merci » shows. For
``BADGE_CLAIM_SECONDS`` after it, a badge names the answer's person (one answer per person and
event) — unless another event is open for check-in here: then the badge goes on to self
check-in, as on any other screen. The one-word reason is a second, optional tap. The question
is asked again after each answer, and goes when its window ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.domain import new_nonce
from kiosk.ports import BadgePresented, Clock
from kiosk.satisfaction.faces import BADGE_CLAIM_SECONDS, Face, Reason
from kiosk.satisfaction.service import AnswerOutcome, Claim, ClaimOutcome, FeedbackQuestion
from ui.satisfaction.desk import FeedbackDesk
from ui.satisfaction.panel import FeedbackPanel

log = logging.getLogger(__name__)

POLL_MS: Final = 60_000  # how often the kiosk looks for an event that has just ended
MESSAGE_MS: Final = 4_000  # a last word, then the question again


class FeedbackPrompt(QObject):
    def __init__(
        self,
        desk: FeedbackDesk,
        panel: FeedbackPanel,
        clock: Clock,
        show: Callable[[QWidget | None], None],
        is_attract_current: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        """``show(panel | None)``: put the panel on the attract screen or take it off;
        ``is_attract_current()``: the attract screen is the one shown (badges elsewhere are
        the screens' own)."""
        super().__init__(parent)
        self.desk, self.panel, self._clock = desk, panel, clock
        self._show = show
        self._is_attract_current = is_attract_current
        self.question: FeedbackQuestion | None = None
        self.nonce: str | None = None  # the answer a badge or a reason goes to
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._close = QTimer(self, singleShot=True)
        self._close.timeout.connect(self.refresh)
        self._back = QTimer(self, singleShot=True)
        self._back.timeout.connect(self.ask_again)
        panel.face_chosen.connect(self.answer)
        panel.reason_chosen.connect(self.give_reason)
        panel.finished.connect(self.ask_again)

    def start(self) -> None:
        self._poll.start()
        self.refresh()

    def stop(self) -> None:
        for timer in (self._poll, self._close, self._back):
            timer.stop()

    # -- the question ---------------------------------------------------------------------

    def refresh(self) -> None:
        self.desk.question(self._got_question)

    def _got_question(self, question: FeedbackQuestion | None) -> None:
        if question is None:
            self.question = self.nonce = None
            self._back.stop()
            self._show(None)
            return
        changed = self.question is None or question.event_id != self.question.event_id
        self.question = question
        left_ms = (question.closes_at - self._clock.now()).total_seconds() * 1000
        self._close.start(max(int(left_ms), 0) + 1000)
        if changed or self.panel.asking:
            self.nonce = None
            self.panel.ask(question)
        self._show(self.panel)

    def ask_again(self) -> None:
        self._back.stop()
        self.nonce = None
        if self.question is not None:
            self.panel.ask(self.question)

    # -- a face, a badge, a reason --------------------------------------------------------

    def answer(self, face: Face) -> None:
        question = self.question
        if question is None:
            return
        nonce = new_nonce()
        self.panel.thank(badges=not question.badges_check_in)  # feedback at once
        self._back.start(BADGE_CLAIM_SECONDS * 1000)

        def done(outcome: AnswerOutcome) -> None:
            if outcome is AnswerOutcome.RECORDED:
                self.nonce = nonce
            elif outcome is AnswerOutcome.TOO_SOON:
                self.panel.say(
                    self.tr("Merci\u202f! Un avis vient d’être donné ici\u202f: il est compté.")
                )
                self._back.start(MESSAGE_MS)
            else:
                self.refresh()  # the window closed meanwhile

        self.desk.answer(question.event_id, face, nonce, done)

    def handle_badge(self, event: BadgePresented) -> bool:
        """Right after a face, the badge names whose answer it was; else it is not ours."""
        question = self.question
        if (
            question is None
            or question.badges_check_in
            or self.nonce is None
            or not self.panel.thanking
            or not self._is_attract_current()
        ):
            return False
        self.desk.claim(event.uid, self.nonce, self._claimed)
        return True

    def _claimed(self, claim: Claim) -> None:
        if claim.outcome is ClaimOutcome.TOO_LATE:
            self.panel.say(
                self.tr("Ce badge n’a pas pu être pris en compte\u202f: votre avis reste anonyme.")
            )
        else:
            self.nonce = claim.nonce
            self.panel.say(
                self.tr("C’est noté\u202f: votre avis compte une fois. Merci\u202f!")
                if claim.outcome is ClaimOutcome.CLAIMED
                else self.tr("Votre avis précédent est remplacé par celui-ci. Merci\u202f!")
            )
        self._back.start(MESSAGE_MS)

    def give_reason(self, reason: Reason) -> None:
        if self.nonce is not None:
            self.desk.reason(self.nonce, reason)
        self.panel.say(self.tr("Merci pour votre réponse\u202f!"))
        self._back.start(MESSAGE_MS)

    def reset(self) -> None:
        """The idle reset: the next visitor finds the question, not the last one's « Merci »."""
        self.ask_again()
