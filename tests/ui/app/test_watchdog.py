"""systemd supervision: READY after the first paint, watchdog pings that stop when the GUI
freezes, and the nightly restart that waits for an idle kiosk.

The notifications go to a real ``AF_UNIX``/``SOCK_DGRAM`` socket named by ``NOTIFY_SOCKET``, as
systemd's would, and the applications are real processes: systemd itself (PID 1) is the only
thing replaced.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from hardware import systemd_notify
from tests.e2e.test_cli import SMARTCORNER
from ui.app.shell import HOME
from ui.app.watchdog import RestartAtIdle, SystemdWatchdog

REPO = Path(__file__).resolve().parents[3]
WATCHDOG_USEC = 100_000  # pings every 50 ms


class NotifySocket:
    """The receiving end systemd holds: every datagram, in order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.messages: list[str] = []

    def close(self) -> None:
        self.sock.close()

    def receive(self, deadline_s: float) -> str | None:
        """The next message, or None when none came before the deadline."""
        self.sock.settimeout(max(0.001, deadline_s - time.monotonic()))
        try:
            data = self.sock.recv(4096)
        except TimeoutError:
            return None
        message = data.decode()
        self.messages.append(message)
        return message

    def wait_for(self, predicate: Callable[[str], bool], timeout_s: float = 30) -> str:
        deadline = time.monotonic() + timeout_s
        while (message := self.receive(deadline)) is not None:
            if predicate(message):
                return message
        raise AssertionError(f"no such notification within {timeout_s} s: {self.messages}")

    def during(self, seconds: float) -> list[str]:
        """Everything that arrives in the next ``seconds`` (an observation window)."""
        deadline = time.monotonic() + seconds
        out = []
        while (message := self.receive(deadline)) is not None:
            out.append(message)
        return out


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[NotifySocket]:
    s = NotifySocket(tmp_path / "notify")
    yield s
    s.close()


def fields(message: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in message.splitlines())


# A kiosk-like process: the real SystemdWatchdog on a QApplication's event loop. Told "freeze"
# on stdin, a slot blocks (as a slot stuck on a lock or on I/O would) until told "thaw".
FROZEN_APP = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication
    from hardware import systemd_notify
    from ui.app.watchdog import SystemdWatchdog

    app = QApplication([])
    watchdog = SystemdWatchdog()
    QTimer.singleShot(0, watchdog.start)

    def command():
        line = os.read(0, 64).decode().strip()
        if line == "freeze":
            systemd_notify.notify("X_TEST=frozen")
            os.read(0, 64)  # blocks the GUI thread until the test writes "thaw"
            systemd_notify.notify("X_TEST=thawed")
        elif line == "quit":
            watchdog.stop()
            app.quit()

    notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    sys.exit(app.exec())
    """
)


def test_watchdog_pings_stop_while_the_event_loop_is_frozen(
    notify_socket: NotifySocket, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "NOTIFY_SOCKET": str(notify_socket.path),
        "WATCHDOG_USEC": str(WATCHDOG_USEC),
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
    }
    app = subprocess.Popen(
        [sys.executable, "-c", FROZEN_APP], env=env, stdin=subprocess.PIPE, cwd=tmp_path
    )
    assert app.stdin is not None
    try:
        ready = notify_socket.wait_for(lambda m: "READY=1" in m)
        assert fields(ready)["MAINPID"] == str(app.pid)
        for _ in range(3):
            notify_socket.wait_for(lambda m: m == "WATCHDOG=1")

        app.stdin.write(b"freeze\n")
        app.stdin.flush()
        notify_socket.wait_for(lambda m: m == "X_TEST=frozen")
        # 20 watchdog periods of silence: systemd would have killed it long before.
        assert notify_socket.during(20 * WATCHDOG_USEC / 2e6) == []

        app.stdin.write(b"thaw\n")
        app.stdin.flush()
        notify_socket.wait_for(lambda m: m == "X_TEST=thawed")
        for _ in range(2):
            notify_socket.wait_for(lambda m: m == "WATCHDOG=1")

        app.stdin.write(b"quit\n")
        app.stdin.flush()
        notify_socket.wait_for(lambda m: m == "STOPPING=1")
        assert app.wait(timeout=30) == 0
    finally:
        app.kill()
        app.wait()


def test_the_real_kiosk_reports_ready_after_painting_then_pings(
    notify_socket: NotifySocket, tmp_path: Path
) -> None:
    """``smartcorner run`` under a notify socket: the wiring in ui/app/run.py, end to end."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")},
        "SMARTCORNER_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": str(notify_socket.path),
        "WATCHDOG_USEC": str(WATCHDOG_USEC),
    }
    kiosk = subprocess.Popen(
        [str(SMARTCORNER), "run", "--smoke"], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        ready = notify_socket.wait_for(lambda m: "READY=1" in m, timeout_s=60)
        assert fields(ready)["MAINPID"] == str(kiosk.pid)
        notify_socket.wait_for(lambda m: m == "WATCHDOG=1")
        notify_socket.wait_for(lambda m: m == "STOPPING=1", timeout_s=60)
        out, _ = kiosk.communicate(timeout=60)
        assert kiosk.returncode == 0
        assert out.startswith("ready in ")
    finally:
        kiosk.kill()
        kiosk.wait()


def test_no_notify_socket_means_no_watchdog_and_no_error(qtbot: QtBot) -> None:
    watchdog = SystemdWatchdog(environ={})
    watchdog.start()
    assert not watchdog.supervised
    assert watchdog.interval_ms is None
    assert not watchdog.running
    watchdog.stop()


def test_watchdog_meant_for_another_process_is_ignored() -> None:
    # neither this process nor its parent (which is PID 1 when the test runner was detached)
    other = next(pid for pid in (1, 2, 3) if pid not in {os.getpid(), os.getppid()})
    env = {"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(other)}
    assert systemd_notify.watchdog_usec(env) is None
    assert systemd_notify.watchdog_usec({**env, "WATCHDOG_PID": str(os.getppid())}) == 30_000_000
    assert systemd_notify.watchdog_usec({"WATCHDOG_USEC": "0"}) is None


def test_abstract_notify_socket(tmp_path: Path) -> None:
    name = f"smartcorner-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as receiver:
        receiver.bind(b"\0" + name.encode())
        receiver.settimeout(10)
        assert systemd_notify.notify("READY=1", environ={"NOTIFY_SOCKET": f"@{name}"})
        assert receiver.recv(100) == b"READY=1"
    # nobody listening any more: reported, never raised
    assert not systemd_notify.notify("READY=1", environ={"NOTIFY_SOCKET": f"@{name}"})
    assert not systemd_notify.notify("READY=1", environ={"NOTIFY_SOCKET": "relative/path"})


# --- nightly restart at idle ------------------------------------------------------------------


@pytest.fixture
def restart_calls() -> list[int]:
    return []


def make_restart(
    request: Path, is_idle: Callable[[], bool], calls: list[int], waiting: list[int]
) -> RestartAtIdle:
    return RestartAtIdle(
        request,
        is_idle=is_idle,
        restart=lambda: calls.append(1),
        started_at=1_000_000.0,
        on_waiting=lambda: waiting.append(1),
    )


def test_restart_waits_for_a_request_newer_than_the_process(
    tmp_path: Path, restart_calls: list[int]
) -> None:
    request = tmp_path / "restart-requested"
    restart = make_restart(request, lambda: True, restart_calls, [])
    assert not restart.check()  # no request file
    request.touch()
    os.utime(request, (999_999.0, 999_999.0))  # touched before this process started
    assert not restart.check()
    os.utime(request, (1_000_001.0, 1_000_001.0))
    assert restart.check()
    assert restart_calls == [1]


def test_restart_waits_until_the_kiosk_is_idle(tmp_path: Path, restart_calls: list[int]) -> None:
    request = tmp_path / "restart-requested"
    request.touch()
    idle = {"now": False}
    waiting: list[int] = []
    restart = make_restart(request, lambda: idle["now"], restart_calls, waiting)
    assert not restart.check()
    assert not restart.check()
    assert restart_calls == []
    assert waiting == [1]  # said once, for systemctl status
    idle["now"] = True
    assert restart.check()
    assert restart_calls == [1]


def test_shell_is_quiet_only_on_an_untouched_attract_screen(qtbot: QtBot, shell: Any) -> None:
    assert shell.router.current_key == "attract"
    assert shell.is_quiet(0)
    assert not shell.is_quiet(3_600_000)  # the kiosk started a moment ago
    qtbot.mouseClick(shell.attract, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))  # not on a card
    assert shell.router.current_key == HOME
    assert not shell.is_quiet(0)
    shell.reset_session()
    assert shell.is_quiet(0)
    assert shell.idle.quiet_ms() < 3_600_000
