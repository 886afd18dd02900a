"""The search page asks the index for body snippets for the rows it shows once the keyboard is
down, no more (a landscape panel shows fewer rows than a portrait totem), and none while the
keyboard is up (its rows are compact, without snippets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.documents.catalogue import MAX_SNIPPET_ROWS, SearchResults
from tests.ui.documents.test_document_list import hit
from ui.documents.desk import SearchRequest
from ui.documents.document_list import ROW_GAP
from ui.documents.search import SearchPage
from ui.theme import ThemeController
from ui.widgets.window import KioskWindow


def search_page(
    qtbot: Any, qapp: QApplication, width: int, height: int
) -> tuple[KioskWindow, SearchPage]:
    """The search page in the kiosk's window at ``width`` x ``height``, keyboard up, empty."""
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
    return window, page


def asked_and_seen(qtbot: Any, qapp: QApplication, width: int, height: int) -> tuple[int, int]:
    """Snippets the page asks for as the keyboard steps aside, and rows seen then."""
    _window, page = search_page(qtbot, qapp, width, height)
    requests: list[SearchRequest] = []
    page.request_changed.connect(requests.append)
    page.field.setText("sobriété")
    assert requests[-1].snippets == 0  # typing: compact rows, no snippet shown
    answer = SearchResults("sobriété", tuple(hit(f"d{n}") for n in range(30)), 30)
    page.show_results(answer)
    assert page.results.delegate.compact
    page.show_keyboard(False)  # « Rechercher »: the list takes the keyboard's room...
    asked = requests[-1].snippets  # ...and asks again, for the rows it now shows whole
    assert requests[-1].text == "sobriété"
    assert not page.results.delegate.compact
    page.show_results(answer)
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


def typing_page(
    qtbot: Any, qapp: QApplication, width: int, height: int
) -> tuple[KioskWindow, SearchPage]:
    window, page = search_page(qtbot, qapp, width, height)
    page.field.setText("sobriété")
    page.show_results(SearchResults("sobriété", tuple(hit(f"d{n}") for n in range(30)), 30))
    for _ in range(3):
        qapp.processEvents()
    return window, page


def whole_rows(page: SearchPage) -> int:
    view = page.results
    height = view.viewport().height()
    rects = [view.visualRect(view.model().index(n, 0)) for n in range(view.model().rowCount())]
    return sum(r.top() >= 0 and r.bottom() < height for r in rects)


def test_while_typing_the_rows_are_compact_and_the_filters_step_aside(
    qtbot: Any, qapp: QApplication
) -> None:
    """Above the keyboard of a 1366x768 panel, full cards showed less than one whole row: the
    compact rows, with the filters out of the way, show whole ones (two in the kiosk's own
    window: tools/screenshots/layout.py --view documents_search). A theme left on keeps the
    filters in sight (the visitor must see that the search is narrowed)."""
    _window, page = typing_page(qtbot, qapp, 1366, 768)
    assert not page.filters_bar.isVisible()
    delegate = page.results.delegate
    assert delegate.compact
    assert delegate.compact_height < delegate.full_height
    full_rows = page.results.viewport().height() // (delegate.full_height + ROW_GAP)
    assert whole_rows(page) > full_rows
    page.set_theme("Cybersécurité")
    assert page.filters_bar.isVisible()
    assert page.keyboard.isVisible()
    page.set_theme(None)
    assert not page.filters_bar.isVisible()
    page.show_keyboard(False)
    for _ in range(3):
        qapp.processEvents()
    assert page.filters_bar.isVisible()
    assert not page.results.delegate.compact


def test_the_snippets_coming_back_leave_the_list_where_the_finger_scrolled_it(
    qtbot: Any, qapp: QApplication
) -> None:
    """A flick of the list puts the keyboard away and asks again for the same documents, now
    with their snippets: the answer does not throw the list back to its top; another
    answer does."""
    _window, page = typing_page(qtbot, qapp, 1920, 1080)
    page.show_keyboard(False)
    for _ in range(3):
        qapp.processEvents()
    bar = page.results.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    assert where > 0
    again = tuple(hit(f"d{n}", word="sobriete") for n in range(30))  # same documents
    page.show_results(SearchResults("sobriété", again, 30))
    assert bar.value() == where
    other = tuple(hit(f"e{n}") for n in range(30))
    page.show_results(SearchResults("sobriété", other, 30))
    assert bar.value() == 0
