"""The admin and staff PINs and their lockout: after too many wrong codes every pad refuses all.

One counter per kiosk and per secret, shared by every pad of the kiosk that accepts that secret
(the admin screen and the door screen both take the admin PIN), kept in a small fsynced file of
the kiosk's data folder rather than the shared database: a visitor guessing at one kiosk must not
lock staff out of every kiosk, and the lock must hold when the database is broken and across a
restart (systemd restarts the kiosk in 3 s: an in-memory lock would last just as long).

Pure logic on a :class:`~kiosk.ports.Clock`, so the lockout can be tested without waiting and the
screens only map results to text.
"""

from __future__ import annotations

import contextlib
import enum
import fcntl
import hmac
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.paths import write_private_atomically
from kiosk.ports import Clock
from kiosk.settings import Settings

log = logging.getLogger(__name__)


class PinSecret(enum.StrEnum):
    """The secrets a pad can accept; each has its own counter."""

    ADMIN = "admin"
    STAFF = "staff"


class AccessOutcome(enum.StrEnum):
    GRANTED = "granted"
    DENIED = "denied"  # wrong code, attempts remain
    LOCKED = "locked"  # too many wrong codes: every code is refused until ``locked_until``


@dataclass(frozen=True)
class AccessResult:
    outcome: AccessOutcome
    remaining_attempts: int  # wrong codes still allowed before the lock (0 while locked)
    locked_until: datetime | None = None

    @property
    def granted(self) -> bool:
        return self.outcome is AccessOutcome.GRANTED


@dataclass(frozen=True)
class _State:
    failures: int = 0
    locked_until: datetime | None = None


class PinGuard:
    """Checks one PIN, counting failures and locking after ``max_failures`` in a row.

    With a ``state_file`` the counter and the lock live in that file, read again at each check:
    every guard of the kiosk built on the same file (other pads, other processes, the next run)
    sees the same count. Without one (tests, tools) they live in memory only.
    """

    def __init__(
        self,
        pin: str,
        clock: Clock,
        max_failures: int = 5,
        lockout: timedelta = timedelta(minutes=5),
        *,
        state_file: Path | None = None,
    ) -> None:
        if max_failures < 1:
            raise ValueError("max_failures must be at least 1")
        self._pin = pin.encode()
        self._clock = clock
        self._max_failures = max_failures
        self._lockout = lockout
        self._file = state_file
        self._memory = _State()  # also the fallback when the file cannot be read or written

    @property
    def max_failures(self) -> int:
        return self._max_failures

    def locked_until(self) -> datetime | None:
        """The end of the current lock, or None when codes are accepted."""
        with self._locked_state() as state:
            return self._current(state).locked_until

    def attempt(self, pin: str) -> AccessResult:
        with self._locked_state() as state:
            state = self._current(state)
            if state.locked_until is not None:
                # While locked even the right code is refused, and the attempt does not extend it.
                return AccessResult(AccessOutcome.LOCKED, 0, state.locked_until)
            # compare_digest: the time taken does not tell how many leading digits were right.
            if hmac.compare_digest(pin.encode(), self._pin):
                if state.failures:
                    self._save(_State())
                return AccessResult(AccessOutcome.GRANTED, self._max_failures)
            failures = state.failures + 1
            if failures >= self._max_failures:
                until = self._clock.now() + self._lockout
                self._save(_State(failures, until))
                log.warning("too many wrong PINs: every pad refuses codes until %s", until)
                return AccessResult(AccessOutcome.LOCKED, 0, until)
            self._save(_State(failures, None))
            return AccessResult(AccessOutcome.DENIED, self._max_failures - failures)

    def _current(self, state: _State) -> _State:
        """``state`` with an elapsed lock lifted: the attempts then start afresh."""
        if state.locked_until is not None and self._clock.now() >= state.locked_until:
            return _State()
        return state

    @contextlib.contextmanager
    def _locked_state(self) -> Iterator[_State]:
        """The stored state, under an exclusive lock so that two pads cannot lose a failure."""
        if self._file is None:
            yield self._memory
            return
        try:
            self._file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            lock_fd = os.open(
                self._file.with_suffix(".lock"), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600
            )
        except OSError as exc:
            log.error("PIN lockout file unusable (%s): counting in memory only", exc)
            yield self._memory
            return
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX)
            yield self._read()
        finally:
            os.close(lock_fd)  # closing releases the lock

    def _read(self) -> _State:
        assert self._file is not None
        try:
            raw = json.loads(self._file.read_text(encoding="utf-8"))
            until = raw.get("locked_until")
            stored = _State(
                int(raw.get("failures", 0)), datetime.fromisoformat(until) if until else None
            )
        except FileNotFoundError:
            return self._memory
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            # A damaged file must not open the pads: keep what this process knows.
            log.error("PIN lockout file unreadable (%s): counting in memory only", exc)
            return self._memory
        # Never forget a failure this process saw but could not write.
        if self._memory.locked_until is not None and (
            stored.locked_until is None or stored.locked_until < self._memory.locked_until
        ):
            return self._memory
        return stored

    def _save(self, state: _State) -> None:
        self._memory = state
        if self._file is None:
            return
        payload = {
            "failures": state.failures,
            "locked_until": state.locked_until.isoformat() if state.locked_until else None,
        }
        try:
            write_private_atomically(self._file, json.dumps(payload).encode())
        except OSError as exc:
            log.error("PIN lockout file not written (%s): the lock holds in memory only", exc)


def pin_guard(settings: Settings, clock: Clock, secret: PinSecret) -> PinGuard:
    """The guard of ``secret`` on this kiosk: every pad accepting that secret must use this."""
    pin = settings.admin_pin if secret is PinSecret.ADMIN else settings.staff_pin
    return PinGuard(pin, clock, state_file=settings.paths.pin_lockout_file(secret.value))
