"""The camera's Qt side: frames to luminance, no camera as a state, codes through the bridge."""

from __future__ import annotations

from typing import Any

import pytest
from PIL.ImageQt import ImageQt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QCameraDevice, QVideoFrame
from pytestqt.qtbot import QtBot

from hardware.qr_camera import CameraState, decode_qr
from tests.helpers.qr_frames import qr_picture
from ui.input import camera
from ui.input.camera import MAX_WIDTH, CameraScanner, gray_frame

CODE = "SCA.GEZDGNBVGY3TQOJQ.ABCDEFGHIJKLMNOP"

# Machines without VA-API or a GPU say so when QtMultimedia loads and converts frames.
pytestmark = pytest.mark.qt_log_ignore(r"^Couldn't (load|resolve) va", "No RHI backend")


def colour_image(payload: str | None, size: tuple[int, int], angle: float = 20) -> QImage:
    picture = qr_picture(payload, angle=angle, blur=1.2, size=size).convert("RGB")
    return QImage(ImageQt(picture)).convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize("size", [(1280, 720), (333, 251), (1920, 1080)])
def test_a_colour_frame_becomes_luminance_the_decoder_reads(
    size: tuple[int, int],
) -> None:
    frame = gray_frame(colour_image(CODE, size))
    assert frame is not None
    assert frame.width == min(size[0], MAX_WIDTH)
    assert frame.stride >= frame.width  # 333 px rows are padded to 336 bytes
    assert decode_qr(frame) == [CODE]


def test_an_empty_image_is_no_frame() -> None:
    assert gray_frame(QImage()) is None


@pytest.fixture
def no_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camera, "default_camera", QCameraDevice)


def test_no_camera_is_a_state_on_the_bridge(qtbot: QtBot, make_shell: Any, no_camera: None) -> None:
    shell = make_shell(camera=True)
    assert shell.bridge.camera.state is CameraState.DISABLED
    with qtbot.waitSignal(shell.bridge.camera_status, timeout=2000):
        shell.start_camera()
    assert shell.bridge.camera.state is CameraState.NO_CAMERA
    assert shell.camera.decoder.thread.is_alive()
    shell.shutdown()
    assert not shell.camera.decoder.thread.is_alive()


def test_frames_reach_the_screens_as_camera_scans(
    qtbot: QtBot, make_shell: Any, no_camera: None
) -> None:
    shell = make_shell(camera=True)
    shell.start_camera()
    scans: list[tuple[str, str]] = []
    shell.bridge.scanned.connect(lambda payload, source: scans.append((payload, source)))
    frame = QVideoFrame(colour_image(CODE, (1280, 720)))
    for _ in range(5):  # the code held in front of the camera for five frames
        shell.camera.on_frame(frame)
        qtbot.waitUntil(lambda: not shell.camera.decoder.busy, timeout=2000)
    qtbot.waitUntil(lambda: scans == [(CODE, "camera")], timeout=2000)
    shell.camera.on_frame(QVideoFrame(colour_image(None, (1280, 720))))
    qtbot.waitUntil(lambda: not shell.camera.decoder.busy, timeout=2000)
    assert scans == [(CODE, "camera")]
    assert shell.bridge.last_scan.source == "camera"


def test_frames_are_not_converted_while_the_decoder_is_busy(
    qtbot: QtBot, qapp: Any, no_camera: None
) -> None:
    scanner = CameraScanner(lambda text: None)
    scanner.start()
    try:
        frame = QVideoFrame(colour_image(CODE, (1280, 720)))
        for _ in range(20):
            scanner.on_frame(frame)
        qtbot.waitUntil(lambda: not scanner.decoder.busy, timeout=3000)
        assert scanner.skipped + scanner.decoder.decoded + scanner.decoder.dropped == 20
        assert scanner.skipped > 0
    finally:
        scanner.stop()
        scanner.deleteLater()
