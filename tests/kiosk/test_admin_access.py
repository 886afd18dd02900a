from datetime import UTC, datetime, timedelta

import pytest

from kiosk.admin_access import AccessOutcome, PinGuard
from kiosk.ports import FixedClock

T0 = datetime(2026, 11, 23, 14, 27, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def guard(clock: FixedClock) -> PinGuard:
    return PinGuard("2468", clock, max_failures=5, lockout=timedelta(minutes=5))


def test_right_pin_is_granted(guard: PinGuard) -> None:
    result = guard.attempt("2468")
    assert result.outcome is AccessOutcome.GRANTED
    assert result.granted
    assert result.locked_until is None


def test_wrong_pin_counts_down_the_remaining_attempts(guard: PinGuard) -> None:
    remaining = [guard.attempt("0000").remaining_attempts for _ in range(4)]
    assert remaining == [4, 3, 2, 1]


@pytest.mark.parametrize("wrong", ["", "2", "246", "24680", "8642", "２４６８"])
def test_near_misses_are_denied(guard: PinGuard, wrong: str) -> None:
    assert guard.attempt(wrong).outcome is AccessOutcome.DENIED


def test_fifth_failure_locks_for_the_lockout_period(guard: PinGuard) -> None:
    for _ in range(4):
        assert guard.attempt("1111").outcome is AccessOutcome.DENIED
    result = guard.attempt("1111")
    assert result.outcome is AccessOutcome.LOCKED
    assert result.remaining_attempts == 0
    assert result.locked_until == T0 + timedelta(minutes=5)
    assert guard.locked_until() == T0 + timedelta(minutes=5)


def test_right_pin_is_refused_while_locked_and_accepted_after(
    guard: PinGuard, clock: FixedClock
) -> None:
    for _ in range(5):
        guard.attempt("1111")
    clock.set(T0 + timedelta(minutes=4, seconds=59))
    refused = guard.attempt("2468")
    assert refused.outcome is AccessOutcome.LOCKED
    assert refused.locked_until == T0 + timedelta(minutes=5)  # attempts do not extend the lock
    clock.set(T0 + timedelta(minutes=5))
    assert guard.locked_until() is None
    assert guard.attempt("2468").granted


def test_after_the_lock_the_attempts_start_afresh(guard: PinGuard, clock: FixedClock) -> None:
    for _ in range(5):
        guard.attempt("1111")
    clock.set(T0 + timedelta(minutes=6))
    assert guard.attempt("1111").remaining_attempts == 4


def test_success_resets_the_failure_count(guard: PinGuard) -> None:
    for _ in range(4):
        guard.attempt("1111")
    assert guard.attempt("2468").granted
    assert guard.attempt("1111").remaining_attempts == 4


def test_max_failures_must_be_positive(clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="max_failures"):
        PinGuard("2468", clock, max_failures=0)
