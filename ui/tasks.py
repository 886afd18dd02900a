"""Work off the GUI thread, results back on it by queued signal (in the spirit of Anki's QueryOp).

One worker thread by default: database work is serialised, so a repository used only from
here needs no locking, and the GUI thread never waits on it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


def _log_failure(exc: BaseException) -> None:
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
            self._failed.emit(task_id, exc)
        else:
            self._done.emit(task_id, result)

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
