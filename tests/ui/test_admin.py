"""Hidden admin access: five taps in the top-right corner, then the PIN pad and its lockout."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kiosk.ports import FixedClock
from tests.ui.conftest import NOW


def tap(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def corner_taps(qtbot: QtBot, shell: Any, count: int = 5) -> None:
    corner = shell.window.admin_corner
    for _ in range(count):
        tap(qtbot, corner)


def enter(qtbot: QtBot, pin_screen: Any, code: str) -> None:
    for digit in code:
        tap(qtbot, pin_screen.keys[digit])
    tap(qtbot, pin_screen.validate)


@pytest.fixture
def pin_pad(qtbot: QtBot, shell: Any) -> Any:
    tap(qtbot, shell.attract)
    corner_taps(qtbot, shell)
    assert shell.router.current_key == "pin"
    return shell.router.current


def test_the_corner_sits_in_the_top_right_of_the_window(shell: Any) -> None:
    corner = shell.window.admin_corner
    assert corner.geometry().topRight() == QPoint(shell.window.width() - 1, 0)
    assert corner.width() == corner.height() == 120
    assert shell.window.childAt(shell.window.width() - 10, 10) is corner


@pytest.mark.parametrize("start", ["attract", "home", "events"])
def test_five_corner_taps_open_the_pin_pad_from_any_screen(
    qtbot: QtBot, shell: Any, start: str
) -> None:
    shell.router.go(start)
    corner_taps(qtbot, shell)
    assert shell.router.current_key == "pin"
    assert not shell.window.bottom_bar.isVisible()


def test_four_taps_are_not_enough(qtbot: QtBot, shell: Any) -> None:
    corner_taps(qtbot, shell, 4)
    assert shell.router.current_key == "attract"  # corner taps do not reach the screen below


def test_taps_spread_over_more_than_three_seconds_do_not_count(qtbot: QtBot, shell: Any) -> None:
    now = [1000.0]
    shell.window.admin_corner.monotonic = lambda: now[0]
    for _ in range(4):
        tap(qtbot, shell.window.admin_corner)
        now[0] += 1.0
    tap(qtbot, shell.window.admin_corner)  # 5th tap, 4 s after the first
    assert shell.router.current_key == "attract"
    tap(qtbot, shell.window.admin_corner)  # taps 3 to 6 are within 3 s, but only four
    tap(qtbot, shell.window.admin_corner)
    assert shell.router.current_key == "pin"


def test_digits_are_masked(qtbot: QtBot, pin_pad: Any) -> None:
    for digit in "135":
        tap(qtbot, pin_pad.keys[digit])
    assert "1" not in pin_pad.dots.text()
    assert pin_pad.dots.text().count("●") == 3
    assert not pin_pad.validate.isEnabled()  # 4 digits at least
    tap(qtbot, pin_pad.clear)
    assert pin_pad.dots.text().count("●") == 0


def test_right_pin_opens_the_admin_screen(qtbot: QtBot, shell: Any, pin_pad: Any) -> None:
    enter(qtbot, pin_pad, "2468")
    assert shell.router.current_key == "admin"
    tap(qtbot, shell.router.current.back)
    assert shell.router.current_key == "home"  # the PIN pad is not in the history


def test_wrong_pin_says_how_many_attempts_remain(qtbot: QtBot, pin_pad: Any) -> None:
    enter(qtbot, pin_pad, "1111")
    assert pin_pad.message_text == "Code incorrect — il reste 4 essais"
    for _ in range(3):
        enter(qtbot, pin_pad, "1111")
    assert pin_pad.message_text == "Code incorrect — il reste 1 essai"


def test_five_wrong_pins_lock_until_the_lock_ends(
    qtbot: QtBot, shell: Any, pin_pad: Any, clock: FixedClock
) -> None:
    for _ in range(5):
        enter(qtbot, pin_pad, "1111")
    assert pin_pad.message_text == "Trop d’essais\u202f: code refusé jusqu’à 14:32"
    clock.set(NOW + timedelta(minutes=4, seconds=59))
    enter(qtbot, pin_pad, "2468")
    assert shell.router.current_key == "pin"
    assert pin_pad.message_text == "Trop d’essais\u202f: code refusé jusqu’à 14:32"
    clock.set(NOW + timedelta(minutes=5))
    enter(qtbot, pin_pad, "2468")
    assert shell.router.current_key == "admin"


def test_the_lock_survives_leaving_the_pin_pad(qtbot: QtBot, shell: Any, pin_pad: Any) -> None:
    for _ in range(5):
        enter(qtbot, pin_pad, "1111")
    tap(qtbot, pin_pad.cancel)
    assert shell.router.current_key == "home"
    corner_taps(qtbot, shell)
    assert shell.router.current.message_text == "Trop d’essais\u202f: code refusé jusqu’à 14:32"


def test_annuler_goes_back(qtbot: QtBot, shell: Any, pin_pad: Any) -> None:
    tap(qtbot, pin_pad.cancel)
    assert shell.router.current_key == "home"


def test_admin_screen_shows_the_kiosk_with_the_password_masked(
    qtbot: QtBot, make_shell: Any
) -> None:
    import kiosk

    url = "postgresql+psycopg://kiosk:tres-secret@db.example/smartcorner"
    shell = make_shell(db_url=url, kiosk_name="Smart Corner Nice", admin_pin="97531")
    corner_taps(qtbot, shell)
    enter(qtbot, shell.router.current, "97531")
    admin = shell.router.current
    assert admin.key == "admin"
    texts = admin.shown_texts()
    assert not any("tres-secret" in text for text in texts)
    assert "postgresql+psycopg://kiosk:***@db.example/smartcorner" in texts
    assert kiosk.__version__ in texts
    assert "Smart Room, kiosque numérique et événements (room)" in texts  # not the bare code
    assert "Smart Corner Nice" in texts
    assert str(shell.settings.paths.data_dir) in texts
    shell.window.bottom_bar.language.click()
    qtbot.waitUntil(lambda: "Smart Room, digital kiosk and events (room)" in admin.shown_texts())


def test_quitter_le_kiosque_quits(
    qtbot: QtBot, shell: Any, pin_pad: Any, quit_calls: list[int]
) -> None:
    enter(qtbot, pin_pad, "2468")
    tap(qtbot, shell.router.current.quit)
    assert quit_calls == [1]
