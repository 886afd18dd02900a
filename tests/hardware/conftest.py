"""Real rigs for the hardware adapters: a private pcscd with vpcd readers, a loopback printer.

pcscd 1.9.9 always listens on /run/pcscd/pcscd.comm, so only one can run per mount
namespace. Run the suite inside ``unshare --mount --propagation private`` with a tmpfs on
/run/pcscd to keep clear of a system pcscd (see the report in issue 3); without it, these
tests still run when no other pcscd is up, and skip with the reason otherwise. With
``SMARTCORNER_REQUIRE_RIGS=1`` (CI) a rig that cannot start fails instead of skipping.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hardware.events import wait_until
from tests.helpers.virtual_printer import VirtualPrinter
from tests.helpers.vpcd import VirtualBadge

PCSCD = Path("/usr/sbin/pcscd")
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
RUN_DIR = Path("/run/pcscd")
SOCKET = RUN_DIR / "pcscd.comm"
READER_NAME = "ACS ACR1252 1S CL Reader PICC"


def _unavailable(reason: str) -> None:
    if os.environ.get("SMARTCORNER_REQUIRE_RIGS") == "1":
        pytest.fail(f"hardware rig required (SMARTCORNER_REQUIRE_RIGS=1): {reason}")
    pytest.skip(reason)


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


def _socket_answers() -> bool:
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


@pytest.fixture(scope="session")
def pcscd_rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pcscd]:
    for path, what in ((PCSCD, "pcscd"), (VPCD_DRIVER, "the vsmartcard-vpcd driver")):
        if not path.exists():
            _unavailable(f"{what} is not installed ({path}): apt-get install pcscd vsmartcard-vpcd")
    try:
        import smartcard.scard  # noqa: F401
    except ImportError as exc:
        _unavailable(f"pyscard is not importable: {exc}")
    if _socket_answers():
        _unavailable(
            f"another pcscd already listens on {SOCKET}; run the tests in their own mount "
            "namespace: unshare --mount --propagation private -- sh -c "
            "'mount -t tmpfs tmpfs /run/pcscd && pytest ...'"
        )
    try:
        RUN_DIR.mkdir(parents=True, exist_ok=True)
        probe = RUN_DIR / ".smartcorner-write-probe"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        _unavailable(f"{RUN_DIR} is not writable ({exc}); pcscd 1.9.9 can only listen there")
    # A stale pid file or socket from a killed pcscd makes the next one refuse to start.
    for stale in ("pcscd.pid", "pcscd.comm"):
        with contextlib.suppress(FileNotFoundError):
            (RUN_DIR / stale).unlink()
    rig = Pcscd(tmp_path_factory.mktemp("pcscd"))
    try:
        rig.start()
    except RuntimeError as exc:
        _unavailable(str(exc))
    yield rig
    rig.stop()


@pytest.fixture
def pcscd(pcscd_rig: Pcscd) -> Iterator[Pcscd]:
    """The session's pcscd, running with the vpcd readers at the start of each test."""
    if not pcscd_rig.running or pcscd_rig.current_config != pcscd_rig.config_dir:
        pcscd_rig.stop()
        pcscd_rig.start()
    return pcscd_rig


@pytest.fixture
def badges(pcscd: Pcscd) -> Iterator[list[VirtualBadge]]:
    """Make virtual cards with ``badges_factory``; all are removed after the test."""
    made: list[VirtualBadge] = []
    yield made
    for badge in made:
        badge.remove()
    if pcscd.running:
        # Let pcscd see the reader empty, so the next test starts from a clean reader.
        wait_until(lambda: reader_has_card(pcscd.reader) is not True, what="an empty reader")


@pytest.fixture
def make_badge(pcscd: Pcscd, badges: list[VirtualBadge]):
    def make(uid: bytes, **kwargs) -> VirtualBadge:
        badge = VirtualBadge(uid, pcscd.port, **kwargs)
        badges.append(badge)
        return badge

    return make


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    if report.failed and "pcscd_rig" in getattr(item, "fixturenames", ()):
        rig = item.funcargs.get("pcscd") or item.funcargs.get("pcscd_rig")
        if isinstance(rig, Pcscd):
            report.sections.append(("pcscd log (last 200 lines)", rig.log()))
    return report


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as server:
        yield server
