"""A video with one big play/pause button, on QtMultimedia where the machine has it.

QtMultimedia is imported on the first video only (it is slow to load and may be missing its
backend on a bare kiosk): ``available`` says whether videos can play here at all.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton

log = logging.getLogger(__name__)


def _multimedia_available() -> bool:
    try:
        from PySide6 import QtMultimedia, QtMultimediaWidgets  # noqa: F401
    except ImportError:
        return False
    return True


class MediaPlayer(QWidget):
    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediaPlayer")
        self._theme = theme
        self._player: Any = None
        self._video: Any = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(12)
        self.toggle = TouchButton(theme, "player-play", role="primary", icon_colour="on_accent")
        self.toggle.setObjectName("playPause")
        self.toggle.clicked.connect(self._toggle)
        self._column.addStretch(1)
        self._column.addWidget(self.toggle)
        self._available: bool | None = None

    @property
    def available(self) -> bool:
        if self._available is None:
            self._available = _multimedia_available()
        return self._available

    @property
    def playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState)

    def _ensure_player(self) -> None:
        if self._player is not None:
            return
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self._video = QVideoWidget(self)
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(QAudioOutput(self._player))
        self._player.setVideoOutput(self._video)
        self._player.playbackStateChanged.connect(self._state_changed)
        self._player.errorOccurred.connect(lambda _e, text: log.warning("video: %s", text))
        self._column.insertWidget(0, self._video, 1)

    def play(self, path: Path) -> None:
        self._ensure_player()
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.play()
        self._state_changed()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.setSource(QUrl())

    def _toggle(self) -> None:
        if self._player is None:
            return
        if self.playing:
            self._player.pause()
        else:
            self._player.play()

    def _state_changed(self, *_: object) -> None:
        self.toggle.set_icon_name("player-pause" if self.playing else "player-play")
        self.toggle.setText(self.tr("Pause") if self.playing else self.tr("Lecture"))
