"""« Je n'ai pas de badge » driven through the real kiosk: the visitor form on an event open to
visitors, the answer with the reference and its QR, the slip queued, and nothing of the visitor
left after « Terminé », « Retour » or the idle reset."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.codes import reference_code
from kiosk.db.models import Person, Registration
from kiosk.domain import PersonKind, RegistrationSource, RegistrationStatus
from kiosk.printing.spool import receipt_from_json
from kiosk.printing.tables import PrintJob
from kiosk.signup.tables import SignupAct, SignupOutcome
from tests.helpers.checkin_world import World
from tests.ui.myspace.conftest import (
    checkin_settings,
    dan_badge,
    kiosk,
    paris_time,
    site_key_file,
    world,
)
from tests.ui.test_keyboard import type_text
from ui.events_feed import FeedState

__all__ = ["checkin_settings", "dan_badge", "kiosk", "paris_time", "site_key_file", "world"]


def on_screen(root: QWidget) -> list[str]:
    """Every text a person could read: labels, buttons, fields (visible or not)."""
    texts = [w.text() for w in root.findChildren(QLabel)]
    texts += [w.text() for w in root.findChildren(QAbstractButton)]
    return texts + [w.text() for w in root.findChildren(QLineEdit)]


def open_event(qtbot: QtBot, shell: Any, event_id: int) -> Any:
    qtbot.waitUntil(lambda: shell.feed.state is FeedState.READY)
    shell.router.go("home")
    shell.router.go("events")
    agenda = shell.router.current
    agenda.open_event(next(e for e in shell.feed.events if e.id == event_id))
    qtbot.waitUntil(lambda: agenda.detail.isVisible())
    return agenda


def fill_and_send(qtbot: QtBot, agenda: Any) -> Any:
    qtbot.mouseClick(agenda.signup.no_badge, Qt.MouseButton.LeftButton)
    page = agenda.visitor
    assert page.isVisible()
    form = page.form
    assert "table_ronde test" in form.title.text()
    assert not form.save.isEnabled()  # name, first name and organisation first
    for field, text in (
        (form.first_name, "Léa"),
        (form.last_name, "Blanc"),
        (form.organisation, "mairie de Menton"),
        (form.email, "lea.blanc@menton.fr"),
    ):
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        type_text(qtbot, form.keyboard, text)  # on the kiosk's own keyboard
        assert field.text() == text
    assert form.privacy.isVisible()
    assert "inscription" in form.privacy.text.text()
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.answering, timeout=10_000)
    return page


def test_a_visitor_signs_up_without_a_badge_and_takes_the_reference_away(
    qtbot: QtBot, kiosk: Any, world: World, session_factory: sessionmaker[Session]
) -> None:
    agenda = open_event(qtbot, kiosk, world.table_ronde)
    assert agenda.signup.no_badge.isVisible()
    page = fill_and_send(qtbot, agenda)

    with session_factory() as s:
        row = s.scalars(
            select(Registration).where(Registration.source == RegistrationSource.VISITOR_FORM)
        ).one()
        person = s.get_one(Person, row.person_id)
        job = s.scalars(select(PrintJob).where(PrintJob.ref == row.reference)).one()
        receipt = receipt_from_json(job.receipt)
        # recorded as it happened, as an agent's sign-up is: a Smart Tour kiosk replays it
        act = s.scalars(select(SignupAct).where(SignupAct.person_id == row.person_id)).one()
    assert (act.event_id, act.reference, act.outcome) == (
        world.table_ronde, row.reference, SignupOutcome.CONFIRMED
    )  # fmt: skip
    assert act.kiosk_id is not None
    assert row.event_id == world.table_ronde
    assert row.status is RegistrationStatus.CONFIRMED
    assert (person.kind, person.organisation) == (PersonKind.VISITOR, "Mairie de Menton")
    assert row.reference is not None
    answer = page.answer
    assert answer.headline.text() == "Votre place est réservée"
    assert row.reference in answer.reference.text()
    assert answer.qr.payload == reference_code(row.reference) == receipt.qr_payload
    assert "Votre ticket s’imprime." in answer.next_step.text()
    assert "code QR" in answer.next_step.text()
    assert not any(field.text() for field in page.form.fields)  # the answer replaced them
    said = " ".join(p.text for p in agenda.spoken())  # the speech path says the answer
    assert "Votre place est réservée" in said
    assert row.reference in said
    assert "Léa" not in said  # a loudspeaker never says the visitor's name

    qtbot.mouseClick(answer.done, Qt.MouseButton.LeftButton)  # « Terminé »
    assert agenda.detail_scroll.isVisible()
    left = on_screen(kiosk.window)
    assert not any("Léa" in t or "Blanc" in t or row.reference in t for t in left)
    assert answer.qr.payload == ""
    assert not any(row.reference in p.text for p in agenda.spoken())


def test_an_agents_only_event_offers_no_visitor_path(
    qtbot: QtBot, kiosk: Any, world: World
) -> None:
    agenda = open_event(qtbot, kiosk, world.masterclass)
    assert agenda.signup.prompt.isVisible()
    assert not agenda.signup.no_badge.isVisible()
    assert "sans badge" not in agenda.signup.prompt.text()


def test_retour_from_the_form_forgets_what_was_typed(
    qtbot: QtBot, kiosk: Any, world: World
) -> None:
    agenda = open_event(qtbot, kiosk, world.table_ronde)
    qtbot.mouseClick(agenda.signup.no_badge, Qt.MouseButton.LeftButton)
    type_text(qtbot, agenda.visitor.form.keyboard, "Léa")
    assert agenda.visitor.form.first_name.text() == "Léa"
    kiosk.window.bottom_bar.back.click()
    assert agenda.detail_scroll.isVisible()  # back on the event's page, not the programme
    assert not any("Léa" in t for t in on_screen(kiosk.window))


def test_the_idle_reset_leaves_nothing_of_the_visitor(
    qtbot: QtBot, kiosk: Any, world: World
) -> None:
    agenda = open_event(qtbot, kiosk, world.table_ronde)
    page = fill_and_send(qtbot, agenda)
    reference = page.answer.result.reference
    assert any(reference in t for t in on_screen(kiosk.window))
    kiosk.idle.set_durations(200, 200)
    with qtbot.waitSignal(kiosk.idle.session_reset, timeout=5000):
        pass
    assert kiosk.router.current_key == "attract"
    left = on_screen(kiosk.window)
    assert not any("Léa" in t or "Menton" in t or reference in t for t in left)
    assert page.answer.qr.payload == ""
