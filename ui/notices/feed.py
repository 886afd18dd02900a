"""Announcements and the Smart Tour's itinerary, loaded on the worker and refreshed every few
minutes; the screens read :attr:`NoticesFeed.banners` and :attr:`NoticesFeed.stops` and listen
to ``changed``. A banner's window is checked against the clock each minute on the GUI thread
(no query): one that starts at noon appears at noon."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.ports import Clock
from ui.tasks import BackgroundExecutor

if TYPE_CHECKING:  # the screens import this module before the first paint: no database yet
    from kiosk.announcements.service import Banner
    from kiosk.itinerary.stops import Stop

log = logging.getLogger(__name__)

REFRESH_MS = 5 * 60 * 1000
TICK_MS = 60 * 1000


@dataclass(frozen=True)
class Notices:
    banners: list[Banner] = field(default_factory=list)  # not ended yet, for this kiosk
    stops: list[Stop] = field(default_factory=list)  # the tour's stops not over yet


NoticesLoader = Callable[[datetime], Notices]  # runs on the worker thread


class NoticesFeed(QObject):
    changed = Signal()

    def __init__(
        self,
        loader: NoticesLoader,
        executor: BackgroundExecutor,
        clock: Clock,
        refresh_ms: int = REFRESH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._executor = executor
        self._clock = clock
        self._notices = Notices()
        self._shown: tuple[int, ...] = ()
        self._in_flight = False
        self._refresh = QTimer(self, interval=refresh_ms)
        self._refresh.timeout.connect(self.refresh)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.check_windows)

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def banners(self) -> list[Banner]:
        """The announcements to show now, in the order they were put up."""
        now = self._clock.now()
        return [b for b in self._notices.banners if b.shown_at(now)]

    @property
    def stops(self) -> list[Stop]:
        """The tour's stops not over yet, the one under way first."""
        now = self._clock.now()
        return [s for s in self._notices.stops if s.ends_at > now]

    @Slot()
    def start(self) -> None:
        if not self._refresh.isActive():
            self._refresh.start()
            self._tick.start()
            self.refresh()

    def stop(self) -> None:
        self._refresh.stop()
        self._tick.stop()

    @Slot()
    def refresh(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        now, loader = self._clock.now(), self._loader
        self._executor.submit(lambda: loader(now), self._loaded, self._failed)

    def _loaded(self, notices: Notices) -> None:
        self._in_flight = False
        self._notices = notices
        self._shown = tuple(b.id for b in self.banners)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        log.warning("could not load the announcements and the tour's stops: %s", exc)

    @Slot()
    def check_windows(self) -> None:
        """A banner's start or end, or a stop's end, passed: the screens redraw."""
        shown = tuple(b.id for b in self.banners)
        stops = len(self.stops)
        if shown != self._shown or stops != len(self._notices.stops):
            self._shown = shown
            self._notices = Notices(self._notices.banners, self.stops)
            self.changed.emit()
