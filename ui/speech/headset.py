"""``speech_output = auto``: watch the audio server for a headset in the jack, without ever
blocking the GUI thread (``pactl`` runs as a QProcess every few seconds)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer, Signal

from hardware.audio_jack import PACTL_SINKS, headset_in_sinks

if TYPE_CHECKING:
    from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)

POLL_MS: Final = 3000


class HeadsetWatch(QObject):
    changed = Signal(bool)  # a headset is plugged in (True) or was pulled out (False)

    def __init__(self, command: tuple[str, ...] = PACTL_SINKS, parent: QObject | None = None):
        super().__init__(parent)
        self._command = command
        self.plugged = False
        self._process: QProcess | None = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._process is not None:
            self._process.kill()
            self._process.waitForFinished(1000)
            self._process = None

    def poll(self) -> None:
        if self._process is not None:
            return  # the last question is still out
        # here, not with the module: the watch is made before the first paint (and started
        # after it), and PySide6 makes the QProcess class (8 enums) on its first use
        from PySide6.QtCore import QProcess

        process = self._process = QProcess(self)
        process.finished.connect(self._answered)
        process.errorOccurred.connect(self._no_answer)
        process.start(self._command[0], list(self._command[1:]))

    def _answered(self, code: int, _status: QProcess.ExitStatus) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.deleteLater()
        import json  # after the first paint, with pactl's first answer

        try:
            sinks = json.loads(bytes(process.readAllStandardOutput().data()))
        except ValueError:
            sinks = None
        self._set(code == 0 and isinstance(sinks, list) and headset_in_sinks(sinks))

    def _no_answer(self, error: QProcess.ProcessError) -> None:
        if error is type(error).FailedToStart and self._process is not None:
            log.info("no pactl to ask about a headset: the loudspeaker is assumed")
            self._process.deleteLater()
            self._process = None
            self._timer.stop()
            self._set(False)

    def _set(self, plugged: bool) -> None:
        if plugged != self.plugged:
            self.plugged = plugged
            log.info("headset %s", "plugged in" if plugged else "unplugged")
            self.changed.emit(plugged)
