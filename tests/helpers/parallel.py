"""Running the suite on several pytest-xdist workers (``-n 3 --dist loadfile``, as dev.sh does).

Each worker is a process of its own with its own session fixtures (PostgreSQL server, database
templates) and its own free ports and Xvfb displays. Two things cannot be doubled that way:

- pcscd 1.9.9 always listens on /run/pcscd/pcscd.comm, one per mount namespace, and the workers
  share dev.sh's namespace: every test that uses the pcscd rig is marked ``pcscd``, and
  tests/suite.sh runs them in a process of their own after the parallel run (``-m "not pcscd"``);
- a module-scoped fixture (an application started under Xvfb, a Debian root with the kiosk
  installed) would be built again on each worker that gets one of the module's tests: the
  parallel run distributes whole files (``--dist loadfile``).

Which file goes first: see :class:`LongestFilesFirst` (the files' times are in
tests/file_durations.json; ``pytest --store-durations`` after a whole run writes them again).

The ``xdist_group`` marks say the same for ``--dist loadgroup``, but pytest-xdist 3.8 renames
``item._nodeid`` to group, and pytest 9 reads ``item._id``: under pytest 9 the groups are ignored
(the pcscd tests met on two workers), hence the marker and the file distribution. Without xdist
the marks are inert.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest
from xdist.scheduler import LoadFileScheduling

PCSCD_GROUP = "pcscd"
_SHARED_SCOPES = frozenset({"module", "package", "class"})


def xdist_group_of(item: pytest.Item) -> str | None:
    """The group ``item`` must share a worker with, or None to go wherever is free."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return None
    if "pcscd_rig" in info.names_closure:
        return PCSCD_GROUP
    for definitions in info.name2fixturedefs.values():
        if definitions and definitions[-1].scope in _SHARED_SCOPES:  # the one in force
            return item.nodeid.split("::", 1)[0]  # the test file
    return None


def pytest_itemcollected(item: pytest.Item) -> None:
    """Marked as each test is collected: xdist reads the marks in its own
    pytest_collection_modifyitems, and a modifyitems hook of ours ran after it (even tryfirst),
    so the groups were never seen and the pcscd tests met on two workers."""
    group = xdist_group_of(item)
    if group is not None:
        item.add_marker(pytest.mark.xdist_group(group))
    if group == PCSCD_GROUP:
        item.add_marker(pytest.mark.pcscd)


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        _warm_escpos_capabilities()
    # The controller sees every worker's reports (a worker's config has workerinput; not the
    # environment: a pytest run inside a worker's test inherits it).
    if config.getoption("store_durations") and not hasattr(config, "workerinput"):
        recorder = DurationRecorder(config.rootpath / DURATIONS)
        config.pluginmanager.register(recorder, "file-durations")


def _warm_escpos_capabilities() -> None:
    """python-escpos caches its printer database as a pickle in ESCPOS_CAPABILITIES_PICKLE_DIR
    (dev.sh sets one per run); a process that finds the file while another is still writing it
    reads a truncated pickle. Made here, once, before any worker or kiosk process starts."""
    if os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR"):
        import escpos.capabilities  # noqa: F401


# Seconds each test file took in a whole run (setup, call and teardown of its tests added up),
# written by ``pytest --store-durations``. A file missing from it (a new one) weighs
# UNKNOWN_TEST_S a test, about the suite's average: the order is a little off until the file is
# next written, never a test left out.
DURATIONS = Path("tests", "file_durations.json")  # under the root dir (pyproject.toml's)
UNKNOWN_TEST_S = 1.5


class LongestFilesFirst(LoadFileScheduling):
    """``--dist loadfile``, the longest files handed out first.

    xdist hands files out by their number of tests, most first: the files of a few long tests
    (the Debian root's install, 215 s; the application under Xvfb, 90 s) came in the last
    minutes, where a worker that draws one runs it alone once the other is done. Handing out
    the longest remaining file each time a worker asks (the longest-processing-time rule)
    leaves only short files for the end: the two workers finish within one of them.
    """

    def __init__(self, config: pytest.Config, log: object, seconds: dict[str, float]) -> None:
        super().__init__(config, log)  # type: ignore[arg-type]
        self.seconds = seconds

    def weight(self, scope: str) -> float:
        return self.seconds.get(scope, UNKNOWN_TEST_S * len(self.workqueue[scope]))

    def _assign_work_unit(self, node: object) -> None:
        heaviest = max(self.workqueue, key=self.weight)
        self.workqueue.move_to_end(heaviest, last=False)  # xdist pops the queue's first unit
        super()._assign_work_unit(node)  # type: ignore[arg-type]


def read_durations(path: Path) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): float(v) for k, v in data.items()}


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    if config.getvalue("dist") != "loadfile":
        return None  # xdist's own
    return LongestFilesFirst(config, log, read_durations(config.rootpath / DURATIONS))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--store-durations",
        action="store_true",
        help=f"write each test file's total time to {DURATIONS} (after a whole run)",
    )


class DurationRecorder:
    """Adds up each file's test times as the reports come in (from every xdist worker)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.seconds[report.nodeid.split("::", 1)[0]] += report.duration

    def pytest_sessionfinish(self) -> None:
        rounded = {f: round(s, 1) for f, s in sorted(self.seconds.items())}
        self.path.write_text(json.dumps(rounded, indent=0) + "\n", encoding="utf-8")
