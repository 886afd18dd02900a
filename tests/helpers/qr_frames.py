"""Camera-like pictures of QR codes: rendered with ``qrcode``, then rotated, blurred, placed."""

from __future__ import annotations

import qrcode
from PIL import Image, ImageFilter

from hardware.qr_camera import GrayFrame

FRAME_SIZE = (1280, 720)


def qr_picture(
    payload: str | None,
    *,
    angle: float = 0,
    blur: float = 0,
    size: tuple[int, int] = FRAME_SIZE,
    code_px: int | None = None,
) -> Image.Image:
    """A grey "room" with ``payload``'s QR on a sheet of paper (no QR when None)."""
    frame = Image.new("L", size, 150)
    if payload is not None:
        code_px = code_px or int(min(size) * 0.45)
        code = qrcode.make(payload, border=2).get_image().convert("L").resize((code_px, code_px))
        code = code.rotate(angle, expand=True, fillcolor=150, resample=Image.Resampling.BILINEAR)
        frame.paste(code, ((size[0] - code.width) // 3, (size[1] - code.height) // 2))
    else:  # something with edges, so that the decoder has work to do
        for n in range(0, size[0], 97):
            frame.paste(40 + n % 180, (n, 100, n + 40, size[1] - 100))
    if blur:
        frame = frame.filter(ImageFilter.GaussianBlur(blur))
    return frame


def gray_frame(picture: Image.Image, padding: int = 0) -> GrayFrame:
    """``picture`` as a frame whose rows carry ``padding`` extra bytes, as video buffers do."""
    grey = picture.convert("L")
    rows = grey.tobytes()
    w, h = grey.size
    stride = w + padding
    data = b"".join(rows[y * w : (y + 1) * w] + b"\x00" * padding for y in range(h))
    return GrayFrame(data, w, h, stride)
