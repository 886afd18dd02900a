"""A finger signature as compact strokes rather than a picture.

A signature drawn on the pad is a few strokes of a few hundred points. Stored as a PNG it
weighs 5-20 kB; as delta-encoded varints, deflated, it is usually under 1 kB, stays exact
(it can be redrawn at any size, for a PDF or on screen) and is easy to check.

Format ``SG1``: magic, width and height of the pad (u16 each), then for each stroke its
point count and its points, the first absolute and the others as deltas, all as zig-zag
varints; the whole deflated. Coordinates are pad pixels, clamped into the pad.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

MAGIC: Final = b"SG1"
MAX_STROKES: Final = 200
MAX_POINTS: Final = 20_000  # in all strokes together
MAX_STORED: Final = 64 * 1024

type Point = tuple[int, int]


class SignatureError(ValueError):
    """Bytes that are not a signature this module wrote."""


@dataclass(frozen=True)
class Signature:
    width: int
    height: int
    strokes: tuple[tuple[Point, ...], ...]

    @property
    def is_blank(self) -> bool:
        """A tap or two is not a signature: at least one stroke with some length."""
        return not any(len(s) >= 3 for s in self.strokes)

    def encode(self) -> bytes:
        return encode(self)


def _zigzag(n: int) -> int:
    return (n << 1) ^ (n >> 63)


def _unzigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


def _varint(n: int, out: bytearray) -> None:
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def encode(signature: Signature) -> bytes:
    w, h = signature.width, signature.height
    if not (0 < w < 65536 and 0 < h < 65536):
        raise ValueError(f"pad size {w}x{h} out of range")
    strokes = [s for s in signature.strokes if s]
    if len(strokes) > MAX_STROKES or sum(map(len, strokes)) > MAX_POINTS:
        raise ValueError("too many strokes or points for a signature")
    out = bytearray(MAGIC)
    out += w.to_bytes(2, "big") + h.to_bytes(2, "big")
    _varint(len(strokes), out)
    for stroke in strokes:
        _varint(len(stroke), out)
        px, py = 0, 0
        for x, y in stroke:
            x, y = min(max(int(x), 0), w - 1), min(max(int(y), 0), h - 1)
            _varint(_zigzag(x - px), out)
            _varint(_zigzag(y - py), out)
            px, py = x, y
    return zlib.compress(bytes(out), 9)


def decode(data: bytes) -> Signature:
    if len(data) > MAX_STORED:
        raise SignatureError("too large")
    try:
        raw = zlib.decompressobj().decompress(data, MAX_POINTS * 8 + 1024)
    except zlib.error as exc:
        raise SignatureError(f"not deflated: {exc}") from None
    if not raw.startswith(MAGIC) or len(raw) < 7:
        raise SignatureError("not a signature")
    w, h = int.from_bytes(raw[3:5], "big"), int.from_bytes(raw[5:7], "big")
    pos = 7

    def read() -> int:
        nonlocal pos
        n, shift = 0, 0
        while True:
            if pos >= len(raw) or shift > 63:
                raise SignatureError("truncated")
            byte = raw[pos]
            pos += 1
            n |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return n

    count = read()
    if count > MAX_STROKES:
        raise SignatureError("too many strokes")
    strokes: list[tuple[Point, ...]] = []
    total = 0
    for _ in range(count):
        points = read()
        total += points
        if total > MAX_POINTS:
            raise SignatureError("too many points")
        x = y = 0
        stroke: list[Point] = []
        for _ in range(points):
            x += _unzigzag(read())
            y += _unzigzag(read())
            if not (0 <= x < w and 0 <= y < h):
                raise SignatureError("point outside the pad")
            stroke.append((x, y))
        strokes.append(tuple(stroke))
    if pos != len(raw):
        raise SignatureError("trailing bytes")
    return Signature(w, h, tuple(strokes))


def from_strokes(width: int, height: int, strokes: Sequence[Sequence[Point]]) -> Signature:
    return Signature(width, height, tuple(tuple(s) for s in strokes if s))
