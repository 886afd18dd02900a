"""Badges and scans go to the current screen, then to the fallbacks, then to a toast."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hardware.badge_simulator import SimulatedBadgeSource
from hardware.devices import Devices, SimulatedTicketPrinter
from kiosk.ports import BadgePresented
from tests.helpers.keys import Keyboard
from ui.app.registry import TileRegistry
from ui.events.capability import EVENTS
from ui.screens.base import Screen
from ui.widgets.toast import ToastKind

UID = bytes.fromhex("04A1B2C3D4E5F6")
RANDOM_UID = bytes.fromhex("08A1B2C3")


class ProbeScreen(Screen):
    """A screen that takes badges and scans or not, as told, and remembers what it was offered."""

    key = "probe"

    def __init__(self) -> None:
        super().__init__()
        self.takes = True
        self.fails = False
        self.badges: list[BadgePresented] = []
        self.scans: list[tuple[str, str]] = []

    def handle_badge(self, event: BadgePresented) -> bool:
        self.badges.append(event)
        if self.fails:
            raise RuntimeError("boom")
        return self.takes

    def handle_scan(self, payload: str, source: str) -> bool:
        self.scans.append((payload, source))
        return self.takes


class Fallback:
    def __init__(self, takes: bool) -> None:
        self.takes = takes
        self.badges: list[BadgePresented] = []

    def handle_badge(self, event: BadgePresented) -> bool:
        self.badges.append(event)
        return self.takes


@pytest.fixture
def kiosk(make_shell: Callable[..., Any]) -> Any:
    """The shell with a simulated reader attached and the probe screen shown.

    Without the room kiosk's own fallback (self check-in), so the test's are the only ones.
    """
    shell = make_shell(tiles=TileRegistry([EVENTS]))
    probe = ProbeScreen()
    shell.router.register(ProbeScreen.key, lambda: probe)
    shell.router.go(ProbeScreen.key)
    reader = SimulatedBadgeSource()
    shell.attach_devices(Devices(reader, SimulatedTicketPrinter()))
    shell.probe, shell.reader = probe, reader
    return shell


def test_the_current_screen_gets_the_badge_first(qtbot: QtBot, kiosk: Any) -> None:
    fallback = Fallback(takes=True)
    kiosk.input_router.add_fallback(fallback)
    with qtbot.waitSignal(kiosk.bridge.badge_presented, timeout=2000):
        kiosk.reader.tap(UID)
    assert [e.uid for e in kiosk.probe.badges] == [UID]
    assert fallback.badges == []
    assert not kiosk.window.toast.isVisible()


def test_fallbacks_in_order_when_the_screen_does_not_take_it(qtbot: QtBot, kiosk: Any) -> None:
    kiosk.probe.takes = False
    first, second, third = Fallback(False), Fallback(True), Fallback(True)
    for fallback in (first, second, third):
        kiosk.input_router.add_fallback(fallback)
    with qtbot.waitSignal(kiosk.bridge.badge_presented, timeout=2000):
        kiosk.reader.tap(UID)
    assert len(kiosk.probe.badges) == len(first.badges) == len(second.badges) == 1
    assert third.badges == []
    assert not kiosk.window.toast.isVisible()


def test_nobody_takes_it_a_toast_says_it_was_read(qtbot: QtBot, kiosk: Any) -> None:
    kiosk.probe.takes = False
    kiosk.input_router.add_fallback(Fallback(False))
    with qtbot.waitSignal(kiosk.input_router.badge_unused, timeout=2000):
        kiosk.reader.tap(UID)
    toast = kiosk.window.toast
    assert toast.isVisible()
    assert toast.kind is ToastKind.INFO
    assert toast.text == "Badge lu, mais cet écran ne s’en sert pas."
    assert UID.hex() not in toast.text.lower()
    window = kiosk.window.rect()
    assert window.contains(toast.geometry())
    assert toast.height() >= 96


def test_a_screen_without_handlers_falls_through(qtbot: QtBot, kiosk: Any) -> None:
    kiosk.router.go("events")
    fallback = Fallback(True)
    kiosk.input_router.add_fallback(fallback)
    with qtbot.waitSignal(kiosk.bridge.badge_presented, timeout=2000):
        kiosk.reader.tap(UID)
    assert len(fallback.badges) == 1
    kiosk.input_router.remove_fallback(fallback)
    with qtbot.waitSignal(kiosk.input_router.badge_unused, timeout=2000):
        kiosk.reader.tap(UID)
    assert len(fallback.badges) == 1


def test_a_random_uid_card_is_refused_and_offered_to_nobody(qtbot: QtBot, kiosk: Any) -> None:
    fallback = Fallback(True)
    kiosk.input_router.add_fallback(fallback)
    with qtbot.waitSignal(kiosk.input_router.badge_refused, timeout=2000):
        kiosk.reader.tap(RANDOM_UID)
    assert kiosk.probe.badges == fallback.badges == []
    toast = kiosk.window.toast
    assert toast.kind is ToastKind.REFUSED
    assert "ne permet pas de vous identifier" in toast.text


def test_a_handler_that_raises_stops_there_and_says_so(
    qtbot: QtBot, kiosk: Any, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk.probe.fails = True
    fallback = Fallback(True)
    kiosk.input_router.add_fallback(fallback)
    with qtbot.waitSignal(kiosk.input_router.handler_failed, timeout=2000):
        kiosk.reader.tap(UID)
    assert fallback.badges == []
    assert kiosk.window.toast.kind is ToastKind.REFUSED
    assert "ProbeScreen failed" in caplog.text


def test_scans_follow_the_same_rule(qtbot: QtBot, kiosk: Any) -> None:
    with qtbot.waitSignal(kiosk.bridge.scanned, timeout=2000):
        kiosk.bridge.on_scan("SCA.AAAA", "camera")
    assert kiosk.probe.scans == [("SCA.AAAA", "camera")]
    kiosk.probe.takes = False
    with qtbot.waitSignal(kiosk.input_router.scan_unused, timeout=2000):
        kiosk.bridge.on_scan("SCA.BBBB", "wedge")
    assert kiosk.window.toast.text == "Code lu, mais cet écran ne s’en sert pas."


def test_a_fallback_needs_a_handler_and_is_added_once(kiosk: Any) -> None:
    with pytest.raises(TypeError):
        kiosk.input_router.add_fallback(object())
    fallback = Fallback(True)
    kiosk.input_router.add_fallback(fallback)
    with pytest.raises(ValueError, match="already"):
        kiosk.input_router.add_fallback(fallback)


def test_a_badge_calls_off_the_idle_countdown(qtbot: QtBot, kiosk: Any) -> None:
    kiosk.idle.set_durations(100, 5000)
    with qtbot.waitSignal(kiosk.idle.countdown_started, timeout=3000):
        pass
    with qtbot.waitSignal(kiosk.idle.countdown_cancelled, timeout=2000):
        kiosk.reader.tap(UID)
    assert not kiosk.idle.counting_down


def test_the_idle_reset_takes_the_toast_away(qtbot: QtBot, kiosk: Any) -> None:
    kiosk.probe.takes = False
    with qtbot.waitSignal(kiosk.input_router.badge_unused, timeout=2000):
        kiosk.reader.tap(UID)
    assert kiosk.window.toast.isVisible()
    kiosk.idle.set_durations(50, 50)
    with qtbot.waitSignal(kiosk.idle.session_reset, timeout=3000):
        pass
    assert not kiosk.window.toast.isVisible()


def test_the_toast_follows_the_language(qtbot: QtBot, kiosk: Any) -> None:
    kiosk.probe.takes = False
    with qtbot.waitSignal(kiosk.input_router.badge_unused, timeout=2000):
        kiosk.reader.tap(UID)
    kiosk.session.set_language(kiosk.session.lang.__class__("en"))
    qtbot.waitUntil(lambda: kiosk.window.toast.text.startswith("Badge read"), timeout=2000)


def test_shutdown_stops_the_devices(qtbot: QtBot, kiosk: Any) -> None:
    reader, printer = kiosk.devices.badges, kiosk.devices.printer
    assert reader.thread.is_alive()
    kiosk.shutdown()
    assert not reader.thread.is_alive()
    assert not printer.thread.is_alive()


def test_devices_built_on_the_worker_are_attached_on_the_gui_thread(
    qtbot: QtBot, shell: Any
) -> None:
    import threading

    threads: list[str] = []

    def build() -> Devices:
        threads.append(threading.current_thread().name)
        return Devices(SimulatedBadgeSource(), SimulatedTicketPrinter())

    with qtbot.waitSignal(shell.bridge.reader_status, timeout=3000):
        shell.load_devices(build)
    assert len(threads) == 1
    assert threads[0] != threading.main_thread().name
    assert shell.devices is not None
    assert shell.bridge.reader.state.value == "ready"


def test_a_wedge_scan_anywhere_reaches_the_current_screen(qtbot: QtBot, kiosk: Any) -> None:
    with qtbot.waitSignal(kiosk.bridge.scanned, timeout=2000):
        Keyboard(kiosk.probe).type("SCA.ABCDEFGH", gap_ms=3)
    assert kiosk.probe.scans == [("SCA.ABCDEFGH", "wedge")]
    assert kiosk.bridge.last_scan.source == "wedge"
