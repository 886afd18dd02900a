"""The device bridge: callbacks from device threads come out as signals on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from hardware.qr_camera import CameraState, CameraStatus
from kiosk.ports import (
    BadgePresented,
    BadgeRefused,
    BadgeRemoved,
    FixedClock,
    PrinterState,
    PrinterStatus,
    ReaderState,
    ReaderStatus,
    RefusalReason,
)
from ui.input.bridge import SCAN_PREVIEW_CHARS, DeviceBridge, ScanSource

UID = bytes.fromhex("04A1B2C3D4E5F6")


def from_thread(call: Any) -> None:
    thread = threading.Thread(target=call, name="fake-device")
    thread.start()
    thread.join()


def test_a_badge_from_a_device_thread_is_emitted_on_the_gui_thread(
    qtbot: QtBot, clock: FixedClock
) -> None:
    bridge = DeviceBridge(clock)
    seen: list[tuple[BadgePresented, bool]] = []
    gui = QCoreApplication.instance().thread()  # type: ignore[union-attr]
    bridge.badge_presented.connect(lambda e: seen.append((e, QThread.currentThread() is gui)))
    with qtbot.waitSignal(bridge.badge_presented, timeout=2000):
        from_thread(lambda: bridge.on_badge_event(BadgePresented(UID, "reader")))
    assert seen == [(BadgePresented(UID, "reader"), True)]


def test_even_a_call_from_the_gui_thread_is_delivered_later(
    qtbot: QtBot, clock: FixedClock
) -> None:
    """Queued: a device callback never runs a screen's handler inside the device call."""
    bridge = DeviceBridge(clock)
    seen: list[str] = []
    bridge.scanned.connect(lambda payload, source: seen.append(payload))
    bridge.on_scan("SCA.ABC")
    assert seen == []
    qtbot.waitUntil(lambda: seen == ["SCA.ABC"], timeout=2000)


def test_remembers_when_not_what(qtbot: QtBot, clock: FixedClock) -> None:
    bridge = DeviceBridge(clock)
    assert bridge.reader.state is ReaderState.STOPPED
    assert bridge.last_badge is None
    assert bridge.last_scan is None
    with qtbot.waitSignal(bridge.scanned, timeout=2000):
        from_thread(lambda: bridge.on_badge_event(ReaderStatus(ReaderState.READY, "ACS")))
        from_thread(lambda: bridge.on_badge_event(BadgePresented(UID, "ACS")))
        from_thread(lambda: bridge.on_scan("SCA.ABCDEFGHIJKLMNOP", ScanSource.CAMERA))
    assert bridge.reader == ReaderStatus(ReaderState.READY, "ACS")
    assert bridge.last_badge is not None
    assert bridge.last_badge.at == clock.now()
    assert not bridge.last_badge.refused
    assert UID.hex() not in repr(bridge.last_badge).lower()
    assert bridge.last_scan is not None
    assert bridge.last_scan.source == "camera"
    assert bridge.last_scan.start == "SCA.ABCDEFGHIJKLMNOP"[:SCAN_PREVIEW_CHARS]
    with qtbot.waitSignal(bridge.badge_refused, timeout=2000):
        bridge.on_badge_event(BadgeRefused(RefusalReason.RANDOM_UID, "ACS"))
    assert bridge.last_badge.refused


def test_people_are_activity_device_statuses_are_not(qtbot: QtBot, clock: FixedClock) -> None:
    bridge = DeviceBridge(clock)
    activity: list[int] = []
    bridge.activity.connect(lambda: activity.append(1))
    with qtbot.waitSignal(bridge.printer_status, timeout=2000):
        bridge.on_badge_event(ReaderStatus(ReaderState.NO_READER))
        bridge.on_printer_status(PrinterStatus(PrinterState.PAPER_OUT))
    assert activity == []
    assert bridge.printer.state is PrinterState.PAPER_OUT
    with qtbot.waitSignal(bridge.scanned, timeout=2000):
        bridge.on_badge_event(BadgePresented(UID, "r"))
        bridge.on_badge_event(BadgeRemoved("r"))
        bridge.on_badge_event(BadgeRefused(RefusalReason.READ_FAILED, "r"))
        bridge.on_scan("X", ScanSource.WEDGE)
    assert activity == [1, 1, 1, 1]


def test_the_camera_is_disabled_until_it_reports_then_its_last_status(
    qtbot: QtBot, clock: FixedClock
) -> None:
    bridge = DeviceBridge(clock)
    assert bridge.camera == CameraStatus(CameraState.DISABLED)
    with qtbot.waitSignal(bridge.camera_status, timeout=2000):
        from_thread(lambda: bridge.on_camera_status(CameraStatus(CameraState.ACTIVE)))
    assert bridge.camera == CameraStatus(CameraState.ACTIVE)
