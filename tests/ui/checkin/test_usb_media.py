"""Where the attendance export goes: the configured folder, else the stick plugged in last."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ui.checkin import usb_media
from ui.checkin.usb_media import export_folder, removable_mounts


@pytest.fixture
def media(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, set[Path]]:
    """A /media-like root; the paths in the returned set are what ismount() says are mounts."""
    root = tmp_path / "media"
    root.mkdir()
    mounted: set[Path] = set()
    monkeypatch.setattr(usb_media.os.path, "ismount", lambda p: Path(p) in mounted)
    return root, mounted


def plug(root: Path, mounted: set[Path], *parts: str, mtime: int) -> Path:
    path = root.joinpath(*parts)
    path.mkdir(parents=True)
    os.utime(path, (mtime, mtime))
    mounted.add(path)
    return path


def test_the_stick_plugged_in_last_comes_first_at_either_depth(
    media: tuple[Path, set[Path]],
) -> None:
    root, mounted = media
    old = plug(root, mounted, "agent", "CLE_2019", mtime=1_000)
    new = plug(root, mounted, "KINGSTON", mtime=2_000)  # /media/LABEL (no user level)
    (root / "agent" / "not-a-mount").mkdir()
    assert removable_mounts([root]) == [new, old]
    assert export_folder(None, [root]) == new


def test_no_stick_no_folder(media: tuple[Path, set[Path]], tmp_path: Path) -> None:
    root, _ = media
    (root / "agent").mkdir()
    assert export_folder(None, [root, tmp_path / "missing"]) is None


def test_the_configured_folder_replaces_the_search(
    media: tuple[Path, set[Path]], tmp_path: Path
) -> None:
    root, mounted = media
    plug(root, mounted, "KINGSTON", mtime=2_000)
    share = tmp_path / "share"
    share.mkdir()
    assert export_folder(share, [root]) == share
    assert export_folder(tmp_path / "unplugged", [root]) is None  # no fallback to the stick
