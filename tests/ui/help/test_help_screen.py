"""Besoin d’aide ? in the real shell (store profile) on a real SQLite file: the visitor's
three steps, the printer's news, the technician's desk, badges, the idle reset."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.db import migrate
from kiosk.db.models import Person
from kiosk.domain import Role
from kiosk.help.domain import HelpReason, TicketState
from kiosk.identity import badge_hash, link_badge, load_site_key
from kiosk.ports import BadgePresented
from kiosk.printing.spool import Failure, PrintSpool
from kiosk.settings import Profile
from tests.helpers import records
from tests.ui.conftest import NOW
from ui.help.screen import HelpScreen
from ui.help.ticket import PrintState

WAIT_MS = 5000


@pytest.fixture
def store(make_shell: Callable[..., Any]) -> Any:
    return make_shell(profile=Profile.STORE)


def open_help(shell: Any) -> HelpScreen:
    shell.router.go("home")
    shell.router.go("help")
    screen = shell.router.screen("help")
    assert isinstance(screen, HelpScreen)
    return screen


def take_ticket(qtbot: QtBot, screen: HelpScreen, reason: int = 1, text: str = "") -> str:
    screen.reasons.buttons[reason].click()
    assert screen.pages.currentWidget() is screen.describe
    screen.describe.field.setText(text)
    screen.describe.keyboard.submitted.emit()
    assert screen.pages.currentWidget() is screen.ticket  # at once, before the worker answers
    qtbot.waitUntil(lambda: screen.ticket.ticket is not None, timeout=WAIT_MS)
    return screen.ticket.ticket or ""


def test_the_help_tile_is_on_store_kiosks_only(make_shell: Callable[..., Any]) -> None:
    store = make_shell(profile=Profile.STORE)
    room = make_shell(profile=Profile.ROOM)
    assert "help" in [c.key for c in store.tiles.for_profile(Profile.STORE)]
    assert "help" not in [c.key for c in room.tiles.for_profile(Profile.ROOM)]


def test_a_visitor_takes_a_ticket_in_three_taps_and_goes_home(qtbot: QtBot, store: Any) -> None:
    screen = open_help(store)
    assert take_ticket(qtbot, screen, reason=1, text="Outlook ne s'ouvre plus") == "M-001"
    assert screen.ticket.number.text() == "M-001"
    assert screen.ticket.position.text() == "Prochain"
    assert screen.ticket.print_state is PrintState.NONE  # no printer on this kiosk
    assert not screen.holds_session()
    assert take_ticket_again(qtbot, screen) == "M-002"
    screen.ticket.finish.click()
    assert store.router.current_key == "home"


def test_the_first_ticket_of_a_shell_migrates_nothing_and_loads_no_http_client(
    qtbot: QtBot, store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It took 5.8 s (0.49 s the second): Alembic creating the database on that first use, and
    the GLPI client's HTTP stack imported with GLPI off."""
    migrations: list[object] = []
    upgrade = migrate.upgrade
    monkeypatch.setattr(migrate, "upgrade", lambda *a, **k: migrations.append(upgrade(*a, **k)))
    monkeypatch.delitem(sys.modules, "hardware.glpi", raising=False)
    screen = open_help(store)
    assert take_ticket(qtbot, screen, reason=1) == "M-001"
    assert migrations == []
    assert "hardware.glpi" not in sys.modules


def take_ticket_again(qtbot: QtBot, screen: HelpScreen) -> str:
    screen.reset()
    return take_ticket(qtbot, screen, reason=1)


def test_the_number_stays_big_while_the_printer_is_down_and_the_spool_retries(
    qtbot: QtBot, make_shell: Callable[..., Any]
) -> None:
    shell = make_shell(profile=Profile.STORE, printer="tcp://127.0.0.1:9")
    screen = open_help(shell)
    take_ticket(qtbot, screen, reason=0)
    assert screen.ticket.print_state is PrintState.SENDING
    assert screen.holds_session()  # the idle reset waits for the print
    spool = PrintSpool(shell.database.session_factory())  # the spooler's side, by hand
    claimed, _ = spool.claim_next("spooler", NOW)
    assert claimed is not None
    spool.reschedule(claimed.id, "spooler", NOW, Failure.UNREACHABLE, claimed.job.attempts)
    qtbot.waitUntil(lambda: screen.ticket.print_state is PrintState.TROUBLE, timeout=WAIT_MS)
    assert screen.ticket.number.text() == "P-001"
    assert screen.ticket.number.isVisible()
    assert "notez votre numéro" in screen.ticket.print_text.text()
    later = NOW + timedelta(minutes=1)
    claimed, _ = spool.claim_next("spooler", later)
    assert claimed is not None
    spool.mark_printed(claimed.id, "spooler", later)
    qtbot.waitUntil(lambda: screen.ticket.print_state is PrintState.PRINTED, timeout=WAIT_MS)
    assert not screen.holds_session()


def test_the_technician_calls_serves_and_closes_tickets(qtbot: QtBot, store: Any) -> None:
    screen = open_help(store)
    take_ticket(qtbot, screen, reason=1)
    screen.reset()
    take_ticket(qtbot, screen, reason=2)
    screen.reset()
    screen.reasons.staff.click()
    assert screen.pages.currentWidget() is screen.staff_pin
    for digit in store.settings.staff_pin:
        screen.staff_pin.type_digit(digit)
    screen.staff_pin.submit()
    assert screen.pages.currentWidget() is screen.staff
    staff = screen.staff
    qtbot.waitUntil(lambda: len(staff._entries) == 2, timeout=WAIT_MS)
    assert staff.call_next.isEnabled()
    staff.call_next.click()
    qtbot.waitUntil(lambda: staff.mine() is not None, timeout=WAIT_MS)
    mine = staff.mine()
    assert mine is not None
    assert (mine.ticket, mine.state, mine.desk) == ("M-001", TicketState.CALLED, "1")
    assert not staff.call_next.isEnabled()  # one person at a time per desk
    staff.serve.click()
    qtbot.waitUntil(lambda: staff.finish.isEnabled(), timeout=WAIT_MS)
    staff.finish.click()
    qtbot.waitUntil(lambda: staff.mine() is None and len(staff._entries) == 1, timeout=WAIT_MS)
    staff.call_next.click()
    qtbot.waitUntil(lambda: staff.mine() is not None, timeout=WAIT_MS)
    staff.absent.click()
    qtbot.waitUntil(lambda: staff._entries == [], timeout=WAIT_MS)
    assert staff.empty.isVisibleTo(staff)


def test_a_wrong_staff_pin_keeps_the_desk_closed(store: Any) -> None:
    screen = open_help(store)
    screen.reasons.staff.click()
    for digit in "0000":
        screen.staff_pin.type_digit(digit)
    screen.staff_pin.submit()
    assert screen.pages.currentWidget() is screen.staff_pin


def link(shell: Any, role: Role, uid: bytes) -> Person:
    sessions = shell.database.session_factory()
    key = load_site_key(shell.settings.site_key_path)
    with sessions.begin() as session:
        person = records.person(session, role=role)
        link_badge(session, badge_hash(key, uid), person.id, now=records.CREATED, nonce=uid.hex())
    return person


def test_an_agents_badge_names_the_request_and_a_staff_badge_opens_the_desk(
    qtbot: QtBot, store: Any
) -> None:
    screen = open_help(store)
    agent = link(store, Role.AGENT, b"\x04\x11\x22\x33")
    link(store, Role.STAFF, b"\x04\x99\x88\x77")
    assert screen.handle_badge(BadgePresented(b"\x04\x11\x22\x33", "reader"))
    qtbot.waitUntil(lambda: "Camille" in screen.reasons.who.text(), timeout=WAIT_MS)
    assert agent.last_name not in screen.reasons.who.text()  # the first name only
    take_ticket(qtbot, screen, reason=2)
    entry = screen.client.desk().queue()[0]
    assert entry.person_name == f"Camille {agent.last_name[0]}."
    screen.reset()
    assert "Camille" not in screen.reasons.who.text()
    assert screen.handle_badge(BadgePresented(b"\x04\x99\x88\x77", "reader"))
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.staff, timeout=WAIT_MS)


def test_the_idle_reset_leaves_nothing_of_the_visitor(qtbot: QtBot, store: Any) -> None:
    screen = open_help(store)
    take_ticket(qtbot, screen, reason=3, text="Teams plante")
    store.reset_session()
    assert store.router.current_key == "attract"
    assert screen.pages.currentWidget() is screen.reasons
    assert screen.describe.field.text() == ""
    assert screen.ticket.ticket is None or not screen.holds_session()
    assert HelpReason.SOFTWARE.prefix == "L"
