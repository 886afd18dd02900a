"""The code stays as the project keeps it: ruff (lint and format) and strict mypy on kiosk/,
hardware/ and ui/ (the settings in pyproject.toml). Run by the suite so CI enforces them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*command: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("check", [("check", "."), ("format", "--check", ".")])
def test_ruff(check: tuple[str, ...]) -> None:
    done = run(str(BIN / "ruff"), *check)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_strict_mypy_on_every_layer(tmp_path: Path) -> None:
    done = run(str(BIN / "mypy"), "--cache-dir", str(tmp_path / "cache"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Success"), done.stdout
