"""Contactless badge reader on PC/SC: one watcher thread on the low-level pyscard API.

Not ``CardMonitor``/``ReaderMonitor``: they die for good when pcscd restarts and take 60 s
to stop (reference/hardware-rigs.md). This loop re-establishes its context after a pcscd
restart, watches reader hot-plug through the ``\\\\?PnP?\\Notification`` pseudo-reader and
is stopped at once by ``SCardCancel``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smartcard import scard

from kiosk.ports import (
    BadgeEvent,
    BadgePresented,
    BadgeRefused,
    BadgeRemoved,
    ReaderState,
    ReaderStatus,
    RefusalReason,
    is_random_uid,
)

log = logging.getLogger(__name__)

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"
GET_UID = [0xFF, 0xCA, 0x00, 0x00]  # PC/SC part 3 GET DATA, P1=00: the card's UID


def _u32(code: int) -> int:
    return code & 0xFFFFFFFF


# The service went away (pcscd stopped, restarted, or its socket is gone): start over.
_SERVICE_LOST = {
    _u32(scard.SCARD_E_NO_SERVICE),
    _u32(scard.SCARD_E_SERVICE_STOPPED),
    _u32(scard.SCARD_F_COMM_ERROR),  # 0x80100013, "RPC transport error"
    _u32(scard.SCARD_E_INVALID_HANDLE),  # our context belonged to the previous pcscd
}
# The reader list changed under us: list the readers again.
_READERS_CHANGED = {
    _u32(scard.SCARD_E_UNKNOWN_READER),
    _u32(scard.SCARD_E_READER_UNAVAILABLE),
    _u32(scard.SCARD_E_NO_READERS_AVAILABLE),
}
# The card left while we were reading it: not an error, the removal event follows.
_CARD_GONE = {
    _u32(scard.SCARD_W_REMOVED_CARD),
    _u32(scard.SCARD_E_NO_SMARTCARD),
    _u32(scard.SCARD_W_RESET_CARD),
}


class _ServiceLost(Exception):
    pass


class _ReadersChanged(Exception):
    pass


class _CardLeft(Exception):
    pass


class PcscError(Exception):
    def __init__(self, call: str, code: int) -> None:
        self.code = _u32(code)
        super().__init__(f"{call} failed: {scard.SCardGetErrorMessage(code)} (0x{self.code:08X})")


def _check(call: str, code: int) -> None:
    if code == scard.SCARD_S_SUCCESS:
        return
    if _u32(code) in _SERVICE_LOST:
        raise _ServiceLost(f"{call}: {scard.SCardGetErrorMessage(code)} (0x{_u32(code):08X})")
    if _u32(code) in _READERS_CHANGED:
        raise _ReadersChanged(call)
    raise PcscError(call, code)


@dataclass
class _Card:
    counter: int  # pcsc-lite's per-reader card event counter (upper 16 bits of the state)
    uid: bytes | None


class UidReadError(Exception):
    pass


class PcscBadgeWatcher:
    """A :class:`kiosk.ports.BadgeSource` on a PC/SC reader whose name contains ``reader_filter``.

    ``on_event`` runs on the watcher thread. A card held on the reader is reported once;
    a random (``08…``) UID is refused; losing the service or the reader is reported and
    recovered from by retrying every ``retry_interval`` seconds.
    """

    def __init__(
        self,
        reader_filter: str | None = None,
        *,
        retry_interval: float = 1.0,
        poll_timeout_ms: int = 2000,
    ) -> None:
        self._filter_text = reader_filter or ""
        self._filter = self._filter_text.casefold()
        self._retry_interval = retry_interval
        self._poll_timeout_ms = poll_timeout_ms
        self._on_event: Callable[[BadgeEvent], None] = lambda _event: None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._context: Any = None
        self._thread: threading.Thread | None = None
        self._last_status: ReaderStatus | None = None
        self._had_reader = False
        self._cards: dict[str, _Card] = {}
        self._unexplained = 0  # errors in a row not explained by pcscd going away
        self.polls = 0  # answers of SCardGetStatusChange (changes and timeouts): it is watching

    # --- BadgeSource --------------------------------------------------------------------

    def start(self, on_event: Callable[[BadgeEvent], None]) -> None:
        if self._thread is not None:
            raise RuntimeError("PcscBadgeWatcher.start() called twice")
        self._on_event = on_event
        self._thread = threading.Thread(target=self._run, name="pcsc-badge-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        thread = self._thread
        if thread is None:
            return
        # Cancel until the thread is out: a cancel that lands between two
        # SCardGetStatusChange calls is lost, so repeat it a few times.
        for _ in range(20):
            with self._lock:
                if self._context is not None:
                    scard.SCardCancel(self._context)
            thread.join(timeout=0.05)
            if not thread.is_alive():
                break
        else:
            log.error("the PC/SC watcher thread did not stop within a second")

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    # --- the watcher thread -------------------------------------------------------------

    def _run(self) -> None:
        log.info("PC/SC watcher started (reader filter %r)", self._filter_text or "any")
        while not self._stopping.is_set():
            try:
                self._session()
            except _ServiceLost as exc:
                self._forget_cards()
                self._unexplained = 0
                self._status(ReaderState.SERVICE_DOWN, f"pcscd is not running ({exc})")
            except Exception as exc:
                log.exception("PC/SC watcher error; retrying")
                self._forget_cards()
                self._unexplained += 1
                # A pcscd on its way out may answer one last call with an odd code (seen:
                # 0x8010006A) before its socket closes: the next attempt tells "service down"
                # apart from a real failure, which is reported if it happens again.
                if self._unexplained > 1:
                    self._status(ReaderState.FAILED, f"{type(exc).__name__}: {exc}")
            self._stopping.wait(self._retry_interval)
        self._status(ReaderState.STOPPED)
        log.info("PC/SC watcher stopped")

    def _session(self) -> None:
        """One pcscd context: from establishing it to losing the service or stopping."""
        rv, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        _check("SCardEstablishContext", rv)
        with self._lock:
            self._context = context
        try:
            while not self._stopping.is_set():
                try:
                    self._watch(context)
                except _ReadersChanged:
                    continue
        finally:
            with self._lock:
                self._context = None
            scard.SCardReleaseContext(context)

    def _list_readers(self, context: Any) -> list[str]:
        rv, names = scard.SCardListReaders(context, [])
        if _u32(rv) == _u32(scard.SCARD_E_NO_READERS_AVAILABLE):
            return []
        _check("SCardListReaders", rv)
        return list(names)

    def _watch(self, context: Any) -> None:
        """Wait for changes on the current reader list; returns or raises when it changes."""
        all_readers = self._list_readers(context)
        readers = [n for n in all_readers if self._filter in n.casefold()]
        for gone in set(self._cards) - set(readers):
            self._card_removed(gone)
        if readers:
            self._had_reader = True
            self._status(ReaderState.READY, ", ".join(readers))
        elif self._had_reader:
            self._status(ReaderState.READER_UNPLUGGED, "the badge reader was disconnected")
        else:
            self._status(ReaderState.NO_READER, self._no_reader_detail())
        # pcsc-lite flags the PnP pseudo-reader as changed when the reader count differs
        # from the one in its current state (upper 16 bits).
        states: list[tuple[str, int]] = [(PNP_NOTIFICATION, len(all_readers) << 16)]
        states += [(name, scard.SCARD_STATE_UNAWARE) for name in readers]
        while not self._stopping.is_set():
            rv, changed = scard.SCardGetStatusChange(context, self._poll_timeout_ms, states)
            self.polls += 1
            if _u32(rv) in (scard.SCARD_S_SUCCESS, _u32(scard.SCARD_E_TIMEOUT)):
                self._unexplained = 0  # the session works
            if _u32(rv) == _u32(scard.SCARD_E_TIMEOUT):
                continue
            if _u32(rv) == _u32(scard.SCARD_E_CANCELLED):
                return
            _check("SCardGetStatusChange", rv)
            states = []
            relist = False
            for name, event_state, atr in changed:
                if name == PNP_NOTIFICATION:
                    relist = relist or bool(event_state & scard.SCARD_STATE_CHANGED)
                elif event_state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
                    relist = True
                else:
                    self._reader_state(context, name, event_state, bytes(atr))
                states.append((name, event_state & ~scard.SCARD_STATE_CHANGED))
            if relist:
                return

    def _reader_state(self, context: Any, reader: str, state: int, atr: bytes) -> None:
        counter = (state >> 16) & 0xFFFF
        card = self._cards.get(reader)
        if card is not None and (
            state & scard.SCARD_STATE_EMPTY
            or (state & scard.SCARD_STATE_PRESENT and card.counter != counter)
        ):
            self._card_removed(reader)  # removed, or swapped for another between two polls
            card = None
        if card is None and state & scard.SCARD_STATE_PRESENT:
            self._cards[reader] = _Card(counter, None)
            if state & scard.SCARD_STATE_MUTE:
                self._emit(BadgeRefused(RefusalReason.READ_FAILED, reader, "the card is mute"))
                return
            try:
                uid = self._read_uid(context, reader)
            except _CardLeft:
                return
            except UidReadError as exc:
                log.warning("badge on %s: %s (ATR %s)", reader, exc, atr.hex(" "))
                self._emit(BadgeRefused(RefusalReason.READ_FAILED, reader, str(exc)))
                return
            self._cards[reader].uid = uid
            if is_random_uid(uid):
                self._emit(BadgeRefused(RefusalReason.RANDOM_UID, reader, uid.hex().upper()))
            else:
                self._emit(BadgePresented(uid, reader))

    def _read_uid(self, context: Any, reader: str) -> bytes:
        rv, card, protocol = scard.SCardConnect(
            context,
            reader,
            scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        if _u32(rv) in _CARD_GONE:
            raise _CardLeft
        if rv != scard.SCARD_S_SUCCESS:
            if _u32(rv) in _SERVICE_LOST:
                _check("SCardConnect", rv)
            raise UidReadError(f"cannot connect to the card: {scard.SCardGetErrorMessage(rv)}")
        try:
            return self._get_uid(card, protocol)
        finally:
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)

    @staticmethod
    def _get_uid(card: Any, protocol: int) -> bytes:
        le = 0
        for _ in range(2):
            rv, response = scard.SCardTransmit(card, protocol, [*GET_UID, le])
            if _u32(rv) in _CARD_GONE:
                raise _CardLeft
            if rv != scard.SCARD_S_SUCCESS:
                if _u32(rv) in _SERVICE_LOST:
                    _check("SCardTransmit", rv)
                raise UidReadError(f"GET UID failed: {scard.SCardGetErrorMessage(rv)}")
            data, sw = bytes(response[:-2]), bytes(response[-2:])
            if len(sw) == 2 and sw[0] == 0x6C and le == 0:
                le = sw[1]  # wrong Le: the reader tells the right one
                continue
            if sw in {b"\x90\x00", b"\x62\x82"} and data:  # 62 82: Le longer than the UID
                return data
            raise UidReadError(f"GET UID answered {sw.hex(' ').upper() or 'nothing'}")
        raise UidReadError("GET UID kept asking for another Le")

    # --- reporting ----------------------------------------------------------------------

    def _no_reader_detail(self) -> str:
        if self._filter:
            return f"no badge reader whose name contains {self._filter_text!r}"
        return "no badge reader connected"

    def _card_removed(self, reader: str) -> None:
        if self._cards.pop(reader, None) is not None:
            self._emit(BadgeRemoved(reader))

    def _forget_cards(self) -> None:
        for reader in list(self._cards):
            self._card_removed(reader)

    def _status(self, state: ReaderState, detail: str = "") -> None:
        status = ReaderStatus(state, detail)
        if status != self._last_status:
            self._last_status = status
            log.info("badge reader: %s %s", state.value, detail)
            self._emit(status)

    def _emit(self, event: BadgeEvent) -> None:
        try:
            self._on_event(event)
        except Exception:
            log.exception("badge event handler failed on %r", event)
