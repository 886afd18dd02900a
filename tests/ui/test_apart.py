"""Work apart: in a child process at a lower CPU priority, without Qt, answers back."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

from ui.apart import ApartProcess


def where_am_i() -> tuple[int, int, bool]:
    """In the child: its pid, its niceness, and whether Qt was loaded there."""
    return os.getpid(), os.nice(0), "PySide6" in sys.modules


def refuse(reason: str) -> None:
    raise ValueError(reason)


@pytest.fixture
def apart() -> Iterator[ApartProcess]:
    process = ApartProcess(niceness=5)
    yield process
    process.stop()


@pytest.mark.slow
def test_jobs_run_in_one_lower_priority_child_without_qt(apart: ApartProcess) -> None:
    import PySide6.QtCore  # noqa: F401  # the kiosk's process has Qt loaded

    pid, niceness, qt_loaded = apart.run(where_am_i)

    assert pid != os.getpid()
    assert niceness == os.nice(0) + 5
    assert not qt_loaded
    assert apart.run(where_am_i)[0] == pid  # kept for the next job


@pytest.mark.slow
def test_a_jobs_error_is_raised_to_the_caller_and_the_child_goes_on(apart: ApartProcess) -> None:
    with pytest.raises(ValueError, match="catalogue absent"):
        apart.run(refuse, "catalogue absent")
    assert apart.run(where_am_i)[0] != os.getpid()


@pytest.mark.slow
def test_after_stop_a_new_child_takes_the_next_job(apart: ApartProcess) -> None:
    first = apart.run(where_am_i)[0]
    apart.stop()
    assert apart.run(where_am_i)[0] not in (first, os.getpid())
