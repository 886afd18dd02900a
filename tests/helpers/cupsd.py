"""A private CUPS server for the tests, with a raw queue whose device captures the exact bytes.

``cupsd -f`` runs with its own configuration, spool and logs under a temporary folder and
listens on a free loopback port. Its ServerBin is private too: the system's ``daemon/`` (for
``cups-exec``), and a ``backend/`` holding only ``capture``, a tiny backend of ours that writes
each job to ``jobs/``. A ``file:`` raw queue would write nothing (CUPS refuses file devices by
default), and backends run as ``lp`` unless only root may run them, hence mode 0700.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import cups

CUPSD = Path("/usr/sbin/cupsd")
SYSTEM_SERVERBIN = Path("/usr/lib/cups")
POLL_S = 0.05

BACKEND = """#!/bin/sh
# The 'capture' backend: with no argument, list the device; else one job from stdin or a file.
if [ $# -eq 0 ]; then echo 'direct capture "Unknown" "Test capture"'; exit 0; fi
src=${6:-/dev/stdin}
cat "$src" > "{jobs}/.job-$1" && mv "{jobs}/.job-$1" "{jobs}/job-$1.bin"
"""


def available() -> bool:
    return CUPSD.exists() and (SYSTEM_SERVERBIN / "daemon" / "cups-exec").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateCups:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.jobs = root / "jobs"
        self.port = _free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def server(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, queue: str) -> str:
        return f"cups://{queue}?server={self.server}"

    def start(self) -> None:
        root = self.root
        for name in ("etc", "spool", "tmp", "cache", "state", "log", "jobs", "bin/backend"):
            (root / name).mkdir(parents=True, exist_ok=True)
        (root / "jobs").chmod(0o777)
        for name in ("daemon", "filter", "notifier", "monitor", "cgi-bin"):
            if (SYSTEM_SERVERBIN / name).exists():
                (root / "bin" / name).symlink_to(SYSTEM_SERVERBIN / name)
        backend = root / "bin" / "backend" / "capture"
        backend.write_text(BACKEND.replace("{jobs}", str(self.jobs)))
        backend.chmod(0o700)  # run as root: only root can run it
        (root / "etc" / "cupsd.conf").write_text(
            f"Listen 127.0.0.1:{self.port}\n"
            "LogLevel info\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        (root / "etc" / "cups-files.conf").write_text(
            f"ServerRoot {root / 'etc'}\nRequestRoot {root / 'spool'}\nTempDir {root / 'tmp'}\n"
            f"CacheDir {root / 'cache'}\nStateDir {root / 'state'}\n"
            f"ServerBin {root / 'bin'}\nErrorLog {root / 'log' / 'error_log'}\n"
            f"AccessLog {root / 'log' / 'access_log'}\nPageLog {root / 'log' / 'page_log'}\n"
            f"Printcap {root / 'etc' / 'printcap'}\n"  # not the system's /run/cups/printcap
        )
        self._process = subprocess.Popen(
            [str(CUPSD), "-f", "-c", str(root / "etc" / "cupsd.conf"),
             "-s", str(root / "etc" / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._wait(self._answers, "cupsd answering")

    def _answers(self) -> bool:
        assert self._process is not None
        assert self._process.poll() is None, self.log()
        try:
            self.connection().getPrinters()
        except (RuntimeError, cups.IPPError):
            return False
        return True

    def connection(self) -> cups.Connection:
        return cups.Connection(host="127.0.0.1", port=self.port)

    def add_raw_queue(self, name: str) -> None:
        connection = self.connection()
        connection.addPrinter(name, device="capture:/")
        connection.enablePrinter(name)
        connection.acceptJobs(name)

    def wait_for_jobs(self, count: int, timeout: float = 20.0) -> list[bytes]:
        def done() -> list[Path] | None:
            files = sorted(self.jobs.glob("job-*.bin"))
            return files if len(files) >= count else None

        files = self._wait(done, f"{count} captured job(s)", timeout)
        return [f.read_bytes() for f in files]

    def captured(self) -> list[bytes]:
        return [f.read_bytes() for f in sorted(self.jobs.glob("job-*.bin"))]

    def _wait[T](self, probe: Callable[[], T], what: str, timeout: float = 20.0) -> T:
        pause = threading.Event()
        for _ in range(int(timeout / POLL_S)):
            if result := probe():
                return result
            pause.wait(POLL_S)  # another process: nothing to wait on but its answers
        raise AssertionError(f"no {what} within {timeout} s\n{self.log()}")

    def log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else "(no log)"

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        shutil.rmtree(self.root / "spool", ignore_errors=True)
