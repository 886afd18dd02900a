"""A short cross-fade between screens that never blocks input.

The leaving screen is snapshotted into a label laid over the stack, transparent to the mouse,
and faded out while the new screen is already current and takes every tap.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QStackedWidget

FADE_MS = 200


class CrossFade:
    def __init__(self, stack: QStackedWidget, duration_ms: int = FADE_MS) -> None:
        self._stack = stack
        self.duration_ms = duration_ms
        self._snapshot = QLabel(stack)
        self._snapshot.setObjectName("crossFade")
        self._snapshot.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._snapshot.hide()
        self._effect = QGraphicsOpacityEffect(self._snapshot)
        self._snapshot.setGraphicsEffect(self._effect)
        self._animation = QPropertyAnimation(self._effect, b"opacity", self._snapshot)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.finished.connect(self._done)
        self._armed = False

    @property
    def running(self) -> bool:
        return self._snapshot.isVisible()

    def leaving(self) -> None:
        """Call just before the stack switches: the current screen becomes the fading image."""
        current = self._stack.currentWidget()
        if self.duration_ms <= 0 or current is None or not self._stack.isVisible():
            return
        self._animation.stop()
        self._snapshot.setPixmap(current.grab())
        self._snapshot.setGeometry(self._stack.rect())
        self._armed = True

    def entered(self) -> None:
        """Call once the new screen is current."""
        if not self._armed:
            return
        self._armed = False
        self._snapshot.show()
        self._snapshot.raise_()
        self._animation.setDuration(self.duration_ms)
        self._animation.start()

    def _done(self) -> None:
        self._snapshot.hide()
        self._snapshot.setPixmap(QPixmap())  # do not keep a full-screen image alive
