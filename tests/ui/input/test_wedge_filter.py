"""The keyboard-wedge filter: scanner bursts become one scan, people's typing reaches the field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hardware.wedge import MAX_GAP_MS, WedgeLayout, typed_as
from tests.helpers.keys import Keyboard, qt_key
from ui.input.wedge_filter import HOLD_MS, WedgeFilter

TICKET = "SCA.MZWAQ234567XY.ABCDEFGH"
SCANNER_GAP_MS = 4  # what a USB scanner leaves between keys (1-20 ms)
HUMAN_GAP_MS = 120


class Field(QLineEdit):
    """A text field that remembers every key event it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[tuple[str, str]] = []
        self.returns: list[str] = []
        self.returnPressed.connect(lambda: self.returns.append(self.text()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append(("press", event.text()))
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        self.keys.append(("release", event.text()))
        super().keyReleaseEvent(event)


@pytest.fixture
def wedge(qapp: Any) -> Iterator[WedgeFilter]:
    wedge = WedgeFilter()
    wedge.install(qapp)
    yield wedge
    wedge.uninstall()
    wedge.deleteLater()


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, Field, Field]:
    window = QWidget()
    first, second = Field(), Field()
    layout = QVBoxLayout(window)
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    first.setFocus()
    return window, first, second


def scans_of(wedge: WedgeFilter) -> list[str]:
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    return scans


@pytest.mark.parametrize("layout", list(WedgeLayout))
def test_a_scanner_burst_in_a_text_field_is_one_scan_and_leaves_the_field_alone(
    qtbot: QtBot, wedge: WedgeFilter, form: Any, layout: WedgeLayout
) -> None:
    _, field, _ = form
    scans = scans_of(wedge)
    Keyboard(field).type(typed_as(TICKET, layout), SCANNER_GAP_MS)
    assert scans == [TICKET]
    assert field.keys == []  # not one press or release leaked, Enter included
    assert field.returns == []
    assert wedge.holding == 0
    qtbot.wait(HOLD_MS * 3)  # nothing held back comes out later either
    assert field.text() == ""


@pytest.mark.parametrize("layout", list(WedgeLayout))
def test_a_person_typing_gets_every_key_in_order(
    qtbot: QtBot, wedge: WedgeFilter, form: Any, layout: WedgeLayout
) -> None:
    _, field, _ = form
    scans = scans_of(wedge)
    typed = typed_as("SCA.ZAWM2", layout)
    keyboard = Keyboard(field)
    for char in typed:  # at human speed, with the event loop running between keys
        keyboard.key(qt_key(char), char, HUMAN_GAP_MS)
        qtbot.waitUntil(lambda: wedge.holding == 0, timeout=1000)
    keyboard.key(Qt.Key.Key_Return, "\r", HUMAN_GAP_MS)
    assert field.text() == typed
    assert field.returns == [typed]
    assert scans == []


def test_a_burst_sent_by_a_person_too_short_is_typing_and_enter_comes_after_it(
    qtbot: QtBot, wedge: WedgeFilter, form: Any
) -> None:
    _, field, _ = form
    scans = scans_of(wedge)
    Keyboard(field).type("oui", SCANNER_GAP_MS)
    assert field.returns == ["oui"]  # held keys sent on first, then the Enter
    assert scans == []


def test_fast_keys_then_a_slow_enter_are_typing(
    qtbot: QtBot, wedge: WedgeFilter, form: Any
) -> None:
    _, field, _ = form
    scans = scans_of(wedge)
    Keyboard(field).type("BONJOURMADAME", SCANNER_GAP_MS, end_gap_ms=MAX_GAP_MS + 40)
    assert field.returns == ["BONJOURMADAME"]
    assert scans == []


def test_typing_then_a_scan_keeps_the_typing_and_makes_the_scan(
    qtbot: QtBot, wedge: WedgeFilter, form: Any
) -> None:
    _, field, _ = form
    scans = scans_of(wedge)
    keyboard = Keyboard(field)
    keyboard.type("Nom", HUMAN_GAP_MS, end=None)
    keyboard.t += 60  # the scanner starts 64 ms after the person's last key
    keyboard.type(TICKET, SCANNER_GAP_MS)
    assert scans == [TICKET]
    assert field.text() == "Nom"


def test_held_keys_come_out_by_themselves_after_a_pause(
    qtbot: QtBot, wedge: WedgeFilter, form: Any
) -> None:
    _, field, _ = form
    Keyboard(field).type("SCA.ABC", SCANNER_GAP_MS, end=None)  # a burst that never ends
    assert field.text() == ""
    assert wedge.holding > 0
    qtbot.waitUntil(lambda: field.text() == "SCA.ABC", timeout=1000)
    assert [kind for kind, _ in field.keys] == ["press", "release"] * 7


def test_a_non_printable_key_sends_the_held_keys_before_it(
    qtbot: QtBot, wedge: WedgeFilter, form: Any
) -> None:
    _, field, _ = form
    keyboard = Keyboard(field)
    keyboard.type("abcd", SCANNER_GAP_MS, end=None)
    keyboard.key(Qt.Key.Key_Backspace, "\b", SCANNER_GAP_MS)
    assert field.text() == "abc"


def test_a_key_held_down_repeats_into_the_field(
    qtbot: QtBot, wedge: WedgeFilter, form: Any
) -> None:
    _, field, _ = form
    scans = scans_of(wedge)
    keyboard = Keyboard(field)
    keyboard.key(Qt.Key.Key_E, "e", HUMAN_GAP_MS)
    for _ in range(10):  # auto-repeat: as fast as a scanner
        keyboard.key(Qt.Key.Key_E, "e", 30, repeat=True)
    keyboard.key(Qt.Key.Key_Return, "\r", 30)
    qtbot.waitUntil(lambda: field.text() == "e" * 11, timeout=1000)
    assert scans == []


def test_keys_go_back_to_the_field_they_were_typed_in(
    qtbot: QtBot, wedge: WedgeFilter, form: Any
) -> None:
    _, first, second = form
    Keyboard(first).type("ab", SCANNER_GAP_MS, end=None)
    second.setFocus()
    Keyboard(second).type("cd", HUMAN_GAP_MS, end=None)
    qtbot.waitUntil(lambda: wedge.holding == 0, timeout=1000)
    assert (first.text(), second.text()) == ("ab", "cd")


def test_a_scan_with_no_text_field_anywhere(qtbot: QtBot, wedge: WedgeFilter) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    scans = scans_of(wedge)
    Keyboard(page).type(TICKET, SCANNER_GAP_MS, end="\t")
    assert scans == [TICKET]


def test_the_layout_proved_by_one_scan_repairs_the_next(
    qtbot: QtBot, wedge: WedgeFilter, form: Any
) -> None:
    _, field, _ = form
    scans = scans_of(wedge)
    keyboard = Keyboard(field)
    keyboard.type(typed_as(TICKET, WedgeLayout.US_ON_AZERTY), SCANNER_GAP_MS)
    keyboard.t += 500
    keyboard.type(typed_as("QAZWXY", WedgeLayout.US_ON_AZERTY), SCANNER_GAP_MS)
    assert scans == [TICKET, "QAZWXY"]


def test_with_real_timing_from_qtest(qtbot: QtBot, wedge: WedgeFilter, form: Any) -> None:
    """QTest's own events, with real time between them (the reference's measurement)."""
    _, field, _ = form
    scans = scans_of(wedge)
    qtbot.keyClicks(field, "SCA.ABCDEFG")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["SCA.ABCDEFG"]
    qtbot.keyClicks(field, "Lucie", delay=80)
    qtbot.waitUntil(lambda: field.text() == "Lucie", timeout=1000)
    qtbot.keyClick(field, Qt.Key.Key_Return, delay=80)
    assert field.returns == ["Lucie"]
    assert scans == ["SCA.ABCDEFG"]


def test_uninstalled_it_lets_everything_through(qtbot: QtBot, qapp: Any, form: Any) -> None:
    _, field, _ = form
    wedge = WedgeFilter()
    wedge.install(qapp)
    wedge.uninstall()
    Keyboard(field).type("SCA.ABCDEF", SCANNER_GAP_MS)
    assert field.returns == ["SCA.ABCDEF"]
