"""The tour kiosk's sync chip, worker and hardware section."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.collect.status import LineStatus
from kiosk.collect.tables import CollectOrder
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Event, Kiosk, Site
from kiosk.domain import EventKind, Space
from kiosk.satisfaction.tables import EventFeedback
from kiosk.settings import Profile
from kiosk.sync.failures import SyncFailure
from kiosk.sync.tour import SyncStatus
from tests.kiosk.sync.collect_world import add_order, seed_collect
from tests.kiosk.sync.conftest import seed_central
from tests.ui.conftest import NOW
from ui.devices.device_card import Level
from ui.sync.status import SyncChip, SyncMonitor, SyncSection, SyncView, describe, failure_text

UNREACHABLE = "postgresql+psycopg://kiosk@127.0.0.1:9/central"


def _status(**changes: Any) -> SyncStatus:
    values: dict[str, Any] = {
        "last_success_at": NOW - timedelta(minutes=12),
        "last_attempt_at": NOW - timedelta(minutes=12),
        "last_error": None,
        "data_as_of": NOW - timedelta(minutes=12),
        "pending": 0,
        "conflicts": 0,
    }
    return SyncStatus(**(values | changes))


def test_the_chip_says_state_age_and_what_waits_in_words() -> None:
    def chip(**changes: Any) -> tuple[Level, str, str]:
        return describe(SyncView(configured=True, status=_status(**changes)), NOW)

    assert chip() == (Level.OK, "cloud-check", "Synchronisé il y a 12 min")
    assert chip(pending=3, conflicts=2) == (
        Level.OK, "cloud-check", "Synchronisé il y a 12 min · 3 à envoyer · conflits\u202f: 2"
    )  # fmt: skip
    level, icon, text = chip(last_error="base centrale injoignable", pending=40)
    local = (NOW - timedelta(minutes=12)).astimezone().strftime("%d/%m %H:%M")
    assert (level, icon) == (Level.WARNING, "cloud-off")
    assert text.startswith("Hors ligne · données du ")
    assert text.endswith(" · 40 à envoyer")
    assert local[:5] in text
    stale = NOW - timedelta(days=3)
    assert chip(last_error="x", data_as_of=stale)[0] is Level.ERROR  # data too old: red
    assert chip(last_success_at=None, data_as_of=None)[:2] == (Level.ERROR, "cloud-off")
    running = describe(SyncView(configured=True, running=True), NOW)
    assert running[1:] == ("refresh", "Synchronisation en cours…")
    assert describe(SyncView(configured=False), NOW)[0] is Level.OFF


def _central(tmp_path: Path) -> str:
    """The check-in world, and one Click & Collect order ready for an agent of the tour."""
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    engine = create_db_engine(url)
    ensure_schema(engine)
    factory = make_session_factory(engine)
    _world, _cafe, crowd = seed_central(factory)
    seed_collect(factory)
    with factory.begin() as s:
        add_order(s, "CC-2026-0042", crowd[0], [LineStatus.READY], at=NOW - timedelta(days=1))
    engine.dispose()
    return url


def _synced(qtbot: QtBot, monitor: SyncMonitor) -> SyncView:
    with qtbot.waitSignal(monitor.changed, timeout=30_000, check_params_cb=lambda v: not v.running):
        monitor.sync_now()
    return monitor.view


def _tour(make_shell: Callable[..., Any], central_db: str) -> Any:
    return make_shell(profile=Profile.TOUR, central_db=central_db, kiosk_code="TOUR-1",
                      site="MENT")  # fmt: skip


def test_a_tour_kiosk_syncs_off_the_gui_thread_and_shows_it(
    qtbot: QtBot, make_shell: Callable[..., Any], tmp_path: Path
) -> None:
    shell = _tour(make_shell, _central(tmp_path))
    monitor = shell.service(SyncMonitor)
    assert isinstance(monitor, SyncMonitor)

    view = _synced(qtbot, monitor)

    assert view.status is not None
    assert view.status.last_error is None
    with shell.database.session_factory()() as s:  # the worker carries Click & Collect too
        assert list(s.scalars(select(CollectOrder.reference))) == ["CC-2026-0042"]
    chip = shell.window.bottom_bar.findChild(SyncChip)
    assert chip is not None
    assert chip.text.text() == "Synchronisé à l’instant"
    shell.router.go("hardware")
    section = shell.router.current.findChild(SyncSection)
    assert section is not None
    texts = section.card.texts()
    assert texts[:2] == ["Synchronisation avec la base centrale", "Synchronisé à l’instant"]
    assert texts[2].startswith("Dernière réussite\u202f: ")
    assert "erreur" not in texts[2]


def test_an_answer_that_may_still_change_is_not_shown_as_waiting_to_be_sent(
    qtbot: QtBot, make_shell: Callable[..., Any], tmp_path: Path
) -> None:
    """An answer to « Comment était … ? » goes up 35 min after it was given: right after a
    sync that could not send it, the chip does not say « 1 à envoyer » (nothing failed)."""
    shell = _tour(make_shell, _central(tmp_path))
    monitor = shell.service(SyncMonitor)
    assert isinstance(monitor, SyncMonitor)
    _synced(qtbot, monitor)
    with shell.database.session_factory()() as s:
        kiosk = s.scalar(select(Kiosk.id).where(Kiosk.code == "TOUR-1"))
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        assert site is not None
        event = Event(kind=EventKind.CAFE_NUMERIQUE, title="Café numérique", created_at=NOW,
                      space=Space.REMOTE_SITE, site_id=site, starts_at=NOW - timedelta(hours=2),
                      ends_at=NOW - timedelta(minutes=10))  # fmt: skip
        s.add(event)
        s.flush()
        s.add(EventFeedback(nonce=uuid.uuid4().hex, event_id=event.id, kiosk_id=kiosk,
                            at=NOW - timedelta(minutes=3), score=4))  # fmt: skip
        s.commit()
    view = _synced(qtbot, monitor)
    chip = shell.window.bottom_bar.findChild(SyncChip)
    assert chip is not None
    assert chip.text.text() == "Synchronisé à l’instant"  # was « … · 1 à envoyer »
    assert view.status is not None
    assert (view.status.pending, view.status.held) == (0, 1)  # held, not lost
    with qtbot.waitSignal(monitor.changed, timeout=10_000):  # the periodic refresh says the same
        monitor.refresh()
    assert chip.text.text() == "Synchronisé à l’instant"


def test_without_network_the_chip_says_offline_and_the_section_why(
    qtbot: QtBot, make_shell: Callable[..., Any]
) -> None:
    shell = make_shell(profile=Profile.TOUR, central_db=UNREACHABLE, kiosk_code="TOUR-1")
    monitor = shell.service(SyncMonitor)
    # What the first check-in or the pickup's warm-up does (on its worker), whichever comes
    # first: the sync, in a process of its own, may start after them.
    shell.database.this_kiosk(NOW)

    view = _synced(qtbot, monitor)

    assert view.status is not None
    assert view.status.last_failure is SyncFailure.UNREACHABLE
    assert view.status.last_error == "no answer to the connection probe"  # for the log
    chip = shell.window.bottom_bar.findChild(SyncChip)
    assert chip.text.text() == "Jamais synchronisé"
    assert chip.property("level") == "error"
    shell.router.go("hardware")
    section = shell.router.current.findChild(SyncSection)
    assert section.card.texts()[2] == (
        "Dernière réussite\u202f: jamais · erreur\u202f: "
        "base centrale injoignable (pas de réseau\u202f?)"
    )
    assert section.sync_button.isEnabled()


def test_other_profiles_have_no_sync(make_shell: Callable[..., Any], tmp_path: Path) -> None:
    shell = make_shell(profile=Profile.ROOM, central_db=f"sqlite:///{tmp_path / 'c.sqlite3'}")
    assert shell.service(SyncMonitor) is None
    assert shell.window.bottom_bar.findChild(SyncChip) is None


def test_each_sync_failure_code_has_its_own_words() -> None:
    words = {failure: failure_text(failure) for failure in SyncFailure}
    assert len(set(words.values())) == len(SyncFailure)
    assert words[SyncFailure.SCHEMA] == "base centrale à mettre à jour (smartcorner db upgrade)"
    assert failure_text(None) == "raison inconnue (voir le journal)"


def test_on_a_portrait_totem_the_chip_shortens_and_the_bar_keeps_every_button(
    qtbot: QtBot, make_shell: Callable[..., Any]
) -> None:
    """1080 px wide: the whole line does not fit beside Accueil, Retour, English and
    Accessibilité; the chip says the state alone and no button is squeezed or pushed out."""
    from ui.theme import ScreenMetrics

    shell = make_shell(profile=Profile.TOUR, central_db=UNREACHABLE, kiosk_code="TOUR-1")
    monitor = shell.service(SyncMonitor)
    assert isinstance(monitor, SyncMonitor)
    monitor.stop()
    shell.theme.set_screen(ScreenMetrics(1080, 1920, 1080 / 535.7))
    shell.window.resize(1080, 1920)
    offline = _status(last_error="x", pending=37, conflicts=2)
    monitor.present(SyncView(configured=True, status=offline))
    bar = shell.window.bottom_bar
    chip = bar.findChild(SyncChip)
    qtbot.waitUntil(lambda: bool(shell.feed.events))
    for page in ("programme", "event"):  # the programme first shown has no Retour
        if page == "event":
            shell.router.go("home")
            shell.router.go("events")
            shell.router.current.open_event(shell.feed.events[0])
        else:
            shell.router.go("events")
        assert bar.back.isVisible() is (page == "event")
        monitor.present(SyncView(configured=True, status=offline))  # over the first look's
        qtbot.waitUntil(lambda: bar.width() == 1080)
        bar.layout().activate()
        for button in (bar.home, bar.language, bar.accessible, chip):
            assert bar.rect().contains(button.geometry())
        for button in (bar.home, bar.language, bar.accessible):
            assert button.width() >= button.minimumSizeHint().width()
        # beside Retour there is room for the icon alone (its shape and colour say offline)
        assert chip.text.text() == ("" if page == "event" else "Hors ligne")
        assert chip.icon.isVisible()
    shell.window.resize(1920, 1080)
    qtbot.waitUntil(lambda: chip.text.text().startswith("Hors ligne · données du "))
