from __future__ import annotations

import threading

import pytest

from hardware.badge_simulator import SIMULATED_READER, SimulatedBadgeSource
from kiosk.ports import (
    BadgeEvent,
    BadgePresented,
    BadgeRefused,
    BadgeRemoved,
    BadgeSource,
    ReaderState,
    ReaderStatus,
    RefusalReason,
)
from tests.hardware.events import Recorder

UID = bytes.fromhex("04A1B2C3D4E5F6")


def test_is_a_badge_source() -> None:
    source: BadgeSource = SimulatedBadgeSource()
    assert source is not None


def test_present_and_remove_arrive_in_order_on_the_simulator_thread() -> None:
    events: Recorder[tuple[BadgeEvent, str]] = Recorder()
    source = SimulatedBadgeSource()
    source.start(lambda e: events((e, threading.current_thread().name)))
    source.present(UID)
    source.remove()
    source.remove()  # nothing on the reader: no event
    source.present(bytes.fromhex("08010203"))
    source.stop()
    assert [e for e, _ in events.items] == [
        ReaderStatus(ReaderState.READY, SIMULATED_READER),
        BadgePresented(UID, SIMULATED_READER),
        BadgeRemoved(SIMULATED_READER),
        BadgeRefused(RefusalReason.RANDOM_UID, SIMULATED_READER, "08010203"),
        ReaderStatus(ReaderState.STOPPED),
    ]
    assert {thread for _, thread in events.items} == {"badge-simulator"}
    assert source.thread is not None
    assert not source.thread.is_alive()


def test_a_failing_handler_is_logged_not_fatal(caplog: pytest.LogCaptureFixture) -> None:
    seen: Recorder[BadgeEvent] = Recorder()

    def handler(event: BadgeEvent) -> None:
        seen(event)
        if isinstance(event, BadgePresented):
            raise ValueError("boom")

    source = SimulatedBadgeSource()
    source.start(handler)
    source.tap(UID)
    seen.wait_for(lambda e: isinstance(e, BadgeRemoved))
    source.stop()
    assert "badge event handler failed" in caplog.text
