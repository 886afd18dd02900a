"""Decode the ESC/POS bytes of a job back into what the paper would show, in order.

Two users: the simulated printer of demo mode (``printer = none``), which shows each ticket
on screen from the very bytes a real printer would have received, and the tests, which assert
on the text, images and QR payloads the loopback printer got.

Deliberately independent of python-escpos (it decodes what escpos produced): code pages
follow Epson's ``ESC t`` table. Unknown sequences are collected, not skipped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

ESC, GS, DLE, LF = 0x1B, 0x1D, 0x10, 0x0A

# Epson ESC t n -> Python codec (the ones a French receipt may use)
CODEPAGES = {0: "cp437", 2: "cp850", 15: "iso8859_7", 16: "cp1252", 19: "cp858", 40: "iso8859_15"}
DEFAULT_QR_MODULE = 3  # dots per module when the job does not say (GS ( k 1C)


@dataclass(frozen=True)
class Line:
    text: str
    align: str = "left"
    bold: bool = False
    width: int = 1
    height: int = 1


@dataclass(frozen=True)
class QrCode:
    """A QR code printed by the printer itself (``GS ( k``): only its payload travels."""

    payload: str
    module: int = DEFAULT_QR_MODULE  # dots per module


@dataclass(frozen=True)
class Cut:
    pass


type PaperItem = Line | Image.Image | QrCode | Cut


@dataclass
class Decoded:
    lines: list[Line] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)  # raster images, white paper
    cuts: int = 0
    status_queries: list[int] = field(default_factory=list)
    codepages: list[str] = field(default_factory=list)
    unknown: list[bytes] = field(default_factory=list)
    items: list[PaperItem] = field(default_factory=list)  # everything above, in paper order

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


_ESC_ONE_ARG = {ord(c) for c in "-{M2GVU"}  # underline, upside down, font, ... (ignored)
_GS_ONE_ARG = {ord("b"), ord("B"), ord("H"), ord("f"), ord("h"), ord("w")}


def decode(data: bytes) -> Decoded:
    out = Decoded()
    align, bold, width, height, codec = "left", False, 1, 1, "cp437"
    text = bytearray()
    stored_qr = ""
    qr_module = DEFAULT_QR_MODULE
    i, n = 0, len(data)

    def flush() -> None:
        line = Line(text.decode(codec, "replace"), align, bold, width, height)
        out.lines.append(line)
        out.items.append(line)
        text.clear()

    while i < n:
        b = data[i]
        if b == LF:
            flush()
            i += 1
        elif b == 0x0D:
            i += 1
        elif b == ESC and i + 1 < n:
            cmd = data[i + 1]
            arg = data[i + 2] if i + 2 < n else 0
            if cmd == ord("@"):
                align, bold, width, height, codec = "left", False, 1, 1, "cp437"
                i += 2
                continue
            if cmd == ord("a"):
                align = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center"}.get(
                    arg, "right"
                )
            elif cmd == ord("E"):
                bold = bool(arg & 1)
            elif cmd == ord("!"):
                bold = bool(arg & 0x08)
                height, width = (2 if arg & 0x10 else 1), (2 if arg & 0x20 else 1)
            elif cmd == ord("t"):
                if arg not in CODEPAGES:
                    out.unknown.append(data[i : i + 3])
                codec = CODEPAGES.get(arg, "cp437")
                out.codepages.append(codec)
            elif cmd == ord("d"):
                pass  # ESC d n: feed n lines, nothing to draw
            elif cmd not in _ESC_ONE_ARG:
                out.unknown.append(data[i : i + 2])
                i += 2
                continue
            i += 3
        elif b == GS and i + 1 < n:
            cmd = data[i + 1]
            arg = data[i + 2] if i + 2 < n else 0
            if cmd == ord("!"):
                width, height = (arg >> 4) + 1, (arg & 0x0F) + 1
                i += 3
            elif cmd == ord("V"):
                out.cuts += 1
                out.items.append(Cut())
                i += 4 if arg in (65, 66) else 3
            elif cmd in _GS_ONE_ARG:
                i += 3
            elif cmd == ord("v") and arg in (0, 48):  # GS v 0 m xL xH yL yH: raster image
                xl, xh, yl, yh = data[i + 4 : i + 8]
                row_bytes, rows = xl + 256 * xh, yl + 256 * yh
                raster = data[i + 8 : i + 8 + row_bytes * rows]
                image = Image.frombytes("1", (row_bytes * 8, rows), raster)
                paper = Image.eval(image.convert("L"), lambda v: 255 - v)
                out.images.append(paper)
                out.items.append(paper)
                i += 8 + row_bytes * rows
            elif cmd == ord("(") and arg == ord("k"):  # GS ( k pL pH cn fn ...: 2D codes
                size = data[i + 3] + 256 * data[i + 4]
                body = data[i + 5 : i + 5 + size]
                if body[:2] == b"1P":
                    stored_qr = body[3:].decode("latin-1")
                elif body[:2] == b"1C" and len(body) > 2:
                    qr_module = body[2]
                elif body[:2] == b"1Q":
                    out.qr_payloads.append(stored_qr)
                    out.items.append(QrCode(stored_qr, qr_module))
                i += 5 + size
            elif cmd == ord("k"):  # barcode: m 0-6 NUL-terminated, m >= 65: length byte
                if arg >= 65:
                    i += 4 + data[i + 3]
                else:
                    i = data.index(0, i + 3) + 1
                out.unknown.append(b"GS k (barcode)")
            else:
                out.unknown.append(data[i : i + 2])
                i += 2
        elif b == DLE and i + 2 < n and data[i + 1] == 0x04:
            out.status_queries.append(data[i + 2])
            i += 3
        elif b < 0x20:
            out.unknown.append(bytes([b]))
            i += 1
        else:
            text.append(b)
            i += 1
    if text:
        flush()
    return out


def qr_image(code: QrCode) -> Image.Image:
    """The QR a printer would draw for ``code``, as a greyscale image (black on white)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=max(1, code.module), border=2)
    qr.add_data(code.payload)
    qr.make(fit=True)
    image: Image.Image = qr.make_image().get_image()
    return image.convert("L")


@dataclass(frozen=True)
class TicketPreview:
    """What the paper shows, ready to paint: text lines, images (QRs drawn), cuts, in order."""

    items: tuple[Line | Image.Image | Cut, ...]
    columns: int

    @property
    def texts(self) -> list[str]:
        return [item.text for item in self.items if isinstance(item, Line)]

    @property
    def images(self) -> list[Image.Image]:
        return [item for item in self.items if isinstance(item, Image.Image)]


def preview(data: bytes, columns: int = 42) -> TicketPreview:
    """``data`` (one job's bytes) as a :class:`TicketPreview` for a ``columns``-wide printer."""
    items: list[Line | Image.Image | Cut] = []
    for item in decode(data).items:
        items.append(qr_image(item) if isinstance(item, QrCode) else item)
    return TicketPreview(tuple(items), columns)
