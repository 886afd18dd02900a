"""Administration of the devices: the hardware screen, the badge simulator, the on-screen ticket."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from hardware.badge_simulator import SimulatedBadgeSource
from hardware.devices import Devices, SimulatedTicketPrinter, build_printer
from hardware.qr_camera import CameraState, CameraStatus
from kiosk.db.models import Person
from kiosk.domain import PersonKind, Role
from kiosk.identity import demo_badge_uid
from kiosk.ports import PrinterState, PrinterStatus, PrintResult, Receipt, ReceiptLine
from tests.helpers.keys import Scanner
from tests.ui.input.test_routing import ProbeScreen
from ui.devices.device_card import GLYPHS, Level

CREATED = datetime(2026, 1, 5, tzinfo=UTC)


def tap(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def agents(session_factory: sessionmaker[Session]) -> dict[str, int]:
    with session_factory() as session:
        people = [
            Person(kind=PersonKind.AGENT, first_name=first, last_name=last, role=Role.AGENT,
                   matricule=f"M{n}", created_at=CREATED)
            for n, (first, last) in enumerate(
                [("Hélène", "Martin"), ("Karim", "Benali"), ("Lucie", "Rossi")]
            )
        ]  # fmt: skip
        session.add_all(people)
        session.commit()
        return {p.first_name: p.id for p in people}


class CountingPrinter(SimulatedTicketPrinter):
    """The simulated printer, counting the status questions."""

    def __init__(self, on_preview: Any) -> None:
        super().__init__(on_preview)
        self.asked = 0

    def request_status(self, on_status: Any) -> None:
        self.asked += 1
        super().request_status(on_status)


@pytest.fixture
def kiosk(make_shell: Any, sqlite_url: str, agents: dict[str, int]) -> Any:
    """A demo kiosk (simulated reader and printer) on a database with three agents."""
    shell = make_shell(db_url=sqlite_url)
    shell.window.transition.duration_ms = 0
    printer = CountingPrinter(on_preview=shell.bridge.on_ticket_preview)  # as ui.app.run builds it
    shell.attach_devices(Devices(SimulatedBadgeSource(), printer))
    probe = ProbeScreen()
    shell.router.register(ProbeScreen.key, lambda: probe)
    shell.probe, shell.agents = probe, agents
    return shell


def enter_admin(shell: Any) -> Any:
    """The visitor is on the probe screen; an operator opens the administration."""
    shell.router.go(ProbeScreen.key)
    shell.router.go("pin")
    shell.router.go("admin", remember=False)
    return shell.router.current


def test_the_admin_screen_leads_to_the_hardware_and_the_simulator(qtbot: QtBot, kiosk: Any) -> None:
    admin = enter_admin(kiosk)
    assert admin.simulator.isVisible()
    tap(qtbot, admin.hardware)
    assert kiosk.router.current_key == "hardware"
    tap(qtbot, kiosk.router.current.back)
    tap(qtbot, admin.simulator)
    assert kiosk.router.current_key == "badge_simulator"


def test_a_kiosk_with_a_real_reader_has_no_simulator(qtbot: QtBot, make_shell: Any) -> None:
    shell = make_shell(reader="pcsc")
    shell.router.go("admin")
    assert not shell.router.current.simulator.isVisible()
    assert shell.router.current.hardware.isVisible()


def test_tapping_an_agent_taps_their_demo_badge_on_the_visitors_screen(
    qtbot: QtBot, kiosk: Any
) -> None:
    tap(qtbot, enter_admin(kiosk).simulator)
    simulator = kiosk.router.current
    qtbot.waitUntil(lambda: len(simulator.buttons) == 3, timeout=3000)
    assert [b.text().split("\n")[0] for b in simulator.buttons] == [
        "Karim BENALI", "Hélène MARTIN", "Lucie ROSSI",
    ]  # fmt: skip
    simulator.field.setText("helene")
    qtbot.waitUntil(lambda: len(simulator.buttons) == 1, timeout=3000)
    tap(qtbot, simulator.buttons[0])
    assert kiosk.router.current_key == ProbeScreen.key  # out of the administration first
    qtbot.waitUntil(lambda: len(kiosk.probe.badges) == 1, timeout=3000)
    assert kiosk.probe.badges[0].uid == demo_badge_uid(kiosk.agents["Hélène"])
    kiosk.router.back()
    assert kiosk.router.current_key == "attract"  # the administration left no trace behind


def test_an_unknown_badge_and_a_random_uid_card(qtbot: QtBot, kiosk: Any) -> None:
    known = {demo_badge_uid(person_id) for person_id in kiosk.agents.values()}
    tap(qtbot, enter_admin(kiosk).simulator)
    tap(qtbot, kiosk.router.current.unknown)
    qtbot.waitUntil(lambda: len(kiosk.probe.badges) == 1, timeout=3000)
    uid = kiosk.probe.badges[0].uid
    assert len(uid) == 7
    assert uid not in known
    tap(qtbot, enter_admin(kiosk).simulator)
    with qtbot.waitSignal(kiosk.input_router.badge_refused, timeout=3000):
        tap(qtbot, kiosk.router.current.random_card)
    assert len(kiosk.probe.badges) == 1  # a random-ID card is offered to nobody
    assert "ne permet pas de vous identifier" in kiosk.window.toast.text


def test_nobody_found_says_so_and_the_search_is_wiped_at_reset(qtbot: QtBot, kiosk: Any) -> None:
    tap(qtbot, enter_admin(kiosk).simulator)
    simulator = kiosk.router.current
    simulator.field.setText("zzz")
    qtbot.waitUntil(lambda: simulator.status.text() == "Aucun agent ne s’appelle ainsi.")
    assert simulator.buttons == []
    kiosk.reset_session()
    assert simulator.field.text() == ""


def test_the_hardware_screen_shows_each_device_live(qtbot: QtBot, kiosk: Any) -> None:
    tap(qtbot, enter_admin(kiosk).hardware)
    screen = kiosk.router.current
    qtbot.waitUntil(lambda: screen.reader.level is Level.OK, timeout=3000)
    assert screen.reader.texts()[1] == "Prêt"
    assert screen.reader.glyph.icon_name == "circle-check"
    assert "Aucun badge lu" in " ".join(screen.reader.texts())
    qtbot.waitUntil(lambda: screen.printer.level is Level.OK, timeout=3000)
    assert "simulée" in " ".join(screen.printer.texts())
    assert screen.camera.level is Level.OFF
    assert screen.camera.glyph.icon_name == "circle-minus"
    assert "SMARTCORNER_CAMERA=1" in " ".join(screen.camera.texts())

    kiosk.devices.badges.tap(bytes.fromhex("04A1B2C3D4E5F6"))
    qtbot.waitUntil(lambda: "Dernier badge lu\u202f: 14:27" in screen.reader.texts(), timeout=3000)
    assert not kiosk.window.toast.isVisible()  # testing the reader here is using the badge
    assert not any("04A1" in text.upper() for text in screen.reader.texts())

    kiosk.bridge.on_scan("SCA.SECRETPAYLOADVALUE", "camera")
    qtbot.waitUntil(lambda: "SCA.SE" in " ".join(screen.scanner.texts()), timeout=3000)
    shown = " ".join(screen.scanner.texts())
    assert "caméra" in shown
    assert "14:27" in shown
    assert "SECRETPAYLOAD" not in shown  # only the first characters

    kiosk.bridge.on_printer_status(PrinterStatus(PrinterState.PAPER_OUT))
    qtbot.waitUntil(lambda: screen.printer.texts()[1] == "Plus de papier", timeout=3000)
    assert screen.printer.level is Level.ERROR
    # the level is told by the glyph's shape too, not by its colour alone
    assert screen.printer.glyph.icon_name == "alert-octagon"
    assert len(set(GLYPHS.values())) == len(Level)
    kiosk.bridge.on_camera_status(CameraStatus(CameraState.FAILED, "Device busy"))
    qtbot.waitUntil(lambda: screen.camera.level is Level.ERROR, timeout=3000)
    assert "Device busy" in screen.camera.texts()


def test_the_printer_is_asked_only_while_the_screen_is_shown(
    qtbot: QtBot, kiosk: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.devices import hardware_screen as hardware

    monkeypatch.setattr(hardware, "STATUS_REFRESH_MS", 50)
    printer = kiosk.devices.printer
    asked = printer.asked
    tap(qtbot, enter_admin(kiosk).hardware)
    screen = kiosk.router.current
    qtbot.waitUntil(lambda: printer.asked >= asked + 3, timeout=3000)
    kiosk.router.back()
    assert not screen._refresh.isActive()  # no more questions once it is hidden


def test_other_modules_add_sections_below_the_devices(qtbot: QtBot, kiosk: Any) -> None:
    from PySide6.QtWidgets import QLabel

    kiosk.hardware_sections.append(lambda: QLabel("File d’impression", objectName="spoolProbe"))
    tap(qtbot, enter_admin(kiosk).hardware)
    section = kiosk.router.current.findChild(QLabel, "spoolProbe")
    assert section is not None
    assert section.isVisible()


def test_the_simulated_printer_shows_the_ticket_until_the_idle_reset(
    qtbot: QtBot, kiosk: Any
) -> None:
    receipt = Receipt(
        title="Ticket d'accueil",
        kiosk="Smart Corner",
        lines=(ReceiptLine("Motif", "Messagerie"),),
        big_number="M-042",
        qr_payload="SCA.ABCDEFGH",
    )
    done: list[PrintResult] = []
    with qtbot.waitSignal(kiosk.bridge.ticket_printed, timeout=3000):
        kiosk.devices.printer.print_receipt(receipt, done.append)
    panel = kiosk.window.ticket
    assert panel.isVisible()
    assert "Ticket d'accueil" in " ".join(panel.preview.texts)
    assert len(panel.preview.images) == 1  # the QR, drawn from the bytes' GS ( k
    assert panel.paper.pixmap().height() > 400
    assert kiosk.window.rect().contains(panel.geometry())
    kiosk.router.go(ProbeScreen.key)
    kiosk.idle.set_durations(50, 50)
    with qtbot.waitSignal(kiosk.idle.session_reset, timeout=3000):
        pass
    assert not panel.isVisible()


def test_the_ticket_preview_closes_with_its_flow(qtbot: QtBot, kiosk: Any) -> None:
    """A receipt names its agent: "Retour" or "Accueil" takes the preview away at once."""
    kiosk.router.go(ProbeScreen.key)
    receipt = Receipt(
        title="Retrait Click & Collect",
        kiosk="Smart Corner",
        lines=(ReceiptLine("Agent", "Hélène DUPONT"), ReceiptLine("N° de série", "SN0042")),
    )
    with qtbot.waitSignal(kiosk.bridge.ticket_printed, timeout=3000):
        kiosk.devices.printer.print_receipt(receipt, lambda _result: None)
    panel = kiosk.window.ticket
    assert panel.isVisible()
    kiosk.router.back()  # "Retour": the flow is over, the home screen comes up
    assert not panel.isVisible()


def test_the_scanner_card_shows_how_the_scanner_is_set_and_the_last_code_it_typed(
    qtbot: QtBot, make_shell: Any, sqlite_url: str
) -> None:
    shell = make_shell(db_url=sqlite_url, scanner_prefix="]Q", scanner_suffix="tab")
    shell.window.transition.duration_ms = 0
    shell.router.register(ProbeScreen.key, ProbeScreen)
    screen = enter_admin(shell)
    tap(qtbot, screen.hardware)
    screen = shell.router.current
    shown = " ".join(screen.scanner.texts())
    assert "préfixe «\u202f]Q\u202f», suffixe Tab, 50 ms" in shown
    assert "Aucun code lu" in shown
    # What a programmed USB scanner sends: its prefix, Shift around each capital, then Tab
    Scanner(screen).scan("]QSCA.SHIFTEDCODE", 4, end="\t")
    qtbot.waitUntil(lambda: "SCA.SH" in " ".join(screen.scanner.texts()), timeout=3000)
    shown = " ".join(screen.scanner.texts())
    assert "douchette" in shown
    assert "]Q" not in shown.split("Dernier code")[1]  # the prefix is not part of the code


def test_the_printer_card_names_an_absent_usb_printer_in_staff_words(
    qtbot: QtBot, make_shell: Any, sqlite_url: str
) -> None:
    shell = make_shell(db_url=sqlite_url, printer="usb://04b8:0202")
    shell.window.transition.duration_ms = 0
    shell.router.register(ProbeScreen.key, ProbeScreen)
    printer = build_printer(shell.settings, on_status=shell.bridge.on_printer_status)
    shell.attach_devices(Devices(SimulatedBadgeSource(), printer))  # pyusb on the real libusb
    tap(qtbot, enter_admin(shell).hardware)
    screen = shell.router.current
    qtbot.waitUntil(lambda: screen.printer.texts()[1] == "Injoignable", timeout=10_000)
    assert "imprimante USB 04b8:0202 introuvable" in screen.printer.texts()
    assert screen.printer.level is Level.ERROR


@pytest.mark.parametrize(
    ("reader", "words"),
    [
        ("pcsc", "Premier lecteur PC/SC trouvé"),
        ("pcsc:ACR122", "Lecteur PC/SC dont le nom contient «\u202fACR122\u202f»"),
    ],
)
def test_a_reader_not_yet_seen_is_named_by_its_setting_in_words(
    qtbot: QtBot, make_shell: Any, reader: str, words: str
) -> None:
    """Before the reader reports, the card said the bridge's "not started" (English, a code)."""
    shell = make_shell(reader=reader)
    shell.window.transition.duration_ms = 0
    shell.router.go("hardware")
    screen = shell.router.current
    texts = screen.reader.texts()
    assert words in texts
    assert not any("not started" in text for text in texts)
    assert screen.printer.texts()[2] == "Réglage «\u202fprinter\u202f»\u202f: aucune"
