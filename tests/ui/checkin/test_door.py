"""Mode accueil on a real database: unlock, pick the event, scan, search, undo, link, export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.admin_access import PinSecret, pin_guard
from kiosk.checkin.tables import Attendance
from kiosk.db.models import Badge, Event, Person
from kiosk.domain import CheckinMethod, PersonKind, Role
from kiosk.paths import Paths
from kiosk.ports import BadgePresented, FixedClock
from kiosk.printing.spool import receipt_from_json
from kiosk.printing.tables import PrintJob
from kiosk.settings import Settings
from tests.helpers.checkin_world import ALICE_UID, NOW, STAFF_UID, UNKNOWN_UID, World
from tests.ui.checkin.conftest import RecordedSounds
from ui.checkin.desk import CheckinDesk
from ui.checkin.door import DoorScreen, Page
from ui.checkin.verdict_panel import PALETTES
from ui.checkin.verdicts import Tone
from ui.screens.pin import PinScreen
from ui.sounds import Cue
from ui.theme import ThemeController


@pytest.fixture
def helene(session_factory: sessionmaker[Session]) -> int:
    with session_factory.begin() as session:
        return int(
            session.scalar(
                insert(Person).returning(Person.id),
                [{"kind": PersonKind.AGENT, "matricule": "A000042", "first_name": "Hélène",
                  "last_name": "Dupont", "role": Role.AGENT, "created_at": NOW}],
            )
        )  # fmt: skip


@pytest.fixture
def kiosk_settings(tmp_path: Path) -> Settings:
    return Settings(paths=Paths(data_dir=tmp_path / "data", config_file=None))


@pytest.fixture
def door(
    kiosk_settings: Settings,
    qapp: Any,
    qtbot: QtBot,
    desk: CheckinDesk,
    world_clock: FixedClock,
    sounds: RecordedSounds,
    tmp_path: Path,
    helene: int,
) -> Iterator[DoorScreen]:
    theme = ThemeController(qapp)
    theme.apply()
    (tmp_path / "usb").mkdir()
    guard = pin_guard(kiosk_settings, world_clock, PinSecret.ADMIN)
    screen = DoorScreen(desk, theme, guard, sounds, export_dir=tmp_path / "usb")
    qtbot.addWidget(screen)
    screen.resize(1920, 960)
    screen.show()
    qtbot.waitExposed(screen)
    yield screen
    desk.wait()


def settle(qtbot: QtBot, door: DoorScreen) -> None:
    """Until the worker has answered everything asked so far."""
    qtbot.waitUntil(lambda: door.desk.pending == 0, timeout=5000)


def tap_badge(qtbot: QtBot, door: DoorScreen, uid: bytes) -> None:
    assert door.handle_badge(BadgePresented(uid, "ACS ACR1252"))
    settle(qtbot, door)


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_masterclass(qtbot: QtBot, door: DoorScreen, world: World) -> None:
    tap_badge(qtbot, door, STAFF_UID)
    assert door.page is Page.EVENTS
    first = door.picker.buttons[0]
    assert first.title.text().startswith("masterclass test")  # today, at this site, soonest
    click(qtbot, first)
    settle(qtbot, door)
    assert door.page is Page.DOOR
    assert door.selected is not None
    assert door.selected.info.id == world.masterclass


def counters(door: DoorScreen) -> tuple[str, str, str]:
    return (door.present.number.text(), door.registered.number.text(),
            door.capacity.number.text())  # fmt: skip


def test_staff_badge_unlocks_and_todays_event_here_comes_first(
    qtbot: QtBot, door: DoorScreen, world: World
) -> None:
    assert door.page is Page.LOCKED
    open_masterclass(qtbot, door, world)
    assert door.staff_id == world.staff
    assert counters(door) == ("0", "1", "3")


def test_an_agent_badge_does_not_unlock(qtbot: QtBot, door: DoorScreen) -> None:
    tap_badge(qtbot, door, ALICE_UID)
    assert door.page is Page.LOCKED
    assert door.lock.message.text() == "Ce badge n’ouvre pas le mode accueil."
    tap_badge(qtbot, door, UNKNOWN_UID)
    assert door.page is Page.LOCKED


def type_pin(qtbot: QtBot, door: DoorScreen, pin: str) -> None:
    for digit in pin:
        click(qtbot, door.lock.keys[digit])
    click(qtbot, door.lock.validate)


def test_the_admin_pin_unlocks_a_wrong_one_does_not(qtbot: QtBot, door: DoorScreen) -> None:
    type_pin(qtbot, door, "1111")
    assert door.page is Page.LOCKED
    assert door.lock.message.text() == "Code incorrect — il reste 4 essais"
    type_pin(qtbot, door, "2468")
    settle(qtbot, door)
    assert door.page is Page.EVENTS
    assert door.staff_id is None


def test_five_wrong_codes_at_the_door_lock_the_admin_pad_too(
    qapp: Any, qtbot: QtBot, door: DoorScreen, kiosk_settings: Settings, world_clock: FixedClock
) -> None:
    theme = ThemeController(qapp)
    admin = PinScreen(pin_guard(kiosk_settings, world_clock, PinSecret.ADMIN), theme)
    qtbot.addWidget(admin)
    for _ in range(5):
        type_pin(qtbot, door, "1111")
    until = (NOW + timedelta(minutes=5)).astimezone().strftime("%H:%M")
    assert door.lock.message.text() == f"Trop d’essais\u202f: code refusé jusqu’à {until}"
    granted: list[bool] = []
    admin.granted.connect(lambda: granted.append(True))
    for digit in "2468":
        admin.type_digit(digit)
    admin.submit()
    assert granted == []
    assert admin.message_text == door.lock.message.text()
    # and the other way round: the door's pad refuses the right code as well
    type_pin(qtbot, door, "2468")
    assert door.page is Page.LOCKED


def test_continuous_scanning_updates_counters_banner_and_last_scans(
    qtbot: QtBot, door: DoorScreen, world: World, sounds: RecordedSounds
) -> None:
    open_masterclass(qtbot, door, world)
    tap_badge(qtbot, door, ALICE_UID)
    settle(qtbot, door)
    assert door.banner.tone is Tone.GREEN
    assert "Alice Martin" in door.banner.text  # staff see the full name
    assert counters(door) == ("1", "1", "3")
    assert "Alice Martin" in door.scans.lines[0]
    assert "Arrivée enregistrée" in door.scans.lines[0]
    tap_badge(qtbot, door, UNKNOWN_UID)
    settle(qtbot, door)
    assert door.banner.tone is Tone.RED
    assert door.link.isVisible()
    assert sounds.played[-2:] == [Cue.OK, Cue.REFUSED]


def test_search_ignores_accents_and_a_manual_check_in_can_be_undone(
    qtbot: QtBot,
    door: DoorScreen,
    world: World,
    helene: int,
    session_factory: sessionmaker[Session],
) -> None:
    open_masterclass(qtbot, door, world)
    click(qtbot, door.find_name)
    assert door.page is Page.SEARCH
    for char in "helene":
        click(qtbot, door.search.keyboard.key_for(char))
    assert door.search.field.text() == "Helene"  # auto-capitalised by the keyboard
    names = [f"{m.first_name} {m.last_name}" for m in door.search.model.matches()]
    assert names == ["Hélène Dupont"]
    qtbot.mouseClick(
        door.search.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=door.search.list.visualRect(door.search.model.index(0)).center(),
    )
    settle(qtbot, door)
    assert door.page is Page.DOOR
    assert counters(door) == ("1", "2", "3")  # a walk-in: registered on the spot
    with session_factory() as session:
        row = session.scalar(select(Attendance).where(Attendance.person_id == helene))
        assert row is not None
        assert row.method is CheckinMethod.WALK_IN
    assert door.undo.isEnabled()
    click(qtbot, door.undo)
    settle(qtbot, door)
    assert door.present.number.text() == "0"
    assert door.message.text() == "Arrivée de Hélène Dupont annulée."
    with session_factory() as session:
        assert session.scalar(select(Attendance).where(Attendance.person_id == helene)) is None
    assert not door.undo.isEnabled()


def test_an_undone_arrival_leaves_no_green_verdict_on_the_banner_nor_on_its_row(
    qtbot: QtBot, door: DoorScreen, world: World
) -> None:
    open_masterclass(qtbot, door, world)
    tap_badge(qtbot, door, ALICE_UID)
    assert door.banner.tone is Tone.GREEN
    click(qtbot, door.undo)
    settle(qtbot, door)
    assert door.banner.undone
    assert door.banner.tone is None
    assert "Arrivée annulée" in door.banner.text
    assert "Arrivée enregistrée" not in door.banner.text
    green = QColor(PALETTES[Tone.GREEN].background).rgb()
    # rows replaced by the refresh are hidden at once and deleted later (deleteLater)
    (row,) = [r for r in door.scans.findChildren(QFrame, "doorScanLine") if not r.isHidden()]
    mark = row.findChild(QLabel, "doorScanMark")
    assert mark is not None
    image = mark.pixmap().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert green not in colours  # the struck row has no green tick left
    banner = door.banner.grab().toImage()
    centre = banner.pixel(banner.width() // 2, banner.height() - 4)
    assert centre != green  # nor the banner its green background


def test_every_last_scan_row_is_tall_enough_for_its_text_and_mark(
    qtbot: QtBot, door: DoorScreen, world: World
) -> None:
    door.resize(1366, 700)  # a small panel: the rows must not be squeezed into each other
    open_masterclass(qtbot, door, world)
    for _ in range(3):
        tap_badge(qtbot, door, ALICE_UID)
        click(qtbot, door.undo)
        settle(qtbot, door)
    tap_badge(qtbot, door, UNKNOWN_UID)

    def rows() -> list[QFrame]:
        return [r for r in door.scans.findChildren(QFrame, "doorScanLine") if r.isVisible()]

    def whole(row: QFrame) -> bool:
        text = row.findChild(QLabel, "doorScanText")
        mark = row.findChild(QLabel, "doorScanMark")
        assert text is not None
        assert mark is not None
        return (
            text.height() >= QFontMetrics(text.font()).height()  # descenders not cut
            and row.rect().contains(mark.geometry())
            and row.rect().contains(text.geometry())
            and door.scans.contentsRect().contains(row.geometry())  # the last one too
        )

    qtbot.waitUntil(lambda: len(rows()) >= 2 and all(whole(r) for r in rows()), timeout=5000)


def test_the_pin_dots_sit_above_the_keys_and_effacer_matches_valider(door: DoorScreen) -> None:
    pad = door.lock
    dots = pad.dots.geometry()
    one, three = pad.keys["1"].geometry(), pad.keys["3"].geometry()
    assert one.top() - dots.bottom() < 60  # right above the first row of keys
    assert one.left() <= dots.center().x() <= three.right()
    assert pad.erase.font().pixelSize() == pad.validate.font().pixelSize()
    assert pad.erase.font().pixelSize() <= pad.keys["0"].font().pixelSize()


def test_an_unknown_badge_linked_by_name_is_recognised_at_once(
    qtbot: QtBot,
    door: DoorScreen,
    world: World,
    session_factory: sessionmaker[Session],
    world_clock: FixedClock,
) -> None:
    open_masterclass(qtbot, door, world)
    tap_badge(qtbot, door, UNKNOWN_UID)
    settle(qtbot, door)
    click(qtbot, door.link)
    assert door.search.title.text() == "À qui est ce badge\u202f?"
    door.search.search("lefevre")
    assert [m.first_name for m in door.search.model.matches()] == ["Dan"]
    door.search.picked.emit(door.search.model.matches()[0])
    settle(qtbot, door)
    settle(qtbot, door)
    assert door.banner.tone is Tone.GREEN
    assert door.banner.text.startswith("Badge associé\u202f: Dan")
    with session_factory() as session:
        badge = session.scalar(select(Badge).where(Badge.person_id == world.dan))
        assert badge is not None
        assert badge.linked_by_id == world.staff
    world_clock.set(NOW + timedelta(seconds=30))
    tap_badge(qtbot, door, UNKNOWN_UID)
    settle(qtbot, door)
    assert door.banner.tone is Tone.AMBER  # known now: Dan, already checked in
    assert "Dan" in door.banner.text


def test_leaving_or_idle_locks_again(qtbot: QtBot, door: DoorScreen, world: World) -> None:
    open_masterclass(qtbot, door, world)
    tap_badge(qtbot, door, ALICE_UID)
    settle(qtbot, door)
    door.reset()  # what the idle reset does
    assert door.page is Page.LOCKED
    assert door.staff_id is None
    assert door.selected is None
    assert door.banner.tone is None
    assert door.scans.lines == []
    open_masterclass(qtbot, door, world)
    click(qtbot, door.quit)
    assert door.page is Page.LOCKED
    open_masterclass(qtbot, door, world)
    door.hide()
    assert door.page is Page.LOCKED


def test_export_writes_the_attendance_csv_to_the_stick(
    qtbot: QtBot, door: DoorScreen, world: World, tmp_path: Path
) -> None:
    open_masterclass(qtbot, door, world)
    tap_badge(qtbot, door, ALICE_UID)
    settle(qtbot, door)
    click(qtbot, door.export)
    settle(qtbot, door)
    files = list((tmp_path / "usb").glob("presences-*.csv"))
    assert len(files) == 1
    rows = list(csv.DictReader(files[0].open(encoding="utf-8")))
    assert [(r["status"], r["first_name"]) for r in rows] == [("present", "Alice")]
    assert "1 présents, 0 absents" in door.message.text()


def test_export_without_a_stick_says_so(qtbot: QtBot, door: DoorScreen, world: World) -> None:
    open_masterclass(qtbot, door, world)
    door._export_dir = Path("/nonexistent/usb")
    click(qtbot, door.export)
    settle(qtbot, door)  # the stick is looked for on the worker
    assert door.message.text() == "Branchez une clé USB, puis réessayez."
    assert not door.holds_session()


def fill_visitor(qtbot: QtBot, door: DoorScreen) -> None:
    click(qtbot, door.pass_button)
    assert door.page is Page.VISITOR
    assert not door.visitor.save.isEnabled()
    door.visitor.first_name.setText("Camille")
    door.visitor.last_name.setText("Roux")
    door.visitor.organisation.setText("Mairie de Nice")
    click(qtbot, door.visitor.save)
    settle(qtbot, door)
    assert door.page is Page.DOOR


def test_no_pass_for_a_visitor_at_an_agents_only_event(
    qtbot: QtBot, door: DoorScreen, world: World, session_factory: sessionmaker[Session]
) -> None:
    open_masterclass(qtbot, door, world)
    fill_visitor(qtbot, door)
    assert door.message.text() == "Pas de laissez-passer\u202f: visiteur non admis."
    assert door.banner.tone is Tone.RED
    with session_factory() as session:
        assert session.scalar(select(PrintJob)) is None


def test_a_visitor_pass_is_queued_with_the_check_in(
    qtbot: QtBot, door: DoorScreen, world: World, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        session.execute(
            update(Event).where(Event.id == world.masterclass).values(open_to_external=True)
        )
    open_masterclass(qtbot, door, world)
    fill_visitor(qtbot, door)
    assert door.message.text() == "Laissez-passer en impression."
    assert door.banner.tone is Tone.GREEN
    assert "Camille Roux" in door.banner.text
    with session_factory() as session:
        job = session.scalar(select(PrintJob).where(PrintJob.kind == "visitor_pass"))
        assert job is not None
        receipt = receipt_from_json(job.receipt)
    values = {line.label: line.value for line in receipt.lines}
    assert values["Nom"] == "Camille Roux"
    assert values["Organisme"] == "Mairie de Nice"
    assert values["Événement"] == "masterclass test"
    assert receipt.qr_payload


def test_a_pass_that_cannot_be_queued_takes_the_check_in_back_with_it(
    qtbot: QtBot,
    door: DoorScreen,
    world: World,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kiosk.printing import spool as print_spool

    with session_factory.begin() as session:
        session.execute(
            update(Event).where(Event.id == world.masterclass).values(open_to_external=True)
        )

    def jammed(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("spool table locked")

    monkeypatch.setattr(print_spool, "enqueue", jammed)
    open_masterclass(qtbot, door, world)
    fill_visitor(qtbot, door)
    assert door.banner.tone is Tone.RED
    assert door.banner.text.startswith("Enregistrement impossible")
    with session_factory() as session:
        camille = session.scalar(select(Person.id).where(Person.first_name == "Camille"))
        assert camille is not None  # the visitor's record stays (a separate, earlier step)
        assert session.scalar(select(Attendance).where(Attendance.person_id == camille)) is None
        assert session.scalar(select(PrintJob)) is None


def test_a_second_pass_for_a_visitor_already_in_is_printed_again(
    qtbot: QtBot, door: DoorScreen, world: World, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        session.execute(
            update(Event).where(Event.id == world.masterclass).values(open_to_external=True)
        )
    open_masterclass(qtbot, door, world)
    fill_visitor(qtbot, door)
    door.desk.clock.set(NOW + timedelta(minutes=5))  # a jammed pass, asked for again
    fill_visitor(qtbot, door)
    assert door.banner.tone is Tone.AMBER  # already in
    assert door.message.text() == "Laissez-passer en impression."
    with session_factory() as session:
        refs = session.scalars(select(PrintJob.ref).order_by(PrintJob.id)).all()
        assert len(refs) == 2
        assert len(set(refs)) == 2  # each pass names the check-in record it came with


def test_the_events_own_people_come_first_in_the_search(
    qtbot: QtBot, door: DoorScreen, world: World, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:  # alphabetically before Alice, not registered
        session.execute(
            insert(Person),
            [{"kind": PersonKind.AGENT, "matricule": "A000077", "first_name": "Aaron",
              "last_name": "Martin", "role": Role.AGENT, "created_at": NOW}],
        )  # fmt: skip
    open_masterclass(qtbot, door, world)
    click(qtbot, door.find_name)
    door.search.search("martin")
    found = [(m.first_name, m.registration) for m in door.search.model.matches()]
    assert [name for name, _ in found] == ["Alice", "Aaron"]  # Alice is registered


def test_door_mode_walked_to_the_idle_reset_leaves_no_personal_datum_on_screen(
    qtbot: QtBot, door: DoorScreen, world: World
) -> None:
    open_masterclass(qtbot, door, world)
    tap_badge(qtbot, door, ALICE_UID)
    click(qtbot, door.find_name)
    for char in "dupo":
        click(qtbot, door.search.keyboard.key_for(char))

    def shown() -> str:
        return " ".join(
            w.text()
            for w in door.findChildren(QWidget)
            if w.isVisible() and isinstance(w, QLabel | QAbstractButton | QLineEdit)
        )

    door.search.cancel.click()
    assert "Alice Martin" in shown()  # the check can see the names on the board
    door.reset()  # what the idle reset does
    visible = shown() + door.banner.text
    assert not [d for d in ("Alice", "Martin", "Dupo") if d in visible]
