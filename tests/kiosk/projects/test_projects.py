"""``smartcorner import projects``: rows checked one by one, all or nothing, a second import
changes nothing; the gallery's search is the documents' French search; the demo's twelve."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db import migrate
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.projects.catalogue import ProjectStage
from kiosk.projects.demo import write_demo_file
from kiosk.projects.gallery import media_data, project_cards, project_detail
from kiosk.projects.importer import import_projects
from kiosk.projects.tables import Project, ProjectMedia
from tests.helpers import records

NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def session_factory(
    request: pytest.FixtureRequest, session_factory: sessionmaker[Session]
) -> Iterator[sessionmaker[Session]]:
    """Every test here on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        yield session_factory
        return
    engine = create_db_engine(request.getfixturevalue("postgres_db_url"))
    migrate.ensure_schema(engine)
    yield make_session_factory(engine)
    engine.dispose()


HEADER = "title;pitch;direction;stage;events;media;title_en\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def write(folder: Path, body: str, name: str = "projets.csv") -> Path:
    path = folder / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def rows(session: Session) -> list[tuple[object, ...]]:
    projects = session.execute(select(Project).order_by(Project.slug)).scalars()
    media = session.execute(select(ProjectMedia).order_by(ProjectMedia.content_hash)).scalars()
    return [tuple(vars(p).get(c) for c in sorted(Project.__table__.columns.keys()))
            for p in projects] + [(m.content_hash, m.position) for m in media]  # fmt: skip


def test_a_csv_with_media_imports_and_importing_again_changes_nothing(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    (tmp_path / "gmao.png").write_bytes(PNG)
    path = write(tmp_path, "GMAO des routes;Les interventions suivies sur tablette;DRIT;"
                           "Expérimentation;Café numérique : la GMAO;gmao.png;Road works app\n"
                           "Coffre-fort RH;Vos bulletins en ligne;DRH;en service;;;\n")  # fmt: skip
    with session_factory.begin() as session:
        report = import_projects(session, path, NOW)
    assert report.ok, report.lines()
    assert sorted(report.added) == ["coffre-fort-rh", "gmao-des-routes"]
    with session_factory() as session:
        before = rows(session)
        assert session.scalar(select(Project.stage).where(Project.slug == "gmao-des-routes")) is (
            ProjectStage.EXPERIMENT
        )
    with session_factory.begin() as session:
        again = import_projects(session, path, NOW + timedelta(days=1))
    assert (again.added, again.updated, again.removed, again.unchanged) == ([], [], [], 2)
    with session_factory() as session:
        assert rows(session) == before


def test_bad_rows_are_reported_by_line_and_nothing_is_written(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    path = write(tmp_path, "Bon projet;Un pitch;DSI;idée;;;\n"
                           "Sans pitch;;DSI;idée;;;\n"
                           "Étape inconnue;Un pitch;DSI;abandonné;;;\n"
                           "Image absente;Un pitch;DSI;idée;;absente.png;\n"
                           "Bon projet;Le même titre;DSI;idée;;;\n")  # fmt: skip
    with session_factory.begin() as session:
        report = import_projects(session, path, NOW)
    assert not report.ok
    assert [(p.line, p.reason.split(" ")[0]) for p in report.problems] == [
        (3, "missing"),
        (4, "unknown"),
        (5, "absente.png:"),
        (6, "same"),
    ]
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Project)) == 0


def test_a_project_gone_from_the_file_is_removed_and_a_changed_one_updated(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    first = write(tmp_path, "A;Un;DSI;idée;;;\nB;Deux;DSI;idée;;;\n")
    second = write(tmp_path, "B;Deux, mieux dit;DSI;déploiement;;;\n", name="v2.csv")
    with session_factory.begin() as session:
        import_projects(session, first, NOW)
    with session_factory.begin() as session:
        report = import_projects(session, second, NOW)
    assert (report.updated, report.removed) == (["b"], ["a"])


def test_json_with_lists_is_read_like_the_csv(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "b.png").write_bytes(PNG + b"b")
    path = tmp_path / "projets.json"
    path.write_text(json.dumps([{"title": "Projet", "pitch": "P", "direction": "DSI",
                                 "stage": "en service", "media": ["a.png", "b.png"]}]))  # fmt: skip
    with session_factory.begin() as session:
        assert import_projects(session, path, NOW).ok
    with session_factory() as session:
        detail = project_detail(session, "projet", NOW)
        assert detail is not None
        assert [m.media_type for m in detail.media] == ["image/png", "image/png"]
        assert media_data(session, detail.media[1].content_hash) == PNG + b"b"


@pytest.fixture
def demo_gallery(tmp_path: Path, session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        report = import_projects(session, write_demo_file(tmp_path), NOW)
    assert report.ok, report.lines()


@pytest.mark.usefixtures("demo_gallery")
def test_the_search_folds_accents_elisions_and_plurals_as_the_documents_search(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory() as session:
        assert len(project_cards(session)) == 12
        # « crues » typed without its « s », « experimentation » without accents
        assert [c.slug for c in project_cards(session, "crue")] == ["capteurs-de-crues"]
        assert "assistant-ia-des-agents" in {c.slug for c in project_cards(session, "l'IA")}
        # a word being typed is a prefix; a title match comes first
        found = [c.slug for c in project_cards(session, "signat")]
        assert found[0] == "signature-electronique-des-actes"
        assert project_cards(session, "zzzz") == []


@pytest.mark.usefixtures("demo_gallery")
def test_a_project_lists_the_events_to_come_that_present_it(
    session_factory: sessionmaker[Session],
) -> None:
    title = "Café numérique : la signature électronique"
    with session_factory.begin() as session:
        site = records.site(session)
        past = records.event(session, site, title=title, starts_at=NOW - timedelta(days=7))
        coming = records.event(
            session, site, title=title.upper(), starts_at=NOW + timedelta(days=7)
        )
        later = records.event(session, site, title=title, starts_at=NOW + timedelta(days=30))
        records.event(session, site, title="Autre chose", starts_at=NOW + timedelta(days=1))
        assert past.id
        ids = (coming.id, later.id)
    with session_factory() as session:
        detail = project_detail(session, "signature-electronique-des-actes", NOW)
    assert detail is not None
    assert tuple(e.id for e in detail.events) == ids
