"""Where an attendance export goes: the USB stick someone just plugged in.

Desktop automounters (udisks2) mount removable media under ``/media/<user>/<label>`` or
``/run/media/<user>/<label>``. The newest such mount point wins (the stick plugged in last);
the ``export_dir`` setting replaces the search (tests, a kiosk with a fixed export share).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

MEDIA_ROOTS = (Path("/media"), Path("/run/media"))


def removable_mounts(roots: Iterable[Path] = MEDIA_ROOTS) -> list[Path]:
    """Writable mount points under ``roots`` (one or two levels down), newest first."""
    found: list[Path] = []
    for root in roots:
        try:
            level1 = [p for p in root.iterdir() if p.is_dir()]
        except OSError:
            continue
        for candidate in level1:
            if os.path.ismount(candidate):
                found.append(candidate)
                continue
            try:
                found.extend(p for p in candidate.iterdir() if p.is_dir() and os.path.ismount(p))
            except OSError:
                continue
    usable = [p for p in found if os.access(p, os.W_OK)]
    return sorted(usable, key=_mounted_at, reverse=True)


def _mounted_at(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def export_folder(configured: Path | None, roots: Iterable[Path] = MEDIA_ROOTS) -> Path | None:
    """The folder to export to now, or None when no stick is plugged in."""
    if configured is not None:
        return configured if configured.is_dir() else None
    mounts = removable_mounts(roots)
    return mounts[0] if mounts else None
