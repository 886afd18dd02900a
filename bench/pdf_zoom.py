"""PDF reader zoom: from a tap on « + » (or a pan) to the screen drawn sharp, at 1920x1080.

    .venv/bin/python bench/pdf_zoom.py [--rounds 3] [--size 1920x1080] [--pdf FILE]

The reader's viewer fills a ``--size`` window (logical pixels, on the offscreen platform: the
device pixel ratio is 1) on a real 4-page TeX course (tests/fixtures/real/documents). Each
round zooms from the page's width to 800 % in steps of 1.25, then pans to eight places at
800 %, then fits the width again. For each step: the time from the call to the first paint (the
stand-in, stretched: the GUI thread never waits for a tile), and to the screen drawn sharp (every
tile on screen at the new scale, rendered by the worker). Also the longest stall of the GUI
thread's event loop during the run (a 5 ms timer's lateness), the tiles rendered and the
cache's peak bytes against its cap. Prints medians and p95; no pass or fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
COURSE = ROOT / "tests/fixtures/real/documents/pdflatex-french-ligatures.pdf"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def line(label: str, values: list[float]) -> str:
    return (f"{label:<34} n={len(values):3d}  median {statistics.median(values):7.1f} ms"
            f"  p95 {p95(values):7.1f} ms  max {max(values):7.1f} ms")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--pdf", type=Path, default=COURSE)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = (int(n) for n in args.size.split("x"))

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.documents.pdf_viewer import CACHE_BYTES, PdfViewer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    viewer = PdfViewer()
    viewer.resize(width, height)
    viewer.show()
    view = viewer.view
    peak = [0]
    rendered = [0]

    def on_painted() -> None:
        peak[0] = max(peak[0], view.cache.bytes)
        rendered[0] += 1

    view.painted.connect(on_painted)

    stall = [0.0]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        stall[0] = max(stall[0], now - last[0] - 5)
        last[0] = now

    ticker = QTimer()
    ticker.timeout.connect(tick)
    ticker.start(5)

    def until(done, deadline: float = 30.0) -> float:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        while not done():
            app.processEvents()
            if time.perf_counter() - t0 > deadline:
                raise SystemExit("the reader never drew the screen sharp")
        return (time.perf_counter() - t0) * 1000

    first_paint: list[float] = []
    zoom_sharp: list[float] = []
    pan_sharp: list[float] = []
    if not viewer.open(args.pdf):
        raise SystemExit(f"cannot open {args.pdf}")
    until(view.sharp)
    for _ in range(args.rounds):
        while viewer.can_zoom_in():
            t0 = time.perf_counter()
            viewer.zoom_in()
            app.processEvents()  # the paint of the stand-in
            first_paint.append((time.perf_counter() - t0) * 1000)
            zoom_sharp.append(first_paint[-1] + until(view.sharp))
        horizontal, vertical = view.horizontalScrollBar(), view.verticalScrollBar()
        for x, y in ((1, 0.1), (0, 0.2), (0.5, 0.3), (1, 0.45), (0, 0.6), (0.5, 0.75),
                     (1, 0.9), (0, 1)):  # fmt: skip
            t0 = time.perf_counter()
            horizontal.setValue(round(horizontal.maximum() * x))
            vertical.setValue(round(vertical.maximum() * y))
            pan_sharp.append((time.perf_counter() - t0) * 1000 + until(view.sharp))
        viewer.fit_width()
        until(view.sharp)
    load = os.getloadavg()[0]
    print(f"PDF zoom on {args.pdf.name}, viewer {width}x{height} logical, device pixel ratio "
          f"{view.dpr:g}, {os.cpu_count()} CPUs, load average {load:.1f}")  # fmt: skip
    print(line("zoom step -> first paint", first_paint))
    print(line("zoom step -> sharp region painted", zoom_sharp))
    print(line("pan at 800 % -> sharp", pan_sharp))
    print(
        f"longest GUI-thread stall: {stall[0]:.0f} ms; tiles delivered: {rendered[0]}; "
        f"cache peak {peak[0] / 2**20:.0f} MiB of a {CACHE_BYTES / 2**20:.0f} MiB cap"
    )
    viewer.close_document()
    return 0


if __name__ == "__main__":
    sys.exit(main())
