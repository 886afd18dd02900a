"""The projects' pictures and videos as files named by their content hash: the Smart Tour's copy.

A tour kiosk shows the gallery offline. Its sync brings each picture and video down once, into
the data folder (``Paths.project_media_dir``) rather than into its own database (which stays
small to back up): a file named by the SHA-256 of its bytes is never stale, so a later sync
downloads only the hashes it lacks. The tour kiosk's ``project_media`` rows keep the metadata
with an empty ``data``; :func:`kiosk.projects.gallery.media_data` then reads the file.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from kiosk.paths import write_private_atomically
from kiosk.projects.importer import MEDIA_TYPES

log = logging.getLogger(__name__)

# The file's suffix for a media type (a video player picks its demuxer by it).
SUFFIXES: Final = {media_type: suffix for suffix, (_, media_type) in MEDIA_TYPES.items()} | {
    "image/jpeg": ".jpg"
}


class MediaFolder:
    """One file per content hash; written whole or not at all, and only when the bytes match."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def path_of(self, content_hash: str, media_type: str) -> Path:
        if len(content_hash) != 64 or not all(c in "0123456789abcdef" for c in content_hash):
            raise ValueError(f"not a SHA-256 hex digest: {content_hash!r}")
        return self.path / f"{content_hash}{SUFFIXES.get(media_type, '')}"

    def has(self, content_hash: str, media_type: str) -> bool:
        return self.path_of(content_hash, media_type).is_file()

    def read(self, content_hash: str, media_type: str) -> bytes | None:
        try:
            return self.path_of(content_hash, media_type).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, content_hash: str, media_type: str, data: bytes) -> bool:
        """False (and nothing written) when ``data`` is not what ``content_hash`` names."""
        if hashlib.sha256(data).hexdigest() != content_hash:
            log.warning("project media %s: the bytes received do not match it", content_hash)
            return False
        self.path.mkdir(parents=True, exist_ok=True)
        write_private_atomically(self.path_of(content_hash, media_type), data)
        return True

    def size(self) -> int:
        """Bytes the folder holds."""
        if not self.path.is_dir():
            return 0
        return sum(f.stat().st_size for f in self.path.iterdir() if f.is_file())

    def prune(self, keep: Iterable[str]) -> int:
        """Delete the files of hashes not in ``keep`` (and leftovers of a write cut short)."""
        if not self.path.is_dir():
            return 0
        kept = set(keep)
        gone = 0
        for file in self.path.iterdir():
            stem = file.name.split(".", 1)[0]
            if file.is_file() and (file.name.startswith(".") or stem not in kept):
                file.unlink(missing_ok=True)
                gone += 1
        return gone


__all__ = ["SUFFIXES", "MediaFolder"]
