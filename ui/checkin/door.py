"""Mode accueil: staff at the door of an event, scanning continuously.

Locked until a staff or ambassador badge is tapped (the role comes from the person) or the
admin PIN is typed; leaving the screen (button, idle reset, any navigation) locks it again.
Then: pick the event (today's at this site first), and every badge or code is a check-in at
that event, its verdict shown in the public colours and shapes with the person's full name
(staff may see it). Name search with the on-screen keyboard for a manual check-in or to link
an unknown badge; undo of this kiosk's last check-in; visitor passes; attendance export to
a USB stick. Database work goes through :class:`ui.checkin.desk.CheckinDesk`'s worker.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QStackedLayout, QVBoxLayout, QWidget

from kiosk.admin_access import PinGuard, PinSecret, pin_guard
from kiosk.checkin import door_operations as actions
from kiosk.checkin.door import PersonMatch, Roster
from kiosk.checkin.service import BadgeIdentity, CheckinResult, CodeIdentity, Identity
from kiosk.codes import TicketIssuer
from kiosk.domain import CheckinOutcome
from kiosk.ports import BadgePresented
from kiosk.rgpd.notice import PrivacyTerms
from ui.checkin.desk import CheckinDesk, load_issuer, make_desk
from ui.checkin.door_board import DoorBoard
from ui.checkin.door_calls import DoorCalls
from ui.checkin.door_panels import EventPicker, lock_hint, lock_title
from ui.checkin.door_speech import board_phrases, picker_phrases, result_phrase
from ui.checkin.person_search import PersonSearch
from ui.checkin.verdicts import Tone
from ui.host import ScreenDeps
from ui.screens.base import Screen
from ui.sounds import Cue, Earcons, SoundPlayer
from ui.speech.phrase import Phrase, announce, phrases, say_now
from ui.theme import ThemeController
from ui.widgets.pin_pad import PinPad
from ui.widgets.visitor_form import VisitorFormPanel

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
CUES: Final = {Tone.GREEN: Cue.OK, Tone.AMBER: Cue.WARNING, Tone.RED: Cue.REFUSED}


class Page(enum.IntEnum):
    LOCKED = 0
    EVENTS = 1
    DOOR = 2
    SEARCH = 3
    VISITOR = 4


class DoorScreen(Screen):
    key = "door"

    def __init__(
        self,
        desk: CheckinDesk,
        theme: ThemeController,
        guard: PinGuard,
        sounds: SoundPlayer,
        export_dir: Path | None = None,
        issuer: Callable[[], TicketIssuer | None] | None = None,
        parent: QWidget | None = None,
        privacy: PrivacyTerms | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._sounds = sounds
        self._export_dir = export_dir  # None: look for a USB stick
        self._issuer: Callable[[], TicketIssuer | None] = issuer or (lambda: None)
        self.staff_id: int | None = None
        self.selected: actions.EventChoice | None = None
        self.roster: Roster | None = None
        self.state: actions.DoorState | None = None
        self.unknown_badge: str | None = None  # hash of the last unknown badge (to link it)
        self._linking = False
        self._busy = 0

        self.lock = PinPad(theme, guard, title=lock_title, hint=lock_hint, colour="events")
        self.lock.setObjectName("doorLock")
        self.lock.granted.connect(lambda: self._unlock(None))
        self.picker = EventPicker(theme)
        self.picker.picked.connect(self._open_event)
        self.picker.leave.connect(self.leave)
        privacy = privacy or PrivacyTerms.defaults()
        self.search = PersonSearch(theme, privacy)
        self.search.picked.connect(self._picked)
        self.search.cancelled.connect(lambda: self._go(Page.DOOR))
        self.visitor = VisitorFormPanel(theme, privacy)
        self.visitor.submitted.connect(self._admit_visitor)
        self.visitor.cancelled.connect(lambda: self._go(Page.DOOR))
        self.board = board = DoorBoard(theme)
        board.change.clicked.connect(self._show_events)
        board.quit.clicked.connect(self.leave)
        board.find_name.clicked.connect(lambda: self._open_search(linking=False))
        board.link.clicked.connect(lambda: self._open_search(linking=True))
        board.undo.clicked.connect(self._undo)
        board.pass_button.clicked.connect(self._open_visitor)
        board.export.clicked.connect(self._export)
        # the door page's parts, also by name on the screen (staff tooling and tests reach them)
        self.banner, self.scans, self.message = board.banner, board.scans, board.message
        self.present, self.registered, self.capacity = (
            board.present, board.registered, board.capacity,
        )  # fmt: skip
        self.find_name, self.link, self.undo = board.find_name, board.link, board.undo
        self.pass_button, self.export = board.pass_button, board.export
        self.change, self.quit = board.change, board.quit
        self.calls = DoorCalls(desk, self._failed)
        # the screen's layout before its pages are added: a stacked layout with no widget shows
        # its first page as a window of its own, which takes the keyboard focus away
        self.pages = QStackedLayout(self)
        for page in (self.lock, self.picker, board, self._padded(self.search), self.visitor):
            self.pages.addWidget(page)
        self.retranslate()

    @classmethod
    def build(cls, deps: ScreenDeps) -> DoorScreen:
        screen = cls(
            make_desk(deps, parent=None),
            deps.theme,
            pin_guard(deps.settings, deps.clock, PinSecret.ADMIN),
            Earcons(),
            export_dir=deps.settings.export_dir,
            issuer=lambda: load_issuer(deps.settings),
            privacy=PrivacyTerms.from_settings(deps.settings),
        )
        screen.desk.setParent(screen)
        return screen

    # -- layout ---------------------------------------------------------------------------

    def _padded(self, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(72, 32, 72, 32)
        box.addWidget(widget)
        return holder

    # -- state ----------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        return Page(self.pages.currentIndex())

    @property
    def unlocked(self) -> bool:
        return self.page is not Page.LOCKED

    def _go(self, page: Page, *, say: bool = True) -> None:
        """``say``: the page is said now; False when what it shows comes from the worker (the
        events, the first counters), and is said once there."""
        self.pages.setCurrentIndex(page)
        if page is Page.SEARCH:
            self.search.field.setFocus()
        if say:
            announce(self)

    def spoken(self) -> list[Phrase]:
        """The page shown (ui.checkin.door_speech); the search and the visitor form by their
        title, then the field that has the focus."""
        page = self.page
        if page is Page.LOCKED:
            return self.lock.spoken()
        if page is Page.EVENTS:
            return picker_phrases(self.picker)
        if page is Page.DOOR:
            return board_phrases(self.board)
        if page is Page.SEARCH:
            return phrases(self.search.title.text())
        return phrases(self.visitor.title.text())

    def lock_now(self) -> None:
        """Back to the lock: nothing of the staff member's session stays."""
        self.staff_id = None
        self.selected = None
        self.roster = None
        self.state = None
        self.unknown_badge = None
        self._linking = False
        self.board.clear()
        self.search.reset()
        self.visitor.reset()
        self.lock.clear()
        self._go(Page.LOCKED)

    def reset(self) -> None:
        self.lock_now()

    def leave(self) -> None:
        """ "Quitter": locked at once; the bottom bar's Accueil then leaves the screen."""
        self.lock_now()

    def shown(self) -> None:
        self.desk.warm_up()  # the site key is loaded before the first badge comes

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self.lock_now()  # whatever took the screen away, the door is locked behind it

    def holds_session(self) -> bool:
        return self._busy > 0

    # -- unlocking ------------------------------------------------------------------------

    def _unlock(self, staff: actions.StaffMember | None) -> None:
        self.staff_id = staff.person_id if staff else None
        self.lock.set_message("")
        self._show_events()

    def _show_events(self) -> None:
        self._go(Page.EVENTS, say=False)
        self.calls.events(self._events_listed)

    def _events_listed(self, choices: list[actions.EventChoice]) -> None:
        self.picker.set_events(choices, str)
        if self.page is Page.EVENTS:
            announce(self)

    def _open_event(self, choice: actions.EventChoice) -> None:
        self.selected = choice
        self.unknown_badge = None
        self.board.show_event(choice.info)
        self.state = None
        self._go(Page.DOOR, say=False)  # said with its first counters (_show_state)
        self._refresh()
        self.calls.roster(choice.info.id, self._set_roster)

    def _set_roster(self, roster: Roster) -> None:
        self.roster = roster
        self.search.set_roster(roster)

    # -- input ----------------------------------------------------------------------------

    def handle_badge(self, event: BadgePresented) -> bool:
        badge = self.desk.badge_hash(event.uid)
        if badge is None:  # the site key is still loading (a tap within a second of showing)
            self.lock.set_message(
                translate("Door", "Un instant, puis présentez le badge."), error=False
            )
            return True
        if self.page is Page.LOCKED:
            self.calls.staff(badge, self._badge_unlock)
        elif self.selected is not None:
            self._check(BadgeIdentity(badge), badge)
        return True

    def handle_scan(self, payload: str, source: str) -> bool:
        if self.selected is None or self.page is Page.LOCKED:
            return self.page is not Page.LOCKED  # locked: a ticket is of no use here
        self._check(CodeIdentity(payload), None)
        return True

    def _badge_unlock(self, staff: actions.StaffMember | None) -> None:
        if staff is None:
            self.lock.set_message(translate("Door", "Ce badge n’ouvre pas le mode accueil."))
            return
        self._unlock(staff)

    def _check(self, identity: Identity, badge: str | None) -> None:
        assert self.selected is not None
        self._busy += 1
        self.desk.check_in(
            identity,
            lambda result: self._checked(result, badge),
            self._failed,
            event_id=self.selected.info.id,
        )

    def _checked(self, result: CheckinResult, badge: str | None) -> None:
        self._busy -= 1
        if self.selected is None:
            return  # locked meanwhile
        if result.outcome is CheckinOutcome.UNKNOWN_BADGE and badge is not None:
            self.unknown_badge = badge
        self._show_result(result)

    def _show_result(self, result: CheckinResult, prefix: str = "") -> None:
        tone = self.board.show_result(result, prefix)
        self._sounds.play(CUES[tone])
        say_now(self, result_phrase(result, self.board.banner.detail))
        if result.outcome is CheckinOutcome.OK and result.person_id and self.roster:
            self.roster.mark_present(result.person_id)
        self._refresh()

    def _failed(self, exc: BaseException) -> None:
        self._busy = max(0, self._busy - 1)
        log.error("door mode: a database call failed", exc_info=exc)
        self.board.show_failure()
        self._sounds.play(Cue.REFUSED)

    # -- actions --------------------------------------------------------------------------

    def _refresh(self) -> None:
        if self.selected is None:
            return
        self.calls.state(self.selected.info.id, self._show_state)

    def _show_state(self, state: actions.DoorState) -> None:
        if self.selected is None:
            return
        first = self.state is None
        self.state = state
        self.board.show_state(state, can_link=self.unknown_badge is not None)
        if first and self.page is Page.DOOR:
            announce(self)

    def _open_search(self, *, linking: bool) -> None:
        self._linking = linking and self.unknown_badge is not None
        self.search.reset()
        self.search.privacy.setVisible(self._linking)
        self.search.set_title(
            translate("Door", "À qui est ce badge\u202f?")
            if self._linking
            else translate("Door", "Enregistrer une arrivée par le nom")
        )
        self._go(Page.SEARCH)

    def _picked(self, match: PersonMatch) -> None:
        if self.selected is None:
            return
        event_id, staff, person = self.selected.info.id, self.staff_id, match.person_id
        self._go(Page.DOOR)
        self._busy += 1
        if self._linking and self.unknown_badge is not None:
            badge, self.unknown_badge, self._linking = self.unknown_badge, None, False
            self.calls.link_and_check_in(badge, person, event_id, staff, self._linked)
            return
        self.calls.check_in_person(
            person, event_id, staff, lambda result: self._checked(result, None)
        )

    def _linked(self, outcome: actions.LinkOutcome) -> None:
        self._busy -= 1
        if outcome.result is None:
            self.board.show_link_refused()
            self._sounds.play(Cue.REFUSED)
            self._refresh()
            return
        self._show_result(outcome.result, prefix=translate("Door", "Badge associé\u202f: "))

    def _undo(self) -> None:
        state = self.state
        if state is None or state.undoable is None:
            return
        line, staff = state.undoable, self.staff_id
        name = " ".join(p for p in (line.first_name, line.last_name) if p)
        self.calls.undo(line.checkin_id, staff, lambda done: self._undone(done, name))

    def _undone(self, done: bool, name: str) -> None:
        if done:
            self.board.say_undone(name)
            said = Phrase(translate("Door", "Arrivée annulée."), self.board.message.text())
            say_now(self, said)
            if self.selected is not None:
                self.calls.roster(self.selected.info.id, self._set_roster)
        self._refresh()

    def _open_visitor(self) -> None:
        self.visitor.reset()
        self._go(Page.VISITOR)

    def _admit_visitor(self, form: actions.VisitorForm) -> None:
        if self.selected is None:
            return
        event_id, staff, issuer = self.selected.info.id, self.staff_id, self._issuer
        self._go(Page.DOOR)
        self._busy += 1
        self.calls.admit_visitor(form, event_id, staff, issuer, self._visitor_admitted)

    def _visitor_admitted(self, outcome: actions.PassOutcome) -> None:
        self._checked(outcome.result, None)
        self.board.say_pass(printed=outcome.print_job_id is not None)

    def _export(self) -> None:
        if self.selected is None:
            return
        event_id, configured = self.selected.info.id, self._export_dir
        self._busy += 1
        self.board.say_exporting()
        self.calls.export(event_id, configured, self._exported)

    def _exported(self, outcome: actions.ExportOutcome | None) -> None:
        self._busy -= 1
        self.board.say_exported(outcome)

    # -- text -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.board.retranslate(can_link=self.unknown_badge is not None)
