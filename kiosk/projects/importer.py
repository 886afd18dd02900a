"""``smartcorner import projects FILE [--media FOLDER]``: the file is the list of projects.

CSV, Excel workbook (read by :func:`kiosk.exchange.tables.table_rows`, as every importer) or
JSON (a list of objects, or ``{"projects": [...]}``), one project a row. Columns: ``title``,
``pitch``, ``direction``, ``stage`` (idée, expérimentation, déploiement, en service) are
required; ``slug`` (else made from the title), ``for_agents``, ``ambassador``, ``contact``,
``events`` (titles of the programme's events that present it, separated by ``|``), ``media``
(file names in the media folder, ``|``-separated: pictures and short videos) and the English
``title_en``, ``pitch_en``, ``for_agents_en`` are optional.

All rows or none: a file with a bad row (a missing column, an unknown stage, a picture that is
not in the folder) is reported line by line and changes nothing. Importing the same file again
changes nothing either (each project keeps a fingerprint of its fields and media); projects no
longer in the file are removed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.documents.text import slugify
from kiosk.exchange.csv_files import CsvProblem
from kiosk.exchange.tables import table_rows
from kiosk.projects.catalogue import STAGE_WORDS, MediaKind, ProjectStage
from kiosk.projects.tables import Project, ProjectMedia
from kiosk.text import fold_words

REQUIRED: Final = ("title", "pitch", "direction", "stage")
MEDIA_TYPES: Final[Mapping[str, tuple[MediaKind, str]]] = {
    ".png": (MediaKind.IMAGE, "image/png"),
    ".jpg": (MediaKind.IMAGE, "image/jpeg"),
    ".jpeg": (MediaKind.IMAGE, "image/jpeg"),
    ".webp": (MediaKind.IMAGE, "image/webp"),
    ".svg": (MediaKind.IMAGE, "image/svg+xml"),
    ".mp4": (MediaKind.VIDEO, "video/mp4"),
    ".webm": (MediaKind.VIDEO, "video/webm"),
}
MAX_MEDIA_BYTES: Final = 60 * 1024 * 1024  # a short video; longer ones belong in the Kiosque
LIMITS: Final = {"title": 200, "pitch": 300, "direction": 200, "ambassador": 200, "contact": 200}


class ProjectImportError(ValueError):
    """The file cannot be used at all (nothing was changed)."""


@dataclass(frozen=True)
class MediaFile:
    name: str
    kind: MediaKind
    media_type: str
    data: bytes
    content_hash: str


@dataclass(frozen=True)
class ProjectRow:
    line: int
    slug: str
    values: dict[str, Any]
    media: tuple[MediaFile, ...]
    fingerprint: str


@dataclass
class ProjectImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[CsvProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        if self.problems:
            head = f"{len(self.problems)} problem(s): nothing was imported"
            return [head, *(f"  line {p.line}: {p.reason}" for p in self.problems)]
        return [
            f"{len(self.added)} added, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.removed)} removed"
        ]


def import_projects(
    session: Session,
    path: Path,
    now: datetime,
    *,
    media_dir: Path | None = None,
    dry_run: bool = False,
) -> ProjectImportReport:
    """Bring the projects in line with the file; nothing changes when a row is bad."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProjectImportError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    folder = media_dir or path.parent
    report = ProjectImportReport()
    rows: list[ProjectRow] = []
    for line, raw in _raw_rows(data, path.name):
        parsed = raw if isinstance(raw, CsvProblem) else _project_row(line, raw, folder)
        if isinstance(parsed, CsvProblem):
            report.problems.append(parsed)
        else:
            rows.append(parsed)
    seen: dict[str, int] = {}
    for row in rows:
        if row.slug in seen:
            report.problems.append(
                CsvProblem(row.line, f"same project as line {seen[row.slug]} ({row.slug})")
            )
        seen.setdefault(row.slug, row.line)
    if not rows and not report.problems:
        report.problems.append(CsvProblem(1, "no project in the file"))
    if report.problems:
        return report
    _apply(session, rows, now, report)
    if dry_run:
        session.rollback()
    return report


def _raw_rows(data: bytes, filename: str) -> Iterator[tuple[int, dict[str, str] | CsvProblem]]:
    if filename.lower().endswith(".json") or data.lstrip()[:1] in (b"[", b"{"):
        yield from _json_rows(data)
    else:
        yield from table_rows(data, filename=filename, required=REQUIRED)


def _json_rows(data: bytes) -> Iterator[tuple[int, dict[str, str] | CsvProblem]]:
    """Objects of a JSON list, numbered from 1 (the « line » a report names)."""
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield 1, CsvProblem(1, f"not readable JSON: {exc}")
        return
    items = loaded.get("projects") if isinstance(loaded, dict) else loaded
    if not isinstance(items, list):
        yield 1, CsvProblem(1, 'JSON: expected a list of projects or {"projects": [...]}')
        return
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            yield n, CsvProblem(n, "not an object")
            continue
        yield n, {str(k).strip().lower(): _json_text(v) for k, v in item.items()}


def _json_text(value: Any) -> str:
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return "" if value is None else str(value).strip()


def _project_row(line: int, raw: dict[str, str], folder: Path) -> ProjectRow | CsvProblem:
    values = {k: (v or "").strip() for k, v in raw.items()}
    missing = [c for c in REQUIRED if not values.get(c)]
    if missing:
        return CsvProblem(line, "missing " + ", ".join(missing))
    for column, limit in LIMITS.items():
        if len(values.get(column, "")) > limit:
            return CsvProblem(line, f"{column} longer than {limit} characters")
    stage = STAGE_WORDS.get(fold_words(values["stage"]))
    if stage is None:
        return CsvProblem(line, f"unknown stage {values['stage']!r} (idée, expérimentation, "
                                "déploiement, en service)")  # fmt: skip
    slug = slugify(values.get("slug") or values["title"])
    media: list[MediaFile] = []
    for name in _split(values.get("media", "")):
        loaded = _media_file(folder, name)
        if isinstance(loaded, str):
            return CsvProblem(line, loaded)
        media.append(loaded)
    events = "\n".join(_split(values.get("events", "")))
    fields: dict[str, Any] = {
        "title": values["title"],
        "pitch": values["pitch"],
        "direction": values["direction"],
        "stage": ProjectStage(stage),
        "for_agents": values.get("for_agents", ""),
        "title_en": values.get("title_en", ""),
        "pitch_en": values.get("pitch_en", ""),
        "for_agents_en": values.get("for_agents_en", ""),
        "ambassador": values.get("ambassador", ""),
        "ambassador_contact": values.get("contact", ""),
        "event_titles": events,
    }
    digest = hashlib.sha256(
        json.dumps([slug, fields, [(m.name, m.content_hash) for m in media]], default=str).encode()
    ).hexdigest()
    return ProjectRow(line, slug, fields, tuple(media), digest)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _media_file(folder: Path, name: str) -> MediaFile | str:
    """The file, or why it cannot be used."""
    path = folder / name
    known = MEDIA_TYPES.get(path.suffix.lower())
    if known is None:
        return f"{name}: not a picture or video this kiosk shows ({', '.join(MEDIA_TYPES)})"
    if not path.resolve().is_relative_to(folder.resolve()):
        return f"{name}: outside the media folder"
    try:
        data = path.read_bytes()
    except OSError:
        return f"{name}: not found in {folder}"
    if len(data) > MAX_MEDIA_BYTES:
        return f"{name}: larger than {MAX_MEDIA_BYTES // (1024 * 1024)} MB"
    kind, media_type = known
    return MediaFile(name, kind, media_type, data, hashlib.sha256(data).hexdigest())


def _apply(
    session: Session, rows: list[ProjectRow], now: datetime, report: ProjectImportReport
) -> None:
    current = {p.slug: p for p in session.scalars(select(Project))}
    for position, row in enumerate(rows):
        project = current.pop(row.slug, None)
        if project is not None and project.fingerprint == row.fingerprint:
            if project.position != position:
                project.position = position
            report.unchanged += 1
            continue
        if project is None:
            project = Project(slug=row.slug)
            session.add(project)
            report.added.append(row.slug)
        else:
            report.updated.append(row.slug)
            session.execute(delete(ProjectMedia).where(ProjectMedia.project_id == project.id))
        for key, value in row.values.items():
            setattr(project, key, value)
        project.position, project.fingerprint, project.updated_at = position, row.fingerprint, now
        session.flush()
        session.add_all(
            ProjectMedia(
                project_id=project.id,
                position=n,
                kind=m.kind,
                media_type=m.media_type,
                caption="",
                content_hash=m.content_hash,
                data=m.data,
            )
            for n, m in enumerate(row.media)
        )
    for slug, gone in current.items():
        session.delete(gone)
        report.removed.append(slug)
    session.flush()
