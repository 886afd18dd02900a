"""Door mode and Click & Collect order codes, driven with real X events in the running kiosk.

Same rig as :mod:`tests.e2e.test_wedge_xvfb` (Xvfb with ``-noreset``, no window manager,
``xdotool``), on the kiosk's own screen size. Taps go where the application says its widgets
are: started with ``SMARTCORNER_TEST_PROBE=1``, it writes its visible widgets' global geometry
and text on stdout (:mod:`ui.widgets.probe`), which the test reads from the kiosk's log.

- Door mode (room kiosk): a tap on the attract screen, the "Accueil événement" tile, the admin
  PIN typed on the PIN pad, the event picked in the list, then tickets typed by a US and a
  French-configured scanner on a French host. Each one paints the green banner with its
  holder's name, and leaves an ``ok`` check-in row for that event.
- Click & Collect (store kiosk, the demo's signed order codes): an order code scanned on the
  attract screen, then another on the home screen, each opens the pickup screen listing the
  ready lines of *that* order as the database holds them, under the holder's first name.

One application start per profile and layout.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import ImageGrab
from sqlalchemy import select

from kiosk.collect.status import LineStatus
from kiosk.collect.tables import CatalogueItem, CollectOrder, HandOver, OrderLine
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Person
from kiosk.domain import CheckinOutcome
from tests.e2e.test_wedge_xvfb import (
    GREEN,
    RETURN,
    World,
    XKiosk,
    build_world,
    fr_scanner,
    keysym_names,
    smartcorner,
    us_scanner,
)
from tests.e2e.test_wedge_xvfb import pytestmark as wedge_marks

pytestmark = wedge_marks

SCREEN = "1920x1080x24"  # the kiosk's panel: every layout is made for it
ADMIN_PIN = "4826"  # not the default: the door opens with the PIN this kiosk was given
PROBE = "probe: "
READY = "Click & Collect ready"  # logged once the store kiosk's order desk has opened

Widget = dict[str, object]


def on_screen(kiosk: XKiosk) -> list[Widget]:
    """The application's last report of its visible widgets (``ui.widgets.probe``)."""
    lines = Path(kiosk.log.name).read_text(encoding="utf-8", errors="replace").splitlines()
    reports = [line for line in lines if line.startswith(PROBE)]
    return json.loads(reports[-1][len(PROBE) :]) if reports else []


def wait_widget(kiosk: XKiosk, what: str, match: Callable[[Widget], bool]) -> Widget:
    def found() -> Widget | None:
        return next((w for w in on_screen(kiosk) if match(w)), None)

    widget = kiosk.wait_for(found, what)
    assert isinstance(widget, dict)
    return widget


def named(name: str, text: str | None = None) -> Callable[[Widget], bool]:
    return lambda w: w["name"] == name and (text is None or w["text"] == text)


def tap(kiosk: XKiosk, widget: Widget) -> None:
    """A click at the widget's centre, as a finger on the touch screen gives one."""
    x = int(widget["x"]) + int(widget["w"]) // 2  # type: ignore[call-overload]
    y = int(widget["y"]) + int(widget["h"]) // 2  # type: ignore[call-overload]
    kiosk.pointer_to(x, y, "click", "1")


def pixel(kiosk: XKiosk, x: int, y: int) -> tuple[int, ...]:
    return tuple(ImageGrab.grab(xdisplay=kiosk.display).getpixel((x, y)))[:3]


def start(world: World, layout: str, tmp: Path, **env: str) -> XKiosk:
    return XKiosk(world, layout, tmp, screen=SCREEN, env={"SMARTCORNER_TEST_PROBE": "1", **env})


# -- door mode ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> World:
    return build_world(tmp_path_factory.mktemp("door"))


def full_name(world: World, person_id: int) -> tuple[str, str]:
    engine = create_db_engine(f"sqlite:///{world.data / 'smartcorner.sqlite3'}")
    try:
        with make_session_factory(engine)() as s:
            person = s.get(Person, person_id)
            assert person is not None
            return person.first_name, person.last_name
    finally:
        engine.dispose()


def test_door_mode_opened_with_the_pin_pad_admits_scanned_tickets(
    room: World, tmp_path: Path
) -> None:
    kiosk = start(room, "fr", tmp_path, SMARTCORNER_ADMIN_PIN=ADMIN_PIN)
    try:
        kiosk.pointer_to(960, 540, "click", "1")  # attract -> home
        tap(kiosk, wait_widget(kiosk, "the door tile", named("tileTitle", "Accueil événement")))
        for digit in ADMIN_PIN:
            tap(kiosk, wait_widget(kiosk, f"the PIN pad's {digit}", named(f"pinKey{digit}")))
        tap(kiosk, wait_widget(kiosk, "the PIN pad's OK", named("pinValidate")))
        # this world's own event: at some hours a demo « Atelier … » is open for check-in too,
        # listed before it (the demo's events are placed around the real day)
        event = wait_widget(
            kiosk,
            "the event in the door's list",
            lambda w: str(w["text"]).startswith("Atelier douchettes"),
        )
        tap(kiosk, event)
        wait_widget(kiosk, "the door board", named("doorEventTitle", "Atelier douchettes"))

        (us, first), (french, second), *_ = room.tickets
        for keys, person_id in ((us_scanner(us), first), (fr_scanner(french), second)):
            kiosk.keys([*keys, RETURN])  # a French host: the layout repair gives the exact code
            _, last_name = full_name(room, person_id)
            banner = wait_widget(
                kiosk,
                f"the door's verdict for {last_name}",
                lambda w, last=last_name: w["name"] == "doorBanner" and last in str(w["text"]),
            )
            x, y = int(banner["x"]) + 12, int(banner["y"]) + int(banner["h"]) // 2  # type: ignore[call-overload]
            kiosk.wait_for(lambda x=x, y=y: pixel(kiosk, x, y) == GREEN, "a green banner")
            assert room.outcomes(person_id) == [CheckinOutcome.OK]
    finally:
        kiosk.close()


# -- Click & Collect ----------------------------------------------------------------------


@dataclass
class Store:
    world: World
    orders: list[str]  # the demo's signed order codes, in the order of its list
    references: list[str]  # each order's reference (CC-2026-…)

    def ready_lines(self, payload_index: int) -> tuple[str, list[str]]:
        """The holder's first name and the item names of the order's ready lines."""
        reference = self.references[payload_index]
        engine = create_db_engine(f"sqlite:///{self.world.data / 'smartcorner.sqlite3'}")
        try:
            with make_session_factory(engine)() as s:
                order = s.scalar(select(CollectOrder).where(CollectOrder.reference == reference))
                assert order is not None
                person = s.get(Person, order.person_id)
                assert person is not None
                names = s.scalars(
                    select(CatalogueItem.name)
                    .join(OrderLine, OrderLine.item_id == CatalogueItem.id)
                    .where(OrderLine.order_id == order.id, OrderLine.status == LineStatus.READY)
                ).all()
                return person.first_name, sorted(names)
        finally:
            engine.dispose()

    def hand_overs(self) -> int:
        engine = create_db_engine(f"sqlite:///{self.world.data / 'smartcorner.sqlite3'}")
        try:
            with make_session_factory(engine)() as s:
                return len(s.scalars(select(HandOver.id)).all())
        finally:
            engine.dispose()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A store kiosk's data folder with the demo, whose code list names each order."""
    tmp = tmp_path_factory.mktemp("collect")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    env = {**clean, "SMARTCORNER_DATA_DIR": str(tmp / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env["SMARTCORNER_PROFILE"] = "store"
    done = smartcorner(env, "demo")
    assert done.returncode == 0, done.stderr
    data = tmp / "data"
    listing = (data / "demo-codes" / "codes.txt").read_text(encoding="utf-8").splitlines()
    orders, references = [], []
    for n, line in enumerate(listing):
        if line.strip().startswith("SOA."):
            orders.append(line.strip())
            references.append(listing[n - 1].split()[1])  # "Commande CC-… de …"
    assert len(orders) >= 2, listing
    return Store(World(env, data, [], 0), orders, references)


def shown_lines(kiosk: XKiosk, first_name: str, what: str) -> list[str]:
    wait_widget(
        kiosk,
        f"the pickup screen for {what}",
        lambda w: w["name"] == "collectHello" and first_name in str(w["text"]),
    )
    return sorted(str(w["text"]) for w in on_screen(kiosk) if w["name"] == "lineName")


def test_order_codes_on_attract_and_home_open_that_orders_lines(
    store: Store, tmp_path: Path
) -> None:
    kiosk = start(store.world, "us", tmp_path)
    try:
        before = store.hand_overs()
        wait_widget(kiosk, "the attract screen", named("attractClock"))
        kiosk.wait_for(lambda: READY in Path(kiosk.log.name).read_text(), "Click & Collect")
        # The first keys the application ever receives: the first scan after start-up.
        first_name, lines = store.ready_lines(0)
        kiosk.keys([*keysym_names(store.orders[0]), "Return"])  # Shift around each capital
        shown = shown_lines(kiosk, first_name, "the first order")
        assert lines
        assert set(lines) <= set(shown)

        tap(kiosk, wait_widget(kiosk, "the pickup screen's Terminer", named("collectFinish")))
        wait_widget(kiosk, "the home screen", named("homeQuestion"))
        first_name, lines = store.ready_lines(1)
        kiosk.keys([*fr_scanner(store.orders[1]), RETURN])  # a scanner set to French
        shown = shown_lines(kiosk, first_name, "the second order")
        assert lines
        assert set(lines) <= set(shown)
        assert store.hand_overs() == before  # looking at an order hands nothing over
    finally:
        kiosk.close()
