"""Migrations on real SQLite files: what ``smartcorner db upgrade`` and start-up rely on."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from kiosk.db import migrate
from kiosk.db.engine import create_db_engine
from kiosk.schema import metadata
from tests.helpers.db import sqlite_url_in

TABLES = {"direction", "service", "site", "kiosk", "person", "event", "registration"}
TABLES |= {"badge", "checkin", "attendance", "checkin_undo", "space_visit"}
TABLES |= {"ticket_revocation", "event_source"}
TABLES |= {"print_job"}
TABLES |= {"help_request", "help_ticket_counter", "help_forward"}  # Besoin d'aide ?
TABLES |= {"sync_state", "sync_conflict"}  # Smart Tour sync
TABLES |= {"kiosk_heartbeat", "heartbeat_history", "fleet_incident"}  # fleet health
TABLES |= {"tour_stop", "announcement"}  # the Smart Tour's itinerary, staff's banners
TABLES |= {"document", "document_file", "document_page", "document_view", "document_search"}
TABLES |= {  # Click & Collect (issue 5)
    "catalogue_item",
    "collect_order",
    "order_line",
    "pickup",
    "hand_over",
    "order_line_event",
}
TABLES |= {"notice", "signup_act"}  # notifications outbox; sign-ups as they happened
TABLES |= {"site_stock"}  # the catalogue's stock per site
TABLES |= {"project", "project_media", "event_feedback"}  # Projets numériques, satisfaction
TABLES |= {"project_view"}  # the showcase in the statistics
TABLES |= {"event_tally", "event_kiosk_tally", "event_direction_tally", "visit_tally"}  # kept


@pytest.fixture
def empty_engine(sqlite_url: str) -> Engine:
    return create_db_engine(sqlite_url)


def schema_diff(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), metadata))


def test_head_revision_constant_is_alembics_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD_REVISION]


def test_upgrade_on_an_empty_file_creates_every_table(empty_engine: Engine) -> None:
    assert migrate.current_revision(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.HEAD_REVISION
    assert set(inspect(empty_engine).get_table_names()) == TABLES | {"alembic_version"}


def test_downgrade_to_base_then_upgrade_again(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine, "base")
    assert migrate.current_revision(empty_engine) is None
    assert set(inspect(empty_engine).get_table_names()) == {"alembic_version"}
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.HEAD_REVISION
    assert schema_diff(empty_engine) == []


def test_models_and_migrated_schema_agree(engine: Engine) -> None:
    assert schema_diff(engine) == []


def test_ensure_schema_upgrades_an_empty_database_once(empty_engine: Engine) -> None:
    assert migrate.ensure_schema(empty_engine) is True
    assert migrate.current_revision(empty_engine) == migrate.HEAD_REVISION
    assert migrate.ensure_schema(empty_engine) is False


def test_ensure_schema_brings_an_old_database_to_head(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine, "base")
    assert migrate.ensure_schema(empty_engine) is True
    assert migrate.current_revision(empty_engine) == migrate.HEAD_REVISION


def test_a_revision_from_newer_software_is_refused_with_a_clear_message(
    engine: Engine,
) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(migrate.SchemaError, match=r"9999.*install the newer kiosk version"):
        migrate.ensure_schema(engine)


def test_foreign_keys_are_on_again_after_a_migration(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_ensure_schema_on_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    url = sqlite_url_in(tmp_path)
    engine = create_db_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    probe = textwrap.dedent(f"""
        import sys
        from kiosk.db.engine import create_db_engine
        from kiosk.db.migrate import ensure_schema
        assert ensure_schema(create_db_engine({url!r})) is False
        print(sorted(m for m in sys.modules if m.split(".")[0] == "alembic"))
    """)
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_migrations_ship_inside_the_package() -> None:
    folder = migrate.MIGRATIONS_DIR
    assert folder.is_relative_to(Path(migrate.__file__).parent)
    assert (folder / "env.py").is_file()
    assert (folder / "script.py.mako").is_file()
    assert any(folder.glob(f"versions/{migrate.HEAD_REVISION}_*.py"))
