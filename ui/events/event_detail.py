"""One event of the programme, opened by a tap on its card: what, for whom, where, seats left.

The cards look tappable; a tap that did nothing taught people the kiosk was broken. The page
says what can be done from here: with a badge, sign up, join the waiting list or cancel (the
sign-up panel under the facts); on the day, the check-in at the door of the room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain import UpcomingEvent
from ui.events.signup_panel import SignupPanel
from ui.formatting import (
    KIND_ICONS,
    in_english,
    kind_label,
    long_date,
    seats_label,
    time_range,
)
from ui.speech.narrator import TARGET
from ui.theme import ThemeController, named
from ui.widgets.icon_label import IconLabel


class EventDetailPage(QWidget):
    """The event's facts as lines of text, each with its icon (no personal data)."""

    def __init__(
        self,
        theme: ThemeController,
        parent: QWidget | None = None,
        *,
        signup: SignupPanel | None = None,
    ) -> None:
        super().__init__(parent)
        self.signup = signup
        self.setObjectName("eventDetail")
        # the speech path: the focus lands on the page, which is said whole (its accessible name)
        self.setProperty(TARGET, True)
        self.shown_event: UpcomingEvent | None = None  # not `event`: QWidget.event
        self.kind_icon = IconLabel(theme, "calendar-event", 64, colour="events", stroke=1.75)
        self.kind = named(QLabel(), "screenSubtitle")
        self.title = named(QLabel(wordWrap=True), "screenTitle")
        self.description = named(QLabel(wordWrap=True), "eventDescription")
        self.when = named(QLabel(wordWrap=True), "eventFact")
        self.where = named(QLabel(wordWrap=True), "eventFact")
        self.audience = named(QLabel(wordWrap=True), "eventFact")
        self.seats = named(QLabel(wordWrap=True), "eventFact")
        self.next_step = named(QLabel(wordWrap=True), "eventNextStep")
        heading = QHBoxLayout()
        heading.setSpacing(24)
        heading.addWidget(self.kind_icon)
        heading.addWidget(self.kind, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addLayout(heading)
        column.addWidget(self.title)
        column.addWidget(self.description)
        for fact, icon in ((self.when, "clock"), (self.where, "map-pin"),
                           (self.audience, "users"), (self.seats, "ticket")):  # fmt: skip
            row = QHBoxLayout()
            row.setSpacing(20)
            row.addWidget(IconLabel(theme, icon, 40, colour="text_muted"))
            row.addWidget(fact, 1)
            column.addLayout(row)
        column.addSpacing(12)
        column.addWidget(self.next_step)
        if signup is not None:
            column.addWidget(signup)
        column.addStretch(1)

    def show_event(self, event: UpcomingEvent) -> None:
        self.shown_event = event
        self.kind_icon.set_icon(KIND_ICONS[event.kind])
        if self.signup is not None:
            self.signup.set_event(event)
        self.retranslate()

    def clear(self) -> None:
        self.shown_event = None
        if self.signup is not None:
            self.signup.clear()
        for label in (self.kind, self.title, self.description, self.when, self.where,
                      self.audience, self.seats, self.next_step):  # fmt: skip
            label.clear()
        self.setAccessibleName("")

    def retranslate(self) -> None:
        event = self.shown_event
        if event is None:
            return
        self.kind.setText(kind_label(event.kind))
        english = in_english()
        self.title.setText(event.title_in(english))
        self.description.setText(event.description_in(english))
        self.description.setVisible(bool(event.description_in(english)))
        self.when.setText(
            f"{long_date(event.starts_at)} · {time_range(event.starts_at, event.ends_at)}"
        )
        self.where.setText(event.place)
        self.audience.setText(
            self.tr("Ouvert aux agents et aux visiteurs extérieurs")
            if event.open_to_external
            else self.tr("Réservé aux agents du Département")
        )
        seats = seats_label(event)
        self.seats.setText(seats or self.tr("Entrée libre, sans limite de places"))
        full = event.seats_left is not None and event.seats_left <= 0
        if self.signup is not None:
            self.next_step.setText(
                self.tr("Complet\u202f: passez votre badge pour rejoindre la liste d’attente.")
                if full
                else self.tr(
                    "Le jour venu, passez votre badge ou votre billet sur la borne à l’entrée "
                    "de la salle."
                )
            )
        else:
            self.next_step.setText(
                self.tr(
                    "Complet\u202f: demandez à l’accueil s’il reste une place sur liste d’attente."
                )
                if full
                else self.tr(
                    "Le jour venu, passez votre badge ou votre billet sur la borne à l’entrée "
                    "de la salle. Inscription sur l’intranet, ou à l’accueil du Smart Corner."
                )
            )
        facts = (self.kind, self.title, self.description, self.when, self.where,
                 self.audience, self.seats, self.next_step)  # fmt: skip
        self.setAccessibleName(". ".join(f.text().rstrip(".") for f in facts if f.text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["EventDetailPage"]
