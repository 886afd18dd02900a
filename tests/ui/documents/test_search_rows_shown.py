"""The search page asks the index for body snippets for the rows it shows once the keyboard is
down, no more: a landscape panel shows fewer rows than a portrait totem."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.documents.catalogue import MAX_SNIPPET_ROWS, SearchResults
from tests.ui.documents.test_document_list import hit
from ui.documents.desk import SearchRequest
from ui.documents.search import SearchPage
from ui.theme import ThemeController
from ui.widgets.window import KioskWindow


def asked_and_seen(qtbot: Any, qapp: QApplication, width: int, height: int) -> tuple[int, int]:
    """Snippets the page asks for while the visitor types, and rows seen once they submit."""
    theme = ThemeController(qapp)
    theme.apply()
    window = KioskWindow(theme)
    qtbot.addWidget(window)
    page = SearchPage(theme)
    window.stack.addWidget(page)
    window.stack.setCurrentWidget(page)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    page.start(typing=True)
    requests: list[SearchRequest] = []
    page.request_changed.connect(requests.append)
    page.field.setText("sobriété")
    asked = requests[-1].snippets
    page.show_results(SearchResults("sobriété", tuple(hit(f"d{n}") for n in range(30)), 30))
    page.show_keyboard(False)  # « Rechercher »: the list takes the keyboard's room
    for _ in range(3):
        qapp.processEvents()
    view = page.results
    seen = sum(
        1
        for n in range(view.model().rowCount())
        if view.visualRect(view.model().index(n, 0)).intersects(view.viewport().rect())
    )
    return asked, seen


def test_a_landscape_panel_asks_for_fewer_snippets_than_a_portrait_totem(
    qtbot: Any, qapp: QApplication
) -> None:
    landscape, seen_landscape = asked_and_seen(qtbot, qapp, 1920, 1080)
    portrait, seen_portrait = asked_and_seen(qtbot, qapp, 1080, 1920)
    assert landscape == seen_landscape
    assert portrait == min(seen_portrait, MAX_SNIPPET_ROWS)
    assert 3 <= landscape < portrait
    small, seen_small = asked_and_seen(qtbot, qapp, 1366, 768)
    assert 1 <= small == seen_small <= landscape
