"""A private speech-dispatcher whose audio goes into a file, and how to read that file.

Found by experiment on Debian 12 (speech-dispatcher 0.11.4, espeak-ng 1.51, alsa-lib 1.2.8):

- ``speech-dispatcher -s -C CONF -c unix_socket -S SOCK -t 30``: ``-C`` makes it read
  ``CONF/speechd.conf`` (and ``CONF/modules/espeak-ng.conf``, ``CONF/clients/``: a copy of
  /etc/speech-dispatcher), ``-S`` its own socket, so the machine's own instance (autospawned
  for a logged-in user) is never touched. It takes 1-12 s to list espeak-ng's voices before
  the socket appears.
- speechd.conf: ``AudioOutputMethod "alsa"`` and ``AudioALSADevice "default"``; espeak-ng
  says "Initialized for server audio": the *server* plays the audio, through alsa-lib.
- ALSA's default device, redefined in ``$HOME/.asoundrc`` (HOME set for the daemon only)::

      pcm.!default { type file; slave.pcm "null"; file "OUT"; format "raw" }

  The ``file`` plugin copies what is played into OUT, the ``null`` device swallows it: no
  sound card needed. espeak-ng plays signed 16-bit little-endian mono at 22,050 Hz, read
  back with ``sox -t raw -r 22050 -e signed -b 16 -c 1 OUT -n stat``.
- The kiosk's Qt speechd engine (libspeechd) connects to ``$SPEECHD_ADDRESS``
  (``unix_socket:SOCK``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.hardware.events import wait_until

ETC = Path("/etc/speech-dispatcher")
RATE, BITS, CHANNELS = 22050, 16, 1
START_S = 40.0


def available() -> bool:
    return all(shutil.which(exe) for exe in ("speech-dispatcher", "sox", "espeak-ng"))


class SpeechDispatcher:
    """Our own speech-dispatcher writing everything it says into ``self.audio``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.conf = root / "conf"
        self.home = root / "home"
        self.socket = root / "speechd.sock"
        self.audio = root / "said.raw"
        shutil.copytree(ETC, self.conf)
        (self.conf / "speechd.conf").write_text(
            f'LogLevel 3\nLogDir "{root}"\nDefaultVolume 100\n'
            'AudioOutputMethod "alsa"\nAudioALSADevice "default"\n'
            'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
            'DefaultModule espeak-ng\nDefaultLanguage "fr"\nInclude "clients/*.conf"\n'
        )
        self.home.mkdir()
        (self.home / ".asoundrc").write_text(
            f'pcm.!default {{\n  type file\n  slave.pcm "null"\n  file "{self.audio}"\n'
            '  format "raw"\n}\n'
        )
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"unix_socket:{self.socket}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["speech-dispatcher", "-s", "-t", "60", "-C", str(self.conf),
             "-c", "unix_socket", "-S", str(self.socket), "-P", str(self.root / "pid")],
            env={"HOME": str(self.home), "PATH": "/usr/bin:/bin"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        process = self.process
        wait_until(
            lambda: self.socket.exists() or process.poll() is not None, START_S, "speechd socket"
        )
        if process.poll() is not None:
            raise RuntimeError(f"speech-dispatcher stopped at start: {self.log()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        path = self.root / "speech-dispatcher.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""


def sox_stat(raw: Path, *, wav: bool = False) -> dict[str, float]:
    """``sox ... -n stat`` of a raw capture (or a WAV file) as numbers."""
    source = [str(raw)] if wav else [
        "-t", "raw", "-r", str(RATE), "-e", "signed", "-b", str(BITS), "-c", str(CHANNELS),
        str(raw),
    ]  # fmt: skip
    done = subprocess.run(
        ["sox", *source, "-n", "stat"], capture_output=True, text=True, check=True, timeout=30
    )
    stats: dict[str, float] = {}
    for line in done.stderr.splitlines():
        match = re.match(r"\s*([A-Za-z ()]+?):\s+(-?[\d.]+)", line)
        if match:
            stats[match.group(1)] = float(match.group(2))
    return stats


def espeak_reference(text: str, voice: str, out: Path) -> Path:
    """What espeak-ng alone makes of ``text`` with ``voice`` (a WAV file)."""
    with out.open("wb") as sink:
        subprocess.run(["espeak-ng", "-v", voice, "--stdout", text], stdout=sink, check=True)
    return out
