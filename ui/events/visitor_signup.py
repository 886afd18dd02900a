"""« Je n'ai pas de badge »: an external visitor signs up to an event open to visitors.

The visitor form (name, organisation, optional e-mail, what is kept and for how long), then
the answer: a place or the waiting list, the registration reference, its QR code (the one the
printed slip carries, which the door reads) and what to do on the day. Everything typed and
shown is wiped by « Terminé », « Annuler », « Retour » and the idle reset: the next person at
the kiosk sees nothing of this visitor.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from kiosk.codes import reference_code
from kiosk.domain import RegistrationStatus, UpcomingEvent
from kiosk.people import VisitorForm
from kiosk.rgpd.notice import Collection, PrivacyTerms
from kiosk.signup.registration import SignupRefused, SignupResult
from ui.events.signup_desk import SignupDesk
from ui.events.signup_panel import problem_text
from ui.formatting import in_english, long_date, time_range
from ui.speech.phrase import Phrase, announce, phrases
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.kinetic import kinetic_page
from ui.widgets.qr_code import QrCodeWidget
from ui.widgets.visitor_form import FormWords, VisitorFormPanel

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

QR_SIZE = 240


def position_text(position: int) -> str:
    if position == 1:
        return translate("VisitorSignup", "Vous êtes sur la liste d’attente, en 1ʳᵉ position.")
    return translate("VisitorSignup", "Vous êtes sur la liste d’attente, en {n}ᵉ position.").format(
        n=position
    )


class VisitorAnswer(QWidget):
    """What the visitor takes away: the status, the reference and its QR, the next step."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitorAnswer")
        self.icon = IconLabel(theme, "ticket", 64, colour="events", stroke=1.75)
        self.headline = named(QLabel(wordWrap=True), "screenTitle")
        self.event_line = named(QLabel(wordWrap=True), "eventFact")
        self.reference = named(QLabel(wordWrap=True), "visitorReference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.next_step = named(QLabel(wordWrap=True), "eventNextStep")
        self.qr = QrCodeWidget(QR_SIZE)
        self.done = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.done.setObjectName("visitorDone")
        words = QVBoxLayout()
        words.setSpacing(20)
        words.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignLeft)
        for widget in (self.headline, self.event_line, self.reference, self.next_step):
            words.addWidget(widget)
        words.addStretch(1)
        # The words scroll above « Terminé » rather than squeeze: in the accessible theme at
        # 1366x768 they are taller than the room under the heading.
        content = named(QWidget(), "visitorAnswerBody")
        body = QHBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(48)
        body.addLayout(words, 1)
        body.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        self.scroll_area = kinetic_page(content, "visitorAnswerScroll")
        column = QVBoxLayout(self)
        column.setContentsMargins(72, 32, 72, 32)
        column.setSpacing(24)
        column.addWidget(self.scroll_area, 1)
        column.addWidget(self.done, 0, Qt.AlignmentFlag.AlignLeft)
        self.result: SignupResult | None = None
        self.shown_event: UpcomingEvent | None = None

    def show_result(self, event: UpcomingEvent, result: SignupResult) -> None:
        self.shown_event, self.result = event, result
        self.qr.set_payload(reference_code(result.reference))
        self.retranslate()

    def clear(self) -> None:
        self.shown_event = self.result = None
        self.qr.set_payload("")
        for label in (self.headline, self.event_line, self.reference, self.next_step):
            label.clear()

    def retranslate(self) -> None:
        self.done.setText(translate("VisitorSignup", "Terminé"))
        event, result = self.shown_event, self.result
        if event is None or result is None:
            return
        waiting = result.status is RegistrationStatus.WAITING_LIST
        self.icon.set_icon("hourglass" if waiting else "ticket")
        self.headline.setText(
            position_text(result.position or 1)
            if waiting
            else translate("VisitorSignup", "Votre place est réservée")
        )
        self.event_line.setText(
            f"{event.title_in(in_english())} · {long_date(event.starts_at)} · "
            f"{time_range(event.starts_at, event.ends_at)} · {event.place}"
        )
        self.reference.setText(
            translate("VisitorSignup", "Référence\u202f: {ref}").format(ref=result.reference)
        )
        printing = (
            translate("VisitorSignup", "Votre ticket s’imprime.") + " "
            if result.print_job_id is not None
            else ""
        )
        self.next_step.setText(
            printing
            + (
                translate(
                    "VisitorSignup",
                    "Si une place se libère, elle vous sera donnée dans l’ordre de la liste. "
                    "Le jour venu, présentez ce code QR à la borne de l’entrée, ou donnez "
                    "votre nom à l’accueil.",
                )
                if waiting
                else translate(
                    "VisitorSignup",
                    "Le jour venu, présentez ce code QR à la borne de l’entrée, ou donnez "
                    "votre nom à l’accueil.",
                )
            )
        )


class VisitorSignupPage(QWidget):
    """The form, then the answer; ``finished`` when the visitor is done or gives up."""

    finished = Signal()
    changed = Signal()  # a sign-up was recorded: the seats left moved

    def __init__(
        self,
        theme: ThemeController,
        desk: SignupDesk,
        privacy: PrivacyTerms,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitorSignup")
        self._desk = desk
        self.shown_event: UpcomingEvent | None = None
        self._pending = 0  # the answer to drop if the page was left meanwhile
        self.form = VisitorFormPanel(
            theme,
            privacy,
            words=FormWords(
                self._form_title,
                lambda: translate("VisitorSignup", "M’inscrire"),
                save_icon="ticket",
                collection=Collection.VISITOR_SIGNUP,
            ),
        )
        self.form.submitted.connect(self._submit)
        self.form.cancelled.connect(self._give_up)
        self.problem = named(QLabel(wordWrap=True), "signupAnswer")
        self.problem.setContentsMargins(72, 0, 72, 0)
        self.answer = VisitorAnswer(theme)
        self.answer.done.clicked.connect(self._give_up)
        form_page = QWidget()
        form_column = QVBoxLayout(form_page)
        form_column.setContentsMargins(0, 0, 0, 0)
        form_column.setSpacing(0)
        form_column.addWidget(self.problem)
        form_column.addWidget(self.form, 1)
        self._pages = QStackedLayout(self)
        self._pages.addWidget(form_page)
        self._pages.addWidget(self.answer)
        self.clear()

    def _form_title(self) -> str:
        title = translate("VisitorSignup", "Inscription sans badge")
        if self.shown_event is None:
            return title
        return f"{title}\u202f: {self.shown_event.title_in(in_english())}"

    @property
    def answering(self) -> bool:
        return self._pages.currentWidget() is self.answer

    def spoken(self) -> list[Phrase]:
        """The speech path: the form's title and what to type, or the whole answer (the
        reference is no personal data: it is said aloud, the visitor's name is not)."""
        if self.answering:
            answer = self.answer
            return phrases(
                answer.headline.text(),
                answer.event_line.text(),
                answer.reference.text(),
                answer.next_step.text(),
            )
        return phrases(
            self.form.title.text(),
            self.problem.text() if self.problem.isVisibleTo(self) else "",
            translate(
                "VisitorSignup",
                "Prénom, nom, organisme et courriel facultatif, puis «\u202fM’inscrire\u202f».",
            ),
        )

    def start(self, event: UpcomingEvent) -> None:
        self.clear()
        self.shown_event = event
        self.form.retranslate()

    def clear(self) -> None:
        """Forget the visitor: the fields, the answer, the reference and its QR."""
        self._pending += 1
        self.shown_event = None
        self.form.reset()
        self.form.retranslate()
        self.problem.clear()
        self.problem.hide()
        self.answer.clear()
        self._pages.setCurrentIndex(0)

    def _give_up(self) -> None:
        self.clear()
        self.finished.emit()

    def _submit(self, form: VisitorForm) -> None:
        event = self.shown_event
        if event is None:
            return
        self._pending += 1
        ticket = self._pending
        self.form.save.setEnabled(False)
        self.problem.setText(translate("VisitorSignup", "Un instant…"))
        self.problem.show()
        lang = "en" if in_english() else "fr"

        def done(result: SignupResult) -> None:
            if ticket == self._pending:
                self._answered(event, result)

        def failed(exc: BaseException) -> None:
            if ticket == self._pending:
                self._failed(exc)

        self._desk.sign_up_visitor(form, event.id, lang, done, failed)

    def _answered(self, event: UpcomingEvent, result: SignupResult) -> None:
        self.form.reset()  # the answer replaces what was typed
        self.problem.hide()
        self.answer.show_result(event, result)
        self._pages.setCurrentWidget(self.answer)
        self.changed.emit()
        announce(self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SignupRefused):
            self.problem.setText(problem_text(exc.problem))
        else:
            log.error("visitor sign-up failed: %s", exc)
            self.problem.setText(
                translate("VisitorSignup", "L’inscription n’a pas pu être enregistrée. Réessayez.")
            )
        self.problem.show()
        self.form.save.setEnabled(True)
        announce(self)

    def retranslate(self) -> None:
        self.form.retranslate()
        self.answer.retranslate()
