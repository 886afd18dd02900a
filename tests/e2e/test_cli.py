"""The installed ``smartcorner`` command, run as an operator or CI would run it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SMARTCORNER = Path(sys.executable).parent / "smartcorner"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    return {**clean, "SMARTCORNER_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}


def smartcorner(
    env: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    assert SMARTCORNER.exists(), "the package is not installed in this venv (./dev.sh setup)"
    return subprocess.run(
        [str(SMARTCORNER), *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def test_bad_setting_stops_with_a_message_naming_it(env: dict[str, str]) -> None:
    result = smartcorner({**env, "SMARTCORNER_PROFILE": "kiosque"}, "config")
    assert result.returncode == 2
    assert "SMARTCORNER_PROFILE" in result.stderr
    assert "'kiosque'" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_masks_the_database_password(env: dict[str, str]) -> None:
    url = "postgresql+psycopg://kiosk:tres-secret@db.example/smartcorner"
    result = smartcorner({**env, "SMARTCORNER_DB": url}, "config")
    assert result.returncode == 0, result.stderr
    assert "tres-secret" not in result.stdout
    assert "postgresql+psycopg://kiosk:***@db.example/smartcorner" in result.stdout


def test_db_upgrade_downgrade_and_current(env: dict[str, str], tmp_path: Path) -> None:
    from kiosk.db.migrate import HEAD_REVISION

    up = smartcorner(env, "db", "upgrade")
    assert up.returncode == 0, up.stderr
    assert HEAD_REVISION in up.stdout
    assert (tmp_path / "data" / "smartcorner.sqlite3").exists()
    down = smartcorner(env, "db", "downgrade", "base")
    assert down.returncode == 0, down.stderr
    assert "(empty)" in down.stdout
    current = smartcorner(env, "db", "current")
    assert "(empty)" in current.stdout


def test_demo_seeds_once(env: dict[str, str]) -> None:
    first = smartcorner(env, "demo")
    assert first.returncode == 0, first.stderr
    assert "seeded" in first.stdout
    again = smartcorner(env, "demo")
    assert again.returncode == 0, again.stderr
    assert "already present" in again.stdout


@pytest.mark.slow
def test_smoke_paints_the_attract_screen_and_exits(env: dict[str, str]) -> None:
    assert smartcorner(env, "demo").returncode == 0
    result = smartcorner(env, "run", "--smoke")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert re.fullmatch(r"ready in \d+ ms", lines[0])


@pytest.mark.slow
def test_smoke_on_an_empty_data_dir_creates_the_schema(env: dict[str, str], tmp_path: Path) -> None:
    result = smartcorner(env, "run", "--smoke", "--profile", "store")
    assert result.returncode == 0, result.stderr
    current = smartcorner(env, "db", "current")
    from kiosk.db.migrate import HEAD_REVISION

    assert HEAD_REVISION in current.stdout
