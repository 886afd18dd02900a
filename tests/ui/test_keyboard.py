"""The on-screen keyboard types into its field like a real keyboard, in French."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.rgpd.notice import PrivacyTerms
from ui.help.pages import DescribePage
from ui.theme import ThemeController
from ui.widgets.keyboard import ROWS, Capitalise, Layer, OnScreenKeyboard


@pytest.fixture
def theme(qapp: Any) -> ThemeController:
    controller = ThemeController(qapp)
    controller.apply()
    return controller


@pytest.fixture
def keyboard(qtbot: QtBot, theme: ThemeController) -> tuple[OnScreenKeyboard, QLineEdit]:
    field = QLineEdit()
    keys = OnScreenKeyboard(theme, action_label="Rechercher")
    keys.set_target(field)
    qtbot.addWidget(field)
    qtbot.addWidget(keys)
    keys.resize(1600, 520)
    keys.show()
    qtbot.waitExposed(keys)
    return keys, field


def tap(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(qtbot: QtBot, keys: OnScreenKeyboard, text: str) -> None:
    for char in text:
        if char == " ":
            tap(qtbot, keys.space)
            continue
        for layer in Layer:
            if char.lower() in "".join(ROWS[layer]):
                break
        else:
            raise AssertionError(f"no key for {char!r}")
        if keys.layer is not layer:
            keys.set_layer(layer)
        if char.isupper() and not keys.shift.isChecked():
            tap(qtbot, keys.shift)
        tap(qtbot, keys.key_for(char))


def test_typing_a_french_name_with_accents(qtbot: QtBot, keyboard: Any) -> None:
    keys, field = keyboard
    edits: list[str] = []
    field.textEdited.connect(edits.append)
    type_text(qtbot, keys, "Hélène Dupont-Noël")
    assert field.text() == "Hélène Dupont-Noël"
    assert edits[-1] == "Hélène Dupont-Noël"  # the field's own signal, as with a real keyboard


def test_shift_is_one_shot_and_a_double_tap_locks_it(qtbot: QtBot, keyboard: Any) -> None:
    keys, field = keyboard
    tap(qtbot, keys.shift)
    tap(qtbot, keys.key_for("a"))
    tap(qtbot, keys.key_for("b"))
    assert field.text() == "Ab"
    tap(qtbot, keys.shift)
    tap(qtbot, keys.shift)  # within the double-tap delay
    for char in "cd":
        tap(qtbot, keys.key_for(char))
    assert field.text() == "AbCD"
    assert keys.shift.property("locked") is True
    tap(qtbot, keys.shift)
    tap(qtbot, keys.key_for("e"))
    assert field.text() == "AbCDe"


def test_backspace_and_the_action_key(qtbot: QtBot, keyboard: Any) -> None:
    keys, field = keyboard
    type_text(qtbot, keys, "rgpd")
    tap(qtbot, keys.backspace)
    assert field.text() == "rgp"
    with qtbot.waitSignal(keys.submitted, timeout=1000):
        tap(qtbot, keys.action)
    assert keys.action.text() == "Rechercher"


def test_held_backspace_repeats(qtbot: QtBot, keyboard: Any) -> None:
    keys, field = keyboard
    field.setText("cybersécurité")
    qtbot.mousePress(keys.backspace, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(field.text()) <= 5, timeout=3000)
    qtbot.mouseRelease(keys.backspace, Qt.MouseButton.LeftButton)
    assert not keys._repeat.isActive()  # released: it stops


def test_symbols_layer_types_an_email_address(qtbot: QtBot, keyboard: Any) -> None:
    keys, field = keyboard
    type_text(qtbot, keys, "j.dupont@departement06.fr")
    assert field.text() == "j.dupont@departement06.fr"


def test_auto_capitalise_starts_each_word_of_a_name(qtbot: QtBot, theme: ThemeController) -> None:
    field = QLineEdit()
    keys = OnScreenKeyboard(theme, auto_capitalise=True)
    qtbot.addWidget(field)
    qtbot.addWidget(keys)
    keys.set_target(field)
    keys.show()
    for char in "jean-luc martin":
        tap(qtbot, keys.space if char == " " else keys.key_for(char))
    assert field.text() == "Jean-Luc Martin"


def test_keys_never_take_the_focus_and_stay_big(qtbot: QtBot, keyboard: Any) -> None:
    keys, field = keyboard
    field.setFocus()
    tap(qtbot, keys.key_for("z"))
    assert all(k.focusPolicy() == Qt.FocusPolicy.NoFocus for k in keys.char_keys)
    target = keys._theme.tokens.touch_target
    visible = [k for k in keys.char_keys if k.isVisible()]
    assert visible
    assert min(k.height() for k in visible) >= target
    assert min(k.width() for k in visible) >= 80


def test_reset_forgets_the_mode_and_without_a_target_nothing_breaks(
    qtbot: QtBot, keyboard: Any
) -> None:
    keys, field = keyboard
    keys.set_layer(Layer.SYMBOLS)
    tap(qtbot, keys.shift)
    keys.reset()
    assert keys.layer is Layer.LETTERS
    assert not keys.shift.isChecked()
    keys.set_target(None)
    tap(qtbot, keys.key_for("a"))
    assert field.text() == ""


def test_the_layer_keys_name_where_they_lead(qtbot: QtBot, keyboard: Any) -> None:
    keys, _ = keyboard
    tap(qtbot, keys.accents_key)
    assert keys.layer is Layer.ACCENTS
    assert keys.accents_key.text() == "abc"
    tap(qtbot, keys.layer_key)
    assert keys.layer is Layer.SYMBOLS
    assert (keys.layer_key.text(), keys.accents_key.text()) == ("abc", "àé")
    tap(qtbot, keys.layer_key)
    assert keys.layer is Layer.LETTERS


def test_every_symbol_key_shows_its_character(keyboard: Any) -> None:
    keys, _ = keyboard
    keys.set_layer(Layer.SYMBOLS)
    shown = [k.text().replace("&&", "&") for k in keys.char_keys if k.isVisible()]
    assert shown == list("".join(ROWS[Layer.SYMBOLS]))


@pytest.mark.parametrize(
    ("mode", "typed", "expected"),
    [
        (Capitalise.SENTENCE, "outlook plante. merci", "Outlook plante. Merci"),
        (Capitalise.WORDS, "outlook plante", "Outlook Plante"),
        (Capitalise.NONE, "outlook plante", "outlook plante"),
    ],
)
def test_capitals_follow_the_field_sentence_words_or_none(
    qtbot: QtBot, theme: ThemeController, mode: Capitalise, typed: str, expected: str
) -> None:
    field = QLineEdit()
    keys = OnScreenKeyboard(theme, capitalise=mode)
    qtbot.addWidget(field)
    qtbot.addWidget(keys)
    keys.set_target(field)
    keys.show()
    type_text(qtbot, keys, typed)
    assert field.text() == expected


def test_the_help_description_capitalises_the_first_letter_only(
    qtbot: QtBot, theme: ThemeController
) -> None:
    page = DescribePage(theme, PrivacyTerms.defaults())
    qtbot.addWidget(page)
    page.show()
    for char in "outlook plante":
        tap(qtbot, page.keyboard.space if char == " " else page.keyboard.key_for(char))
    assert page.field.text() == "Outlook plante"


def test_the_keyboard_speaks_the_kiosk_language_without_its_screen_relabelling_it(
    qtbot: QtBot, qapp: Any, theme: ThemeController
) -> None:
    from kiosk.settings import Language
    from ui.i18n import LanguageSwitcher

    keys = OnScreenKeyboard(theme)  # no action label of its screen's: « Valider »
    qtbot.addWidget(keys)
    keys.show()
    assert (keys.space.text(), keys.action.text()) == ("espace", "Valider")
    switcher = LanguageSwitcher(qapp)
    switcher.apply(Language.EN)
    try:
        qtbot.waitUntil(lambda: keys.space.text() == "space")
        assert keys.action.text() != "Valider"
    finally:
        switcher.uninstall()
