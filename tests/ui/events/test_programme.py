"""The programme is loaded on a worker thread, shown on the attract screen and in the agenda."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QScroller
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeProgramme
from ui.events.agenda import EventRole
from ui.events_feed import EventsFeed, FeedState
from ui.tasks import BackgroundExecutor


def test_work_runs_off_the_gui_thread_and_reports_back_on_it(qtbot: QtBot) -> None:
    executor = BackgroundExecutor()
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def on_done(result: int) -> None:
        seen["callback"] = threading.get_ident()
        done(result)

    with qtbot.waitCallback() as done:
        executor.submit(work, on_done)
    done.assert_called_with(42)
    assert seen["worker"] != gui
    assert seen["callback"] == gui
    assert executor.wait(5000)


def test_a_failure_reaches_on_error(qtbot: QtBot) -> None:
    executor = BackgroundExecutor()

    def work() -> None:
        raise RuntimeError("database unreachable")

    with qtbot.waitCallback() as failed:
        executor.submit(work, lambda _: None, failed)
    assert isinstance(failed.args[0], RuntimeError)
    assert executor.pending == 0
    assert executor.wait(5000)


def test_attract_fills_its_events_once_loaded(
    qtbot: QtBot, shell: Any, programme: FakeProgramme
) -> None:
    qtbot.waitUntil(lambda: shell.feed.state is FeedState.READY)
    assert len(programme.calls) == 1
    assert programme.calls[0][1] >= shell.settings.attract_events
    qtbot.waitUntil(lambda: shell.attract.events.visible_count() == 3)


def test_agenda_lists_the_programme_in_one_view(
    qtbot: QtBot, shell: Any, programme: FakeProgramme
) -> None:
    qtbot.waitUntil(lambda: shell.feed.state is FeedState.READY)
    qtbot.mouseClick(shell.attract, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))  # not on a card
    events = next(t for t in shell.router.current.tiles if t.capability.key == "events")
    qtbot.mouseClick(events, Qt.MouseButton.LeftButton)
    agenda = shell.router.current
    assert agenda.key == "events"
    model = agenda.view.model()
    assert model.rowCount() == 3
    assert model.index(1, 0).data(EventRole) == programme.events[1]
    assert agenda.view.isVisible()
    assert QScroller.hasScroller(agenda.view.viewport())  # kinetic scrolling


def test_a_failed_load_says_so_and_keeps_the_last_good_programme(
    qtbot: QtBot, shell: Any, programme: FakeProgramme
) -> None:
    qtbot.waitUntil(lambda: shell.feed.state is FeedState.READY)
    programme.error = RuntimeError("database unreachable")
    with qtbot.waitSignal(shell.feed.changed):
        shell.feed.refresh()
    assert shell.feed.state is FeedState.READY
    assert len(shell.feed.events) == 3


def test_agenda_says_when_the_programme_is_unavailable(
    qtbot: QtBot, make_shell: Any, programme: FakeProgramme
) -> None:
    programme.error = RuntimeError("database unreachable")
    shell = make_shell()
    qtbot.waitUntil(lambda: shell.feed.state is FeedState.FAILED)
    shell.router.go("events")
    assert shell.router.current.empty.text() == "Le programme n’est pas disponible pour le moment."


def test_the_programme_is_refreshed_periodically(qtbot: QtBot, clock: Any) -> None:
    programme = FakeProgramme()
    executor = BackgroundExecutor()
    feed = EventsFeed(programme, executor, clock, limit=10, refresh_ms=20)
    feed.start()
    qtbot.waitUntil(lambda: len(programme.calls) >= 3)
    feed.stop()
    assert executor.wait(5000)
