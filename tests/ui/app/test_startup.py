"""The attract screen paints before the heavy parts of the kiosk load.

Each profile's real start (``smartcorner run --smoke``, the console script's entry point) runs
in a subprocess that records ``sys.modules`` when the attract screen first paints: the ORM and
the models, the PDF reader, the ESC/POS driver and Pillow load after it, on the worker; the
speech engine, self check-in (its desk, verdict screen and sounds), the fleet heartbeat and the
Click & Collect desk after it too, on the GUI thread once the frame is out; and the log
file (what was logged before it is written to it then).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from kiosk.settings import Settings
from ui.app.idle import IdleMonitor
from ui.app.shell import build_shell
from ui.checkin.self_checkin import SelfCheckin
from ui.events_feed import FeedState
from ui.fleet.desk import FleetDesk
from ui.input.wedge_filter import WedgeFilter
from ui.speech.narrator import Narrator
from ui.theme import ScreenMetrics

ROOT = Path(__file__).resolve().parents[3]
# The console script's body (pyproject.toml: smartcorner = "ui.cli.main:main"), with the
# attract screen's paint recording the modules loaded so far, and the worker threads' count.
PROBE = """
import sys
from ui.app.screens.attract import AttractScreen

seen = {}
paint = AttractScreen.paintEvent

def record(self, event):
    seen.setdefault("modules", sorted(sys.modules))
    # PySide6 makes a class (and all its enums) the first time it is used
    seen.setdefault("classes", sorted(
        f"{name.removeprefix('PySide6.')}.{attr}"
        for name, module in list(sys.modules.items()) if name.startswith("PySide6.Qt")
        for attr in list(vars(module)) if attr.startswith("Q")
    ))
    return paint(self, event)

AttractScreen.paintEvent = record
from ui.cli.main import main

code = main(["run", "--smoke", *sys.argv[1:]])
import json  # not before: the kiosk's start does not need it
print("Qt classes at paint: " + json.dumps(seen.get("classes")))
print("modules at exit: " + json.dumps(sorted(sys.modules)))
print("modules at paint: " + json.dumps(seen.get("modules")))
sys.exit(code)
"""
NOT_BEFORE_PAINT = (
    "sqlalchemy.orm",
    "cryptography",  # the ticket and slip codes (kiosk.codes): 50 ms
    "uuid",  # with platform and _uuid: the first record's nonce, not the first paint's
    "sqlite3",  # the database opens after the first paint (kiosk.db.health names its faults)
    "kiosk.db",  # its fault codes too: the programme's first query names them, after the paint
    "ui.speech.focus_ring",  # drawn the first time speech needs it
    "PySide6.QtPdf",
    "escpos",
    "PIL",
    "PySide6.QtTextToSpeech",
    "PySide6.QtMultimedia",
    "ui.speech.engine",
    "ui.checkin.desk",
    "ui.checkin.self_checkin",
    "ui.sounds",
    "kiosk.fleet",
    "ui.fleet.desk",
    "ui.collect.desk",
    "ui.events.event_card",
    "kiosk.stats",
    "logging.handlers",
    "hardware.qr_camera",  # the device bridge makes its camera status on first use
    "json",  # read when staff have set a voice (and for pactl's answer, after the paint)
    "zoneinfo",  # kiosk.domain.PARIS is made on first use (with sysconfig, to find the zones)
    # hidden until needed: built on first use (ui.widgets.window)
    "ui.widgets.toast",
    "ui.widgets.ticket_view",
    "ui.widgets.idle_overlay",
    "ui.widgets.bottom_bar",  # not on the attract screen: built once its first frame is out
    "ui.widgets.buttons",
    "ui.app.display_power",  # the screen's opening hours apply from the first frame
    "ui.widgets.blackout",
)
# PySide6 makes a class with all its enums when it is first used: Qt's classes that no widget
# of the attract screen needs, made before its first paint only by the kiosk's own code.
QT_NOT_BEFORE_PAINT = (
    # made when the application's style reached a Python event filter (11 enums, 532 members)
    "QtWidgets.QStyle",
    "QtWidgets.QGraphicsDropShadowEffect",  # the toast's shadow
    "QtGui.QImage",  # the simulated printer's paper
    "QtGui.QIcon",  # the buttons' (its ThemeIcon enum alone has 150 members)
    "QtWidgets.QPushButton",
    "QtCore.QProcess",  # speech-dispatcher, pactl, wlopm: none runs before the first paint
    "QtWidgets.QLineEdit",  # the narrator knows text fields and lists by their class names
    "QtWidgets.QAbstractItemView",
)
# Installed after the first paint, not dropped: the room kiosk's self check-in, every
# kiosk's fleet heartbeat.
AFTER_PAINT = {"room": ("ui.checkin.self_checkin", "ui.fleet.desk"), "store": ("ui.fleet.desk",)}


@dataclass(frozen=True)
class FirstPaint:
    modules: list[str]  # loaded when the attract screen first painted
    qt_classes: list[str]  # the PySide6 classes made by then ("QtWidgets.QStyle")
    at_exit: list[str]  # the modules loaded when the start ended


def first_paint(tmp_path: Path, *args: str, **settings: str) -> FirstPaint:
    """What the real start had loaded when the attract screen first painted; ``settings``
    as ``SMARTCORNER_*`` variables (``display_hours="07:30-19:00"``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    env.update({f"SMARTCORNER_{key.upper()}": value for key, value in settings.items()})
    env.update(
        SMARTCORNER_DATA_DIR=str(tmp_path / "data"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ready in "), result.stdout
    found = {
        label: json.loads(line.removeprefix(label))
        for line in lines
        for label in ("Qt classes at paint: ", "modules at exit: ", "modules at paint: ")
        if line.startswith(label)
    }
    assert found["modules at paint: "], "the attract screen never painted"
    return FirstPaint(
        found["modules at paint: "], found["Qt classes at paint: "], found["modules at exit: "]
    )


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["room", "store", "tour"])
def test_the_attract_screen_paints_before_the_database_and_devices_load(
    tmp_path: Path, profile: str
) -> None:
    start = first_paint(tmp_path, "--profile", profile)
    modules = start.modules
    assert "ui.app.screens.attract" in modules
    early = [m for m in modules if any(m == p or m.startswith(f"{p}.") for p in NOT_BEFORE_PAINT)]
    assert early == [], f"loaded before the first paint: {early}"
    assert "QtWidgets.QLabel" in start.qt_classes
    made = sorted(set(start.qt_classes) & set(QT_NOT_BEFORE_PAINT))
    assert made == [], f"Qt classes made before the first paint: {made}"
    assert set(AFTER_PAINT.get(profile, ())) <= set(start.at_exit)
    # the log file opened after the paint holds what was logged before it
    log = (tmp_path / "data" / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert f"started (profile {profile})" in log


@pytest.mark.slow
def test_the_opening_hours_of_the_screen_apply_from_the_first_frame(tmp_path: Path) -> None:
    start = first_paint(tmp_path, display_hours="07:30-19:00", display_days="mon-fri")
    assert "ui.app.display_power" not in start.modules
    assert "ui.app.display_power" in start.at_exit
    log = (tmp_path / "data" / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "display schedule: lit 07:30" in log


def test_a_full_screen_start_sizes_the_theme_once(
    qapp: Any, kiosk_settings: Settings, clock: Any, programme: Any
) -> None:
    """Sized for the panel before the widgets exist: filling the screen re-styles nothing."""
    screen = qapp.primaryScreen()
    shell = build_shell(
        kiosk_settings, app=qapp, clock=clock, events_loader=programme, screen=screen
    )
    try:
        restyled: list[int] = []
        shell.theme.changed.connect(lambda: restyled.append(1))
        shell.window.fill_screen(screen)
        assert shell.theme.metrics == ScreenMetrics.of(screen)
        assert restyled == []
    finally:
        shell.close()


def test_services_deferred_to_the_first_paint_are_installed_then_and_told_to_warm_up(
    qtbot: QtBot, qapp: Any, kiosk_settings: Settings, clock: Any, programme: Any
) -> None:
    shell = build_shell(
        kiosk_settings, app=qapp, clock=clock, events_loader=programme, services_after_paint=True
    )
    try:
        assert shell.service(SelfCheckin) is None
        assert shell.service(FleetDesk) is None
        with qtbot.waitSignal(shell.first_painted, timeout=10_000):
            shell.start()
            shell.window.show()
        assert shell.service(SelfCheckin) is not None
        assert shell.service(FleetDesk) is not None
    finally:
        shell.close()


def test_leaving_the_attract_screen_before_it_ever_paints_still_finishes_the_start(
    qtbot: QtBot, qapp: Any, kiosk_settings: Settings, clock: Any, programme: Any
) -> None:
    """A tap or a badge while the kiosk starts: the attract screen is left before its first
    frame. The programme's first query and the deferred services waited for that frame, so
    the programme said « Chargement… » for ever and self check-in never came."""
    shell = build_shell(
        kiosk_settings, app=qapp, clock=clock, events_loader=programme, services_after_paint=True
    )
    try:
        painted: list[bool] = []
        shell.first_painted.connect(lambda: painted.append(True))
        shell.start()
        shell.router.go("home")  # before any frame: the attract screen was never drawn
        shell.window.show()
        qtbot.waitUntil(lambda: bool(painted), timeout=10_000)
        qtbot.waitUntil(lambda: shell.service(SelfCheckin) is not None, timeout=10_000)
        qtbot.waitUntil(lambda: shell.feed.state is not FeedState.LOADING, timeout=10_000)
    finally:
        shell.close()


def test_the_real_start_installs_the_key_filters_with_the_first_frame_wedge_first(
    qtbot: QtBot,
    qapp: Any,
    kiosk_settings: Settings,
    clock: Any,
    programme: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No filter while the widgets are built and shown (no key can come then); from the first
    frame on, every key reaches the wedge filter first, then the narrator, then the idle
    monitor, as when they are installed at once."""
    seen: list[str] = []
    for kind in (WedgeFilter, Narrator, IdleMonitor):
        original = kind.eventFilter

        def spy(self: QObject, watched: QObject, event: QEvent, _original: Any = original) -> bool:
            if event.type() == QEvent.Type.KeyPress:
                seen.append(type(self).__name__)
            return bool(_original(self, watched, event))

        monkeypatch.setattr(kind, "eventFilter", spy)
    shell = build_shell(
        kiosk_settings, app=qapp, clock=clock, events_loader=programme, services_after_paint=True
    )
    try:
        shift = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
        with qtbot.waitSignal(shell.first_painted, timeout=10_000):
            shell.start(filters_at_first_frame=True)
            QCoreApplication.sendEvent(shell.attract, shift)
            assert seen == []
            shell.window.show()
        QCoreApplication.sendEvent(shell.attract, shift)
        # (a key nobody accepts goes on to the screen's parents: seen again for each)
        assert seen[:3] == ["WedgeFilter", "Narrator", "IdleMonitor"]
    finally:
        shell.close()


def test_the_bottom_bar_built_after_the_first_paint_follows_the_session_and_the_screen(
    qtbot: QtBot, qapp: Any, kiosk_settings: Settings, clock: Any, programme: Any
) -> None:
    """The attract screen does not show the bar: the start builds it a moment after its
    first frame. Built late, it still says what the visitor chose and does what it did."""
    shell = build_shell(
        kiosk_settings, app=qapp, clock=clock, events_loader=programme, services_after_paint=True
    )
    try:
        shell.start(filters_at_first_frame=True)
        shell.session.toggle_language()  # before the bar exists: it must say so once built
        assert not shell.window.has_bottom_bar
        with qtbot.waitSignal(shell.first_painted, timeout=10_000):
            shell.window.show()
        assert not shell.window.has_bottom_bar  # not with the first paint's own slots
        qtbot.waitUntil(lambda: shell.window.has_bottom_bar, timeout=10_000)
        bar = shell.window.bottom_bar
        assert bar.isHidden()  # the attract screen's
        assert bar.language.text() == "Français"
        shell.router.go("home")
        assert bar.isVisible()
        bar.home_clicked.emit()
        bar.language_clicked.emit()
        assert bar.language.text() == "English"
    finally:
        shell.close()
