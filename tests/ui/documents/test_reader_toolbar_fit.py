"""The reader's page and zoom buttons on the panels where they are tightest: 1366x768, a
portrait totem and 4K at 200 % (emulated as tests/ui/test_screen_sizes.py does: the window at
the panel's logical size, the theme at its density). Nothing leaves the window or overlaps, no
word is cut, every button is at least 15 mm, in French and English, normal and accessible."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.settings import Language
from tests.ui.documents.conftest import wait_ready
from tests.ui.test_screen_sizes import PANELS, Panel, problems, settle_layout

TIGHT = PANELS  # every kiosk panel


@pytest.mark.parametrize("accessible", [False, True], ids=["normal", "accessible"])
@pytest.mark.parametrize("lang", [Language.FR, Language.EN], ids=["fr", "en"])
@pytest.mark.parametrize("panel", TIGHT, ids=lambda p: p.name)
def test_the_reader_toolbar_fits_the_panel(
    qtbot: Any, documents_shell: Any, panel: Panel, lang: Language, accessible: bool
) -> None:
    shell = documents_shell()
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    screen = shell.router.current
    wait_ready(qtbot, screen)
    screen.open_document(screen.browse.latest.model().hit(0), "latest")
    reader = screen.reader
    # the file comes through the shared worker (behind the start's own deferred work) and
    # QtPdf loads it: more than 5 s in two whole-suite runs on a loaded machine (a bound on
    # waiting, not a speed check)
    qtbot.waitUntil(lambda: reader.pdf.isVisible() and reader.toolbar.isVisible(), timeout=30_000)
    reader.zoom_in.click()  # every zoom button enabled: a disabled one is not checked
    shell.session.set_language(lang)
    shell.session.set_accessible(accessible)
    qtbot.waitUntil(lambda: reader.fit.isEnabled() and reader.zoom_out.isEnabled())
    settle_layout(shell.window, QApplication.instance())  # the deferred refit, then the layout
    assert problems(shell.window, reader, metrics) == []  # the title, the page, the take-away too
    for button in (reader.zoom_in, reader.zoom_out, reader.fit):
        assert button.isVisible()
    qtbot.waitUntil(
        lambda: not screen.desk.pending
    )  # the view is recorded before the database goes
