"""« Mon espace »: a home tile where an agent's badge shows their registrations, requests and
orders; and the notifications worker that mails promotions, ready orders and declines when
``smtp_url`` is set."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from kiosk.settings import Profile
from ui.events.capability import make_signup_desk
from ui.host import ALL_PROFILES, Capability, Host, ScreenDeps, Service
from ui.theme import Area

if TYPE_CHECKING:
    from kiosk.signup.notices import DeliveryReport
    from ui.screens.base import Screen

log = logging.getLogger(__name__)

KEY: Final = "myspace"
NOTICES_EVERY_MS: Final = 60_000


def _screen(deps: ScreenDeps) -> Screen:
    from ui.myspace.screen import MySpaceScreen  # on first visit: the start stays fast

    desk = make_signup_desk(deps)
    screen = MySpaceScreen(
        desk,
        deps.theme,
        mail_configured=bool(deps.settings.smtp_url),
        tour=deps.settings.profile is Profile.TOUR,
    )
    desk.setParent(screen)
    return screen


def install_home_return(host: Host, deps: ScreenDeps) -> object:
    router = host.router
    wired: list[object] = []

    def on_screen(key: str) -> None:
        if key == KEY and not wired:
            screen = router.screen(KEY)
            screen.finished.connect(lambda: router.home("home"))  # type: ignore[attr-defined]
            wired.append(screen)

    router.current_changed.connect(on_screen)
    return wired


class NoticeWorker(QObject):
    """Every minute, on the kiosk's shared worker: queue the « prête » messages of orders that
    became ready, then send what is due (retries included). Off when ``smtp_url`` is empty."""

    def __init__(self, deps: ScreenDeps, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deps = deps
        self._busy = False
        import socket  # here, after the first paint: the module is on the start's path

        self._worker = f"{socket.gethostname()}:{id(self):x}"
        self.timer = QTimer(self)
        self.timer.setInterval(NOTICES_EVERY_MS)
        self.timer.timeout.connect(self.run_once)

    def run_once(self) -> None:
        if self._busy:
            return
        self._busy = True
        deps = self._deps
        now = deps.clock.now()

        def work() -> DeliveryReport:
            from hardware.smtp import SmtpTransport
            from kiosk.signup.notices import deliver_due, enqueue_ready_orders

            sessions = deps.database.session_factory()
            with sessions() as session:
                enqueue_ready_orders(session, now)
                session.commit()
            transport = SmtpTransport(deps.settings.smtp_url, deps.settings.mail_from)
            return deliver_due(sessions, transport, now, worker=self._worker)

        deps.executor.submit(work, self._done, self._failed)

    def _done(self, report: DeliveryReport) -> None:
        self._busy = False
        if report.sent or report.failed:
            log.info("notices: %s sent, %s to retry", report.sent, report.failed)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.error("notices round failed: %s", exc)


def install_notices(host: Host, deps: ScreenDeps) -> NoticeWorker | None:
    if not deps.settings.smtp_url:
        log.info("no smtp_url: notifications are not mailed (« Mon espace » says so)")
        return None
    worker = NoticeWorker(deps, parent=host.owner)
    host.first_painted.connect(worker.timer.start)
    return worker


MY_SPACE = Capability(
    key=KEY,
    area=Area.EVENTS,
    icon="id-badge-2",
    title=lambda: QCoreApplication.translate("Capabilities", "Mon espace"),
    subtitle=lambda: QCoreApplication.translate(
        "Capabilities", "Vos inscriptions et vos commandes, avec votre badge"
    ),
    make_screen=_screen,
    profiles=ALL_PROFILES,
    order=90,
)
MY_SPACE_HOME = Service(key="myspace_home", install=install_home_return)
NOTICES = Service(key="notices", install=install_notices)
