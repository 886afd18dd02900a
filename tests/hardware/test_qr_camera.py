"""Camera QR decoding on generated frames: rotated and blurred codes, no code, latest frame wins."""

from __future__ import annotations

import threading

import pytest

from hardware.qr_camera import GrayFrame, QrFrameDecoder, decode_qr
from tests.hardware.events import Recorder, wait_until
from tests.helpers.qr_frames import gray_frame, qr_picture

CODE = "SCA.GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@pytest.mark.parametrize(("angle", "blur"), [(0, 0), (17, 1.5), (-35, 2.0), (90, 1.0)])
def test_a_rotated_blurred_code_is_read(angle: float, blur: float) -> None:
    assert decode_qr(gray_frame(qr_picture(CODE, angle=angle, blur=blur))) == [CODE]


def test_padded_rows_are_read_with_their_stride() -> None:
    assert decode_qr(gray_frame(qr_picture(CODE, size=(641, 480)), padding=7)) == [CODE]


def test_a_frame_without_a_code_gives_nothing() -> None:
    assert decode_qr(gray_frame(qr_picture(None, blur=1))) == []


def test_a_frame_must_hold_what_it_says() -> None:
    with pytest.raises(ValueError, match="shorter"):
        GrayFrame(b"\x00" * 99, 10, 10, 10)
    with pytest.raises(ValueError, match="geometry"):
        GrayFrame(b"\x00" * 100, 10, 10, 9)


class FakeClock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_codes_come_from_the_decoder_thread_once_while_held() -> None:
    clock = FakeClock()
    codes: Recorder[tuple[str, str]] = Recorder()
    decoder = QrFrameDecoder(
        lambda text: codes((text, threading.current_thread().name)), hold_s=3.0, clock=clock
    )
    decoder.start()
    held = gray_frame(qr_picture(CODE, angle=10, blur=1))
    empty = gray_frame(qr_picture(None))
    try:
        for n, frame in enumerate((held, held, empty, held), 1):  # hidden in one frame
            decoder.submit(frame)
            wait_until(lambda n=n: decoder.decoded == n and not decoder.busy)
            clock.t += 1.0  # never 3 s out of sight
        assert codes.items == [(CODE, "qr-camera-decoder")]
        clock.t += 3.5  # gone for longer than hold_s: shown again, it counts again
        decoder.submit(held)
        codes.wait_for(lambda item: True, after=1)
        assert [text for text, _ in codes.items] == [CODE, CODE]
    finally:
        decoder.stop()
    assert not decoder.thread.is_alive()


def test_only_the_latest_frame_waits() -> None:
    """While one frame is decoded, newer ones replace each other: the decoder never lags."""
    release = threading.Event()
    started = threading.Event()
    seen: list[int] = []

    def slow_decode(frame: GrayFrame) -> list[str]:
        seen.append(frame.width)
        started.set()
        release.wait(5)
        return []

    decoder = QrFrameDecoder(lambda text: None, decode=slow_decode)
    decoder.start()
    try:
        decoder.submit(GrayFrame(b"\x00", 1, 1, 1))
        assert started.wait(5)
        for width in range(2, 12):
            decoder.submit(GrayFrame(b"\x00" * width, width, 1, width))
        assert decoder.busy
        assert decoder.dropped == 9
        release.set()
        wait_until(lambda: not decoder.busy)
    finally:
        decoder.stop()
    assert seen == [1, 11]


def test_a_decoding_error_is_logged_and_the_next_frame_decoded(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls: list[int] = []

    def flaky(frame: GrayFrame) -> list[str]:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("bad frame")
        return ["SCA.AAAA"]

    codes: Recorder[str] = Recorder()
    decoder = QrFrameDecoder(codes, decode=flaky)
    decoder.start()
    try:
        decoder.submit(GrayFrame(b"\x00", 1, 1, 1))
        wait_until(lambda: not decoder.busy)
        decoder.submit(GrayFrame(b"\x00", 1, 1, 1))
        assert codes.wait_for(lambda item: True) == "SCA.AAAA"
    finally:
        decoder.stop()
    assert "QR decoding failed" in caplog.text


def test_stop_is_quick_and_drops_what_waits() -> None:
    decoder = QrFrameDecoder(lambda text: None)
    decoder.start()
    decoder.stop()
    assert not decoder.thread.is_alive()
