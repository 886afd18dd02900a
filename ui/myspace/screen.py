"""« Mon espace »: after a badge tap, the agent's coming events (waiting-list position, cancel)
and their requests and orders with their state in words.

Two pages: the invitation to tap a badge, and the agent's space. « Terminé », « Retour », the
idle reset and leaving the screen all go back to the invitation and delete the rows: nothing
of the agent stays on screen for the next person.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import RegistrationStatus
from kiosk.ports import BadgePresented
from kiosk.signup.myspace import MyRegistration, MySpace
from kiosk.signup.registration import CancelResult
from ui.events.signup_desk import SignupDesk, UnknownBadge
from ui.events.signup_panel import problem_text
from ui.formatting import in_english, long_date, time_range
from ui.myspace.texts import request_status, request_title
from ui.screens.base import Screen
from ui.theme import Area, ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.screen_heading import screen_heading

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def registration_status(registration: MyRegistration) -> str:
    if registration.refused:  # made offline on the Smart Tour, refused when it went up
        said = translate("MySpace", "Inscription refusée au retour du Smart Tour.")
        return f"{said} {problem_text(registration.refusal)}" if registration.refusal else said
    if registration.status is RegistrationStatus.WAITING_LIST:
        return translate("MySpace", "Liste d’attente\u202f: position %1").replace(
            "%1", str(registration.position or 1)
        )
    return translate("MySpace", "Place réservée · référence %1").replace(
        "%1", registration.reference or "—"
    )


def mail_note(space: MySpace, mail_configured: bool) -> str:
    """How the agent will hear of a freed place or a ready order."""
    if not mail_configured:
        return translate(
            "MySpace",
            "Cette borne n’envoie pas de courriel\u202f: revenez ici voir si une place s’est "
            "libérée ou si votre commande est prête.",
        )
    if not space.has_email:
        return translate(
            "MySpace",
            "Nous n’avons pas votre adresse de courriel\u202f: revenez ici pour suivre vos "
            "inscriptions et vos commandes.",
        )
    return translate(
        "MySpace", "Une place libérée ou une commande prête\u202f: nous vous écrivons."
    )


class MySpaceScreen(Screen):
    key = "myspace"

    finished = Signal()  # « Terminé »: the shell goes home

    def __init__(
        self,
        desk: SignupDesk,
        theme: ThemeController,
        *,
        mail_configured: bool,
        tour: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._theme = theme
        self._mail = mail_configured
        self._tour = tour  # requests made here wait for the next sync to be decided
        self.space: MySpace | None = None
        self._after_reload = ""  # what the last cancellation did, said over the fresh list
        icon = IconLabel(theme, "id-badge-2", 64, colour="events", stroke=1.75)
        icon.setProperty("area", Area.EVENTS.value)
        heading = screen_heading(icon, wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle

        self.invite = named(QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter),
                            "emptyState")  # fmt: skip
        self.note = named(QLabel(wordWrap=True), "mySpaceNote")
        self.message = named(QLabel(wordWrap=True), "eventNextStep")
        self.rows = QVBoxLayout()
        self.rows.setSpacing(20)
        content = named(QWidget(), "mySpaceContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(24)
        column.addWidget(self.note)
        column.addWidget(self.message)
        column.addLayout(self.rows)
        column.addStretch(1)
        self.scroll_area = named(QScrollArea(), "mySpaceScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        QScroller.grabGesture(
            self.scroll_area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.done = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.done.clicked.connect(self._finish)
        space_page = QWidget()
        page = QVBoxLayout(space_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(24)
        page.addWidget(self.scroll_area, 1)
        page.addWidget(self.done, 0, Qt.AlignmentFlag.AlignRight)
        self._body = QStackedLayout()
        self._body.addWidget(self.invite)
        self._body.addWidget(space_page)
        self._space_page = space_page

        outer = QVBoxLayout(self)
        outer.setContentsMargins(96, 64, 96, 24)
        outer.setSpacing(40)
        outer.addLayout(heading.layout)
        outer.addLayout(self._body, 1)
        self.retranslate()

    # -- badge and answers ----------------------------------------------------------------

    def handle_badge(self, event: BadgePresented) -> bool:
        self.message.setText(translate("MySpace", "Un instant…"))
        self._desk.my_space_by_badge(event.uid, self._show, self._failed)
        return True

    def _show(self, space: MySpace) -> None:
        self.space = space
        self.message.clear()
        self.retranslate()  # fills the rows before the page shows: they show with it
        self._body.setCurrentWidget(self._space_page)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UnknownBadge):
            text = translate(
                "MySpace",
                "Ce badge n’est pas encore connu\u202f: l’accueil peut le relier à votre nom.",
            )
        else:
            log.error("« Mon espace » could not be read: %s", exc)
            text = translate(
                "MySpace", "Votre espace n’a pas pu être lu. Réessayez dans un instant."
            )
        self.message.setText(text)
        if self.space is None:
            self.invite.setText(text)

    def _cancel(self, event_id: int) -> None:
        if self.space is None:
            return
        person = self.space.person_id
        self._desk.cancel(person, event_id, self._cancelled, self._failed)

    def _cancelled(self, result: CancelResult) -> None:
        if self.space is None:
            return
        self._desk.my_space(self.space.person_id, self._show, self._failed)
        self._after_reload = (
            translate("MySpace", "Votre inscription est annulée.")
            if result.was is RegistrationStatus.CONFIRMED
            else translate("MySpace", "Vous avez quitté la liste d’attente.")
        )

    # -- rows -----------------------------------------------------------------------------

    def _clear_rows(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()

    def _card(self, icon: str, title: str, detail: str) -> tuple[QFrame, QHBoxLayout]:
        card = named(QFrame(), "mySpaceCard")
        row = QHBoxLayout(card)
        row.setContentsMargins(24, 20, 24, 20)
        row.setSpacing(20)
        row.addWidget(IconLabel(self._theme, icon, 40, colour="text_muted"))
        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(named(QLabel(title, wordWrap=True), "mySpaceTitle"))
        words.addWidget(named(QLabel(detail, wordWrap=True), "mySpaceDetail"))
        row.addLayout(words, 1)
        return card, row

    def _fill(self) -> None:
        self._clear_rows()
        space = self.space
        if space is None:
            return
        english = in_english()
        self.rows.addWidget(named(QLabel(translate("MySpace", "Mes événements")), "sectionTitle"))
        if not space.registrations:
            none = translate("MySpace", "Aucune inscription à venir.")
            self.rows.addWidget(named(QLabel(none, wordWrap=True), "mySpaceDetail"))
        for registration in space.registrations:
            when = (
                f"{long_date(registration.starts_at)} · "
                f"{time_range(registration.starts_at, registration.ends_at)} · "
                f"{registration.place}"
            )
            card, row = self._card(
                "calendar-event",
                registration.title_in(english),
                f"{when}\n{registration_status(registration)}",
            )
            if registration.refused:  # nothing to cancel
                self.rows.addWidget(card)
                continue
            cancel = TouchButton(self._theme, "x", role="danger", icon_colour="on_accent")
            cancel.setText(translate("MySpace", "Annuler"))
            cancel.setMinimumWidth(cancel.sizeHint().width())  # the words wrap, not the button
            cancel.clicked.connect(partial(self._cancel, registration.event_id))
            row.addWidget(cancel, 0, Qt.AlignmentFlag.AlignVCenter)
            self.rows.addWidget(card)
        self.rows.addWidget(
            named(QLabel(translate("MySpace", "Mes demandes et commandes")), "sectionTitle")
        )
        if not space.requests:
            none = translate("MySpace", "Aucune demande en cours.")
            self.rows.addWidget(named(QLabel(none, wordWrap=True), "mySpaceDetail"))
        for request in space.requests:
            card, _row = self._card(
                request.item_icon or "package",
                request_title(request, request.item_name_in(english)),
                request_status(request, tour=self._tour),
            )
            self.rows.addWidget(card)

    # -- navigation and words -------------------------------------------------------------

    def _finish(self) -> None:
        self.reset()
        self.finished.emit()

    def reset(self) -> None:
        """Forget the agent: rows deleted, back to the invitation."""
        self.space = None
        self._after_reload = ""
        self._clear_rows()
        self.message.clear()
        self.note.clear()
        self._body.setCurrentWidget(self.invite)
        self.retranslate()

    def stop_work(self) -> None:
        self._desk.wait()

    def go_back(self) -> bool:
        if self.space is None:
            return False
        self.reset()
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        self.reset()  # leaving the screen by any way forgets the agent
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("MySpace", "Mon espace"))
        self.subtitle.setText(
            translate("MySpace", "Vos inscriptions, vos demandes et vos commandes")
        )
        if self.space is None:
            self.invite.setText(
                translate(
                    "MySpace",
                    "Passez votre badge sur le lecteur pour voir vos inscriptions et vos "
                    "commandes.",
                )
            )
            return
        self._fill()  # the rows' words are in the kiosk's language too
        self.note.setText(mail_note(self.space, self._mail))
        if self._after_reload:
            self.message.setText(self._after_reload)
            self._after_reload = ""
        self.message.setVisible(bool(self.message.text()))
        self.done.setText(translate("MySpace", "Terminé"))
        self.title.setText(
            translate("MySpace", "Mon espace · %1").replace("%1", self.space.display_name)
        )
