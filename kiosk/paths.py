"""Where the kiosk keeps its files, and how it writes them: private to its account.

Tests point ``SMARTCORNER_DATA_DIR`` at a temporary folder. What the kiosk writes names people,
so the process runs with umask 077 (:func:`private_umask`), and the writers that may be pointed
at a shared folder (exports, backups) also set 0600 on what they create, whatever the umask.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

APP_NAME = "smartcorner"
PRIVATE_UMASK: Final = 0o077
PRIVATE_FILE: Final = 0o600
PRIVATE_DIR: Final = 0o700


def private_umask() -> int:
    """Make every file and folder the process creates private to its account; the old umask."""
    return os.umask(PRIVATE_UMASK)


def make_private(path: Path) -> None:
    """0600 for a file, 0700 for a folder (exports and backups land where the operator says).

    A USB stick's FAT has no modes to set: there the file stays as the mount makes it.
    """
    try:
        path.chmod(PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)
    except OSError as exc:
        log.debug("%s: modes not set (%s)", path, exc)


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` 0600, all or nothing, durably (fsynced file and folder)."""
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
        fsync_path(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_file: Path | None

    @property
    def database_file(self) -> Path:
        return self.data_dir / "smartcorner.sqlite3"

    @property
    def project_media_dir(self) -> Path:
        """The projects' pictures and videos the Smart Tour's sync brought down, by hash."""
        return self.data_dir / "project-media"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def backup_dir(self) -> Path:
        """Where the installer's nightly backups go: selftest names the newest to restore."""
        return self.data_dir / "backups"

    @property
    def restart_request_file(self) -> Path:
        """Touched to ask the running kiosk to restart when idle (nightly timer, restore)."""
        return self.data_dir / "restart-requested"

    def pin_lockout_file(self, secret: str) -> Path:
        """The failed-PIN counter of one secret (``admin``, ``staff``): this kiosk's, not shared."""
        return self.data_dir / "lockout" / f"{secret}-pin.json"

    @property
    def voice_file(self) -> Path:
        """The accessible mode's voice as staff set it (``kiosk.voice``): this kiosk's own."""
        return self.data_dir / "voice.json"

    def default_db_url(self) -> str:
        return f"sqlite:///{self.database_file}"

    def ensure(self) -> None:
        """The data and log folders, private to the kiosk's account (they hold personal data)."""
        for folder in (self.data_dir, self.log_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if folder.stat().st_mode & 0o077:
                folder.chmod(0o700)  # made before the kiosk made its files private


def resolve_paths(environ: Mapping[str, str] | None = None) -> Paths:
    env = os.environ if environ is None else environ
    data_dir = env.get("SMARTCORNER_DATA_DIR")
    if data_dir:
        data = Path(data_dir).expanduser()
    else:
        import platformdirs  # imported lazily: it is only needed when no override is given

        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    config = env.get("SMARTCORNER_CONFIG")
    if config:
        config_file: Path | None = Path(config).expanduser()
    else:
        system = Path("/etc/smartcorner/kiosk.toml")
        config_file = system if system.is_file() else None
    return Paths(data_dir=data, config_file=config_file)
