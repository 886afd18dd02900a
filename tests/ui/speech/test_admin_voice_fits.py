"""The admin screen with its « Voix » row still fits every panel (the row of − / + buttons
that stood on it before broke half of them), with the voice's buttons always shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.settings import Language
from tests.ui.test_screen_sizes import PANELS, Panel, check_views
from ui.app.screens.speech_controls import VoiceRow


@pytest.mark.parametrize("accessible", [False, True], ids=["normal", "accessible"])
@pytest.mark.parametrize("lang", [Language.FR, Language.EN], ids=["fr", "en"])
@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.name)
def test_the_admin_screen_with_its_voice_row_fits_the_panel(
    make_shell: Callable[..., Any],
    qapp: QApplication,
    qtbot: QtBot,
    panel: Panel,
    lang: Language,
    accessible: bool,
) -> None:
    shell = make_shell(reader="none")  # the badge simulator's button too
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    shell.session.set_language(lang)
    shell.session.set_accessible(accessible)
    qapp.processEvents()
    report = check_views(shell, ["admin"], metrics, qapp, qtbot)
    row = shell.router.current.findChild(VoiceRow)
    assert row is not None
    report += [f"{b.objectName()} hidden" for b in (row.volume, row.rate, row.mute)
               if not b.isVisible()]  # fmt: skip
    assert not report, "\n".join(report)
