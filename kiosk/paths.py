"""Where the kiosk keeps its files, and how it writes them: private to its account.

Tests point ``SMARTCORNER_DATA_DIR`` at a temporary folder. What the kiosk writes names people:
:func:`write_private_atomically` creates a file 0600, all or nothing, durably.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

APP_NAME = "smartcorner"
PRIVATE_FILE: Final = 0o600


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
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def restart_request_file(self) -> Path:
        """Touched to ask the running kiosk to restart when idle (nightly timer, restore)."""
        return self.data_dir / "restart-requested"

    def pin_lockout_file(self, secret: str) -> Path:
        """The failed-PIN counter of one secret (``admin``, ``staff``): this kiosk's, not shared."""
        return self.data_dir / "lockout" / f"{secret}-pin.json"

    def default_db_url(self) -> str:
        return f"sqlite:///{self.database_file}"

    def ensure(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)


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
