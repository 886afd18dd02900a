"""A virtual contactless card for the vsmartcard ``vpcd`` reader driver of pcscd.

vpcd is the TCP server, the card connects to it. Every message both ways is a 2-byte
big-endian length and a payload; a 1-byte payload is a control byte (00 power off, 01 on,
02 reset: no reply; 04 GET ATR: reply the ATR); anything else is a C-APDU answered with an
R-APDU. The card is "present" while its socket is open (pcscd polls it every ~400 ms).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Callable

MIFARE_1K_ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")

type Responder = Callable[[bytes], bytes]


def reader_like(uid: bytes, *, strict_le: bool = False) -> Responder:
    """Answer GET UID (FF CA 00 00 Le) as a PC/SC reader does, 6D 00 to anything else.

    With ``strict_le`` the card answers ``6C <len>`` unless Le is exactly the UID length,
    like readers that do not accept Le=00.
    """

    def respond(apdu: bytes) -> bytes:
        if apdu[:4] != b"\xff\xca\x00\x00":
            return b"\x6d\x00"
        le = apdu[4] if len(apdu) > 4 else 0
        if le == 0 and not strict_le:
            return uid + b"\x90\x00"
        if le != len(uid):
            if le > len(uid) and not strict_le:
                return uid + b"\x62\x82"
            return bytes([0x6C, len(uid)])
        return uid + b"\x90\x00"

    return respond


def answers_6d00(_apdu: bytes) -> bytes:
    """A card that knows no instruction at all."""
    return b"\x6d\x00"


class VirtualBadge:
    """A card on the vpcd slot listening on ``port``: ``insert()``, ``remove()``, ``.apdus``."""

    def __init__(
        self,
        uid: bytes,
        port: int,
        *,
        host: str = "127.0.0.1",
        atr: bytes = MIFARE_1K_ATR,
        responder: Responder | None = None,
    ) -> None:
        self.uid = uid
        self.port = port
        self.host = host
        self.atr = atr
        self.respond = responder or reader_like(uid)
        self.apdus: list[bytes] = []
        self.errors: list[BaseException] = []
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def inserted(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def insert(self) -> None:
        if self.inserted:
            raise RuntimeError("the card is already on the reader")
        sock = socket.create_connection((self.host, self.port), timeout=2)
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock
        self._thread = threading.Thread(
            target=self._serve, args=(sock,), name=f"vpcd-card-{self.uid.hex()}", daemon=True
        )
        self._thread.start()

    def remove(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            if self._thread.is_alive():
                raise RuntimeError("the virtual card thread did not stop")
            self._thread = None

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = _recv_exact(sock, 2)
                if header is None:
                    return
                (n,) = struct.unpack("!H", header)
                msg = _recv_exact(sock, n)
                if msg is None:
                    return
                # vpcd leaves Nagle on; without QUICKACK each APDU waits ~40 ms for our ACK.
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                if n == 1:
                    if msg == b"\x04":
                        sock.sendall(struct.pack("!H", len(self.atr)) + self.atr)
                    continue  # 00 off, 01 on, 02 reset: no answer
                with self._lock:
                    self.apdus.append(msg)
                reply = self.respond(msg)
                sock.sendall(struct.pack("!H", len(reply)) + reply)
        except OSError as exc:
            if self._sock is sock:  # not our own remove()
                self.errors.append(exc)
        finally:
            sock.close()


def _recv_exact(sock: socket.socket, n: int) -> bytes | None:
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf
