"""The whole database schema: the shared tables and every capability's own.

Each capability declares its tables in its own ``tables`` module on the shared
:class:`~kiosk.db.models.Base`; this module loads them all, for what needs the complete
schema at once (Alembic's environment, the check that migrations produce exactly the models).
It sits above the capabilities, so ``kiosk.db`` stays the bottom layer.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from kiosk.announcements import tables as announcement_tables
from kiosk.checkin import tables as checkin_tables
from kiosk.collect import tables as collect_tables
from kiosk.db.models import Base
from kiosk.documents import tables as documents_tables
from kiosk.fleet import tables as fleet_tables
from kiosk.help import tables as help_tables
from kiosk.itinerary import tables as itinerary_tables
from kiosk.printing import tables as printing_tables
from kiosk.programme import tables as programme_tables
from kiosk.projects import tables as projects_tables
from kiosk.satisfaction import tables as satisfaction_tables
from kiosk.signup import tables as signup_tables
from kiosk.stats import tables as stats_tables
from kiosk.sync import tables as sync_tables

TABLE_MODULES: tuple[object, ...] = (
    announcement_tables,
    checkin_tables,
    collect_tables,
    documents_tables,
    fleet_tables,
    help_tables,
    itinerary_tables,
    printing_tables,
    programme_tables,
    signup_tables,
    projects_tables,
    satisfaction_tables,
    stats_tables,
    sync_tables,
)
metadata: MetaData = Base.metadata
