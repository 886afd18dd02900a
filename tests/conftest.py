"""Shared fixtures. They live in tests/helpers/ modules; this file only registers them."""

import gc
import os
from collections.abc import Iterator

import pytest

# Before anything imports Qt: the tests never need a screen (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.helpers.db",
    "tests.helpers.parallel",
    "tests.helpers.postgres",
    "tests.helpers.rigs",
    "tests.helpers.sqlite_writers",
    "pytester",  # tests/test_parallel.py runs the grouping hook on a small test file
]


@pytest.fixture(autouse=True, scope="session")
def _no_collection_on_worker_threads() -> Iterator[tuple[int, int, int]]:
    """As the kiosk does (ui/app/gc_guard.py): Python's cycle collector would otherwise run on
    whichever thread allocates, and a worker freeing a cycle that holds a Qt object crashes
    the process. Collection happens on the main thread, after each test."""
    threshold = gc.get_threshold()
    gc.disable()
    yield threshold
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test(
    _no_collection_on_worker_threads: tuple[int, int, int],
) -> Iterator[None]:
    yield
    from ui.app.gc_guard import collect_if_due

    collect_if_due(_no_collection_on_worker_threads)
