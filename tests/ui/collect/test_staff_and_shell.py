"""The staff screen (prepare, make ready) and the store kiosk's routing of badges to the pickup."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.admin_access import PinGuard
from kiosk.collect.pickup import HandOverRequest, IdentifiedBy, record_pickup
from kiosk.collect.receipt import receipt_code
from kiosk.collect.status import Actor, LineStatus
from kiosk.collect.tables import LineEvent, OrderLine
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Person
from kiosk.domain import Role
from kiosk.identity import badge_hash, link_badge, load_site_key
from kiosk.ports import BadgePresented, FixedClock
from kiosk.settings import Profile, Settings
from kiosk.this_kiosk import KioskRef
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from ui.collect.capability import PickupFallback
from ui.collect.desk import CollectDesk
from ui.collect.staff import CollectStaffScreen
from ui.theme import ThemeController

S = LineStatus
KEY = b"t" * 32
WAIT_MS = 10_000


@pytest.fixture
def staff_world(session_factory: sessionmaker[Session]) -> dict[str, Any]:
    with session_factory.begin() as s:
        kiosk = c.kiosk(s)
        boss = c.agent(s, role=Role.STAFF)
        agent = c.agent(s)
        link_badge(s, badge_hash(KEY, b"boss"), boss.id, now=NOW, nonce=uuid.uuid4().hex)
        link_badge(s, badge_hash(KEY, b"agent"), agent.id, now=NOW, nonce=uuid.uuid4().hex)
        phone = c.item(s, name="Smartphone", tracked=True)
        o = c.order(s, agent, [(phone, S.APPROVED)])
        ref = KioskRef(kiosk.id, kiosk.code, kiosk.name, Profile.STORE, kiosk.site_id, "site")
        return {"kiosk": ref, "line": o.lines[0].id, "boss": boss.id, "agent": agent.id}


@pytest.fixture
def staff(
    qtbot: QtBot, qapp: Any, session_factory: sessionmaker[Session], staff_world: dict[str, Any]
) -> Iterator[CollectStaffScreen]:
    theme = ThemeController(qapp)
    theme.apply()
    desk = CollectDesk(
        lambda: session_factory, FixedClock(NOW), site_key=lambda: KEY,
        verifier=lambda: None, kiosk=lambda _now: staff_world["kiosk"],
    )  # fmt: skip
    screen = CollectStaffScreen(desk, theme, PinGuard("1357", FixedClock(NOW)))
    desk.setParent(screen)
    qtbot.addWidget(screen)
    screen.resize(1920, 1000)
    screen.show()
    yield screen
    desk.wait()


def settle(qtbot: QtBot, desk: CollectDesk) -> None:
    qtbot.waitUntil(lambda: desk.pending == 0, timeout=WAIT_MS)


def test_an_agents_badge_does_not_open_the_staff_area_but_a_staff_badge_does(
    qtbot: QtBot, staff: CollectStaffScreen
) -> None:
    assert staff.handle_badge(BadgePresented(b"agent", "test"))
    settle(qtbot, staff.desk)
    assert staff.staff is None
    assert "n’ouvre pas" in staff.lock.message.text()
    staff.handle_badge(BadgePresented(b"boss", "test"))
    settle(qtbot, staff.desk)
    assert staff.staff is not None
    assert staff.staff.proof.actor is Actor.STAFF_BADGE
    assert [line.item_name for line in staff.work] == ["Smartphone"]


def test_pin_then_prepare_with_a_scanned_asset_tag_then_ready(
    qtbot: QtBot,
    staff: CollectStaffScreen,
    staff_world: dict[str, Any],
    session_factory: sessionmaker[Session],
) -> None:
    for digit in "1234":
        staff.lock.type_digit(digit)
    staff.lock.validate.click()
    assert staff.staff is None
    assert staff.lock.message.text() == "Code incorrect — il reste 4 essais"
    for digit in "1357":
        staff.lock.type_digit(digit)
    staff.lock.validate.click()
    settle(qtbot, staff.desk)
    (line,) = staff.work
    staff._act(line)
    assert staff.editing is not None  # a tracked item asks for its identifiers
    staff.save.click()
    settle(qtbot, staff.desk)
    assert "inventaire" in staff.prepare_title.text()  # refused: nothing typed or scanned
    assert staff.handle_scan("CD06-77777", "wedge")
    assert staff.asset_tag.text() == "CD06-77777"
    staff.save.click()
    settle(qtbot, staff.desk)
    (line,) = staff.work
    assert line.status is S.PREPARED
    assert line.asset_tag == "CD06-77777"
    staff._act(line)
    settle(qtbot, staff.desk)
    assert staff.work == []
    with session_factory() as s:
        row = s.get(OrderLine, staff_world["line"])
        assert row is not None
        assert row.status is S.READY
        actors = list(s.scalars(select(LineEvent.actor).where(LineEvent.line_id == row.id)))
    assert actors == [Actor.STAFF_PIN, Actor.STAFF_PIN]
    # the desk checks a receipt's QR code: the real one, then a made-up one
    nonce = uuid.uuid4().hex
    request = HandOverRequest(staff_world["agent"], (staff_world["line"],),
                              staff_world["kiosk"].id, nonce, IdentifiedBy.BADGE)  # fmt: skip
    record_pickup(session_factory, request, NOW)
    assert staff.handle_scan(receipt_code(nonce).lower(), "camera")
    settle(qtbot, staff.desk)
    assert staff.error.text().startswith("✓ Reçu authentique")
    assert "1 article(s)" in staff.error.text()
    assert staff.handle_scan(receipt_code(uuid.uuid4().hex), "wedge")
    settle(qtbot, staff.desk)
    assert "pas authentique" in staff.error.text()
    staff.reset()  # idle: locked again
    assert staff.staff is None
    assert not staff.handle_scan(receipt_code(uuid.uuid4().hex), "wedge")  # locked: not here


def test_on_the_store_kiosk_a_badge_on_any_screen_opens_the_pickup(
    qtbot: QtBot, make_shell: Callable[..., Any], kiosk_settings: Settings
) -> None:
    url = kiosk_settings.database_url
    engine = create_db_engine(url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    key = load_site_key(kiosk_settings.site_key_path)
    with sessions.begin() as s:
        who = c.agent(s)
        c.order(s, who, [(c.item(s, name="Casque Teams"), S.READY)])
        link_badge(s, badge_hash(key, b"helene"), who.id, now=NOW, nonce=uuid.uuid4().hex)
        name = s.get(Person, who.id).first_name  # type: ignore[union-attr]
    engine.dispose()
    shell = make_shell(profile=Profile.STORE)
    shell.router.go("events")
    assert shell.input_router.route_badge(BadgePresented(b"helene", "test"))
    assert shell.router.current_key == "collect"
    pickup = shell.router.current
    qtbot.waitUntil(lambda: pickup.page.value == "lines", timeout=WAIT_MS)
    assert pickup.lines_page.hello.text().startswith(f"Bonjour {name}")
    # codes that are not order codes are not the pickup's business
    assert not shell.service(PickupFallback).handle_scan("SCA.XX.YY", "wedge")
    shell.reset_session()  # idle: nothing of Hélène stays
    assert pickup.lines is None
    shell.router.go("collect")
    pickup.message.secondary.click()  # "Espace équipe" on the welcome page
    assert shell.router.current_key == "collect_staff"


def visible_texts(root: QWidget) -> list[str]:
    """Every text a passer-by could read in ``root``: labels, buttons, fields, shown only."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
    return texts


def test_a_pickup_walked_to_the_idle_reset_leaves_no_personal_datum_on_screen(
    qtbot: QtBot, make_shell: Callable[..., Any], kiosk_settings: Settings
) -> None:
    url = kiosk_settings.database_url
    engine = create_db_engine(url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    key = load_site_key(kiosk_settings.site_key_path)
    with sessions.begin() as s:
        who = c.agent(s)
        first, last, matricule = who.first_name, who.last_name, who.matricule
        c.order(s, who, [(c.item(s, name='Écran 24"', tracked=True), S.READY)], quantity=2)
        link_badge(s, badge_hash(key, b"helene"), who.id, now=NOW, nonce=uuid.uuid4().hex)
        serial = s.scalar(select(OrderLine.serial))
    engine.dispose()
    assert serial
    assert matricule
    personal = (first, last, last.upper(), matricule, serial)
    shell = make_shell(profile=Profile.STORE)
    assert shell.input_router.route_badge(BadgePresented(b"helene", "test"))
    pickup = shell.router.current
    qtbot.waitUntil(lambda: pickup.page.value == "lines", timeout=WAIT_MS)
    assert any(first in t for t in visible_texts(shell.window))  # the check can see it
    pickup.lines_page.take.click()
    pickup.confirm_page.confirm.click()
    qtbot.waitUntil(lambda: pickup.page.value == "done", timeout=WAIT_MS)
    assert "2 articles vous ont été remis." in visible_texts(shell.window)
    shell.reset_session()  # what the idle reset does once the receipt no longer holds it
    shown = " ".join(visible_texts(shell.window))
    assert not [datum for datum in personal if datum in shown]
