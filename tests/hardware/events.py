"""Collect callbacks from a device thread and wait for them with a deadline (no sleeps)."""

from __future__ import annotations

import threading
from collections.abc import Callable

DEADLINE = 2.0  # seconds: every wait in the hardware tests


class Recorder[T]:
    def __init__(self) -> None:
        self.items: list[T] = []
        self._cond = threading.Condition()

    def __call__(self, item: T) -> None:
        with self._cond:
            self.items.append(item)
            self._cond.notify_all()

    def wait_for(
        self, predicate: Callable[[T], bool], *, after: int = 0, timeout: float = DEADLINE
    ) -> T:
        """The first item from index ``after`` on that matches, waiting up to ``timeout``."""
        found: list[T] = []

        def match() -> bool:
            found[:] = [item for item in self.items[after:] if predicate(item)][:1]
            return bool(found)

        with self._cond:
            if not self._cond.wait_for(match, timeout):
                raise AssertionError(
                    f"nothing matching within {timeout} s; got {self.items[after:]!r}"
                )
        return found[0]

    def mark(self) -> int:
        with self._cond:
            return len(self.items)

    def since(self, mark: int) -> list[T]:
        with self._cond:
            return list(self.items[mark:])


def wait_until(predicate: Callable[[], bool], timeout: float = DEADLINE, what: str = "") -> None:
    """Poll ``predicate`` every 20 ms until it holds; fail after ``timeout`` seconds."""
    ticker = threading.Event()
    for _ in range(max(1, int(timeout / 0.02))):
        if predicate():
            return
        ticker.wait(0.02)
    if not predicate():
        raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
