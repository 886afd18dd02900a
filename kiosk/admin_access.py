"""The admin PIN and its lockout: after too many wrong codes the pad refuses everything for a while.

Pure logic on a :class:`~kiosk.ports.Clock`, so the lockout can be tested without waiting and the
screen only maps results to text.
"""

from __future__ import annotations

import enum
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.ports import Clock


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


class PinGuard:
    """Checks the admin PIN, counting failures and locking after ``max_failures`` in a row."""

    def __init__(
        self,
        pin: str,
        clock: Clock,
        max_failures: int = 5,
        lockout: timedelta = timedelta(minutes=5),
    ) -> None:
        if max_failures < 1:
            raise ValueError("max_failures must be at least 1")
        self._pin = pin.encode()
        self._clock = clock
        self._max_failures = max_failures
        self._lockout = lockout
        self._failures = 0
        self._locked_until: datetime | None = None

    @property
    def max_failures(self) -> int:
        return self._max_failures

    def locked_until(self) -> datetime | None:
        """The end of the current lock, or None when codes are accepted."""
        if self._locked_until is not None and self._clock.now() >= self._locked_until:
            self._locked_until = None
            self._failures = 0
        return self._locked_until

    def attempt(self, pin: str) -> AccessResult:
        locked = self.locked_until()
        if locked is not None:
            # While locked even the right code is refused, and the attempt does not extend the lock.
            return AccessResult(AccessOutcome.LOCKED, 0, locked)
        # compare_digest: the time taken does not tell how many leading digits were right.
        if hmac.compare_digest(pin.encode(), self._pin):
            self._failures = 0
            return AccessResult(AccessOutcome.GRANTED, self._max_failures)
        self._failures += 1
        if self._failures >= self._max_failures:
            self._locked_until = self._clock.now() + self._lockout
            return AccessResult(AccessOutcome.LOCKED, 0, self._locked_until)
        return AccessResult(AccessOutcome.DENIED, self._max_failures - self._failures)
