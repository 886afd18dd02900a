"""Ticket codes typed into the running kiosk the way USB keyboard-wedge scanners type them.

The real application runs under a real X server (Xvfb, no window manager) and ``xdotool``
sends X key events: a Shift press around each capital, Caps Lock, and the key *codes* a
scanner programmed for one layout sends to a host set to the other (``setxkbmap fr``), which
is what makes a US scanner type ``SCQ:`` on a French machine. Each scan must paint the
green verdict over the whole window and leave an ``ok`` check-in row for its holder.

One application start per host layout; Xvfb runs with ``-noreset``, or the server resets its
layout to ``us`` each time its last client leaves (setxkbmap is a client).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import ImageGrab
from sqlalchemy import select

from kiosk.checkin.tables import CheckinRecord
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Event, Person
from kiosk.domain import CheckinOutcome

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "setxkbmap")),
        reason="needs Xvfb, xdotool and setxkbmap (xvfb, xdotool, x11-xkb-utils)",
    ),
]

PARIS = ZoneInfo("Europe/Paris")
GREEN = (0x18, 0x75, 0x3C)  # ui.checkin.verdict_panel.PALETTES[Tone.GREEN]
POLL_S = 0.1
WAIT_S = 40.0  # the first scan also waits for the app's start on a loaded machine
TICKETS = 6  # one per way of typing below

# Linux (evdev) key codes of the keys of a US keyboard; the French AZERTY keyboard has the same
# keys in the same places, with other symbols on them.
_US_LETTERS = "qwertyuiop", "asdfghjkl", "zxcvbnm"
_ROW_START = (24, 38, 52)
US_KEYCODES: dict[str, int] = {
    letter: start + n
    for row, start in zip(_US_LETTERS, _ROW_START, strict=True)
    for n, letter in enumerate(row)
}
US_KEYCODES |= {digit: 10 + n for n, digit in enumerate("1234567890")} | {".": 60}
# On a French keyboard: A and Q, Z and W swap places, M is right of L, '.' is Shift+';' (59)
FR_KEYCODES = US_KEYCODES | {
    "a": 24, "q": 38, "z": 25, "w": 52, "m": 47, ".": 59,
}  # fmt: skip
RETURN = "36"
# xdotool and Xvfb stand for the scanner and the X server's input thread, which a loaded kiosk
# does not pause mid-burst. On a loaded test machine (load 12 on 2 cores) either can be paused
# past the wedge's 50 ms gap, and X stamps each key when it gets round to it: the burst breaks
# in two. So both run at a high priority where allowed (root). The kiosk itself does not.
URGENT = ["nice", "-n", "-15"] if os.geteuid() == 0 else []
# Even so, at load 10 on 2 cores, a key now and then came 46 ms after the one before (X's own
# time stamps; 117 ms with Xvfb not niced), where a scanner leaves 1-40: the kiosks under test
# accept the widest gap a kiosk may be set to. The gap itself is tested with exact times in
# tests/ui/input; what these tests are about is real X key events.
RIG = {"SMARTCORNER_SCANNER_MAX_GAP_MS": "70"}
# The console script's interpreter line is the venv's at install time; the module is not.
SMARTCORNER = [sys.executable, "-m", "ui.cli.main"]


def smartcorner(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run in the data folder's parent: ``ticket issue`` writes its QR PNG in the working dir."""
    cwd = Path(env["SMARTCORNER_DATA_DIR"]).parent
    return subprocess.run(
        [*SMARTCORNER, *args], env=env, capture_output=True, text=True, timeout=120, cwd=cwd
    )


def us_scanner(code: str) -> list[str]:
    """The keys a scanner set to US English sends: Shift for capitals only."""
    return [f"shift+{US_KEYCODES[c.lower()]}" if c.isupper() else str(US_KEYCODES[c]) for c in code]


def fr_scanner(code: str) -> list[str]:
    """The keys a scanner set to French sends: Shift for capitals, digits and '.' too."""
    return [f"shift+{FR_KEYCODES[c.lower()]}" for c in code]


def keysym_names(code: str) -> list[str]:
    """What ``xdotool key`` sends by name: Shift around each capital, on the host's layout."""
    names = {".": "period"}
    return [f"shift+{c.lower()}" if c.isupper() else names.get(c, c) for c in code]


@dataclass
class World:
    env: dict[str, str]
    data: Path
    tickets: list[tuple[str, int]]  # code, holder's person id
    event_id: int

    def outcomes(self, person_id: int) -> list[CheckinOutcome]:
        engine = create_db_engine(f"sqlite:///{self.data / 'smartcorner.sqlite3'}")
        try:
            with make_session_factory(engine)() as s:
                rows = s.scalars(
                    select(CheckinRecord.outcome).where(
                        CheckinRecord.person_id == person_id,
                        CheckinRecord.event_id == self.event_id,
                    )
                )
                return list(rows)
        finally:
            engine.dispose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """A room kiosk's data: the demo, an event open for check-in now, five registered agents
    each holding a signed ticket."""
    return build_world(tmp_path_factory.mktemp("wedge"))


def build_world(tmp: Path) -> World:
    """The room kiosk's data folder under ``tmp`` (see :func:`world`)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    env = {**clean, "SMARTCORNER_DATA_DIR": str(tmp / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env["SMARTCORNER_PROFILE"] = "room"
    for args in (("keys", "init"), ("demo",)):
        done = smartcorner(env, *args)
        assert done.returncode == 0, done.stderr
    data = tmp / "data"
    engine = create_db_engine(f"sqlite:///{data / 'smartcorner.sqlite3'}")
    with make_session_factory(engine)() as s:
        agents = s.scalars(
            select(Person).where(Person.matricule.is_not(None)).order_by(Person.id).limit(TICKETS)
        ).all()
        people = [(a.matricule, a.id) for a in agents]
    start = (datetime.now(UTC) + timedelta(minutes=20)).astimezone(PARIS)
    events = tmp / "programme.csv"
    events.write_text(
        "uid;title;kind;starts_at;ends_at;space;capacity\n"
        f"wedge-1;Atelier douchettes;masterclass;{start:%d/%m/%Y %H:%M};"
        f"{start + timedelta(hours=1):%d/%m/%Y %H:%M};Smart Room;20\n",
        encoding="utf-8",
    )
    assert smartcorner(env, "import", "events", str(events)).returncode == 0
    registrations = tmp / "inscrits.csv"
    registrations.write_text(
        "event,matricule,first_name,last_name,organisation\n"
        + "".join(f"wedge-1,{matricule},,,\n" for matricule, _ in people),
        encoding="utf-8",
    )
    assert smartcorner(env, "import", "registrations", str(registrations)).returncode == 0
    with make_session_factory(engine)() as s:
        event = s.scalar(select(Event).where(Event.title == "Atelier douchettes"))
        assert event is not None
        event_id = event.id
    engine.dispose()
    tickets = []
    for _, person_id in people:
        issued = smartcorner(
            env, "ticket", "issue", "--event", str(event_id), "--person", str(person_id)
        )
        assert issued.returncode == 0, issued.stderr
        tickets.append((issued.stdout.strip(), person_id))
    return World(env, data, tickets, event_id)


class XKiosk:
    """The kiosk application running on its own Xvfb display, and a way to type into it."""

    def __init__(
        self,
        world: World,
        layout: str,
        tmp: Path,
        screen: str = "1280x1024x24",
        env: dict[str, str] | None = None,
        command: list[str] | None = None,
    ) -> None:
        self.world = world
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            [*URGENT, "Xvfb", "-displayfd", str(write), "-noreset", "-screen", "0", screen,
             "-nolisten", "tcp"],
            pass_fds=(write,), stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()
        self.env = {**world.env, **RIG, **(env or {})}
        self.env |= {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("WAYLAND_DISPLAY", None)
        subprocess.run(["setxkbmap", layout], env=self.env, check=True, timeout=30)
        self.log = (tmp / f"kiosk-{layout}.log").open("w")
        self.app = subprocess.Popen(
            command or [*SMARTCORNER, "run"],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.window = self.wait_for(self._find_window, "the kiosk's window")
        width, height, _ = screen.split("x")
        self.centre = (int(width) // 2, int(height) // 2)
        self.pointer_to(640, 512)  # no window manager: focus follows the pointer

    def pointer_to(self, x: int, y: int, *then: str) -> None:
        """``xdotool mousemove --sync``, then ``then`` (a click); a pixel off the screen's exact
        centre, where xdotool 3.20160805's --sync never sees the move and waits out 15 s."""
        if (x, y) == self.centre:
            x, y = x + 1, y + 1
        self.xdotool("mousemove", "--sync", str(x), str(y), *then)

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def _find_window(self) -> str | None:
        assert self.app.poll() is None, f"the kiosk stopped: {self.app.returncode}"
        found = self.xdotool("search", "--onlyvisible", "--pid", str(self.app.pid)).split()
        return found[0] if found else None

    def wait_for(self, probe: Callable[[], object], what: str) -> object:
        """Poll ``probe`` until it gives something truthy, with a deadline: the X server and the
        app are other processes, with no signal to wait on."""
        deadline = datetime.now(UTC) + timedelta(seconds=WAIT_S)
        while datetime.now(UTC) < deadline:
            if result := probe():
                return result
            threading.Event().wait(POLL_S)
        raise AssertionError(f"no {what} after {WAIT_S} s (log: {self.log.name})")

    def keys(self, keys: list[str]) -> None:
        """One burst, a few ms between keys, ended by Return, as the scanner sends it.

        A scanner is hardware: the host's load never pauses it mid-burst. xdotool is a process
        the loaded test machine can pause for longer than the wedge's 50 ms gap (a full run cut
        a scan at 105 of 140 keys that way), so it types at a high priority where allowed, and
        so does the X server (see :data:`URGENT`).
        """
        subprocess.run(
            [*URGENT, "xdotool", "key", "--delay", "6", *keys],
            env=self.env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip

    def colour(self) -> tuple[int, ...]:
        shot = ImageGrab.grab(xdisplay=self.display)
        return tuple(shot.getpixel((12, 12)))[:3]

    def admits(self, person_id: int) -> None:
        """The green verdict is painted, and the check-in row says ``ok``."""
        self.wait_for(lambda: self.colour() == GREEN, "green verdict on the screen")
        assert self.world.outcomes(person_id) == [CheckinOutcome.OK]
        self.xdotool("click", "1")  # a tap dismisses the verdict: the next scan starts clean
        self.wait_for(lambda: self.colour() != GREEN, "verdict dismissed by a tap")

    def close(self) -> None:
        for process in (self.app, self.xvfb):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.log.close()


@pytest.fixture
def kiosk_on(world: World, tmp_path: Path) -> Iterator[Callable[..., XKiosk]]:
    started: list[XKiosk] = []

    def start(layout: str, **env: str) -> XKiosk:
        kiosk = XKiosk(world, layout, tmp_path, env=env)
        started.append(kiosk)
        return kiosk  # scanned at once: while the kiosk still loads its check-in side and sounds

    yield start
    for kiosk in started:
        kiosk.close()


def test_on_a_us_host_shift_typed_caps_lock_and_french_scanner_tickets_admit(
    world: World, kiosk_on: Callable[[str], XKiosk]
) -> None:
    kiosk = kiosk_on("us")
    (shifted, first), (capslocked, second), (french, third), *_ = world.tickets

    kiosk.keys([*keysym_names(shifted), "Return"])  # Shift press/release around each capital
    kiosk.admits(first)

    kiosk.xdotool("key", "Caps_Lock")  # left on by someone: Shift now gives small letters
    kiosk.keys([*keysym_names(capslocked), "Return"])
    kiosk.admits(second)
    kiosk.xdotool("key", "Caps_Lock")

    kiosk.keys([*fr_scanner(french), RETURN])  # a scanner set to French: 'SCA.' types 'SCQ<'
    kiosk.admits(third)


def test_on_a_french_host_us_and_french_scanner_tickets_admit(
    world: World, kiosk_on: Callable[[str], XKiosk]
) -> None:
    kiosk = kiosk_on("fr")
    (us, fourth), (french, fifth) = world.tickets[3:5]

    kiosk.keys([*us_scanner(us), RETURN])  # a US scanner: 'SCA.' types 'SCQ:', digits 'é"'
    kiosk.admits(fourth)

    kiosk.keys([*fr_scanner(french), RETURN])  # the matching layout: Shift for the digits too
    kiosk.admits(fifth)


def test_a_scan_typed_across_a_busy_gui_thread_admits(
    world: World, kiosk_on: Callable[..., XKiosk]
) -> None:
    """The GUI thread blocked for 300 ms after the 20th key press (``ui.widgets.probe``): X
    queues the rest of the burst and delivers it late, all at once; the scan reads whole."""
    kiosk = kiosk_on("us", SMARTCORNER_TEST_STALL="20:300")
    code, holder = world.tickets[5]
    kiosk.keys([*keysym_names(code), "Return"])
    kiosk.admits(holder)
    assert "stall: the GUI thread is blocked" in Path(kiosk.log.name).read_text()
