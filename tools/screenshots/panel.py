"""The panel every screenshot is taken on: its size in logical pixels and its density.

Set once by tools.screenshots.main from ``--size``/``--width-mm``; each shooter sizes its
windows with :func:`fit` and names its files with :func:`png`, so that one run shows every
screen as a 1366x768 panel or a portrait totem shows it, not only at 1920x1080.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

DEFAULT = (1920, 1080)
size: tuple[int, int] = DEFAULT
px_per_mm: float | None = None  # None: the 24-inch 1920x1080 density of the design


def configure(new_size: tuple[int, int], width_mm: float | None) -> None:
    global size, px_per_mm
    size = new_size
    px_per_mm = new_size[0] / width_mm if width_mm else None


def fit(shell: Any) -> None:
    """Give a shell's window the panel's size and its theme the panel's density."""
    from ui.theme import ScreenMetrics

    density = px_per_mm or ScreenMetrics.design().px_per_mm
    shell.theme.set_screen(ScreenMetrics(size[0], size[1], density))
    shell.window.resize(*size)


def png(outdir: Path, name: str) -> Path:
    """``outdir/name.png``, with the panel's size in the name unless it is the default."""
    suffix = "" if size == DEFAULT else f"-{size[0]}x{size[1]}"
    return outdir / f"{name}{suffix}.png"


def fit_widget(widget: Any, theme: Any, *, bottom_bar: int = 0) -> None:
    """A screen shot alone: the panel's size, less the bottom bar's height where it has one."""
    from ui.theme import ScreenMetrics

    density = px_per_mm or ScreenMetrics.design().px_per_mm
    theme.set_screen(ScreenMetrics(size[0], size[1], density))
    widget.resize(size[0], size[1] - bottom_bar)
