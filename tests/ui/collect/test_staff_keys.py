"""The Click & Collect staff desk by keys alone, heard through the mock engine, in French and
English: the staff code on the keypad, the work list line by line, a line prepared then made
ready with Enter; the agent's name only into a headset; the focus in reading order."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kiosk.admin_access import PinGuard
from kiosk.collect.status import LineStatus
from kiosk.collect.tables import OrderLine
from kiosk.domain import Role
from kiosk.ports import FixedClock
from kiosk.settings import Language, Profile
from kiosk.this_kiosk import KioskRef
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from tests.helpers.speech import Heard, press, tab_to, walk_focus
from ui.collect.desk import CollectDesk
from ui.collect.staff import CollectStaffScreen
from ui.collect.staff_parts import StaffRow
from ui.i18n import LanguageSwitcher
from ui.speech.narrator import Narrator
from ui.speech.speaker import Speaker, engine_factory
from ui.theme import ThemeController

K = Qt.Key
TEXTS = {
    Language.FR: {
        "lock": "Espace équipe Click & Collect",
        "one": "1 ligne à traiter",
        "row": "Ligne 1 sur 1, 1 × Souris optique, À préparer. Entrée\u202f: Marquer préparé",
        "prepared": "Préparé — à mettre à disposition",
        "none": "Aucune ligne à préparer",
    },
    Language.EN: {
        "lock": "Click & Collect staff area",
        "one": "1 line to handle",
        "row": "Line 1 of 1, 1 × Souris optique, To prepare. Enter: Mark prepared",
        "prepared": "Prepared — to make available",
        "none": "No line to prepare",
    },
}


@pytest.fixture
def line(session_factory: sessionmaker[Session]) -> dict[str, Any]:
    with session_factory.begin() as s:
        kiosk = c.kiosk(s)
        c.agent(s, role=Role.STAFF)
        agent = c.agent(s)
        order = c.order(s, agent, [(c.item(s, name="Souris optique"), LineStatus.APPROVED)])
        ref = KioskRef(kiosk.id, kiosk.code, kiosk.name, Profile.STORE, kiosk.site_id, "site")
        return {"kiosk": ref, "line": order.lines[0].id, "agent": agent.first_name}


@pytest.fixture(params=[Language.FR, Language.EN], ids=["fr", "en"])
def lang(request: pytest.FixtureRequest, qapp: Any) -> Iterator[Language]:
    switcher = LanguageSwitcher(qapp)
    switcher.apply(request.param)
    yield request.param
    switcher.apply(Language.FR)
    switcher.uninstall()


@pytest.fixture
def desk_keys(
    qtbot: QtBot,
    qapp: Any,
    session_factory: sessionmaker[Session],
    line: dict[str, Any],
    lang: Language,
) -> Iterator[SimpleNamespace]:
    theme = ThemeController(qapp)
    theme.apply()
    desk = CollectDesk(
        lambda: session_factory, FixedClock(NOW), site_key=lambda: b"t" * 32,
        verifier=lambda: None, kiosk=lambda _now: line["kiosk"],
    )  # fmt: skip
    screen = CollectStaffScreen(desk, theme, PinGuard("1357", FixedClock(NOW)))
    desk.setParent(screen)
    qtbot.addWidget(screen)
    screen.resize(1920, 1000)
    speaker = Speaker(engine_factory("mock"))
    narrator = Narrator(speaker, screen)
    narrator.install(qapp)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    narrator.set_active(True)
    qtbot.waitUntil(lambda: narrator.settled, timeout=20_000)  # the lock said once
    yield SimpleNamespace(narrator=narrator, window=screen, speaker=speaker, desk=desk)
    narrator.uninstall()
    speaker.shutdown()
    desk.wait()


def test_the_staff_desk_by_keys_alone(
    qtbot: QtBot,
    desk_keys: SimpleNamespace,
    line: dict[str, Any],
    lang: Language,
    session_factory: sessionmaker[Session],
) -> None:
    texts = TEXTS[lang]
    screen, heard = desk_keys.window, Heard(desk_keys.narrator)
    screen.relock()  # said in the test's language
    heard.wait_for(qtbot, texts["lock"])
    assert QApplication.focusWidget() is screen.lock.dots
    for key in (K.Key_1, K.Key_3, K.Key_5, K.Key_7):
        press(qtbot, screen, key, keypad=True)
    press(qtbot, screen, K.Key_Enter, keypad=True)
    heard.wait_for(qtbot, texts["one"])
    walk_focus(qtbot, desk_keys)  # « Verrouiller » (top right), the line (its button: no stop)
    tab_to(qtbot, desk_keys, lambda w: isinstance(w, StaffRow))
    heard.wait_for(qtbot, texts["row"])
    assert line["agent"] not in " ".join(heard.texts)  # a loudspeaker: no name

    heard.clear()
    press(qtbot, screen, K.Key_Enter, keypad=True)  # « Marquer préparé »
    qtbot.waitUntil(lambda: desk_keys.desk.pending == 0, timeout=10_000)
    heard.wait_for(qtbot, texts["one"])
    qtbot.waitUntil(lambda: any(texts["prepared"] in t for t in heard.texts), timeout=20_000)

    desk_keys.speaker.headset = True  # a headset hears whose line it is
    heard.clear()
    press(qtbot, screen, K.Key_Asterisk, keypad=True)
    qtbot.waitUntil(lambda: any(line["agent"] in t for t in heard.texts), timeout=20_000)

    heard.clear()
    tab_to(qtbot, desk_keys, lambda w: isinstance(w, StaffRow))  # the list was rebuilt
    press(qtbot, screen, K.Key_Enter, keypad=True)  # « Prêt à retirer »
    qtbot.waitUntil(lambda: desk_keys.desk.pending == 0, timeout=10_000)
    heard.wait_for(qtbot, texts["none"])
    with session_factory() as s:
        status = s.get(OrderLine, line["line"]).status  # type: ignore[union-attr]
    assert status is LineStatus.READY
