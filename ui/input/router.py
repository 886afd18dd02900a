"""Who gets a badge or a scan: the current screen first, then the capabilities' fallbacks.

The rule (shared by every capability): a :class:`~kiosk.ports.BadgePresented` is offered to
the current screen's ``handle_badge(event) -> bool``, a scanned code to its
``handle_scan(payload, source) -> bool``; True means "consumed". If the screen does not take
it, each fallback registered with :meth:`InputRouter.add_fallback` is asked in turn (e.g. self
check-in on the room profile). If nobody takes it, the visitor is told the badge or the code
was read but is of no use here, rather than left wondering whether the reader works.

A refused card (random UID, unreadable) is never offered: it identifies nobody, and the
visitor is told why at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.ports import BadgePresented, BadgeRefused

log = logging.getLogger(__name__)


class BadgeHandler(Protocol):
    def handle_badge(self, event: BadgePresented) -> bool: ...


class ScanHandler(Protocol):
    def handle_scan(self, payload: str, source: str) -> bool: ...


class InputRouter(QObject):
    """Connect the bridge's ``badge_presented``/``badge_refused``/``scanned`` to the slots."""

    badge_unused = Signal()  # read, but neither the screen nor any fallback wanted it
    scan_unused = Signal()
    badge_refused = Signal(object)  # BadgeRefused: the card cannot identify anybody
    handler_failed = Signal()  # a handler raised (logged): the visitor should try again

    def __init__(self, current_screen: Callable[[], object | None], parent: QObject | None = None):
        super().__init__(parent)
        self._current_screen = current_screen
        self._fallbacks: list[object] = []

    def add_fallback(self, handler: BadgeHandler | ScanHandler) -> None:
        """``handler`` has ``handle_badge`` and/or ``handle_scan``; asked in order of adding."""
        if not hasattr(handler, "handle_badge") and not hasattr(handler, "handle_scan"):
            raise TypeError(f"{handler!r} has neither handle_badge nor handle_scan")
        if handler in self._fallbacks:
            raise ValueError(f"{handler!r} is already a fallback")
        self._fallbacks.append(handler)

    def remove_fallback(self, handler: BadgeHandler | ScanHandler) -> None:
        self._fallbacks.remove(handler)

    def _candidates(self) -> list[object]:
        screen = self._current_screen()
        return ([screen] if screen is not None else []) + self._fallbacks

    @Slot(object)
    def route_badge(self, event: BadgePresented) -> bool:
        """True when a screen or a fallback consumed the badge."""
        for handler in self._candidates():
            handle = getattr(handler, "handle_badge", None)
            if handle is not None and self._offer(handler, partial(handle, event)):
                return True
        log.info("badge read, but nothing on this screen uses it")
        self.badge_unused.emit()
        return False

    @Slot(str, str)
    def route_scan(self, payload: str, source: str) -> bool:
        """True when a screen or a fallback consumed the code."""
        for handler in self._candidates():
            handle = getattr(handler, "handle_scan", None)
            if handle is not None and self._offer(handler, partial(handle, payload, source)):
                return True
        log.info("code scanned (%s), but nothing on this screen uses it", source)
        self.scan_unused.emit()
        return False

    @Slot(object)
    def refuse_badge(self, event: BadgeRefused) -> None:
        log.info("card refused: %s", event.reason)
        self.badge_refused.emit(event)

    def _offer(self, handler: object, call: Callable[[], bool]) -> bool:
        """A handler that raises has had its chance: stop there rather than hand it on."""
        try:
            return bool(call())
        except Exception:
            log.exception("%s failed on a badge or a scan", type(handler).__name__)
            self.handler_failed.emit()
            return True
