"""Door mode by keys alone, heard through the mock engine, in French and English: the lock's
code on the keypad, the event picked, a badge's verdict, the arrivals list and the undo; names
into a headset only. The focus goes round each page in reading order."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ports import BadgePresented
from kiosk.settings import Language
from tests.helpers.checkin_world import ALICE_UID, World
from tests.helpers.speech import Heard, press, tab_to, walk_focus
from tests.ui.checkin.test_door import door, helene, kiosk_settings, settle  # noqa: F401
from ui.checkin.door import DoorScreen, Page
from ui.checkin.door_panels import LastScans
from ui.i18n import LanguageSwitcher
from ui.speech.narrator import Narrator
from ui.speech.speaker import Speaker, engine_factory

K = Qt.Key
TEXTS = {
    Language.FR: {
        "lock": "Tapez le code sur le pavé numérique, puis Entrée.",
        "digit": "Chiffre saisi",
        "events": "Flèches pour les parcourir, Entrée pour choisir.",
        "counters": "0 présents, 1 inscrits, 3 places.",
        "ok": "Arrivée enregistrée",
        "scans": "Derniers passages",
        "undone": "Arrivée annulée.",
    },
    Language.EN: {
        "lock": "Type the code on the keypad, then Enter.",
        "digit": "Digit entered",
        "events": "Arrows to go through them, Enter to choose.",
        "counters": "0 present, 1 registered, 3 seats.",
        "ok": "Checked in",
        "scans": "Latest scans",
        "undone": "Arrival undone.",
    },
}


@pytest.fixture
def keys(qapp: Any, qtbot: QtBot, door: DoorScreen) -> Iterator[SimpleNamespace]:  # noqa: F811
    """The door screen as the kiosk's window, with a narrator on it, speech on."""
    speaker = Speaker(engine_factory("mock"))
    narrator = Narrator(speaker, door)
    narrator.install(qapp)
    narrator.set_active(True)
    door.activateWindow()
    qtbot.waitUntil(door.isActiveWindow)
    yield SimpleNamespace(narrator=narrator, window=door, speaker=speaker)
    narrator.uninstall()
    speaker.shutdown()


@pytest.fixture(params=[Language.FR, Language.EN], ids=["fr", "en"])
def lang(request: pytest.FixtureRequest, qapp: Any) -> Iterator[Language]:
    switcher = LanguageSwitcher(qapp)
    switcher.apply(request.param)
    yield request.param
    switcher.apply(Language.FR)
    switcher.uninstall()


def heard_with(heard: Heard, qtbot: QtBot, part: str) -> str:
    qtbot.waitUntil(lambda: any(part in t for t in heard.texts), timeout=20_000)
    return next(t for t in heard.texts if part in t)


def test_door_mode_by_keys_alone_names_only_into_a_headset(
    qtbot: QtBot,
    door: DoorScreen,  # noqa: F811
    keys: SimpleNamespace,
    world: World,
    lang: Language,
) -> None:
    texts = TEXTS[lang]
    heard = Heard(keys.narrator)
    door.lock_now()  # said again in the language of the test
    heard.wait_for(qtbot, texts["lock"])
    assert QApplication.focusWidget() is door.lock.dots
    walk_focus(qtbot, keys)
    for digit in (K.Key_2, K.Key_4, K.Key_6, K.Key_8):
        press(qtbot, door, digit, keypad=True)
    assert heard.texts[-1] == texts["digit"]
    press(qtbot, door, K.Key_Enter, keypad=True)
    assert door.page is Page.EVENTS
    heard.wait_for(qtbot, texts["events"])
    walk_focus(qtbot, keys)

    tab_to(qtbot, keys, lambda w: w is door.picker.buttons[0])  # today's masterclass
    press(qtbot, door, K.Key_Enter, keypad=True)
    settle(qtbot, door)
    assert door.page is Page.DOOR
    heard.wait_for(qtbot, texts["counters"])
    walk_focus(qtbot, keys)

    heard.clear()
    assert door.handle_badge(BadgePresented(ALICE_UID, "ACS ACR1252"))  # Alice taps her badge
    settle(qtbot, door)
    heard.wait_for(qtbot, texts["ok"])
    tab_to(qtbot, keys, lambda w: isinstance(w, LastScans))  # the arrivals list
    heard.wait_for(qtbot, texts["scans"])
    arrival = heard_with(heard, qtbot, texts["ok"] + "")
    assert "Alice" not in " ".join(heard.texts)  # a loudspeaker: no name
    assert arrival

    keys.speaker.headset = True  # a headset: the names
    heard.clear()
    press(qtbot, door, K.Key_Asterisk, keypad=True)  # say it again
    heard_with(heard, qtbot, "Alice")

    keys.speaker.headset = False
    heard.clear()
    tab_to(qtbot, keys, lambda w: w is door.undo)
    press(qtbot, door, K.Key_Enter, keypad=True)
    settle(qtbot, door)
    heard.wait_for(qtbot, texts["undone"])
    assert "Alice" not in " ".join(heard.texts)
    assert door.state is not None
    assert door.state.counters.present == 0
