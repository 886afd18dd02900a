"""Badge latency: a card put on the reader -> its UID delivered on the GUI thread.

The kiosk's path, PcscBadgeWatcher (its thread on SCardGetStatusChange, GET UID) -> the
DeviceBridge's queued signal -> a slot on the GUI thread, is timed next to its floor: a bare
pyscard loop in the same process, SCardGetStatusChange then SCardConnect + GET UID on the
same reader, no thread hop and no Qt. Both run against a private pcscd with the vpcd virtual
reader and a virtual card (the test rig), in alternating blocks so that machine noise hits
both alike. pcscd polls vpcd about every 400 ms, so either path waits 0-400 ms for pcscd to
notice the card: each insertion comes at a random delay after the previous removal was seen,
the same delays for both paths (one seeded generator each).

    .venv/bin/python bench/badge_latency.py [--taps 40] [--block 5]

As root it re-runs itself in a private mount namespace with a tmpfs on /run/pcscd (pcscd
1.9.9 can only listen there), like ``./dev.sh test``; needs pcscd and vsmartcard-vpcd.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
NAMESPACE_FLAG = "SMARTCORNER_BENCH_NAMESPACE"
UID = bytes.fromhex("04A1B2C3D4E5F6")
DEADLINE = 5.0  # seconds: a tap not seen by then is a failure, not a figure


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def in_own_namespace() -> None:
    """Re-exec under unshare (root) so our pcscd neither meets nor disturbs the machine's."""
    if os.environ.get(NAMESPACE_FLAG) == "1" or os.geteuid() != 0 or not shutil.which("unshare"):
        return
    os.environ[NAMESPACE_FLAG] = "1"
    script = 'mkdir -p /run/pcscd && mount -t tmpfs tmpfs /run/pcscd && exec "$0" "$@"'
    os.execvp(
        "unshare",
        ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script,
         sys.executable, *sys.argv],
    )  # fmt: skip


class BareLoop:
    """The floor: SCardGetStatusChange on the reader, then connect and GET UID, in one loop."""

    def __init__(self, reader: str) -> None:
        from smartcard import scard

        self.scard = scard
        self.reader = reader
        rv, self.context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if rv != scard.SCARD_S_SUCCESS:
            raise SystemExit(f"SCardEstablishContext: {scard.SCardGetErrorMessage(rv)}")
        self.state = scard.SCARD_STATE_UNAWARE

    def wait(self, present: bool) -> bytes | None:
        """Block until the card is present (return its UID) or gone (return None)."""
        scard = self.scard
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            rv, states = scard.SCardGetStatusChange(self.context, 500, [(self.reader, self.state)])
            if rv == scard.SCARD_E_TIMEOUT:
                continue
            if rv != scard.SCARD_S_SUCCESS:
                raise SystemExit(f"SCardGetStatusChange: {scard.SCardGetErrorMessage(rv)}")
            self.state = states[0][1] & ~scard.SCARD_STATE_CHANGED
            if bool(self.state & scard.SCARD_STATE_PRESENT) != present:
                continue
            return self._uid() if present else None
        raise SystemExit("the bare loop did not see the card in time")

    def _uid(self) -> bytes:
        scard = self.scard
        rv, card, protocol = scard.SCardConnect(
            self.context, self.reader, scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )  # fmt: skip
        if rv != scard.SCARD_S_SUCCESS:
            raise SystemExit(f"SCardConnect: {scard.SCardGetErrorMessage(rv)}")
        pci = scard.SCARD_PCI_T0 if protocol == scard.SCARD_PROTOCOL_T0 else scard.SCARD_PCI_T1
        rv, response = scard.SCardTransmit(card, pci, [0xFF, 0xCA, 0x00, 0x00, 0x00])
        scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)
        if rv != scard.SCARD_S_SUCCESS or bytes(response[-2:]) != b"\x90\x00":
            raise SystemExit(f"GET UID failed: {rv:#x} {bytes(response).hex()}")
        return bytes(response[:-2])

    def close(self) -> None:
        self.scard.SCardReleaseContext(self.context)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--taps", type=int, default=40, help="taps per path (default 40)")
    parser.add_argument("--block", type=int, default=5, help="taps in a row per path")
    args = parser.parse_args()
    in_own_namespace()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    kiosk, floor, hops = measure(args.taps, args.block)
    ms = [v * 1000 for v in kiosk]
    fl = [v * 1000 for v in floor]
    print(f"badge tap -> UID on the GUI thread ({len(ms)} taps each, vpcd on a private pcscd)")
    for name, values in (
        ("kiosk (PcscBadgeWatcher + DeviceBridge)", ms),
        ("floor (bare SCardGetStatusChange loop)", fl),
    ):
        print(
            f"  {name:40} median {statistics.median(values):6.1f} ms   p95 {p95(values):6.1f} ms"
            f"   min {min(values):6.1f}   max {max(values):6.1f}"
        )
    hop = [v * 1000 for v in hops]
    print(
        f"  of which watcher thread -> GUI slot      median {statistics.median(hop):6.2f} ms"
        f"   p95 {p95(hop):6.2f} ms   max {max(hop):6.2f}"
    )
    ratio = statistics.median(ms) / statistics.median(fl)
    print(f"  ratio kiosk/floor: median {ratio:.2f}   p95 {p95(ms) / p95(fl):.2f}")
    return 0


def measure(taps: int, block: int) -> tuple[list[float], list[float], list[float]]:
    """Seconds from insert() to the UID through the kiosk's path and through the bare loop,
    and the kiosk path's hop from the watcher's thread to the GUI thread."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from hardware.pcsc_watcher import PcscBadgeWatcher
    from kiosk.ports import BadgeEvent, BadgePresented, ReaderState, ReaderStatus, SystemClock
    from tests.helpers.pcscd import PCSCD, RUN_DIR, SOCKET, VPCD_DRIVER, Pcscd, socket_answers
    from tests.helpers.vpcd import VirtualBadge
    from ui.input.bridge import DeviceBridge

    for path in (PCSCD, VPCD_DRIVER):
        if not path.exists():
            raise SystemExit(f"{path} is missing: apt-get install pcscd vsmartcard-vpcd")
    if socket_answers():
        raise SystemExit(f"another pcscd listens on {SOCKET}: run as root (private namespace)")
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    for stale in ("pcscd.pid", "pcscd.comm"):
        (RUN_DIR / stale).unlink(missing_ok=True)

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    bridge = DeviceBridge(SystemClock())
    arrived: list[tuple[str, float, bytes]] = []  # ("presented" | "removed", time, uid)
    bridge.badge_presented.connect(
        lambda event: arrived.append(("presented", time.perf_counter(), event.uid))
    )
    bridge.badge_removed.connect(
        lambda _event: arrived.append(("removed", time.perf_counter(), b""))
    )

    def gui_wait(what: str) -> tuple[float, bytes]:
        """Run the GUI event loop until the bridge delivers ``what``."""
        loop = QEventLoop()
        poll = QTimer(interval=1)
        poll.timeout.connect(lambda: loop.quit() if any(a[0] == what for a in arrived) else None)
        poll.start()
        end = time.monotonic() + DEADLINE
        while not any(a[0] == what for a in arrived) and time.monotonic() < end:
            loop.exec()
        poll.stop()
        for n, (kind, at, uid) in enumerate(arrived):
            if kind == what:
                del arrived[: n + 1]
                return at, uid
        raise SystemExit(f"the kiosk path did not deliver {what} in time")

    kiosk: list[float] = []
    floor: list[float] = []
    hops: list[float] = []  # the UID read on the watcher's thread -> the slot on the GUI thread
    read_at: list[float] = []
    delays = {"kiosk": random.Random(7), "floor": random.Random(7)}
    with tempfile.TemporaryDirectory() as tmp:
        pcscd = Pcscd(Path(tmp))
        pcscd.start()
        try:
            while len(kiosk) < taps or len(floor) < taps:
                # -- the kiosk's path: watcher thread -> bridge -> GUI thread
                ready = threading.Event()

                def on_event(event: BadgeEvent, ready: threading.Event = ready) -> None:
                    if isinstance(event, ReaderStatus) and event.state is ReaderState.READY:
                        ready.set()
                    if isinstance(event, BadgePresented):
                        read_at.append(time.perf_counter())  # on the watcher's thread
                    bridge.on_badge_event(event)

                watcher = PcscBadgeWatcher()
                watcher.start(on_event)
                if not ready.wait(DEADLINE):
                    raise SystemExit("the watcher did not find the reader")
                for _ in range(min(block, taps - len(kiosk))):
                    card = VirtualBadge(UID, pcscd.port)
                    time.sleep(delays["kiosk"].uniform(0.0, 0.4))
                    t0 = time.perf_counter()
                    card.insert()
                    at, uid = gui_wait("presented")
                    assert uid == UID, uid.hex()
                    kiosk.append(at - t0)
                    hops.append(at - read_at.pop())
                    card.remove()
                    gui_wait("removed")
                watcher.stop()
                arrived.clear()
                # -- the floor: one bare loop, no thread hop, no Qt
                bare = BareLoop(pcscd.reader)
                bare.wait(present=False)
                for _ in range(min(block, taps - len(floor))):
                    card = VirtualBadge(UID, pcscd.port)
                    time.sleep(delays["floor"].uniform(0.0, 0.4))
                    t0 = time.perf_counter()
                    card.insert()
                    uid_read = bare.wait(present=True)
                    floor.append(time.perf_counter() - t0)
                    assert uid_read == UID
                    card.remove()
                    bare.wait(present=False)
                bare.close()
        finally:
            pcscd.stop()
    del app
    return kiosk, floor, hops


if __name__ == "__main__":
    raise SystemExit(main())
