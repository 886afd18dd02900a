"""``smartcorner help-board`` is a registered command with its options."""

from __future__ import annotations

from ui.cli import _parser
from ui.cli_help import run_board


def test_the_calling_display_command_is_registered() -> None:
    args = _parser().parse_args(["help-board", "--windowed", "--screen", "1"])
    assert args.handler is run_board
    assert (args.windowed, args.screen) == (True, 1)
