"""Self check-in inside the whole kiosk: from any screen, and gone after an idle reset."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.codes import TicketIssuer, write_key_pair
from kiosk.ports import BadgePresented, FixedClock
from kiosk.settings import Profile, Settings, with_overrides
from tests.helpers.checkin_world import ALICE_UID, NOW, UNKNOWN_UID, World
from tests.ui.conftest import FakeProgramme
from ui.checkin.self_checkin import PENDING_AFTER_MS, SelfCheckin
from ui.checkin.verdict_panel import PALETTES, VerdictPanel
from ui.checkin.verdicts import Tone
from ui.data import KioskDatabase
from ui.input.bridge import ScanSource
from ui.widgets.crossfade import FADE_MS


@pytest.fixture
def kiosk(
    qtbot: QtBot, qapp: Any, world: World, world_clock: FixedClock, checkin_settings: Settings
) -> Iterator[Any]:
    from ui.app.shell import build_shell

    database = KioskDatabase.for_settings(checkin_settings)
    shell = build_shell(
        checkin_settings,
        app=qapp,
        clock=world_clock,
        events_loader=FakeProgramme([]),
        on_quit=lambda: None,
        database=database,
    )
    shell.window.resize(1920, 1080)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    qtbot.waitExposed(shell.window)
    checkin = shell.service(SelfCheckin)
    assert isinstance(checkin, SelfCheckin)
    with qtbot.waitSignal(checkin.desk.ready, timeout=10_000):
        checkin.desk.warm_up()
    yield shell
    shell.close()
    database.close()


def badge(shell: Any, qtbot: QtBot, uid: bytes) -> SelfCheckin:
    checkin: SelfCheckin = shell.service(SelfCheckin)
    with qtbot.waitSignal(
        checkin.verdict_shown, timeout=5000, check_params_cb=lambda v: v.tone is not Tone.PENDING
    ):
        shell.bridge.on_badge_event(BadgePresented(uid, "ACS ACR1252"))
    return checkin


@pytest.mark.parametrize("screen", ["attract", "home", "events"])
def test_a_badge_on_any_screen_gives_a_verdict_and_leaves_the_person_there(
    kiosk: Any, qtbot: QtBot, screen: str
) -> None:
    if screen != "attract":
        kiosk.router.go(screen)
    checkin = badge(kiosk, qtbot, ALICE_UID)
    assert checkin.view is not None
    assert checkin.view.tone is Tone.GREEN
    assert checkin.panel.isVisible()
    assert checkin.panel.geometry() == kiosk.window.rect()  # covers the bottom bar too
    qtbot.mouseClick(checkin.panel, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not checkin.showing
    assert kiosk.router.current_key == screen


def test_idle_reset_wipes_the_verdict(kiosk: Any, qtbot: QtBot) -> None:
    kiosk.router.go("events")
    checkin = badge(kiosk, qtbot, UNKNOWN_UID)
    assert checkin.showing
    kiosk.idle.set_durations(30, 30)
    kiosk.idle.poke()
    with qtbot.waitSignal(kiosk.idle.session_reset, timeout=3000):
        pass
    assert not checkin.showing
    assert checkin.panel.view is None
    assert kiosk.router.current_key == "attract"


def test_only_room_kiosks_check_in_by_themselves(
    qtbot: QtBot, qapp: Any, world: World, world_clock: FixedClock, checkin_settings: Settings
) -> None:
    from ui.app.shell import build_shell

    database = KioskDatabase.for_settings(checkin_settings)
    shell = build_shell(
        with_overrides(checkin_settings, profile=Profile.STORE),
        app=qapp,
        clock=world_clock,
        events_loader=FakeProgramme([]),
        on_quit=lambda: None,
        database=database,
    )
    try:
        assert shell.service(SelfCheckin) is None
    finally:
        shell.close()
        database.close()


@pytest.mark.parametrize("answer_after_ms", [0, 2000])
def test_on_the_attract_screen_the_verdict_is_painted_whenever_the_answer_comes(
    kiosk: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answer_after_ms: int
) -> None:
    """An answer back before "Vérification…" is painted (0 ms), or long after it (2 s): either
    way the green verdict is what the window shows, and the next tap is the visitor's."""
    checkin: SelfCheckin = kiosk.service(SelfCheckin)
    desk = checkin.desk
    real_check_in = desk.check_in
    answers: list[Any] = []  # the real service's answer, recorded in the database first
    identity = desk.badge_identity(ALICE_UID)
    assert identity is not None
    real_check_in(identity, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)

    def answered(identity: Any, on_done: Any, on_error: Any = None, **kw: Any) -> None:
        if answer_after_ms:
            QTimer.singleShot(answer_after_ms, lambda: on_done(answers[0]))
        else:
            on_done(answers[0])  # before anything could be painted

    monkeypatch.setattr(desk, "check_in", answered)
    shown: list[Tone] = []
    checkin.verdict_shown.connect(lambda view: shown.append(view.tone))
    assert kiosk.router.current_key == "attract"
    kiosk.bridge.on_badge_event(BadgePresented(ALICE_UID, "ACS ACR1252"))
    qtbot.waitUntil(lambda: Tone.GREEN in shown, timeout=5000)
    assert shown[-1] is Tone.GREEN
    assert (Tone.PENDING in shown) is bool(answer_after_ms)
    painted = kiosk.window.grab().toImage().pixelColor(QPoint(20, 20))
    assert painted.name() == PALETTES[Tone.GREEN].background.lower()
    qtbot.mouseClick(checkin.panel, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not checkin.showing  # the tap closed the verdict...
    attract = kiosk.router.current
    with qtbot.waitSignal(attract.start_requested, timeout=2000):  # ...and the next one is seen
        qtbot.mouseClick(attract, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))


@pytest.mark.parametrize("answer_after_ms", [0, 30, 100, 2000])
def test_a_verdict_during_the_cross_fade_back_to_the_attract_screen_is_painted_on_top(
    kiosk: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answer_after_ms: int
) -> None:
    """The answer lands at each stage of the real 200 ms cross-fade onto the attract screen:
    before "Vérification…" (0 and 30 ms), while it is shown with the fade running (100 ms), and
    after the fade (2 s). The window's own buffer — what was flushed to the screen, not a fresh
    render of the widgets — shows the green verdict over the fading image, and the tap that
    closes it is the only one the panel takes."""
    transition = kiosk.window.transition
    transition.duration_ms = FADE_MS
    kiosk.router.go("events")
    qtbot.waitUntil(lambda: not transition.running, timeout=3000)
    checkin: SelfCheckin = kiosk.service(SelfCheckin)
    desk = checkin.desk
    answers: list[Any] = []  # the real service's answer, recorded in the database first
    identity = desk.badge_identity(ALICE_UID)
    assert identity is not None
    desk.check_in(identity, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)

    def answered(identity: Any, on_done: Any, on_error: Any = None, **kw: Any) -> None:
        if answer_after_ms:
            QTimer.singleShot(answer_after_ms, lambda: on_done(answers[0]))
        else:
            on_done(answers[0])

    monkeypatch.setattr(desk, "check_in", answered)
    shown: list[Tone] = []
    checkin.verdict_shown.connect(lambda view: shown.append(view.tone))
    kiosk.reset_session()  # an idle reset: back to the attract screen, fading
    assert kiosk.router.current_key == "attract"
    assert transition.running
    kiosk.bridge.on_badge_event(BadgePresented(ALICE_UID, "ACS ACR1252"))
    qtbot.waitUntil(lambda: Tone.GREEN in shown, timeout=5000)
    assert (Tone.PENDING in shown) is (answer_after_ms > PENDING_AFTER_MS)
    assert transition.running is (answer_after_ms < FADE_MS)
    window = kiosk.window
    flushed = window.screen().grabWindow(window.winId()).toImage()
    for point in (QPoint(20, 20), QPoint(960, 540), QPoint(1900, 1060)):
        assert flushed.pixelColor(point).name() == PALETTES[Tone.GREEN].background.lower()
        assert window.childAt(point) is checkin.panel
    qtbot.mouseClick(checkin.panel, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not checkin.showing
    qtbot.waitUntil(lambda: not transition.running, timeout=3000)
    attract = kiosk.router.current
    with qtbot.waitSignal(attract.start_requested, timeout=2000):
        qtbot.mouseClick(attract, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))


def visible_texts(root: QWidget) -> str:
    """Every text a passer-by could read in ``root``: labels, buttons, fields, and the words
    the verdict panel paints itself, shown only."""
    texts = [
        w.text()
        for w in root.findChildren(QWidget)
        if w.isVisible() and isinstance(w, QLabel | QAbstractButton | QLineEdit)
    ]
    for panel in root.findChildren(VerdictPanel):
        if panel.isVisible() and panel.view is not None:
            texts += [panel.view.title, *panel.view.details, panel.view.action]
    return " ".join(texts)


@pytest.fixture
def ticket_issuer(checkin_settings: Settings) -> TicketIssuer:
    """This kiosk's ticket keys, written before the kiosk starts so that it reads tickets."""
    checkin_settings.ticket_public_key_path.parent.mkdir(parents=True, exist_ok=True)
    key = write_key_pair(
        checkin_settings.ticket_private_key_path, checkin_settings.ticket_public_key_path
    )
    return TicketIssuer(key)


@pytest.mark.parametrize("by", ["badge", "ticket"])
def test_a_check_in_walked_to_the_idle_reset_leaves_no_personal_datum_on_screen(
    ticket_issuer: TicketIssuer, kiosk: Any, qtbot: QtBot, world: World, by: str
) -> None:
    """Scanned on the attract screen, the verdict names the person and their event; they tap
    it away, open the kiosk, scan once more and leave with the verdict up. The real idle timer
    runs out: neither the attract screen nor the next visitor's first screen reads any of it."""
    checkin: SelfCheckin = kiosk.service(SelfCheckin)

    def present() -> None:
        with qtbot.waitSignal(
            checkin.verdict_shown,
            timeout=5000,
            check_params_cb=lambda v: v.tone is not Tone.PENDING,
        ):
            if by == "badge":
                kiosk.bridge.on_badge_event(BadgePresented(ALICE_UID, "ACS ACR1252"))
            else:
                code = ticket_issuer.issue(
                    event_id=world.masterclass,
                    person_id=world.alice,
                    expires_at=NOW + timedelta(days=1),
                )
                kiosk.bridge.on_scan(code, ScanSource.WEDGE)

    assert kiosk.router.current_key == "attract"
    present()
    view = checkin.view
    assert view is not None
    assert view.tone is Tone.GREEN
    assert "Alice" in view.title
    personal = ("Alice", "Martin", "A000001", "alice@example.fr", view.title, *view.details)
    shown = visible_texts(kiosk.window)
    assert [datum for datum in (view.title, *view.details) if datum not in shown] == []
    qtbot.mouseClick(checkin.panel, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    kiosk.router.go("home")  # their tap on the attract screen
    present()  # and one more scan there: they walk away with the verdict up
    assert checkin.showing

    kiosk.idle.set_durations(50, 50)  # the countdown, then the reset, as the idle timer runs
    kiosk.idle.poke()
    with qtbot.waitSignal(kiosk.idle.session_reset, timeout=5000):
        pass
    assert kiosk.router.current_key == "attract"
    shown = visible_texts(kiosk.window)
    assert [datum for datum in personal if datum in shown] == []
    kiosk.router.go("home")  # the next visitor's first tap
    shown = visible_texts(kiosk.window)
    assert [datum for datum in personal if datum in shown] == []
