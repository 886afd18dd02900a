"""The door page of Mode accueil: the event, its counters, the last verdict, the last scans and
the staff's buttons. It only shows; :class:`ui.checkin.door.DoorScreen` runs the flow and tells
it what happened.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.checkin.door_operations import DoorState, ExportOutcome
from kiosk.checkin.service import CheckinResult, EventInfo
from kiosk.domain import CheckinOutcome
from ui.checkin.door_panels import Counter, LastScans, ScanBanner, outcome_label, tone_of
from ui.checkin.verdicts import Tone
from ui.formatting import clock_time
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton

translate = QCoreApplication.translate
COMPACT_BELOW: Final = 900  # logical px of screen height
ACCESSIBLE_TALLER: Final = 1.4  # the accessible mode's larger text needs that much more
# (row, column, rows, columns) of find, link, undo, visitor pass and export in portrait
PORTRAIT_CELLS: Final = [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 2), (2, 0, 1, 1), (2, 1, 1, 1)]


class DoorBoard(QWidget):
    """What staff see at the door once an event is picked."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._banner_checkin: int | None = None  # the banner's check-in, to name it in full
        self._banner_prefix = ""
        self.event_title = QLabel()
        self.event_title.setObjectName("doorEventTitle")
        self.event_title.setWordWrap(True)
        self.event_when = QLabel()
        self.event_when.setObjectName("doorHint")
        self.event_when.setWordWrap(True)
        self.change = TouchButton(theme, "calendar-event", role="secondary")
        self.change.setObjectName("doorChange")
        self.quit = TouchButton(theme, "logout", role="secondary")
        self.quit.setObjectName("doorQuit")
        self.present, self.registered, self.capacity = Counter(), Counter(), Counter()
        self.banner = ScanBanner(theme)
        self.scans = LastScans(theme)
        self.find_name = TouchButton(theme, "search", role="primary", icon_colour="on_accent")
        self.find_name.setObjectName("doorFind")
        self.link = TouchButton(theme, "link", role="primary", icon_colour="on_accent")
        self.link.setObjectName("doorLink")
        self.undo = TouchButton(theme, "arrow-back-up", role="secondary")
        self.undo.setObjectName("doorUndo")
        self.pass_button = TouchButton(theme, "ticket", role="secondary")
        self.pass_button.setObjectName("doorVisitor")
        self.export = TouchButton(theme, "usb", role="secondary")
        self.export.setObjectName("doorExport")
        self.message = QLabel()
        self.message.setObjectName("doorMessage")
        self.message.setWordWrap(True)

        titles = QVBoxLayout()
        titles.addWidget(self.event_title)
        titles.addWidget(self.event_when)
        self._counters = counters = QHBoxLayout()
        for counter in (self.present, self.registered, self.capacity):
            counters.addWidget(counter)
        self._left = left = QVBoxLayout()
        left.addLayout(titles)
        left.addLayout(counters)
        left.addWidget(self.banner)
        left.addWidget(self.scans, 1)
        self._leave = QHBoxLayout()
        self._leave.addWidget(self.change)
        self._leave.addWidget(self.quit)
        self._actions = QGridLayout()
        self._right = right = QVBoxLayout()
        right.addLayout(self._leave)
        right.addLayout(self._actions)
        right.addWidget(self.message)
        right.addStretch(1)
        # The staff's buttons in a column of their own, from the top of the screen (a 768 px
        # panel has no height to spare), as wide as the longest one; the event and its scans
        # take the rest. In portrait the buttons go under the scans, two a row, low on the totem.
        self._body = body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        body.addLayout(left, 1)
        body.addLayout(right, 0)
        theme.changed.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """The design's spacing at the screen's scale; actions beside the scans, or under them."""
        tokens = self._theme.tokens
        portrait = self._theme.metrics.portrait
        # a short landscape panel (1366x768): counters on one line, actions closer together
        tall = COMPACT_BELOW * (ACCESSIBLE_TALLER if self._theme.accessible else 1)
        compact = not portrait and self._theme.metrics.height < tall
        for counter in (self.present, self.registered, self.capacity):
            counter.set_compact(compact)
        self.scans.setProperty("compact", compact)
        self.scans.style().unpolish(self.scans.title)
        self.scans.style().polish(self.scans.title)
        buttons = (self.find_name, self.link, self.undo, self.pass_button, self.export)
        for button in buttons:
            self._actions.removeWidget(button)
        # portrait: two a row, the longest words ("Annuler la dernière arrivée") on a row alone
        cells = PORTRAIT_CELLS if portrait else [(n, 0, 1, 1) for n in range(len(buttons))]
        for button, cell in zip(buttons, cells, strict=True):
            self._actions.addWidget(button, *cell)
        self._actions.setSpacing(tokens.px(10 if compact else 20))
        self._leave.setSpacing(self._actions.spacing())
        self._right.setSpacing(self._actions.spacing())
        self._counters.setSpacing(tokens.px(24))
        self._left.setSpacing(tokens.px(16 if compact else 24))
        self._body.setSpacing(tokens.px(40))
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._body.setContentsMargins(tokens.px(72), tokens.px(32), tokens.px(72), tokens.px(32))

    def show_event(self, info: EventInfo) -> None:
        """A new event: its title and hours, nothing left of the previous one's verdict."""
        self.banner.clear()
        self.message.setText("")
        self.event_title.setText(info.title)
        self.event_when.setText(
            f"{clock_time(info.starts_at)} – {clock_time(info.ends_at)} · {info.place}"
        )

    def clear(self) -> None:
        """Locked: nothing of the last scans stays on screen."""
        self.banner.clear()
        self.scans.set_scans([])
        self.message.setText("")

    def show_result(self, result: CheckinResult, prefix: str = "") -> Tone:
        """The verdict line for staff (the full name follows with the last scans)."""
        tone = tone_of(result.outcome)
        name = result.first_name or ""  # the full name follows with the last scans
        self._banner_checkin = result.checkin_id if name else None
        self._banner_prefix = prefix
        title = f"{prefix}{name}" if name else outcome_label(result.outcome)
        detail = outcome_label(result.outcome) if name else ""
        if result.outcome is CheckinOutcome.ALREADY_CHECKED_IN and result.first_checkin_at:
            detail = translate("Door", "Déjà enregistré·e à {time}").format(
                time=clock_time(result.first_checkin_at)
            )
        elif result.outcome is CheckinOutcome.WRONG_EVENT and result.registered_event:
            there = result.registered_event
            detail = translate("Door", "Inscrit·e à «\u202f{title}\u202f», {place}, {time}").format(
                title=there.title, place=there.place, time=clock_time(there.starts_at)
            )
        elif result.outcome is CheckinOutcome.WAITING_LIST:
            detail = (
                translate("Door", "Liste d’attente, position {n}\u202f: une place est libre")
                if result.walk_in_possible
                else translate("Door", "Liste d’attente, position {n}\u202f: pas encore son tour")
            ).format(n=result.waiting_position or 1)
        elif result.outcome is CheckinOutcome.UNKNOWN_BADGE:
            detail = translate(
                "Door", "Touchez «\u202fAssocier le badge\u202f» pour le relier à un nom."
            )
        self.banner.show_line(tone, title, detail)
        return tone

    def show_failure(self) -> None:
        self.banner.show_line(
            Tone.RED,
            translate("Door", "Enregistrement impossible"),
            translate("Door", "Problème technique\u202f: réessayez."),
        )

    def show_link_refused(self) -> None:
        self.banner.show_line(
            Tone.RED,
            translate("Door", "Badge non associé"),
            translate("Door", "Ce badge appartient déjà à quelqu’un."),
        )

    def say_undone(self, name: str) -> None:
        self.message.setText(translate("Door", "Arrivée de {name} annulée.").format(name=name))

    def say_pass(self, *, printed: bool) -> None:
        if printed:
            self.message.setText(translate("Door", "Laissez-passer en impression."))
        else:
            self.message.setText(
                translate("Door", "Pas de laissez-passer\u202f: visiteur non admis.")
            )

    def say_exporting(self) -> None:
        self.message.setText(translate("Door", "Export en cours…"))

    def say_exported(self, outcome: ExportOutcome | None) -> None:
        """Where the attendance went, or that a stick is needed."""
        if outcome is None:
            self.message.setText(translate("Door", "Branchez une clé USB, puis réessayez."))
            return
        counts = outcome.counts
        self.message.setText(
            translate(
                "Door", "Exporté\u202f: {present} présents, {absent} absents ({file})."
            ).format(present=counts["present"], absent=counts["absent"], file=outcome.path.name)
        )

    def show_state(self, state: DoorState, *, can_link: bool) -> None:
        """Counters, last scans (naming the banner's person in full), what may be done now."""
        counters = state.counters
        self.present.number.setText(str(counters.present))
        self.registered.number.setText(str(counters.registered))
        self.capacity.number.setText(str(counters.capacity) if counters.capacity else "—")
        self.scans.set_scans(state.scans)
        for line in state.scans:
            if line.checkin_id != self._banner_checkin:
                continue
            name = " ".join(p for p in (line.first_name, line.last_name) if p)
            if line.undone:  # the banner must not keep saying "Arrivée enregistrée"
                self.banner.show_undone(name, translate("Door", "Arrivée annulée"))
            elif line.last_name:
                self.banner.set_title(f"{self._banner_prefix}{name}")
        self.undo.setEnabled(state.undoable is not None)
        self.link.setVisible(can_link)

    def retranslate(self, *, can_link: bool) -> None:
        self.change.setText(translate("Door", "Changer"))
        self.quit.setText(translate("Door", "Quitter"))
        self.present.label.setText(translate("Door", "présents"))
        self.registered.label.setText(translate("Door", "inscrits"))
        self.capacity.label.setText(translate("Door", "places"))
        self.find_name.setText(translate("Door", "Rechercher un nom"))
        self.link.setText(translate("Door", "Associer le badge"))
        self.undo.setText(translate("Door", "Annuler la dernière arrivée"))
        self.pass_button.setText(translate("Door", "Laissez-passer visiteur"))
        self.export.setText(translate("Door", "Exporter sur clé USB"))
        self.link.setVisible(can_link)
        self.scans.retranslate()  # its title stayed French in English mode
