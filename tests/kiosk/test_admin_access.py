import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.admin_access import AccessOutcome, PinGuard, PinSecret, pin_guard
from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Settings

T0 = datetime(2026, 11, 23, 14, 27, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture(params=["memory", "file"])
def guard(request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path) -> PinGuard:
    state_file = tmp_path / "lockout" / "admin-pin.json" if request.param == "file" else None
    return PinGuard(
        "2468", clock, max_failures=5, lockout=timedelta(minutes=5), state_file=state_file
    )


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


# -- one counter per kiosk and per secret, kept in the data folder ---------------------------


def _settings(tmp_path: Path) -> Settings:
    return Settings(paths=Paths(data_dir=tmp_path / "data", config_file=None))


def test_five_wrong_codes_on_one_pad_lock_every_pad_taking_that_secret(
    tmp_path: Path, clock: FixedClock
) -> None:
    settings = _settings(tmp_path)
    admin_screen = pin_guard(settings, clock, PinSecret.ADMIN)
    door_screen = pin_guard(settings, clock, PinSecret.ADMIN)
    for _ in range(5):
        admin_screen.attempt("0000")
    refused = door_screen.attempt(settings.admin_pin)
    assert refused.outcome is AccessOutcome.LOCKED
    assert refused.locked_until == T0 + timedelta(minutes=5)
    # the staff PIN has its own counter: a guesser at the admin pad does not lock staff out
    assert pin_guard(settings, clock, PinSecret.STAFF).attempt(settings.staff_pin).granted


def test_failures_add_up_across_pads(tmp_path: Path, clock: FixedClock) -> None:
    settings = _settings(tmp_path)
    pads = [pin_guard(settings, clock, PinSecret.STAFF) for _ in range(3)]
    outcomes = [pads[n % 3].attempt("0000").outcome for n in range(5)]
    assert outcomes == [AccessOutcome.DENIED] * 4 + [AccessOutcome.LOCKED]


def test_a_new_process_during_the_lock_is_still_locked(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    now = datetime.now(UTC)
    guard = pin_guard(settings, FixedClock(now), PinSecret.ADMIN)
    for _ in range(5):
        guard.attempt("0000")
    state = settings.paths.pin_lockout_file("admin")
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from kiosk.admin_access import PinSecret, pin_guard
        from kiosk.paths import Paths
        from kiosk.ports import SystemClock
        from kiosk.settings import Settings

        settings = Settings(paths=Paths(data_dir=Path(sys.argv[1]), config_file=None))
        guard = pin_guard(settings, SystemClock(), PinSecret.ADMIN)
        print(guard.attempt(settings.admin_pin).outcome, guard.locked_until().isoformat())
        """
    )
    restarted = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=True,
    )
    outcome, until = restarted.stdout.split()
    assert outcome == "locked"
    assert datetime.fromisoformat(until) == now + timedelta(minutes=5)


def test_the_stored_lock_ends_on_time(tmp_path: Path, clock: FixedClock) -> None:
    settings = _settings(tmp_path)
    for _ in range(5):
        pin_guard(settings, clock, PinSecret.ADMIN).attempt("0000")
    later = pin_guard(settings, clock, PinSecret.ADMIN)
    clock.set(T0 + timedelta(minutes=5) - timedelta(microseconds=1))
    assert later.attempt(settings.admin_pin).outcome is AccessOutcome.LOCKED
    clock.set(T0 + timedelta(minutes=5))
    assert later.locked_until() is None
    assert later.attempt(settings.admin_pin).granted


def test_a_damaged_lockout_file_does_not_open_the_pad(tmp_path: Path, clock: FixedClock) -> None:
    settings = _settings(tmp_path)
    guard = pin_guard(settings, clock, PinSecret.ADMIN)
    for _ in range(5):
        guard.attempt("0000")
    settings.paths.pin_lockout_file("admin").write_text("{not json")
    assert guard.attempt(settings.admin_pin).outcome is AccessOutcome.LOCKED
