"""PySide6's import hook no longer reads every module's source at start-up (ui.app.pyside_hook)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import kiosk.text
import ui.app.pyside_hook as hook
import ui.theme

ROOT = Path(__file__).resolve().parents[3]


def test_a_module_uses_pyside_when_it_holds_a_pyside_name() -> None:
    assert hook.uses_pyside(ui.theme)  # from PySide6.QtCore import ...
    assert not hook.uses_pyside(kiosk.text)  # the kiosk's pure side
    assert not hook.uses_pyside(hook)  # names the package in text only


def test_after_the_hook_an_import_reads_no_source_and_qt_still_works() -> None:
    """In a fresh interpreter, as the kiosk starts: PySide6, the hook, then a module of ours;
    ``inspect.getsource`` is counted, and Qt's names still resolve (enums, a widget)."""
    probe = textwrap.dedent(
        """
        import inspect, sys
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QLabel
        from ui.app.pyside_hook import lighten_feature_hook

        calls = []
        real = inspect.getsource
        inspect.getsource = lambda obj: calls.append(obj) or real(obj)
        print("hooked", lighten_feature_hook())
        import ui.formatting, kiosk.domain  # not loaded yet: through the import hook
        app = QApplication([])
        label = QLabel("Smart Corner")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        print("sources read", len(calls))
        print("aligned", label.alignment() == Qt.AlignmentFlag.AlignCenter)
        """
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    ).stdout.split("\n")
    assert "hooked True" in out
    assert "sources read 0" in out
    assert "aligned True" in out
