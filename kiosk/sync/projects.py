"""Projets numériques in the Smart Tour sync: the projects come down by slug, and their pictures
and videos as files of the tour kiosk's data folder (``kiosk.projects.media_files``), so that
its gallery shows them offline.

Media are chosen within a byte budget — pictures first, in the gallery's order, then the
videos — and fetched one file per central read, only for the hashes the folder lacks: a
re-sync downloads nothing unchanged, and a cut loses at most the file under way. The local
``project_media`` rows then list exactly the files present; a file no project names any more
leaves the folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, RowMapping, Select, delete, func, select

from kiosk.projects.catalogue import MediaKind
from kiosk.projects.tables import Project, ProjectMedia
from kiosk.sync.keys import table_of, upsert_by_key

PROJECT, MEDIA = table_of(Project), table_of(ProjectMedia)
# What a tour kiosk's folder may hold: the demo's pictures are a few kB, a short video 60 MB.
MEDIA_BUDGET_BYTES: Final = 512 * 1024 * 1024
COPIED: Final = ("position", "kind", "media_type", "caption", "content_hash")


def apply_projects(lc: Connection, rows: Sequence[RowMapping]) -> int:
    return upsert_by_key(lc, PROJECT, "slug", rows)


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


__all__ = [
    "MEDIA",
    "MEDIA_BUDGET_BYTES",
    "PROJECT",
    "MediaChoice",
    "apply_media",
    "apply_projects",
    "central_slugs",
    "choose_media",
    "media_bytes",
    "media_listing",
]
