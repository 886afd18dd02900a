"""The wedge filter fed what real USB scanners send: Shift around capitals, AltGr, Caps Lock,
dead keys, programmed prefixes and suffixes, slow scanners and very long codes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from hardware.wedge import WedgeConfig, WedgeSuffix
from tests.helpers.keys import Scanner
from tests.ui.input.conftest import installed
from ui.input.wedge_filter import WedgeFilter

TICKET = "SCA.MZWAQ234567XY.ABCDEFGH"
ORDER = "SOA.K7QF2MX4"
AZERTY_SHIFTED = "0123456789."  # on a French host these need Shift too


def scans_of(wedge: WedgeFilter) -> list[str]:
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    return scans


@pytest.mark.parametrize("gap", [1, 8, 20, 40])
@pytest.mark.parametrize("code", [TICKET, ORDER, "abcdeFghij"])
def test_shift_around_each_capital_is_one_scan_at_any_scanner_speed(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit, gap: int, code: str
) -> None:
    scans = scans_of(wedge)
    Scanner(field).scan(code, gap)
    assert scans == [code.upper() if code.startswith("S") else "ABCDEFGHIJ"]
    assert field.text() == ""
    assert wedge.holding == 0


def test_an_azerty_host_shifts_the_digits_and_the_dot_too(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(wedge)
    Scanner(field, shifted=AZERTY_SHIFTED).scan(TICKET, 6)
    assert scans == [TICKET]
    assert field.text() == ""


def test_caps_lock_on_turns_shifted_capitals_into_small_letters_and_it_still_reads(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(wedge)
    scanner = Scanner(field, caps_lock=True)
    scanner.key(Qt.Key.Key_CapsLock, "", 400)  # the person switched it on earlier
    scanner.t += 800
    scanner.scan(TICKET, 5)
    assert scans == [TICKET]
    assert field.text() == ""


def test_altgr_characters_and_dead_keys_do_not_break_a_burst(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(wedge)
    scanner = Scanner(field, altgr="€")
    for char in "REF€":
        scanner.char(char, 5)
    scanner.key(Qt.Key.Key_Dead_Circumflex, "", 5)  # a dead key types nothing by itself...
    scanner.key(Qt.Key.Key_E, "ê", 5)  # ...the next key carries the composed letter
    for char in "TAGE42":
        scanner.char(char, 5)
    scanner.key(Qt.Key.Key_Return, "\r", 5)
    assert scans == ["REF€êTAGE42"]
    assert field.text() == ""


def test_a_long_code_of_three_thousand_characters_is_one_scan(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(wedge)
    code = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" * 94)[:3000]
    Scanner(field).scan(code, 2)
    assert scans == [code]
    assert field.text() == ""
    assert wedge.holding == 0


def test_a_person_typing_capitals_with_shift_gets_them_in_the_field(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(wedge)
    person = Scanner(field)
    for char in "Dupont Marie":
        person.char(char, 110)
        qtbot.waitUntil(lambda: wedge.holding == 0, timeout=1000)
    person.key(Qt.Key.Key_Return, "\r", 110)
    assert field.text() == "Dupont Marie"
    assert scans == []


def test_keypad_keys_are_never_part_of_a_scan(
    qtbot: QtBot, wedge: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(wedge)
    t = 10_000
    for char in "84268426":  # the speech-access mode moves with the keypad, however fast
        t += 3
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key(ord(char)), Qt.KeyboardModifier.KeypadModifier, char)
            event.setTimestamp(t)
            QApplication.sendEvent(field, event)
    Scanner(field).key(Qt.Key.Key_Enter, "\r", 3)
    assert scans == []
    assert field.text() == "84268426"


@pytest.fixture
def no_suffix(qapp: Any) -> Iterator[WedgeFilter]:
    yield from installed(qapp, WedgeConfig(suffix=WedgeSuffix.NONE))


def test_a_scanner_with_no_suffix_ends_its_scan_by_silence(
    qtbot: QtBot, no_suffix: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(no_suffix)
    Scanner(field).scan(TICKET, 5, end=None)
    qtbot.waitUntil(lambda: scans == [TICKET], timeout=1000)
    assert field.text() == ""
    person = Scanner(field)  # and a person still types into the field
    for char in "Lucie":
        person.char(char, 120)
        qtbot.waitUntil(lambda: no_suffix.holding == 0, timeout=1000)
    assert field.text() == "Lucie"
    assert scans == [TICKET]


@pytest.fixture
def prefixed(qapp: Any) -> Iterator[WedgeFilter]:
    yield from installed(qapp, WedgeConfig(prefix="]Q", suffix=WedgeSuffix.TAB))


def test_a_programmed_prefix_is_required_and_removed(
    qtbot: QtBot, prefixed: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(prefixed)
    Scanner(field).scan("]Q" + TICKET, 4, end="\t")
    assert scans == [TICKET]
    Scanner(field).scan("NOPREFIX1", 4, end="\t")  # not from the programmed scanner
    qtbot.waitUntil(lambda: prefixed.holding == 0, timeout=1000)
    assert field.text() == "NOPREFIX1"
    assert scans == [TICKET]


def test_with_a_tab_suffix_return_ends_no_scan(
    qtbot: QtBot, prefixed: WedgeFilter, field: QLineEdit
) -> None:
    scans = scans_of(prefixed)
    Scanner(field).scan("]Q" + TICKET, 4, end="\r")
    qtbot.waitUntil(lambda: prefixed.holding == 0, timeout=1000)
    assert scans == []
