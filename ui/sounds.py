"""Earcons of the check-in verdicts: one sound per colour, played without ever blocking.

The WAV files in ``assets/sounds/`` come from ``tools/make_sounds.py``. A kiosk without a sound
card, or a missing file, plays nothing: the verdict's colour, shape and text carry the message
on their own. On the offscreen platform (tests, screenshots) nothing is loaded at all.

Loading QtMultimedia cost the GUI thread 130-250 ms (measured under Xvfb): ~60 ms importing the
Python module (loading libQt6Multimedia), ~70-120 ms for the first QSoundEffect (loading the
FFmpeg media plugin with QtQuick, QtQml and libavcodec behind it); the WAV files are decoded on
Qt's own sample thread. A scan typed meanwhile had its keys held up that long. So
:meth:`Earcons.preload` loads those libraries on a worker thread first, through libc's
``dlopen`` called by ctypes, which lets go of the GIL (importing an extension module or
``QLibrary.load`` keep it, and the GUI thread's Python code waits for them), then imports the
module there. The GUI thread only creates the QSoundEffect objects, as Qt wants, once the
libraries are in: a few ms (``bench/sounds_preload.py``).
"""

from __future__ import annotations

import ctypes
import enum
import logging
import os
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QLibraryInfo, QLoggingCategory, QObject, QUrl, Signal
from PySide6.QtGui import QGuiApplication

from ui import resources
from ui.tasks import BackgroundExecutor

if TYPE_CHECKING:
    from collections.abc import Mapping

log = logging.getLogger(__name__)


class Cue(enum.StrEnum):
    OK = "checkin_ok"
    WARNING = "checkin_warning"
    REFUSED = "checkin_refused"
    HELP_CALL = "help_call"  # a number is called on the help queue's display


VOLUME = 0.8
# QtMultimedia's probes for optional libraries (PipeWire, VA-API) warn from the libraries'
# static initialisers, inside dlopen. With the GIL let go there, a warning reaching the
# Python message handler (ui.app.qtlog) waits for the GIL while a thread holding it (importing
# any extension module) waits for the loader's lock: the kiosk froze that way. Off at the
# category, so no handler is called; they are noise on a kiosk anyway.
QUIET_PROBES = "qt.multimedia.symbolsresolver=false"


class SoundPlayer(Protocol):
    def play(self, cue: Cue) -> None: ...


def multimedia_libraries() -> list[Path]:
    """The shared libraries QtMultimedia loads on first use: its own, then its media plugins.

    Only the backend Qt will pick is named (``QT_MEDIA_BACKEND``, FFmpeg by default).
    """
    libraries = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "multimedia"
    backend = os.environ.get("QT_MEDIA_BACKEND", "ffmpeg")
    found = [libraries / "libQt6Multimedia.so.6"]
    if plugins.is_dir():
        found += sorted(plugins.glob(f"lib{backend}*.so"))
    return [path for path in found if path.exists()]


def load_without_the_gil(paths: list[Path]) -> int:
    """``dlopen`` each library through ctypes (a foreign call releases the GIL, so the GUI
    thread's Python keeps running); how many loaded. They stay loaded: Qt opens them later
    by the same file and gets them at once. Linux only; elsewhere Qt loads them itself.

    Nothing in those libraries' initialisers may call into Python (see :data:`QUIET_PROBES`).
    """
    if not sys.platform.startswith("linux"):
        return 0
    libc = ctypes.CDLL(None)
    dlopen = libc.dlopen
    dlopen.argtypes = (ctypes.c_char_p, ctypes.c_int)
    dlopen.restype = ctypes.c_void_p
    loaded = 0
    for path in paths:
        if dlopen(os.fsencode(path), os.RTLD_NOW):
            loaded += 1
        else:
            log.debug("could not preload %s: Qt will load it itself", path)
    return loaded


class Earcons(QObject):
    """QSoundEffect per cue, loaded once; ``played`` records every cue asked for (tests)."""

    loaded = Signal()  # the sounds can be played (or there are none to play)

    def __init__(
        self, parent: QObject | None = None, *, enabled: bool = True, offscreen: bool = False
    ) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._offscreen = offscreen  # load even on the offscreen platform (tests of loading)
        self._effects: Mapping[Cue, Any] | None = None
        self._loading = False
        self._waiting: Cue | None = None  # asked for before the sounds were in
        self._worker: BackgroundExecutor | None = None
        self._files = ExitStack()  # keeps extracted asset files alive while the effects live
        self.played: list[Cue] = []
        self.gui_ms: float | None = None  # what the GUI thread spent creating the effects
        self.destroyed.connect(self._files.close)

    @property
    def ready(self) -> bool:
        return self._effects is not None

    def preload(self) -> None:
        """Start loading the sounds (call it once the screen is up): the libraries and the
        files on a worker, then the effects here; ``loaded`` says when it is done."""
        if self._effects is not None or self._loading:
            return
        offscreen = QGuiApplication.platformName() == "offscreen" and not self._offscreen
        if not self._enabled or offscreen:
            self._done({})  # no screen, nobody in front of it: tests, screenshots
            return
        self._loading = True
        QLoggingCategory.setFilterRules(QUIET_PROBES)
        self._worker = BackgroundExecutor(parent=self)
        self._worker.submit(self._prepare, self._create, self._give_up)

    def _prepare(self) -> dict[Cue, Path]:
        """On the worker: the libraries, the Python module, the sound files."""
        load_without_the_gil(multimedia_libraries())
        import PySide6.QtMultimedia  # noqa: F401  (its module init, off the GUI thread)

        paths: dict[Cue, Path] = {}
        for cue in Cue:
            try:
                paths[cue] = self._files.enter_context(resources.asset_file("sounds", f"{cue}.wav"))
            except (FileNotFoundError, OSError) as exc:
                log.warning("sound %s missing: %s", cue, exc)
        return paths

    def _create(self, paths: dict[Cue, Path]) -> None:
        """On the GUI thread, where QSoundEffect must live: quick once the libraries are in."""
        started = time.perf_counter()
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # a build of Qt without QtMultimedia
            self._give_up(exc)
            return
        effects: dict[Cue, Any] = {}
        for cue, path in paths.items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(VOLUME)
            effects[cue] = effect
        self.gui_ms = (time.perf_counter() - started) * 1000
        self._done(effects)
        log.info("sounds loaded: %d cues (%.1f ms on the GUI thread)", len(effects), self.gui_ms)

    def _give_up(self, exc: BaseException) -> None:
        log.warning("no sound: QtMultimedia could not be loaded (%s)", exc)
        self._done({})

    def _done(self, effects: Mapping[Cue, Any]) -> None:
        self._effects, self._loading = effects, False
        self.loaded.emit()
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._sound(waiting)

    def play(self, cue: Cue) -> None:
        """Play now; before the sounds are in, as soon as they are (the latest cue only)."""
        self.played.append(cue)
        if self._effects is None:
            self._waiting = cue
            self.preload()
            return
        self._sound(cue)

    def _sound(self, cue: Cue) -> None:
        effect = (self._effects or {}).get(cue)
        if effect is None:
            return
        if effect.isPlaying():
            effect.stop()
        effect.play()
