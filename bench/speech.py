"""What speech costs the GUI thread: a key press on the keypad path (focus move, what is said
handed to the engine) and a screen described, on the store kiosk's home screen, with Qt's mock
engine (the engine itself runs on its own thread). With ``--speechd``, also how long
speech-dispatcher takes to be ready (the engine's creation, off the GUI thread).

    .venv/bin/python bench/speech.py [--presses 200] [--speechd]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def quantiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms (n={len(ordered)})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--speechd", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Profile, Settings
    from tests.ui.conftest import NOW, FakeProgramme
    from ui.app.shell import build_shell
    from ui.speech.speaker import Speaker, engine_factory

    app = QApplication(sys.argv[:1])
    data = Path(tempfile.mkdtemp())
    settings = Settings(profile=Profile.STORE, paths=Paths(data_dir=data, config_file=None),
                        speech_engine="mock", speech_output="speaker")  # fmt: skip
    shell = build_shell(settings, app=app, clock=FixedClock(NOW), events_loader=FakeProgramme())
    shell.window.resize(1920, 1080)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    shell.window.activateWindow()
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 200)
    shell.router.go("home")
    shell.session.set_accessible(True)
    app.processEvents()

    presses: list[float] = []
    for _ in range(args.presses):
        target = QApplication.focusWidget() or shell.window
        event = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        started = time.perf_counter()
        QCoreApplication.sendEvent(target, event)
        presses.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    print(f"Tab on the home screen (focus moved, ring, text to the engine): {quantiles(presses)}")

    describes: list[float] = []
    narrator = shell.narrator
    for _ in range(max(20, args.presses // 10)):
        narrator._schedule(shell.router.current)  # what a screen's Show event does
        started = time.perf_counter()
        narrator._describe_pending()
        describes.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    print(f"home screen described (spoken(), first target focused): {quantiles(describes)}")
    shell.close()

    if args.speechd:
        speaker = Speaker(engine_factory("speechd"))
        clock = QElapsedTimer()
        clock.start()
        loop = QEventLoop()
        speaker.health_changed.connect(lambda _h: loop.quit())
        speaker.start()
        loop.exec()
        print(f"speechd engine ready after {clock.elapsed()} ms (on the speech thread): "
              f"{speaker.health.value}")  # fmt: skip
        speaker.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
