"""The admin screen's voice settings for staff: volume, rate and mute of the accessible mode's
speech, heard at once (a sample sentence is said after each change)."""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.speech.phrase import Phrase
from ui.speech.speaker import Speaker
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton

VOLUME_STEP: Final = 0.1
RATE_STEP: Final = 0.25


class SpeechControls(QWidget):
    def __init__(
        self, theme: ThemeController, speaker: Speaker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self.state = named(QLabel(), "adminValue")
        self.state.setWordWrap(True)
        self.quieter = TouchButton(theme, None, role="secondary")
        self.louder = TouchButton(theme, None, role="secondary")
        self.slower = TouchButton(theme, None, role="secondary")
        self.faster = TouchButton(theme, None, role="secondary")
        self.mute = TouchButton(theme, None, role="secondary")
        self.mute.setCheckable(True)
        self.quieter.clicked.connect(lambda: self._change(volume=-VOLUME_STEP))
        self.louder.clicked.connect(lambda: self._change(volume=VOLUME_STEP))
        self.slower.clicked.connect(lambda: self._change(rate=-RATE_STEP))
        self.faster.clicked.connect(lambda: self._change(rate=RATE_STEP))
        self.mute.toggled.connect(self._mute)
        # two columns: they fit a portrait panel in the accessible mode's large text, and a
        # grid that reflowed by its own width only ever grew (its minimum is its widest row)
        grid = QGridLayout()
        grid.setSpacing(16)
        for n, button in enumerate((self.quieter, self.louder, self.slower, self.faster)):
            grid.addWidget(button, n // 2, n % 2)
        grid.addWidget(self.mute, 2, 0, 1, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.state)
        column.addLayout(grid)
        self.retranslate()

    def _change(self, *, volume: float = 0.0, rate: float = 0.0) -> None:
        speaker = self._speaker
        speaker.set_volume(round(speaker.volume + volume, 2))
        speaker.set_rate(round(speaker.rate + rate, 2))
        self.retranslate()
        speaker.say([Phrase(self.tr("Voici la voix du kiosque."))])

    def _mute(self, muted: bool) -> None:
        self._speaker.set_muted(muted)
        self.retranslate()

    def retranslate(self) -> None:
        speaker = self._speaker
        self.quieter.setText(self.tr("Moins fort"))
        self.louder.setText(self.tr("Plus fort"))
        self.slower.setText(self.tr("Plus lent"))
        self.faster.setText(self.tr("Plus rapide"))
        self.mute.setText(
            self.tr("Rétablir la voix") if speaker.muted else self.tr("Couper la voix")
        )
        self.state.setText(
            self.tr(
                "Voix du mode accessible\u202f: volume {volume}\u202f%, débit {rate}\u202f%"
            ).format(
                volume=round(speaker.volume * 100),
                rate=f"{round(speaker.rate * 100):+d}",
            )
            + (self.tr(" (coupée)") if speaker.muted else "")
        )
