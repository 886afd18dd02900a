"""Fixtures of the real rigs (registered in tests/conftest.py, for tests/hardware and tests/ui):
a private pcscd with vpcd readers and virtual cards, and the loopback ESC/POS printer.

pcscd 1.9.9 always listens on /run/pcscd/pcscd.comm, so only one can run per mount
namespace. Run the suite inside ``unshare --mount --propagation private`` with a tmpfs on
/run/pcscd to keep clear of a system pcscd (see the report in issue 3); without it, these
tests still run when no other pcscd is up, and skip with the reason otherwise. With
``SMARTCORNER_REQUIRE_RIGS=1`` (CI) a rig that cannot start fails instead of skipping.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import pytest

from tests.hardware.events import wait_until
from tests.helpers.pcscd import (
    PCSCD,
    RUN_DIR,
    SOCKET,
    VPCD_DRIVER,
    Pcscd,
    reader_has_card,
    socket_answers,
)
from tests.helpers.virtual_printer import VirtualPrinter
from tests.helpers.vpcd import VirtualBadge


def _unavailable(reason: str) -> None:
    if os.environ.get("SMARTCORNER_REQUIRE_RIGS") == "1":
        pytest.fail(f"hardware rig required (SMARTCORNER_REQUIRE_RIGS=1): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pcscd_rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pcscd]:
    for path, what in ((PCSCD, "pcscd"), (VPCD_DRIVER, "the vsmartcard-vpcd driver")):
        if not path.exists():
            _unavailable(f"{what} is not installed ({path}): apt-get install pcscd vsmartcard-vpcd")
    try:
        import smartcard.scard  # noqa: F401
    except ImportError as exc:
        _unavailable(f"pyscard is not importable: {exc}")
    if socket_answers():
        _unavailable(
            f"another pcscd already listens on {SOCKET}; run the tests in their own mount "
            "namespace: unshare --mount --propagation private -- sh -c "
            "'mount -t tmpfs tmpfs /run/pcscd && pytest ...'"
        )
    try:
        RUN_DIR.mkdir(parents=True, exist_ok=True)
        probe = RUN_DIR / ".smartcorner-write-probe"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        _unavailable(f"{RUN_DIR} is not writable ({exc}); pcscd 1.9.9 can only listen there")
    # A stale pid file or socket from a killed pcscd makes the next one refuse to start.
    for stale in ("pcscd.pid", "pcscd.comm"):
        with contextlib.suppress(FileNotFoundError):
            (RUN_DIR / stale).unlink()
    rig = Pcscd(tmp_path_factory.mktemp("pcscd"))
    try:
        rig.start()
    except RuntimeError as exc:
        _unavailable(str(exc))
    yield rig
    rig.stop()


@pytest.fixture
def pcscd(pcscd_rig: Pcscd) -> Iterator[Pcscd]:
    """The session's pcscd, running with the vpcd readers at the start of each test."""
    if not pcscd_rig.running or pcscd_rig.current_config != pcscd_rig.config_dir:
        pcscd_rig.stop()
        pcscd_rig.start()
    return pcscd_rig


@pytest.fixture
def badges(pcscd: Pcscd) -> Iterator[list[VirtualBadge]]:
    """Make virtual cards with ``badges_factory``; all are removed after the test."""
    made: list[VirtualBadge] = []
    yield made
    for badge in made:
        badge.remove()
    if pcscd.running:
        # Let pcscd see the reader empty, so the next test starts from a clean reader.
        wait_until(lambda: reader_has_card(pcscd.reader) is not True, what="an empty reader")


@pytest.fixture
def make_badge(pcscd: Pcscd, badges: list[VirtualBadge]):
    def make(uid: bytes, **kwargs) -> VirtualBadge:
        badge = VirtualBadge(uid, pcscd.port, **kwargs)
        badges.append(badge)
        return badge

    return make


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    if report.failed and "pcscd_rig" in getattr(item, "fixturenames", ()):
        rig = item.funcargs.get("pcscd") or item.funcargs.get("pcscd_rig")
        if isinstance(rig, Pcscd):
            report.sections.append(("pcscd log (last 200 lines)", rig.log()))
    return report


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as server:
        yield server
