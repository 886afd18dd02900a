"""The admin screen's « Voix » row: volume, rate and mute of the accessible mode's speech.

Three buttons, each showing its own value and stepping through a few values (volume 20–100 %,
slow / normal / fast, on / off): a row of five or more − / + buttons on the administration
screen broke its layout on half the panels, and staff only ever need a handful of settings.
Each change is heard at once (a sample sentence) and saved by ``on_change`` (the shell writes
it off the GUI thread, so it outlasts a restart).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from kiosk.settings import Voice
from ui.speech.phrase import Phrase
from ui.speech.speaker import Speaker
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton


class VoiceRow(QWidget):
    def __init__(
        self,
        theme: ThemeController,
        speaker: Speaker,
        on_change: Callable[[Voice], None] = lambda _voice: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voiceRow")
        self._theme = theme
        self._speaker = speaker
        self._on_change = on_change
        self.volume = TouchButton(theme, None, role="secondary")
        self.volume.setObjectName("voiceVolume")
        self.rate = TouchButton(theme, None, role="secondary")
        self.rate.setObjectName("voiceRate")
        self.mute = TouchButton(theme, None, role="secondary")
        self.mute.setObjectName("voiceMute")
        self.volume.clicked.connect(lambda: self._change(speaker.voice.next_volume()))
        self.rate.clicked.connect(lambda: self._change(speaker.voice.next_rate()))
        self.mute.clicked.connect(lambda: self._change(speaker.voice.toggled_mute()))
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        for button in (self.volume, self.rate, self.mute):
            self._row.addWidget(button)
        self._row.addStretch(1)
        theme.changed.connect(self._fit)
        self._fit()
        self.retranslate()

    def _fit(self) -> None:
        """Side by side; one under the other on a portrait panel (the card's value column is
        narrower than the three there)."""
        portrait = self._theme.metrics.portrait
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._row.setSpacing(self._theme.tokens.px(16))

    def _change(self, voice: Voice) -> None:
        speaker = self._speaker
        speaker.apply_voice(voice)
        self.retranslate()
        self._on_change(voice)
        if not voice.muted:
            speaker.say([Phrase(self.tr("Voici la voix du kiosque."))])

    def retranslate(self) -> None:
        voice = self._speaker.voice
        self.volume.setText(self.tr("Volume {n}\u202f%").format(n=round(voice.volume * 100)))
        pace = {
            -0.5: self.tr("Débit lent"),
            0.0: self.tr("Débit normal"),
            0.5: self.tr("Débit rapide"),
        }
        self.rate.setText(
            pace.get(voice.rate) or self.tr("Débit {n:+d}\u202f%").format(n=round(voice.rate * 100))
        )
        self.mute.setText(self.tr("Rétablir la voix") if voice.muted else self.tr("Couper la voix"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
