"""Running the suite on several pytest-xdist workers (``-n 2 --dist loadgroup``, as dev.sh does).

Each worker is a process of its own with its own session fixtures (PostgreSQL server, database
templates) and its own free ports and Xvfb displays. Two things cannot be doubled that way:

- pcscd 1.9.9 always listens on /run/pcscd/pcscd.comm, one per mount namespace, and the workers
  share dev.sh's namespace: every test that uses the pcscd rig is marked ``pcscd``, and
  tests/suite.sh runs them in a process of their own after the parallel run (``-m "not pcscd"``);
- a module-scoped fixture (an application started under Xvfb, a Debian root with the kiosk
  installed) would be built again on each worker that gets one of the module's tests: the
  parallel run distributes whole files (``--dist loadfile``).

The ``xdist_group`` marks say the same for ``--dist loadgroup``, but pytest-xdist 3.8 renames
``item._nodeid`` to group, and pytest 9 reads ``item._id``: under pytest 9 the groups are ignored
(the pcscd tests met on two workers), hence the marker and the file distribution. Without xdist
the marks are inert.
"""

from __future__ import annotations

import os

import pytest

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


def _warm_escpos_capabilities() -> None:
    """python-escpos caches its printer database as a pickle in ESCPOS_CAPABILITIES_PICKLE_DIR
    (dev.sh sets one per run); a process that finds the file while another is still writing it
    reads a truncated pickle. Made here, once, before any worker or kiosk process starts."""
    if os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR"):
        import escpos.capabilities  # noqa: F401
