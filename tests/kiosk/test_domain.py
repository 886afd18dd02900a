"""The council's zone, made on first use (the attract screen imports kiosk.domain without it)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import kiosk.domain
from kiosk.domain import PARIS


def test_paris_is_the_councils_zone_and_one_object() -> None:
    assert ZoneInfo("Europe/Paris") is PARIS
    assert kiosk.domain.PARIS is PARIS
    assert datetime(2026, 7, 1, 12, tzinfo=PARIS).utcoffset() == timedelta(hours=2)  # summer
    assert datetime(2026, 1, 5, 12, tzinfo=PARIS).utcoffset() == timedelta(hours=1)
    with pytest.raises(AttributeError, match="PARSI"):
        _ = kiosk.domain.PARSI  # type: ignore[attr-defined]


def test_importing_the_vocabularies_does_not_load_the_zone_files() -> None:
    code = "import sys, kiosk.domain; print('zoneinfo' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
