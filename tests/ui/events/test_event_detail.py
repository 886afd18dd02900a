"""A tap on an event card of the programme opens the event: what, for whom, where, seats left,
and what to do next; "Retour" comes back to the list and the idle reset closes it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeProgramme
from ui.events.events_column import SPACING
from ui.events_feed import FeedState


def open_agenda(qtbot: QtBot, shell: Any) -> Any:
    qtbot.waitUntil(lambda: shell.feed.state is FeedState.READY)
    shell.router.go("home")
    shell.router.go("events")
    agenda = shell.router.current
    assert agenda.key == "events"
    return agenda


def tap_card(qtbot: QtBot, agenda: Any, row: int) -> None:
    rect = agenda.view.visualRect(agenda.view.model().index(row, 0))
    qtbot.mouseClick(agenda.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_tap_on_a_card_opens_the_event(
    qtbot: QtBot, shell: Any, programme: FakeProgramme
) -> None:
    agenda = open_agenda(qtbot, shell)
    tap_card(qtbot, agenda, 1)  # the masterclass: open to visitors, full
    qtbot.waitUntil(lambda: agenda.detail.isVisible())
    detail = agenda.detail
    assert detail.shown_event == programme.events[1]
    assert detail.title.text() == "L'IA au service des politiques publiques"
    assert detail.kind.text() == "Masterclass"
    assert detail.where.text() == "Smart Room"
    assert detail.audience.text() == "Ouvert aux agents et aux visiteurs extérieurs"
    assert detail.seats.text() == "Complet"
    assert "liste d’attente" in detail.next_step.text()
    assert not agenda.view.isVisible()


def test_retour_comes_back_to_the_programme_and_idle_forgets_the_event(
    qtbot: QtBot, shell: Any, programme: FakeProgramme
) -> None:
    agenda = open_agenda(qtbot, shell)
    tap_card(qtbot, agenda, 0)
    qtbot.waitUntil(lambda: agenda.detail.isVisible())
    assert agenda.detail.audience.text() == "Réservé aux agents du Département"
    assert agenda.detail.seats.text() == "6 places restantes"
    shell.window.bottom_bar.back.click()
    assert shell.router.current is agenda
    assert agenda.view.isVisible()
    tap_card(qtbot, agenda, 2)
    qtbot.waitUntil(lambda: agenda.detail.isVisible())
    agenda.reset()
    assert agenda.detail.shown_event is None
    assert agenda.view.isVisible()


def test_a_tap_on_a_card_of_the_attract_screen_opens_that_event(
    qtbot: QtBot, shell: Any, programme: FakeProgramme
) -> None:
    qtbot.waitUntil(lambda: shell.attract.events.visible_count() == 3)
    column = shell.attract.events
    card = column._card_painter().height
    second = column.mapTo(shell.attract, QPoint(column.width() // 2, card + SPACING + card // 2))
    qtbot.mouseClick(shell.attract, Qt.MouseButton.LeftButton, pos=second)
    agenda = shell.router.current
    assert agenda.key == "events"
    assert agenda.detail.isVisible()
    assert agenda.detail.shown_event == programme.events[1]
    shell.window.bottom_bar.back.click()  # back to the programme, then home
    assert agenda.view.isVisible()


def test_a_tap_beside_the_cards_still_starts_the_kiosk(qtbot: QtBot, shell: Any) -> None:
    qtbot.waitUntil(lambda: shell.attract.events.visible_count() == 3)
    qtbot.mouseClick(shell.attract, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert shell.router.current_key == "home"


def test_on_a_small_panel_the_page_scrolls_instead_of_cutting_its_lines(
    qtbot: QtBot, shell: Any
) -> None:
    """1366x768 in accessible mode: the facts and the next step are taller than the room under
    the heading; each line keeps the height its text needs and the last one scrolls into view."""
    from ui.theme import ScreenMetrics

    shell.theme.set_screen(ScreenMetrics(1366, 768, 1366 / 409.8))
    shell.window.resize(1366, 768)
    shell.session.set_accessible(True)
    agenda = open_agenda(qtbot, shell)
    tap_card(qtbot, agenda, 0)
    detail = agenda.detail
    qtbot.waitUntil(lambda: detail.isVisible())
    area = agenda.detail_scroll
    assert detail.height() > area.viewport().height()  # taller than the room: it scrolls
    for label in (detail.title, detail.description, detail.when, detail.next_step):
        if label.isVisible():
            assert label.height() >= label.heightForWidth(label.width())  # not squeezed
    area.ensureWidgetVisible(detail.next_step)
    top = detail.next_step.mapTo(area.viewport(), QPoint(0, 0)).y()
    assert top >= 0
    assert top + detail.next_step.height() <= area.viewport().height()
