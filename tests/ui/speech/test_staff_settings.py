"""What staff see and set: the voice's volume, rate and mute on the admin screen (kept across
restarts), the speech card of the hardware screen (a stuck engine said in words), and the engine
made after the first paint rather than on the first phrase."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from kiosk.settings import VOLUME_STEPS, Settings, Voice, load_voice, save_voice
from tests.helpers.speech import Heard
from ui.app.screens.speech_controls import VoiceRow
from ui.devices.device_card import Level
from ui.devices.speech_section import SpeechSection
from ui.speech.phrase import Phrase
from ui.speech.speaker import Speaker, SpeechHealth, engine_factory


def test_staff_set_volume_rate_and_mute_on_the_admin_screen(qtbot: QtBot, shell: Any) -> None:
    shell.router.go("admin")
    row = shell.router.current.findChild(VoiceRow)
    assert row is not None
    assert row.isVisible()
    speaker = shell.narrator.speaker
    heard = Heard(shell.narrator)
    assert (speaker.volume, speaker.rate) == (0.8, 0.0)  # nothing saved yet: the defaults
    row.volume.click()
    row.rate.click()
    assert (speaker.volume, speaker.rate) == (1.0, 0.5)
    assert row.volume.text() == "Volume 100\u202f%"
    assert row.rate.text() == "Débit rapide"
    heard.wait_for(qtbot, "Voici la voix du kiosque.")  # staff hear the change at once
    row.volume.click()  # after the loudest, the quietest: one button goes round
    assert speaker.volume == VOLUME_STEPS[0]
    row.mute.click()
    assert speaker.muted
    heard.clear()
    speaker.say([Phrase("Bonjour")])
    assert heard.wait_idle(qtbot) == []
    row.mute.click()
    assert not speaker.muted


def test_the_voice_staff_set_outlasts_a_restart(
    qtbot: QtBot, make_shell: Callable[..., Any], kiosk_settings: Settings
) -> None:
    first = make_shell()
    first.router.go("admin")
    row = first.router.current.findChild(VoiceRow)
    row.rate.click()  # fast
    row.mute.click()
    voice_file = kiosk_settings.paths.voice_file
    qtbot.waitUntil(lambda: load_voice(voice_file) == Voice(0.8, 0.5, True), timeout=10_000)
    assert voice_file.stat().st_mode & 0o777 == 0o600
    first.close()
    again = make_shell()  # the kiosk restarted
    speaker = again.narrator.speaker
    assert speaker.voice == Voice(0.8, 0.5, True)
    again.router.go("admin")
    assert again.router.current.findChild(VoiceRow).mute.text() == "Rétablir la voix"


def test_a_damaged_voice_file_gives_the_default_voice(tmp_path: Path) -> None:
    path = tmp_path / "voice.json"
    path.write_text('{"volume": "fort"')
    assert load_voice(path) == Voice()
    save_voice(path, Voice(0.4, -0.5, False))
    assert load_voice(path) == Voice(0.4, -0.5, False)


def test_the_engine_is_warmed_after_the_first_paint_without_a_phrase(
    qtbot: QtBot, make_shell: Callable[..., Any]
) -> None:
    """Made on first use, the engine cost the first visitor seconds of silence: a kiosk set
    up for a headset makes it while nobody is there."""
    shell = make_shell(speech_output="headset")  # painted: the warm-up is due a moment later
    speaker = shell.narrator.speaker
    heard = Heard(shell.narrator)
    assert not shell.narrator.active  # nobody asked for speech
    qtbot.waitUntil(lambda: speaker.health is SpeechHealth.READY, timeout=10_000)
    assert heard.texts == []  # ready, and nobody heard a thing


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
