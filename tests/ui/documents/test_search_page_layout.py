"""The search page as a visitor sees it: a keyboard whose keys neither overlap nor hide under
the bottom bar, labels that fit in accessible mode, "Rechercher" giving the list its height, and
a theme filter that says it is on."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget

from tests.ui.documents.conftest import wait_ready
from ui.widgets.keyboard import OnScreenKeyboard


def rect_in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def key_rows(keyboard: OnScreenKeyboard) -> list[QRect]:
    """One rectangle per row of keys, top to bottom, the bottom row included."""
    keys = [k for k in (*keyboard.char_keys, keyboard.space, keyboard.action) if k.isVisible()]
    tops = sorted({rect_in_window(k).top() for k in keys})
    rows = []
    for top in tops:
        row = [rect_in_window(k) for k in keys if rect_in_window(k).top() == top]
        united = row[0]
        for rect in row[1:]:
            united = united.united(rect)
        rows.append(united)
    return rows


def open_search(qtbot: Any, documents_shell: Any, *, accessible: bool = False) -> tuple[Any, Any]:
    shell = documents_shell()
    screen = shell.router.current
    wait_ready(qtbot, screen)
    shell.session.set_accessible(accessible)
    qtbot.mouseClick(screen.browse.search, Qt.MouseButton.LeftButton)
    assert screen.search.keyboard.isVisible()
    return shell, screen


@pytest.mark.parametrize("accessible", [False, True])
def test_keyboard_rows_do_not_overlap_and_stay_above_the_bottom_bar(
    qtbot: Any, documents_shell: Any, accessible: bool
) -> None:
    shell, screen = open_search(qtbot, documents_shell, accessible=accessible)
    qtbot.waitUntil(lambda: screen.search.keyboard.height() > 0)
    rows = key_rows(screen.search.keyboard)
    assert len(rows) == 4
    for upper, lower in itertools.pairwise(rows):
        assert upper.bottom() < lower.top(), "two rows of keys overlap"
    bar = rect_in_window(shell.window.bottom_bar)
    assert rows[-1].bottom() < bar.top(), "the bottom row hides under the bottom bar"
    target = shell.theme.tokens.touch_target
    assert all(row.height() >= target for row in rows)


@pytest.mark.parametrize("accessible", [False, True])
def test_the_bottom_row_labels_fit_their_keys(
    qtbot: Any, documents_shell: Any, accessible: bool
) -> None:
    _, screen = open_search(qtbot, documents_shell, accessible=accessible)
    keyboard = screen.search.keyboard
    for key in (keyboard.space, keyboard.action, keyboard.layer_key, keyboard.accents_key):
        icon = key.iconSize().width() + 8 if not key.icon().isNull() else 0
        needed = key.fontMetrics().horizontalAdvance(key.text()) + icon
        assert needed <= key.contentsRect().width() - 16, f"« {key.text()} » is cut"


def test_rechercher_puts_the_keyboard_away_and_the_list_gets_its_height(
    qtbot: Any, documents_shell: Any
) -> None:
    _, screen = open_search(qtbot, documents_shell)
    screen.search.field.setText("courriel")
    qtbot.waitUntil(lambda: screen.search.results.model().rowCount() >= 1)
    typing_height = screen.search.results.height()
    qtbot.mouseClick(screen.search.keyboard.action, Qt.MouseButton.LeftButton)
    assert not screen.search.keyboard.isVisible()
    qtbot.waitUntil(lambda: screen.search.results.height() > typing_height + 300)
    assert screen.search.results.isVisible()


def rows(view: Any) -> list[str]:
    model = view.model()
    return [model.hit(n).document.slug for n in range(model.rowCount())]


def test_a_theme_left_on_says_so_on_the_list_and_one_tap_widens_the_search(
    qtbot: Any, documents_shell: Any
) -> None:
    shell = documents_shell()
    screen = shell.router.current
    wait_ready(qtbot, screen)
    tile = next(t for t in screen.browse.tiles if t.theme == "Cybersécurité")
    tile.click()
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage", "cybermalveillance"])
    assert not screen.search.scope.isVisible()  # browsing the theme: nothing hidden yet
    qtbot.mouseClick(screen.search.field, Qt.MouseButton.LeftButton)
    screen.search.field.setText("charte")  # only in "Intelligence artificielle"
    qtbot.waitUntil(lambda: screen.search.scope.isVisible())
    assert screen.search.scope.text() == "dans Cybersécurité · tout afficher"
    qtbot.mouseClick(screen.search.scope, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["charte-ia"])
    assert not screen.search.scope.isVisible()
    assert screen.search.theme_chip.text() == "Tous les thèmes"


def test_a_document_on_its_way_shows_a_moving_bar_not_a_grey_pane(
    qtbot: Any, documents_shell: Any
) -> None:
    shell = documents_shell()
    screen = shell.router.current
    wait_ready(qtbot, screen)
    hit = screen.browse.latest.model().hit(0)
    assert hit.document.slug == "hameconnage"
    screen.open_document(hit, "latest")
    assert screen.reader.opening.isVisible()  # the file is still being fetched off the GUI thread
    assert screen.reader.opening.bar.maximum() == 0  # indeterminate: Qt animates it
    qtbot.waitUntil(lambda: screen.reader.pdf.isVisible())
    assert not screen.reader.opening.isVisible()
    bar = screen.reader.pdf.view.verticalScrollBar()
    assert bar.width() >= 48 or not bar.isVisible()  # a finger can hold it
    qtbot.waitUntil(lambda: bar.isVisible())
    assert bar.width() >= 48
