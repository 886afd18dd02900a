"""Opening a project's page counts it once for the statistics, written on the worker."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select

from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Kiosk
from kiosk.ports import FixedClock
from kiosk.projects.tables import ProjectView
from kiosk.settings import Settings
from tests.ui.projects.conftest import PRESENTED


@pytest.fixture
def writer_threads() -> Iterator[list[threading.Thread]]:
    """The thread each project_view row was inserted on."""
    threads: list[threading.Thread] = []

    def seen(*_: Any) -> None:
        threads.append(threading.current_thread())

    event.listen(ProjectView, "before_insert", seen)
    yield threads
    event.remove(ProjectView, "before_insert", seen)


def views(settings: Settings) -> list[tuple[str, str | None]]:
    engine = create_db_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as session:
            query = (
                select(ProjectView.project_slug, Kiosk.code)
                .outerjoin(Kiosk, Kiosk.id == ProjectView.kiosk_id)
                .order_by(ProjectView.id)
            )
            return [(slug, code) for slug, code in session.execute(query)]
    finally:
        engine.dispose()


def test_each_opening_is_counted_once_off_the_gui_thread(
    projects_shell: Callable[..., Any],
    kiosk_settings: Settings,
    clock: FixedClock,
    qtbot: QtBot,
    writer_threads: list[threading.Thread],
) -> None:
    shell = projects_shell()
    screen = shell.router.current
    card = next(w for w in screen.cards if w.card.slug == PRESENTED)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)  # an impatient second tap: same opening
    qtbot.waitUntil(lambda: screen.project.detail is not None)
    assert screen.desk.wait(5_000)
    [(slug, code)] = views(kiosk_settings)
    assert (slug, code) == (PRESENTED, shell.database.this_kiosk(clock.now()).code)
    assert writer_threads
    assert threading.main_thread() not in writer_threads

    assert screen.go_back()  # back to the gallery: opening it again is a new opening
    other = next(w for w in screen.cards if w.card.slug != PRESENTED)
    screen.open_project(other.card.slug)
    qtbot.waitUntil(lambda: screen.project.detail is not None)
    screen.open_project(PRESENTED)
    qtbot.waitUntil(
        lambda: screen.project.detail is not None and screen.project.detail.card.slug == PRESENTED
    )
    assert screen.desk.wait(5_000)
    assert views(kiosk_settings) == [
        (PRESENTED, code),
        (other.card.slug, code),
        (PRESENTED, code),
    ]
