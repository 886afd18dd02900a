"""Events imported with their optional English columns: shown when the kiosk speaks English,
the French title and description standing in where none was given."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.settings import Language
from tests.ui.conftest import FakeProgramme, make_events
from tests.ui.events.test_event_detail import open_agenda, tap_card


@pytest.fixture
def programme() -> FakeProgramme:
    """The second event was imported with English columns; the others without."""
    events = make_events()
    events[1] = replace(
        events[1],
        title_en="AI for public policy",
        description="Une matinée sur l’IA.",
        description_en="A morning on AI.",
    )
    return FakeProgramme(events)


def test_imported_english_shows_in_english_and_french_stands_in_where_there_is_none(
    qtbot: QtBot, shell: Any, programme: FakeProgramme
) -> None:
    agenda = open_agenda(qtbot, shell)
    model = agenda.view.model()
    titles = [model.index(n, 0).data() for n in range(model.rowCount())]
    assert titles[1] == "L'IA au service des politiques publiques"  # French kiosk: French
    tap_card(qtbot, agenda, 1)
    qtbot.waitUntil(lambda: agenda.detail.isVisible())
    assert agenda.detail.description.text() == "Une matinée sur l’IA."
    bar = shell.window.bottom_bar
    qtbot.mouseClick(bar.language, Qt.MouseButton.LeftButton)
    assert shell.session.lang is Language.EN
    qtbot.waitUntil(lambda: agenda.detail.title.text() == "AI for public policy")
    assert agenda.detail.description.text() == "A morning on AI."
    titles = [model.index(n, 0).data() for n in range(model.rowCount())]
    assert titles == [
        "Bien démarrer avec son nouveau poste",  # no English given: the French one
        "AI for public policy",
        "Impression 3D",
    ]
    shell.window.bottom_bar.back.click()
    tap_card(qtbot, agenda, 0)
    qtbot.waitUntil(lambda: agenda.detail.shown_event == programme.events[0])
    assert agenda.detail.title.text() == "Bien démarrer avec son nouveau poste"
