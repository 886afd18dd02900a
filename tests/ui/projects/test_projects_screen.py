"""« Projets numériques » in a room kiosk: the gallery, its French search, a project's page
with the events that present it (a tap opens the event), the QR of its public page, « Retour »
page by page and the idle reset."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.ports import FixedClock
from kiosk.projects.demo import write_demo_file
from kiosk.projects.importer import import_projects
from kiosk.projects.media_files import MediaFolder
from kiosk.projects.tables import ProjectMedia
from kiosk.settings import Profile, Settings
from tests.ui.projects.conftest import EVENT_TITLE, PRESENTED
from ui.app.registry import default_registry
from ui.projects.project_page import EventEntry


def test_the_tile_is_on_every_kiosk_the_smart_tour_included() -> None:
    """The Smart Tour's sync brings the pictures down with the projects: its gallery works
    offline (kiosk.sync.projects)."""
    registry = default_registry()
    for profile in (Profile.ROOM, Profile.STORE, Profile.TOUR):
        keys = [c.key for c in registry.for_profile(profile)]
        assert "projects" in keys, profile


def test_typing_searches_like_the_documents(
    projects_shell: Callable[..., Any], qtbot: QtBot
) -> None:
    screen = projects_shell().router.current
    screen.search.setText("teleassist")  # no accent, a word still being typed
    qtbot.waitUntil(lambda: len(screen.cards) < 12)
    assert [w.card.slug for w in screen.cards] == ["teleassistance-des-seniors-connectee"]
    screen.search.setText("zzz")
    qtbot.waitUntil(lambda: not screen.cards)
    assert screen.empty.isVisible()
    assert "zzz" in screen.empty.text()


def test_a_project_shows_its_events_and_a_tap_opens_the_event(
    projects_shell: Callable[..., Any], qtbot: QtBot
) -> None:
    shell = projects_shell(projects_url="https://intranet.example.fr/projets/")
    screen = shell.router.current
    card = next(w for w in screen.cards if w.card.slug == PRESENTED)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.project.detail is not None)
    page = screen.project
    assert page.qr.payload == f"https://intranet.example.fr/projets/{PRESENTED}"
    assert "Julien Bernard" in page.ambassador.text()
    entries = page.findChildren(EventEntry, "projectEvent")
    assert len(entries) == 1
    assert entries[0].title.text() == EVENT_TITLE
    qtbot.mouseClick(entries[0], Qt.MouseButton.LeftButton)
    assert screen.event_detail.shown_event is not None
    assert screen.event_detail.title.text() == EVENT_TITLE
    assert screen.go_back()  # the event -> the project
    assert screen.project.detail is not None
    assert screen.go_back()  # the project -> the gallery
    assert not screen.go_back()  # the gallery -> leave the screen


def test_the_idle_reset_forgets_the_search_and_the_project(
    projects_shell: Callable[..., Any], qtbot: QtBot
) -> None:
    screen = projects_shell().router.current
    screen.search.setText("crue")
    qtbot.waitUntil(lambda: len(screen.cards) == 1)
    screen.open_project(screen.cards[0].card.slug)
    qtbot.waitUntil(lambda: screen.project.detail is not None)
    screen.reset()
    assert screen.search.text() == ""
    assert screen.project.detail is None
    qtbot.waitUntil(lambda: len(screen.cards) == 12)


def test_the_keyboard_follows_the_language(projects_shell: Callable[..., Any]) -> None:
    from kiosk.settings import Language

    shell = projects_shell()
    screen = shell.router.current
    shell.session.set_language(Language.EN)
    shell.session.set_language(Language.FR)
    screen.keyboard_toggle.setChecked(True)
    assert screen.keyboard.action.text() == "Rechercher"


def test_the_tours_gallery_shows_the_pictures_its_sync_brought_down(
    make_shell: Callable[..., Any],
    kiosk_settings: Settings,
    clock: FixedClock,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    """On the Smart Tour the bytes are files named by their hash; the rows' ``data`` is empty."""
    engine = create_db_engine(kiosk_settings.database_url)
    ensure_schema(engine)
    folder = MediaFolder(kiosk_settings.paths.project_media_dir)
    with make_session_factory(engine).begin() as session:
        assert import_projects(session, write_demo_file(tmp_path), clock.now()).ok
        for media in session.scalars(select(ProjectMedia)):
            assert folder.write(media.content_hash, media.media_type, media.data)
            media.data = b""
    engine.dispose()
    shell = make_shell(profile=Profile.TOUR)
    shell.router.go("home")
    shell.router.go("projects")
    screen = shell.router.current
    qtbot.waitUntil(lambda: len(screen.cards) == 12, timeout=10_000)
    digest = screen.cards[0].card.picture_hash
    with qtbot.waitSignal(screen.desk.media_ready, timeout=10_000) as got:
        screen.desk.media(digest)
    assert got.args == [digest, folder.read(digest, "image/svg+xml")]
    assert got.args[1].startswith(b"<svg")
