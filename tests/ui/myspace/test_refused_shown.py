"""« Mon espace » says when a sign-up made offline on the Smart Tour was refused centrally, and
why, in French and in English — with no « Annuler » for it (nothing is left to cancel)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kiosk.settings import Language
from kiosk.signup.registration import SignupProblem
from kiosk.signup.tables import SignupAct, SignupAction, SignupOutcome
from tests.helpers.checkin_world import World
from tests.ui.myspace.conftest import EARLY
from tests.ui.myspace.test_signup_flow import badge, texts


def test_a_sign_up_refused_when_it_went_up_is_shown_refused_with_its_reason(
    qtbot: QtBot, kiosk: Any, world: World, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:  # as the tour's pull leaves it: the act, no place
        s.add(
            SignupAct(
                nonce=uuid.uuid4().hex, kiosk_id=world.kiosk, person_id=world.dan,
                event_id=world.workshop, action=SignupAction.SIGN_UP, at=EARLY,
                outcome=SignupOutcome.REFUSED, reference="K7PQ2M",
                detail=SignupProblem.INACTIVE.value,
            )
        )  # fmt: skip
    kiosk.router.go("home")
    kiosk.router.go("myspace")
    space = kiosk.router.current
    badge(kiosk)
    qtbot.waitUntil(lambda: space.space is not None, timeout=10_000)
    shown = texts(kiosk.window)
    assert any(
        "Inscription refusée au retour du Smart Tour. Votre fiche n’est plus active" in t
        for t in shown
    ), shown
    buttons = [b.text() for b in kiosk.window.findChildren(QAbstractButton) if b.isVisible()]
    assert "Annuler" not in buttons

    kiosk.session.set_language(Language.EN)
    qtbot.waitUntil(lambda: any("Smart Tour" in t and "refused" in t for t in texts(kiosk.window)))
    assert not any("Inscription refusée" in t for t in texts(kiosk.window))
