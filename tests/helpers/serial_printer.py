"""A serial receipt printer on a pseudo-terminal: ``socat`` joins a pty to the loopback printer.

The kiosk opens ``path`` as it would ``/dev/ttyUSB0``; socat carries the bytes to
:class:`~tests.helpers.virtual_printer.VirtualPrinter`, which answers ``DLE EOT`` status
queries the way an Epson does, so the real pyserial backend of python-escpos talks to it.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path
from types import TracebackType

from tests.helpers.virtual_printer import VirtualPrinter

POLL_S = 0.02


class PtyPrinter:
    def __init__(self, printer: VirtualPrinter, folder: Path) -> None:
        self.printer = printer
        self.path = folder / "ttyPRN"
        self._socat: subprocess.Popen[bytes] | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("socat") is not None

    @property
    def url(self) -> str:
        return f"serial://{self.path}?baudrate=38400"

    def plug(self) -> None:
        """Start socat; back once the pty's link exists (the cable is in)."""
        self._socat = subprocess.Popen(
            ["socat", f"pty,raw,echo=0,link={self.path}", f"tcp:127.0.0.1:{self.printer.port}"],
            stderr=subprocess.DEVNULL,
        )
        waited = threading.Event()
        for _ in range(int(5 / POLL_S)):
            if self.path.exists():
                return
            assert self._socat.poll() is None, "socat stopped"
            waited.wait(POLL_S)  # another process: nothing to wait on but its file
        raise AssertionError("socat made no pty within 5 s")

    def pull(self) -> None:
        """The cable is pulled: socat and its pty go away."""
        if self._socat is not None:
            self._socat.kill()
            self._socat.wait(timeout=5)
            self._socat = None
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> PtyPrinter:
        self.plug()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.pull()
