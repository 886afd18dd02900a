"""Eight taps on « + » in a process of its own, for a device pixel ratio the test process
cannot have (``QT_SCALE_FACTOR=2``): prints the middle's figures as JSON on its last line.
Run by tests/ui/documents/test_pdf_zoom.py."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtWidgets import QApplication

from tests.ui.documents.test_pdf_zoom import COURSE, READER_4K, the_middle
from ui.documents.pdf_viewer import PdfViewer

DEADLINE_S = 180.0


def main() -> int:
    app = QApplication(sys.argv[:1])
    viewer = PdfViewer()
    viewer.resize(READER_4K)
    viewer.show()
    if not viewer.open(COURSE):
        return 1
    viewer.go_to(2)
    for _ in range(8):
        viewer.zoom_in()
    end = time.monotonic() + DEADLINE_S
    while not viewer.view.sharp():
        if time.monotonic() > end:
            print("never sharp", file=sys.stderr)
            return 1
        app.processEvents()
    print(json.dumps(the_middle(viewer)))
    viewer.close_document()
    return 0


if __name__ == "__main__":
    sys.exit(main())
