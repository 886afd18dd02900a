"""Reference cycles holding Qt objects are freed on the GUI thread, never by a worker."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui.app.gc_guard import GuiThreadCollector


class Screenish:
    """A Python object in a cycle with a Qt object, as a screen and its connected lambda."""

    def __init__(self) -> None:
        self.qobject = QObject()
        self.me = self


def test_a_cycle_with_a_qt_object_is_collected_by_the_gui_thread_timer(
    qtbot: QtBot, qapp: Any
) -> None:
    collector = GuiThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        cycle = Screenish()
        ref = weakref.ref(cycle)
        del cycle

        kept: list[list[list[int]]] = []

        def allocate() -> None:  # containers kept alive: far past the youngest threshold
            kept.append([[n] for n in range(50_000)])

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert ref() is not None  # the worker's allocations collected nothing
        assert gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(lambda: ref() is None, timeout=3000)  # the GUI thread's timer did
    finally:
        collector.stop()
    assert not gc.isenabled()  # it was off before (the test session's own guard): stays off


def test_after_the_first_paint_nothing_is_collected_until_the_kiosk_settles(
    qtbot: QtBot, qapp: Any
) -> None:
    """The warm-ups' imports fill the young generation; collecting it on the GUI thread then
    stalled the screen for 50-70 ms every half second. Start-up's objects are frozen instead,
    and cycles made once settled are collected as before."""
    collections: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    collector = GuiThreadCollector(interval_ms=20, start=False)
    gc.callbacks.append(record)
    try:
        collector.start_after_start_up(settle_ms=300)
        kept = [[n] for n in range(50_000)]  # a warm-up's allocations, past the threshold
        with qtbot.waitSignal(collector.settled, timeout=3000):
            pass
        assert collections == []
        assert gc.get_freeze_count() >= len(kept)

        cycle = Screenish()
        ref = weakref.ref(cycle)
        del cycle
        kept.append([[n] for n in range(50_000)])
        qtbot.waitUntil(lambda: ref() is None, timeout=3000)  # the timer collects again
        assert collections
    finally:
        gc.callbacks.remove(record)
        collector.stop()
        gc.unfreeze()
