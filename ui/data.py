"""The kiosk's database as the screens need it, opened lazily on the worker thread.

Opening runs the schema migrations, which may take a while on a first start: it must not
happen on the GUI thread. Only :class:`ui.tasks.BackgroundExecutor`'s single worker calls in.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kiosk.domain import UpcomingEvent
from kiosk.settings import masked_url

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)


class KioskDatabase:
    def __init__(self, url: str) -> None:
        self._url = url
        self._engine: Any = None
        self._sessions: Callable[[], Any] | None = None

    def _open(self) -> Callable[[], Any]:
        if self._sessions is None:
            from kiosk.db.engine import create_db_engine, make_session_factory
            from kiosk.db.migrate import ensure_schema

            log.info("opening the database %s", masked_url(self._url))
            engine = create_db_engine(self._url)
            ensure_schema(engine)
            self._engine = engine
            self._sessions = make_session_factory(engine)
        return self._sessions

    def upcoming_events(self, now: datetime, limit: int) -> list[UpcomingEvent]:
        from kiosk.agenda import upcoming_events

        sessions = self._open()
        with sessions() as session:
            return list(upcoming_events(session, now, limit))

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._sessions = None
