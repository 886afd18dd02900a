"""The hardware screen's speech card: is the voice of the accessible mode working?

A missing audio device leaves the engine "speaking" for ever (``ui.speech.speaker``): staff
would never know from the screen, so the card says it in words, with what to check.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.devices.device_card import DeviceCard, Level
from ui.speech.speaker import Speaker, SpeechHealth
from ui.theme import ThemeController

_LEVELS = {
    SpeechHealth.OFF: Level.OFF,
    SpeechHealth.NOT_STARTED: Level.OFF,
    SpeechHealth.READY: Level.OK,
    SpeechHealth.SPEAKING: Level.OK,
    SpeechHealth.STUCK: Level.ERROR,
    SpeechHealth.FAILED: Level.ERROR,
}


translate = QCoreApplication.translate  # lupdate reads translate("SpeechSection", "...") calls


def health_text(health: SpeechHealth) -> str:
    return {
        SpeechHealth.OFF: translate("SpeechSection", "Désactivée dans la configuration"),
        SpeechHealth.NOT_STARTED: translate("SpeechSection", "Prête, démarre au premier usage"),
        SpeechHealth.READY: translate("SpeechSection", "En service"),
        SpeechHealth.SPEAKING: translate("SpeechSection", "En train de parler"),
        SpeechHealth.STUCK: translate("SpeechSection", "Bloquée : aucune sortie audio ?"),
        SpeechHealth.FAILED: translate("SpeechSection", "En panne"),
    }[health]


class SpeechSection(QWidget):
    def __init__(
        self,
        theme: ThemeController,
        speaker: Speaker,
        output: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._output = output
        self.card = DeviceCard(theme, "speakerphone", detail_lines=2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.card)
        speaker.health_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        speaker = self._speaker
        health = speaker.health
        outputs = {
            "speaker": translate("SpeechSection", "haut-parleur"),
            "headset": translate("SpeechSection", "casque"),
            "auto": translate("SpeechSection", "casque s’il est branché, sinon haut-parleur"),
        }
        self.card.title.setText(translate("SpeechSection", "Synthèse vocale (mode accessible)"))
        where = translate("SpeechSection", "Sortie : {output} · volume {volume} %{muted}").format(
            output=outputs.get(self._output, self._output),
            volume=round(speaker.volume * 100),
            muted=translate("SpeechSection", " · coupée") if speaker.muted else "",
        )
        details = [where]
        if health is SpeechHealth.STUCK:
            details.append(
                translate("SpeechSection", "Vérifiez la carte son, le câble et speech-dispatcher.")
            )
        elif health is SpeechHealth.FAILED:
            details.append(speaker.detail)
        self.card.set_state(_LEVELS[health], health_text(health), *details)
