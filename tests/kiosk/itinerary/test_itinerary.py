"""The Smart Tour's itinerary: its import (CSV, Excel, JSON; all rows or none; the file is the
plan for its days) and the tour kiosk's site following today's stop, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import BadgeIdentity, CheckinContext, check_in
from kiosk.checkin.tables import SpaceVisit
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Kiosk, Site
from kiosk.domain import PARIS, Space
from kiosk.identity import badge_hash
from kiosk.itinerary.importer import ImportFileError, import_tour, read_rows
from kiosk.itinerary.stops import follow_stop, stop_today, upcoming_stops
from kiosk.itinerary.tables import TourStop
from tests.helpers.checkin_world import ALICE_UID, NOW, SITE_KEY, World, build_world
from tests.helpers.workbooks import workbook

CSV = """date;site;start;end;offer;offer_en
21/05/2026;MENT;9h;16h30;Café numérique;Digital café
22/05/2026;CADAM;09:00;12:00;Atelier cybersécurité;
2026-05-26;MENT;14h;17h;;
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def world_db(
    request: pytest.FixtureRequest, engine: Engine
) -> Iterator[tuple[sessionmaker[Session], World]]:
    if request.param == "postgresql":
        db = create_db_engine(request.getfixturevalue("postgres_db_url"))
        ensure_schema(db)
    else:
        db = engine
    factory = make_session_factory(db)
    yield factory, build_world(factory)
    if db is not engine:
        db.dispose()


def _import(factory: sessionmaker[Session], path: Path, now: datetime = NOW) -> object:
    with factory() as s:
        report = import_tour(s, read_rows(path), now)
        if report.ok:
            s.commit()
        return report


def _stops(factory: sessionmaker[Session]) -> list[tuple[str, str, str]]:
    with factory() as s:
        return [
            (t.ref, f"{t.ends_at.astimezone(PARIS):%H:%M}", t.offer)
            for t in s.scalars(select(TourStop).order_by(TourStop.starts_at))
        ]


def test_a_csv_itinerary_imports_and_imports_again_unchanged(
    world_db: tuple[sessionmaker[Session], World], tmp_path: Path
) -> None:
    factory, _ = world_db
    path = tmp_path / "tour.csv"
    path.write_text(CSV, encoding="utf-8")
    report = _import(factory, path)
    assert str(report) == "3 created, 0 updated, 0 unchanged, 0 removed (no longer planned)"
    assert _stops(factory) == [
        ("MENT/2026-05-21T09:00", "16:30", "Café numérique"),
        ("CADAM/2026-05-22T09:00", "12:00", "Atelier cybersécurité"),
        ("MENT/2026-05-26T14:00", "17:00", ""),
    ]
    assert str(_import(factory, path)) == (
        "0 created, 0 updated, 3 unchanged, 0 removed (no longer planned)"
    )


def test_the_file_is_the_plan_for_its_days(
    world_db: tuple[sessionmaker[Session], World], tmp_path: Path
) -> None:
    """A stop dropped from a later file is cancelled; days the file does not cover are kept."""
    factory, _ = world_db
    path = tmp_path / "tour.csv"
    path.write_text(CSV, encoding="utf-8")
    _import(factory, path)
    later = tmp_path / "later.csv"
    later.write_text(
        "date;site;start;end;offer\n21/05/2026;MENT;9h;17h;Café numérique prolongé\n",
        encoding="utf-8",
    )
    report = _import(factory, later)
    assert str(report) == "0 created, 1 updated, 0 unchanged, 0 removed (no longer planned)"
    assert _stops(factory)[0] == ("MENT/2026-05-21T09:00", "17:00", "Café numérique prolongé")
    moved = tmp_path / "moved.csv"  # the 22nd's workshop moves to the afternoon
    moved.write_text("date;site;start;end\n22/05/2026;CADAM;14h;16h\n", encoding="utf-8")
    assert str(_import(factory, moved)) == (
        "1 created, 0 updated, 0 unchanged, 1 removed (no longer planned)"
    )
    assert [ref for ref, _, _ in _stops(factory)] == [
        "MENT/2026-05-21T09:00", "CADAM/2026-05-22T14:00", "MENT/2026-05-26T14:00",
    ]  # fmt: skip


def test_bad_rows_are_reported_by_line_and_nothing_is_written(
    world_db: tuple[sessionmaker[Session], World], tmp_path: Path
) -> None:
    factory, _ = world_db
    path = tmp_path / "bad.csv"
    path.write_text(
        "date;site;start;end;offer\n"
        "21/05/2026;MENT;9h;16h;ok\n"
        "31/02/2026;MENT;9h;16h;no such day\n"
        "22/05/2026;NOWHERE;9h;16h;unknown site\n"
        "23/05/2026;MENT;16h;9h;backwards\n"
        "24/05/2026;MENT;midi;16h;not a time\n"
        "21/05/2026;MENT;09:00;12:00;the same stop again\n"
        ";MENT;9h;16h;no date\n",
        encoding="utf-8",
    )
    with factory() as s:
        report = import_tour(s, read_rows(path), NOW)
        s.rollback()
    assert [str(e) for e in report.errors] == [  # type: ignore[attr-defined]
        "line 3: date '31/02/2026' is not dd/mm/yyyy nor yyyy-mm-dd",
        "line 4: site 'NOWHERE' is not in the database (import the sites first)",
        "line 5: ends at 09:00, before it starts (16:00)",
        "line 6: start and end must be times such as 9:00, 9h or 16h30",
        "line 7: same stop as line 2",
        "line 8: missing date",
    ]
    assert _stops(factory) == []


def test_excel_and_json_itineraries(engine: Engine, tmp_path: Path) -> None:
    factory = make_session_factory(engine)
    build_world(factory)
    book = tmp_path / "tour.xlsx"  # a date cell, times typed as text, as planners do
    book.write_bytes(
        workbook(["date", "site", "start", "end", "offer"], [[date(2026, 5, 21), "MENT", "9:00",
                 "16h30", "Café"]], above=["Smart Tour — printemps 2026"])
    )  # fmt: skip
    assert str(_import(factory, book)).startswith("1 created")
    doc = tmp_path / "tour.json"
    doc.write_text(
        json.dumps({"stops": [{"date": "2026-05-22", "site": "cadam", "start": "10h",
                               "end": "12h", "offer": "Atelier"}]}),
        encoding="utf-8",
    )  # fmt: skip
    assert str(_import(factory, doc)).startswith("1 created")
    assert [r for r, _, _ in _stops(factory)] == ["MENT/2026-05-21T09:00", "CADAM/2026-05-22T10:00"]
    broken = tmp_path / "broken.json"
    broken.write_text('{"stops": [', encoding="utf-8")
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read_rows(broken)


def _stop(s: Session, code: str, day: int, start: int, end: int) -> None:
    site = s.scalar(select(Site).where(Site.code == code))
    assert site is not None
    begins = datetime.combine(
        NOW.astimezone(PARIS).date() + timedelta(days=day), time(start), PARIS
    )
    s.add(TourStop(ref=f"{code}/{day}/{start}", site_id=site.id, starts_at=begins,
                   ends_at=begins.replace(hour=end), imported_at=NOW))  # fmt: skip


def test_today_s_stop_and_the_next_ones(world_db: tuple[sessionmaker[Session], World]) -> None:
    factory, _ = world_db
    with factory.begin() as s:
        _stop(s, "CADAM", 0, 8, 10)  # NOW is 10:30 in Paris: this one is over
        _stop(s, "MENT", 0, 13, 17)
        _stop(s, "MENT", 1, 9, 16)
    with factory() as s:
        today = stop_today(s, NOW)
        assert today is not None
        assert today.site_code == "MENT"
        assert stop_today(s, NOW.replace(hour=19)) is not None  # 21:00: the last one of the day
        assert stop_today(s, NOW + timedelta(days=2)) is None
        assert [x.site_code for x in upcoming_stops(s, NOW)] == ["MENT", "MENT"]
        during = stop_today(s, NOW.replace(hour=7))  # 9:00 in Paris: under way at CADAM
        assert during is not None
        assert during.site_code == "CADAM"


def test_the_tour_kiosk_records_where_today_s_stop_is_and_keeps_what_it_recorded_before(
    world_db: tuple[sessionmaker[Session], World],
) -> None:
    factory, world = world_db
    with factory.begin() as s:
        _stop(s, "CADAM", 0, 9, 17)
        _stop(s, "MENT", 1, 9, 17)
        cadam = s.scalar(select(Site.id).where(Site.code == "CADAM"))
        ment = s.scalar(select(Site.id).where(Site.code == "MENT"))
        s.get(Kiosk, world.kiosk).profile = "tour"  # type: ignore[union-attr]
    alice = BadgeIdentity(badge_hash(SITE_KEY, ALICE_UID))
    for day, site_id in ((0, cadam), (1, ment)):
        now = NOW + timedelta(days=day)
        with factory() as s:
            site = follow_stop(s, world.kiosk, site_id=-1, now=now)
            assert site == site_id
            context = CheckinContext(site_id=site, space=Space.REMOTE_SITE)
            check_in(s, alice, context, world.kiosk, now, f"nonce-{day}".ljust(32, "0"))
        with factory() as s:
            assert s.scalar(select(Kiosk.site_id).where(Kiosk.id == world.kiosk)) == site_id
    with factory() as s:
        visits = s.execute(select(SpaceVisit.site_id, func.count()).group_by(SpaceVisit.site_id))
        assert dict(visits.all()) == {cadam: 1, ment: 1}
        # a day without a stop: the kiosk stays where it was last
        assert follow_stop(s, world.kiosk, ment or 0, NOW + timedelta(days=5)) == ment
