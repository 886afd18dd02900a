"""The attract screen paints before the heavy parts of the kiosk load.

Each profile's real start (``smartcorner run --smoke``, the console script's entry point) runs
in a subprocess that records ``sys.modules`` when the attract screen first paints: the ORM and
the models, the PDF reader, the ESC/POS driver and Pillow load after it, on the worker.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
# The console script's body (pyproject.toml: smartcorner = "ui.cli.main:main"), with the
# attract screen's paint recording the modules loaded so far, and the worker threads' count.
PROBE = """
import json, sys
from ui.app.screens.attract import AttractScreen

seen = {}
paint = AttractScreen.paintEvent

def record(self, event):
    seen.setdefault("modules", sorted(sys.modules))
    return paint(self, event)

AttractScreen.paintEvent = record
from ui.cli.main import main

code = main(["run", "--smoke", *sys.argv[1:]])
print("modules at paint: " + json.dumps(seen.get("modules")))
sys.exit(code)
"""
NOT_BEFORE_PAINT = ("sqlalchemy.orm", "PySide6.QtPdf", "escpos", "PIL")


def modules_at_first_paint(tmp_path: Path, *args: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    env.update(
        SMARTCORNER_DATA_DIR=str(tmp_path / "data"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ready in "), result.stdout
    modules = json.loads(lines[-1].removeprefix("modules at paint: "))
    assert modules, "the attract screen never painted"
    return list(modules)


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["room", "store", "tour"])
def test_the_attract_screen_paints_before_the_database_and_devices_load(
    tmp_path: Path, profile: str
) -> None:
    modules = modules_at_first_paint(tmp_path, "--profile", profile)
    assert "ui.app.screens.attract" in modules
    early = [m for m in modules if any(m == p or m.startswith(f"{p}.") for p in NOT_BEFORE_PAINT)]
    assert early == [], f"loaded before the first paint: {early}"
