"""``smartcorner import projects FILE``: the « Projets numériques » gallery.

Listed in ``ui.cli.main.COMMAND_GROUPS``. Needs no Qt; kiosk/ is imported lazily.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ui.cli.groups import command_group

if TYPE_CHECKING:
    from kiosk.settings import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imports = command_group(sub, "import", "import data into the kiosk's database")
    projects = imports.add_parser(
        "projects",
        help="bring the « Projets numériques » gallery in line with a CSV, Excel or JSON file",
        description="One project a row: title, pitch, direction, stage (idée, expérimentation, "
        "déploiement, en service), and optionally slug, for_agents, ambassador, contact, events "
        "(event titles separated by |), media (picture and video files separated by |), "
        "title_en, pitch_en, for_agents_en. A bad row is reported with its line and nothing is "
        "changed (exit code 1); projects no longer in the file are removed.",
    )
    projects.add_argument("file", type=Path)
    projects.add_argument(
        "--media", type=Path, metavar="FOLDER", help="where the pictures are (default: beside FILE)"
    )
    projects.add_argument("--dry-run", action="store_true", help="report, change nothing")
    projects.set_defaults(handler=_import_projects)


def _import_projects(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.db.engine import begin_as_writer, create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.projects.importer import ProjectImportError, import_projects

    engine = create_db_engine(settings.database_url)
    try:
        ensure_schema(engine)
        sessions = make_session_factory(engine)
        with sessions.begin() as session:
            begin_as_writer(session)  # reads the projects, then writes
            report = import_projects(
                session, args.file, datetime.now(UTC), media_dir=args.media, dry_run=args.dry_run
            )
    except ProjectImportError as exc:
        print(f"smartcorner: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1
