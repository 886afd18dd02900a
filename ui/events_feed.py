"""The programme of upcoming events, loaded off the GUI thread and refreshed every few minutes."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.domain import UpcomingEvent
from kiosk.ports import Clock
from ui.tasks import BackgroundExecutor

log = logging.getLogger(__name__)

# (now, limit) -> events; runs on the worker thread.
EventsLoader = Callable[[datetime, int], list[UpcomingEvent]]

REFRESH_MS = 5 * 60 * 1000


class FeedState(enum.Enum):
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


class EventsFeed(QObject):
    """Screens read ``events`` and listen to ``changed``; they never query the database."""

    changed = Signal()

    def __init__(
        self,
        loader: EventsLoader,
        executor: BackgroundExecutor,
        clock: Clock,
        limit: int = 50,
        refresh_ms: int = REFRESH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._executor = executor
        self._clock = clock
        self._limit = limit
        self._events: list[UpcomingEvent] = []
        self._state = FeedState.LOADING
        self._in_flight = False
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)

    @property
    def events(self) -> list[UpcomingEvent]:
        return self._events

    @property
    def state(self) -> FeedState:
        return self._state

    @Slot()
    def start(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
            self.refresh()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def refresh(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        now, limit, loader = self._clock.now(), self._limit, self._loader
        self._executor.submit(lambda: loader(now, limit), self._loaded, self._failed)

    def _loaded(self, events: list[UpcomingEvent]) -> None:
        self._in_flight = False
        self._events = list(events)
        self._state = FeedState.READY
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        # here: the feed is made before the first paint, the database opens after it
        from kiosk.db.health import StorageError

        self._in_flight = False
        if isinstance(exc, StorageError):  # a known cause, said once by the database: no stack
            log.error("could not load the upcoming events: %s", exc)
        else:
            log.error("could not load the upcoming events", exc_info=exc)
        if self._state is not FeedState.READY:  # keep showing the last good programme
            self._state = FeedState.FAILED
        self.changed.emit()
