"""Installer tests: shellcheck, systemd-analyze, and the real install in a debootstrapped root."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # Also to be listed in pyproject.toml; registering here keeps --strict-markers happy meanwhile.
    config.addinivalue_line(
        "markers", "installer: runs installer/install.sh for real in a throwaway Debian root"
    )


def unavailable(reason: str) -> NoReturn:
    """Skip on a developer machine; fail in CI (SMARTCORNER_REQUIRE_RIGS=1), where tools exist."""
    if os.environ.get("SMARTCORNER_REQUIRE_RIGS") == "1":
        pytest.fail(f"installer rig required (SMARTCORNER_REQUIRE_RIGS=1): {reason}")
    pytest.skip(reason)
