"""The Kiosque numérique by keys alone, heard: search with the on-screen keyboard's keys, move
along the results, open a document (FR and EN)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.settings import Language
from tests.helpers.speech import WAIT_MS, Heard, activate, press, tab_to
from tests.ui.documents.conftest import wait_ready
from tests.ui.documents.test_documents_screen import rows

TITLE = "Se protéger de l'hameçonnage"


@pytest.mark.slow  # some two hundred key presses, each said: ~1-2 min on a loaded machine
@pytest.mark.parametrize("lang", [Language.FR, Language.EN])
def test_find_and_open_a_document_by_keys_alone(
    qtbot: QtBot, documents_shell: Any, lang: Language
) -> None:
    shell = documents_shell(lang=lang)
    shell.window.transition.duration_ms = 0
    screen = shell.router.current
    wait_ready(qtbot, screen)
    heard = Heard(shell.narrator)
    activate(qtbot, shell)
    press(qtbot, shell.window, Qt.Key.Key_Tab)  # speech on
    assert shell.narrator.active

    tab_to(qtbot, shell, lambda w: w is screen.browse.search)
    press(qtbot, shell.window, Qt.Key.Key_Enter, keypad=True)
    assert screen.page is screen.search
    keyboard = screen.search.keyboard
    for char in "hamecon":  # key by key on the on-screen keyboard, reached with Tab
        tab_to(qtbot, shell, lambda w, c=char: w is keyboard.key_for(c))
        press(qtbot, shell.window, Qt.Key.Key_Enter, keypad=True)
    assert screen.search.field.text() == "hamecon"
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage"], timeout=WAIT_MS)

    tab_to(qtbot, shell, lambda w: w is screen.search.results)
    heard.wait_for(qtbot, TITLE)  # the row the keys are on is said
    press(qtbot, shell.window, Qt.Key.Key_Enter, keypad=True)
    assert screen.page is screen.reader
    qtbot.waitUntil(lambda: screen.reader.title.text() == TITLE)
    heard.clear()
    heard.wait_for(qtbot, TITLE)  # the reader says what was opened
    assert QApplication.focusWidget() in shell.narrator.targets()
