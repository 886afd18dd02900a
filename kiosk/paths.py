"""Where the kiosk keeps its files; tests point ``SMARTCORNER_DATA_DIR`` at a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "smartcorner"


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
