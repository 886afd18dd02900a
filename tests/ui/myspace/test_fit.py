"""The sign-up panel and « Mon espace » fit the small landscape panel, the portrait totem and
4K at 200 %: nothing cut or overlapping, every button at least 15 mm, in French and English."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.status import LineStatus
from kiosk.db.models import Person
from kiosk.settings import Language
from kiosk.signup.registration import SignupProblem
from kiosk.signup.tables import SignupAct, SignupAction, SignupOutcome
from tests.helpers import collect as build
from tests.helpers.checkin_world import World
from tests.ui.myspace.conftest import EARLY
from tests.ui.myspace.test_signup_flow import badge, open_event
from tests.ui.test_screen_sizes import PANELS, Panel, problems, settle_layout

CHECKED = PANELS  # every kiosk panel
MODES = [(Language.FR, False), (Language.EN, False)]


@pytest.fixture
def dan_orders(session_factory: sessionmaker[Session], world: World) -> None:
    with session_factory.begin() as s:
        dan = s.get_one(Person, world.dan)
        screen = build.item(s, name="Écran 27 pouces")
        headset = build.item(s, name="Casque audio sans fil")
        build.order(s, dan, [(screen, LineStatus.READY), (headset, LineStatus.APPROVED)])
        s.add(  # a sign-up made on the Smart Tour, refused when it went up: a card of its own
            SignupAct(nonce=uuid.uuid4().hex, kiosk_id=None, person_id=dan.id,
                      event_id=world.workshop, action=SignupAction.SIGN_UP, at=EARLY,
                      outcome=SignupOutcome.REFUSED, reference="K7PQ2M",
                      detail=SignupProblem.INACTIVE.value)
        )  # fmt: skip


@pytest.mark.parametrize(("lang", "accessible"), MODES, ids=["fr", "en"])
@pytest.mark.parametrize("panel", CHECKED, ids=lambda p: p.name)
def test_sign_up_and_mon_espace_fit_the_panel(
    qtbot: QtBot,
    qapp: QApplication,
    dan_orders: None,
    kiosk: Any,
    world: World,
    panel: Panel,
    lang: Language,
    accessible: bool,
) -> None:
    metrics = panel.metrics
    kiosk.theme.set_screen(metrics)
    kiosk.window.resize(metrics.width, metrics.height)
    kiosk.session.set_language(lang)
    kiosk.session.set_accessible(accessible)
    qapp.processEvents()
    report: list[str] = []

    agenda = open_event(qtbot, kiosk, world.formation)
    badge(kiosk)
    qtbot.waitUntil(lambda: agenda.signup.action.isVisible(), timeout=10_000)
    agenda.detail_scroll.ensureWidgetVisible(agenda.signup.action)
    settle_layout(kiosk.window, qapp)
    report += [f"event page: {p}" for p in problems(kiosk.window, agenda, metrics)]
    qtbot.mouseClick(agenda.signup.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1" in agenda.signup.message.text(), timeout=10_000)
    settle_layout(kiosk.window, qapp)
    report += [f"signed up: {p}" for p in problems(kiosk.window, agenda, metrics)]

    kiosk.router.go("home")
    kiosk.router.go("myspace")
    space = kiosk.router.current
    settle_layout(kiosk.window, qapp)
    report += [f"invitation: {p}" for p in problems(kiosk.window, space, metrics)]
    badge(kiosk)
    qtbot.waitUntil(lambda: space.space is not None, timeout=10_000)
    settle_layout(kiosk.window, qapp)
    assert space.done.isVisible()
    report += [f"mon espace: {p}" for p in problems(kiosk.window, space, metrics)]
    assert not report, "\n".join(report)
