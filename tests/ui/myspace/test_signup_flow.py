"""Sign-up, waiting list and « Mon espace » driven through the real kiosk: taps and a badge,
the rows in the database, and nothing of the agent left after « Terminé » or the idle reset."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Registration
from kiosk.domain import RegistrationStatus
from kiosk.ports import BadgePresented
from kiosk.printing.tables import PrintJob
from tests.helpers.checkin_world import World
from tests.ui.myspace.conftest import DAN_UID
from ui.events_feed import FeedState


def texts(root: QWidget) -> list[str]:
    labels = [w.text() for w in root.findChildren(QLabel) if w.isVisible()]
    return labels + [w.text() for w in root.findChildren(QAbstractButton) if w.isVisible()]


def open_event(qtbot: QtBot, shell: Any, event_id: int) -> Any:
    qtbot.waitUntil(lambda: shell.feed.state is FeedState.READY)
    shell.router.go("home")
    shell.router.go("events")
    agenda = shell.router.current
    agenda.open_event(next(e for e in shell.feed.events if e.id == event_id))
    qtbot.waitUntil(lambda: agenda.detail.isVisible())
    return agenda


def badge(shell: Any) -> None:
    shell.bridge.on_badge_event(BadgePresented(DAN_UID, "ACS ACR1252"))


def status_of(factory: sessionmaker[Session], world: World, event: int) -> RegistrationStatus:
    with factory() as s:
        return s.scalars(
            select(Registration.status).where(
                Registration.person_id == world.dan, Registration.event_id == event
            )
        ).one()


def test_a_badge_on_an_event_signs_up_and_prints_the_slip(
    qtbot: QtBot, kiosk: Any, world: World, session_factory: sessionmaker[Session]
) -> None:
    agenda = open_event(qtbot, kiosk, world.masterclass)
    panel = agenda.signup
    assert panel.prompt.isVisible()
    badge(kiosk)
    qtbot.waitUntil(lambda: panel.action.isVisible(), timeout=10_000)
    assert panel.greeting.text() == "Bonjour Dan L."
    assert panel.action.text() == "M’inscrire"
    qtbot.mouseClick(panel.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Votre place est réservée" in panel.message.text(), timeout=10_000)
    assert status_of(session_factory, world, world.masterclass) is RegistrationStatus.CONFIRMED
    with session_factory() as s:
        job = s.scalars(select(PrintJob).where(PrintJob.kind == "signup_slip")).one()
    assert job.ref is not None
    assert job.ref in panel.message.text()
    assert panel.action.text() == "Annuler mon inscription"
    kiosk.window.bottom_bar.back.click()  # back to the programme: the person is forgotten
    assert panel.standing is None
    assert not any("Dan" in t for t in texts(kiosk.window))


def test_a_full_event_offers_the_waiting_list_and_mon_espace_shows_and_cancels(
    qtbot: QtBot, kiosk: Any, world: World, session_factory: sessionmaker[Session]
) -> None:
    agenda = open_event(qtbot, kiosk, world.formation)  # one place, Carole's
    panel = agenda.signup
    badge(kiosk)
    qtbot.waitUntil(lambda: panel.action.isVisible(), timeout=10_000)
    assert panel.action.text() == "Rejoindre la liste d’attente"
    qtbot.mouseClick(panel.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "position 1" in panel.message.text(), timeout=10_000)
    assert status_of(session_factory, world, world.formation) is RegistrationStatus.WAITING_LIST

    kiosk.router.go("home")
    kiosk.router.go("myspace")
    space = kiosk.router.current
    assert space.invite.isVisible()
    badge(kiosk)
    qtbot.waitUntil(lambda: space.space is not None, timeout=10_000)
    shown = texts(kiosk.window)
    assert any("Liste d’attente\u202f: position 1" in t for t in shown)
    assert any("Cette borne n’envoie pas de courriel" in t for t in shown)
    cancel = next(b for b in space.findChildren(QAbstractButton) if b.text() == "Annuler")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Vous avez quitté la liste d’attente." in space.message.text(), timeout=10_000
    )
    assert status_of(session_factory, world, world.formation) is RegistrationStatus.CANCELLED
    assert not any("position 1" in t for t in texts(kiosk.window))

    qtbot.mouseClick(space.done, Qt.MouseButton.LeftButton)  # « Terminé »
    assert kiosk.router.current_key == "home"
    assert space.space is None
    assert not any("Dan" in t for t in texts(kiosk.window))


def test_the_idle_reset_leaves_nothing_of_the_agent(qtbot: QtBot, kiosk: Any, world: World) -> None:
    kiosk.router.go("home")
    kiosk.router.go("myspace")
    space = kiosk.router.current
    badge(kiosk)
    qtbot.waitUntil(lambda: space.space is not None, timeout=10_000)
    assert any("Dan" in t for t in texts(kiosk.window))
    kiosk.idle.set_durations(200, 200)
    with qtbot.waitSignal(kiosk.idle.session_reset, timeout=5000):
        pass
    assert kiosk.router.current_key == "attract"
    assert space.space is None
    assert space.rows.count() == 0
    every = [w.text() for w in kiosk.window.findChildren(QLabel)]
    assert not any("Dan" in t or "position" in t for t in every)
