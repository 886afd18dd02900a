"""The views of the layout check (tests/ui/test_screen_sizes.py), to look at on one panel.

    python -m tools.screenshots.layout OUTDIR --size 1366x768 --width-mm 409.8 [--view door]

Each view is opened exactly as the check opens it (``OPEN``), in French and English, normal and
accessible, so that what the check measures is what the pictures show.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

NOW = datetime(2026, 11, 23, 14, 27, tzinfo=ZoneInfo("Europe/Paris"))


def door_board(shell: Any) -> None:
    """The door page as staff see it mid-event: a verdict, the counters, a full list of scans."""
    from kiosk.checkin.door import EventCounters, ScanLine
    from kiosk.checkin.door_operations import DoorState
    from kiosk.checkin.service import CheckinResult, EventInfo
    from kiosk.domain import CheckinMethod, CheckinOutcome, EventKind, Space
    from ui.checkin.door import Page

    shell.router.go("door")
    door = shell.router.current
    start = NOW.replace(hour=14, minute=0)
    event = EventInfo(
        7, "L’intelligence artificielle au service des politiques publiques",
        EventKind.MASTERCLASS, Space.SMART_ROOM, "Smart Room", start,
        start + timedelta(hours=2), start - timedelta(minutes=30), start + timedelta(hours=2),
    )  # fmt: skip
    outcomes = [CheckinOutcome.OK, CheckinOutcome.ALREADY_CHECKED_IN, CheckinOutcome.WRONG_EVENT]
    scans = [
        ScanLine(n, start + timedelta(minutes=n), outcomes[n % 3], CheckinMethod.BADGE, n,
                 "Jean-François", "Dupuis-Lagarrigue", "Smart Room", undone=n == 9)
        for n in range(10, 0, -1)
    ]  # fmt: skip
    counters = EventCounters(present=38, registered=40, capacity=120, waiting=0, walk_ins=2,
                             refused=3)  # fmt: skip
    board = door.board
    board.show_event(event)
    board.show_result(
        CheckinResult(CheckinOutcome.OK, CheckinMethod.BADGE, 10, start, 10, "Jean-François")
    )
    board.show_state(DoorState(counters, scans, scans[0]), can_link=True)
    door.pages.setCurrentIndex(Page.DOOR)


def door_search(shell: Any) -> None:
    """The door's name search with its keyboard (names mode)."""
    from ui.checkin.door import Page

    shell.router.go("door")
    door = shell.router.current
    door.pages.setCurrentIndex(Page.SEARCH)


Until = Callable[[Callable[[], bool]], None]  # runs the event loop until the condition holds

# The store's agents: the first only looks (lines, confirm), each later one hands over once.
STORE_AGENTS = 9
LONG_ITEMS = [  # catalogue names as long as the real catalogue's, tracked or not
    ('Écran 27" QHD réglable en hauteur avec hub USB-C', True),
    ("Station d’accueil universelle USB-C 100 W double écran", False),
    ("Casque sans fil à réduction de bruit certifié Microsoft Teams", False),
    ("Clavier et souris sans fil ergonomiques AZERTY rechargeables", False),
]
_handed: dict[int, int] = {}  # id(shell) -> agents who already handed over


def seed_store(url: str, key: bytes) -> None:
    """A store's database: each agent has the same four-line order, two lines ready."""
    from kiosk.collect.status import ItemKind, LineStatus
    from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.db.models import Person
    from kiosk.domain import PersonKind, Role
    from kiosk.identity import badge_hash, link_badge

    engine = create_db_engine(url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    placed = NOW - timedelta(days=5)
    statuses = [LineStatus.READY, LineStatus.READY, LineStatus.PREPARED, LineStatus.APPROVED]
    with sessions.begin() as s:
        items = [
            CatalogueItem(code=f"LAYOUT{n}", name=name, kind=ItemKind.EQUIPMENT, icon="package",
                          tracked=tracked, active=True, created_at=placed)
            for n, (name, tracked) in enumerate(LONG_ITEMS)
        ]  # fmt: skip
        s.add_all(items)
        for n in range(STORE_AGENTS):
            who = Person(
                kind=PersonKind.AGENT, matricule=f"L{n:06d}", first_name="Marie-Christine",
                last_name=f"Delacroix-Vasseur{n}", role=Role.AGENT, created_at=placed,
            )  # fmt: skip
            s.add(who)
            s.flush()
            order = CollectOrder(reference=f"CC-2026-{n:05d}", person_id=who.id, placed_at=placed,
                                 imported_at=placed)  # fmt: skip
            s.add(order)
            s.flush()
            for line_no, (item, status) in enumerate(zip(items, statuses, strict=True), 1):
                prepared = status in (LineStatus.PREPARED, LineStatus.READY)
                tracked = item.tracked and prepared
                s.add(
                    OrderLine(
                        order_id=order.id, line_no=line_no, item_id=item.id,
                        quantity=2 if line_no == 1 else 1,
                        prepared_quantity=(2 if line_no == 1 else 1) if prepared else None,
                        status=status, status_at=NOW - timedelta(days=1),
                        ready_until=NOW + timedelta(days=9) if status is LineStatus.READY else None,
                        asset_tag=f"CD06-{n:03d}{line_no:02d}" if tracked else None,
                        serial=f"SN{n:05d}{line_no:03d}" if tracked else None,
                    )
                )  # fmt: skip
            link_badge(s, badge_hash(key, agent_badge(n)), who.id, now=NOW,
                       nonce=uuid.uuid4().hex)  # fmt: skip
    engine.dispose()


def agent_badge(agent: int) -> bytes:
    """The badge of the store's ``agent``-th agent (whatever else the database holds)."""
    return bytes([0x04, 0x4C, 0x41, 0x59, 0x4F, 0x55, agent])


def _badge(shell: Any, agent: int) -> None:
    from kiosk.ports import BadgePresented

    shell.input_router.route_badge(BadgePresented(agent_badge(agent), "layout"))


def _pickup_lines(shell: Any, until: Until, agent: int = 0) -> Any:
    shell.router.go("collect")
    pickup = shell.router.current
    if pickup.page.value != "welcome":
        pickup.finish()
        shell.router.go("collect")
    _badge(shell, agent)
    until(lambda: pickup.page.value == "lines")
    return pickup


def collect_lines(shell: Any, until: Until) -> None:
    """The lines page of an order of four long-named lines, two of them ready."""
    _pickup_lines(shell, until)


def collect_confirm(shell: Any, until: Until) -> None:
    """The signature page with the ready lines, signed."""
    from tools.screenshots.collect import SIGNATURE

    pickup = _pickup_lines(shell, until)
    pickup.lines_page.take.click()
    pickup.confirm_page.pad.draw_sample(SIGNATURE)
    until(lambda: pickup.page.value == "confirm")


def collect_done(shell: Any, until: Until) -> None:
    """The page after a real hand-over (each time by the next agent: lines go once)."""
    agent = _handed.get(id(shell), 0) + 1
    _handed[id(shell)] = agent
    pickup = _pickup_lines(shell, until, agent)
    pickup.lines_page.take.click()
    pickup.confirm_page.confirm.click()
    until(lambda: pickup.page.value == "done")


def collect_staff(shell: Any, until: Until) -> None:
    """The staff's work list, unlocked with the staff PIN."""
    shell.router.go("collect_staff")
    staff = shell.router.current
    if staff.staff is None:
        for digit in shell.settings.staff_pin:
            staff.lock.type_digit(digit)
        staff.lock.validate.click()
    until(lambda: staff.staff is not None and bool(staff.work) and not staff.desk.pending)


def help_reasons(shell: Any, until: Until) -> None:
    shell.router.go("help")
    shell.router.current.reset()


def help_ticket(shell: Any, until: Until) -> None:
    """A ticket with its figures and the longest printer message."""
    from kiosk.help.domain import EstimateBasis, HelpReason, WaitEstimate
    from ui.help.ticket import PrintState

    shell.router.go("help")
    screen = shell.router.current
    screen.ticket.show_busy(HelpReason.HARDWARE)
    estimate = WaitEstimate(minutes=25, position=4, desks=2, basis=EstimateBasis.DEFAULT)
    screen.ticket.show_ticket("M-042", estimate, printing=True)
    screen.ticket.set_print_state(PrintState.TROUBLE)
    screen.pages.setCurrentWidget(screen.ticket)


def documents_search(shell: Any, until: Until) -> None:
    """The Kiosque numérique's search as a visitor types: keyboard up, a word, three results.

    The results are handed to the page as the index would answer (building the index takes
    seconds in a child process, far too long for every panel of the check), once the listing
    the page asked for on opening has come back: arriving later, it would replace them."""
    from datetime import date

    from kiosk.documents.catalogue import HIGHLIGHT_END as END
    from kiosk.documents.catalogue import HIGHLIGHT_START as START
    from kiosk.documents.catalogue import DocumentKind, DocumentSummary, SearchHit, SearchResults

    shell.router.go("documents")
    screen = shell.router.current
    screen.open_search(typing=True)
    until(lambda: not screen.desk.pending)
    page = screen.search
    page.field.blockSignals(True)  # no search of the (empty) test catalogue behind our back
    page.field.setText("hameçonnage")
    page.field.blockSignals(False)
    word = f"{START}hameçonnage{END}"
    docs = [
        ("Se protéger de l’hameçonnage", DocumentKind.PDF, "Cybersécurité", 12),
        ("Reconnaître un courriel piégé en cinq questions", DocumentKind.ARTICLE,
         "Cybersécurité", None),
        ("Cybermalveillance : assistance aux victimes", DocumentKind.LINK, "Cybersécurité", None),
    ]  # fmt: skip
    hits = tuple(
        SearchHit(
            DocumentSummary(
                f"doc-{n}", kind, title, "Les bons réflexes face aux courriels piégés.", theme,
                (), date(2026, 11, 19 - n), 6, pages, None, None,
            ),
            f"Un courriel piégé imite votre banque : l’{word} vise vos identifiants.",
            -1.0 - n,
        )
        for n, (title, kind, theme, pages) in enumerate(docs)
    )  # fmt: skip
    page.show_results(SearchResults("hameçonnage", hits, total=len(hits)))


def documents_results(shell: Any, until: Until) -> None:
    """The same results once the visitor tapped « Rechercher »: the keyboard away, the filters
    back, full rows with their snippets (handed again: the test catalogue has none)."""
    documents_search(shell, until)
    page = shell.router.current.search
    answer = page.results.list_model
    hits = tuple(answer.hit(n) for n in range(answer.rowCount()))
    page.show_keyboard(False, ask_again=False)
    from kiosk.documents.catalogue import SearchResults

    page.show_results(SearchResults("hameçonnage", hits, total=len(hits)))


def help_describe(shell: Any) -> None:
    """The help's description page, keyboard up (after "Autre problème" was chosen)."""
    from kiosk.help.domain import HelpReason

    shell.router.go("help")
    screen = shell.router.current
    screen._choose(HelpReason.OTHER)


# -- the door's other pages, the verdicts, the admin's other screens, the tour ----------------

LONG_EVENTS = [  # titles as long as the real programme's: two today, two later
    ("L’intelligence artificielle au service des politiques publiques départementales", 0, 14),
    ("Café numérique : bien démarrer avec son nouveau poste et ses outils collaboratifs", 0, 16),
    ("Atelier technologique : impression 3D, du modèle numérique à l’objet", 1, 10),
    ("Table ronde : sobriété numérique, quelles pratiques dans nos services ?", 2, 14),
]
LONG_PLACE = "Smart Room — grand amphithéâtre"


def _door(shell: Any, until: Until) -> Any:
    shell.router.go("door")
    door = shell.router.current
    until(lambda: not door.desk.pending)  # its warm-up, whose answer could land on a later page
    return door


def door_events(shell: Any, until: Until) -> None:
    """The door's event list once unlocked: four events with long titles and places."""
    from kiosk.checkin.door_operations import EventChoice
    from kiosk.checkin.service import EventInfo
    from kiosk.domain import EventKind, Space
    from ui.checkin.door import Page

    door = _door(shell, until)
    choices = []
    for n, (title, day, hour) in enumerate(LONG_EVENTS, 1):
        start = NOW.replace(hour=hour, minute=0) + timedelta(days=day)
        info = EventInfo(
            n, title, EventKind.MASTERCLASS, Space.SMART_ROOM, LONG_PLACE, start,
            start + timedelta(hours=2), start - timedelta(minutes=30), start + timedelta(hours=2),
        )  # fmt: skip
        choices.append(EventChoice(info, here=True, today=day == 0, registered=118, capacity=120))
    door.picker.set_events(choices, str)
    door.pages.setCurrentIndex(Page.EVENTS)


def door_visitor(shell: Any, until: Until) -> None:
    """The lock-free visitor form, filled in as far as the organisation, keyboard up."""
    from ui.checkin.door import Page

    door = _door(shell, until)
    door.visitor.reset()
    door.visitor.first_name.setText("Marie-Clémentine")
    door.visitor.last_name.setText("Delacroix-Vasseur")
    door.visitor.organisation.setText("Métropole Nice Côte d’Azur — direction du numérique")
    door.pages.setCurrentIndex(Page.VISITOR)


def event_detail(shell: Any) -> None:
    """An event's page in the programme: long title, long description, full."""
    from kiosk.domain import EventKind, Space, UpcomingEvent

    shell.router.go("events")
    title, day, hour = LONG_EVENTS[0]
    start = NOW.replace(hour=hour, minute=0) + timedelta(days=day)
    about = (
        "Une masterclass pour comprendre ce que l’IA générative change dans l’instruction des "
        "dossiers, la relation aux usagers et la conduite de projet, avec des exemples tirés "
        "de collectivités voisines et un temps d’échange avec les intervenants."
    )
    event = UpcomingEvent(1, title, EventKind.MASTERCLASS, Space.SMART_ROOM, LONG_PLACE, start,
                          start + timedelta(hours=2), True, 0, about)  # fmt: skip
    shell.router.current.open_event(event)


# Every verdict the self check-in can show: one per outcome (tools/screenshots/checkin.py), the
# walk-in offer's confirmation, "Vérification…" and the failure.
VERDICT_KINDS = [
    "ok", "visit-recorded", "already-checked-in", "walk-in-offer", "walk-in-confirm",
    "not-registered", "no-event-here", "event-full", "outside-window", "wrong-event",
    "unknown-badge", "invalid-code", "forged-code", "expired-code", "revoked-code", "pending",
    "failure", "waiting-list", "waiting-list-place-free",
]  # fmt: skip
LONG_FIRST_NAME = "Marie-Clémentine-Éléonore"


def verdict(shell: Any, kind: str) -> None:
    """The self check-in's verdict over the whole window, a long first name in it."""
    from dataclasses import replace

    from tools.screenshots.checkin import sample_results
    from ui.checkin.self_checkin import SelfCheckin, translate
    from ui.checkin.verdicts import confirm_walk_in, describe, failure, pending

    results = {
        name: replace(result, first_name=LONG_FIRST_NAME) if result.first_name else result
        for name, result in sample_results(NOW).items()
    }
    confirming = kind == "walk-in-confirm"
    if kind == "pending":
        view = pending()
    elif kind == "failure":
        view = failure()
    elif confirming:
        view = confirm_walk_in(results["walk-in-offer"], NOW)
    else:
        view = describe(results[kind], NOW)
    checkin = shell.service(SelfCheckin)
    panel = checkin.panel
    panel.setGeometry(shell.window.rect())
    panel.show_view(
        view,
        timeout_ms=8000,
        accept_text=translate("SelfCheckin", "Confirmer" if confirming else "M’inscrire"),
        decline_text=translate("SelfCheckin", "Annuler" if confirming else "Non merci"),
        accept_icon="check" if confirming else "user-plus",
    )
    panel.show()
    panel.raise_()


def overlay(shell: Any, name: str) -> Any:
    """The widget a view lays over the whole window (None: the router's current screen)."""
    if not name.startswith("verdict_"):
        return None
    from ui.checkin.self_checkin import SelfCheckin

    return shell.service(SelfCheckin).panel


def close_overlays(shell: Any) -> None:
    from ui.checkin.self_checkin import SelfCheckin

    checkin = shell.service(SelfCheckin)
    if checkin is not None:
        checkin.close()


def badge_simulator(shell: Any, until: Until) -> None:
    shell.router.go("badge_simulator")
    until(lambda: not shell.executor.pending)  # the agents' list


def fleet(shell: Any, until: Until) -> None:
    """« Parc des bornes » with the kiosks :func:`seed_fleet_kiosks` wrote."""
    from ui.fleet.desk import FleetDesk

    shell.router.go("fleet")
    desk = shell.service(FleetDesk)
    until(lambda: not desk.pending and bool(shell.router.current.cards))


def stats(shell: Any, until: Until) -> None:
    """« Statistiques » with the quarter's figures computed (not « Calcul en cours… »): the
    figures' lines are the longest the screen shows."""
    shell.router.go("stats")
    screen = shell.router.current
    until(lambda: not screen.computing)


def out_of_service(shell: Any) -> None:
    """« Borne hors service » with its longest cause and repair command."""
    from kiosk.db.health import StorageFault, remedies

    screen = shell.router.screen("out_of_service")
    folder = Path("/var/lib/smartcorner/data")
    screen.show_fault(StorageFault.READ_ONLY, remedies(StorageFault.READ_ONLY, folder, None))
    shell.router.go("out_of_service", remember=False)


# Kiosk names as long as the real fleet's; "never" has not sent a heartbeat yet.
FLEET_KIOSKS = {
    "DEMO-STORE": "Smart Store — accueil du bâtiment Grand Arénas, rez-de-chaussée",
    "DEMO-ROOM": "Smart Room — entrée de l’amphithéâtre",
    "DEMO-TOUR": "Smart Tour — camion itinérant des vallées",
    "LAYOUT-NEW": "Médiathèque départementale — borne d’accueil (nouvelle)",
}


def seed_fleet_kiosks(url: str) -> None:
    """Four kiosks sharing the database: out of paper, well, silent, never heard from."""
    from kiosk.db.demo import DemoBase
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.db.models import Kiosk, Site
    from kiosk.fleet.demo import seed_fleet
    from kiosk.settings import Profile

    engine = create_db_engine(url)
    ensure_schema(engine)
    profiles = {"STORE": Profile.STORE, "ROOM": Profile.ROOM, "TOUR": Profile.TOUR}
    with make_session_factory(engine).begin() as s:
        site = Site(
            code="LAYOUT",
            name="Centre administratif départemental",
            town="Nice",
            address="147 boulevard du Mercantour",
        )
        s.add(site)
        s.flush()
        kiosks = {
            code: Kiosk(code=code, name=name, profile=profiles.get(code[5:], Profile.ROOM),
                        site_id=site.id, created_at=NOW - timedelta(days=90))
            for code, name in FLEET_KIOSKS.items()
        }  # fmt: skip
        s.add_all(kiosks.values())
        s.flush()
        base = DemoBase(NOW, NOW.date(), 2026, site.id, [site.id],
                        {code: k.id for code, k in kiosks.items()}, [], [], [])  # fmt: skip
        seed_fleet(s, base)
    engine.dispose()


TOUR_CENTRAL = "postgresql+psycopg://kiosk@central.invalid/smartcorner"


def tour_offline(shell: Any, screen: str) -> None:
    """The Smart Tour offline for hours, 37 records waiting, two conflicts (tools/screenshots/
    sync.py): the bottom bar's chip on the programme, the section on the hardware screen."""
    from tools.screenshots.sync import _views
    from ui.sync.status import SyncMonitor

    monitor = shell.service(SyncMonitor)
    monitor.stop()  # no real sync: the view shows the state
    monitor.present(_views(NOW)["offline"])
    shell.router.go(screen)


# How to reach a view that is not a screen of its own (the others: router.go(name)).
OPEN: dict[str, Callable[[Any, Until], None]] = {
    "door_board": lambda shell, until: door_board(shell),
    "door_search": lambda shell, until: door_search(shell),
    "documents_search": documents_search,
    "documents_results": documents_results,
    "help_describe": lambda shell, until: help_describe(shell),
    "help_reasons": help_reasons,
    "help_ticket": help_ticket,
    "collect_lines": collect_lines,
    "collect_confirm": collect_confirm,
    "collect_done": collect_done,
    "collect_staff": collect_staff,
    "door_events": door_events,
    "door_visitor": door_visitor,
    "event_detail": lambda shell, until: event_detail(shell),
    "badge_simulator": badge_simulator,
    "fleet": fleet,
    "stats": stats,
    "out_of_service": lambda shell, until: out_of_service(shell),
    "tour_events_offline": lambda shell, until: tour_offline(shell, "events"),
    "tour_hardware_sync": lambda shell, until: tour_offline(shell, "hardware"),
    **{
        f"verdict_{kind}": lambda shell, until, kind=kind: verdict(shell, kind)
        for kind in VERDICT_KINDS
    },
}
# Views whose screen loads what it shows on its own worker ("desk"): wait for it.
LOADS: frozenset[str] = frozenset(
    {"door", "door_board", "door_search", "collect_lines", "collect_confirm", "collect_done",
     "collect_staff"}
)  # fmt: skip
ROOM_VIEWS = [
    "attract", "home", "admin", "events", "event_detail", "documents", "documents_search",
    "documents_results", "pin",
    "door", "door_events", "door_board", "door_search", "door_visitor", "hardware",
    "badge_simulator", "stats", "fleet", "out_of_service",
    *(f"verdict_{kind}" for kind in VERDICT_KINDS),
]  # fmt: skip
# The store profile's (a store shell, the database seeded by seed_store).
STORE_VIEWS = [
    "help_reasons", "help_describe", "help_ticket", "collect_lines", "collect_confirm",
    "collect_done", "collect_staff",
]  # fmt: skip


# The Smart Tour's (a tour shell with a central database configured, never reached).
TOUR_VIEWS = ["tour_events_offline", "tour_hardware_sync"]


def open_view(shell: Any, name: str, until: Until | None = None) -> None:
    def spin(condition: Callable[[], bool]) -> None:
        raise RuntimeError(f"{name} needs a way to wait")

    close_overlays(shell)
    OPEN.get(name, lambda s, u: s.router.go(name))(shell, until or spin)


def still(window: Any, settle: Callable[[], None], turns: int = 20) -> None:
    """Turn the loop until no widget moves: a wrapped line's height reaches the list above it
    one layout request at a time, and a picture taken mid-way shows rows laid over each other
    that nobody at the kiosk sees for more than a frame (the layout check waits the same way)."""
    from PySide6.QtWidgets import QWidget

    def where() -> list[Any]:
        return [w.geometry() for w in window.findChildren(QWidget) if w.isVisible()]

    for _ in range(turns):
        before = where()
        settle()
        if where() == before:
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots.layout")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--size", default="1920x1080", help="WxH in logical pixels")
    parser.add_argument("--width-mm", type=float, default=None, help="the panel's width in mm")
    parser.add_argument("--view", action="append", help="only these views (repeatable)")
    args = parser.parse_args(argv)
    width, _, height = args.size.lower().partition("x")
    size = int(width), int(height)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.identity import load_site_key
    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Language, Profile, Settings
    from tools.screenshots.main import sample_events
    from ui.app.shell import build_shell
    from ui.theme import ScreenMetrics

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    args.outdir.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()

    def until(condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 30
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the view did not come")
            settle()

    views = args.view or ROOM_VIEWS + STORE_VIEWS + TOUR_VIEWS
    for profile, names in (
        (Profile.ROOM, [v for v in views if v not in STORE_VIEWS + TOUR_VIEWS]),
        (Profile.STORE, [v for v in views if v in STORE_VIEWS]),
        (Profile.TOUR, [v for v in views if v in TOUR_VIEWS]),
    ):
        if not names:
            continue
        tmp = Path(tempfile.mkdtemp(prefix="smartcorner-layout-shots-"))
        url = f"sqlite:///{tmp / 'kiosk.sqlite3'}"
        settings = Settings(
            profile=profile, paths=Paths(data_dir=tmp, config_file=None), reader="none",
            db_url=url, central_db=TOUR_CENTRAL if profile is Profile.TOUR else "",
            speech_engine="none",
        )  # fmt: skip
        if profile is Profile.STORE:
            seed_store(url, load_site_key(settings.site_key_path))
        if profile is Profile.ROOM:
            seed_fleet_kiosks(url)
        shell = build_shell(
            settings, app=app, clock=FixedClock(NOW),
            events_loader=lambda now, limit: sample_events(NOW)[:limit],
        )  # fmt: skip
        width_mm = args.width_mm or size[0] / ScreenMetrics.design().px_per_mm
        shell.theme.set_screen(ScreenMetrics(size[0], size[1], size[0] / width_mm))
        shell.window.resize(*size)
        shell.window.transition.duration_ms = 0
        shell.start()
        shell.window.show()
        for lang in Language:
            for accessible in (False, True):
                shell.session.set_language(lang)
                shell.session.set_accessible(accessible)
                for name in names:
                    open_view(shell, name, until)
                    settle()
                    desk = getattr(shell.router.current, "desk", None)
                    while name in LOADS and getattr(desk, "pending", 0):
                        settle()
                    still(shell.window, settle)
                    mode = "accessible" if accessible else "normal"
                    path = args.outdir / f"{name}-{lang.value}-{mode}-{size[0]}x{size[1]}.png"
                    shell.window.grab().save(str(path))
                    print(path)
        shell.close()
        settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
