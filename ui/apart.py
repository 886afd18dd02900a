"""CPU-heavy kiosk work in a process of its own, at a low CPU priority.

A Python thread that computes holds the GIL: the GUI thread then waits for it at each switch
(bench/print_stall.py: one busy thread stalls the GUI for up to 175 ms on a loaded 2-core
machine), and the cycle collector, which runs on the GUI thread (``ui.app.gc_guard``), has to
walk everything the worker allocated. The Smart Tour's sync, the documents' reindexing and
the quarter's statistics therefore run in a child process under ``nice``: the worker thread
that asks (``ui.tasks``) only waits for the answer, which releases the GIL.

The child is spawned (never forked from a process running Qt threads) on the first job and
kept for the next ones; it imports this module and what each job needs, never Qt — so this
module imports no Qt either, and each job is a plain function of picklable arguments.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import ProcessPoolExecutor
    from datetime import datetime
    from multiprocessing.synchronize import Event

    from sqlalchemy import Engine

    from kiosk.ports import Clock
    from kiosk.settings import Settings
    from kiosk.stats.dashboard import Dashboard
    from kiosk.stats.periods import Quarter
    from kiosk.sync.tour import ConflictLine, SyncStatus

log = logging.getLogger(__name__)

NICENESS: Final = 10  # the GUI process keeps the cores it needs; the child has the rest


class ApartProcess:
    """One low-priority worker process; :meth:`run` is called from worker threads only."""

    def __init__(self, niceness: int = NICENESS) -> None:
        # multiprocessing and its semaphore are made on the first job: every kiosk builds this
        # before its first paint, and most never need it in their first minutes.
        self._niceness = niceness
        self._stop: Event | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def run[T](self, job: Callable[..., T], /, *args: Any) -> T:
        """``job(*args)`` in the child; its result or its exception here (blocks: worker only)."""
        with self._lock:
            if self._pool is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                context = multiprocessing.get_context("spawn")
                self._stop = context.Event()
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=context,
                    initializer=_child_started,
                    initargs=(self._niceness, self._stop),
                )
            future = self._pool.submit(job, *args)
        return future.result()

    def stop(self) -> None:
        """At shutdown: a long job stops at its next step (a sync batch), then the child ends.
        A later :meth:`run` starts a new one."""
        with self._lock:
            pool, self._pool = self._pool, None
            stop, self._stop = self._stop, None
        if stop is not None:
            stop.set()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


# --- in the child ---------------------------------------------------------------------------

_stopping: Event | None = None
_engines: dict[str, Engine] = {}


def _child_started(niceness: int, stop: Event) -> None:
    global _stopping
    _stopping = stop
    os.nice(niceness)


def _stop_requested() -> bool:
    return _stopping is not None and _stopping.is_set()


def _engine(url: str) -> Engine:
    """One engine per database for the child's life, on the schema the kiosk migrated."""
    if url not in _engines:
        from kiosk.db.migrate import open_kiosk_database

        _engines[url] = open_kiosk_database(url)
    return _engines[url]


def quarter_dashboard(url: str, quarter: Quarter, now: datetime) -> Dashboard:
    """The statistics screen's figures (``kiosk.stats.dashboard``)."""
    from kiosk.db.engine import make_session_factory
    from kiosk.stats.dashboard import quarter_dashboard

    with make_session_factory(_engine(url))() as session:
        return quarter_dashboard(session, quarter, now)


def sync_once(
    settings: Settings, clock: Clock, conflicts_shown: int
) -> tuple[SyncStatus | None, list[ConflictLine]]:
    """The Smart Tour's sync with the central database (``kiosk.sync.setup.sync_once``), then
    where things stand and the latest conflicts."""
    from kiosk.sync.setup import sync_once
    from kiosk.sync.tour import recent_conflicts

    local = _engine(settings.database_url)
    status = sync_once(local, settings, clock, _stop_requested)
    with local.connect() as conn:
        return status, recent_conflicts(conn, conflicts_shown)


def reindex(settings: Settings) -> bool:
    """Bring this kiosk's document index in line with the catalogue; whether it changed."""
    from kiosk.db.engine import make_session_factory
    from kiosk.documents.index import open_index
    from kiosk.documents.library import index_path, sync_index

    index = open_index(index_path(settings.paths))
    try:
        with make_session_factory(_engine(settings.database_url))() as session:
            return sync_index(session, index).changed
    finally:
        index.close()
