"""The projects' pictures and videos come down to the Smart Tour as files of its data folder,
named by content hash: a re-sync downloads nothing unchanged, a replaced picture is the one
file fetched (the old one leaves), the folder keeps to its byte budget (pictures first), bytes
that do not match their hash are never written, and a cut resumes; SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from kiosk.db.engine import make_session_factory
from kiosk.projects.demo import write_demo_file
from kiosk.projects.gallery import media_data, project_cards, project_detail
from kiosk.projects.importer import import_projects
from kiosk.projects.media_files import MediaFolder
from kiosk.projects.tables import ProjectMedia
from kiosk.sync.tour import SyncCancelled, SyncReport
from tests.helpers.checkin_world import NOW
from tests.kiosk.sync.conftest import Tour

VIDEO = os.urandom(64 * 1024)  # a short video, as far as the sync can tell


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def tour(request: pytest.FixtureRequest, tmp_path: Path) -> Tour:
    """A tour whose central base holds the twelve demo projects, the first with a video too."""
    tour: Tour = request.getfixturevalue("sqlite_tour" if request.param == "sqlite" else "pg_tour")
    path = write_demo_file(tmp_path)
    (tmp_path / "visite.mp4").write_bytes(VIDEO)
    data = json.loads(path.read_text("utf-8"))
    data["projects"][0]["media"].append("visite.mp4")
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with make_session_factory(tour.central).begin() as session:
        assert import_projects(session, path, NOW).ok
    return tour


def central_media(tour: Tour) -> dict[str, bytes]:
    with tour.central.connect() as c:
        return dict(c.execute(select(ProjectMedia.content_hash, ProjectMedia.data)).all())


def sync(tour: Tour, folder: MediaFolder, **options: Any) -> SyncReport:
    return tour.sync(media=folder, **options).run()


@pytest.fixture
def folder(tmp_path: Path) -> MediaFolder:
    return MediaFolder(tmp_path / "tour-data" / "project-media")


def test_pictures_come_down_as_files_and_the_gallery_shows_them_offline(
    tour: Tour, folder: MediaFolder
) -> None:
    report = sync(tour, folder)
    everything = central_media(tour)
    assert report.media_files == 13  # twelve pictures and the video
    assert report.media_bytes == sum(len(b) for b in everything.values())
    assert {p.name.split(".")[0] for p in folder.path.iterdir()} == set(everything)
    assert any(p.suffix == ".mp4" for p in folder.path.iterdir())
    with make_session_factory(tour.local)() as session:
        # the tour's database keeps the order and captions, not the bytes
        assert set(session.scalars(select(ProjectMedia.data))) == {b""}
        cards = project_cards(session)
        assert len(cards) == 12
        assert all(c.picture_hash for c in cards)
        for card in cards:
            assert card.picture_hash is not None
            assert media_data(session, card.picture_hash, folder) == everything[card.picture_hash]
        detail = project_detail(session, cards[0].slug, NOW)
        assert detail is not None
        assert [m.kind.value for m in detail.media] == ["image", "video"]


def test_a_resync_downloads_nothing_unchanged_and_only_a_replaced_picture(
    tour: Tour, folder: MediaFolder
) -> None:
    sync(tour, folder)
    before = {p.name: p.stat().st_mtime_ns for p in folder.path.iterdir()}
    again = sync(tour, folder)
    assert (again.media_files, again.media_bytes) == (0, 0)
    assert "project_media" not in again.pulled
    assert {p.name: p.stat().st_mtime_ns for p in folder.path.iterdir()} == before

    new = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>'
    digest = hashlib.sha256(new).hexdigest()
    with tour.central.begin() as c:
        old = c.scalar(select(ProjectMedia.content_hash).where(ProjectMedia.position == 0).limit(1))
        c.execute(update(ProjectMedia).where(ProjectMedia.content_hash == old)
                  .values(data=new, content_hash=digest))  # fmt: skip
    third = sync(tour, folder)
    assert (third.media_files, third.media_bytes) == (1, len(new))
    assert third.pulled["project_media"] == 1  # one project's list changed
    assert third.pruned["project_media"] == 1  # the old picture left the folder
    assert folder.read(digest, "image/svg+xml") == new
    assert not any(p.name.startswith(old) for p in folder.path.iterdir())


def test_the_folder_keeps_to_its_budget_pictures_first(tour: Tour, folder: MediaFolder) -> None:
    pictures = sum(len(b) for b in central_media(tour).values() if b != VIDEO)
    report = sync(tour, folder, media_budget=pictures + len(VIDEO) // 2)
    assert report.media_files == 12
    assert report.media_left_central == 1  # the video waits for a bigger budget
    assert folder.size() == pictures
    with make_session_factory(tour.local)() as session:
        kinds = set(session.scalars(select(ProjectMedia.kind)))
    assert {k.value for k in kinds} == {"image"}  # the gallery offers no video it cannot play
    bigger = sync(tour, folder, media_budget=pictures + len(VIDEO))
    assert (bigger.media_files, bigger.media_left_central) == (1, 0)


def test_bytes_that_do_not_match_their_hash_are_never_written(
    tour: Tour, folder: MediaFolder
) -> None:
    with tour.central.begin() as c:
        c.execute(update(ProjectMedia).where(ProjectMedia.position == 1).values(data=b"garbled"))
    report = sync(tour, folder)
    assert report.media_files == 12
    assert all(p.suffix != ".mp4" for p in folder.path.iterdir())
    with make_session_factory(tour.local)() as session:
        assert {k.value for k in session.scalars(select(ProjectMedia.kind))} == {"image"}


def test_a_sync_stopped_between_two_files_resumes_with_the_others(
    tour: Tour, folder: MediaFolder
) -> None:
    def enough() -> bool:
        return folder.path.is_dir() and len(list(folder.path.iterdir())) >= 5

    with pytest.raises(SyncCancelled):
        sync(tour, folder, should_stop=enough)
    assert len(list(folder.path.iterdir())) == 5
    assert sync(tour, folder).media_files == 8


def test_a_folder_that_cannot_be_written_leaves_the_gallery_without_pictures_not_the_sync(
    tour: Tour, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    report = sync(tour, MediaFolder(blocked / "project-media"))
    assert report.media_files == 0
    assert report.pulled["project"] == 12  # the rest of the sync went through
    with make_session_factory(tour.local)() as session:
        assert session.scalars(select(ProjectMedia)).first() is None


def test_a_project_taken_out_centrally_leaves_the_tour_with_its_files(
    tour: Tour, folder: MediaFolder, tmp_path: Path
) -> None:
    sync(tour, folder)
    (tmp_path / "next").mkdir()
    path = write_demo_file(tmp_path / "next")
    data = json.loads(path.read_text("utf-8"))
    del data["projects"][0]  # the one with the video
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with make_session_factory(tour.central).begin() as session:
        [gone] = import_projects(session, path, NOW).removed
    kept = central_media(tour)

    report = sync(tour, folder)
    assert report.pruned["project"] == 1
    assert report.pruned["project_media"] == 2  # its picture and its video left the folder
    assert {p.name.split(".")[0] for p in folder.path.iterdir()} == set(kept)
    with make_session_factory(tour.local)() as session:
        assert gone not in [c.slug for c in project_cards(session)]
        assert len(project_cards(session)) == 11
        assert project_detail(session, gone, NOW) is None
        assert set(session.scalars(select(ProjectMedia.content_hash))) == set(kept)
    again = sync(tour, folder)  # a re-sync changes nothing
    assert again.pruned == {}
    assert (again.media_files, again.pulled.get("project_media", 0)) == (0, 0)
