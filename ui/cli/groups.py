"""What the command groups share: ``smartcorner import ...`` and ``export ...`` gather the
actions of several modules, which open the database and apply an import the same way."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the database layer loads when a command runs, not with the parser
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from kiosk.settings import Settings


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


class ImportReport(Protocol):
    """What an importer's report must give for :func:`apply_all_or_none`."""

    @property
    def ok(self) -> bool: ...

    @property
    def errors(self) -> Sequence[object]: ...


def writer_sessions(settings: Settings) -> tuple[Engine, sessionmaker[Session]]:
    """The engine and sessions an operator command writes with (schema brought up to date;
    SQLite transactions take the write lock at once). Dispose of the engine when done."""
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema

    engine = create_db_engine(settings.database_url)
    ensure_schema(engine)
    return engine, make_session_factory(engine.execution_options(sqlite_begin="IMMEDIATE"))


def apply_all_or_none[R: ImportReport](
    settings: Settings,
    path: Path,
    apply: Callable[[Session], R],
    *,
    dry_run: bool,
    notes: Callable[[R], Iterable[object]] = lambda report: (),
    progress: bool = False,
) -> int:
    """``smartcorner import ...`` for a file read already: ``apply`` in one transaction,
    committed only when the report has no error (each one printed with the file's name) and
    this is not a dry run; ``notes`` are printed whatever happens. Returns the exit code."""
    from ui.cli.progress import file_progress

    engine, sessions = writer_sessions(settings)
    try:
        with file_progress([path] if progress else []) as step, sessions() as session:
            if progress:
                step(path)
            report = apply(session)
            if not report.ok:
                session.rollback()
                for error in report.errors:
                    print(f"{path}: {error}", file=sys.stderr)
                print(f"{path}: {len(report.errors)} error(s), nothing imported", file=sys.stderr)
                return 1
            for note in notes(report):
                print(f"{path}: {note}", file=sys.stderr)
            if dry_run:
                session.rollback()
                print(f"{path}: would import: {report}")
                return 0
            session.commit()
        print(f"{path}: {report}")
        return 0
    finally:
        engine.dispose()
