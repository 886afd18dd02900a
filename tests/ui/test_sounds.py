"""The check-in sounds load without holding the GUI thread: libraries on a worker, effects here."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import Any

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from ui.sounds import Cue, Earcons, multimedia_libraries

# No sound card on a test machine, no PipeWire nor VA-API libraries: QtMultimedia says so.
pytestmark = pytest.mark.qt_log_ignore(
    "QSoundEffect", "PulseAudioService", "ALSA", "Couldn.t (load|resolve)"
)


def test_the_libraries_to_preload_are_qtmultimedia_and_its_media_backend() -> None:
    names = [path.name for path in multimedia_libraries()]
    assert names[0] == "libQt6Multimedia.so.6"
    assert any("ffmpeg" in name for name in names[1:])


def test_preload_returns_at_once_and_the_effects_are_made_on_the_gui_thread(
    qtbot: QtBot, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sounds = Earcons(offscreen=True)
    prepared_on: list[int] = []
    prepare = sounds._prepare

    def watched_prepare() -> Any:
        prepared_on.append(threading.get_ident())
        return prepare()

    monkeypatch.setattr(sounds, "_prepare", watched_prepare)
    with qtbot.waitSignal(sounds.loaded, timeout=20_000):
        sounds.preload()
        assert not sounds.ready  # the GUI thread goes back to its events meanwhile
        sounds.play(Cue.OK)  # asked for before the sounds are in: no load on this thread
    assert prepared_on
    assert prepared_on[0] != threading.get_ident()
    effects = sounds._effects
    assert effects is not None
    assert set(effects) == set(Cue)
    assert all(effect.thread() is QThread.currentThread() for effect in effects.values())
    assert sounds.played == [Cue.OK]
    sounds.deleteLater()


def test_on_the_offscreen_platform_nothing_is_loaded(qtbot: QtBot) -> None:
    sounds = Earcons()
    with qtbot.waitSignal(sounds.loaded, timeout=1000):
        sounds.preload()
    assert sounds.ready
    assert sounds._effects == {}
    sounds.play(Cue.REFUSED)
    assert sounds.played == [Cue.REFUSED]
    sounds.deleteLater()


WORKER_MESSAGES = r"""
import sys, threading
from PySide6.QtCore import QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from ui.sounds import Earcons

gui = threading.get_ident()

def handler(kind, context, message):
    if threading.get_ident() != gui:
        print(f"from the worker: [{context.category}] {message}", flush=True)

app = QApplication(sys.argv[:1])
qInstallMessageHandler(handler)
sounds = Earcons(offscreen=True)
sounds.loaded.connect(app.quit)
QTimer.singleShot(0, sounds.preload)
QTimer.singleShot(60_000, app.quit)
app.exec()
print("loaded" if sounds.ready else "not loaded", flush=True)
"""


def test_no_qt_message_reaches_python_from_inside_the_worker_s_dlopen() -> None:
    """A Qt message sent from a library's initialiser while the worker's dlopen holds the
    loader's lock (GIL let go) needs the GIL: the kiosk froze when a thread holding it was
    importing an extension module at that moment. A fresh process: the libraries load once."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_LOGGING_RULES", None)
    done = subprocess.run(
        [sys.executable, "-c", WORKER_MESSAGES],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert lines[-1] == "loaded"
    assert [line for line in lines if line.startswith("from the worker")] == []
