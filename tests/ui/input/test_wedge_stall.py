"""A scanner keeps typing while the GUI thread is busy: the burst must still be one scan.

When the GUI thread is blocked (loading a library, a slow paint), the X server queues the
scanner's keys and hands them over all at once when the thread comes back - each with the
time it was really typed, but only after the timers that fell due meanwhile. The filter's
"silence" must not be decided by such a timer: the keys were typed a few ms apart.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from hardware.wedge import WedgeConfig, WedgeSuffix
from tests.helpers.keys import Scanner
from tests.ui.input.conftest import installed
from ui.input.wedge_filter import HOLD_MS, WedgeFilter

TICKET = "SCA.MZWAQ234567XY.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
SCANNER_GAP_MS = 6
STALL_MS = 300  # a GUI thread busy for that long (QtMultimedia loaded on it took 130-250 ms)
CUT = 20  # characters delivered before the stall


def stall_gui_thread(ms: int) -> None:
    """Block the GUI thread the way a long slot does: no event is read meanwhile.

    This is the condition under test, not a wait for one: nothing is to be awaited.
    """
    threading.Event().wait(ms / 1000)


def deliver_after_due_timers(deliver: Any) -> None:
    """Run ``deliver`` at the next turn of the event loop, after every timer already due: what
    X does with the keys it queued (a zero timer would be a posted event, delivered first)."""
    QTimer.singleShot(1, deliver)


@pytest.fixture
def no_suffix(qapp: Any) -> Iterator[WedgeFilter]:
    yield from installed(qapp, WedgeConfig(suffix=WedgeSuffix.NONE))


def scans_of(wedge: WedgeFilter) -> list[str]:
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    return scans


@pytest.mark.parametrize("end", ["\r", "\t"])
def test_a_burst_the_gui_thread_receives_late_and_all_at_once_is_one_scan(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit, end: str
) -> None:
    scans = scans_of(wedge)
    scanner = Scanner(field)
    scanner.scan(TICKET[:CUT], SCANNER_GAP_MS, end=None)  # read as it is typed
    assert wedge.holding
    stall_gui_thread(STALL_MS)  # meanwhile the scanner types the rest, X queues it
    deliver_after_due_timers(lambda: scanner.scan(TICKET[CUT:], SCANNER_GAP_MS, end=end))
    qtbot.waitUntil(lambda: bool(scans), timeout=2000)
    assert scans == [TICKET]
    assert field.text() == ""  # not one key of it leaked into the field
    assert wedge.holding == 0


def test_a_scanner_with_no_suffix_is_not_ended_by_a_stall_in_the_middle(
    qtbot: QtBot, no_suffix: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(no_suffix)
    scanner = Scanner(field)
    scanner.scan(TICKET[:CUT], SCANNER_GAP_MS, end=None)
    stall_gui_thread(STALL_MS)
    deliver_after_due_timers(lambda: scanner.scan(TICKET[CUT:], SCANNER_GAP_MS, end=None))
    qtbot.waitUntil(lambda: bool(scans), timeout=2000)
    assert scans == [TICKET]
    qtbot.wait(HOLD_MS * 3)  # and no second, cut-off scan comes later
    assert scans == [TICKET]
    assert field.text() == ""


def test_a_person_typing_during_a_stall_still_gets_the_keys_once_the_thread_is_free(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(wedge)
    person = Scanner(field)
    person.scan("Lu", 120, end=None)
    stall_gui_thread(STALL_MS)
    deliver_after_due_timers(lambda: person.scan("cie", 120, end=None))
    qtbot.waitUntil(lambda: field.text() == "Lucie", timeout=2000)
    assert scans == []
