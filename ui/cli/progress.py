"""Progress of a long import: a ``rich`` bar on a terminal, one line per file otherwise (a
log, systemd's journal, a pipe), so an operator sees it is working and where it is."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

type Step = Callable[[Path], None]


@contextmanager
def file_progress(files: Sequence[Path], *, out: TextIO | None = None) -> Iterator[Step]:
    """A ``step(path)`` to call as each file starts; the bar (or the lines) go to ``out``."""
    stream = out or sys.stderr
    if not stream.isatty():

        def line(path: Path) -> None:
            position = files.index(path) + 1 if path in files else 0
            print(f"[{position}/{len(files)}] {path}: importing...", file=stream, flush=True)

        yield line
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(file=stream),
        transient=True,
    )
    task = progress.add_task("import", total=len(files))
    started = False

    def advance(path: Path) -> None:
        nonlocal started
        if started:
            progress.advance(task)
        started = True
        progress.update(task, description=str(path))

    with progress:
        yield advance
        progress.advance(task)
