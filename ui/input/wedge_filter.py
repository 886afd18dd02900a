"""Keyboard-wedge scanners, recognised anywhere in the app without stealing anyone's typing.

A scanner "types" its payload in a burst (keys a few ms apart) and ends with Enter or Tab; a
person leaves 80 ms or more between keys. This application-wide filter holds back each
printable key for ``hold_ms``; a key that comes sooner than ``MAX_GAP_MS`` after the previous
one is held with it, and so on. When Enter/Tab ends what :class:`hardware.wedge.WedgeBurstDetector`
calls a burst, the held keys are dropped and the payload, repaired by
:class:`hardware.wedge.LayoutRepair`, is emitted once. Anything else - a pause, a slow key, a
non-printable key, a slow or too-early Enter - sends the held keys on to the widget they were
meant for, in order, so a person typing in a field gets every letter, ``hold_ms`` later.

Scanners type as keyboards do: Shift pressed around each capital (and, on an AZERTY machine,
around each digit), AltGr for some characters, Caps Lock toggled, dead keys. Those keys alone
type nothing: they go through untouched and neither start nor break a burst, so what decides is
only the timing of the keys that type. Keypad keys (used to move around by the speech-access
mode) are never part of a scan.

Key times come from ``QKeyEvent.timestamp()`` (when the key was pressed, not when the GUI
thread got round to it); synthetic events that carry none are timed by the filter's own clock.
Whether two keys belong to one burst is decided on those times alone. Only the end of a burst
with no Enter/Tab (or a person's pause) needs a clock of our own, and there the GUI thread
being busy is no silence: while it is blocked, X queues the scanner's keys and delivers them
later, all at once, after the timers that fell due meanwhile. So the silence is counted by a
short heartbeat: a beat later than a whole hold means the thread was stalled, and the silence
starts again from then; and once the hold is over, one more beat is awaited, so that the
event loop has gone round once more and delivered what X queued. (Shorter delays, a loaded
machine's ordinary lateness, do not restart the silence: a person's keys must come out.)
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from hardware.wedge import LayoutRepair, WedgeBurstDetector, WedgeConfig, WedgeSuffix

log = logging.getLogger(__name__)

HOLD_MS = WedgeConfig().hold_ms  # a little more than a gap: long enough to see the next key
BEAT_MS = 5  # the heartbeat that counts the silence, while keys are held
_TERMINATORS = {
    Qt.Key.Key_Return: "return",
    Qt.Key.Key_Enter: "return",
    Qt.Key.Key_Tab: "tab",
}
# Held with the key they modify: Shift for capitals, AltGr (X11 reports it as a group switch).
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.GroupSwitchModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
# Keys that type nothing by themselves: a scanner presses them around the keys that do.
_SILENT_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Mode_switch,
    }
)
_DEAD_KEYS = range(Qt.Key.Key_Dead_Grave.value, Qt.Key.Key_Dead_Longsolidusoverlay.value + 1)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


def _silent(event: QKeyEvent) -> bool:
    return event.key() in _SILENT_KEYS or event.key() in _DEAD_KEYS


class _Held:
    """A copy of a key event taken out of the stream, with the widget it was going to."""

    __slots__ = ("event", "target")

    def __init__(self, target: QWidget, event: QKeyEvent) -> None:
        self.target = target
        self.event = QKeyEvent(
            event.type(),
            event.key(),
            event.modifiers(),
            event.nativeScanCode(),
            event.nativeVirtualKey(),
            event.nativeModifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )
        self.event.setTimestamp(event.timestamp())

    @property
    def is_press(self) -> bool:
        return self.event.type() == QEvent.Type.KeyPress


class WedgeFilter(QObject):
    scanned = Signal(str)  # the repaired payload, once per scan

    def __init__(
        self,
        config: WedgeConfig | None = None,
        repair: Callable[[str], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config or WedgeConfig()
        self._detector = WedgeBurstDetector.for_config(self.config)
        self._repair = repair or LayoutRepair().repair  # one scanner: remember its layout
        self._held: list[_Held] = []
        self._swallow_release: Counter[int] = Counter()  # a scan's keys still to be let go
        self._replaying = False
        self._clock = QElapsedTimer()
        self._clock.start()
        self._app: QCoreApplication | None = None
        self._quiet_since = 0  # when the last key came, or when the GUI thread was free again
        self._last_beat = 0
        self._hold_seen = False  # a beat already found the hold over: the next one decides
        self._beat = QTimer(self, interval=BEAT_MS, timerType=Qt.TimerType.PreciseTimer)
        self._beat.timeout.connect(self._on_beat)

    def install(self, app: QCoreApplication) -> None:
        self._app = app
        app.installEventFilter(self)

    def uninstall(self) -> None:
        self._beat.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
        self._held.clear()
        self._detector.reset()

    @property
    def holding(self) -> int:
        """How many key events are held back right now."""
        return len(self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() not in _KEY_EVENTS:
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False  # the QWindow stage: decided when it reaches the focus widget
        # A key let through here and not accepted is handed on to the parents, and seen
        # again: every decision below is the same the second time (nothing held by then).
        if event.type() == QEvent.Type.KeyRelease:
            return self._on_release(watched, event)
        return self._on_press(watched, event)

    def _timestamp(self, event: QKeyEvent) -> int:
        return int(event.timestamp()) or int(self._clock.elapsed())

    def _on_press(self, watched: QWidget, event: QKeyEvent) -> bool:
        if _silent(event) and not event.isAutoRepeat():
            return False  # Shift, AltGr, Caps Lock, a dead key: part of typing, scanner or not
        plain = not event.modifiers() & ~_TYPING_MODIFIERS and not event.isAutoRepeat()
        terminator = _TERMINATORS.get(Qt.Key(event.key()))
        if (
            terminator is not None
            and not event.modifiers() & ~(_TYPING_MODIFIERS | _KEYPAD)
            and not event.isAutoRepeat()
            and self.config.ends_with(terminator)
        ):
            return self._on_terminator(event)
        text = event.text()
        if not (plain and len(text) == 1 and text.isprintable()):
            self.flush()  # Backspace, arrows, shortcuts, a key held down: a person
            return False
        before, at = len(self._detector.pending), self._timestamp(event)
        self._detector.feed(text, at, is_terminator=False)
        if len(self._detector.pending) == 1 and self._held:
            if before >= self.config.min_length:  # what a scanner that is too slow looks like
                last = next(h for h in reversed(self._held) if h.is_press)
                gap = at - self._timestamp(last.event)
                log.info("a burst of %d keys broke off: the next came %d ms later", before, gap)
            self._send_held()  # a slow key: what was held before it is not part of a burst
        self._held.append(_Held(watched, event))
        self._start_silence()
        return True

    def _on_release(self, watched: QWidget, event: QKeyEvent) -> bool:
        if _silent(event):
            return False
        if self._swallow_release[event.key()] > 0:
            self._swallow_release[event.key()] -= 1
            return True
        if self._held:
            self._held.append(_Held(watched, event))
            return True
        return False

    def _on_terminator(self, event: QKeyEvent) -> bool:
        if not self._held:
            self._detector.reset()
            return False
        payload = self._detector.feed("", self._timestamp(event), is_terminator=True)
        code = None if payload is None else self.config.strip_prefix(payload)
        if code is None:
            self.flush()
            return False
        self._swallow_release[event.key()] += 1
        self._take_scan(code)
        return True

    def _start_silence(self) -> None:
        self._quiet_since = self._last_beat = int(self._clock.elapsed())
        self._hold_seen = False
        if not self._beat.isActive():
            self._beat.start()

    def _on_beat(self) -> None:
        now = int(self._clock.elapsed())
        if now - self._last_beat > self.config.hold_ms:
            self._quiet_since = now  # the thread was stalled: keys typed meanwhile may be queued
            self._hold_seen = False
        self._last_beat = now
        if now - self._quiet_since < self.config.hold_ms:
            return
        if not self._hold_seen:
            self._hold_seen = True  # first let the event loop deliver what X may be holding
            return
        self._beat.stop()
        self._on_silence()

    def _on_silence(self) -> None:
        """No key for a while: a scanner with no suffix has finished, or a person paused."""
        if self.config.suffix is not WedgeSuffix.NONE:
            if len(self._detector.pending) >= self.config.min_length:
                log.info(
                    "a burst of %d keys ended with no Enter nor Tab", len(self._detector.pending)
                )
            self.flush()
            return
        payload = self._detector.silence()
        code = None if payload is None else self.config.strip_prefix(payload)
        if code is None:
            self.flush()
        else:
            self._take_scan(code)

    def _take_scan(self, code: str) -> None:
        """The held keys were a scan: drop them (and the releases still to come), emit it."""
        self._beat.stop()
        down = Counter(h.event.key() for h in self._held if h.is_press)
        down.subtract(h.event.key() for h in self._held if not h.is_press)
        self._swallow_release.update(+down)  # keep the positive counts
        self._held.clear()
        self._detector.reset()
        repaired = self._repair(code)
        log.info("scan from the keyboard wedge (%d characters)", len(repaired))
        self.scanned.emit(repaired)

    def flush(self) -> None:
        """Not a scan: send the held keys on to where they were going, in order."""
        self._detector.reset()
        self._send_held()

    def _send_held(self) -> None:
        self._beat.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for item in held:
                if shiboken6.isValid(item.target):
                    QCoreApplication.sendEvent(item.target, item.event)
        finally:
            self._replaying = False
