"""Baseline for bench/startup.py: a bare PySide6 full-screen QLabel, ready once it has painted."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


class Label(QLabel):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print("ready", flush=True)
            QTimer.singleShot(0, QApplication.quit)


app = QApplication(sys.argv)
label = Label("Smart Corner")
label.showFullScreen()
sys.exit(app.exec())
