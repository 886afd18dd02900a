"""sd_notify(3) in pure Python: one datagram to the socket systemd names in ``NOTIFY_SOCKET``.

No libsystemd binding: the protocol is a single ``AF_UNIX``/``SOCK_DGRAM`` message of
newline-separated ``KEY=VALUE`` assignments. A name starting with ``@`` is in the Linux
abstract namespace (the ``@`` becomes a NUL byte). Everything here is a no-op when the
variable is unset, so the kiosk behaves the same outside systemd (dev machine, tests).

The kiosk runs *under* cage, so the process that notifies is not the service's main process:
``WATCHDOG_PID`` (set for the main process) then names our parent, and the unit uses
``NotifyAccess=all``. :func:`watchdog_usec` accepts that case on purpose.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)

READY = "READY=1"
STOPPING = "STOPPING=1"
WATCHDOG = "WATCHDOG=1"


def _address(name: str) -> str | bytes:
    if name.startswith("@"):
        return b"\0" + name[1:].encode()
    return name


def notify(*assignments: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send ``assignments`` (e.g. ``READY=1``) to systemd; False if not under systemd or failed.

    Never raises: a kiosk must not stop because its supervisor went away.
    """
    env = os.environ if environ is None else environ
    name = env.get("NOTIFY_SOCKET", "")
    if not name or not assignments:
        return False
    if not name.startswith(("/", "@")):
        log.warning("NOTIFY_SOCKET=%r is neither a path nor an abstract name: ignored", name)
        return False
    message = "\n".join(assignments).encode()
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message, _address(name))
    except OSError as exc:
        log.warning("sd_notify %s to %s failed: %s", assignments, name, exc)
        return False
    return True


def watchdog_usec(environ: Mapping[str, str] | None = None) -> int | None:
    """The watchdog period systemd expects pings within, in µs; None when there is no watchdog.

    Like sd_watchdog_enabled(3), but ``WATCHDOG_PID`` may also name our parent process: the
    unit's main process is the compositor (cage), which passes its environment to us.
    """
    env = os.environ if environ is None else environ
    raw = env.get("WATCHDOG_USEC", "")
    try:
        usec = int(raw)
    except ValueError:
        return None
    if usec <= 0:
        return None
    pid = env.get("WATCHDOG_PID", "")
    if pid and pid not in {str(os.getpid()), str(os.getppid())}:
        return None  # meant for another process (a grandparent or an unrelated one)
    return usec
