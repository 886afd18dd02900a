"""Generate the check-in earcons into assets/sounds/ (small mono WAV files, no dependency).

    .venv/bin/python tools/make_sounds.py

Three sounds that differ in pitch direction, rhythm and timbre, not only in pitch, so that
they are told apart without looking and by people with poor pitch perception:

- ``checkin_ok.wav``: two short rising sine notes (a "ding-dong" up: come in);
- ``checkin_warning.wav``: two identical mid notes (attention, nothing new);
- ``checkin_refused.wav``: one longer falling, buzzier tone (stop, read the screen).

The output is deterministic, so re-running it changes no file unless this script changes.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Iterable
from pathlib import Path

RATE = 22050
AMPLITUDE = 0.45  # of full scale: loud enough in a hall, never clipping
OUT = Path(__file__).resolve().parents[1] / "assets" / "sounds"


def _envelope(i: int, n: int, attack: int, release: int) -> float:
    if i < attack:
        return i / attack
    if i > n - release:
        return max(0.0, (n - i) / release)
    return 1.0


def tone(
    freq_start: float,
    freq_end: float,
    ms: int,
    *,
    harmonics: tuple[float, ...] = (1.0,),
) -> list[float]:
    """A note gliding from ``freq_start`` to ``freq_end`` with soft 8 ms edges (no clicks)."""
    n = RATE * ms // 1000
    attack = release = RATE * 8 // 1000
    out: list[float] = []
    phase = 0.0
    norm = sum(harmonics)
    for i in range(n):
        freq = freq_start + (freq_end - freq_start) * i / n
        phase += 2 * math.pi * freq / RATE
        sample = sum(a * math.sin((k + 1) * phase) for k, a in enumerate(harmonics)) / norm
        out.append(sample * _envelope(i, n, attack, release))
    return out


def silence(ms: int) -> list[float]:
    return [0.0] * (RATE * ms // 1000)


def write(path: Path, samples: Iterable[float]) -> None:
    frames = b"".join(
        struct.pack("<h", round(max(-1.0, min(1.0, s)) * AMPLITUDE * 32767)) for s in samples
    )
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames)


SOUNDS: dict[str, list[float]] = {
    "checkin_ok": tone(784, 784, 110) + silence(20) + tone(1175, 1175, 220),  # G5 then D6
    "checkin_warning": tone(659, 659, 140) + silence(90) + tone(659, 659, 140),  # E5 twice
    "checkin_refused": tone(330, 220, 420, harmonics=(1.0, 0.5, 0.33, 0.25)),  # falling buzz
    # the help queue's calling display: a soft three-note hall chime (C6, A5, F5), falling
    "help_call": tone(1047, 1047, 260, harmonics=(1.0, 0.3))
    + tone(880, 880, 260, harmonics=(1.0, 0.3))
    + tone(698, 698, 520, harmonics=(1.0, 0.3)),
}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, samples in SOUNDS.items():
        path = OUT / f"{name}.wav"
        write(path, samples)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
