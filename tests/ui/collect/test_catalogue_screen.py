"""« Catalogue de services » in the real store shell on the demo data: the home tile, the
shelves, a badge tap saying what this agent may request and why not, a request in two taps
(typed note included) recorded once, the wipe at « Terminé » and at the idle reset, and the
screen fitting 1366x768, a portrait totem and 4K at 200 %."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.collect.requests import NewRequest, place_request
from kiosk.collect.status import Family, LineStatus, OrderSource
from kiosk.collect.tables import CatalogueItem, CollectOrder
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Kiosk, Person
from kiosk.domain import Role
from kiosk.identity import badge_hash, demo_badge_uid, link_badge, load_site_key
from kiosk.ports import BadgePresented, FixedClock
from kiosk.settings import Language, Profile, Settings
from kiosk.text import fold
from tests.helpers.db import restore_into
from tests.ui.test_screen_sizes import PANELS, problems, settle_layout
from ui.collect.catalogue import BROWSE, DONE, REQUEST, CatalogueScreen

FIT_PANELS = PANELS  # every kiosk panel


@pytest.fixture
def agent(
    kiosk_settings: Settings, clock: FixedClock, demo_template_at: Callable[[datetime], Path]
) -> int:
    """A demo agent (role agent) with a badge and a request already made for the dock."""
    engine = create_db_engine(kiosk_settings.database_url)
    ensure_schema(engine)
    restore_into(engine, demo_template_at(clock.now()))  # the demo seeded at this time
    sessions = make_session_factory(engine)
    key = load_site_key(kiosk_settings.site_key_path)
    with sessions.begin() as s:
        person = s.scalars(
            select(Person).where(Person.role == Role.AGENT, Person.active).order_by(Person.id)
        ).first()
        assert person is not None
        link_badge(
            s, badge_hash(key, demo_badge_uid(person.id)), person.id, now=clock.now(),
            nonce=uuid.uuid4().hex,
        )  # fmt: skip
        dock = s.scalar(select(CatalogueItem).where(CatalogueItem.code == "REHAUSSEUR"))
        store = s.scalar(select(Kiosk).where(Kiosk.code == "DEMO-STORE"))
        assert dock is not None
        assert store is not None
        place_request(
            s, NewRequest(person.id, dock.id, 1, "", store.id, uuid.uuid4().hex), clock.now()
        )
        person_id = person.id
    engine.dispose()
    return person_id


def open_catalogue(shell: Any, qtbot: QtBot) -> CatalogueScreen:
    shell.router.go("catalogue")
    screen = shell.router.current
    assert isinstance(screen, CatalogueScreen)
    qtbot.waitUntil(lambda: screen.catalogue is not None, timeout=10_000)
    return screen


def tap_badge(shell: Any, screen: CatalogueScreen, qtbot: QtBot, person_id: int) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        shell.input_router.route_badge(BadgePresented(demo_badge_uid(person_id), "test"))


def card_for(screen: CatalogueScreen, name: str) -> Any:
    return next(c for c in screen.cards if c.isVisible() and c.name.text() == name)


def test_a_badge_says_what_this_agent_may_request_and_why_not_then_a_request_in_two_taps(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot, kiosk_settings: Settings
) -> None:
    shell = make_shell(profile=Profile.STORE, reader="none")
    assert "catalogue" in [c.key for c in shell.tiles.for_profile(Profile.STORE)]
    screen = open_catalogue(shell, qtbot)
    assert screen.page == BROWSE
    assert all(not c.request.isVisible() for c in screen.cards)  # nobody yet: no « Demander »
    assert "Passez votre badge" in screen.subtitle.text()

    tap_badge(shell, screen, qtbot, agent)
    screen.show_family(Family.WORKSTATIONS)
    loan = card_for(screen, "Ordinateur portable de prêt")
    assert loan.verdict.text() == (
        "Réservé aux ambassadeurs, aux administrateurs et à l’équipe du Smart Corner"
    )
    assert not loan.request.isVisible()
    screen.show_family(Family.ACCESSORIES)
    riser = card_for(screen, "Rehausseur d'écran")
    assert riser.verdict.text().startswith("Déjà demandé le ")
    keyboard = card_for(screen, "Clavier AZERTY")
    assert "En stock ici" in keyboard.facts.text()

    webcam = card_for(screen, "Webcam HD")
    if not webcam.request.isVisible():  # the demo handed this agent one: take another item
        webcam = next(c for c in screen.cards if c.isVisible() and c.request.isVisible())
    name = webcam.name.text()
    webcam.request.click()  # first tap
    assert screen.page == REQUEST
    keys = screen.request_page.keyboard
    for char in "bureau":
        keys.key_for(char).click()
    with qtbot.waitSignal(screen.page_changed, timeout=10_000, check_params_cb=lambda p: p == DONE):
        screen.request_page.send.click()  # second tap
    reference = screen.done_page.qr.payload
    assert reference.startswith("DEM-")
    assert reference in screen.done_page.body.text()
    # The language changed while the done page shows: every word of it follows, number kept.
    shell.session.set_language(Language.EN)
    done = screen.done_page
    qtbot.waitUntil(lambda: done.title.text() == "Request sent")  # retranslated on an event
    assert done.finish.text() == "Done"
    assert f"request no. {reference}" in done.body.text()
    assert "Your slip is printing" in done.note.text()
    shell.session.set_language(Language.FR)
    qtbot.waitUntil(lambda: done.title.text() == "Demande envoyée")

    engine = create_db_engine(kiosk_settings.database_url)
    with make_session_factory(engine)() as s:
        order = s.scalar(select(CollectOrder).where(CollectOrder.reference == reference))
        assert order is not None
        assert (order.person_id, order.source, order.note) == (agent, OrderSource.KIOSK, "Bureau")
        assert order.lines[0].status is LineStatus.PLACED
        assert order.lines[0].item.name == name
    engine.dispose()

    screen.done_page.finish.click()  # « Terminé »: nothing of the agent stays
    qtbot.waitUntil(lambda: screen.catalogue is not None and screen.catalogue.person_id is None)
    shown = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "Déjà demandé" not in shown
    assert reference not in shown


def test_the_idle_reset_forgets_the_agent_and_the_draft(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot
) -> None:
    shell = make_shell(profile=Profile.STORE, reader="none")
    screen = open_catalogue(shell, qtbot)
    tap_badge(shell, screen, qtbot, agent)
    screen.show_family(Family.ACCESSORIES)
    next(c for c in screen.cards if c.isVisible() and c.request.isVisible()).request.click()
    screen.request_page.note.setText("mon bureau au 3e")
    screen.reset()
    assert screen.page == BROWSE
    assert screen.draft is None
    assert screen.request_page.note.text() == ""
    assert "Bonjour" not in screen.subtitle.text()


@pytest.mark.parametrize("panel", FIT_PANELS, ids=lambda p: p.name)
def test_the_catalogue_fits_the_panel(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot, qapp: QApplication, panel: Any
) -> None:
    shell = make_shell(profile=Profile.STORE, reader="none")
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    screen = open_catalogue(shell, qtbot)
    tap_badge(shell, screen, qtbot, agent)
    report: list[str] = []
    for lang in (Language.FR, Language.EN):
        shell.session.set_language(lang)
        for family in Family:
            screen.show_family(family)
            settle_layout(shell.window, qapp)  # a turn of the loop: under load, mid-layout
            report += [f"{lang} {family}: {p}" for p in problems(shell.window, screen, metrics)]
        screen.show_family(Family.ACCESSORIES)
        next(c for c in screen.cards if c.isVisible() and c.request.isVisible()).request.click()
        settle_layout(shell.window, qapp)
        report += [f"{lang} request: {p}" for p in problems(shell.window, screen, metrics)]
        screen.go_back()
    # the staff side of requests: the decline page and « Stock du site »
    shell.router.go("collect_staff")
    staff = shell.router.current
    for digit in shell.settings.staff_pin:
        staff.lock.type_digit(digit)
    staff.lock.validate.click()
    qtbot.waitUntil(lambda: staff.staff is not None and not staff.desk.pending, timeout=10_000)
    for lang in (Language.FR, Language.EN):
        shell.session.set_language(lang)
        staff._decline(next(line for line in staff.work if line.to_answer))
        settle_layout(shell.window, qapp)
        report += [f"{lang} decline: {p}" for p in problems(shell.window, staff, metrics)]
        staff.stock_button.click()
        qtbot.waitUntil(lambda: bool(staff.stock_page.rows) and not staff.desk.pending)
        settle_layout(shell.window, qapp)
        report += [f"{lang} stock: {p}" for p in problems(shell.window, staff, metrics)]
        staff.stock_page.back.click()
    assert not report, "\n".join(report)


def test_staff_count_the_sites_stock_and_the_catalogue_shows_it(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot, kiosk_settings: Settings
) -> None:
    shell = make_shell(profile=Profile.STORE, reader="none")
    shell.router.go("collect_staff")
    staff = shell.router.current
    for digit in shell.settings.staff_pin:
        staff.lock.type_digit(digit)
    staff.lock.validate.click()
    qtbot.waitUntil(lambda: staff.staff is not None and not staff.desk.pending, timeout=10_000)
    staff.stock_button.click()
    page = staff.stock_page
    qtbot.waitUntil(lambda: bool(page.rows) and not staff.desk.pending, timeout=10_000)
    row = next(r for r in page.rows if r.entry.name == "Clavier AZERTY")
    before = row.entry.stock
    assert before is not None
    row.more.click()
    qtbot.waitUntil(lambda: not staff.desk.pending, timeout=10_000)
    row = next(r for r in page.rows if r.entry.name == "Clavier AZERTY")
    assert row.count.text() == str(before + 1)
    screen = open_catalogue(shell, qtbot)
    screen.show_family(Family.ACCESSORIES)
    assert f"En stock ici\u202f: {before + 1}" in card_for(screen, "Clavier AZERTY").facts.text()


def test_the_tour_shows_the_stock_of_its_last_sync_and_keeps_a_request_for_its_next_pass(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot, kiosk_settings: Settings
) -> None:
    shell = make_shell(profile=Profile.TOUR, reader="none")
    screen = open_catalogue(shell, qtbot)
    tap_badge(shell, screen, qtbot, agent)
    screen.show_family(Family.ACCESSORIES)
    keyboard = card_for(screen, "Clavier AZERTY")
    assert keyboard.facts.text().endswith(f"Stock au dernier passage\u202f: {keyboard.entry.stock}")
    assert keyboard.request.isVisible()
    keyboard.request.click()
    with qtbot.waitSignal(screen.page_changed, timeout=10_000, check_params_cb=lambda p: p == DONE):
        screen.request_page.send.click()
    assert screen.done_page.title.text() == "Demande enregistrée"  # not « envoyée »: offline
    assert "prochain passage du Smart Tour" in screen.done_page.note.text()
    assert "rien n’est accordé d’ici là" in screen.done_page.note.text()
    engine = create_db_engine(kiosk_settings.database_url)
    with make_session_factory(engine)() as s:  # kept here, with this kiosk: the sync pushes it
        order = s.scalar(
            select(CollectOrder).where(CollectOrder.reference == screen.done_page.qr.payload)
        )
        assert order is not None
        assert order.kiosk_id is not None
    engine.dispose()


def test_the_catalogue_names_and_describes_items_in_english_when_the_kiosk_speaks_english(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot
) -> None:
    shell = make_shell(profile=Profile.STORE, reader="none")
    screen = open_catalogue(shell, qtbot)
    tap_badge(shell, screen, qtbot, agent)
    screen.show_family(Family.ACCESSORIES)
    assert card_for(screen, "Clavier AZERTY").description.text().startswith("Clavier filaire")
    shell.session.set_language(Language.EN)

    def named(name: str) -> bool:
        return any(c.isVisible() and c.name.text() == name for c in screen.cards)

    qtbot.waitUntil(lambda: named("AZERTY keyboard"))  # the screens retranslate on an event
    keyboard = card_for(screen, "AZERTY keyboard")
    assert keyboard.description.text() == "Wired AZERTY keyboard with numeric keypad."
    shown = " ".join(c.name.text() for c in screen.cards if c.isVisible())
    assert "Webcam HD" not in shown
    assert "HD webcam" in shown
    keyboard.request.click()
    assert screen.request_page.title.text() == "AZERTY keyboard"
    screen.go_back()
    shell.session.set_language(Language.FR)
    qtbot.waitUntil(lambda: named("Clavier AZERTY"))


@pytest.mark.parametrize("lang", [Language.FR, Language.EN], ids=lambda lang: lang.value)
@pytest.mark.parametrize("panel", FIT_PANELS, ids=lambda p: p.name)
def test_the_request_done_page_fits_the_panel_on_the_tour(
    make_shell: Callable[..., Any],
    agent: int,
    qtbot: QtBot,
    qapp: QApplication,
    panel: Any,
    lang: Language,
) -> None:
    """The tour's note is the longest (« prochain passage du Smart Tour »): number, QR code,
    note and « Terminé » all seen, nothing overlapping."""
    shell = make_shell(profile=Profile.TOUR, reader="none")
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    shell.session.set_language(lang)
    screen = open_catalogue(shell, qtbot)
    tap_badge(shell, screen, qtbot, agent)
    screen.show_family(Family.ACCESSORIES)
    next(c for c in screen.cards if c.isVisible() and c.request.isVisible()).request.click()
    with qtbot.waitSignal(screen.page_changed, timeout=10_000, check_params_cb=lambda p: p == DONE):
        screen.request_page.send.click()
    qapp.processEvents()
    page = screen.done_page
    parts = [page.icon, page.title, page.body, page.qr, page.note, page.finish]
    shown = [w for w in parts if w.isVisible()]
    assert shown[-4:] == [page.body, page.qr, page.note, page.finish]  # the ring may give way
    report = problems(shell.window, screen, metrics)
    for upper, lower in itertools.pairwise(shown):  # one under the other, no overlap
        if upper.geometry().bottom() >= lower.geometry().top():
            report.append(f"{type(upper).__name__} overlaps {type(lower).__name__}")
    if page.finish.geometry().bottom() > page.height():
        report.append("« Terminé » below the page")
    assert not report, "\n".join(report)


def test_items_are_in_the_alphabetical_order_of_the_language_shown(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot
) -> None:
    """« Écran 24" » among the E, not after « Ordinateur… » (the database's binary order put
    É after every plain letter), and the English names in English order in English."""
    shell = make_shell(profile=Profile.STORE, reader="none")
    screen = open_catalogue(shell, qtbot)

    def shown() -> list[str]:
        return [c.name.text() for c in screen.cards if c.isVisible()]

    for family in Family:
        screen.show_family(family)
        assert shown() == sorted(shown(), key=fold), family
    screen.show_family(Family.WORKSTATIONS)
    names = shown()
    assert names != sorted(names)  # the binary order differs here: the test can fail
    assert names.index('Écran 24"') < names.index("Ordinateur portable de prêt")
    shell.session.set_language(Language.EN)
    qtbot.waitUntil(lambda: shown() != names)  # the screens retranslate on an event
    assert shown() == sorted(shown(), key=fold)
    assert set(shown()) != set(names)  # really the English names


def test_before_a_badge_the_words_take_the_card_s_width(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot, qapp: QApplication
) -> None:
    """Nobody identified, no « Demander »: the row gave the room to the picture's cell and the
    words stood in a one-word-wide column in the middle of the card (seen at 1366x768)."""
    shell = make_shell(profile=Profile.STORE, reader="none")
    metrics = FIT_PANELS[0].metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    screen = open_catalogue(shell, qtbot)
    settle_layout(shell.window, qapp)
    cards = [c for c in screen.cards if c.isVisible()]
    assert cards
    for card in cards:
        assert not card.request.isVisible()
        margins, frame = card.layout().contentsMargins(), card.frameWidth()
        assert card.picture.geometry().left() <= frame + margins.left() + 1  # at the card's left
        right = card.width() - frame - margins.right() - 2
        assert card.name.geometry().right() >= right, card.name.text()


def test_a_refill_under_the_keypad_focus_leaves_it_on_its_button(
    make_shell: Callable[..., Any], agent: int, qtbot: QtBot
) -> None:
    """The cards are refilled out of sight (one layout, not one per widget shown) except when
    the keypad's focus is in one: hiding them would move it, and the narrator with it."""
    shell = make_shell(profile=Profile.STORE, reader="none")
    screen = open_catalogue(shell, qtbot)
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    tap_badge(shell, screen, qtbot, agent)
    screen.show_family(Family.ACCESSORIES)
    assert all(c.verdict.isVisible() for c in screen.cards if c.isVisible())  # shown again
    button = next(c.request for c in screen.cards if c.isVisible() and c.request.isVisible())
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    screen.show_family(Family.ACCESSORIES)  # the same shelf again: every card refilled
    assert QApplication.focusWidget() is button
