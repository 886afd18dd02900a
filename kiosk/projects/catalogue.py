"""What a project is for the kiosk, without the database: its stage, and the card and detail
that the gallery shows (plain data, so the ui gets them from a worker thread)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from kiosk.domain import UpcomingEvent


class ProjectStage(enum.StrEnum):
    """Where a project stands; stored as these codes, never rename one."""

    IDEA = "idee"
    EXPERIMENT = "experimentation"
    ROLLOUT = "deploiement"
    IN_SERVICE = "en_service"


class MediaKind(enum.StrEnum):
    IMAGE = "image"
    VIDEO = "video"


# How the import file may name a stage (folded: accents and case do not matter).
STAGE_WORDS: Final[dict[str, ProjectStage]] = {
    "idee": ProjectStage.IDEA,
    "idea": ProjectStage.IDEA,
    "experimentation": ProjectStage.EXPERIMENT,
    "experiment": ProjectStage.EXPERIMENT,
    "pilote": ProjectStage.EXPERIMENT,
    "deploiement": ProjectStage.ROLLOUT,
    "rollout": ProjectStage.ROLLOUT,
    "en service": ProjectStage.IN_SERVICE,
    "en_service": ProjectStage.IN_SERVICE,
    "in service": ProjectStage.IN_SERVICE,
}


@dataclass(frozen=True)
class ProjectCard:
    """One tile of the gallery."""

    slug: str
    title: str
    pitch: str
    direction: str
    stage: ProjectStage
    title_en: str = ""
    pitch_en: str = ""
    picture_hash: str | None = None  # the first picture, if any

    def title_in(self, english: bool) -> str:
        return self.title_en if english and self.title_en else self.title

    def pitch_in(self, english: bool) -> str:
        return self.pitch_en if english and self.pitch_en else self.pitch


@dataclass(frozen=True)
class ProjectMediaItem:
    content_hash: str
    kind: MediaKind
    media_type: str
    caption: str


@dataclass(frozen=True)
class ProjectDetail:
    card: ProjectCard
    for_agents: str
    for_agents_en: str
    ambassador: str
    ambassador_contact: str
    media: tuple[ProjectMediaItem, ...]
    events: tuple[UpcomingEvent, ...]  # to come, that present it

    def for_agents_in(self, english: bool) -> str:
        return self.for_agents_en if english and self.for_agents_en else self.for_agents
