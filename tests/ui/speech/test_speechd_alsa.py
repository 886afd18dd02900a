"""End to end: the kiosk's speaker through speech-dispatcher and espeak-ng into an ALSA
``file`` device (tests/helpers/speechd.py says how), read back with sox: French speech,
not silence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.settings import Language
from tests.helpers.speechd import SpeechDispatcher, available, espeak_reference, sox_stat
from ui.speech.phrase import Phrase
from ui.speech.speaker import Speaker, SpeechHealth, engine_factory

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not available(), reason="speech-dispatcher, espeak-ng and sox: dev.sh"),
]
TEXT = "Bienvenue. Votre arrivée est enregistrée."


@pytest.fixture
def speechd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SpeechDispatcher]:
    daemon = SpeechDispatcher(tmp_path)
    daemon.start()
    monkeypatch.setenv("SPEECHD_ADDRESS", daemon.address)  # read by libspeechd in the engine
    yield daemon
    daemon.stop()


def test_the_welcome_is_heard_in_french_through_speech_dispatcher(
    qtbot: QtBot, qapp: object, speechd: SpeechDispatcher, tmp_path: Path
) -> None:
    speaker = Speaker(engine_factory("speechd"))
    said: list[str] = []
    speaker.speaking.connect(said.append)
    try:
        speaker.set_language(Language.FR)
        speaker.set_volume(1.0)
        speaker.say([Phrase(TEXT)])
        qtbot.waitUntil(lambda: said == [TEXT] and speaker.idle, timeout=60_000)
        assert speaker.health is SpeechHealth.READY, speechd.log()
    finally:
        speaker.shutdown()
    assert speechd.audio.exists(), speechd.log()
    heard = sox_stat(speechd.audio)
    assert heard["RMS     amplitude"] > 0.02  # speech, not silence (silence: 0.0)
    assert heard["Maximum amplitude"] > 0.2
    # French, not English: espeak-ng's French voice says it in ~2.4 s, the English one ~3.1 s
    french = sox_stat(espeak_reference(TEXT, "fr", tmp_path / "fr.wav"), wav=True)
    english = sox_stat(espeak_reference(TEXT, "en", tmp_path / "en.wav"), wav=True)
    length = heard["Length (seconds)"]
    assert abs(length - french["Length (seconds)"]) < abs(length - english["Length (seconds)"])
