"""Every outcome has its verdict: a tone, a shape, words, and what to do next."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kiosk.domain import CheckinOutcome, Verdict
from tools.screenshots.checkin import sample_results
from tools.screenshots.main import NOW
from ui.checkin.verdict_panel import PALETTES, SHAPES, Shape, VerdictPanel
from ui.checkin.verdict_wordings import WORDINGS, wording
from ui.checkin.verdicts import Tone, confirm_walk_in, describe
from ui.theme import ThemeController

SAMPLES = sample_results(NOW)
TONE_OF = {Verdict.GREEN: Tone.GREEN, Verdict.AMBER: Tone.AMBER, Verdict.RED: Tone.RED}


def test_every_outcome_has_a_sample() -> None:
    assert {r.outcome for r in SAMPLES.values()} == set(CheckinOutcome)


def test_every_outcome_is_worded_whatever_the_result_carries() -> None:
    """The table's last wording of each outcome holds always: describe never runs out of words."""
    assert set(WORDINGS) == set(CheckinOutcome)
    bare = SAMPLES["ok"]
    for outcome, wordings in WORDINGS.items():
        last = wordings[-1]
        empty = replace(
            bare, outcome=outcome, first_name=None, event=None, registered_event=None,
            first_checkin_at=None, first_checkin_kiosk=None, walk_in_possible=False,
        )  # fmt: skip
        assert wording(empty, NOW) is last, outcome
        assert last.when(empty, NOW)
        assert describe(empty, NOW).action


def test_the_three_tones_have_three_shapes_and_three_colours() -> None:
    tones = (Tone.GREEN, Tone.AMBER, Tone.RED)
    assert [SHAPES[t] for t in tones] == [Shape.DISC, Shape.TRIANGLE, Shape.OCTAGON]
    assert len({PALETTES[t].background for t in tones}) == 3


@pytest.mark.parametrize("name", list(SAMPLES))
def test_each_verdict_is_painted_with_its_colour_shape_and_words(
    qapp: Any, qtbot: QtBot, name: str
) -> None:
    result = SAMPLES[name]
    view = describe(result, NOW)
    expected = Tone.AMBER if name == "walk-in-offer" else TONE_OF[result.outcome.verdict]
    assert view.tone is expected
    assert view.title
    assert view.action  # always a next step
    assert view.offer_walk_in is (name in {"walk-in-offer", "waiting-list-place-free"})
    if result.first_name and view.tone is not Tone.RED:
        assert result.first_name in view.title

    theme = ThemeController(qapp)
    theme.apply()
    panel = VerdictPanel(theme)
    qtbot.addWidget(panel)
    panel.resize(1920, 1080)
    panel.show_view(view)
    image = panel.grab().toImage()
    assert image.pixelColor(QPoint(10, 10)) == QColor(PALETTES[expected].background)
    # the shape is drawn in the foreground colour at the centre of its box
    centre = image.pixelColor(QPoint(960, panel_shape_top(image) + 40))
    assert centre == QColor(PALETTES[expected].foreground)
    assert panel.shape == SHAPES[expected]


def panel_shape_top(image: Any) -> int:
    """The first row, down the middle column, that is not the background."""
    background = image.pixelColor(QPoint(10, 10))
    for y in range(image.height()):
        if image.pixelColor(QPoint(960, y)) != background:
            return y
    raise AssertionError("nothing painted down the middle")


@pytest.mark.parametrize("accessible", [False, True])
@pytest.mark.parametrize("confirming", [False, True])
def test_the_walk_in_question_never_runs_under_its_buttons(
    qapp: Any, qtbot: QtBot, accessible: bool, confirming: bool
) -> None:
    result = SAMPLES["walk-in-offer"]
    view = confirm_walk_in(result, NOW) if confirming else describe(result, NOW)
    theme = ThemeController(qapp)
    theme.apply(accessible=accessible)
    panel = VerdictPanel(theme)
    qtbot.addWidget(panel)
    panel.resize(1920, 1080)
    panel.show_view(view, timeout_ms=20_000, accept_text="M’inscrire", decline_text="Non merci")
    panel.show()
    qtbot.waitExposed(panel)
    layout = panel.layout_for(view)
    buttons_top = panel.accept_button.mapTo(panel, QPoint(0, 0)).y()
    assert layout.top >= 0
    assert layout.bottom < buttons_top  # every line of text above the buttons
    theme.apply(accessible=False)


def test_a_rehearsed_verdict_is_drawn_off_screen_and_leaves_nothing(
    qapp: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start draws a verdict once off screen (fonts, glyphs and shapes made before the first
    visitor's): nothing shows, no `painted` is told, no view stays for the first scan."""
    theme = ThemeController(qapp)
    theme.apply()
    panel = VerdictPanel(theme)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    drawn: list[str] = []
    paint_content = panel._paint_content

    def spy(painter: Any, view: Any, *args: Any) -> None:
        drawn.append(view.title)
        paint_content(painter, view, *args)

    monkeypatch.setattr(panel, "_paint_content", spy)
    painted: list[bool] = []
    panel.painted.connect(lambda: painted.append(True))
    view = describe(SAMPLES["ok"], NOW)
    panel.rehearse_paint(view)
    assert drawn == [view.title]  # the whole verdict was drawn...
    assert painted == []  # ...off screen: nothing waits on it
    assert panel.view is None
    assert panel.isHidden()
    panel.show_view(view)  # the real one afterwards paints as ever
    panel.show()
    qtbot.waitUntil(lambda: bool(painted))
    assert panel.view == view
