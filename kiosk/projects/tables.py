"""Projets numériques tables (migration 0013 creates them).

Pictures and videos are stored in the database, like the documents' files, so that every kiosk
reading the central database shows them; a project names the events that present it by their
titles (folded when compared), so that every occurrence of a monthly « Café numérique » on the
subject is found, whatever ids a re-imported programme gets.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base
from kiosk.db.types import choice
from kiosk.domain import NONCE_LENGTH
from kiosk.projects.catalogue import MediaKind, ProjectStage


class Project(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)  # the public page's last part
    title: Mapped[str] = mapped_column(String(200))
    pitch: Mapped[str] = mapped_column(String(300))
    direction: Mapped[str] = mapped_column(String(200))
    stage: Mapped[ProjectStage] = mapped_column(choice(ProjectStage, "stage"))
    for_agents: Mapped[str] = mapped_column(Text, default="", server_default="")
    title_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    pitch_en: Mapped[str] = mapped_column(String(300), default="", server_default="")
    for_agents_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    ambassador: Mapped[str] = mapped_column(String(200), default="", server_default="")
    ambassador_contact: Mapped[str] = mapped_column(String(200), default="", server_default="")
    event_titles: Mapped[str] = mapped_column(Text, default="", server_default="")  # one a line
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # file order
    fingerprint: Mapped[str] = mapped_column(String(64))  # of every imported field and media
    updated_at: Mapped[datetime]


class ProjectMedia(Base):
    """A picture or a short video of a project, in the order the import file lists them."""

    __tablename__ = "project_media"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[MediaKind] = mapped_column(choice(MediaKind, "kind"))
    media_type: Mapped[str] = mapped_column(String(100))
    caption: Mapped[str] = mapped_column(String(300), default="", server_default="")
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ProjectView(Base):
    """A project's page opened on a kiosk: how the showcase is counted in the statistics.

    Nobody is named (as for a document opened): the project by its slug (the same on every
    kiosk, and kept once the project is withdrawn), the kiosk (so its site), the time. The
    nonce makes the Smart Tour's push of the row idempotent.
    """

    __tablename__ = "project_view"
    __table_args__ = (Index(None, "at", "project_slug"),)  # the quarter's views, by project

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))  # None: unregistered
    at: Mapped[datetime]
    project_slug: Mapped[str] = mapped_column(String(80))
