"""Broken storage for real: a damaged SQLite file, a read-only folder, a full disk.

Read-only and full are real file systems (a small tmpfs, remounted read-only): as root, modes
do not stop a write, and the kiosk must be tested against what the kernel answers. Without the
right to mount (CI as a normal user), read-only falls back to modes and a full disk is skipped.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

PAGE = 4096


def damage_pages(database: Path, first: int, count: int = 1) -> None:
    """Overwrite pages ``first`` (1-based) and on (a disk fault, a bad copy)."""
    with database.open("r+b") as fh:
        fh.seek((first - 1) * PAGE)
        fh.write(b"\xa5\x5a" * (count * PAGE // 2))


def root_page(database: Path, name: str) -> int:
    with contextlib.closing(sqlite3.connect(database)) as conn:
        row = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return int(row[0])


def _mount(*args: str) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of ``size`` at ``folder`` (skips the test where mounting is not allowed)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(
        "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)
    ):
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Write until the file system says no space is left."""
    with (folder / "filler").open("wb") as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` (already a :func:`small_disk`, or any folder for a normal user) read-only."""
    if os.geteuid() == 0:
        if not _mount("-o", "remount,ro", str(folder)):
            pytest.skip("remounting read-only needs root")
        try:
            yield
        finally:
            _mount("-o", "remount,rw", str(folder))
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for path in modes:
        path.chmod(0o500 if path.is_dir() else 0o400)
    try:
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
