"""The demo gallery: twelve projects with a generated picture each (SVG, a few hundred
bytes), imported through the same path as ``smartcorner import projects`` so that the demo
exercises the importer. Registered in ``kiosk.demo.seed.CAPABILITY_SEEDS``."""

from __future__ import annotations

import html
import json
import random
import tempfile
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kiosk.documents.text import slugify
from kiosk.projects.catalogue import ProjectStage
from kiosk.projects.demo_projects import PROJECTS, DemoProject
from kiosk.projects.importer import import_projects
from kiosk.projects.tables import ProjectView

if TYPE_CHECKING:
    from kiosk.db.demo import DemoBase

STAGE_COLOURS: Final = {
    ProjectStage.IDEA: ("#FEECC2", "#716043"),
    ProjectStage.EXPERIMENT: ("#E3E3FD", "#000091"),
    ProjectStage.ROLLOUT: ("#C3FAD5", "#18753C"),
    ProjectStage.IN_SERVICE: ("#DDE5FF", "#3558A2"),
}


def seed_projects(session: Session, base: DemoBase) -> dict[str, int]:
    with tempfile.TemporaryDirectory(prefix="demo-projects-") as folder:
        path = write_demo_file(Path(folder))
        at = datetime.combine(base.today, time(6), UTC)
        report = import_projects(session, path, at)
    if not report.ok:  # the demo's own file: a bug here, not a visitor's problem
        raise RuntimeError("; ".join(report.lines()))
    return {"projects": len(report.added), "project views": _views(session, base)}


def _views(session: Session, base: DemoBase) -> int:
    """Pages opened over the last six months on the demo kiosks (the first projects of the
    gallery more often), so the statistics show the showcase's audience and its change."""
    rng = random.Random(base.seed + 13)
    slugs = [slugify(p.title) for p in PROJECTS]
    kiosks = list(base.kiosk_ids.values())
    start = datetime.combine(base.today - timedelta(days=180), time(8), UTC)
    rows = [
        {
            "nonce": f"{rng.getrandbits(128):032x}",
            "kiosk_id": rng.choice(kiosks),
            "at": start + timedelta(minutes=rng.randint(0, 179 * 24 * 60)),
            "project_slug": rng.choice(slugs[: len(slugs) // 3] + slugs),
        }
        for _ in range(320)
    ]
    session.execute(insert(ProjectView), rows)
    return len(rows)


def write_demo_file(folder: Path) -> Path:
    """projets.json and one SVG picture per project in ``folder``: the import's input."""
    rows = []
    for project in PROJECTS:
        picture = slugify(project.title) + ".svg"
        (folder / picture).write_text(_picture(project), encoding="utf-8")
        first = project.ambassador.split()[0].lower()
        last = project.ambassador.split()[-1].lower()
        rows.append(
            {
                "title": project.title,
                "title_en": project.title_en,
                "pitch": project.pitch,
                "pitch_en": project.pitch_en,
                "direction": project.direction,
                "stage": project.stage.value,
                "for_agents": project.for_agents,
                "for_agents_en": project.for_agents_en,
                "ambassador": project.ambassador,
                "contact": f"{slugify(first)}.{slugify(last)}@departement06.fr",
                "events": list(project.events),
                "media": [picture],
            }
        )
    path = folder / "projets.json"
    path.write_text(json.dumps({"projects": rows}, ensure_ascii=False, indent=1), "utf-8")
    return path


def _picture(project: DemoProject) -> str:
    background, ink = STAGE_COLOURS[project.stage]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360" width="640" height="360">'
        f'<rect width="640" height="360" fill="{background}"/>'
        f'<circle cx="500" cy="90" r="150" fill="{ink}" opacity="0.12"/>'
        f'<circle cx="120" cy="330" r="110" fill="{ink}" opacity="0.10"/>'
        f'<text x="320" y="235" font-size="150" font-weight="bold" text-anchor="middle" '
        f'fill="{ink}" font-family="sans-serif">{html.escape(project.glyph)}</text></svg>'
    )
