"""Projets numériques in the Smart Tour sync: the projects come down by slug, their text only
(like the documents: a tour kiosk shows what it was loaded with; pictures stay central)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, RowMapping

from kiosk.projects.tables import Project
from kiosk.sync.keys import table_of, upsert_by_key

PROJECT = table_of(Project)


def apply_projects(lc: Connection, rows: Sequence[RowMapping]) -> int:
    return upsert_by_key(lc, PROJECT, "slug", rows)
