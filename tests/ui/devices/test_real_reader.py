"""The kiosk with its real badge reader stack: pcscd with the vpcd virtual reader, a virtual
card, the PC/SC watcher built from the settings as ``smartcorner run`` builds it, the device
bridge and the screens. Needs the pcscd rig (tests/helpers/rigs.py): it skips without it,
and fails instead in CI (``SMARTCORNER_REQUIRE_RIGS=1``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hardware.devices import Devices, SimulatedTicketPrinter, build_badge_source
from hardware.pcsc_watcher import PcscBadgeWatcher
from tests.helpers.pcscd import Pcscd
from tests.ui.input.test_routing import ProbeScreen
from ui.app.registry import TileRegistry
from ui.devices.device_card import Level
from ui.events.capability import EVENTS
from ui.widgets.toast import ToastKind

UID7 = bytes.fromhex("04A1B2C3D4E5F6")
RANDOM_UID = bytes.fromhex("08C0FFEE")
WAIT_MS = 10_000  # pcscd polls vpcd every ~400 ms; the machine is shared


@pytest.fixture
def kiosk(make_shell: Callable[..., Any], pcscd: Pcscd) -> Any:
    """A kiosk whose reader setting names the rig's reader; the probe screen is shown."""
    shell = make_shell(tiles=TileRegistry([EVENTS]), reader="pcsc:ACR1252")
    shell.window.transition.duration_ms = 0
    probe = ProbeScreen()
    shell.router.register(ProbeScreen.key, lambda: probe)
    shell.router.go(ProbeScreen.key)
    reader = build_badge_source(shell.settings)
    assert isinstance(reader, PcscBadgeWatcher)
    shell.attach_devices(Devices(reader, SimulatedTicketPrinter()))
    shell.probe = probe
    return shell


def test_a_card_on_the_reader_reaches_the_screen_once_with_its_uid(
    qtbot: QtBot, kiosk: Any, make_badge: Any
) -> None:
    card = make_badge(UID7)
    card.insert()
    qtbot.waitUntil(lambda: len(kiosk.probe.badges) == 1, timeout=WAIT_MS)
    assert kiosk.probe.badges[0].uid == UID7
    # held on the reader while the watcher reads its state again (a poll ends): still one
    watcher = kiosk.devices.badges
    seen = watcher.polls
    qtbot.waitUntil(lambda: watcher.polls > seen, timeout=WAIT_MS)
    assert len(kiosk.probe.badges) == 1
    card.remove()
    card.insert()
    qtbot.waitUntil(lambda: len(kiosk.probe.badges) == 2, timeout=WAIT_MS)


def test_a_random_uid_card_is_refused_with_its_message(
    qtbot: QtBot, kiosk: Any, make_badge: Any
) -> None:
    make_badge(RANDOM_UID).insert()
    toast = kiosk.window.toast
    qtbot.waitUntil(lambda: toast.isVisible() and toast.kind is ToastKind.REFUSED, timeout=WAIT_MS)
    assert "ne permet pas de vous identifier" in toast.text
    assert kiosk.probe.badges == []


def test_the_hardware_screen_follows_pcscd_going_down_and_up(
    qtbot: QtBot, kiosk: Any, pcscd: Pcscd
) -> None:
    kiosk.router.go("admin")
    kiosk.router.go("hardware")
    card = kiosk.router.current.reader
    qtbot.waitUntil(lambda: card.level is Level.OK, timeout=WAIT_MS)
    assert card.texts()[1] == "Prêt"
    assert pcscd.reader in card.texts()[2]
    pcscd.stop()
    qtbot.waitUntil(lambda: card.level is Level.ERROR, timeout=WAIT_MS)
    assert card.texts()[1] == "Service des cartes arrêté (pcscd)"
    pcscd.start()
    qtbot.waitUntil(lambda: card.level is Level.OK, timeout=WAIT_MS)
    assert card.texts()[1] == "Prêt"
