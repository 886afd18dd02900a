"""A loopback ESC/POS network printer: each connection's bytes are one job.

It answers the real-time status queries ``DLE EOT n`` (10 04 n) like an Epson TM printer:
n=1 printer status (online 0x16, offline 0x1E), n=4 roll paper sensor (0x12 plenty,
0x1E near end, 0x72 out). In the ``silent`` state it answers nothing, like a printer
that swallows the query (python-escpos then reads nothing and claims the paper is fine).
"""

from __future__ import annotations

import enum
import socketserver
import threading
from collections.abc import Callable
from types import TracebackType

DLE_EOT = b"\x10\x04"


class PrinterState(enum.StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    SILENT = "silent"


# state -> (answer to DLE EOT 1, answer to DLE EOT 4)
_ANSWERS: dict[PrinterState, tuple[bytes, bytes]] = {
    PrinterState.OK: (b"\x16", b"\x12"),
    PrinterState.NEAR_END: (b"\x16", b"\x1e"),
    PrinterState.PAPER_OUT: (b"\x1e", b"\x72"),  # an Epson goes offline when the paper runs out
    PrinterState.OFFLINE: (b"\x1e", b"\x12"),
    PrinterState.SILENT: (b"", b""),
}


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        data = bytearray()
        pending = b""
        while True:
            chunk = self.request.recv(65536)
            if not chunk:
                break
            data += chunk
            self.server.owner._received(chunk)
            # Answer every complete DLE EOT n seen in this chunk (the query may be split).
            scan = pending + chunk
            i = scan.find(DLE_EOT)
            while i != -1 and i + 2 < len(scan):
                online, paper = _ANSWERS[self.server.owner.state]
                answer = {1: online, 4: paper}.get(scan[i + 2], b"")
                if answer:
                    self.server.owner.slow_down()
                    self.request.sendall(answer)
                i = scan.find(DLE_EOT, i + 3)
            pending = scan[-2:]
        self.server.owner._job_done(bytes(data))


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, owner: VirtualPrinter) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)


class VirtualPrinter:
    """``with VirtualPrinter() as p:`` then print to ``p.url``; jobs land in ``p.jobs``."""

    def __init__(self, state: PrinterState = PrinterState.OK, answer_delay: float = 0.0) -> None:
        self.state = state
        self.answer_delay = answer_delay  # seconds before each status answer: a slow printer
        self.jobs: list[bytes] = []
        self.stream = bytearray()  # every byte received, as it comes (a serial line has no jobs)
        self._pause = threading.Event()  # never set: waits on it are interruptible sleeps
        self._cond = threading.Condition()
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="virtual-printer",
            daemon=True,
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def __enter__(self) -> VirtualPrinter:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=2)

    def slow_down(self) -> None:
        if self.answer_delay > 0:
            self._pause.wait(self.answer_delay)

    def _received(self, chunk: bytes) -> None:
        with self._cond:
            self.stream += chunk
            self._cond.notify_all()

    def wait_for_stream(self, done: Callable[[bytes], bool], timeout: float = 5.0) -> bytes:
        """The bytes received so far once ``done(them)``, within ``timeout`` seconds."""
        with self._cond:
            if not self._cond.wait_for(lambda: done(bytes(self.stream)), timeout):
                raise AssertionError(f"not received within {timeout} s: {bytes(self.stream)!r}")
            return bytes(self.stream)

    def _job_done(self, data: bytes) -> None:
        with self._cond:
            self.jobs.append(data)
            self._cond.notify_all()

    def wait_for_jobs(self, count: int, timeout: float = 2.0) -> list[bytes]:
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.jobs) >= count, timeout):
                raise AssertionError(f"expected {count} print job(s), got {len(self.jobs)}")
            return list(self.jobs)

    def wait_for_printed(self, count: int, timeout: float = 5.0) -> list[bytes]:
        """:meth:`printed` once it holds ``count`` receipts: the spooler marks a job printed
        once its bytes are sent, and this server records the job when it sees the connection
        close, a moment later (on a loaded machine, after the test had already looked)."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._printed()) >= count, timeout):
                raise AssertionError(f"expected {count} receipt(s), got {len(self._printed())}")
            return self._printed()

    def printed(self) -> list[bytes]:
        with self._cond:
            return self._printed()

    def _printed(self) -> list[bytes]:
        """The connections that carried more than status queries: the printed receipts."""
        return [
            job
            for job in self.jobs
            if job.replace(DLE_EOT + b"\x01", b"").replace(DLE_EOT + b"\x04", b"")
        ]
