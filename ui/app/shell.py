"""Builds the kiosk's object graph: theme, language, screens, router, idle monitor, window.

``ui.app.run.run`` calls it with the real database and clock; tests and the screenshot tool
call it with a fake events loader and a fixed clock. Everything is passed through constructors.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

from hardware.wedge import WedgeConfig
from kiosk.ports import Clock
from kiosk.settings import Settings, Voice, load_voice, save_voice
from ui.app.idle import IdleMonitor
from ui.app.registry import TileRegistry, default_registry
from ui.app.screens.attract import AttractScreen
from ui.app.session import KioskSession
from ui.data import KioskDatabase
from ui.devices.capability import DEVICES, HARDWARE, SIMULATOR
from ui.events_feed import REFRESH_MS, EventsFeed, EventsLoader, FeedState
from ui.fleet.capability import FLEET, FLEET_HEALTH
from ui.host import Capability, ScreenDeps, Service
from ui.i18n import LanguageSwitcher
from ui.input.bridge import DeviceBridge, ScanSource
from ui.input.router import InputRouter
from ui.input.wedge_filter import WedgeFilter
from ui.notices.feed import Notices, NoticesFeed, NoticesLoader
from ui.screens.router import Router
from ui.speech.headset import HeadsetWatch
from ui.speech.narrator import Narrator
from ui.speech.speaker import Speaker, SpeechHealth, engine_factory
from ui.tasks import BackgroundExecutor
from ui.theme import ScreenMetrics, ThemeController
from ui.widgets.window import KioskWindow

if TYPE_CHECKING:
    from datetime import datetime

    from hardware.devices import Devices
    from kiosk.announcements.service import Banner
    from kiosk.stats.dashboard import Dashboard
    from kiosk.stats.periods import Quarter
    from ui.app.screens.admin import AdminScreen
    from ui.app.screens.home import HomeScreen
    from ui.input.camera import CameraScanner
    from ui.screens.base import Screen
    from ui.screens.pin import PinScreen
    from ui.widgets.bottom_bar import BottomBar

log = logging.getLogger(__name__)
T = TypeVar("T")

AGENDA_LIMIT = 60
ICONS_AFTER_MS = 500  # after the first paint: the hidden buttons' icons (bottom bar, verdict)
SPEECH_WARM_MS = 1000  # the speech engine is made once the attract screen is this quiet
# Routes of the screens every kiosk has (a capability's route is its key).
HOME, PIN, ADMIN = "home", "pin", "admin"
OUT_OF_SERVICE = "out_of_service"
EVENTS = "events"  # the programme (ui.events.capability)
STATS = "stats"  # reached from the administration screen
ANNOUNCEMENTS = "announcements"  # staff's banners, reached from the administration screen


class StartStages(QObject):
    """The start in two steps: the attract screen paints, then the rest of the kiosk loads."""

    # After the first paint, once the services are installed: what they warm up starts now.
    settled = Signal()


@dataclass
class Shell:
    settings: Settings
    app: QApplication
    owner: QObject  # parent of the non-widget objects below
    window: KioskWindow
    router: Router
    session: KioskSession
    theme: ThemeController
    language: LanguageSwitcher
    idle: IdleMonitor
    executor: BackgroundExecutor
    feed: EventsFeed
    notices: NoticesFeed
    tiles: TileRegistry
    attract: AttractScreen
    database: KioskDatabase
    bridge: DeviceBridge
    input_router: InputRouter
    wedge: WedgeFilter
    narrator: Narrator
    stages: StartStages
    headset: HeadsetWatch | None = None  # speech_output = auto: the jack, asked of pactl
    devices: Devices | None = None
    camera: CameraScanner | None = None
    # Sections other modules add below the devices and the print spool on the hardware screen.
    hardware_sections: list[Callable[[], QWidget]] = field(default_factory=list)
    # What installed services (ui.host.Service) returned: see service().
    installed: list[object] = field(default_factory=list)
    # Called at shutdown, before the database closes (a service's own worker, say).
    shutdown_hooks: list[Callable[[], None]] = field(default_factory=list)
    _built_devices: list[Devices] = field(default_factory=list, repr=False)
    _services: list[Service] = field(default_factory=list, repr=False)  # not installed yet
    _deps: ScreenDeps | None = field(default=None, repr=False)
    _filters_installed: bool = field(default=False, repr=False)

    @property
    def first_painted(self) -> SignalInstance:
        """The attract screen is up and the services are installed: warm up now."""
        return self.stages.settled

    def install_services(self) -> None:
        """Install the services still waiting (all of them, unless the start deferred them)."""
        waiting, self._services = self._services, []
        assert self._deps is not None
        for service in waiting:
            installed = service.install(self, self._deps)
            if installed is not None:
                self.installed.append(installed)

    def settle(self) -> None:
        """After the first paint (and its own slots): the deferred part of the start."""
        self.install_services()
        if self.headset is not None:
            self.headset.start()  # a pactl process: not before the first paint
        self.stages.settled.emit()

    @property
    def session_reset(self) -> SignalInstance:
        return self.idle.session_reset

    def service(self, kind: type[T]) -> T | None:
        """The installed service of that type (tests, screenshots), None if not installed."""
        return next((s for s in self.installed if isinstance(s, kind)), None)

    def quiet_ms(self) -> int:
        return self.idle.quiet_ms()

    def start(self, *, filters_at_first_frame: bool = False) -> None:
        """Show the attract screen; start watching for idleness and for wedge scanners.

        ``filters_at_first_frame``: the application-wide event filters are installed while the
        attract screen draws its first frame rather than now (the real start). Until then no
        input can reach the window, but every event of the widgets being built, shown and
        polished went through three Python filters, and an event sent to the application's
        style made PySide6 create the QStyle class and its 11 enums (532 members): ~10 ms of
        CPU before the first paint, on a loaded machine, that no key needed.
        """
        self.router.reset()
        if filters_at_first_frame:
            self.attract.first_frame.connect(self.install_filters)
        else:
            self.install_filters()

    def install_filters(self) -> None:
        """The idle monitor, the narrator and the wedge filter, in that order (once)."""
        if self._filters_installed:
            return
        self._filters_installed = True
        self.idle.install(self.app)
        # the narrator before the wedge, so the wedge sees keys first (a scan's Enter is its)
        self.narrator.install(self.app)
        self.wedge.install(self.app)  # installed last, so it sees keys before the idle monitor

    def load_devices(self, build: Callable[[], Devices]) -> None:
        """Build the devices on the worker (importing escpos takes ~0.5 s), then attach them."""
        built = self._built_devices  # so that shutdown stops them even if never attached

        def work() -> Devices:
            built.append(build())
            return built[-1]

        self.executor.submit(work, self.attach_devices)

    def attach_devices(self, devices: Devices) -> None:
        """Start the devices; their events reach the screens through the bridge from now on."""
        if self.devices is not None:
            raise RuntimeError("devices are already attached")
        self.devices = devices
        devices.start(self.bridge.on_badge_event)
        devices.printer.request_status(self.bridge.on_printer_status)
        log.info(
            "devices: %s, %s",
            type(devices.badges).__name__,
            type(devices.printer).__name__,
        )

    def start_camera(self) -> None:
        """The camera as a second QR scanner (``SMARTCORNER_CAMERA=1``); its state goes to the
        bridge, its codes go the wedge's way (source "camera")."""
        from ui.input.camera import CameraScanner

        if self.camera is not None:
            raise RuntimeError("the camera is already started")
        bridge = self.bridge
        self.camera = CameraScanner(
            lambda text: bridge.on_scan(text, ScanSource.CAMERA), parent=self.owner
        )
        self.camera.status_changed.connect(bridge.on_camera_status)
        self.camera.start()

    def shutdown(self) -> None:
        """Stop timers, filters and devices; let the worker finish (after the event loop)."""
        self.wedge.uninstall()
        self.narrator.uninstall()
        if self.headset is not None:
            self.headset.stop()
        self.narrator.speaker.shutdown()
        if self.camera is not None:
            self.camera.stop()
        self.idle.uninstall()
        self.feed.stop()
        self.notices.stop()
        self.attract.drift.stop()
        for screen in self.router.built_screens():
            screen.stop_work()
        for hook in self.shutdown_hooks:
            hook()
        self.executor.wait()
        devices = self.devices or next(iter(self._built_devices), None)
        if devices is not None:
            devices.stop()

    def close(self) -> None:
        """Shut down and delete everything, leaving the QApplication as it was (tests, shots)."""
        self.shutdown()
        self.database.close()
        self.language.uninstall()
        self.window.close()
        self.window.deleteLater()
        self.owner.deleteLater()

    def holds_session(self) -> bool:
        current = self.router.current
        return current is not None and current.holds_session()

    def is_quiet(self, quiet_ms: int) -> bool:
        """Nobody is using the kiosk: the attract screen, untouched for ``quiet_ms``."""
        return (
            self.router.current_key == AttractScreen.key
            and not self.holds_session()
            and self.idle.quiet_ms() >= quiet_ms
        )

    def reset_session(self) -> None:
        """Wipe what the last visitor did: language, accessibility, history, every screen."""
        self.session.reset()
        self.router.reset()


def build_shell(
    settings: Settings,
    *,
    app: QApplication,
    clock: Clock,
    events_loader: EventsLoader,
    executor: BackgroundExecutor | None = None,
    tiles: TileRegistry | None = None,
    refresh_ms: int = REFRESH_MS,
    on_quit: Callable[[], None] | None = None,
    database: KioskDatabase | None = None,
    notices_loader: NoticesLoader | None = None,
    screen: QScreen | None = None,
    services_after_paint: bool = False,
) -> Shell:
    """Everything wired and the attract screen built; ``on_quit`` defaults to ``app.quit``.

    ``screen``: the screen the window will fill, so that the theme is sized once, before the
    widgets exist. ``services_after_paint``: the capabilities' services (self check-in, the
    fleet heartbeat...) are installed after the attract screen's first paint rather than here:
    the real start does that, tests want them at once.
    """
    owner = QObject(app)  # parent of the non-widget objects, so they live as long as the app
    executor = executor or BackgroundExecutor(parent=owner)
    tiles = tiles or default_registry()
    metrics = ScreenMetrics.of(screen) if screen is not None else None
    theme = ThemeController(app, parent=owner, metrics=metrics)
    theme.apply(accessible=False)
    language = LanguageSwitcher(app, parent=owner)
    language.apply(settings.lang)
    session = KioskSession(settings.lang, parent=owner)
    bridge = DeviceBridge(clock, parent=owner)
    feed = EventsFeed(
        events_loader,
        executor,
        clock,
        limit=max(AGENDA_LIMIT, settings.attract_events),
        refresh_ms=refresh_ms,
        parent=owner,
    )
    window = KioskWindow(theme)
    router = Router(window.stack, root=AttractScreen.key, parent=owner)
    database = database or KioskDatabase.for_settings(settings)  # opened lazily, on the worker
    notices = NoticesFeed(
        notices_loader or _notices_loader(database, settings),
        executor,
        clock,
        refresh_ms=refresh_ms,
        parent=owner,
    )
    attract = AttractScreen(
        feed, theme, clock, settings.kiosk_name, settings.attract_events, notices=notices
    )
    deps = ScreenDeps(
        settings=settings,
        theme=theme,
        clock=clock,
        executor=executor,
        feed=feed,
        database=database,
        bridge=bridge,
        notices=notices,
    )
    capabilities = tiles.for_profile(settings.profile)

    # Only the attract screen is needed for the first paint: the others (and their modules)
    # are built on first visit.
    def make_home() -> HomeScreen:
        from ui.app.screens.home import HomeScreen

        home = HomeScreen(capabilities, theme, clock, settings.kiosk_name, notices=notices)
        home.tile_activated.connect(router.go)
        return home

    def make_pin() -> PinScreen:
        from kiosk.admin_access import PinSecret, pin_guard
        from ui.screens.pin import PinScreen

        # Failures count in the kiosk's lockout file: across visits, pads and restarts.
        pin = PinScreen(pin_guard(settings, clock, PinSecret.ADMIN), theme)
        pin.granted.connect(lambda: router.go(ADMIN, remember=False))
        pin.cancelled.connect(router.back)
        return pin

    speaker = Speaker(engine_factory(settings.speech_engine), parent=owner)
    speaker.apply_voice(load_voice(settings.paths.voice_file))  # as staff last set it

    def make_admin() -> AdminScreen:
        from ui.app.screens.admin import AdminScreen
        from ui.app.screens.speech_controls import VoiceRow

        def save(voice: Voice) -> None:  # a durable write: on the worker
            executor.submit(lambda: save_voice(settings.paths.voice_file, voice), _ignore)

        voice = VoiceRow(theme, speaker, on_change=save)
        # settings.reader "none" is what gives the simulated reader (hardware.devices)
        admin = AdminScreen(
            settings, theme, can_simulate_badges=settings.reader == "none", voice=voice
        )
        admin.back_requested.connect(router.back)
        admin.hardware_requested.connect(lambda: router.go(HARDWARE))
        admin.simulator_requested.connect(lambda: router.go(SIMULATOR))
        admin.stats_requested.connect(lambda: router.go(STATS))
        admin.fleet_requested.connect(lambda: router.go(FLEET))
        admin.announcements_requested.connect(lambda: router.go(ANNOUNCEMENTS))
        admin.quit_requested.connect(on_quit or app.quit)
        return admin

    router.register(AttractScreen.key, lambda: attract)
    router.register(HOME, make_home)
    router.register(PIN, make_pin)
    router.register(ADMIN, make_admin)
    router.register(STATS, lambda: _make_stats(settings, theme, clock, executor, database, router))
    router.register(
        ANNOUNCEMENTS,
        lambda: _make_announcements(settings, theme, clock, executor, database, notices),
    )

    def make_capability_screen(capability: Capability) -> Screen:
        screen = capability.make_screen(deps)
        # a capability's screen that ends its flow ("Terminé") sends the visitor home
        home_requested = getattr(screen, "home_requested", None)
        if home_requested is not None:
            home_requested.connect(lambda: router.home(HOME))
        return screen

    for capability in capabilities:
        router.register(capability.key, partial(make_capability_screen, capability))
    attract.start_requested.connect(lambda: router.go(HOME))

    def open_event(upcoming: object) -> None:
        """A card tapped on the attract screen: its page in the programme, "Retour" to it."""
        router.go(HOME)
        router.go(EVENTS)
        opener = getattr(router.current, "open_event", None)
        if opener is not None:
            opener(upcoming)

    attract.event_requested.connect(open_event)
    attract.first_painted.connect(feed.start)  # the first query waits until the screen is up
    attract.first_painted.connect(notices.start)
    # The bottom bar, which the attract screen does not show, then the hidden buttons' icons
    # (the bar's among them): a moment after the first paint, not in the slots that run with
    # it (the programme's first query is on the worker then), nor at the first tap.
    attract.first_painted.connect(
        lambda: QTimer.singleShot(ICONS_AFTER_MS, window, lambda: _finish_window(window))
    )
    router.register(OUT_OF_SERVICE, lambda: _make_out_of_service(theme))
    feed.changed.connect(lambda: _show_storage_state(router, feed, database, settings))

    shell = Shell(
        settings=settings,
        app=app,
        owner=owner,
        window=window,
        router=router,
        session=session,
        theme=theme,
        language=language,
        idle=IdleMonitor(
            settings.idle_timeout * 1000,
            settings.idle_countdown * 1000,
            reset_session=lambda: shell.reset_session(),
            holds_session=lambda: shell.holds_session(),
            parent=owner,
        ),
        executor=executor,
        database=database,
        feed=feed,
        notices=notices,
        tiles=tiles,
        attract=attract,
        bridge=bridge,
        input_router=InputRouter(lambda: router.current, parent=owner),
        wedge=WedgeFilter(WedgeConfig.from_settings(settings), parent=owner),
        narrator=Narrator(speaker, window, parent=owner),
        headset=HeadsetWatch(parent=owner) if settings.speech_output == "auto" else None,
        stages=StartStages(owner),
        _services=[DEVICES, FLEET_HEALTH, *tiles.services_for(settings.profile)],
        _deps=deps,
    )
    _wire(shell)
    _wire_speech(shell)
    _wire_devices(shell)
    if not services_after_paint:
        shell.install_services()
    # Once the first frame is out and the slots waiting for it have run: the rest of the start.
    attract.first_painted.connect(lambda: QTimer.singleShot(0, owner, shell.settle))
    return shell


def _notices_loader(database: KioskDatabase, settings: Settings) -> NoticesLoader:
    """Staff's announcements for this kiosk and the Smart Tour's stops (on the worker)."""

    def load(now: datetime) -> Notices:
        from kiosk.announcements.service import banners_for
        from kiosk.itinerary.stops import upcoming_stops

        code = database.this_kiosk(now).code
        with database.session_factory()() as session:
            banners = banners_for(session, now, settings.profile, code)
            return Notices(banners, upcoming_stops(session, now))

    return load


def _make_announcements(
    settings: Settings,
    theme: ThemeController,
    clock: Clock,
    executor: BackgroundExecutor,
    database: KioskDatabase,
    notices: NoticesFeed,
) -> Screen:
    from ui.notices.editor import AnnouncementsScreen, EditorBackend

    def load(now: datetime) -> list[Banner]:
        from kiosk.announcements.service import announcements

        with database.session_factory()() as session:
            return announcements(session, now)

    from kiosk.db.engine import begin_as_writer

    def publish(text: str, starts: datetime, ends: datetime, here_only: bool) -> Banner:
        from kiosk.announcements.service import announce

        code = database.this_kiosk(starts).code
        with database.session_factory().begin() as session:
            begin_as_writer(session)  # reads the kiosks it is for, then writes
            return announce(
                session, text, starts, ends, starts, kiosks=(code,) if here_only else (),
                created_by=f"kiosk:{code}",
            )  # fmt: skip

    def withdraw(banner_id: int, now: datetime) -> bool:
        from kiosk.announcements.service import withdraw as end

        with database.session_factory().begin() as session:
            begin_as_writer(session)
            return end(session, banner_id, now)

    return AnnouncementsScreen(
        EditorBackend(load, publish, withdraw), executor, clock, theme, on_changed=notices.refresh
    )


def _finish_window(window: KioskWindow) -> None:
    """The bottom bar and the hidden buttons' icons (ui.widgets.buttons loads after the first
    paint)."""
    from ui.widgets.buttons import draw_pending_icons

    _ = window.bottom_bar  # built on first use
    draw_pending_icons(window)


def _ignore(_result: object) -> None:
    """A task whose result nobody needs (its failure is logged by the executor)."""


def _make_out_of_service(theme: ThemeController) -> Screen:
    from ui.app.screens.out_of_service import OutOfServiceScreen

    return OutOfServiceScreen(theme)


def _show_storage_state(
    router: Router, feed: EventsFeed, database: KioskDatabase, settings: Settings
) -> None:
    """The database cannot be opened: « hors service » with the cause; back once it opens."""
    from kiosk.db.health import remedies, sqlite_file
    from ui.app.screens.out_of_service import OutOfServiceScreen

    failure = database.storage_fault
    if failure is not None and feed.state is FeedState.FAILED:
        path = sqlite_file(settings.database_url)
        commands = remedies(failure.fault, path.parent if path else None, settings.paths.backup_dir)
        screen = router.screen(OUT_OF_SERVICE)
        assert isinstance(screen, OutOfServiceScreen)
        screen.show_fault(failure.fault, commands)
        if router.current_key != OUT_OF_SERVICE:
            router.go(OUT_OF_SERVICE, remember=False)
    elif failure is None and router.current_key == OUT_OF_SERVICE:
        router.reset()


def _make_stats(
    settings: Settings,
    theme: ThemeController,
    clock: Clock,
    executor: BackgroundExecutor,
    database: KioskDatabase,
    router: Router,
) -> Screen:
    from ui.stats.screen import StatsScreen

    def load(quarter: Quarter) -> Dashboard:  # on the worker thread, computed apart
        from ui.apart import quarter_dashboard

        return database.apart.run(quarter_dashboard, database.url, quarter, clock.now())

    screen = StatsScreen(theme, executor, clock, load)
    screen.back_requested.connect(router.back)
    return screen


def _wire(shell: Shell) -> None:
    window, router, session, idle = shell.window, shell.router, shell.session, shell.idle

    def show_bar(screen: Screen | None) -> None:
        bar = window.bottom_bar
        bar.setVisible(screen is not None and screen.shows_bottom_bar)
        bar.set_back_enabled(router.can_go_back())

    def on_screen(key: str) -> None:
        screen = router.screen(key)
        if screen.shows_bottom_bar or window.has_bottom_bar:
            show_bar(screen)
        idle.set_active(screen.idle_applies)

    router.leaving.connect(window.transition.leaving)
    router.current_changed.connect(on_screen)
    router.current_changed.connect(window.transition.entered)

    def back() -> None:
        current = router.current
        if current is None or not current.go_back():
            router.back()

    def wire_bar(bar: BottomBar) -> None:
        """The bar as the session and the screen stand when it is built, and its buttons."""
        bar.set_language(session.lang)
        bar.set_accessible(session.accessible)
        show_bar(router.current)
        bar.home_clicked.connect(lambda: router.home(HOME))
        bar.back_clicked.connect(back)
        bar.language_clicked.connect(session.toggle_language)
        bar.accessible_toggled.connect(session.set_accessible)
        session.language_changed.connect(bar.set_language)  # from now on, as it is built
        session.accessible_changed.connect(bar.set_accessible)

    window.with_bottom_bar(wire_bar)
    session.language_changed.connect(shell.language.apply)
    session.accessible_changed.connect(shell.theme.set_accessible)

    window.admin_corner.triggered.connect(lambda: router.go(PIN))
    # the overlay is built when the first countdown starts
    idle.countdown_started.connect(lambda seconds: window.overlay.start(seconds))
    idle.countdown_tick.connect(lambda seconds: window.overlay.set_seconds(seconds))
    idle.countdown_cancelled.connect(window.hide_overlay)
    idle.session_reset.connect(window.hide_overlay)
    window.continue_clicked.connect(idle.poke)


def _wire_speech(shell: Shell) -> None:
    """Speech in accessible mode, or whenever the jack holds a headset (``auto``); personal
    data only into a headset; silence at the idle reset."""
    session, narrator, headset = shell.session, shell.narrator, shell.headset
    speaker = narrator.speaker
    speaker.headset = shell.settings.speech_output == "headset"
    speaker.set_language(session.lang)

    def update() -> None:
        plugged = headset is not None and headset.plugged
        if headset is not None:
            speaker.headset = plugged
        narrator.set_active(session.accessible or plugged)

    session.accessible_changed.connect(update)
    if headset is not None:
        headset.changed.connect(update)
    session.language_changed.connect(speaker.set_language)
    narrator.activation_requested.connect(lambda: session.set_accessible(True))
    narrator.back_requested.connect(lambda: shell.window.bottom_bar.back_clicked.emit())
    shell.idle.session_reset.connect(speaker.stop)
    shell.hardware_sections.append(lambda: _speech_section(shell))
    if shell.settings.speech_output == "headset":  # a kiosk set up for speech: see below
        shell.first_painted.connect(lambda: _warm_speech(shell))


def _warm_speech(shell: Shell) -> None:
    """Make the speech engine while nobody waits for it.

    Made on first use, it cost the first visitor's first phrase seconds of silence with the
    screen frozen: Qt's speechd engine lists every voice of every module in its constructor
    (13,363 espeak-ng voices and variants on Debian 12: 8-10 s on a loaded test machine), on
    the GUI thread (a thread of its own deadlocked, see ``Speaker.start``). That cannot be made
    shorter from here; it is done on the attract screen, untouched for a moment, after the
    first paint, and tried again later while somebody is using the kiosk.

    Only on a kiosk whose settings say its speech goes to a headset (``speech_output =
    headset``): elsewhere the engine is made on first use, as before. Warming every kiosk froze
    the screen ten seconds after each start and held up ``smartcorner run --smoke`` and the
    end-to-end runs of the real application."""
    speaker = shell.narrator.speaker
    timer = QTimer(speaker, interval=SPEECH_WARM_MS)

    def tick() -> None:
        if speaker.health is not SpeechHealth.NOT_STARTED:
            timer.stop()  # started by a first phrase meanwhile, or no engine at all
        elif shell.is_quiet(SPEECH_WARM_MS):
            timer.stop()
            speaker.start()

    timer.timeout.connect(tick)
    timer.start()


def _speech_section(shell: Shell) -> QWidget:
    """The speech card on the hardware screen: is the voice working (its settings are on the
    administration screen's « Voix » row)."""
    from ui.devices.speech_section import SpeechSection

    return SpeechSection(shell.theme, shell.narrator.speaker, shell.settings.speech_output)


def _wire_devices(shell: Shell) -> None:
    """Badges and scans: current screen, then fallbacks, then a toast (ui.input.router)."""
    bridge, inputs, window = shell.bridge, shell.input_router, shell.window
    bridge.activity.connect(shell.idle.poke)
    bridge.badge_presented.connect(inputs.route_badge)
    bridge.badge_refused.connect(inputs.refuse_badge)
    bridge.scanned.connect(inputs.route_scan)
    shell.wedge.scanned.connect(lambda payload: bridge.on_scan(payload, ScanSource.WEDGE))
    # the toast is built the first time it has something to say
    inputs.badge_unused.connect(lambda: window.toast.show_badge_unused())
    inputs.scan_unused.connect(lambda: window.toast.show_scan_unused())
    inputs.badge_refused.connect(lambda event: window.toast.show_badge_refused(event.reason))
    inputs.handler_failed.connect(lambda: window.toast.show_failure())
    shell.router.leaving.connect(window.dismiss_toast)
    shell.idle.session_reset.connect(window.dismiss_toast)
