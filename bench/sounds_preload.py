"""Loading the check-in sounds: how long the GUI thread stops answering, old way and new.

Each sample is a fresh process (QtMultimedia loads once per process) with a QApplication and
a 2 ms heartbeat timer; the longest gap between beats while the sounds load is the stall a
scan typed then would see. ``gui`` loads everything on the GUI thread (what the kiosk did);
``worker`` is ``ui.sounds.Earcons.preload`` (libraries and module on a worker, the effects on
the GUI thread). Runs alternate, so machine noise hits both alike. Also printed: the time
until the sounds are ready, and for ``worker`` the GUI thread's own part (creating effects).

    .venv/bin/python bench/sounds_preload.py [--runs 9]

Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise (QtMultimedia does not
need a screen).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QElapsedTimer, QTimer, QUrl
from PySide6.QtWidgets import QApplication
from ui import resources
from ui.sounds import Cue, Earcons

app = QApplication(sys.argv[:1])
clock = QElapsedTimer()
gaps, last = [], [0]

def beat():
    now = clock.elapsed()
    gaps.append(now - last[0])
    last[0] = now

heartbeat = QTimer(interval=2)
heartbeat.timeout.connect(beat)
result = {}

def finish(started):
    result["ready_ms"] = (time.perf_counter() - started) * 1000
    QTimer.singleShot(20, stop)  # a few more beats after it

def stop():
    result["stall_ms"] = max(gaps)
    print(json.dumps(result))
    app.quit()

def start():
    clock.start()
    heartbeat.start()
    started = time.perf_counter()
    if sys.argv[1] == "gui":  # the previous way: all of it in one GUI-thread slot
        from PySide6.QtMultimedia import QSoundEffect
        effects = []
        for cue in Cue:
            with resources.asset_file("sounds", f"{cue}.wav") as path:
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effects.append(effect)
        app.setProperty("effects", len(effects))
        finish(started)
    else:
        sounds = Earcons(app, offscreen=True)
        def loaded():
            result["gui_ms"] = sounds.gui_ms
            finish(started)
        sounds.loaded.connect(loaded)
        sounds.preload()

QTimer.singleShot(200, start)
app.exec()
"""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def sample(way: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_LOGGING_RULES": "qt.multimedia*=false"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, way],
        env=env, capture_output=True, text=True, timeout=120, check=True, cwd=ROOT,
    )  # fmt: skip
    line = next(x for x in done.stdout.splitlines() if x.startswith("{"))
    figures: dict[str, float] = json.loads(line)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {"gui": [], "worker": []}
    for _ in range(args.runs):
        for way, samples in results.items():
            samples.append(sample(way))
    print(f"sounds preload, {args.runs} fresh processes each (ms: median / p95)")
    for way, samples in results.items():
        for key in ("stall_ms", "ready_ms", "gui_ms"):
            values = [s[key] for s in samples if s.get(key) is not None]
            if values:
                label = {"stall_ms": "GUI thread stall", "ready_ms": "until ready",
                         "gui_ms": "effects created on the GUI thread"}[key]  # fmt: skip
                print(f"  {way:6} {label:34} {statistics.median(values):7.1f} / {p95(values):7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
