"""« Projets numériques » and « Comment était … ? » fit the kiosk panels: 1366x768, the portrait
totem and 4K at 200 %, in French and English, normal and accessible (the checks of
tests/ui/test_screen_sizes.py: nothing cut, nothing overlapping, targets of 15 mm)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Kiosk
from kiosk.ports import FixedClock
from kiosk.satisfaction.faces import Face
from kiosk.settings import Language, Profile, Settings
from tests.helpers import records
from tests.ui.projects.conftest import PRESENTED
from tests.ui.test_screen_sizes import PANELS, Panel, problems, settle_layout
from ui.satisfaction.prompt import FeedbackPrompt

FIT_PANELS = PANELS  # every kiosk panel
MODES = [(Language.FR, False), (Language.FR, True), (Language.EN, False), (Language.EN, True)]


def fit(shell: Any, panel: Panel, lang: Language, accessible: bool, qapp: QApplication) -> None:
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    shell.session.set_language(lang)
    shell.session.set_accessible(accessible)
    qapp.processEvents()


@pytest.mark.parametrize("panel", FIT_PANELS, ids=lambda p: p.name)
def test_the_gallery_and_a_project_fit(
    projects_shell: Callable[..., Any], qapp: QApplication, qtbot: QtBot, panel: Panel
) -> None:
    shell = projects_shell()
    screen = shell.router.current
    report: list[str] = []
    for lang, accessible in MODES:
        fit(shell, panel, lang, accessible, qapp)
        screen.go_back()
        settle_layout(shell.window, qapp)
        where = f"{lang.value} {'accessible' if accessible else 'normal'}"
        report += [f"gallery {where}: {p}" for p in problems(shell.window, screen, panel.metrics)]
        screen.keyboard_toggle.setChecked(True)
        settle_layout(shell.window, qapp)
        report += [f"keyboard {where}: {p}" for p in problems(shell.window, screen, panel.metrics)]
        screen.keyboard_toggle.setChecked(False)
        screen.open_project(PRESENTED)
        qtbot.waitUntil(lambda: screen.project.detail is not None)
        qtbot.waitUntil(lambda: screen.desk.pending == 0)
        settle_layout(shell.window, qapp)
        report += [f"project {where}: {p}" for p in problems(shell.window, screen, panel.metrics)]
    assert not report, "\n".join(report)


@pytest.mark.parametrize("panel", FIT_PANELS, ids=lambda p: p.name)
def test_the_feedback_question_and_its_thanks_fit(
    make_shell: Callable[..., Any],
    kiosk_settings: Settings,
    clock: FixedClock,
    qapp: QApplication,
    qtbot: QtBot,
    panel: Panel,
) -> None:
    engine = create_db_engine(kiosk_settings.database_url)
    ensure_schema(engine)
    with make_session_factory(engine).begin() as session:
        site = records.site(session)
        session.add(Kiosk(code="K-FIT", name="Smart Room", profile=Profile.ROOM, site_id=site.id,
                          created_at=records.CREATED))  # fmt: skip
        records.event(session, site, starts_at=clock.now() - timedelta(hours=2),
                      ends_at=clock.now() - timedelta(minutes=3),
                      title="Table ronde : sobriété numérique, quels engagements pour le "
                            "Département ?")  # fmt: skip
    engine.dispose()
    shell = make_shell(profile=Profile.ROOM, kiosk_code="K-FIT")
    prompt = shell.service(FeedbackPrompt)
    assert prompt is not None
    qtbot.waitUntil(lambda: shell.attract.aside is prompt.panel, timeout=10_000)
    report: list[str] = []
    for lang, accessible in MODES:
        fit(shell, panel, lang, accessible, qapp)
        prompt.ask_again()
        settle_layout(shell.window, qapp)
        where = f"{lang.value} {'accessible' if accessible else 'normal'}"
        report += [f"question {where}: {p}" for p in problems(shell.window, shell.attract,
                                                             panel.metrics)]  # fmt: skip
        prompt.answer(Face.GOOD)
        qtbot.waitUntil(lambda: prompt.desk.pending == 0)
        settle_layout(shell.window, qapp)
        report += [f"thanks {where}: {p}" for p in problems(shell.window, shell.attract,
                                                           panel.metrics)]  # fmt: skip
        clock.set(clock.now() + timedelta(seconds=30))  # past the anonymous rate limit
    assert not report, "\n".join(report)
