"""A window with a focused text field and the kiosk's wedge filter; prints each scan on stdout.

Run under Xvfb by ``tests/e2e/test_wedge_layouts_xvfb.py``: real X key events (xdotool) go
through the real filter and layout repair, with no database or kiosk start-up around them, so
every character of the code alphabets can be typed on each host layout in a few seconds.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from hardware.wedge import WedgeConfig
from ui.input.wedge_filter import WedgeFilter


def main() -> int:
    app = QApplication(sys.argv[:1])
    gap = os.environ.get("SMARTCORNER_SCANNER_MAX_GAP_MS")  # the rig's (test_wedge_xvfb.RIG)
    wedge = WedgeFilter(WedgeConfig(max_gap_ms=int(gap)) if gap else None)
    wedge.install(app)
    wedge.scanned.connect(lambda code: print(f"scanned: {code}", flush=True))
    window = QWidget()
    field = QLineEdit(window)  # a text field has focus: the input method sees every key too
    field.setObjectName("field")
    QVBoxLayout(window).addWidget(field)
    window.setGeometry(app.primaryScreen().geometry())
    window.show()
    field.setFocus()
    field.textChanged.connect(lambda text: print(f"field: {text}", flush=True))
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
