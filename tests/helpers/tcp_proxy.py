"""A TCP proxy on loopback whose link the test cuts at a chosen moment (the Smart Tour's van
driving out of Wi-Fi range in the middle of a sync).

``cut_on`` names bytes that, when the client is about to send them, make the proxy drop every
connection at once and refuse new ones until :meth:`TcpProxy.restore`. The client then sees a
connection reset mid-transaction, exactly as with a real network loss.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress


class TcpProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self._target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._down = False
        self._cut_on: bytes | None = None
        self._cut_after = 0  # occurrences of cut_on let through before the cut
        self.cuts = 0
        self._closed = False
        self._spawn(self._accept)

    def _spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def cut_on(self, marker: bytes, *, after: int = 0) -> None:
        """Cut the link when the client sends ``marker`` for the ``after + 1``-th time."""
        with self._lock:
            self._cut_on, self._cut_after = marker, after

    def restore(self) -> None:
        with self._lock:
            self._down, self._cut_on = False, None

    def cut(self) -> None:
        with self._lock:
            self._down = True
            self.cuts += 1
            doomed, self._sockets = self._sockets, set()
        for s in doomed:
            with suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                down = self._down
            if down:
                client.close()  # no route to the central database
                continue
            try:
                server = socket.create_connection(self._target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets |= {client, server}
            self._spawn(self._pump, client, server, True)
            self._spawn(self._pump, server, client, False)

    def _pump(self, src: socket.socket, dst: socket.socket, upstream: bool) -> None:
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                return
            if not data:
                for s in (src, dst):
                    with suppress(OSError):
                        s.shutdown(socket.SHUT_RDWR)
                return
            if upstream and self._should_cut(data):
                self.cut()
                return
            try:
                dst.sendall(data)
            except OSError:
                return

    def _should_cut(self, data: bytes) -> bool:
        with self._lock:
            if self._cut_on is None or self._cut_on not in data:
                return False
            if self._cut_after > 0:
                self._cut_after -= data.count(self._cut_on)
                return self._cut_after < 0
            return True


@contextmanager
def tcp_proxy(target_port: int) -> Iterator[TcpProxy]:
    proxy = TcpProxy(target_port)
    try:
        yield proxy
    finally:
        proxy.close()
