"""Mode accueil end to end: the whole kiosk, badges on the real pcscd through vpcd, the visitor
pass through the durable spool to the loopback ESC/POS printer, decoded from its bytes.

A staff badge unlocks the door, a registered agent's badge checks her in, staff register an
external visitor whose pass comes out of the printer; the QR code read back from the paper,
scanned at the door as a keyboard-wedge burst, is recognised (already checked in); the
attendance export lists both.
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from hardware.devices import Devices, build_badge_source, build_link
from hardware.print_spooler import PrintSpooler
from kiosk.codes import write_key_pair
from kiosk.db.models import Event
from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.printing.spool import SpoolOpener
from kiosk.settings import Profile, Settings
from tests.helpers.checkin_world import ALICE_UID, NOW, SITE_KEY, STAFF_UID, World, build_world
from tests.helpers.escpos_decode import Decoded, decode
from tests.helpers.keys import Keyboard
from tests.helpers.pcscd import Pcscd
from tests.helpers.virtual_printer import VirtualPrinter
from tests.helpers.vpcd import VirtualBadge
from ui.checkin.door import DoorScreen, Page
from ui.checkin.verdicts import Tone
from ui.data import KioskDatabase

pytestmark = pytest.mark.slow

KIOSK_NAME = "Smart Room — entrée"  # the world's kiosk K1


@pytest.fixture
def paris_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    world = build_world(session_factory)
    with session_factory.begin() as session:  # external visitors welcome at the masterclass
        session.execute(
            update(Event).where(Event.id == world.masterclass).values(open_to_external=True)
        )
    return world


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str, printer: VirtualPrinter) -> Settings:
    site_key = tmp_path / "site.key"
    fd = os.open(site_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(SITE_KEY.hex() + "\n")
    keys = tmp_path / "keys"
    write_key_pair(keys / "signing.pem", keys / "verify.pem")  # this kiosk issues passes
    (tmp_path / "usb").mkdir()
    return Settings(
        paths=Paths(data_dir=tmp_path / "data", config_file=None),
        profile=Profile.ROOM,
        db_url=sqlite_url,
        kiosk_name=KIOSK_NAME,
        kiosk_code="K1",
        site_key_file=site_key,
        ticket_private_key=keys / "signing.pem",
        ticket_public_key=keys / "verify.pem",
        reader="pcsc",
        printer=printer.url + "?profile=TM-T88V",
        export_dir=tmp_path / "usb",
    )


@pytest.fixture
def kiosk(
    qtbot: QtBot, qapp: Any, world: World, settings: Settings, pcscd: Pcscd, paris_time: None
) -> Iterator[Any]:
    from ui.app.shell import build_shell

    clock = FixedClock(NOW)
    database = KioskDatabase.for_settings(settings)
    shell = build_shell(
        settings,
        app=qapp,
        clock=clock,
        events_loader=lambda now, limit: [],
        on_quit=lambda: None,
        database=database,
    )
    shell.window.resize(1920, 1080)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    qtbot.waitExposed(shell.window)
    # The kiosk's own devices, as hardware.devices.build_devices makes them, except that the
    # spooler keeps the world's clock (jobs are due and expire by the kiosk's time).
    opener = SpoolOpener(settings.database_url)
    spooler = PrintSpooler(
        opener, build_link(settings), clock=clock, close_spool=opener.close, kiosk_name=KIOSK_NAME
    )
    spooler.on_job = shell.bridge.on_print_job
    spooler.start()
    shell.attach_devices(Devices(build_badge_source(settings), spooler))
    yield shell
    shell.close()
    database.close()


def tap(qtbot: QtBot, badge: VirtualBadge, until: Any) -> None:
    """A badge laid on the reader until the screen shows what it did, then taken away."""
    badge.insert()
    try:
        qtbot.waitUntil(until, timeout=10_000)
    finally:
        badge.remove()


def test_a_door_session_with_real_badges_and_a_printed_visitor_pass(
    qtbot: QtBot,
    kiosk: Any,
    world: World,
    pcscd: Pcscd,
    make_badge: Any,
    printer: VirtualPrinter,
    tmp_path: Path,
) -> None:
    kiosk.router.go("door")
    door = kiosk.router.current
    assert isinstance(door, DoorScreen)
    qtbot.waitUntil(lambda: door.desk.is_ready, timeout=10_000)

    tap(
        qtbot, make_badge(STAFF_UID), lambda: door.page is Page.EVENTS and bool(door.picker.buttons)
    )
    assert door.staff_id == world.staff
    qtbot.mouseClick(door.picker.buttons[0], qtbot_left())
    qtbot.waitUntil(lambda: door.page is Page.DOOR and door.state is not None, timeout=5000)
    assert door.selected is not None
    assert door.selected.info.id == world.masterclass

    tap(qtbot, make_badge(ALICE_UID), lambda: door.banner.tone is Tone.GREEN)
    qtbot.waitUntil(lambda: "Alice Martin" in door.banner.text, timeout=5000)
    qtbot.waitUntil(lambda: door.present.number.text() == "1", timeout=5000)

    qtbot.mouseClick(door.pass_button, qtbot_left())
    assert door.page is Page.VISITOR
    form = door.visitor
    for field, text in ((form.first_name, "camille"), (form.last_name, "roux"),
                        (form.organisation, "mairie de nice")):  # fmt: skip
        qtbot.mouseClick(field, qtbot_left())  # a touch on the field, then the keys
        for char in text:
            key = form.keyboard.space if char == " " else form.keyboard.key_for(char)
            qtbot.mouseClick(key, qtbot_left())
    assert (form.first_name.text(), form.last_name.text()) == ("Camille", "Roux")  # capitals
    assert form.form().organisation == "Mairie de nice"  # its first letter only
    qtbot.mouseClick(form.save, qtbot_left())
    qtbot.waitUntil(lambda: door.message.text() == "Laissez-passer en impression.", timeout=5000)

    printed = printed_pass(qtbot, printer)
    text = " ".join(" ".join(printed.texts).split())  # lines joined: wrapped titles too
    for expected in ("Laissez-passer visiteur", "Camille Roux", "Mairie de nice",
                     "masterclass test", "20/05/2026", "10:00 – 12:00", KIOSK_NAME):  # fmt: skip
        assert expected in text
    assert printed.cuts == 1
    [payload] = printed.qr_payloads
    assert payload.startswith("SCA.")  # a signed ticket: the pass opens the door again

    # The pass read back at the door by a keyboard-wedge scanner: Camille is in already.
    Keyboard(kiosk.window).type(payload, gap_ms=4)
    qtbot.waitUntil(lambda: door.banner.tone is Tone.AMBER, timeout=5000)
    assert "Camille" in door.banner.text
    qtbot.waitUntil(lambda: door.present.number.text() == "2", timeout=5000)

    qtbot.mouseClick(door.export, qtbot_left())
    qtbot.waitUntil(lambda: any((tmp_path / "usb").glob("presences-*.csv")), timeout=5000)
    [export] = (tmp_path / "usb").glob("presences-*.csv")
    rows = list(csv.DictReader(export.open(encoding="utf-8")))
    present = sorted(r["first_name"] for r in rows if r["status"] == "present")
    assert present == ["Alice", "Camille"]


def printed_pass(qtbot: QtBot, printer: VirtualPrinter) -> Decoded:
    """The one ticket that came out (the printer's other connections are status queries)."""
    tickets: list[Decoded] = []

    def cut() -> bool:
        tickets[:] = [d for d in map(decode, printer.printed()) if d.cuts]
        return bool(tickets)

    qtbot.waitUntil(cut, timeout=15_000)
    [ticket] = tickets
    return ticket


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
