"""What staff see and set: the voice's volume, rate and mute in the admin screen, and the
speech card of the hardware screen (a stuck engine said in words)."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from tests.helpers.speech import Heard
from ui.app.screens.speech_controls import SpeechControls
from ui.devices.device_card import Level
from ui.devices.speech_section import SpeechSection
from ui.speech.phrase import Phrase
from ui.speech.speaker import Speaker, SpeechHealth, engine_factory


def test_staff_set_volume_rate_and_mute_on_the_hardware_screen(qtbot: QtBot, shell: Any) -> None:
    shell.router.go("admin")
    shell.router.go("hardware")  # Administration → Matériel
    controls = shell.router.current.findChild(SpeechControls)
    assert controls is not None
    assert controls.isVisible()
    speaker = shell.narrator.speaker
    heard = Heard(shell.narrator)
    volume, rate = speaker.volume, speaker.rate
    controls.louder.click()
    controls.slower.click()
    assert speaker.volume > volume
    assert speaker.rate < rate
    assert "90\u202f%" in controls.state.text()
    heard.wait_for(qtbot, "Voici la voix du kiosque.")  # staff hear the change at once
    controls.mute.click()
    assert speaker.muted
    heard.clear()
    speaker.say([Phrase("Bonjour")])
    assert heard.wait_idle(qtbot) == []
    controls.mute.click()
    assert not speaker.muted


def test_the_hardware_screen_has_the_speech_card(shell: Any) -> None:
    shell.router.go("hardware")
    assert shell.router.current.findChild(SpeechSection) is not None


def test_a_stuck_engine_shows_as_an_error_on_the_speech_card(
    qtbot: QtBot, qapp: object, shell: Any
) -> None:
    speaker = Speaker(engine_factory("mock"), deadline_floor_ms=1, ms_per_character=0)
    try:
        section = SpeechSection(shell.theme, speaker, "auto")
        qtbot.addWidget(section)
        assert section.card.level is Level.OFF  # not started yet
        with qtbot.waitSignal(
            speaker.health_changed, check_params_cb=lambda h: h is SpeechHealth.STUCK
        ):
            speaker.say([Phrase("une phrase de plusieurs mots")])
        assert section.card.level is Level.ERROR
        assert "aucune sortie audio" in section.card.state.text()
        assert "speech-dispatcher" in " ".join(section.card.texts())
    finally:
        speaker.shutdown()
