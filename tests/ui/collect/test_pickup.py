"""The pickup screen on a real SQLite file, driven like an agent drives it: every path.

The desk's worker does the database work; each test waits on the screen's ``page_changed``.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.codes import generate_private_key
from kiosk.collect.order_code import OrderCodeIssuer, OrderCodeVerifier
from kiosk.collect.pickup import HandOverRequest, IdentifiedBy, record_pickup
from kiosk.collect.status import LineStatus
from kiosk.collect.tables import HandOver, OrderLine, Pickup
from kiosk.db.models import Person
from kiosk.identity import badge_hash, link_badge
from kiosk.ports import BadgePresented, FixedClock
from kiosk.printing.spool import Failure, PrintSpool
from kiosk.printing.states import PrintJobState
from kiosk.settings import Language, Profile
from kiosk.this_kiosk import KioskRef
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from ui.collect.desk import CollectDesk
from ui.collect.line_card import LineCard
from ui.collect.pickup import Page, PickupScreen
from ui.formatting import qlocale
from ui.theme import ThemeController

S = LineStatus
KEY = b"s" * 32
WAIT_MS = 10_000


@pytest.fixture(autouse=True)
def paris_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@dataclass
class World:
    sessions: sessionmaker[Session]
    kiosk: KioskRef
    issuer: OrderCodeIssuer
    people: dict[str, int]
    lines: dict[str, int]
    orders: dict[str, int]

    def uid(self, who: str) -> bytes:
        return f"badge-of-{who}".encode()


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    key = generate_private_key()
    people: dict[str, int] = {}
    lines: dict[str, int] = {}
    orders: dict[str, int] = {}
    with session_factory.begin() as s:
        kiosk = c.kiosk(s, "Smart Store CADAM")
        other_kiosk = c.kiosk(s, "Smart Store Nice")
        mouse, keyboard = c.item(s, name="Souris optique"), c.item(s, name="Clavier AZERTY")
        screen = c.item(s, name='Écran 24"', tracked=True, max_per_agent=1, renewal_days=365)
        dock = c.item(s, name="Station d'accueil")
        for name in ("helene", "marc", "nina", "paul"):
            who = c.agent(s)
            people[name] = who.id
            link_badge(s, badge_hash(KEY, f"badge-of-{name}".encode()), who.id, now=NOW,
                       nonce=uuid.uuid4().hex)  # fmt: skip
        helene = s.get(Person, people["helene"])
        o = c.order(s, helene, [(mouse, S.READY), (keyboard, S.READY), (dock, S.APPROVED)])
        lines["mouse"], lines["keyboard"], lines["dock"] = (x.id for x in o.lines)
        orders["helene"] = o.id
        o = c.order(s, s.get(Person, people["marc"]), [(dock, S.PREPARED)])
        orders["marc"] = o.id
        o = c.order(s, s.get(Person, people["nina"]), [(screen, S.READY)])
        lines["nina_screen"] = o.lines[0].id
        o = c.order(s, s.get(Person, people["paul"]), [(mouse, S.READY)])
        lines["paul_mouse"] = o.lines[0].id
        ref = KioskRef(kiosk.id, kiosk.code, kiosk.name, Profile.STORE, kiosk.site_id, "site")
        other = other_kiosk.id
    # Nina already received a screen this year: her new one is over the quota now.
    earlier = HandOverRequest(people["nina"], (), other, uuid.uuid4().hex, IdentifiedBy.BADGE)
    with session_factory.begin() as s:
        old = c.order(s, s.get(Person, people["nina"]), [(screen, S.READY)])
        old_line = old.lines[0].id
    record_pickup(session_factory, replace(earlier, line_ids=(old_line,)), NOW - timedelta(days=40))
    # Paul collected his mouse at the other kiosk this morning.
    record_pickup(
        session_factory,
        HandOverRequest(people["paul"], (lines["paul_mouse"],), other, uuid.uuid4().hex,
                        IdentifiedBy.BADGE),
        NOW - timedelta(hours=3),
    )  # fmt: skip
    return World(session_factory, ref, OrderCodeIssuer(key), people, lines, orders)


@pytest.fixture
def pickup(qtbot: QtBot, qapp: Any, world: World) -> Iterator[PickupScreen]:
    previous = QLocale()
    QLocale.setDefault(qlocale(Language.FR))  # what the kiosk's language switcher does
    theme = ThemeController(qapp)
    theme.apply()
    verifier = OrderCodeVerifier([world.issuer._key.public_key()])
    desk = CollectDesk(
        lambda: world.sessions, FixedClock(NOW), site_key=lambda: KEY,
        verifier=lambda: verifier, kiosk=lambda _now: world.kiosk,
    )  # fmt: skip
    screen = PickupScreen(desk, theme)
    desk.setParent(screen)
    qtbot.addWidget(screen)
    screen.resize(1920, 1000)
    screen.show()
    yield screen
    desk.wait()
    QLocale.setDefault(previous)


def until(qtbot: QtBot, screen: PickupScreen, page: Page, action: Callable[[], object]) -> None:
    """Do ``action`` and wait for the screen to land on ``page`` (late "checking" is skipped)."""
    with qtbot.waitSignal(
        screen.page_changed, timeout=WAIT_MS, check_params_cb=lambda p: p == page.value
    ):
        action()


def tap(screen: PickupScreen, world: World, who: str) -> Callable[[], object]:
    return lambda: screen.handle_badge(BadgePresented(world.uid(who), "test"))


def handed(world: World) -> set[int]:
    with world.sessions() as s:
        return set(s.scalars(select(HandOver.line_id)))


def test_badge_lists_ready_lines_first_all_ticked_and_the_others_with_their_state(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    cards = pickup.lines_page.cards
    assert [card.line.item_name for card in cards[:2]] == ["Souris optique", "Clavier AZERTY"]
    assert all(card.selected for card in cards[:2])
    assert not cards[2].selectable
    assert "attente de préparation" in cards[2].status.text()
    assert pickup.lines_page.take.text() == "Retirer 2 articles"


def test_partial_pickup_hands_over_the_ticked_lines_only(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    pickup.lines_page.cards[1].set_selected(False)  # the keyboard stays for another day
    assert pickup.lines_page.take.text() == "Retirer 1 article"
    pickup.lines_page.take.click()
    assert pickup.page is Page.CONFIRM
    until(qtbot, pickup, Page.DONE, pickup.confirm_page.confirm.click)
    assert world.lines["mouse"] in handed(world)
    assert world.lines["keyboard"] not in handed(world)
    with world.sessions() as s:
        assert s.get(OrderLine, world.lines["keyboard"]).status is S.READY  # type: ignore[union-attr]
    assert "1 article vous a été remis." in pickup.message.body.text()


def test_the_signature_drawn_is_stored_with_the_pickup(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    from kiosk.collect.signature import decode

    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    pickup.lines_page.take.click()
    pad = pickup.confirm_page.pad
    qtbot.mousePress(pad, qtbot_button(), pos=pad.rect().center() - qpoint(200, 0))
    for dx in range(-200, 200, 20):
        qtbot.mouseMove(pad, pad.rect().center() + qpoint(dx, (dx // 20) % 3 * 5))
    qtbot.mouseRelease(pad, qtbot_button(), pos=pad.rect().center() + qpoint(200, 0))
    assert pad.signature() is not None
    until(qtbot, pickup, Page.DONE, pickup.confirm_page.confirm.click)
    with world.sessions() as s:
        stored = s.scalar(
            select(Pickup.signature).where(Pickup.person_id == world.people["helene"])
        )
    assert stored is not None
    assert len(decode(stored).strokes) == 1


def test_nothing_ready_says_so_and_offers_no_pickup(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "marc"))
    assert pickup.lines_page.summary.text().startswith("Rien n’est prêt pour vous")
    assert not pickup.lines_page.take.isVisibleTo(pickup)
    assert "En préparation" in pickup.lines_page.cards[0].status.text()


def test_an_already_collected_line_says_when_and_where(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "paul"))
    (card,) = pickup.lines_page.cards
    assert not card.selectable
    assert card.status.text() == "Retiré le lundi 23 novembre à 11:05 — Smart Store Nice"


def test_another_persons_badge_is_refused_without_a_word_about_their_order(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    until(qtbot, pickup, Page.PROBLEM, tap(pickup, world, "nina"))
    shown = pickup.message.title.text() + pickup.message.body.text()
    assert "pas votre commande" in shown
    assert "Écran" not in shown
    assert "Nina" not in shown
    pickup.message.primary.click()  # back to Hélène's lines, untouched
    assert pickup.page is Page.LINES
    assert pickup.current is not None
    assert pickup.current.person_id == world.people["helene"]


def test_somebody_elses_order_code_is_refused_while_identified(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    code = world.issuer.issue(
        order_id=world.orders["marc"], person_id=world.people["marc"],
        expires_at=NOW + timedelta(days=5),
    )  # fmt: skip
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    until(qtbot, pickup, Page.PROBLEM, lambda: pickup.handle_scan(code, "wedge"))
    assert "Station" not in pickup.message.body.text()


def test_an_order_code_alone_shows_that_order(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    code = world.issuer.issue(
        order_id=world.orders["helene"], person_id=world.people["helene"],
        expires_at=NOW + timedelta(days=5),
    )  # fmt: skip
    until(qtbot, pickup, Page.LINES, lambda: pickup.handle_scan(code.lower(), "camera"))
    assert len(pickup.lines_page.cards) == 3
    assert "badge" in pickup.lines_page.hint.text()
    assert not pickup.handle_scan("SCA.NOT.ANORDER", "wedge")  # other codes go elsewhere


def test_a_line_the_policy_refuses_is_unticked_and_explained_before_anything_is_signed(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    """Nina already had her screen this year: she learns it on the list, not after signing."""
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "nina"))
    card = pickup.lines_page.cards[0]
    assert not card.selectable
    assert not card.selected
    assert "maximum (1)" in card.status.text()
    assert not pickup.lines_page.take.isVisibleTo(pickup)  # nothing to take today
    assert "1 ne peut pas vous être remis" in pickup.lines_page.summary.text()


def test_the_policy_refusal_leaves_the_rest_to_hand_over(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    """Two screens of one line count as two articles; the refused line stays behind."""
    with world.sessions.begin() as s:
        nina = s.get(Person, world.people["nina"])
        assert nina is not None
        big = c.item(s, name='Écran 27"', max_per_agent=2, renewal_days=365)
        two = c.order(s, nina, [(big, S.READY)], quantity=2).lines[0].id
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "nina"))
    assert [card.selected for card in pickup.lines_page.cards[:2]] == [True, False]
    assert pickup.lines_page.take.text() == "Retirer 2 articles"
    pickup.lines_page.take.click()
    until(qtbot, pickup, Page.DONE, pickup.confirm_page.confirm.click)
    assert handed(world) >= {two}
    assert world.lines["nina_screen"] not in handed(world)
    assert "2 articles vous ont été remis." in pickup.message.body.text()


def test_the_policy_is_checked_again_at_hand_over_and_nothing_is_written(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    with world.sessions.begin() as s:  # the mouse is withdrawn while Hélène signs
        line = s.get(OrderLine, world.lines["mouse"])
        assert line is not None
        line.item.active = False
    pickup.lines_page.take.click()
    until(qtbot, pickup, Page.PROBLEM, pickup.confirm_page.confirm.click)
    assert "plus distribué" in pickup.message.body.text()
    assert not handed(world) & {world.lines["mouse"], world.lines["keyboard"]}
    until(qtbot, pickup, Page.LINES, pickup.message.primary.click)  # "Revoir mes articles"
    offered = {card.line.line_id for card in pickup.lines_page.cards if card.selectable}
    assert offered == {world.lines["keyboard"]}


def test_retour_on_the_confirmation_goes_back_to_the_lines_and_is_the_only_one(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    pickup.lines_page.take.click()
    assert pickup.page is Page.CONFIRM
    labels = [b.text() for b in pickup.confirm_page.findChildren(QAbstractButton)]
    assert "Retour" not in labels  # the bottom bar's "Retour" is the screen's only one
    assert pickup.go_back()
    assert pickup.page is Page.LINES
    assert not pickup.go_back()  # from the lines, "Retour" leaves the screen


def test_a_line_taken_at_another_kiosk_meanwhile_is_refused_with_when_and_where(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    pickup.lines_page.take.click()
    other = HandOverRequest(world.people["helene"], (world.lines["mouse"],), world.kiosk.id,
                            uuid.uuid4().hex, IdentifiedBy.BADGE)  # fmt: skip
    record_pickup(world.sessions, other, NOW)
    until(qtbot, pickup, Page.PROBLEM, pickup.confirm_page.confirm.click)
    assert "Déjà retiré le lundi 23 novembre à 14:05" in pickup.message.body.text()
    assert world.lines["keyboard"] not in handed(world)  # all or nothing


def test_printer_down_keeps_the_hand_over_and_says_the_receipt_will_follow(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    pickup.lines_page.take.click()
    until(qtbot, pickup, Page.DONE, pickup.confirm_page.confirm.click)
    assert pickup.holds_session()  # the first print attempt is under way
    assert pickup.done is not None
    assert pickup.done.print_job_id is not None
    job = PrintSpool(world.sessions).get(pickup.done.print_job_id)
    assert job is not None
    assert job.state is PrintJobState.PENDING
    pickup.print_job_changed(replace(job, attempts=1, last_error_code=Failure.OFFLINE))
    assert "bien enregistré" in pickup.message.note.text()
    assert not pickup.holds_session()  # the agent may leave: the spool retries on its own
    assert {world.lines["mouse"], world.lines["keyboard"]} <= handed(world)
    pickup.print_job_changed(replace(job, state=PrintJobState.PRINTED))
    assert pickup.message.note.text() == "Reçu imprimé. Bonne journée\u202f!"
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "marc"))  # the next agent, at once
    assert pickup.current is not None
    assert pickup.current.person_id == world.people["marc"]


def test_idle_reset_forgets_the_agent(qtbot: QtBot, pickup: PickupScreen, world: World) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    pickup.reset()
    assert pickup.page is Page.WELCOME
    assert pickup.current is None
    assert pickup.lines is None
    assert pickup.lines_page.cards == []
    assert all(card.name.text() == "" for card in pickup.lines_page.findChildren(LineCard))
    assert pickup.lines_page.hello.text() == ""


def test_leaving_for_another_screen_forgets_the_agent(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    with qtbot.assertNotEmitted(pickup.finished):
        pickup.hide()  # "Accueil" in the bottom bar: the stack shows another screen
    assert pickup.page is Page.WELCOME
    assert pickup.lines is None
    pickup.show()
    assert pickup.lines_page.cards == []


def test_unknown_badge_and_a_forged_code_are_told_apart(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.PROBLEM, tap(pickup, world, "stranger"))
    assert pickup.message.title.text() == "Badge inconnu"
    forged = OrderCodeIssuer(generate_private_key()).issue(
        order_id=1, person_id=1, expires_at=NOW + timedelta(days=1)
    )
    until(qtbot, pickup, Page.PROBLEM, lambda: pickup.handle_scan(forged, "wedge"))
    assert pickup.message.title.text() == "Code non reconnu"
    with world.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Pickup)) == 2  # the two fixtures'


def qtbot_button() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def qpoint(x: int, y: int) -> Any:
    from PySide6.QtCore import QPoint

    return QPoint(x, y)


def test_the_pickup_lines_are_spoken_with_the_items_only_into_a_headset(
    qtbot: QtBot, pickup: PickupScreen, world: World
) -> None:
    until(qtbot, pickup, Page.LINES, tap(pickup, world, "helene"))
    loudspeaker = [p.for_output(headset=False) for p in pickup.spoken()]
    headset = [p.for_output(headset=True) for p in pickup.spoken()]
    assert loudspeaker[0] == pickup.lines_page.summary.text()  # how many, not what
    assert not any("Souris" in text or "Hélène" in text for text in loudspeaker)
    assert "Souris optique" in headset[0]
    assert "Clavier AZERTY" in headset[0]
    assert pickup.lines_page.hello.text() in headset[0]
