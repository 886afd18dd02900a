"""Requests made at the kiosk in the Click & Collect staff screen: « Valider » sends one to the
preparation list, « Refuser » asks for the reason (typed on the on-screen keyboard) that the
agent then reads in their requests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kiosk.admin_access import PinGuard
from kiosk.collect.requests import NewRequest, agent_requests, place_request
from kiosk.collect.status import LineStatus
from kiosk.ports import FixedClock
from kiosk.settings import Profile
from kiosk.this_kiosk import KioskRef
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from ui.collect.desk import CollectDesk
from ui.collect.staff import CollectStaffScreen
from ui.collect.staff_parts import StaffRow
from ui.theme import ThemeController

WAIT_MS = 10_000


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> dict[str, Any]:
    with session_factory.begin() as s:
        kiosk = c.kiosk(s)
        agent = c.agent(s)
        mouse, headset = c.item(s, name="Souris"), c.item(s, name="Casque")
        for item in (mouse, headset):
            item.stocked = False
        asks = [
            place_request(s, NewRequest(agent.id, i.id, 1, note, kiosk.id, uuid.uuid4().hex), NOW)
            for i, note in ((mouse, "gaucher"), (headset, ""))
        ]
        ref = KioskRef(kiosk.id, kiosk.code, kiosk.name, Profile.STORE, kiosk.site_id, "site")
        return {"kiosk": ref, "agent": agent.id, "lines": [a.line_id for a in asks]}


@pytest.fixture
def staff(
    qtbot: QtBot, qapp: Any, session_factory: sessionmaker[Session], world: dict[str, Any]
) -> Iterator[CollectStaffScreen]:
    theme = ThemeController(qapp)
    theme.apply()
    desk = CollectDesk(
        lambda: session_factory, FixedClock(NOW), site_key=lambda: b"k" * 32,
        verifier=lambda: None, kiosk=lambda _now: world["kiosk"],
    )  # fmt: skip
    screen = CollectStaffScreen(desk, theme, PinGuard("1357", FixedClock(NOW)))
    desk.setParent(screen)
    qtbot.addWidget(screen)
    screen.resize(1920, 1000)
    screen.show()
    for digit in "1357":
        screen.lock.type_digit(digit)
    screen.lock.validate.click()
    qtbot.waitUntil(lambda: desk.pending == 0 and screen.staff is not None, timeout=WAIT_MS)
    yield screen
    desk.wait()


def test_staff_approve_one_request_and_decline_the_other_with_a_reason(
    qtbot: QtBot,
    staff: CollectStaffScreen,
    world: dict[str, Any],
    session_factory: sessionmaker[Session],
) -> None:
    mouse, headset = world["lines"]
    assert [(line.line_id, line.to_answer) for line in staff.work] == [
        (mouse, True),
        (headset, True),
    ]
    rows = staff.findChildren(StaffRow)
    assert any("gaucher" in r.state.text() for r in rows)
    staff._act(staff.work[0])  # « Valider »
    qtbot.waitUntil(lambda: staff.desk.pending == 0, timeout=WAIT_MS)
    assert [(line.line_id, line.status) for line in staff.work] == [
        (headset, LineStatus.PLACED),  # requests to answer first
        (mouse, LineStatus.APPROVED),  # now on the preparation list
    ]
    staff._decline(staff.work[0])  # « Refuser »
    staff.decline_page.save.click()  # no reason: not sent
    assert "motif" in staff.decline_page.title.text()
    keys = staff.decline_page.keyboard
    for char in "rupture":
        keys.key_for(char).click()
    staff.decline_page.save.click()
    qtbot.waitUntil(lambda: staff.desk.pending == 0, timeout=WAIT_MS)
    assert [line.line_id for line in staff.work] == [mouse]
    with session_factory() as s:
        seen = {r.line_id: (r.status, r.decline_reason) for r in agent_requests(s, world["agent"])}
    assert seen == {
        mouse: (LineStatus.APPROVED, None),
        headset: (LineStatus.DECLINED, "Rupture"),
    }
