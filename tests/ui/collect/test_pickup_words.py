"""Where each problem page leads back to, whatever stopped the agent."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.collect.identify import IdentifyProblem, IdentifyRefused
from kiosk.collect.order_code import CodeProblem, OrderCodeRejected
from kiosk.collect.pickup import HandOverRefused, LineRefusal, RefusalKind
from ui.collect.pickup_words import Page, problem_for


@pytest.mark.parametrize(
    ("exc", "has_lines", "saving", "back", "icon"),
    [
        (IdentifyRefused(IdentifyProblem.NOT_YOURS), True, False, Page.LINES, "user-x"),
        (IdentifyRefused(IdentifyProblem.NOT_YOURS), False, False, Page.WELCOME, "user-x"),
        (IdentifyRefused(IdentifyProblem.UNKNOWN_BADGE), True, False, Page.WELCOME, "alert-circle"),
        (OrderCodeRejected(CodeProblem.FORGED, "x"), True, False, Page.LINES, "qrcode"),
        (OrderCodeRejected(CodeProblem.FORGED, "x"), False, False, Page.WELCOME, "qrcode"),
        (OSError("database locked"), True, True, Page.SAVING, "alert-triangle"),  # same pickup
        (OSError("database locked"), True, False, Page.WELCOME, "alert-triangle"),
    ],
)
def test_each_problem_goes_back_where_the_agent_can_carry_on(
    qapp: Any, exc: BaseException, has_lines: bool, saving: bool, back: Page, icon: str
) -> None:
    problem = problem_for(exc, has_lines=has_lines, saving=saving, names={})
    assert (problem.back, problem.icon) == (back, icon)
    assert problem.title


def test_a_refused_hand_over_names_each_item_and_reloads_the_lines(qapp: Any) -> None:
    refused = HandOverRefused(
        [LineRefusal(7, RefusalKind.NOT_READY), LineRefusal(9, RefusalKind.NOT_READY)]
    )
    problem = problem_for(refused, has_lines=True, saving=True, names={7: "Casque audio"})
    assert problem.back is Page.CHECKING  # nothing was written: see what changed
    lines = problem.body.splitlines()
    assert lines[0].startswith("Casque audio : ")
    assert lines[1].startswith("? : ")
