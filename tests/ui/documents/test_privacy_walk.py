"""The Kiosque numérique walked to the idle reset: nothing the visitor typed stays readable."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTextEdit, QWidget

from tests.ui.documents.conftest import GUIDE_PAGES
from tests.ui.documents.test_documents_screen import open_screen, rows, tap_row, type_keys


def texts(root: QWidget, *, shown_only: bool) -> str:
    """The texts of labels, buttons and fields in ``root``: those a passer-by could read, or
    every one of them (what the next visitor would read once a page or panel comes back)."""
    return " ".join(
        w.toPlainText() if isinstance(w, QTextEdit) else w.text()
        for w in root.findChildren(QWidget)
        if isinstance(w, QLabel | QAbstractButton | QLineEdit | QTextEdit)
        and (w.isVisible() or not shown_only)
    )


def test_a_search_walked_to_the_idle_reset_leaves_nothing_typed_on_screen(
    qtbot: Any, documents_shell: Any
) -> None:
    shell, screen = open_screen(qtbot, documents_shell)
    screen.open_search(typing=True)
    type_keys(screen, screen.search.keyboard, "hameconage ")  # a misspelling: "did you mean"
    qtbot.waitUntil(lambda: screen.search.empty.did_you_mean.isVisible())
    shown = texts(shell.window, shown_only=True)
    assert "hameconage" in shown
    assert "hameconnage" in shown
    screen.search.field.clear()
    type_keys(screen, screen.search.keyboard, "courriel")
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage"])
    tap_row(qtbot, screen.search.results, 0)
    qtbot.waitUntil(lambda: screen.reader.pdf.page_count == GUIDE_PAGES)
    screen.reader.find_button.click()
    type_keys(screen, screen.reader.keyboard, "signaler")
    qtbot.waitUntil(lambda: screen.reader.finder.pages.count() == 1)
    shown = texts(shell.window, shown_only=True)
    assert "signaler" in shown
    assert "hameçonnage" in shown.lower()
    typed = ("hameconage", "hameconnage", "courriel", "signaler", "hameçonnage")

    shell.idle.set_durations(50, 50)  # the countdown, then the reset, as the idle timer runs
    with qtbot.waitSignal(shell.idle.session_reset, timeout=5000):
        pass
    assert shell.router.current_key == "attract"
    shown = texts(shell.window, shown_only=True).lower()
    assert [word for word in typed if word in shown] == []
    # The next visitor opens the Kiosque and its search: blank, even in panels still hidden.
    shell.router.go("home")
    shell.router.go("documents")
    screen.open_search(typing=True)
    assert screen.search.keyboard.isVisible()
    shown = texts(shell.window, shown_only=True).lower()
    assert [word for word in typed if word in shown] == []
    kept = texts(screen.search, shown_only=False) + texts(screen.reader, shown_only=False)
    assert [word for word in typed if word in kept.lower()] == []
