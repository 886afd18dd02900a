"""Screenshots of what the kiosk shows when it protects itself or the visitor.

« Borne hors service » for each storage fault, and the RGPD line with its « En savoir plus »
details on every form that collects personal data (the door's visitor form, the help
description, the Click & Collect signature), in French and English, at the panel's size.
Called by tools.screenshots.main; the pictures are looked at, not compared.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def shoot_hardening(
    app: QApplication,
    outdir: Path,
    settle: Callable[[], None],
    now: datetime,
    tmp: Path,
    size: tuple[int, int],
    px_per_mm: float,
) -> list[Path]:
    from kiosk.db.health import StorageFault, remedies
    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Language, Profile, Settings
    from ui.app.screens.out_of_service import OutOfServiceScreen
    from ui.app.shell import OUT_OF_SERVICE, Shell, build_shell
    from ui.checkin.door import DoorScreen, Page
    from ui.collect.pickup import PickupScreen
    from ui.help.screen import HelpScreen
    from ui.screens.pin import PinScreen
    from ui.theme import ScreenMetrics
    from ui.widgets.privacy import PrivacyLine

    suffix = f"-{size[0]}x{size[1]}"
    shots: list[Path] = []

    def shoot(shell: Shell, name: str) -> None:
        settle()
        path = outdir / f"{name}{suffix}.png"
        shell.window.grab().save(str(path))
        shots.append(path)

    def make(profile: Profile) -> Shell:
        settings = Settings(
            speech_engine="none",
            profile=profile,
            paths=Paths(data_dir=tmp / profile.value, config_file=None),
            kiosk_name="Smart Corner",
            privacy_contact="dpd@departement06.fr",
        )
        shell = build_shell(
            settings, app=app, clock=FixedClock(now), events_loader=lambda n, limit: []
        )
        shell.theme.set_screen(ScreenMetrics(size[0], size[1], px_per_mm))
        shell.window.resize(*size)
        shell.window.transition.duration_ms = 0
        shell.start()
        shell.window.show()
        return shell

    def details(shell: Shell, line: PrivacyLine, name: str, lang: Language) -> None:
        shoot(shell, f"{name}-{lang.value}")
        QTest.mouseClick(line.more, Qt.MouseButton.LeftButton)
        shoot(shell, f"{name}-details-{lang.value}")
        if line.details is not None:
            line.details.close_details()

    room = make(Profile.ROOM)
    data = tmp / "data"
    for lang in Language:
        room.session.set_language(lang)
        for fault in StorageFault:
            screen = room.router.screen(OUT_OF_SERVICE)
            assert isinstance(screen, OutOfServiceScreen)
            screen.show_fault(fault, remedies(fault, data, data / "backups"))
            room.router.go(OUT_OF_SERVICE, remember=False)
            shoot(room, f"room-out-of-service-{fault.value}-{lang.value}")
        room.router.reset()
        room.router.go("pin")
        pin = room.router.current
        assert isinstance(pin, PinScreen)
        for _ in range(6):  # past the limit: the pad says until when it is locked
            for digit in "0000":
                pin.type_digit(digit)
            pin.pad.submit()
        shoot(room, f"room-pin-locked-{lang.value}")
        room.router.reset()
        room.router.go("door")
        door = room.router.current
        assert isinstance(door, DoorScreen)
        door._go(Page.VISITOR)
        details(room, door.visitor.privacy, "room-door-visitor-privacy", lang)
        room.router.reset()
    room.close()

    store = make(Profile.STORE)
    for lang in Language:
        store.session.set_language(lang)
        store.router.go("help")
        help_screen = store.router.current
        assert isinstance(help_screen, HelpScreen)
        help_screen._show_page(help_screen.describe)
        details(store, help_screen.describe.privacy, "store-help-describe-privacy", lang)
        store.router.reset()
        store.router.go("collect")
        pickup = store.router.current
        assert isinstance(pickup, PickupScreen)
        pickup._stack.setCurrentWidget(pickup.confirm_page)
        details(store, pickup.confirm_page.privacy, "store-collect-signature-privacy", lang)
        store.router.reset()
    store.close()
    settle()
    return shots
