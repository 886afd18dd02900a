"""Under an event's facts: a badge tap, then one action — sign up, join the waiting list, or
give the place back. At an event open to visitors, « Je n'ai pas de badge » asks for the
visitor form instead (the agenda screen opens it).

What the panel shows of the person (first name and initial, their status) is forgotten with
the event page: « Retour », another event, the idle reset.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.domain import RegistrationStatus, UpcomingEvent
from kiosk.signup.registration import (
    CancelResult,
    SignupProblem,
    SignupRefused,
    SignupResult,
    Standing,
)
from ui.events.signup_desk import SignupDesk, UnknownBadge
from ui.formatting import in_english
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def problem_text(problem: SignupProblem) -> str:
    words = {
        SignupProblem.UNKNOWN_EVENT: translate(
            "SignupPanel", "Cet événement n’est plus au programme."
        ),
        SignupProblem.UNKNOWN_PERSON: translate(
            "SignupPanel", "Votre badge n’est relié à personne."
        ),
        SignupProblem.ALREADY_STARTED: translate(
            "SignupPanel", "L’événement a commencé\u202f: les inscriptions sont closes."
        ),
        SignupProblem.NOT_FOR_VISITORS: translate(
            "SignupPanel", "Cet événement est réservé aux agents du Département."
        ),
        SignupProblem.INACTIVE: translate(
            "SignupPanel", "Votre fiche n’est plus active\u202f: voyez l’accueil."
        ),
        SignupProblem.NOT_SIGNED_UP: translate(
            "SignupPanel", "Vous n’étiez pas inscrit à cet événement."
        ),
    }
    return words[problem]


def standing_text(standing: Standing) -> str:
    if standing.status is RegistrationStatus.CONFIRMED:
        return translate("SignupPanel", "Votre place est réservée. Référence\u202f: %1").replace(
            "%1", standing.reference or "—"
        )
    if standing.status is RegistrationStatus.WAITING_LIST:
        return translate("SignupPanel", "Vous êtes sur la liste d’attente, position %1.").replace(
            "%1", str(standing.position or 1)
        )
    if not standing.may_sign_up:
        return problem_text(SignupProblem.NOT_FOR_VISITORS)
    return ""


class SignupPanel(QWidget):
    """Badge → where the person stands → one button; the answer in words."""

    changed = Signal()  # a sign-up or a cancellation was recorded: seats left moved
    answered = Signal()  # new words and maybe a new button: the page scrolls them into view
    visitor_requested = Signal()  # « Je n'ai pas de badge »: the visitor form, for this event

    def __init__(
        self, theme: ThemeController, desk: SignupDesk, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signupPanel")
        self._desk = desk
        self._event: UpcomingEvent | None = None
        self.standing: Standing | None = None
        self.prompt = named(QLabel(wordWrap=True), "eventNextStep")
        self.greeting = named(QLabel(wordWrap=True), "signupGreeting")
        self.message = named(QLabel(wordWrap=True), "signupAnswer")
        self.action = TouchButton(theme, "ticket", role="primary", icon_colour="on_accent")
        self.action.clicked.connect(self._act)
        self.no_badge = TouchButton(theme, "user-plus", role="secondary")
        self.no_badge.setObjectName("signupNoBadge")
        self.no_badge.clicked.connect(self.visitor_requested)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        for widget in (self.prompt, self.greeting, self.message):
            column.addWidget(widget)
        column.addWidget(self.action, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.no_badge, 0, Qt.AlignmentFlag.AlignLeft)
        self.clear()

    # -- state ----------------------------------------------------------------------------

    def set_event(self, event: UpcomingEvent | None) -> None:
        if event is None or self._event is None or event.id != self._event.id:
            self.standing = None
        self._event = event
        self.retranslate()

    def clear(self) -> None:
        """Forget the person (and the event): nothing of them stays on screen."""
        self._event = None
        self.standing = None
        self.message.clear()
        self.greeting.clear()
        self.retranslate()

    @property
    def open_for_signup(self) -> bool:
        return self._event is not None and self._event.starts_at > self._desk.clock.now()

    @property
    def open_to_visitors(self) -> bool:
        """Whether « Je n'ai pas de badge » is offered: visitors may sign up to this event."""
        return self.open_for_signup and self._event is not None and self._event.open_to_external

    def take_badge(self, uid: bytes) -> bool:
        if not self.open_for_signup or self._event is None:
            return False
        self.message.setText(translate("SignupPanel", "Un instant…"))
        self._desk.standing(uid, self._event.id, self._show_standing, self._failed)
        return True

    # -- answers (GUI thread) -------------------------------------------------------------

    def _show_standing(self, standing: Standing) -> None:
        if self._event is None:
            return  # the page was left meanwhile
        self.standing = standing
        self.message.setText(standing_text(standing))
        self.retranslate()

    def _signed_up(self, result: SignupResult) -> None:
        if self.standing is None:
            return
        self.standing = Standing(
            self.standing.person_id, self.standing.first_name, self.standing.display_name,
            True, result.status, result.position, result.reference,
        )  # fmt: skip
        text = standing_text(self.standing)
        if result.print_job_id is not None:
            text += " " + translate("SignupPanel", "Votre ticket s’imprime.")
        self.message.setText(text)
        self.retranslate()
        self.changed.emit()

    def _cancelled(self, result: CancelResult) -> None:
        if self.standing is None:
            return
        self.standing = Standing(
            self.standing.person_id, self.standing.first_name, self.standing.display_name,
            True, None, None, None,
        )  # fmt: skip
        self.message.setText(
            translate("SignupPanel", "Votre inscription est annulée.")
            if result.was is RegistrationStatus.CONFIRMED
            else translate("SignupPanel", "Vous avez quitté la liste d’attente.")
        )
        self.retranslate()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UnknownBadge):
            self.message.setText(
                translate(
                    "SignupPanel",
                    "Ce badge n’est pas encore connu\u202f: l’accueil peut le relier à votre nom.",
                )
            )
        elif isinstance(exc, SignupRefused):
            self.message.setText(problem_text(exc.problem))
        else:
            log.error("sign-up failed: %s", exc)
            self.message.setText(
                translate("SignupPanel", "L’inscription n’a pas pu être enregistrée. Réessayez.")
            )
        self.retranslate()

    def _act(self) -> None:
        standing, event = self.standing, self._event
        if standing is None or event is None:
            return
        self.action.setEnabled(False)
        if standing.status is None:
            lang = "en" if in_english() else "fr"
            self._desk.sign_up(standing.person_id, event.id, lang, self._signed_up, self._failed)
        else:
            self._desk.cancel(standing.person_id, event.id, self._cancelled, self._failed)

    # -- words ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        standing, event = self.standing, self._event
        self.prompt.setVisible(event is not None and standing is None and self.open_for_signup)
        self.prompt.setText(
            translate(
                "SignupPanel", "Pour vous inscrire ou annuler, passez votre badge sur le lecteur."
            )
            if not self.open_to_visitors
            else translate(
                "SignupPanel",
                "Pour vous inscrire ou annuler, passez votre badge sur le lecteur. "
                "Visiteur sans badge ? Touchez « Je n’ai pas de badge ».",
            )
        )
        self.no_badge.setText(translate("SignupPanel", "Je n’ai pas de badge"))
        self.no_badge.setVisible(standing is None and self.open_to_visitors)
        self.greeting.setVisible(standing is not None)
        self.greeting.setText(
            translate("SignupPanel", "Bonjour %1").replace("%1", standing.display_name)
            if standing
            else ""
        )
        self.message.setVisible(bool(self.message.text()))
        offer = standing is not None and standing.may_sign_up and self.open_for_signup
        self.action.setVisible(offer)
        self.action.setEnabled(offer)
        if standing is None or event is None:
            return
        if standing.status is RegistrationStatus.CONFIRMED:
            self.action.setText(translate("SignupPanel", "Annuler mon inscription"))
            self.action.setProperty("role", "danger")
        elif standing.status is RegistrationStatus.WAITING_LIST:
            self.action.setText(translate("SignupPanel", "Quitter la liste d’attente"))
            self.action.setProperty("role", "danger")
        else:
            full = event.seats_left is not None and event.seats_left <= 0
            self.action.setText(
                translate("SignupPanel", "Rejoindre la liste d’attente")
                if full
                else translate("SignupPanel", "M’inscrire")
            )
            self.action.setProperty("role", "primary")
        self.action.style().unpolish(self.action)
        self.action.style().polish(self.action)
        self.answered.emit()
