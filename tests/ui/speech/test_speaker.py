"""The speaker against Qt's mock engine: order, privacy, repeat, mute, and a stuck engine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.speech import WAIT_MS
from ui.speech.phrase import Phrase
from ui.speech.speaker import Speaker, SpeechHealth, engine_factory


class Heard:
    def __init__(self, speaker: Speaker) -> None:
        self.speaker = speaker
        self.texts: list[str] = []
        speaker.speaking.connect(self.texts.append)

    def clear(self) -> None:
        self.texts.clear()

    def wait_for(self, qtbot: QtBot, text: str) -> None:
        qtbot.waitUntil(lambda: text in self.texts, timeout=WAIT_MS)

    def wait_idle(self, qtbot: QtBot) -> list[str]:
        qtbot.waitUntil(lambda: self.speaker.idle, timeout=WAIT_MS)
        return list(self.texts)


@pytest.fixture
def speaker(qapp: object) -> Iterator[Speaker]:
    speaker = Speaker(engine_factory("mock"))
    yield speaker
    speaker.shutdown()


def test_phrases_are_said_in_order_and_the_engine_is_ready_after(
    qtbot: QtBot, speaker: Speaker
) -> None:
    heard = Heard(speaker)
    speaker.say([Phrase("Bonjour"), Phrase("Que souhaitez-vous faire ?")])
    assert heard.wait_idle(qtbot) == ["Bonjour", "Que souhaitez-vous faire ?"]
    assert speaker.health is SpeechHealth.READY


def test_personal_data_goes_only_into_a_headset(qtbot: QtBot, speaker: Speaker) -> None:
    heard = Heard(speaker)
    verdict = Phrase("Bienvenue !", "Bienvenue, Alice !")
    speaker.say([verdict])
    assert heard.wait_idle(qtbot) == ["Bienvenue !"]
    speaker.headset = True
    heard.clear()
    speaker.say([verdict])
    assert heard.wait_idle(qtbot) == ["Bienvenue, Alice !"]


def test_a_new_screen_interrupts_and_repeat_says_the_last_again(
    qtbot: QtBot, speaker: Speaker
) -> None:
    heard = Heard(speaker)
    speaker.say([Phrase("Un long texte qui ne sera pas fini"), Phrase("jamais dit")])
    heard.wait_for(qtbot, "Un long texte qui ne sera pas fini")  # handed to the engine
    speaker.say([Phrase("Accueil")])
    assert heard.wait_idle(qtbot) == ["Un long texte qui ne sera pas fini", "Accueil"]
    speaker.repeat()
    assert heard.wait_idle(qtbot)[-1] == "Accueil"


def test_muted_says_nothing_but_remembers_for_repeat(qtbot: QtBot, speaker: Speaker) -> None:
    heard = Heard(speaker)
    speaker.set_muted(True)
    speaker.say([Phrase("Bonjour")])
    assert speaker.idle
    assert heard.texts == []
    speaker.set_muted(False)
    speaker.repeat()
    assert heard.wait_idle(qtbot) == ["Bonjour"]


def test_an_engine_speaking_past_its_deadline_is_stuck_until_one_finishes_in_time(
    qtbot: QtBot, qapp: object
) -> None:
    """As speechd with no audio device: the mock takes ~100 ms a word, the deadline 1 ms."""
    speaker = Speaker(engine_factory("mock"), deadline_floor_ms=1, ms_per_character=0)
    try:
        with qtbot.waitSignal(
            speaker.health_changed, check_params_cb=lambda h: h is SpeechHealth.STUCK
        ):
            speaker.say([Phrase("une phrase de plusieurs mots pour le moteur")])
        assert speaker.idle  # the queue was dropped: nothing waits behind a stuck engine
        speaker._floor_ms = 10_000  # the engine works again (sound card back)
        with qtbot.waitSignal(
            speaker.health_changed, check_params_cb=lambda h: h is SpeechHealth.READY
        ):
            speaker.say([Phrase("revenu")])
    finally:
        speaker.shutdown()


def test_no_engine_configured_is_off_and_silent(qapp: object) -> None:
    speaker = Speaker(engine_factory("none"))
    speaker.say([Phrase("Bonjour")])
    assert speaker.health is SpeechHealth.OFF
    assert speaker.idle
