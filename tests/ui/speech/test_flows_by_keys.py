"""The other flows by keys alone, heard through the mock engine, in French and English: the
admin PIN pad, the programme, the Click & Collect pickup (confirmed without a signature).
Each walk also checks that the keys go round the screen in reading order."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.collect.status import LineStatus
from kiosk.collect.tables import HandOver, OrderLine, Pickup
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.identity import badge_hash, link_badge, load_site_key
from kiosk.ports import BadgePresented
from kiosk.settings import Language, Profile, Settings
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from tests.helpers.speech import Heard, activate, norm, press, tab_to, walk_focus
from ui.app.screens.tile import Tile
from ui.collect.line_card import LineCard
from ui.events.agenda import AgendaScreen, event_phrase

LANGS = [Language.FR, Language.EN]
WAIT_MS = 20_000
K = Qt.Key
DIGITS = {str(n): getattr(K, f"Key_{n}") for n in range(10)}

TEXTS = {
    Language.FR: {
        "pin": "Tapez le code sur le pavé numérique, puis Entrée.",
        "digit": "Chiffre saisi",
        "code": "Code secret, aucun chiffre saisi",
        "events": "3 événements à venir.",
        "second": "Événement 2 sur 3",
        "lines_keys": "Flèches pour passer d’un article à l’autre, Entrée pour le cocher",
        "item_1": "Article 1 sur 2",
        "unticked": "non coché",
        "ticked": "coché",
        "no_signature": "Sans signature, allez sur « J’ai bien reçu » et appuyez sur Entrée.",
        "one_line": "1 ligne à recevoir.",
        "done": "C’est noté !",
    },
    Language.EN: {
        "pin": "Type the code on the keypad, then Enter.",
        "digit": "Digit entered",
        "code": "Secret code, no digit entered",
        "events": "3 upcoming events.",
        "second": "Event 2 of 3",
        "lines_keys": "Arrows to go from one item to the next, Enter to tick",
        "item_1": "Item 1 of 2",
        "unticked": "not ticked",
        "ticked": "ticked",
        "no_signature": "Without a signature, go to “I have received it” and press Enter.",
        "one_line": "1 line to receive.",
        "done": "All done!",
    },
}


def start_by_keys(qtbot: QtBot, shell: Any) -> None:
    shell.window.transition.duration_ms = 0
    activate(qtbot, shell)
    press(qtbot, shell.window, K.Key_Tab)  # the keypad's first key: speech on
    assert shell.narrator.active
    press(qtbot, shell.window, K.Key_Enter, keypad=True)
    assert shell.router.current_key == "home"


def heard_containing(heard: Heard, qtbot: QtBot, part: str) -> str:
    """The first phrase heard that contains ``part`` (waits for it)."""
    qtbot.waitUntil(lambda: any(norm(part) in norm(t) for t in heard.texts), timeout=WAIT_MS)
    return next(t for t in heard.texts if norm(part) in norm(t))


@pytest.mark.parametrize("lang", LANGS)
def test_the_pin_pad_by_the_keypad_says_each_digit_typed_and_never_the_digit(
    qtbot: QtBot, make_shell: Callable[..., Any], lang: Language
) -> None:
    shell = make_shell(lang=lang, admin_pin="2468")
    texts = TEXTS[lang]
    heard = Heard(shell.narrator)
    start_by_keys(qtbot, shell)
    shell.router.go("pin")  # the hidden corner: staff know where it is
    pin = shell.router.current
    heard.wait_for(qtbot, texts["pin"])
    heard.wait_for(qtbot, texts["code"])  # the focus starts on the code
    assert QApplication.focusWidget() is pin.dots
    walk_focus(qtbot, shell)  # the code, « Effacer », « Annuler »: no digit key is a stop
    assert all(w not in shell.narrator.targets() for w in pin.keys.values())

    heard.wait_idle(qtbot)
    heard.clear()
    for digit in "1357":
        press(qtbot, shell.window, DIGITS[digit], keypad=True)
    press(qtbot, shell.window, K.Key_Enter, keypad=True)
    assert shell.router.current_key == "pin"
    heard.wait_for(qtbot, pin.message_text)  # « Code incorrect — il reste … »
    assert heard.texts[:4] == [texts["digit"]] * 4
    typed = " ".join(heard.texts[:4])
    assert not any(ch.isdigit() for ch in typed)

    heard.clear()
    for digit in "246":
        press(qtbot, shell.window, DIGITS[digit])  # a keyboard's digits type too
    press(qtbot, shell.window, K.Key_Enter)
    heard.wait_for(qtbot, texts["code"].replace("aucun chiffre saisi", "3 chiffres saisis")
                   if lang is Language.FR else "Secret code, 3 digits entered")  # fmt: skip
    assert shell.router.current_key == "pin"  # too short: said, not tried
    press(qtbot, shell.window, K.Key_8, keypad=True)
    press(qtbot, shell.window, K.Key_Enter, keypad=True)
    assert shell.router.current_key == "admin"
    assert not [t for t in heard.texts if any(d in t for d in "2468") and "3" not in t]


@pytest.mark.parametrize("lang", LANGS)
def test_the_programme_by_keys_each_event_heard_and_its_page_opened(
    qtbot: QtBot, make_shell: Callable[..., Any], lang: Language
) -> None:
    shell = make_shell(lang=lang)  # the room kiosk
    texts = TEXTS[lang]
    heard = Heard(shell.narrator)
    start_by_keys(qtbot, shell)
    tab_to(qtbot, shell, lambda w: isinstance(w, Tile) and w.capability.key == "events")
    press(qtbot, shell.window, K.Key_Enter, keypad=True)
    agenda = shell.router.current
    assert isinstance(agenda, AgendaScreen)
    heard.wait_for(qtbot, agenda.title.text())
    heard.wait_for(qtbot, texts["events"])
    events = [agenda.model.index(n, 0).data(Qt.ItemDataRole.UserRole + 1) for n in range(3)]
    heard.wait_for(qtbot, event_phrase(events[0]))  # the focus is on the first event
    assert QApplication.focusWidget() is agenda.view
    if lang is Language.EN:
        assert "Café numérique" not in " ".join(heard.texts)  # English kinds in English

    press(qtbot, shell.window, K.Key_Down)
    heard.wait_for(qtbot, event_phrase(events[1]))
    heard.wait_for(qtbot, texts["second"])
    press(qtbot, shell.window, K.Key_Enter, keypad=True)
    assert agenda.detail.shown_event == events[1]
    heard.wait_for(qtbot, agenda.detail.accessibleName())  # the page, said whole
    assert agenda.detail.next_step.text().rstrip(".") in agenda.detail.accessibleName()
    assert QApplication.focusWidget() is agenda.detail
    walk_focus(qtbot, shell)  # the page, then the bottom bar

    heard.clear()
    press(qtbot, shell.window, K.Key_Minus, keypad=True)  # back to the list, same event
    assert agenda.detail.shown_event is None
    heard.wait_for(qtbot, event_phrase(events[1]))
    assert QApplication.focusWidget() is agenda.view
    walk_focus(qtbot, shell)


@pytest.fixture
def helene(kiosk_settings: Settings) -> dict[str, Any]:
    """An agent with two ready lines and her badge, in the kiosk's own database."""
    engine = create_db_engine(kiosk_settings.database_url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    key = load_site_key(kiosk_settings.site_key_path)
    with sessions.begin() as s:
        who = c.agent(s)
        ready = LineStatus.READY
        c.order(s, who, [(c.item(s, name="Casque Teams"), ready),
                         (c.item(s, name="Souris optique"), ready)])  # fmt: skip
        link_badge(s, badge_hash(key, b"helene"), who.id, now=NOW, nonce=uuid.uuid4().hex)
    return {"engine": engine, "sessions": sessions}


@pytest.mark.parametrize("lang", LANGS)
def test_a_pickup_by_keys_alone_confirmed_without_a_signature(
    qtbot: QtBot, make_shell: Callable[..., Any], helene: dict[str, Any], lang: Language
) -> None:
    shell = make_shell(profile=Profile.STORE, lang=lang)
    texts = TEXTS[lang]
    heard = Heard(shell.narrator)
    start_by_keys(qtbot, shell)
    assert shell.input_router.route_badge(BadgePresented(b"helene", "test"))  # her badge
    pickup = shell.router.current
    qtbot.waitUntil(lambda: pickup.page.value == "lines", timeout=WAIT_MS)
    heard.wait_for(qtbot, pickup.lines_page.summary.text())
    name = pickup.lines.first_name
    heard_containing(heard, qtbot, texts["lines_keys"])
    first = heard_containing(heard, qtbot, texts["item_1"])  # the focus is on the first line
    assert isinstance(QApplication.focusWidget(), LineCard)
    walk_focus(qtbot, shell)  # lines, « Terminer », « Retirer », the bottom bar

    heard.clear()
    press(qtbot, shell.window, K.Key_Space)  # the first line out…
    heard.wait_for(qtbot, texts["unticked"])
    assert len(pickup.lines_page.selected) == 1
    press(qtbot, shell.window, K.Key_Enter, keypad=True)  # …and in again
    heard.wait_for(qtbot, texts["ticked"])
    press(qtbot, shell.window, K.Key_Space)  # out: only the second line is taken
    heard.wait_for(qtbot, texts["unticked"])
    # the loudspeaker never says what she collects, nor her name
    said = " ".join(heard.texts) + first
    assert "Casque" not in said
    assert "Souris" not in said
    assert name not in said

    tab_to(qtbot, shell, lambda w: w is pickup.lines_page.take)
    press(qtbot, shell.window, K.Key_Enter, keypad=True)
    assert pickup.page.value == "confirm"
    heard.wait_for(qtbot, texts["no_signature"])
    heard.wait_for(qtbot, texts["one_line"])
    tab_to(qtbot, shell, lambda w: w is pickup.confirm_page.confirm)
    press(qtbot, shell.window, K.Key_Enter, keypad=True)
    qtbot.waitUntil(lambda: pickup.page.value == "done", timeout=WAIT_MS)
    heard.wait_for(qtbot, texts["done"])
    heard.wait_for(qtbot, pickup.message.body.text())  # « 1 article vous a été remis. »

    assert not [t for t in heard.texts if name in t]  # « C’est noté ! », no name aloud
    with helene["sessions"]() as s:  # recorded, acknowledged, unsigned, the second line only
        pickups = s.scalars(select(Pickup)).all()
        assert [p.signature for p in pickups] == [None]
        handed = s.scalars(select(HandOver)).all()
        assert [h.acknowledged for h in handed] == [True]
        line = s.get(OrderLine, handed[0].line_id)
        assert line is not None
        assert line.item.name == "Souris optique"
    helene["engine"].dispose()
