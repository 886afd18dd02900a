"""Projets numériques, the showcase: how often projects' pages were opened, and which."""

from __future__ import annotations

from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.projects.tables import Project, ProjectView
from kiosk.stats.figures import Row
from kiosk.stats.periods import Quarter

TOP: Final = 10


def top_projects(session: Session, quarter: Quarter, limit: int = TOP) -> list[Row]:
    """The projects opened most often in the quarter (title as it is now; slug if withdrawn)."""
    start, end = quarter.utc_bounds()
    views = func.count(ProjectView.id).label("n")
    query = (
        select(ProjectView.project_slug, Project.title, views)
        .outerjoin(Project, Project.slug == ProjectView.project_slug)
        .where(ProjectView.at >= start, ProjectView.at < end)
        .group_by(ProjectView.project_slug, Project.title)
        .order_by(views.desc(), ProjectView.project_slug)
        .limit(limit)
    )
    return [Row(slug, title or slug, float(n)) for slug, title, n in session.execute(query)]
