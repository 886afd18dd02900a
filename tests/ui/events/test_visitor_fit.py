"""The visitor's sign-up (the event page's « Je n'ai pas de badge », the form, the answer) and
the door's waiting-list verdicts fit every kiosk panel (the small landscape one, 5:4, the
portrait totem, 4K at 200 %...): nothing cut or overlapping, every button at least 15 mm, in
French and English, normal and accessible."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Event
from kiosk.settings import Language
from kiosk.signup.registration import sign_up
from tests.helpers.checkin_world import World
from tests.ui.events.test_visitor_signup_flow import open_event
from tests.ui.myspace.conftest import (
    EARLY,
    checkin_settings,
    dan_badge,
    kiosk,
    paris_time,
    site_key_file,
    world,
)
from tests.ui.test_screen_sizes import PANELS, Panel, problems, settle_layout
from tools.screenshots.checkin import sample_results
from tools.screenshots.main import NOW
from ui.checkin.self_checkin import SelfCheckin
from ui.checkin.verdicts import describe

__all__ = ["checkin_settings", "dan_badge", "kiosk", "paris_time", "site_key_file", "world"]

CHECKED = PANELS  # every kiosk panel
MODES = [(Language.FR, False), (Language.EN, False), (Language.FR, True)]
LONG = ("Marie-Clémentine-Éléonore", "de La Tour-Saint-Exupéry", "Communauté d’agglomération")


@pytest.mark.parametrize(("lang", "accessible"), MODES, ids=["fr", "en", "fr-accessible"])
@pytest.mark.parametrize("panel", CHECKED, ids=lambda p: p.name)
def test_the_visitor_sign_up_fits_the_panel(
    qtbot: QtBot,
    qapp: QApplication,
    kiosk: Any,
    world: World,
    session_factory: sessionmaker[Session],
    panel: Panel,
    lang: Language,
    accessible: bool,
) -> None:
    with session_factory.begin() as s:  # one place, Dan's: the visitor waits for it
        s.execute(update(Event).where(Event.id == world.table_ronde).values(capacity=1))
    with session_factory() as s:
        sign_up(s, world.dan, world.table_ronde, EARLY)
    metrics = panel.metrics
    kiosk.theme.set_screen(metrics)
    kiosk.window.resize(metrics.width, metrics.height)
    kiosk.session.set_language(lang)
    kiosk.session.set_accessible(accessible)
    settle_layout(kiosk.window, qapp)
    report: list[str] = []

    agenda = open_event(qtbot, kiosk, world.table_ronde)
    agenda.detail_scroll.ensureWidgetVisible(agenda.signup.no_badge)
    settle_layout(kiosk.window, qapp)
    assert agenda.signup.no_badge.isVisible()
    report += [f"event page: {p}" for p in problems(kiosk.window, agenda, metrics)]

    qtbot.mouseClick(agenda.signup.no_badge, Qt.MouseButton.LeftButton)
    page = agenda.visitor
    assert page.isVisible()
    form = page.form
    for field, text in zip(form.fields, (*LONG, "marie.delatour@agglo-example.fr"), strict=True):
        field.setText(text)
    settle_layout(kiosk.window, qapp)
    report += [f"form: {p}" for p in problems(kiosk.window, agenda, metrics)]

    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.answering, timeout=10_000)
    settle_layout(kiosk.window, qapp)
    assert page.answer.done.isVisible()
    assert page.answer.result.position == 1  # the waiting list, first in line
    report += [f"answer: {p}" for p in problems(kiosk.window, agenda, metrics)]
    assert not report, "\n".join(report)


@pytest.mark.parametrize(("lang", "accessible"), MODES, ids=["fr", "en", "fr-accessible"])
@pytest.mark.parametrize("panel", CHECKED, ids=lambda p: p.name)
@pytest.mark.parametrize("kind", ["waiting-list", "waiting-list-place-free"])
def test_the_waiting_list_verdicts_fit_the_panel(
    qapp: QApplication, kiosk: Any, panel: Panel, lang: Language, accessible: bool, kind: str
) -> None:
    metrics = panel.metrics
    kiosk.theme.set_screen(metrics)
    kiosk.window.resize(metrics.width, metrics.height)
    kiosk.session.set_language(lang)
    kiosk.session.set_accessible(accessible)
    checkin = kiosk.service(SelfCheckin)
    verdict = checkin.panel
    verdict.setGeometry(kiosk.window.rect())
    view = describe(sample_results(NOW)[kind], NOW)
    verdict.show_view(view, timeout_ms=8000, accept_text="M’inscrire", decline_text="Non merci")
    verdict.show()
    verdict.raise_()
    settle_layout(kiosk.window, qapp)
    assert verdict.accept_button.isVisible() is view.offer_walk_in
    found = problems(kiosk.window, verdict, metrics, bottom_bar=False)
    assert not found, "\n".join(found)
