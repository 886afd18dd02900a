"""Projets numériques in the Smart Tour sync: the projects' pages opened on the tour kiosk go
up for the statistics, exactly like the documents' views (a nonce, the kiosk, no person).
The projects themselves and their media come down with :mod:`kiosk.sync.projects`."""

from __future__ import annotations

from kiosk.projects.tables import ProjectView
from kiosk.sync.documents import send_usage
from kiosk.sync.keys import table_of

PROJECT_VIEW = table_of(ProjectView)
send_project_views = send_usage(PROJECT_VIEW)
