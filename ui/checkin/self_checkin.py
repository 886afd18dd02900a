"""Self check-in: on a room kiosk a badge or a ticket code works from any screen.

Registered as an input-router fallback, so the screen in front of the visitor (attract, the
programme, a document...) keeps the input when it wants it and self check-in gets the rest.
The verdict covers the whole window (:class:`~ui.checkin.verdict_panel.VerdictPanel`) and
goes away after a few seconds or at a touch, leaving the visitor where they were: nothing
underneath has moved.

Timing: the scan goes to the check-in worker at once; when its answer is not back within
:data:`PENDING_AFTER_MS` the panel says "Vérification…" so that *something* is on screen
inside the 100 ms budget, and the verdict replaces it when it comes.

A walk-in is two taps: "M'inscrire" on the offer, then "Confirmer" on a screen saying exactly
what will happen. Only the scanned person's first name is ever shown.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from ui.checkin.verdict_panel import VerdictPanel
from ui.checkin.verdicts import Tone, VerdictView, confirm_walk_in, describe, failure, pending
from ui.sounds import Cue, SoundPlayer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.checkin.service import CheckinResult, Identity
    from kiosk.ports import BadgePresented
    from ui.checkin.desk import CheckinDesk
    from ui.theme import ThemeController

log = logging.getLogger(__name__)

PENDING_AFTER_MS: Final = 60
SHOW_MS: Final = {Tone.GREEN: 4000, Tone.AMBER: 6000, Tone.RED: 8000, Tone.PENDING: 0}
OFFER_MS: Final = 20_000  # the walk-in offer and its confirmation wait for a decision
CUES: Final = {Tone.GREEN: Cue.OK, Tone.AMBER: Cue.WARNING, Tone.RED: Cue.REFUSED}


translate = QCoreApplication.translate  # lupdate reads translate("SelfCheckin", "...") calls


def walk_in_buttons(*, confirming: bool) -> tuple[str, str, str]:
    """Accept text, decline text and accept icon of a walk-in offer (or of its confirmation);
    the screenshot tool shows the same words as the kiosk."""
    if confirming:
        return (translate("SelfCheckin", "Confirmer"), translate("SelfCheckin", "Annuler"), "check")
    return (
        translate("SelfCheckin", "M’inscrire"),
        translate("SelfCheckin", "Non merci"),
        "user-plus",
    )


class SelfCheckin(QObject):
    """The fallback handler; ``verdict_shown(view)`` after each verdict is painted."""

    verdict_shown = Signal(object)  # VerdictView
    closed = Signal()

    def __init__(
        self,
        desk: CheckinDesk,
        window: QWidget,
        theme: ThemeController,
        sounds: SoundPlayer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._window = window
        self._sounds = sounds
        self.panel = VerdictPanel(theme, window)
        self.panel.hide()
        self.panel.touched.connect(self.close)
        self.panel.accepted.connect(self._accept)
        self.panel.declined.connect(self.close)
        self._scan_id = 0  # answers to an older scan than the latest are dropped
        self._result: CheckinResult | None = None
        self._confirming = False
        self._pending = QTimer(self, singleShot=True, interval=PENDING_AFTER_MS)
        self._pending.timeout.connect(self._show_pending)
        self._dismiss = QTimer(self, singleShot=True)
        self._dismiss.timeout.connect(self.close)
        window.installEventFilter(self)

    # -- input router fallbacks -----------------------------------------------------------

    def handle_badge(self, event: BadgePresented) -> bool:
        identity = self._desk.badge_identity(event.uid)
        # Before warm-up ended the key is not loaded yet: the worker hashes it, first thing.
        self._start(identity or self._desk.hash_badge_later(event.uid))
        return True

    def handle_scan(self, payload: str, source: str) -> bool:
        def identity() -> Identity:
            from kiosk.checkin.service import CodeIdentity

            return CodeIdentity(payload)

        self._start(identity)
        return True

    def rehearse_paint(self) -> None:
        """Draw a verdict off screen at the window's size once, as the start warms the desk up:
        a welcome with its event and what to do, the fonts and shape the first one uses."""
        self.panel.setGeometry(self._window.rect())
        self.panel.rehearse_paint(
            VerdictView(
                Tone.GREEN,
                translate("Verdict", "Bienvenue !"),
                (translate("Verdict", "Vérification…"), "Smart Room · 14:00 – 15:00"),
                translate("Verdict", "Un instant, s’il vous plaît."),
            )
        )

    # -- the flow -------------------------------------------------------------------------

    @property
    def desk(self) -> CheckinDesk:
        return self._desk

    @property
    def showing(self) -> bool:
        return self.panel.isVisible()

    @property
    def view(self) -> VerdictView | None:
        return self.panel.view if self.showing else None

    def _start(self, identity: object) -> None:
        self._scan_id += 1
        scan = self._scan_id
        self._confirming = False
        self._pending.start()
        self._desk.check_in(
            identity,  # type: ignore[arg-type]
            lambda result: self._answer(scan, result),
            lambda exc: self._failed(scan, exc),
        )

    def _answer(self, scan: int, result: CheckinResult) -> None:
        if scan != self._scan_id:
            return  # a newer scan is on its way: its verdict is the one to show
        self._pending.stop()
        self._result = result
        self._show(describe(result, self._desk.clock.now()))

    def _failed(self, scan: int, exc: BaseException) -> None:
        log.error("self check-in failed", exc_info=exc)
        if scan == self._scan_id:
            self._pending.stop()
            self._result = None
            self._show(failure())

    def _show_pending(self) -> None:
        self._show(pending(), sound=False)

    def _show(self, view: VerdictView, *, sound: bool = True) -> None:
        if view.offer_walk_in:
            timeout, texts = OFFER_MS, walk_in_buttons(confirming=self._confirming)
        else:
            timeout, texts = SHOW_MS[view.tone], ("", "", "user-plus")
        self.panel.setGeometry(self._window.rect())
        self.panel.show_view(
            view,
            timeout_ms=timeout,
            accept_text=texts[0],
            decline_text=texts[1],
            accept_icon=texts[2],
        )
        self.panel.show()
        self.panel.raise_()
        self.panel.repaint()  # now, in this slot: the verdict is the one thing that matters
        if timeout:
            self._dismiss.start(timeout)
        else:
            self._dismiss.stop()
        if sound and view.tone in CUES:
            self._sounds.play(CUES[view.tone])
        self.verdict_shown.emit(view)

    def _accept(self) -> None:
        result = self._result
        if result is None or result.event is None or result.person_id is None:
            self.close()
            return
        if not self._confirming:  # tap 1: say exactly what tap 2 will do
            self._confirming = True
            self._show(confirm_walk_in(result, self._desk.clock.now()), sound=False)
            return
        self._confirming = False  # tap 2: register and check in
        self._scan_id += 1
        scan = self._scan_id
        self._pending.start()
        self._desk.walk_in(
            result.person_id,
            result.event.id,
            lambda answer: self._answer(scan, answer),
            lambda exc: self._failed(scan, exc),
        )

    def close(self) -> None:
        """Back to whatever was underneath."""
        self._dismiss.stop()
        self._pending.stop()
        self._confirming = False
        self._result = None
        if self.panel.isVisible():
            self.panel.hide()
            self.panel.clear()
            self.closed.emit()

    def reset(self) -> None:
        """Idle reset: nothing of the last person stays, not even a late answer."""
        self._scan_id += 1
        self.close()
        self.panel.clear()

    def shutdown(self) -> None:
        """Stop timers and let the check-in worker finish (the database closes next)."""
        self.reset()
        self._desk.wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.panel.setGeometry(self._window.rect())
        return False
