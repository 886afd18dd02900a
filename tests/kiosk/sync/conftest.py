"""A central database (the shared world of the check-in tests) and a Smart Tour kiosk's own
SQLite file that has met it once (first pull), with its kiosk row at the remote site."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import Engine, func, insert, make_url, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import CheckinContext, PersonIdentity, check_in
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Event, Kiosk, Person, Registration, Site
from kiosk.domain import EventKind, PersonKind, RegistrationStatus, Role, Space
from kiosk.ports import FixedClock
from kiosk.settings import Profile
from kiosk.sync.tour import TourSync, central_engine
from tests.helpers.checkin_world import NOW, World, build_world, paris
from tests.helpers.db import settle_file, sqlite_url_in
from tests.helpers.postgres import create_database
from tests.helpers.tcp_proxy import TcpProxy, tcp_proxy

TOUR_CODE = "TOUR-1"
CROWD = 24  # agents registered to the tour's café numérique


@dataclass
class Tour:
    """The two databases and what the tests need to drive them."""

    central: Engine
    local: Engine
    world: World
    cafe: int  # the tour's event at the remote site (same id on both sides)
    crowd: list[int]  # agents registered to it, by id (same ids on both sides)
    kiosk_id: int  # the tour kiosk's row in its own database
    clock: FixedClock

    def sync(
        self,
        *,
        batch_size: int = 500,
        central: Engine | None = None,
        retention: dict[str, int] | None = None,
        **options: Any,
    ) -> TourSync:
        return TourSync(
            self.local,
            central or self.central,
            self.kiosk_id,
            self.clock,
            batch_size=batch_size,
            retention=retention,
            **options,
        )

    @property
    def local_sessions(self) -> sessionmaker[Session]:
        return make_session_factory(self.local)

    @property
    def central_sessions(self) -> sessionmaker[Session]:
        return make_session_factory(self.central)

    def check_in(
        self, person_id: int, *, central_kiosk: int | None = None, minutes: int = 0
    ) -> str:
        """One staff check-in to the café, here (offline) or at a central kiosk (online)."""
        factory = self.central_sessions if central_kiosk else self.local_sessions
        kiosk = central_kiosk or self.kiosk_id
        nonce = uuid4().hex
        with factory() as s:
            site = s.scalar(select(Site.id).where(Site.code == "MENT"))
            assert site is not None
            result = check_in(
                s,
                PersonIdentity(person_id, staff_id=self.world.staff),
                CheckinContext(site_id=site, event_id=self.cafe),
                kiosk,
                NOW + timedelta(minutes=minutes),
                nonce,
            )
        return result.outcome.value

    def count(self, engine: Engine, model: type, **where: object) -> int:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        with engine.connect() as conn:
            return int(conn.scalar(query) or 0)


def seed_central(factory: sessionmaker[Session]) -> tuple[World, int, list[int]]:
    world = build_world(factory)
    created = NOW - timedelta(days=40)
    with factory.begin() as s:
        crowd = list(
            s.scalars(
                insert(Person).returning(Person.id, sort_by_parameter_order=True),
                [
                    {
                        "kind": PersonKind.AGENT,
                        "matricule": f"T{n:06d}",
                        "first_name": f"Agent{n}",
                        "last_name": "Menton",
                        "role": Role.AGENT,
                        "created_at": created,
                    }
                    for n in range(CROWD)
                ],
            )
        )
        cafe = Event(
            kind=EventKind.CAFE_NUMERIQUE,
            title="Café numérique à Menton",
            space=Space.REMOTE_SITE,
            site_id=world.remote_site,
            starts_at=paris(0, 10),
            ends_at=paris(0, 12),
            capacity=None,
            open_to_external=True,
            created_at=created,
        )
        s.add(cafe)
        s.flush()
        s.execute(
            insert(Registration),
            [
                {
                    "event_id": cafe.id,
                    "person_id": p,
                    "status": RegistrationStatus.CONFIRMED,
                    "created_at": created,
                }
                for p in crowd
            ],
        )
        return world, cafe.id, crowd


def tour_kiosk(local: Engine, clock: FixedClock) -> int:
    with make_session_factory(local).begin() as s:
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        assert site is not None, "the first pull brings the sites"
        kiosk = Kiosk(
            code=TOUR_CODE,
            name="Smart Tour",
            profile=Profile.TOUR,
            site_id=site,
            created_at=clock.now(),
        )
        s.add(kiosk)
        s.flush()
        return kiosk.id


def make_tour(central: Engine, tmp_path: Path) -> Tour:
    world, cafe, crowd = seed_central(make_session_factory(central))
    local = create_db_engine(sqlite_url_in(tmp_path / TOUR_FILE.parent, TOUR_FILE.name))
    ensure_schema(local)
    clock = FixedClock(NOW)
    TourSync(local, central, None, clock).run()  # the first meeting: pull only
    return Tour(central, local, world, cafe, crowd, tour_kiosk(local, clock), clock)


CENTRAL_FILE = Path("central", "central.sqlite3")
TOUR_FILE = Path("tour", "tour.sqlite3")  # where make_tour puts the tour's own database


@dataclass(frozen=True)
class TourTemplate:
    """Both databases of :func:`make_tour` and what it returned, made once per session: the
    tour's SQLite file in ``folder``, the central one there too or, on PostgreSQL, in the
    database ``central_database`` names."""

    folder: Path
    world: World
    cafe: int
    crowd: tuple[int, ...]
    kiosk_id: int
    central_database: str | None = None

    def tour(self, central: Engine, tmp_path: Path) -> Tour:
        """A tour on ``central`` (a copy of the central template) and a copy of the tour's file."""
        (tmp_path / TOUR_FILE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.folder / TOUR_FILE, tmp_path / TOUR_FILE)
        local = create_db_engine(sqlite_url_in(tmp_path / TOUR_FILE.parent, TOUR_FILE.name))
        return Tour(
            central, local, self.world, self.cafe, list(self.crowd), self.kiosk_id,
            FixedClock(NOW),
        )  # fmt: skip


@pytest.fixture(scope="session")
def sqlite_tour_template(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> TourTemplate:
    """Migrating both databases, seeding the central one and the first pull cost seconds, in
    each of the tests that want a tour: made once here, each test gets a copy of the files
    (the same bytes building them again would write; copy them, never open them)."""
    folder = tmp_path_factory.mktemp("tour-template")
    (folder / CENTRAL_FILE).parent.mkdir()
    shutil.copyfile(migrated_template, folder / CENTRAL_FILE)
    central = create_db_engine(sqlite_url_in(folder / CENTRAL_FILE.parent, CENTRAL_FILE.name))
    ensure_schema(central)  # one SELECT on the migrated copy
    tour = make_tour(central, folder)
    settle_file(tour.local)
    settle_file(central)
    return TourTemplate(folder, tour.world, tour.cafe, tuple(tour.crowd), tour.kiosk_id)


@pytest.fixture
def sqlite_tour(tmp_path: Path, sqlite_tour_template: TourTemplate) -> Iterator[Tour]:
    """Central database on SQLite too: fast, for the rules that do not need a server."""
    (tmp_path / CENTRAL_FILE).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sqlite_tour_template.folder / CENTRAL_FILE, tmp_path / CENTRAL_FILE)
    central = create_db_engine(sqlite_url_in(tmp_path / CENTRAL_FILE.parent, CENTRAL_FILE.name))
    tour = sqlite_tour_template.tour(central, tmp_path)
    yield tour
    tour.local.dispose()
    central.dispose()


@pytest.fixture(scope="session")
def pg_tour_template(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> TourTemplate:
    """As :func:`sqlite_tour_template`, the central database on the session's PostgreSQL
    server, copied for each test with ``CREATE DATABASE ... TEMPLATE``."""
    url = create_database(postgres_url)
    folder = tmp_path_factory.mktemp("pg-tour-template")
    central = create_db_engine(url)
    ensure_schema(central)
    tour = make_tour(central, folder)
    settle_file(tour.local)
    central.dispose()  # nobody connected: the template can be copied
    database = make_url(url).database
    assert database is not None
    return TourTemplate(folder, tour.world, tour.cafe, tuple(tour.crowd), tour.kiosk_id, database)


@pytest.fixture
def pg_tour(postgres_url: str, pg_tour_template: TourTemplate, tmp_path: Path) -> Iterator[Tour]:
    central = create_db_engine(create_database(postgres_url, pg_tour_template.central_database))
    tour = pg_tour_template.tour(central, tmp_path)
    yield tour
    tour.local.dispose()
    central.dispose()


@pytest.fixture
def proxy(postgres_url: str) -> Iterator[TcpProxy]:
    port = make_url(postgres_url).port
    assert port is not None
    with tcp_proxy(port) as p:
        yield p


@pytest.fixture
def via_proxy(pg_tour: Tour, proxy: TcpProxy) -> Iterator[Engine]:
    url = make_url(str(pg_tour.central.url.render_as_string(hide_password=False)))
    engine = central_engine(url.set(port=proxy.port).render_as_string(hide_password=False))
    yield engine
    engine.dispose()
