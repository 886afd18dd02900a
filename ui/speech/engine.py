"""The Qt text-to-speech engine itself, on the GUI thread, behind queued signals.

A module of its own so that QtTextToSpeech (its Python module and the Qt library under it)
loads when speech is first used, not before the attract screen's first paint.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)


class EngineHost(QObject):
    """Owns the engine called ``name``; talks to the speaker by queued signals only."""

    ready = Signal(str)  # the engine's name, once created
    speaking = Signal()  # the engine started an utterance
    finished = Signal()  # the engine is ready again (the utterance ended or was stopped)
    failed = Signal(str)

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._engine: QTextToSpeech | None = None

    @Slot()
    def create(self) -> None:
        try:
            engine = QTextToSpeech(self._name, self)
        except Exception as exc:  # a thread boundary: say it, never lose it
            log.exception("the speech engine could not be created")
            self.failed.emit(str(exc))
            return
        engine.stateChanged.connect(self._forward_state)
        engine.errorOccurred.connect(self._forward_error)
        self._engine = engine
        if engine.state() == QTextToSpeech.State.Error:
            self.failed.emit(engine.errorString() or "engine error")
            return
        self.ready.emit(engine.engine())

    def _forward_state(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Speaking:
            self.speaking.emit()
        elif state == QTextToSpeech.State.Ready:
            self.finished.emit()

    def _forward_error(self, _reason: QTextToSpeech.ErrorReason, message: str) -> None:
        self.failed.emit(message)

    @Slot(str)
    def say(self, text: str) -> None:
        if self._engine is not None:
            self._engine.say(text)

    @Slot()
    def stop(self) -> None:
        if self._engine is not None and self._engine.state() == QTextToSpeech.State.Speaking:
            self._engine.stop(QTextToSpeech.BoundaryHint.Immediate)

    @Slot(float, float, object)
    def configure(self, volume: float, rate: float, wanted: QLocale) -> None:
        engine = self._engine
        if engine is None:
            return
        engine.setVolume(volume)
        engine.setRate(rate)
        # The mock engine speaks no French: keep its default rather than ask the impossible.
        same_language = [
            locale for locale in engine.availableLocales() if locale.language() == wanted.language()
        ]
        if same_language:
            exact = [loc for loc in same_language if loc.territory() == wanted.territory()]
            engine.setLocale((exact or same_language)[0])
