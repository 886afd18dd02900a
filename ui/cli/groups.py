"""What the command groups share: ``smartcorner import ...`` and ``export ...`` gather the
actions of several modules."""

from __future__ import annotations

import argparse
from typing import Any, Protocol


def command_group(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The sub-commands of ``name`` (e.g. ``import``), shared by the modules that add to it.

    ``smartcorner import orders`` and ``smartcorner import events`` come from two modules:
    the first to ask creates the group, the others add their actions to it.
    """
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, help=help)
        actions = parser.add_subparsers(dest=f"{name}_what", required=True, metavar="WHAT")
        parser.set_defaults(_group_actions=actions)
        return actions
    found: argparse._SubParsersAction[argparse.ArgumentParser] = parser.get_default(
        "_group_actions"
    )
    if found is None:
        raise ValueError(f"command {name!r} exists but is not a group (use command_group)")
    return found


class CommandGroup(Protocol):
    """A module of ui.cli that adds its subcommands to the ``smartcorner`` parser."""

    def register(self, subparsers: Any) -> None: ...
