"""Earcons of the check-in verdicts: one sound per colour, played without ever blocking.

The WAV files in ``assets/sounds/`` come from ``tools/make_sounds.py``. QtMultimedia is
imported on :meth:`Earcons.preload` (a few seconds after the first paint: loading it costs
~60–250 ms and the start must stay fast). A kiosk without a sound card, or a missing file,
plays nothing: the verdict's colour, shape and text carry the message on their own. On the
offscreen platform (tests, screenshots) nothing is loaded at all.
"""

from __future__ import annotations

import enum
import logging
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QGuiApplication

from ui import resources

if TYPE_CHECKING:
    from collections.abc import Mapping

log = logging.getLogger(__name__)


class Cue(enum.StrEnum):
    OK = "checkin_ok"
    WARNING = "checkin_warning"
    REFUSED = "checkin_refused"
    HELP_CALL = "help_call"  # a number is called on the help queue's display


VOLUME = 0.8


class SoundPlayer(Protocol):
    def play(self, cue: Cue) -> None: ...


class Earcons(QObject):
    """QSoundEffect per cue, loaded once; ``played`` records every cue asked for (tests)."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._effects: Mapping[Cue, Any] | None = None
        self._files = ExitStack()  # keeps extracted asset files alive while the effects live
        self.played: list[Cue] = []
        self.destroyed.connect(self._files.close)

    def preload(self) -> None:
        """Load the sounds now (QtMultimedia, the WAV files): call it once the screen is up."""
        if self._effects is not None:
            return
        if not self._enabled or QGuiApplication.platformName() == "offscreen":
            self._effects = {}  # no screen, nobody in front of it: tests, screenshots
            return
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # a build of Qt without QtMultimedia
            log.warning("no sound: QtMultimedia is missing (%s)", exc)
            self._effects = {}
            return
        effects: dict[Cue, Any] = {}
        for cue in Cue:
            try:
                path = self._files.enter_context(resources.asset_file("sounds", f"{cue}.wav"))
            except (FileNotFoundError, OSError) as exc:
                log.warning("sound %s missing: %s", cue, exc)
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(VOLUME)
            effects[cue] = effect
        self._effects = effects
        log.info("sounds loaded: %d cues", len(effects))

    def play(self, cue: Cue) -> None:
        self.played.append(cue)
        if self._effects is None:
            self.preload()
        effect = (self._effects or {}).get(cue)
        if effect is None:
            return
        if effect.isPlaying():
            effect.stop()
        effect.play()
