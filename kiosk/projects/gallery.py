"""What the gallery reads: the project cards (searched with the documents' French search), a
project's detail with the programme's events that present it, and its pictures."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Final

from sqlalchemy import ScalarSelect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kiosk.db.engine import begin_as_writer
from kiosk.documents.library import public_link
from kiosk.domain import new_nonce
from kiosk.programme.agenda import upcoming_with_titles
from kiosk.projects.catalogue import (
    ProjectCard,
    ProjectDetail,
    ProjectMediaItem,
)
from kiosk.projects.media_files import MediaFolder
from kiosk.projects.search import SearchableText, search
from kiosk.projects.tables import Project, ProjectMedia, ProjectView

log = logging.getLogger(__name__)

MAX_EVENTS: Final = 4  # the events to come that present a project, soonest first


def project_cards(session: Session, query: str = "") -> list[ProjectCard]:
    """The gallery, in the import file's order; with ``query``, the projects that match it."""
    rows = session.execute(
        select(Project, _first_picture()).order_by(Project.position, Project.id)
    ).all()
    items = [
        (
            _card(project, picture),
            SearchableText.of(project.title, project.title_en),
            SearchableText.of(
                project.title,
                project.pitch,
                project.direction,
                project.for_agents,
                project.ambassador,
                project.title_en,
                project.pitch_en,
                project.for_agents_en,
            ),
        )
        for project, picture in rows
    ]
    return search(items, query)


def _first_picture() -> ScalarSelect[str]:
    return (
        select(ProjectMedia.content_hash)
        .where(ProjectMedia.project_id == Project.id, ProjectMedia.kind == "image")
        .order_by(ProjectMedia.position)
        .limit(1)
        .scalar_subquery()
    )


def _card(project: Project, picture: str | None) -> ProjectCard:
    return ProjectCard(
        slug=project.slug,
        title=project.title,
        pitch=project.pitch,
        direction=project.direction,
        stage=project.stage,
        title_en=project.title_en,
        pitch_en=project.pitch_en,
        picture_hash=picture,
    )


def project_detail(session: Session, slug: str, now: datetime) -> ProjectDetail | None:
    project = session.scalars(select(Project).where(Project.slug == slug)).first()
    if project is None:
        return None
    media = session.scalars(
        select(ProjectMedia)
        .where(ProjectMedia.project_id == project.id)
        .order_by(ProjectMedia.position)
    ).all()
    items = tuple(ProjectMediaItem(m.content_hash, m.kind, m.media_type, m.caption) for m in media)
    pictures = [m.content_hash for m in media if m.kind == "image"]
    return ProjectDetail(
        card=_card(project, pictures[0] if pictures else None),
        for_agents=project.for_agents,
        for_agents_en=project.for_agents_en,
        ambassador=project.ambassador,
        ambassador_contact=project.ambassador_contact,
        media=items,
        events=tuple(
            upcoming_with_titles(session, project.event_titles.splitlines(), now, MAX_EVENTS)
        ),
    )


def open_project(
    session: Session, slug: str, now: datetime, kiosk_id: int | None
) -> ProjectDetail | None:
    """The project's detail, its opening counted for the statistics (nothing is counted for a
    project withdrawn since its card was drawn).

    The count is a write of its own after the read, started as a writer (SQLite ``BEGIN
    IMMEDIATE``: it waits its turn behind another kiosk's write instead of failing to turn a
    read into a write). A count that cannot be written (a full or read-only disk, a lock held
    too long) is logged and the page is shown all the same. Commits.
    """
    detail = project_detail(session, slug, now)
    session.rollback()  # the read ends here
    if detail is not None:
        try:
            begin_as_writer(session)
            session.add(ProjectView(nonce=new_nonce(), kiosk_id=kiosk_id, at=now,
                                    project_slug=slug))  # fmt: skip
            session.commit()
        except SQLAlchemyError as exc:
            session.rollback()
            log.warning("the opening of project %s was not counted: %s", slug, exc)
    return detail


def media_data(
    session: Session, content_hash: str, folder: MediaFolder | None = None
) -> bytes | None:
    """A picture or video by content hash (the kiosk's cache key: a replaced one is never stale).

    On the Smart Tour the bytes are a file of ``folder`` and the row's ``data`` is empty."""
    row = session.execute(
        select(ProjectMedia.data, ProjectMedia.media_type)
        .where(ProjectMedia.content_hash == content_hash)
        .limit(1)
    ).first()
    if row is None:
        return None
    data: bytes = row.data
    if data or folder is None:
        return data
    return folder.read(content_hash, row.media_type)


def project_link(base_url: str, slug: str) -> str:
    """The project's public page (the take-away QR code)."""
    return public_link(base_url, slug)
