"""The one text-to-speech engine of the kiosk, with a queue and a watch on its health.

The engine lives on the GUI thread (a thread of its own deadlocked: see ``Speaker.start``);
speech-dispatcher, whose start by libspeechd took 12 s on the test machine, is spawned first as
a process. The engine's ``say`` returns at once. What the engines do not do is give up:
with no audio device the speechd engine stays "speaking" for ever. Each utterance therefore
has a deadline, from its length and the rate; past it the engine is stopped, the queue
dropped and the health set to ``STUCK`` so that the hardware screen says so. The next
utterance tries again, and one finished in time clears it.
"""

from __future__ import annotations

import enum
import logging
import shutil
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from kiosk.settings import Language, Voice
from ui.speech.phrase import Phrase

if TYPE_CHECKING:  # loaded on first use (QtTextToSpeech): not before the first paint
    from PySide6.QtCore import QProcess

    from ui.speech.engine import EngineHost

log = logging.getLogger(__name__)

DEADLINE_FLOOR_MS: Final = 4000  # the engine may take a moment to start (speechd autospawn)
MS_PER_CHARACTER: Final = 110  # ~9 characters a second at rate 0: generous for French
_LOCALES: Final = {
    Language.FR: QLocale(QLocale.Language.French, QLocale.Country.France),
    Language.EN: QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


class SpeechHealth(enum.StrEnum):
    OFF = "off"  # no engine configured (speech_engine = "none")
    NOT_STARTED = "not_started"  # created on first use
    READY = "ready"
    SPEAKING = "speaking"
    STUCK = "stuck"  # an utterance outlived its deadline: no audio device, most likely
    FAILED = "failed"  # the engine reported an error, or could not be created


@dataclass(frozen=True)
class NamedEngine:
    """The Qt engine called ``name``, made on first use (the speaker asks for speechd's daemon
    first when the name is "speechd")."""

    name: str


def engine_factory(name: str) -> NamedEngine | None:
    """The Qt engine called ``name`` ("speechd", "mock"...); None for "none"."""
    if name == "none":
        return None
    return NamedEngine(name)


class Speaker(QObject):
    """The GUI thread's side: queue, deadline, health, privacy, staff settings."""

    health_changed = Signal(object)  # SpeechHealth
    speaking = Signal(str)  # the text handed to the engine (logs, tests)
    _say = Signal(str)
    _stop = Signal()
    _configure = Signal(float, float, object)

    def __init__(
        self,
        factory: NamedEngine | None,
        *,
        deadline_floor_ms: int = DEADLINE_FLOOR_MS,
        ms_per_character: int = MS_PER_CHARACTER,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._spawn: QProcess | None = None
        self._host: EngineHost | None = None
        self._engine_ready = False
        self._queue: deque[str] = deque()
        self._last: list[Phrase] = []
        self._health = SpeechHealth.OFF if factory is None else SpeechHealth.NOT_STARTED
        self._detail = ""
        self._floor_ms = deadline_floor_ms
        self._ms_per_char = ms_per_character
        self._language = Language.FR
        self._volume = 0.8
        self._rate = 0.0
        self._muted = False
        self.headset = False  # personal data is said only when True (see Phrase)
        self._closed = False  # shut down: never started again (a late warm-up timer)
        self._deadline = QTimer(self, singleShot=True)
        self._deadline.timeout.connect(self._on_deadline)

    def start(self) -> None:
        """Create the engine on the GUI thread, once speech-dispatcher runs.

        Not on a thread of its own: constructing QTextToSpeech from a Python thread holds the
        GIL while Qt takes a connection mutex, and a GUI thread holding that mutex while it
        calls into Python deadlocked the kiosk (seen in the test suite, both threads waiting
        for good). What took seconds was libspeechd spawning the daemon on first contact:
        ``speech-dispatcher --spawn`` runs first as a QProcess, off the GUI thread, and the
        engine is made when it has answered (at once when the daemon already runs)."""
        if self._factory is None or self._host is not None or self._closed:
            return
        from ui.speech.engine import EngineHost  # QtTextToSpeech: on first use only

        host = self._host = EngineHost(self._factory.name)
        host.setParent(self)
        host.ready.connect(self._on_ready)
        host.speaking.connect(self._on_speaking)
        host.finished.connect(self._on_finished)
        host.failed.connect(self._on_error)
        self._say.connect(host.say)
        self._stop.connect(host.stop)
        self._configure.connect(host.configure)
        if self._factory.name != "speechd" or shutil.which("speech-dispatcher") is None:
            host.create()
            return
        # here, not with the module: the speaker is made before the first paint, and PySide6
        # makes the QProcess class (8 enums) on its first use
        from PySide6.QtCore import QProcess

        spawn = self._spawn = QProcess(self)
        spawn.setProgram("speech-dispatcher")
        spawn.setArguments(["--spawn"])
        spawn.finished.connect(lambda *_: host.create())
        spawn.errorOccurred.connect(lambda *_: host.create())
        spawn.start()

    def shutdown(self) -> None:
        """Stop speaking and let the engine go."""
        self._closed = True
        self.stop()
        if self._spawn is not None and self._spawn.state() != self._spawn.ProcessState.NotRunning:
            self._spawn.kill()
            self._spawn.waitForFinished(1000)
        self._host = None

    # -- what staff adjust ----------------------------------------------------------------

    @property
    def health(self) -> SpeechHealth:
        return self._health

    @property
    def detail(self) -> str:
        """The engine's own words on its last error (English, for staff and logs)."""
        return self._detail

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def voice(self) -> Voice:
        return Voice(self._volume, self._rate, self._muted)

    def apply_voice(self, voice: Voice) -> None:
        """Volume, rate and mute at once (at start, from the file staff's last change wrote)."""
        self._volume = min(1.0, max(0.0, voice.volume))
        self._rate = min(1.0, max(-1.0, voice.rate))
        self.set_muted(voice.muted)
        self._send_configuration()

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, volume))
        self._send_configuration()

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted:
            self.stop()

    def set_language(self, language: Language) -> None:
        self._language = language
        self._send_configuration()

    def _send_configuration(self) -> None:
        if self._engine_ready:
            self._configure.emit(self._volume, self._rate, _LOCALES[self._language])

    # -- speaking -------------------------------------------------------------------------

    @property
    def last(self) -> list[Phrase]:
        return list(self._last)

    def say(self, said: Sequence[Phrase], *, interrupt: bool = True) -> None:
        """Speak ``said``; ``interrupt`` drops what is being said (a new screen, a new focus)."""
        texts = [p.for_output(self.headset) for p in said if p.text.strip()]
        if not texts:
            return
        self._last = list(said) if interrupt else [*self._last, *said]
        if interrupt:
            self.stop()
        if self._muted or self._factory is None:
            return
        self.start()
        self._queue.extend(texts)
        if not self._deadline.isActive():
            self._next()

    @property
    def idle(self) -> bool:
        """Nothing being said and nothing queued."""
        return not self._deadline.isActive() and not self._queue

    def repeat(self) -> None:
        """The person pressed the repeat key: the last thing said, from its start."""
        self.say(self._last)

    def stop(self) -> None:
        """Silence at once (idle reset, a new screen) and forget what was queued."""
        self._queue.clear()
        if self._deadline.isActive():
            self._deadline.stop()
            self._stop.emit()

    def _next(self) -> None:
        if not self._engine_ready or not self._queue:
            return  # _on_ready starts the queue
        text = self._queue.popleft()
        pace = 1.0 + self._rate * 0.5  # rate 1: about half as long again; -1: twice as long
        self._deadline.start(self._floor_ms + round(len(text) * self._ms_per_char / pace))
        self.speaking.emit(text)
        self._say.emit(text)

    def _on_ready(self, name: str) -> None:
        log.info("speech engine %s ready", name)
        self._engine_ready = True
        self._send_configuration()
        self._set_health(SpeechHealth.READY)
        self._next()

    def _on_speaking(self) -> None:
        self._set_health(SpeechHealth.SPEAKING)

    def _on_finished(self) -> None:
        if self._deadline.isActive():
            self._deadline.stop()  # finished in time: the engine works
            self._force_health(SpeechHealth.READY)
            self._next()
        else:
            self._set_health(SpeechHealth.READY)

    def _on_error(self, message: str) -> None:
        log.error("speech engine error: %s", message)
        self._detail = message
        self._deadline.stop()
        self._queue.clear()
        self._force_health(SpeechHealth.FAILED)

    def _on_deadline(self) -> None:
        log.warning("speech engine still speaking past its deadline: no audio output?")
        self._queue.clear()
        self._stop.emit()
        self._force_health(SpeechHealth.STUCK)

    def _set_health(self, health: SpeechHealth) -> None:
        if self._health in (SpeechHealth.STUCK, SpeechHealth.FAILED):
            return  # only an utterance finished in time shows the engine works again
        self._force_health(health)

    def _force_health(self, health: SpeechHealth) -> None:
        if health != self._health:
            self._health = health
            self.health_changed.emit(health)
