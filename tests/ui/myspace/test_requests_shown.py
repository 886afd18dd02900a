"""« Mon espace » lists the agent's requests from the one read model of Click & Collect
(kiosk.collect.requests.agent_requests): a request made at the kiosk and declined shows the
reason staff gave, an imported order its state, in French and in English."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.requests import AgentRequest, NewRequest, place_request
from kiosk.collect.staff import StaffProof
from kiosk.collect.status import Actor, LineStatus, OrderSource
from kiosk.collect.stock import SET_BY_IMPORT, set_count
from kiosk.db.models import Kiosk, Person
from kiosk.settings import Language
from kiosk.signup.answers import decline_request
from tests.helpers import collect as build
from tests.helpers.checkin_world import World
from tests.ui.myspace.conftest import EARLY
from tests.ui.myspace.test_signup_flow import badge, texts
from ui.myspace.texts import request_status, request_title


def _dan_requests(factory: sessionmaker[Session], world: World) -> str:
    """Dan asked for a screen at the kiosk (declined) and has an imported order ready."""
    with factory() as s:
        kiosk = s.get_one(Kiosk, world.kiosk)
        screen = build.item(s, name="Écran 27 pouces")
        set_count(s, kiosk.site_id, screen.id, 3, now=EARLY, by=SET_BY_IMPORT)
        placed = place_request(
            s,
            NewRequest(world.dan, screen.id, 1, "", kiosk.id, uuid.uuid4().hex),
            EARLY,
            enqueue_slip=False,
        )
        decline_request(
            s, placed.line_id, StaffProof(Actor.STAFF_PIN), "réservé aux encadrants",
            now=EARLY, kiosk_id=kiosk.id,
        )  # fmt: skip
        headset = build.item(s, name="Casque audio")
        build.order(
            s, s.get_one(Person, world.dan), [(headset, LineStatus.READY)],
            reference="CMD-77", at=EARLY,
        )  # fmt: skip
        s.commit()
        return placed.reference


def test_mon_espace_shows_the_declined_request_with_its_reason_and_the_ready_order(
    qtbot: QtBot, kiosk: Any, world: World, session_factory: sessionmaker[Session]
) -> None:
    reference = _dan_requests(session_factory, world)
    kiosk.router.go("home")
    kiosk.router.go("myspace")
    space = kiosk.router.current
    badge(kiosk)
    qtbot.waitUntil(lambda: space.space is not None, timeout=10_000)
    shown = texts(kiosk.window)
    assert f"Écran 27 pouces · {reference}" in shown
    assert any("Demande refusée le" in t and "réservé aux encadrants" in t for t in shown)
    assert "Casque audio · CMD-77" in shown
    assert any(t.startswith("Prêt — à retirer avant le") for t in shown)
    # the open order comes before the closed request
    order = [t for t in shown if t.startswith(("Écran", "Casque"))]
    assert order == ["Casque audio · CMD-77", f"Écran 27 pouces · {reference}"]

    kiosk.session.set_language(Language.EN)
    qtbot.waitUntil(lambda: any("Request declined on" in t for t in texts(kiosk.window)))
    shown = texts(kiosk.window)
    assert any("Ready — collect before" in t for t in shown)
    assert not any("Demande refusée" in t or "Prêt" in t for t in shown)


def test_on_the_tour_a_request_not_synced_yet_says_it_goes_at_the_next_pass(qapp: Any) -> None:
    made_here = AgentRequest(
        order_id=1, line_id=1, reference="DEM-ABCDEFGH", source=OrderSource.KIOSK,
        item_code="SOURIS", item_name="Souris optique", item_icon="mouse", quantity=1,
        status=LineStatus.PLACED, status_at=EARLY, placed_at=EARLY, note="",
        decline_reason=None, item_name_en="Optical mouse", kiosk_id=3,
    )  # fmt: skip
    assert "prochain passage du Smart Tour" in request_status(made_here, tour=True)
    assert "en attente de validation" in request_status(made_here, tour=False)
    synced = replace(made_here, kiosk_id=None)  # pulled back: the central base has it
    assert "en attente de validation" in request_status(synced, tour=True)
    assert request_title(made_here, made_here.item_name_in(True)) == "Optical mouse · DEM-ABCDEFGH"
