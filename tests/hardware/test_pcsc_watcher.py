"""PcscBadgeWatcher against a real pcscd with the vpcd driver and a virtual card."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from smartcard import scard

from hardware.pcsc_watcher import PcscBadgeWatcher
from kiosk.ports import (
    BadgeEvent,
    BadgePresented,
    BadgeRefused,
    BadgeRemoved,
    ReaderState,
    ReaderStatus,
    RefusalReason,
)
from tests.hardware.events import Recorder, wait_until
from tests.helpers.pcscd import READER_NAME, Pcscd, reader_has_card
from tests.helpers.vpcd import VirtualBadge, answers_6d00, reader_like

UID4 = bytes.fromhex("04A1B2C3")
UID7 = bytes.fromhex("04112233445566")
UID10 = bytes.fromhex("04112233445566778899")

type MakeBadge = Callable[..., VirtualBadge]


@pytest.fixture
def events() -> Recorder[BadgeEvent]:
    return Recorder()


@pytest.fixture
def watch(events: Recorder[BadgeEvent]) -> Iterator[Callable[..., PcscBadgeWatcher]]:
    started: list[PcscBadgeWatcher] = []

    def start(reader_filter: str | None = "ACR1252") -> PcscBadgeWatcher:
        watcher = PcscBadgeWatcher(reader_filter, retry_interval=0.2)
        watcher.start(events)
        started.append(watcher)
        return watcher

    yield start
    for watcher in started:
        watcher.stop()
        assert watcher.thread is not None
        assert not watcher.thread.is_alive()


def status(state: ReaderState) -> Callable[[BadgeEvent], bool]:
    return lambda e: isinstance(e, ReaderStatus) and e.state is state


def presented(e: BadgeEvent) -> bool:
    return isinstance(e, BadgePresented)


def removed(e: BadgeEvent) -> bool:
    return isinstance(e, BadgeRemoved)


def refused(e: BadgeEvent) -> bool:
    return isinstance(e, BadgeRefused)


def test_reports_ready_with_the_reader_names(pcscd: Pcscd, watch, events) -> None:
    watch()
    ready = events.wait_for(status(ReaderState.READY))
    assert isinstance(ready, ReaderStatus)
    assert pcscd.reader in ready.detail


@pytest.mark.parametrize("uid", [UID4, UID7, UID10], ids=["4-byte", "7-byte", "10-byte"])
def test_a_tap_gives_one_presented_with_the_uid_then_removed(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    events,
    uid: bytes,
) -> None:
    watch()
    events.wait_for(status(ReaderState.READY))
    badge = make_badge(uid)
    mark = events.mark()
    badge.insert()
    event = events.wait_for(presented, after=mark)
    assert event == BadgePresented(uid, pcscd.reader)
    badge.remove()
    assert events.wait_for(removed, after=mark) == BadgeRemoved(pcscd.reader)
    assert [e for e in events.since(mark) if not isinstance(e, ReaderStatus)] == [
        BadgePresented(uid, pcscd.reader),
        BadgeRemoved(pcscd.reader),
    ]
    assert badge.apdus == [bytes.fromhex("FFCA000000")]


def test_a_card_present_at_start_is_reported(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    events,
) -> None:
    badge = make_badge(UID7)
    badge.insert()
    # pcscd polls vpcd every ~400 ms: wait until it sees the card before starting.
    wait_until(lambda: reader_has_card(pcscd.reader) is True, what="pcscd to see the card")
    watch()
    assert events.wait_for(presented) == BadgePresented(UID7, pcscd.reader)


def test_a_card_held_on_the_reader_is_reported_once(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    events,
) -> None:
    watch()
    events.wait_for(status(ReaderState.READY))
    badge = make_badge(UID4)
    badge.insert()
    events.wait_for(presented)
    # Another application reading the card makes pcscd signal state changes (INUSE on
    # and off) on the reader; they must not be reported as a new tap.
    rv, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    assert rv == scard.SCARD_S_SUCCESS
    for _ in range(3):
        rv, card, _proto = scard.SCardConnect(
            ctx, pcscd.reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T1
        )
        assert rv == scard.SCARD_S_SUCCESS
        scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)
    scard.SCardReleaseContext(ctx)
    badge.remove()
    events.wait_for(removed)
    assert [e for e in events.items if presented(e)] == [BadgePresented(UID4, pcscd.reader)]


def test_fast_taps_are_each_reported_once(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    events,
) -> None:
    watch()
    events.wait_for(status(ReaderState.READY))
    uids = [UID4, UID7, bytes.fromhex("04DEADBEEF0102")]
    for n, uid in enumerate(uids, start=1):
        badge = make_badge(uid)
        badge.insert()
        events.wait_for(lambda e, n=n: sum(map(presented, events.items)) >= n)
        badge.remove()
        events.wait_for(lambda e, n=n: sum(map(removed, events.items)) >= n)
    assert [e.uid for e in events.items if isinstance(e, BadgePresented)] == uids


def test_a_random_uid_is_refused(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    events,
) -> None:
    watch()
    events.wait_for(status(ReaderState.READY))
    make_badge(bytes.fromhex("08123456")).insert()
    event = events.wait_for(refused)
    assert isinstance(event, BadgeRefused)
    assert event.reason is RefusalReason.RANDOM_UID
    assert not any(presented(e) for e in events.items)


def test_a_card_answering_6d00_is_refused_as_unreadable(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    events,
) -> None:
    watch()
    events.wait_for(status(ReaderState.READY))
    make_badge(UID4, responder=answers_6d00).insert()
    event = events.wait_for(refused)
    assert isinstance(event, BadgeRefused)
    assert event.reason is RefusalReason.READ_FAILED
    assert "6D 00" in event.detail


def test_a_reader_that_wants_the_exact_le_is_asked_again(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    events,
) -> None:
    watch()
    events.wait_for(status(ReaderState.READY))
    badge = make_badge(UID7, responder=reader_like(UID7, strict_le=True))
    badge.insert()
    assert events.wait_for(presented) == BadgePresented(UID7, pcscd.reader)
    assert badge.apdus == [bytes.fromhex("FFCA000000"), bytes.fromhex("FFCA000007")]


def test_the_reader_filter_picks_readers_by_name(pcscd: Pcscd, watch, events) -> None:
    watch("Some Other Reader")
    event = events.wait_for(status(ReaderState.NO_READER))
    assert isinstance(event, ReaderStatus)
    assert "'Some Other Reader'" in event.detail
    assert READER_NAME  # the rig's reader exists but does not match


def test_no_reader_at_all(pcscd: Pcscd, watch, events) -> None:
    pcscd.stop()
    pcscd.start(pcscd.empty_config_dir)
    watch()
    event = events.wait_for(status(ReaderState.NO_READER))
    assert event == ReaderStatus(
        ReaderState.NO_READER, "no badge reader whose name contains 'ACR1252'"
    )


def test_pcscd_not_running_then_started(pcscd: Pcscd, make_badge: MakeBadge, watch, events) -> None:
    pcscd.stop()
    watch()
    events.wait_for(status(ReaderState.SERVICE_DOWN))
    pcscd.start()
    events.wait_for(status(ReaderState.READY))
    make_badge(UID4).insert()
    assert events.wait_for(presented) == BadgePresented(UID4, pcscd.reader)


def test_recovers_after_a_pcscd_restart(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    events,
) -> None:
    watch()
    events.wait_for(status(ReaderState.READY))
    first = make_badge(UID4)
    first.insert()
    events.wait_for(presented)
    mark = events.mark()
    pcscd.stop()
    events.wait_for(status(ReaderState.SERVICE_DOWN), after=mark)
    assert events.wait_for(removed, after=mark) == BadgeRemoved(pcscd.reader)
    first.remove()  # its socket died with pcscd
    pcscd.start()
    events.wait_for(status(ReaderState.READY), after=mark)
    again = make_badge(UID7)
    again.insert()
    assert events.wait_for(presented, after=mark) == BadgePresented(UID7, pcscd.reader)
    states = [e.state for e in events.since(mark) if isinstance(e, ReaderStatus)]
    assert states == [ReaderState.SERVICE_DOWN, ReaderState.READY]


def test_stop_joins_the_thread_while_waiting(pcscd: Pcscd, events) -> None:
    watcher = PcscBadgeWatcher("ACR1252")
    watcher.start(events)
    events.wait_for(status(ReaderState.READY))
    watcher.stop()
    assert watcher.thread is not None
    watcher.thread.join(timeout=1)
    assert not watcher.thread.is_alive()
    assert events.items[-1] == ReaderStatus(ReaderState.STOPPED)


def test_stop_while_pcscd_is_down(pcscd: Pcscd, events) -> None:
    pcscd.stop()
    watcher = PcscBadgeWatcher(None)
    watcher.start(events)
    events.wait_for(status(ReaderState.SERVICE_DOWN))
    watcher.stop()
    assert watcher.thread is not None
    watcher.thread.join(timeout=1)
    assert not watcher.thread.is_alive()


def test_a_failing_handler_is_logged_and_the_watcher_goes_on(
    pcscd: Pcscd,
    make_badge: MakeBadge,
    watch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen: Recorder[BadgeEvent] = Recorder()

    def handler(event: BadgeEvent) -> None:
        seen(event)
        if isinstance(event, BadgePresented):
            raise ValueError("boom")

    watcher = PcscBadgeWatcher("ACR1252")
    watcher.start(handler)
    try:
        seen.wait_for(status(ReaderState.READY))
        badge = make_badge(UID4)
        badge.insert()
        seen.wait_for(presented)
        badge.remove()
        seen.wait_for(removed)
    finally:
        watcher.stop()
    assert "badge event handler failed" in caplog.text
    assert "boom" in caplog.text


class FlakyStatusChange:
    """SCardGetStatusChange answering ``code`` to the next ``times`` calls, then the real one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.real = scard.SCardGetStatusChange
        self.times = 0
        self.code = (
            0x8010006A  # what a pcscd on its way out answered once (SCARD_W_SECURITY_VIOLATION)
        )
        monkeypatch.setattr(scard, "SCardGetStatusChange", self)

    def __call__(self, *args):  # type: ignore[no-untyped-def]
        if self.times > 0:
            self.times -= 1
            return self.code, []
        return self.real(*args)


def test_one_odd_answer_is_retried_without_reporting_a_failure(
    pcscd: Pcscd, make_badge: MakeBadge, events, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    flaky = FlakyStatusChange(monkeypatch)
    watcher = PcscBadgeWatcher("ACR1252", retry_interval=0.1, poll_timeout_ms=100)
    watcher.start(events)
    try:
        events.wait_for(status(ReaderState.READY))
        flaky.times = 1
        wait_until(lambda: "PC/SC watcher error" in caplog.text, what="the odd answer")
        make_badge(UID4).insert()
        assert events.wait_for(presented) == BadgePresented(UID4, pcscd.reader)
    finally:
        watcher.stop()
    assert not any(status(ReaderState.FAILED)(e) for e in events.items)


def test_an_error_that_persists_is_reported_then_cleared(
    pcscd: Pcscd, make_badge: MakeBadge, events, monkeypatch: pytest.MonkeyPatch
) -> None:
    flaky = FlakyStatusChange(monkeypatch)
    watcher = PcscBadgeWatcher("ACR1252", retry_interval=0.1, poll_timeout_ms=100)
    watcher.start(events)
    try:
        events.wait_for(status(ReaderState.READY))
        mark = events.mark()
        flaky.times = 1000
        failed = events.wait_for(status(ReaderState.FAILED), after=mark)
        assert isinstance(failed, ReaderStatus)
        assert "0x8010006A" in failed.detail
        flaky.times = 0
        events.wait_for(status(ReaderState.READY), after=mark)
        make_badge(UID4).insert()
        assert events.wait_for(presented, after=mark) == BadgePresented(UID4, pcscd.reader)
    finally:
        watcher.stop()
