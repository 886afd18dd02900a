"""This kiosk's row: found by code, created on first start, demo-aware."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Kiosk, Site
from kiosk.demo.seed import seed_demo
from kiosk.paths import Paths
from kiosk.settings import Profile, Settings, SettingsError, load_settings
from kiosk.this_kiosk import (
    PLACEHOLDER_SITE,
    UnknownSiteError,
    ensure_kiosk,
    host_code,
    register_kiosk,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def settings(tmp_path: Path, **values: object) -> Settings:
    return Settings(paths=Paths(data_dir=tmp_path, config_file=None), **values)  # type: ignore[arg-type]


def test_an_empty_database_gets_this_kiosk_and_a_placeholder_site(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    s = settings(tmp_path, kiosk_code="BORNE-NICE-01", kiosk_name="Borne Nice")
    with session_factory.begin() as session:
        first = ensure_kiosk(session, s, NOW)
    with session_factory.begin() as session:
        again = ensure_kiosk(session, s, NOW)
        assert session.scalar(select(func.count()).select_from(Kiosk)) == 1
        assert session.scalar(select(Site.is_smart_corner)) is True
    assert first == again
    assert (first.code, first.name, first.profile) == ("BORNE-NICE-01", "Borne Nice", Profile.ROOM)


def test_a_configured_kiosk_follows_its_settings(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as session:
        ensure_kiosk(session, settings(tmp_path, kiosk_code="K1", kiosk_name="Avant"), NOW)
    changed = settings(tmp_path, kiosk_code="K1", kiosk_name="Après", profile=Profile.STORE)
    with session_factory.begin() as session:
        ref = ensure_kiosk(session, changed, NOW)
    assert (ref.name, ref.profile) == ("Après", Profile.STORE)


def test_on_demo_data_the_kiosk_is_the_demo_kiosk_of_its_profile(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    seed_demo(session_factory, NOW)
    with session_factory.begin() as session:
        ref = ensure_kiosk(session, settings(tmp_path, profile=Profile.STORE), NOW)
        assert ref.code == "DEMO-STORE"
        assert "CADAM" in ref.site_name  # the Smart Corner site of the demo
        assert session.scalar(select(func.count()).select_from(Kiosk)) == 3


def test_a_site_code_must_exist(session_factory: sessionmaker[Session], tmp_path: Path) -> None:
    with session_factory.begin() as session, pytest.raises(UnknownSiteError, match="GRASSE"):
        ensure_kiosk(session, settings(tmp_path, kiosk_code="K2", site="GRASSE"), NOW)


def test_host_names_become_codes() -> None:
    assert host_code("borne-cadam.cg06.local") == "BORNE-CADAM"
    assert host_code("Kiosk_42 (test)") == "KIOSK-42-TEST"
    assert host_code("...") == "KIOSK"


def test_codes_in_settings_are_checked(tmp_path: Path) -> None:
    env = {"SMARTCORNER_DATA_DIR": str(tmp_path), "SMARTCORNER_KIOSK_CODE": "borne nice"}
    with pytest.raises(SettingsError, match="SMARTCORNER_KIOSK_CODE"):
        load_settings(env)
    env["SMARTCORNER_KIOSK_CODE"] = "borne-nice-01"
    assert load_settings(env).kiosk_code == "BORNE-NICE-01"


def _race_for_the_placeholder_site(engine: Engine) -> Callable[..., None]:
    """Another kiosk creates the placeholder site between this kiosk's look-up and its insert
    (once): the window two kiosks starting together on a new database share."""
    done: list[bool] = []

    def other_kiosk_first(session: Session, *_: object) -> None:
        if done:
            return
        done.append(True)
        with engine.begin() as conn:
            conn.execute(
                insert(Site).values(code=PLACEHOLDER_SITE, name="Smart Corner", town="",
                                    address="", is_smart_corner=True)
            )  # fmt: skip

    return other_kiosk_first


@pytest.mark.postgres
def test_two_kiosks_registering_at_once_on_a_new_database_both_start(
    postgres_db_url: str, tmp_path: Path
) -> None:
    """On SQLite the write lock (BEGIN IMMEDIATE) already serialises them; PostgreSQL lets
    both read "no site yet", and one of the two inserts meets the unique code."""
    engine = create_db_engine(postgres_db_url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    hook = _race_for_the_placeholder_site(engine)
    event.listen(Session, "before_flush", hook)
    try:
        ref = register_kiosk(sessions, settings(tmp_path, kiosk_code="BORNE-2"), NOW)
    finally:
        event.remove(Session, "before_flush", hook)
    with sessions() as session:
        assert session.scalars(select(Site.code)).all() == [PLACEHOLDER_SITE]  # one site
        kiosk = session.scalar(select(Kiosk).where(Kiosk.code == "BORNE-2"))
        assert kiosk is not None
        assert kiosk.id == ref.id
        assert kiosk.site.code == PLACEHOLDER_SITE  # on the other kiosk's site
    engine.dispose()
