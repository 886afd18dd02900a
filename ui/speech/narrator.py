"""Speaks each screen as it appears and each control as the focus reaches it, and gives the
keyboard or the numeric keypad a way through every flow.

Keys (a kiosk's keypad, or any keyboard): Tab/arrows (keypad 8 2 4 6 with Num Lock off) move
in the order the controls are *seen* (rows top to bottom, each left to right: Qt's own tab
chain is creation order), Enter acts, Échap or keypad − goes back, keypad * or F2 repeats the
last phrase, keypad / or F1 says the keys. The first of those keys turns speech on for the
visitor. The narrator is installed *before* the keyboard-wedge filter, so that filter sees each
key first: Enter and Tab ending a scan never reach the narrator, and keypad keys are never part
of a scan (``ui.input.wedge_filter``).

What is said comes from the widgets: a screen (or an overlay such as the check-in verdict) has
a ``spoken()`` method (:class:`ui.speech.phrase.Spoken`), a control its accessible name or
text. A widget whose words change while shown calls :func:`ui.speech.phrase.announce`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from ui.speech.phrase import (
    ITEM_VIEW,
    LINE_EDIT,
    SPOKEN_CHANGED,
    Announcement,
    Phrase,
    Spoken,
    label_text,
)
from ui.speech.speaker import Speaker

if TYPE_CHECKING:
    from ui.speech.focus_ring import FocusRing

log = logging.getLogger(__name__)

K = Qt.Key
_NEXT: Final = {K.Key_Tab, K.Key_Down, K.Key_Right}
_PREVIOUS: Final = {K.Key_Backtab, K.Key_Up, K.Key_Left}
_ACT: Final = {K.Key_Return, K.Key_Enter, K.Key_Space}
_BACK: Final = {K.Key_Escape, K.Key_Minus}
_REPEAT: Final = {K.Key_Asterisk, K.Key_F2}
_HELP: Final = {K.Key_Slash, K.Key_F1}
_KEYPAD_ONLY: Final = {K.Key_Minus, K.Key_Asterisk, K.Key_Slash}  # typing keys elsewhere
TARGET: Final = "speechTarget"  # a widget property: reachable by the keys (tiles, cards)
MODAL: Final = "speechModal"  # a widget property: while shown, the keys stay inside it
# A widget property: a control the keys pass over, whose own key does it better (the PIN
# pad's digits: the keypad types them, and a digit key said aloud would give the code away).
SKIP: Final = "speechSkip"


def window_rect(widget: QWidget) -> QRect:
    top_left = widget.mapTo(widget.window(), QPoint(0, 0))
    return QRect(top_left, widget.size())


def visual_order(widgets: Sequence[QWidget]) -> list[QWidget]:
    """Rows from top to bottom, each row left to right: the order a sighted person reads them
    in. A widget whose middle lies within the height of a row's first widget shares its row
    (keys of a tight keyboard overlap their neighbours' rows by a few pixels)."""
    placed = sorted(widgets, key=lambda w: (window_rect(w).center().y(), window_rect(w).x()))
    rows: list[list[QWidget]] = []
    anchor: QRect | None = None
    for widget in placed:
        rect = window_rect(widget)
        if anchor is not None and rect.center().y() <= anchor.bottom():
            rows[-1].append(widget)
        else:
            rows.append([widget])
            anchor = rect
    return [w for row in rows for w in sorted(row, key=lambda w: window_rect(w).x())]


def _visible_descendants(root: QWidget) -> list[QWidget]:
    """Shown widgets under ``root``, not looking into hidden ones (the other screens)."""
    found: list[QWidget] = []
    stack = [root]
    while stack:
        parent = stack.pop()
        for child in parent.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if child.isVisible():
                found.append(child)
                stack.append(child)
    return found


def _reachable(widget: QWidget) -> bool:
    """A control the keys stop on."""
    return (
        (
            isinstance(widget, QAbstractButton)
            or widget.inherits(LINE_EDIT)
            or bool(widget.property(TARGET))
        )
        and not widget.property(SKIP)
        and widget.isVisible()
        and widget.isEnabled()
    )


def _typing_into(widget: QWidget | None) -> bool:
    return widget is not None and widget.inherits(LINE_EDIT)


class Narrator(QObject):
    activation_requested = Signal()  # a key of the speech path was pressed with speech off
    back_requested = Signal()

    def __init__(self, speaker: Speaker, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speaker = speaker
        self._window = window
        self._active = False
        self._app: QApplication | None = None
        self._pending: list[QWidget] = []
        self._said_focus: QWidget | None = None
        self._ring: FocusRing | None = None  # made when speech first needs it (see ring)
        self._describe_timer = QTimer(self, singleShot=True, interval=0)
        self._describe_timer.timeout.connect(self._describe_pending)

    @property
    def ring(self) -> FocusRing:
        """The ring around what has the keyboard focus, made the first time it is needed: most
        visitors never turn speech on, and the first paint does not wait for its module."""
        if self._ring is None:
            from ui.speech.focus_ring import FocusRing

            self._ring = FocusRing(self._window)
        return self._ring

    @property
    def active(self) -> bool:
        return self._active

    @property
    def settled(self) -> bool:
        """Nothing waiting to be described, nothing being said (tests wait for this)."""
        return not self._pending and self.speaker.idle

    def set_active(self, on: bool) -> None:
        if on == self._active:
            return
        self._active = on
        if on:
            for widget in self._shown_speakers():
                self._schedule(widget)
            self._ring_on(QApplication.focusWidget())
        else:
            self.speaker.stop()
            if self._ring is not None:
                self._ring.follow(None)

    def install(self, app: QApplication) -> None:
        self._app = app
        app.installEventFilter(self)
        app.focusChanged.connect(self._on_focus)

    def uninstall(self) -> None:
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app.focusChanged.disconnect(self._on_focus)
            self._app = None
        self._describe_timer.stop()
        self._pending.clear()

    def stop(self) -> None:
        """Idle reset: silence now; the next visitor starts with speech off."""
        self.speaker.stop()
        self.set_active(False)

    # -- what is said ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return isinstance(watched, QWidget) and self._on_key(event)
        if kind == Announcement.TYPE and isinstance(event, Announcement):
            if self._active and isinstance(watched, QWidget) and watched.isVisible():
                self.speaker.say(event.said)
            return False
        shown = kind == QEvent.Type.Show or kind == SPOKEN_CHANGED
        if shown and self._active and isinstance(watched, QWidget) and isinstance(watched, Spoken):
            self._schedule(watched)
        return False

    def _schedule(self, widget: QWidget | None) -> None:
        """Describe ``widget`` once the event loop turns: a screen sets its texts after the
        stack shows it (``Screen.shown``), and one show may come with several Show events."""
        if widget is not None and widget not in self._pending:
            self._pending.append(widget)
            self._describe_timer.start()

    def _describe_pending(self) -> None:
        pending, self._pending = self._pending, []
        scope = self._current_scope()
        said: list[Phrase] = []
        shown = [w for w in pending if shiboken6.isValid(w) and w.isVisible()]
        # a page of a screen shown with it: the screen says it
        speakers = [w for w in shown if not any(o is not w and o.isAncestorOf(w) for o in shown)]
        for widget in speakers:
            if isinstance(widget, Spoken):
                said.extend(widget.spoken())
        focus = QApplication.focusWidget()
        targets = self.targets()
        if targets and focus not in targets:  # Qt left it on a hidden page, or on nothing
            self._focus(targets[0], speak=False)
            focus = targets[0]
        described = focus is not None and any(focus is w for w in speakers)
        if focus is not None and scope is not None and scope.isAncestorOf(focus) and not described:
            said.extend(self._words_of(focus))
        if said == self.speaker.last and not self.speaker.idle:
            return  # the same words again (a verdict painted twice): not from the start
        self.speaker.say(said)

    def _ring_on(self, widget: QWidget | None) -> None:
        scope = self._current_scope()
        shown = (
            self._active
            and widget is not None
            and scope is not None
            and (widget is scope or scope.isAncestorOf(widget))
            and _reachable(widget)
        )
        if shown or self._ring is not None:
            self.ring.follow(widget if shown else None)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._ring_on(new)
        if new is not None and new is self._said_focus:
            self._said_focus = None
            return
        if self._active and new is not None and not self._pending:
            self.speaker.say(self._words_of(new))

    @staticmethod
    def _words_of(control: QWidget) -> list[Phrase]:
        """What a focused control says: its own words, else its name."""
        if isinstance(control, Spoken):
            return list(control.spoken())
        return [Phrase(label_text(control))]

    def _focus(self, widget: QWidget, *, speak: bool) -> None:
        # Not spoken again by _on_focus (now, or when the window next becomes active): the
        # screen's description says it.
        self._said_focus = None if speak else widget
        widget.setFocus(Qt.FocusReason.TabFocusReason)

    def _shown_speakers(self) -> list[QWidget]:
        """The widgets on screen that describe themselves (the screen, an overlay)."""
        scope = self._current_scope()
        if scope is None:
            return []
        found: list[QWidget] = [w for w in _visible_descendants(scope) if isinstance(w, Spoken)]
        if isinstance(scope, Spoken):
            found.insert(0, scope)
        return found

    # -- where the keys go ----------------------------------------------------------------

    def _current_scope(self) -> QWidget | None:
        """The overlay that holds the keys (the verdict), else the current screen's window."""
        if not shiboken6.isValid(self._window) or not self._window.isVisible():
            return None
        for child in self._window.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if child.property(MODAL) and child.isVisible():  # overlays are the window's children
                return child
        return self._window

    def targets(self) -> list[QWidget]:
        """What the keys reach now, in visual order."""
        scope = self._current_scope()
        if scope is None:
            return []
        found = [w for w in _visible_descendants(scope) if _reachable(w)]
        if scope is self._window:  # an overlay sits over the screen: nothing under it counts
            found = [w for w in found if not any(m.isAncestorOf(w) for m in self._modals())]
        elif scope.property(TARGET):
            found.insert(0, scope)  # the overlay itself takes Enter (the verdict: "heard it")
        return visual_order(found)

    def _modals(self) -> list[QWidget]:
        children = self._window.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        return [w for w in children if w.property(MODAL)]

    def move(self, step: int) -> None:
        targets = self.targets()
        if not targets:
            return
        focus = QApplication.focusWidget()
        index = targets.index(focus) if focus in targets else (-1 if step > 0 else 0)
        self._focus(targets[(index + step) % len(targets)], speak=True)

    def _on_key(self, event: QKeyEvent) -> bool:
        key = K(event.key())
        keypad = bool(event.modifiers() & Qt.KeyboardModifier.KeypadModifier)
        focus = QApplication.focusWidget()
        if key in _KEYPAD_ONLY and not keypad and key not in {K.Key_F1, K.Key_F2}:
            return False  # a person typing - or * on a keyboard
        typing = _typing_into(focus)
        if typing and key in {K.Key_Left, K.Key_Right, K.Key_Space}:
            return False  # moving the cursor, typing a space
        if focus is not None and focus.inherits(ITEM_VIEW) and key in {K.Key_Up, K.Key_Down}:
            return False  # along a list: its own current row moves (and is said)
        if key in _ACT:
            if key == K.Key_Space and not self._active:
                return False
            if isinstance(focus, QAbstractButton) and self._window.isAncestorOf(focus):
                focus.click()
                return True
            return False  # a tile, a field: their own keyPressEvent
        if key not in _NEXT | _PREVIOUS | _BACK | _REPEAT | _HELP:
            return False
        if not self._active:
            if key in _BACK and not keypad:
                self.back_requested.emit()
                return True
            self.activation_requested.emit()
            return True
        if key in _NEXT:
            self.move(1)
        elif key in _PREVIOUS:
            self.move(-1)
        elif key in _BACK:
            scope = self._current_scope()
            if scope is not None and scope is not self._window:  # the overlay's own way out
                escape = QKeyEvent(
                    QEvent.Type.KeyPress, K.Key_Escape, Qt.KeyboardModifier.NoModifier
                )
                QApplication.sendEvent(scope, escape)
            else:
                self.back_requested.emit()
        elif key in _REPEAT:
            self.speaker.repeat()
        else:
            self.speaker.say([Phrase(self.keys_help())])
        return True

    def keys_help(self) -> str:
        return self.tr(
            "Flèches ou Tab pour passer d’un élément à l’autre, Entrée pour choisir, "
            "Échap ou moins pour revenir, étoile pour réentendre."
        )
