"""The camera as a QR scanner (``SMARTCORNER_CAMERA=1``): QtMultimedia frames to the decoder.

``QCamera`` -> ``QMediaCaptureSession`` -> ``QVideoSink.videoFrameChanged`` on the GUI thread;
each frame becomes an 8-bit luminance copy handed to :class:`hardware.qr_camera.QrFrameDecoder`,
which decodes on its own thread. While the decoder is busy, frames are not even converted:
the GUI thread does no work a newer frame would make useless. Codes go out through the same
path as the wedge scanner's (``DeviceBridge.on_scan``, source "camera").

No camera, or one that fails, is a state shown on the hardware screen, never a crash; a camera
plugged in later is picked up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

from hardware.qr_camera import CameraState, CameraStatus, GrayFrame, QrFrameDecoder

log = logging.getLogger(__name__)

MAX_WIDTH = 1280  # larger frames are scaled down first: QR codes held up close need no more


def default_camera() -> QCameraDevice:
    """The system's default camera; a null device when there is none."""
    return QMediaDevices.defaultVideoInput()


def gray_frame(image: QImage) -> GrayFrame | None:
    """``image`` as 8-bit luminance (scaled to ``MAX_WIDTH`` at most); None if it is empty."""
    if image.isNull():
        return None
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH)
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return GrayFrame(bytes(gray.constBits()), gray.width(), gray.height(), gray.bytesPerLine())


class CameraScanner(QObject):
    status_changed = Signal(object)  # CameraStatus

    def __init__(
        self,
        on_code: Callable[[str], None],
        decoder: QrFrameDecoder | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``on_code(text)`` is called on the decoder's thread (give it ``bridge.on_scan``)."""
        super().__init__(parent)
        self.decoder = decoder or QrFrameDecoder(on_code)
        self.status = CameraStatus(CameraState.STARTING)
        self.skipped = 0  # frames not converted because the decoder was busy
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._inputs_changed)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self.on_frame)
        self._session.setVideoSink(self._sink)
        self._camera: QCamera | None = None
        self._running = False

    def start(self) -> None:
        self._running = True
        self.decoder.start()
        self._open(default_camera())

    def stop(self) -> None:
        self._running = False
        if self._camera is not None:
            self._camera.stop()
        self.decoder.stop()

    def _open(self, device: QCameraDevice) -> None:
        if device.isNull():
            self._set(CameraStatus(CameraState.NO_CAMERA))
            return
        camera = QCamera(device, self)
        camera.errorOccurred.connect(self._on_error)
        camera.activeChanged.connect(self._on_active)
        self._session.setCamera(camera)
        self._camera = camera
        self._set(CameraStatus(CameraState.STARTING, device.description()))
        camera.start()

    @Slot()
    def _inputs_changed(self) -> None:
        if self._running and self.status.state in (CameraState.NO_CAMERA, CameraState.FAILED):
            if self._camera is not None:
                self._camera.stop()
                self._camera.deleteLater()
                self._camera = None
            self._open(default_camera())

    @Slot(bool)
    def _on_active(self, active: bool) -> None:
        if active:
            self._set(CameraStatus(CameraState.ACTIVE, self.status.detail))

    @Slot(QCamera.Error, str)
    def _on_error(self, error: QCamera.Error, message: str) -> None:
        log.error("camera: %s (%s)", message, error)
        self._set(CameraStatus(CameraState.FAILED, message))

    @Slot(QVideoFrame)
    def on_frame(self, frame: QVideoFrame) -> None:
        if not self._running:
            return
        if self.decoder.busy:
            self.skipped += 1
            return
        gray = gray_frame(frame.toImage())
        if gray is not None:
            self.decoder.submit(gray)

    def _set(self, status: CameraStatus) -> None:
        if status != self.status:
            log.info("camera: %s %s", status.state, status.detail)
        self.status = status
        self.status_changed.emit(status)
