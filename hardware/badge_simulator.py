"""A badge source driven by code: the demo's "Simuler un badge" menu and fast tests.

Events are delivered on a worker thread of its own, like a real reader, so code that
works with the simulator does not accidentally rely on running on the caller's thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from kiosk.ports import (
    BadgeEvent,
    BadgePresented,
    BadgeRefused,
    BadgeRemoved,
    ReaderState,
    ReaderStatus,
    RefusalReason,
    is_random_uid,
)

log = logging.getLogger(__name__)

SIMULATED_READER = "Lecteur simulé"


class SimulatedBadgeSource:
    """A :class:`kiosk.ports.BadgeSource`: ``present(uid)`` taps a card, ``remove()`` lifts it."""

    def __init__(self, reader: str = SIMULATED_READER) -> None:
        self.reader = reader
        self._events: queue.SimpleQueue[BadgeEvent | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._on_event: Callable[[BadgeEvent], None] = lambda _event: None
        self._lock = threading.Lock()
        self._uid: bytes | None = None

    def start(self, on_event: Callable[[BadgeEvent], None]) -> None:
        if self._thread is not None:
            raise RuntimeError("SimulatedBadgeSource.start() called twice")
        self._on_event = on_event
        self._thread = threading.Thread(target=self._run, name="badge-simulator", daemon=True)
        self._thread.start()
        self._events.put(ReaderStatus(ReaderState.READY, self.reader))

    def stop(self) -> None:
        thread = self._thread
        if thread is None:
            return
        self._events.put(ReaderStatus(ReaderState.STOPPED))
        self._events.put(None)
        thread.join(timeout=1)

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    def present(self, uid: bytes) -> None:
        """A card is put on the reader (lifting the previous one first, if any)."""
        with self._lock:
            if self._uid is not None:
                self._events.put(BadgeRemoved(self.reader))
            self._uid = uid
            if is_random_uid(uid):
                event: BadgeEvent = BadgeRefused(
                    RefusalReason.RANDOM_UID, self.reader, uid.hex().upper()
                )
            else:
                event = BadgePresented(uid, self.reader)
            self._events.put(event)

    def remove(self) -> None:
        with self._lock:
            if self._uid is None:
                return
            self._uid = None
            self._events.put(BadgeRemoved(self.reader))

    def tap(self, uid: bytes) -> None:
        self.present(uid)
        self.remove()

    def set_status(self, state: ReaderState, detail: str = "") -> None:
        """Pretend the reader went away, the service died, etc. (admin screen, tests)."""
        self._events.put(ReaderStatus(state, detail))

    def _run(self) -> None:
        while (event := self._events.get()) is not None:
            try:
                self._on_event(event)
            except Exception:
                log.exception("badge event handler failed on %r", event)
