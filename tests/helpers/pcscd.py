"""A private pcscd with vpcd virtual readers, for the tests and the badge benchmark.

pcscd 1.9.9 always listens on /run/pcscd/pcscd.comm, so only one can run per mount
namespace: run inside ``unshare --mount --propagation private`` with a tmpfs on /run/pcscd
(``./dev.sh test`` does) to keep clear of the machine's own pcscd.
"""

from __future__ import annotations

import signal
import socket
import subprocess
from pathlib import Path

from tests.hardware.events import wait_until

PCSCD = Path("/usr/sbin/pcscd")
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
RUN_DIR = Path("/run/pcscd")
SOCKET = RUN_DIR / "pcscd.comm"
READER_NAME = "ACS ACR1252 1S CL Reader PICC"


def _free_port_pair() -> int:
    """A TCP port p such that p and p+1 are free (vpcd opens one slot on each)."""
    for _ in range(50):
        with socket.socket() as a:
            a.bind(("127.0.0.1", 0))
            port = a.getsockname()[1]
            if port >= 65535:
                continue
            with socket.socket() as b:
                try:
                    b.bind(("0.0.0.0", port + 1))
                except OSError:
                    continue
        return port
    raise RuntimeError("no pair of free TCP ports")


def socket_answers() -> bool:
    with socket.socket(socket.AF_UNIX) as s:
        try:
            s.connect(str(SOCKET))
        except OSError:
            return False
    return True


class Pcscd:
    """A pcscd process we own: ``start(config_dir)``, ``stop()``, ``log()``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port_pair()
        self.config_dir = root / "reader.conf.d"
        self.config_dir.mkdir()
        (self.config_dir / "vpcd").write_text(
            f'FRIENDLYNAME "{READER_NAME}"\n'
            f"DEVICENAME   /dev/null:0x{self.port:X}\n"
            f"LIBPATH      {VPCD_DRIVER}\n"
            f"CHANNELID    0x{self.port:X}\n"
        )
        self.empty_config_dir = root / "no-readers"
        self.empty_config_dir.mkdir()
        self.log_path = root / "pcscd.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.current_config: Path | None = None

    @property
    def reader(self) -> str:
        """The name pcscd gives to the first slot (the one the virtual card uses)."""
        return f"{READER_NAME} 00 00"

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self, config_dir: Path | None = None) -> None:
        config_dir = config_dir or self.config_dir
        if self.running:
            raise RuntimeError("pcscd is already running")
        log = self.log_path.open("ab")
        log.write(f"===== pcscd -c {config_dir}\n".encode())
        log.flush()
        self.proc = subprocess.Popen(
            [str(PCSCD), "-f", "-d", "-a", "-c", str(config_dir)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        self.current_config = config_dir
        expected = [] if config_dir == self.empty_config_dir else [self.reader]
        try:
            wait_until(
                lambda: (
                    self.proc is not None
                    and self.proc.poll() is None
                    and expected_readers_listed(expected)
                ),
                what="pcscd to list its readers",
            )
        except AssertionError:
            self.stop()
            raise RuntimeError(f"pcscd did not start:\n{self.log()}") from None

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=2)

    def log(self, tail: int = 200) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except FileNotFoundError:
            return "(no log)"
        return "\n".join(lines[-tail:])


def expected_readers_listed(expected: list[str]) -> bool:
    from smartcard import scard

    rv, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if rv != scard.SCARD_S_SUCCESS:
        return False
    try:
        rv, names = scard.SCardListReaders(ctx, [])
        if rv != scard.SCARD_S_SUCCESS:
            names = []
        return all(name in names for name in expected)
    finally:
        scard.SCardReleaseContext(ctx)


def reader_has_card(reader: str) -> bool | None:
    """What pcscd currently believes about ``reader`` (None: cannot tell)."""
    from smartcard import scard

    rv, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if rv != scard.SCARD_S_SUCCESS:
        return None
    try:
        rv, states = scard.SCardGetStatusChange(ctx, 0, [(reader, scard.SCARD_STATE_UNAWARE)])
        if rv != scard.SCARD_S_SUCCESS:
            return None
        return bool(states[0][1] & scard.SCARD_STATE_PRESENT)
    finally:
        scard.SCardReleaseContext(ctx)
