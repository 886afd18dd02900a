"""Work off the GUI thread, results back on it by queued signal (in the spirit of Anki's QueryOp).

One worker thread by default: database work is serialised, so a repository used only from
here needs no locking, and the GUI thread never waits on it.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from kiosk.ports import Clock

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


def _log_failure(exc: BaseException) -> None:
    """What a task without its own error handler leaves: one line when the storage is known to
    fail (a read-only or full data folder: the database said why when it would not open), the
    stack for anything else."""
    from kiosk.db.health import StorageError

    if isinstance(exc, StorageError):
        log.error("background task failed: %s", exc)
    else:
        log.error("background task failed", exc_info=exc)


class BackgroundExecutor(QObject):
    # Emitted from the worker thread; the receiver lives on the GUI thread, so they are queued.
    _done = Signal(int, object)
    _failed = Signal(int, object)

    def __init__(self, threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[OnDone, OnError]] = {}
        self._done.connect(self._deliver_result)
        self._failed.connect(self._deliver_failure)

    def submit(
        self, work: Callable[[], Any], on_done: OnDone, on_error: OnError | None = None
    ) -> None:
        """Run ``work()`` on the worker, then ``on_done(result)`` or ``on_error(exc)`` here."""
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error or _log_failure)
        self._pool.start(lambda: self._run(task_id, work))

    def _run(self, task_id: int, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except Exception as exc:  # handed to on_error on the GUI thread, never swallowed
            self._emit(self._failed, task_id, exc)
        else:
            self._emit(self._done, task_id, result)

    def _emit(self, signal: Any, task_id: int, payload: object) -> None:
        """Hand the outcome to the GUI thread, unless this executor's owner was deleted while
        the task ran (its screen closed): the pool, its child, waits for the task in the
        executor's destructor, and the callbacks went with the owner. Work that must not be
        lost is written by the task itself, in its transaction, never by a callback."""
        try:
            signal.emit(task_id, payload)
        except RuntimeError:  # "Signal source has been deleted"
            log.debug("task %d finished after its executor was deleted: outcome dropped", task_id)

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (at shutdown only: the GUI thread must not wait)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _deliver_result(self, task_id: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(task_id)
        on_done(result)

    @Slot(int, object)
    def _deliver_failure(self, task_id: int, exc: BaseException) -> None:
        _, on_error = self._callbacks.pop(task_id)
        on_error(exc)


class WorkerDesk[P](QObject):
    """A capability's door to the database and the outside world: the one way off the GUI thread.

    :meth:`warm_up` runs :meth:`_open` on the worker — importing the domain, opening the
    database, loading keys, finding where this kiosk stands (``P``) — then emits ``ready``, or
    ``unavailable`` with the reason. Every later call runs on the same worker, in order, with
    a fresh session (:meth:`run`) or none (:meth:`call`). ``WHAT`` names the capability in the
    log.

    The worker is the desk's own (check-in, Click & Collect, the document index, the sync: none
    may wait behind another capability's work), or the kiosk's shared one passed as
    ``executor`` (the help queue: a few light queries that may well wait their turn).
    """

    ready = Signal()
    unavailable = Signal(str)
    WHAT = "this capability"

    def __init__(
        self,
        clock: Clock,
        parent: QObject | None = None,
        *,
        executor: BackgroundExecutor | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._executor = executor or BackgroundExecutor(threads=1, parent=self)
        self._lock = threading.Lock()  # _open: the warm-up and a first call may race for it
        self._sessions: Callable[[], Session] | None = None

    def _open(self) -> P:
        """On the worker, under ``self._lock``'s care: set ``_sessions``, return the place."""
        raise NotImplementedError

    def warm_up(self) -> None:
        """Open everything on the worker; emits ``ready`` or ``unavailable``."""
        self._executor.submit(self._open, lambda _: self.ready.emit(), self._report_unavailable)

    def _report_unavailable(self, exc: BaseException) -> None:
        log.error("%s unavailable on this kiosk: %s", self.WHAT, exc)
        self.unavailable.emit(str(exc))

    def run[T](
        self,
        work: Callable[[Session, P, datetime], T],
        on_done: Callable[[T], None],
        on_error: OnError | None = None,
    ) -> None:
        """``work(session, place, now)`` on the worker with a fresh session; ``now`` is the
        moment of the call (the scan, the tap), not when the worker gets to it."""
        now = self.clock.now()

        def task() -> T:
            place = self._open()
            assert self._sessions is not None
            with self._sessions() as session:
                return work(session, place, now)

        self._executor.submit(task, on_done, on_error)

    def call[T](
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: OnError | None = None,
    ) -> None:
        """Anything else that must not run on the GUI thread, in order with the other calls
        (no session, not even the warm-up's: a search in a local index, a network probe)."""
        self._executor.submit(work, on_done, on_error)

    @property
    def pending(self) -> int:
        return self._executor.pending

    def wait(self, msecs: int = -1) -> bool:
        """At shutdown (and in tests) only: the GUI thread must not wait."""
        return self._executor.wait(msecs)
