"""The kiosk's database as the screens need it, opened lazily on the worker thread.

Opening runs the schema migrations, which may take a while on a first start: it must not
happen on the GUI thread. Only :class:`ui.tasks.BackgroundExecutor`'s single worker calls in.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kiosk.domain import UpcomingEvent
from kiosk.settings import masked_url
from ui.apart import ApartProcess

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session, sessionmaker

    from kiosk.db.health import StorageError
    from kiosk.settings import Settings
    from kiosk.this_kiosk import KioskRef

log = logging.getLogger(__name__)


class KioskDatabase:
    """The database of one kiosk. Every method runs on the worker thread, never the GUI's."""

    def __init__(self, url: str, settings: Settings | None = None) -> None:
        self._url = url
        self._settings = settings
        self._engine: Any = None
        self._sessions: Callable[[], Any] | None = None
        self._kiosk: KioskRef | None = None
        # Check-in has a worker of its own (a verdict never waits behind a programme refresh):
        # opening and finding this kiosk are done once, whichever worker comes first.
        self._lock = threading.RLock()
        # CPU-heavy work on this database (sync, reindexing, statistics): in a process of its
        # own, so that it never holds the GIL against the GUI thread (ui.apart).
        self.apart = ApartProcess()
        # Why the database could not be opened (read-only, full, empty, damaged), for the
        # out-of-service screen; None once it opens. Written on the worker, read on the GUI
        # thread after the failure's queued signal.
        self.storage_fault: StorageError | None = None

    @property
    def url(self) -> str:
        return self._url

    @classmethod
    def for_settings(cls, settings: Settings) -> KioskDatabase:
        return cls(settings.database_url, settings)

    def session_factory(self) -> sessionmaker[Session]:
        """Sessions on the migrated database (opened on first call: worker thread only)."""
        sessions = self._open()
        return sessions  # type: ignore[return-value]

    def this_kiosk(self, now: datetime) -> KioskRef:
        """This kiosk's row (created on first start); records a kiosk writes carry its id."""
        with self._lock:
            return self._this_kiosk(now)

    def _this_kiosk(self, now: datetime) -> KioskRef:
        if self._kiosk is None:
            from kiosk.settings import Settings
            from kiosk.this_kiosk import register_kiosk

            settings = self._settings or Settings()
            self._kiosk = register_kiosk(self.session_factory(), settings, now)
            log.info("this kiosk is %s (id %d)", self._kiosk.code, self._kiosk.id)
        return self._kiosk

    def _open(self) -> Callable[[], Any]:
        with self._lock:
            return self._open_locked()

    def _open_locked(self) -> Callable[[], Any]:
        if self._sessions is None:
            from kiosk.db.engine import make_session_factory
            from kiosk.db.health import StorageError
            from kiosk.db.migrate import open_kiosk_database

            log.info("opening the database %s", masked_url(self._url))
            try:
                engine = open_kiosk_database(self._url)
            except StorageError as exc:
                if self.storage_fault is None or self.storage_fault.fault is not exc.fault:
                    log.error("the database cannot be used (%s): %s", exc.fault, exc.detail)
                self.storage_fault = exc
                raise
            self.storage_fault = None
            self._engine = engine
            self._sessions = make_session_factory(engine)
        return self._sessions

    def upcoming_events(self, now: datetime, limit: int) -> list[UpcomingEvent]:
        from kiosk.programme.agenda import upcoming_events

        sessions = self._open()
        with sessions() as session:
            return list(upcoming_events(session, now, limit))

    def close(self) -> None:
        self.apart.stop()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._sessions = None
            self._kiosk = None
