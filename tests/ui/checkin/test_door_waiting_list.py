"""Mode accueil and the waiting list: staff read the position and whether a place is free for
the person, and once the event has started they may give a free place to someone present."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.tables import Attendance
from kiosk.db.models import Event, Registration
from kiosk.domain import CheckinMethod, RegistrationStatus
from kiosk.identity import link_badge
from kiosk.signup.registration import cancel, sign_up
from tests.helpers.checkin_world import NOW, World
from tests.ui.checkin.test_door import (
    click,
    door,
    helene,
    kiosk_settings,
    open_masterclass,
    settle,
    tap_badge,
)
from ui.checkin.desk import CheckinDesk
from ui.checkin.door import DoorScreen, Page
from ui.checkin.verdicts import Tone

__all__ = ["door", "helene", "kiosk_settings"]  # shared fixtures

DAN_UID = bytes.fromhex("04d1d2d3d4d5d6")
EARLY = NOW - timedelta(hours=3)


def test_staff_read_the_position_then_give_the_freed_place(
    qtbot: Any,
    door: DoorScreen,
    desk: CheckinDesk,
    world: World,
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:  # the masterclass's one place is Alice's
        s.execute(update(Event).where(Event.id == world.masterclass).values(capacity=1))
        badge = desk.badge_hash(DAN_UID)
        assert badge is not None
        link_badge(s, badge, world.dan, now=EARLY, nonce="n-dan")
    with session_factory() as s:
        sign_up(s, world.bob, world.masterclass, EARLY)
    with session_factory() as s:
        sign_up(s, world.dan, world.masterclass, EARLY + timedelta(minutes=1))
    open_masterclass(qtbot, door, world)

    tap_badge(qtbot, door, DAN_UID)
    assert door.banner.tone is Tone.AMBER
    assert "Dan" in door.banner.text
    assert "Liste d’attente, position 2\u202f: pas encore son tour" in door.banner.text

    with session_factory() as s:  # Alice gives her place back after the start
        cancel(s, world.alice, world.masterclass, NOW - timedelta(minutes=1))
    tap_badge(qtbot, door, DAN_UID)  # Bob still waits ahead: not Dan's place by the list
    assert "position 2\u202f: pas encore son tour" in door.banner.text

    click(qtbot, door.find_name)  # staff see Dan at the door and give him the place
    assert door.page is Page.SEARCH
    for char in "dan":
        click(qtbot, door.search.keyboard.key_for(char))
    rows = door.search.model.matches()
    assert [m.first_name for m in rows][:1] == ["Dan"]
    qtbot.mouseClick(
        door.search.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=door.search.list.visualRect(door.search.model.index(0)).center(),
    )
    settle(qtbot, door)
    assert door.banner.tone is Tone.GREEN
    with session_factory() as s:
        row = s.scalar(select(Attendance).where(Attendance.person_id == world.dan))
        assert row is not None
        assert row.method is CheckinMethod.WALK_IN
        status = s.scalars(
            select(Registration.status).where(
                Registration.person_id == world.dan, Registration.event_id == world.masterclass
            )
        ).one()
    assert status is RegistrationStatus.CONFIRMED
