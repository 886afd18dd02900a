"""Smart Tour sync in the running kiosk: a worker that meets the central database whenever it
answers, and the state the chip and the hardware screen show (:mod:`ui.sync.status`).

The sync runs on a :class:`ui.tasks.WorkerDesk` of its own: a sync of several minutes never
delays a screen's query, and the GUI thread never touches the network. The central base is
probed first with a short TCP connect, so an absent network costs two seconds of that worker,
not a long driver time-out.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.ports import Clock
from kiosk.settings import Settings
from ui.tasks import WorkerDesk

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from kiosk.sync.tour import ConflictLine, SyncStatus
    from ui.apart import ApartProcess

log = logging.getLogger(__name__)

FIRST_SYNC_MS: Final = 5_000  # after start-up: the first paint and the devices come first
STATUS_REFRESH_MS: Final = 30_000  # pending count and data age on the chip
CONFLICTS_SHOWN: Final = 1  # the newest; `smartcorner sync --status` lists more

type Reading = tuple[SyncStatus | None, list[ConflictLine]]


@dataclass(frozen=True)
class SyncView:
    """What the chip and the hardware section show."""

    configured: bool
    running: bool = False
    status: SyncStatus | None = None  # None: never looked yet, or no kiosk row yet
    conflicts: tuple[ConflictLine, ...] = ()


class SyncMonitor(WorkerDesk["Engine"]):
    """Runs the sync every ``sync_interval`` seconds (and on demand) off the GUI thread.

    Its place (``P``) is the kiosk's own database engine, made on the worker at the first call.
    """

    WHAT = "Smart Tour sync"
    changed = Signal(object)  # SyncView

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        parent: QObject | None = None,
        *,
        apart: ApartProcess | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._settings = settings
        self._apart = apart  # where the sync itself runs (None: on the worker thread)
        self._engine: Engine | None = None  # the kiosk's own database; made on the worker
        self._stopping = threading.Event()  # a sync under way stops at its next batch
        self.view = SyncView(configured=bool(settings.central_db))
        self._timer = QTimer(self)
        self._timer.setInterval(settings.sync_interval * 1000)
        self._timer.timeout.connect(self.sync_now)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(FIRST_SYNC_MS)
        self._first.timeout.connect(self.sync_now)

    def start(self) -> None:
        self.refresh()
        if self.view.configured:
            self._first.start()
            self._timer.start()
        self._status_timer.start()

    def stop(self) -> None:
        for timer in (self._first, self._timer, self._status_timer):
            timer.stop()
        self._stopping.set()
        if self._apart is not None:
            self._apart.stop()  # a sync under way there stops at its next batch too
        self.wait()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def sync_now(self) -> None:
        if not self.view.configured or self.view.running:
            return
        self._show(replace(self.view, running=True))
        self.run(self._sync_work, self._synced, self._failed)

    def refresh(self) -> None:
        self.run(self._status_work, self._arrived, self._refresh_failed)

    def present(self, view: SyncView) -> None:
        """Show ``view`` as if a sync had just ended (screenshots; the timers are stopped)."""
        self._show(view)

    # --- worker thread --------------------------------------------------------------------

    def _open(self) -> Engine:
        with self._lock:
            if self._engine is None:
                from kiosk.db.engine import make_session_factory
                from kiosk.db.migrate import open_kiosk_database

                engine = open_kiosk_database(self._settings.database_url)
                self._sessions = make_session_factory(engine)
                self._engine = engine
            return self._engine

    def _sync_work(self, _session: Session, local: Engine, _now: datetime) -> Reading:
        if self._apart is not None:  # a push of thousands of records computes for seconds
            from ui.apart import sync_once as sync_apart

            return self._apart.run(sync_apart, self._settings, self.clock, CONFLICTS_SHOWN)
        from kiosk.sync.setup import sync_once

        status = sync_once(local, self._settings, self.clock, self._stopping.is_set)
        return status, self._conflicts(local)

    def _status_work(self, _session: Session, local: Engine, now: datetime) -> Reading:
        from kiosk.sync.setup import local_kiosk_id
        from kiosk.sync.tour import sync_status

        kiosk_id = local_kiosk_id(local, self._settings)
        status = sync_status(local, kiosk_id, now) if kiosk_id is not None else None
        return status, self._conflicts(local)

    def _conflicts(self, local: Engine) -> list[ConflictLine]:
        from kiosk.sync.tour import recent_conflicts

        with local.connect() as conn:
            return recent_conflicts(conn, CONFLICTS_SHOWN)

    # --- GUI thread -----------------------------------------------------------------------

    def _synced(self, reading: Reading) -> None:
        status, conflicts = reading
        self._show(replace(self.view, running=False, status=status, conflicts=tuple(conflicts)))

    def _arrived(self, reading: Reading) -> None:
        status, conflicts = reading  # a sync under way still is
        self._show(replace(self.view, status=status, conflicts=tuple(conflicts)))

    def _failed(self, exc: BaseException) -> None:
        log.error("sync worker failed", exc_info=exc)
        self._show(replace(self.view, running=False))

    def _refresh_failed(self, exc: BaseException) -> None:
        log.error("sync status could not be read", exc_info=exc)

    def _show(self, view: SyncView) -> None:
        self.view = view
        self.changed.emit(view)
