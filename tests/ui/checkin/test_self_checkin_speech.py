"""The check-in verdict, heard: the first name only into a headset, Enter to dismiss it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.ports import BadgePresented, FixedClock
from kiosk.settings import Language, Settings, with_overrides
from tests.helpers.checkin_world import ALICE_UID, World
from tests.helpers.speech import Heard, activate, norm, press
from tests.ui.conftest import FakeProgramme
from ui.checkin.self_checkin import SelfCheckin
from ui.checkin.verdicts import Tone
from ui.data import KioskDatabase

WELCOME = {
    Language.FR: (
        "Bienvenue\u202f!",
        "Bienvenue, Alice\u202f!",
        "Votre arrivée est enregistrée. Bonne séance\u202f!",
    ),
    Language.EN: ("Welcome!", "Welcome, Alice!", "You are checked in. Enjoy the session!"),
}


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, qapp: Any, world: World, world_clock: FixedClock, checkin_settings: Settings
) -> Iterator[Any]:
    from ui.app.shell import build_shell

    built: list[tuple[Any, KioskDatabase]] = []

    def make(output: str, lang: Language) -> Any:
        settings = with_overrides(
            checkin_settings, speech_engine="mock", speech_output=output, lang=lang
        )
        database = KioskDatabase.for_settings(settings)
        shell = build_shell(
            settings,
            app=qapp,
            clock=world_clock,
            events_loader=FakeProgramme([]),
            on_quit=lambda: None,
            database=database,
        )
        built.append((shell, database))
        shell.window.resize(1920, 1080)
        shell.window.transition.duration_ms = 0
        shell.start()
        shell.window.show()
        qtbot.waitExposed(shell.window)
        checkin = shell.service(SelfCheckin)
        with qtbot.waitSignal(checkin.desk.ready, timeout=10_000):
            checkin.desk.warm_up()
        return shell

    yield make
    for shell, database in built:
        shell.close()
        database.close()


@pytest.mark.parametrize("lang", [Language.FR, Language.EN])
@pytest.mark.parametrize("output", ["speaker", "headset"])
def test_the_badge_verdict_is_heard_and_the_name_only_in_a_headset(
    qtbot: QtBot, make_kiosk: Any, output: str, lang: Language
) -> None:
    shell = make_kiosk(output, lang)
    heard = Heard(shell.narrator)
    activate(qtbot, shell)
    press(qtbot, shell.window, Qt.Key.Key_Tab)  # speech on, as a keypad user does
    heard.wait_idle(qtbot)
    heard.clear()
    checkin: SelfCheckin = shell.service(SelfCheckin)
    with qtbot.waitSignal(
        checkin.verdict_shown, timeout=5000, check_params_cb=lambda v: v.tone is Tone.GREEN
    ):
        shell.bridge.on_badge_event(BadgePresented(ALICE_UID, "simulated reader"))
    public, personal, action = WELCOME[lang]
    heard.wait_for(qtbot, action)
    said = heard.wait_idle(qtbot)
    said = [norm(text) for text in said]
    title = norm(personal if output == "headset" else public)
    # the verdict in the order it is shown: title, the event and where, what to do now
    last = len(said) - 1 - said[::-1].index(title)  # the verdict's last (whole) telling
    assert said[last:][:4] == [
        title,
        "masterclass test",
        "Smart Room · 10:00 – 12:00",
        norm(action),
    ]
    if output == "speaker":
        assert not any("Alice" in text for text in said)  # a loudspeaker names nobody
    assert checkin.showing
    press(qtbot, shell.window, Qt.Key.Key_Enter, keypad=True)  # "heard it"
    assert not checkin.showing
    assert shell.router.current_key == "attract"
