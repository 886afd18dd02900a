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
    """The projects opened most often in the quarter (title as it is now; slug if withdrawn):
    counted from the (time, slug) index alone, then the few top slugs named."""
    start, end = quarter.utc_bounds()
    views = func.count().label("n")
    counted = (
        select(ProjectView.project_slug.label("slug"), views)
        .where(ProjectView.at >= start, ProjectView.at < end)
        .group_by(ProjectView.project_slug)
        .order_by(views.desc(), ProjectView.project_slug)
        .limit(limit)
        .subquery()
    )
    query = (
        select(counted.c.slug, Project.title, counted.c.n)
        .outerjoin(Project, Project.slug == counted.c.slug)
        .order_by(counted.c.n.desc(), counted.c.slug)
    )
    return [Row(slug, title or slug, float(n)) for slug, title, n in session.execute(query)]
