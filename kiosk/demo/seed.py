"""``smartcorner demo``: the whole demo data set, the shared world and every capability's part.

Deterministic for a given ``(seed, day)`` where the day is ``now``'s date in Europe/Paris: the
time of day does not change a single row, so two kiosks seeded on the same day agree. Inserted
in one transaction with bulk INSERTs (a few hundred milliseconds, not seconds). Each
capability's seed uses its own ``random.Random(base.seed)``, so that adding one does not
change another's rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Final

from sqlalchemy import MetaData, select, text
from sqlalchemy.orm import Session, sessionmaker

from kiosk.announcements.demo import seed_announcements
from kiosk.checkin.demo import seed_checkins
from kiosk.collect.demo import seed_collect
from kiosk.db.demo import DEMO_KIOSKS, DemoBase, DemoSummary, seed_world
from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Kiosk
from kiosk.documents.demo import seed_documents
from kiosk.fleet.demo import seed_fleet
from kiosk.help.demo import seed_help
from kiosk.itinerary.demo import seed_itinerary
from kiosk.projects.demo import seed_projects
from kiosk.satisfaction.demo import seed_feedback

log = logging.getLogger(__name__)

# Each takes (session, base) and returns {"what": count}; called in this order, in the same
# transaction as the shared world.
CAPABILITY_SEEDS: Final[tuple[Callable[[Session, DemoBase], Mapping[str, int]], ...]] = (
    seed_help,
    seed_checkins,
    seed_documents,
    seed_collect,
    seed_fleet,
    seed_itinerary,
    seed_announcements,
    seed_projects,
    seed_feedback,
)


def seed_demo(
    session_factory: sessionmaker[Session], now: datetime, *, seed: int = 2026
) -> DemoSummary:
    """Add the demo data unless it is already there (then change nothing)."""
    with session_factory.begin() as session:
        begin_as_writer(session)  # looks for the demo, then writes it
        if _demo_present(session):
            return DemoSummary(already_present=True)
        return _seed(session, now, seed)


def reset_demo(
    session_factory: sessionmaker[Session], now: datetime, *, seed: int = 2026
) -> DemoSummary:
    """Wipe EVERY row of every table (not only demo rows), then seed; one transaction."""
    with session_factory.begin() as session:
        begin_as_writer(session)
        _wipe(session)
        return _seed(session, now, seed)


def _seed(session: Session, now: datetime, seed: int) -> DemoSummary:
    base, summary = seed_world(session, now, seed)
    extra: dict[str, int] = {}
    for seed_capability in CAPABILITY_SEEDS:
        extra.update(seed_capability(session, base))
    summary = replace(summary, extra=extra)
    log.info("demo data seeded: %s", summary)
    return summary


def _demo_present(session: Session) -> bool:
    codes = [code for code, _, _ in DEMO_KIOSKS]
    return session.scalar(select(Kiosk.id).where(Kiosk.code.in_(codes)).limit(1)) is not None


def _wipe(session: Session) -> None:
    # Reflected rather than taken from the ORM, so tables other modules add are wiped too.
    conn = session.connection()
    tables = MetaData()
    tables.reflect(conn)
    names = [t.name for t in reversed(tables.sorted_tables) if t.name != "alembic_version"]
    if conn.dialect.name == "postgresql":
        quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
        conn.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
    else:
        for name in names:
            conn.execute(tables.tables[name].delete())
