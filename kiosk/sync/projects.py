"""Projets numériques in the Smart Tour sync: the projects come down by slug, and their pictures
and videos as files of the tour kiosk's data folder (``kiosk.projects.media_files``), so that
its gallery shows them offline.

Media are chosen within a byte budget — pictures first, in the gallery's order, then the
videos — and fetched one file per central read, only for the hashes the folder lacks: a
re-sync downloads nothing unchanged, and a cut loses at most the file under way. The local
``project_media`` rows then list exactly the files present; a file no project names any more
leaves the folder.

A project the central base no longer has (taken out by a later import) goes from the tour kiosk
at the end of the projects' pass, its media rows with it; its files then leave the folder with
the media pull, which lists only the central projects' hashes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, Engine, RowMapping, Select, delete, func, select

from kiosk.db.engine import begin_writing
from kiosk.projects.catalogue import MediaKind
from kiosk.projects.media_files import MediaFolder
from kiosk.projects.tables import Project, ProjectMedia
from kiosk.sync.keys import table_of, upsert_by_key

log = logging.getLogger(__name__)

PROJECT, MEDIA = table_of(Project), table_of(ProjectMedia)
# What a tour kiosk's folder may hold: the demo's pictures are a few kB, a short video 60 MB.
MEDIA_BUDGET_BYTES: Final = 512 * 1024 * 1024
COPIED: Final = ("position", "kind", "media_type", "caption", "content_hash")


def apply_projects(lc: Connection, rows: Sequence[RowMapping]) -> int:
    return upsert_by_key(lc, PROJECT, "slug", rows)


def projects_kept(_start: datetime) -> Select[Any]:
    """The slugs the central base still lists; the others go (:func:`prune_projects`)."""
    return select(PROJECT.c.slug)


def prune_projects(lc: Connection, kept: set[Any]) -> int:
    """Drop the local projects whose slug the central base no longer lists, with their media
    rows (named, not left to the foreign key's cascade). Returns how many went."""
    doomed = [i for i, slug in lc.execute(select(PROJECT.c.id, PROJECT.c.slug)) if slug not in kept]
    for n in range(0, len(doomed), 500):  # bounded IN lists (SQLite's variable limit)
        chunk = doomed[n : n + 500]
        lc.execute(delete(MEDIA).where(MEDIA.c.project_id.in_(chunk)))
        lc.execute(delete(PROJECT).where(PROJECT.c.id.in_(chunk)))
    return len(doomed)


def media_listing() -> Select[Any]:
    """Every central project's media, without their bytes: slug, order, type, hash and size."""
    return (
        select(
            PROJECT.c.slug,
            *(MEDIA.c[c] for c in COPIED),
            func.length(MEDIA.c.data).label("size"),
        )
        .join(PROJECT, PROJECT.c.id == MEDIA.c.project_id)
        .order_by(PROJECT.c.position, PROJECT.c.id, MEDIA.c.position)
    )


def central_slugs() -> Select[Any]:
    return select(PROJECT.c.slug)


def media_bytes(content_hash: str) -> Select[Any]:
    return select(MEDIA.c.data).where(MEDIA.c.content_hash == content_hash).limit(1)


@dataclass(frozen=True)
class MediaChoice:
    kept: list[RowMapping]  # in the listing's order
    left_central: int  # media the budget had no room for


def choose_media(listing: Sequence[RowMapping], budget: int) -> MediaChoice:
    """What fits in ``budget`` bytes, pictures before videos (a hash is counted once)."""
    order = sorted(range(len(listing)), key=lambda n: (listing[n]["kind"] != MediaKind.IMAGE, n))
    sizes: dict[str, int] = {}
    room = budget
    taken: set[int] = set()
    for n in order:
        row = listing[n]
        digest = row["content_hash"]
        if digest not in sizes:
            if int(row["size"] or 0) > room:
                continue
            sizes[digest] = int(row["size"] or 0)
            room -= sizes[digest]
        taken.add(n)
    kept = [listing[n] for n in sorted(taken)]
    return MediaChoice(kept, len(listing) - len(kept))


def apply_media(lc: Connection, kept: Sequence[RowMapping], slugs: set[str]) -> int:
    """The local media rows of the central projects (``slugs``) become ``kept``, with their
    bytes left in the folder; a project whose list did not change is not touched. Returns how
    many projects changed."""
    local_ids = dict(lc.execute(select(PROJECT.c.slug, PROJECT.c.id)).all())
    wanted: dict[int, list[tuple[Any, ...]]] = {}
    for row in kept:
        if row["slug"] in local_ids:  # a project added since its pass waits for the next sync
            wanted.setdefault(local_ids[row["slug"]], []).append(tuple(row[c] for c in COPIED))
    here: dict[int, list[tuple[Any, ...]]] = {}
    for row in lc.execute(
        select(MEDIA.c.project_id, *(MEDIA.c[c] for c in COPIED)).order_by(
            MEDIA.c.project_id, MEDIA.c.position
        )
    ).mappings():
        here.setdefault(row["project_id"], []).append(tuple(row[c] for c in COPIED))
    changed = 0
    for slug in slugs:
        project = local_ids.get(slug)
        if project is None or wanted.get(project, []) == here.get(project, []):
            continue
        lc.execute(delete(MEDIA).where(MEDIA.c.project_id == project))
        rows = wanted.get(project, [])
        if rows:
            lc.execute(
                MEDIA.insert(),
                [{"project_id": project, "data": b"", **dict(zip(COPIED, r, strict=True))}
                 for r in rows],
            )  # fmt: skip
        changed += 1
    return changed


@dataclass(frozen=True)
class MediaPulled:
    files: int  # downloaded into the folder
    bytes: int
    left_central: int  # the budget had no room for them
    projects_changed: int  # whose local list of media changed
    pruned: int  # files that left the folder


def pull_media(
    folder: MediaFolder,
    budget: int,
    central: Callable[[], AbstractContextManager[Connection]],
    local: Engine,
    check_stop: Callable[[], None],
) -> MediaPulled:
    """The central projects' media into ``folder``, then the local rows listing them.

    ``central()`` opens a read on the central base (a failure there stops the sync); a file
    that cannot be written is left out (the disk is full or read-only: the gallery shows what
    came), bytes that do not match their hash too.
    """
    with central() as cc:
        listing = cc.execute(media_listing()).mappings().all()
        slugs = set(cc.scalars(central_slugs()))
    choice = choose_media(listing, budget)
    # what the budget no longer holds leaves first: the folder never holds more than it
    pruned = folder.prune(r["content_hash"] for r in choice.kept)
    present: list[RowMapping] = []
    fetched: dict[str, bool] = {}
    files = size = 0
    for row in choice.kept:
        digest, media_type = row["content_hash"], row["media_type"]
        if digest not in fetched and not folder.has(digest, media_type):
            check_stop()
            with central() as cc:
                data: bytes | None = cc.scalar(media_bytes(digest))
            try:
                fetched[digest] = data is not None and folder.write(digest, media_type, data)
            except OSError:
                log.warning("project media %s not written", digest, exc_info=True)
                fetched[digest] = False
            if fetched[digest] and data is not None:
                files, size = files + 1, size + len(data)
        if fetched.get(digest, True):
            present.append(row)
    with begin_writing(local) as lc:
        changed = apply_media(lc, present, slugs)
    return MediaPulled(files, size, choice.left_central, changed, pruned)


__all__ = [
    "MEDIA",
    "MEDIA_BUDGET_BYTES",
    "PROJECT",
    "MediaChoice",
    "MediaPulled",
    "apply_media",
    "apply_projects",
    "central_slugs",
    "choose_media",
    "media_bytes",
    "media_listing",
    "projects_kept",
    "prune_projects",
    "pull_media",
]
