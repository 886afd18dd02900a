"""QR codes from a camera: frames decoded with zxing-cpp on a worker thread of their own.

The Qt side (``ui/input/camera.py``) turns each video frame into 8-bit luminance and hands it to
:meth:`QrFrameDecoder.submit`. Decoding a 1280x720 frame takes a few milliseconds, a camera
gives 30 frames a second: the decoder keeps only the *latest* frame waiting (a newer one
replaces it), so it never falls behind reality and memory never grows.

A code held in front of the camera is seen in frame after frame: it is reported once, and
again only after it has been out of sight for ``hold_s`` seconds.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

HOLD_S = 3.0  # a code must leave the picture this long before it counts again


class CameraState(enum.StrEnum):
    DISABLED = "disabled"  # SMARTCORNER_CAMERA=0
    NO_CAMERA = "no_camera"  # enabled, but the system lists no camera
    STARTING = "starting"
    ACTIVE = "active"  # frames are coming and being decoded
    FAILED = "failed"  # the camera reported an error (detail says which)


@dataclass(frozen=True)
class CameraStatus:
    state: CameraState
    detail: str = ""


@dataclass(frozen=True)
class GrayFrame:
    """One picture as 8-bit luminance, row after row; ``stride`` bytes per row (>= width)."""

    data: bytes
    width: int
    height: int
    stride: int

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0 or self.stride < self.width:
            raise ValueError(f"bad frame geometry {self.width}x{self.height}/{self.stride}")
        if len(self.data) < self.stride * (self.height - 1) + self.width:
            raise ValueError("frame data shorter than its geometry")


def decode_qr(frame: GrayFrame) -> list[str]:
    """The texts of the QR codes in ``frame`` (zxing-cpp: rotation, blur and inversion too)."""
    import zxingcpp

    view = zxingcpp.ImageView(
        frame.data, frame.width, frame.height, zxingcpp.ImageFormat.Lum, frame.stride
    )
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in zxingcpp.read_barcodes(view, formats=formats)]


class QrFrameDecoder:
    """Decodes the latest submitted frame on its thread; ``on_code`` runs on that thread."""

    def __init__(
        self,
        on_code: Callable[[str], None],
        decode: Callable[[GrayFrame], list[str]] = decode_qr,
        hold_s: float = HOLD_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._on_code = on_code
        self._decode = decode
        self._hold_s = hold_s
        self._clock = clock
        self._wake = threading.Condition()
        self._pending: GrayFrame | None = None
        self._decoding = False
        self._stopping = False
        self._last_seen: dict[str, float] = {}
        self._thread: threading.Thread | None = None
        self.decoded = 0  # frames decoded
        self.dropped = 0  # frames replaced by a newer one before being decoded

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    @property
    def busy(self) -> bool:
        """A frame is waiting or being decoded: converting another now would be wasted work."""
        with self._wake:
            return self._decoding or self._pending is not None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("QrFrameDecoder.start() called twice")
        self._thread = threading.Thread(target=self._run, name="qr-camera-decoder", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Drop the waiting frame, let the one being decoded finish, join the thread."""
        with self._wake:
            self._stopping = True
            self._pending = None
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(timeout=1)

    def submit(self, frame: GrayFrame) -> None:
        with self._wake:
            if self._pending is not None:
                self.dropped += 1
            self._pending = frame
            self._wake.notify()

    def _next_frame(self) -> GrayFrame | None:
        with self._wake:
            self._decoding = False
            while self._pending is None and not self._stopping:
                self._wake.wait()
            if self._stopping:
                return None
            frame, self._pending = self._pending, None
            self._decoding = True
            return frame

    def _run(self) -> None:
        while (frame := self._next_frame()) is not None:
            try:
                texts = self._decode(frame)
            except Exception:
                log.exception("QR decoding failed on a %dx%d frame", frame.width, frame.height)
                continue
            self.decoded += 1
            for text in self._new(texts):
                try:
                    self._on_code(text)
                except Exception:
                    log.exception("camera scan handler failed")

    def _new(self, texts: list[str]) -> list[str]:
        """The texts not seen in the last ``hold_s`` seconds; every sighting restarts the wait."""
        now = self._clock()
        self._last_seen = {t: at for t, at in self._last_seen.items() if now - at < self._hold_s}
        fresh = [t for t in dict.fromkeys(texts) if t and t not in self._last_seen]
        self._last_seen.update(dict.fromkeys(texts, now))
        return fresh
