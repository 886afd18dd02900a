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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from kiosk.admin_access import PinGuard
from kiosk.checkin import door_operations as actions
from kiosk.domain import CheckinOutcome
from ui.checkin.desk import CheckinDesk, load_issuer, make_desk
from ui.checkin.door_panels import (
    Counter,
    EventPicker,
    LastScans,
    LockPanel,
    ScanBanner,
    outcome_label,
    tone_of,
)
from ui.checkin.person_search import PersonSearch
from ui.checkin.verdicts import Tone
from ui.checkin.visitor_form import VisitorFormPanel
from ui.formatting import clock_time
from ui.screens.base import Screen
from ui.sounds import Cue, SoundPlayer
from ui.widgets.buttons import TouchButton

if TYPE_CHECKING:
    from kiosk.checkin.door import PersonMatch, Roster
    from kiosk.checkin.service import CheckinResult
    from kiosk.codes import TicketIssuer
    from kiosk.ports import BadgePresented
    from ui.host import ScreenDeps
    from ui.theme import ThemeController

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
CUES = {Tone.GREEN: Cue.OK, Tone.AMBER: Cue.WARNING, Tone.RED: Cue.REFUSED}


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
        export_dir: Any = None,
        issuer: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._guard = guard
        self._sounds = sounds
        self._export_dir = export_dir  # Path | None (None: look for a USB stick)
        self._issuer: Callable[[], TicketIssuer | None] = issuer or (lambda: None)
        self.staff_id: int | None = None
        self.selected: actions.EventChoice | None = None
        self.roster: Roster | None = None
        self.state: actions.DoorState | None = None
        self.unknown_badge: str | None = None  # hash of the last unknown badge (to link it)
        self._linking = False
        self._busy = 0
        self._banner_checkin: int | None = None  # the banner's check-in, to name it in full
        self._banner_prefix = ""

        self.lock = LockPanel(theme)
        self.lock.pin_entered.connect(self._try_pin)
        self.picker = EventPicker(theme)
        self.picker.picked.connect(self._open_event)
        self.picker.leave.connect(self.leave)
        self.search = PersonSearch(theme)
        self.search.picked.connect(self._picked)
        self.search.cancelled.connect(lambda: self._go(Page.DOOR))
        self.visitor = VisitorFormPanel(theme)
        self.visitor.submitted.connect(self._admit_visitor)
        self.visitor.cancelled.connect(lambda: self._go(Page.DOOR))
        self.pages = QStackedLayout()
        door = self._build_door(theme)
        for page in (self.lock, self.picker, door, self._padded(self.search), self.visitor):
            self.pages.addWidget(page)
        self.setLayout(self.pages)
        self.retranslate()

    @classmethod
    def build(cls, deps: ScreenDeps) -> DoorScreen:
        from ui.sounds import Earcons

        screen = cls(
            make_desk(deps, parent=None),
            deps.theme,
            PinGuard(deps.settings.admin_pin, deps.clock),
            Earcons(),
            export_dir=deps.settings.export_dir,
            issuer=lambda: load_issuer(deps.settings),
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

    def _build_door(self, theme: ThemeController) -> QWidget:
        page = QWidget()
        self.event_title = QLabel(objectName="doorEventTitle")
        self.event_title.setWordWrap(True)
        self.event_when = QLabel(objectName="doorHint")
        self.change = TouchButton(theme, "calendar-event", role="secondary")
        self.change.setObjectName("doorChange")
        self.change.clicked.connect(self._show_events)
        self.quit = TouchButton(theme, "logout", role="secondary")
        self.quit.setObjectName("doorQuit")
        self.quit.clicked.connect(self.leave)
        self.present, self.registered, self.capacity = Counter(), Counter(), Counter()
        self.banner = ScanBanner(theme)
        self.scans = LastScans()
        self.find = TouchButton(theme, "search", role="primary", icon_colour="on_accent")
        self.find.setObjectName("doorFind")
        self.find.clicked.connect(lambda: self._open_search(linking=False))
        self.link = TouchButton(theme, "link", role="primary", icon_colour="on_accent")
        self.link.setObjectName("doorLink")
        self.link.clicked.connect(lambda: self._open_search(linking=True))
        self.undo = TouchButton(theme, "arrow-back-up", role="secondary")
        self.undo.setObjectName("doorUndo")
        self.undo.clicked.connect(self._undo)
        self.pass_button = TouchButton(theme, "ticket", role="secondary")
        self.pass_button.setObjectName("doorVisitor")
        self.pass_button.clicked.connect(self._open_visitor)
        self.export = TouchButton(theme, "usb", role="secondary")
        self.export.setObjectName("doorExport")
        self.export.clicked.connect(self._export)
        self.message = QLabel(objectName="doorMessage")
        self.message.setWordWrap(True)

        head = QHBoxLayout()
        head.setSpacing(24)
        titles = QVBoxLayout()
        titles.addWidget(self.event_title)
        titles.addWidget(self.event_when)
        head.addLayout(titles, 1)
        head.addWidget(self.change, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.quit, 0, Qt.AlignmentFlag.AlignTop)
        counters = QHBoxLayout()
        counters.setSpacing(24)
        for counter in (self.present, self.registered, self.capacity):
            counters.addWidget(counter)
        left = QVBoxLayout()
        left.setSpacing(24)
        left.addLayout(counters)
        left.addWidget(self.banner)
        left.addWidget(self.scans, 1)
        right = QVBoxLayout()
        right.setSpacing(20)
        for button in (self.find, self.link, self.undo, self.pass_button, self.export):
            right.addWidget(button)
        right.addWidget(self.message)
        right.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(40)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        column = QVBoxLayout(page)
        column.setContentsMargins(72, 32, 72, 32)
        column.setSpacing(24)
        column.addLayout(head)
        column.addLayout(body, 1)
        return page

    # -- state ----------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        return Page(self.pages.currentIndex())

    @property
    def unlocked(self) -> bool:
        return self.page is not Page.LOCKED

    def _go(self, page: Page) -> None:
        self.pages.setCurrentIndex(page)
        if page is Page.SEARCH:
            self.search.field.setFocus()

    def lock_now(self) -> None:
        """Back to the lock: nothing of the staff member's session stays."""
        self.staff_id = None
        self.selected = None
        self.roster = None
        self.state = None
        self.unknown_badge = None
        self._linking = False
        self.banner.clear()
        self.scans.set_scans([])
        self.search.reset()
        self.visitor.reset()
        self.lock.clear_pin()
        self.lock.set_message("")
        self.message.setText("")
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

    def _try_pin(self, digits: str) -> None:
        result = self._guard.attempt(digits)
        if result.granted:
            self._unlock(None)
            return
        locked = self._guard.locked_until()
        if locked is not None:
            text = translate("Door", "Code bloqué jusqu'à {time}.").format(time=clock_time(locked))
        else:
            text = translate("Door", "Code incorrect.")
        self.lock.set_message(text, error=True)

    def _unlock(self, staff: actions.StaffMember | None) -> None:
        self.staff_id = staff.person_id if staff else None
        self.lock.set_message("")
        self._show_events()

    def _show_events(self) -> None:
        self._go(Page.EVENTS)
        self._work(
            lambda s, place, now: actions.events_to_pick(s, place, now),
            lambda choices: self.picker.set_events(choices, str),
        )

    def _open_event(self, choice: actions.EventChoice) -> None:
        self.selected = choice
        self.unknown_badge = None
        self.banner.clear()
        self.message.setText("")
        info = choice.info
        self.event_title.setText(info.title)
        self.event_when.setText(
            f"{clock_time(info.starts_at)} – {clock_time(info.ends_at)} · {info.place}"
        )
        self._go(Page.DOOR)
        self._refresh()
        event_id = info.id
        self._work(lambda s, place, now: actions.load_roster(s, event_id), self._set_roster)

    def _set_roster(self, roster: Roster) -> None:
        self.roster = roster
        self.search.set_roster(roster)

    # -- input ----------------------------------------------------------------------------

    def handle_badge(self, event: BadgePresented) -> bool:
        badge = self.desk.badge_hash(event.uid)
        if badge is None:  # the site key is still loading (a tap within a second of showing)
            self.lock.set_message(translate("Door", "Un instant, puis présentez le badge."))
            return True
        if self.page is Page.LOCKED:
            self._work(lambda s, place, now: actions.staff_for_badge(s, badge), self._badge_unlock)
        elif self.selected is not None:
            from kiosk.checkin.service import BadgeIdentity

            self._check(BadgeIdentity(badge), badge)
        return True

    def handle_scan(self, payload: str, source: str) -> bool:
        if self.selected is None or self.page is Page.LOCKED:
            return self.page is not Page.LOCKED  # locked: a ticket is of no use here
        from kiosk.checkin.service import CodeIdentity

        self._check(CodeIdentity(payload), None)
        return True

    def _badge_unlock(self, staff: actions.StaffMember | None) -> None:
        if staff is None:
            self.lock.set_message(
                translate("Door", "Ce badge n'ouvre pas le mode accueil."), error=True
            )
            return
        self._unlock(staff)

    def _check(self, identity: Any, badge: str | None) -> None:
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
            detail = translate("Door", "Inscrit·e à « {title} », {place}, {time}").format(
                title=there.title, place=there.place, time=clock_time(there.starts_at)
            )
        elif result.outcome is CheckinOutcome.UNKNOWN_BADGE:
            detail = translate("Door", "Touchez « Associer le badge » pour le relier à un nom.")
        self.banner.show_line(tone, title, detail)
        self._sounds.play(CUES[tone])
        if result.outcome is CheckinOutcome.OK and result.person_id and self.roster:
            self.roster.mark_present(result.person_id)
        self._refresh()

    def _failed(self, exc: BaseException) -> None:
        self._busy = max(0, self._busy - 1)
        log.error("door mode: a database call failed", exc_info=exc)
        self.banner.show_line(
            Tone.RED,
            translate("Door", "Enregistrement impossible"),
            translate("Door", "Problème technique : réessayez."),
        )
        self._sounds.play(Cue.REFUSED)

    # -- actions --------------------------------------------------------------------------

    def _refresh(self) -> None:
        if self.selected is None:
            return
        event_id = self.selected.info.id
        self._work(lambda s, place, now: actions.door_state(s, place, event_id), self._show_state)

    def _show_state(self, state: actions.DoorState) -> None:
        if self.selected is None:
            return
        self.state = state
        counters = state.counters
        self.present.number.setText(str(counters.present))
        self.registered.number.setText(str(counters.registered))
        self.capacity.number.setText(str(counters.capacity) if counters.capacity else "—")
        self.scans.set_scans(state.scans)
        for line in state.scans:
            if line.checkin_id == self._banner_checkin and line.last_name:
                self.banner.set_title(f"{self._banner_prefix}{line.first_name} {line.last_name}")
        self.undo.setEnabled(state.undoable is not None)
        self.link.setVisible(self.unknown_badge is not None)

    def _open_search(self, *, linking: bool) -> None:
        self._linking = linking and self.unknown_badge is not None
        self.search.reset()
        self.search.set_title(
            translate("Door", "À qui est ce badge ?")
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
            self._work(
                lambda s, place, now: actions.link_and_check_in(
                    s,
                    place,
                    now,
                    badge_hash=badge,
                    person_id=person,
                    event_id=event_id,
                    staff_id=staff,
                ),
                self._linked,
            )
            return
        self._work(
            lambda s, place, now: actions.check_in_person(
                s, place, now, person_id=person, event_id=event_id, staff_id=staff
            ),
            lambda result: self._checked(result, None),
        )

    def _linked(self, outcome: actions.LinkOutcome) -> None:
        self._busy -= 1
        if outcome.result is None:
            self.banner.show_line(
                Tone.RED,
                translate("Door", "Badge non associé"),
                translate("Door", "Ce badge appartient déjà à quelqu'un."),
            )
            self._sounds.play(Cue.REFUSED)
            self._refresh()
            return
        self._show_result(outcome.result, prefix=translate("Door", "Badge associé : "))

    def _undo(self) -> None:
        state = self.state
        if state is None or state.undoable is None:
            return
        line, staff = state.undoable, self.staff_id
        name = " ".join(p for p in (line.first_name, line.last_name) if p)
        self._work(
            lambda s, place, now: actions.undo(
                s, place, now, checkin_id=line.checkin_id, staff_id=staff
            ),
            lambda done: self._undone(done, name),
        )

    def _undone(self, done: bool, name: str) -> None:
        if done:
            self.message.setText(translate("Door", "Arrivée de {name} annulée.").format(name=name))
            if self.selected is not None:
                event_id = self.selected.info.id
                self._work(lambda s, p, n: actions.load_roster(s, event_id), self._set_roster)
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
        self._work(
            lambda s, place, now: actions.admit_visitor(
                s, place, now, form=form, event_id=event_id, staff_id=staff, issuer=issuer()
            ),
            self._visitor_admitted,
        )

    def _visitor_admitted(self, outcome: actions.PassOutcome) -> None:
        self._checked(outcome.result, None)
        if outcome.print_job_id is not None:
            self.message.setText(translate("Door", "Laissez-passer en impression."))
        else:
            self.message.setText(translate("Door", "Pas de laissez-passer : visiteur non admis."))

    def _export(self) -> None:
        if self.selected is None:
            return
        event_id, configured = self.selected.info.id, self._export_dir
        self._busy += 1
        self.message.setText(translate("Door", "Export en cours…"))

        def export(s: Any, place: Any, now: Any) -> actions.ExportOutcome | None:
            from ui.checkin.usb_media import export_folder

            # On the worker: a stick that hangs must not freeze the screen.
            folder = export_folder(configured)
            return None if folder is None else actions.export_to(s, event_id, folder, now)

        self._work(export, self._exported)

    def _exported(self, outcome: actions.ExportOutcome | None) -> None:
        self._busy -= 1
        if outcome is None:
            self.message.setText(translate("Door", "Branchez une clé USB, puis réessayez."))
            return
        counts = outcome.counts
        self.message.setText(
            translate("Door", "Exporté : {present} présents, {absent} absents ({file}).").format(
                present=counts["present"], absent=counts["absent"], file=outcome.path.name
            )
        )

    def _work(self, work: Any, on_done: Any) -> None:
        self.desk.run(work, on_done, self._failed)

    # -- text -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.change.setText(translate("Door", "Changer"))
        self.quit.setText(translate("Door", "Quitter"))
        self.present.label.setText(translate("Door", "présents"))
        self.registered.label.setText(translate("Door", "inscrits"))
        self.capacity.label.setText(translate("Door", "places"))
        self.find.setText(translate("Door", "Rechercher un nom"))
        self.link.setText(translate("Door", "Associer le badge"))
        self.undo.setText(translate("Door", "Annuler la dernière arrivée"))
        self.pass_button.setText(translate("Door", "Laissez-passer visiteur"))
        self.export.setText(translate("Door", "Exporter sur clé USB"))
        self.link.setVisible(self.unknown_badge is not None)
