"""WorkerDesk, the one way off the GUI thread: its own worker or the kiosk's shared one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ports import FixedClock
from ui.tasks import BackgroundExecutor, WorkerDesk

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class FakeSession:
    """Stands for a SQLAlchemy session: the desk only opens and closes it."""

    closed = False


class PlaceDesk(WorkerDesk[str]):
    WHAT = "a test capability"

    def __init__(self, *, fail_with: str | None = None, **kwargs: Any) -> None:
        super().__init__(FixedClock(NOW), **kwargs)
        self.fail_with = fail_with
        self.opened_on: threading.Thread | None = None
        self.sessions: list[FakeSession] = []

    def _open(self) -> str:
        with self._lock:
            if self.fail_with is not None:
                raise RuntimeError(self.fail_with)
            self.opened_on = threading.current_thread()

            @contextmanager
            def session() -> Iterator[FakeSession]:
                opened = FakeSession()
                self.sessions.append(opened)
                yield opened
                opened.closed = True

            self._sessions = session  # type: ignore[assignment]
            return "Smart Room"


@pytest.fixture
def shared(qapp: Any) -> Iterator[BackgroundExecutor]:
    executor = BackgroundExecutor(threads=1)
    yield executor
    executor.wait()
    executor.deleteLater()


def test_a_call_that_fails_reaches_its_on_error_on_the_gui_thread(qtbot: QtBot, qapp: Any) -> None:
    desk = PlaceDesk()
    failures: list[tuple[str, threading.Thread]] = []

    def work() -> int:
        raise ValueError("index unreadable")

    desk.call(work, lambda _: pytest.fail("no result expected"),
              lambda exc: failures.append((str(exc), threading.current_thread())))  # fmt: skip
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures == [("index unreadable", threading.main_thread())]
    assert desk.pending == 0
    desk.wait()


def test_a_desk_on_the_shared_worker_runs_in_turn_with_the_kiosks_other_work(
    qtbot: QtBot, shared: BackgroundExecutor
) -> None:
    desk = PlaceDesk(executor=shared)
    gate = threading.Event()
    order: list[str] = []
    shared.submit(lambda: gate.wait(5), lambda _: order.append("earlier work"))
    desk.run(lambda session, place, now: (place, now), lambda answer: order.append(answer[0]))
    shared.submit(lambda: None, lambda _: order.append("later work"))
    assert desk.pending == 3  # the shared worker's queue is the desk's queue
    gate.set()
    qtbot.waitUntil(lambda: len(order) == 3, timeout=5000)
    assert order == ["earlier work", "Smart Room", "later work"]
    assert desk.opened_on is not threading.main_thread()
    assert [s.closed for s in desk.sessions] == [True]  # a fresh session, closed after


def test_a_warm_up_that_fails_says_why(qtbot: QtBot, qapp: Any) -> None:
    desk = PlaceDesk(fail_with="no database")
    with qtbot.waitSignal(desk.unavailable, timeout=5000) as signal:
        desk.warm_up()
    assert signal.args == ["no database"]
    desk.wait()


def test_an_executor_deleted_while_its_task_runs_drops_the_outcome_quietly(qtbot: QtBot) -> None:
    """A screen closed while its worker still runs: the executor's pool waits for the task in
    the executor's destructor, then the task's outcome has no one to go to. It used to raise
    "Signal source has been deleted" on the worker thread."""
    import shiboken6

    executor = BackgroundExecutor()
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    delivered: list[object] = []

    def work() -> str:
        started.set()
        release.wait(10)
        finished.set()
        return "done"

    executor.submit(work, delivered.append)
    assert started.wait(10)
    # released once the executor is going (``destroyed`` comes before its children, the pool,
    # are deleted): the task ends while the pool's destructor waits for it
    executor.destroyed.connect(lambda: release.set())
    with qtbot.captureExceptions() as exceptions:  # the worker's raise went to the excepthook
        shiboken6.delete(executor)  # returns once the pool has waited for the task
    assert finished.is_set()
    assert exceptions == []
    assert delivered == []
