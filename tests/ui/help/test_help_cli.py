"""``smartcorner help-board`` is a registered command with its options."""

from __future__ import annotations

from ui.cli.help import run_board
from ui.cli.main import _parser


def test_the_calling_display_command_is_registered() -> None:
    args = _parser().parse_args(["help-board", "--windowed", "--screen", "1"])
    assert args.handler is run_board
    assert (args.windowed, args.screen) == (True, 1)
