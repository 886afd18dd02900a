"""Which kiosk this is: its row in the (possibly shared) database.

Every record a kiosk writes (check-in, visit, hand-over, help ticket, print job...) names its
kiosk, so that several kiosks on one PostgreSQL database and the offline Smart Tour's sync
can tell who did what. The row is found by code, or created on first start:

- ``kiosk_code`` from the settings when set (real kiosks: one code per machine);
- otherwise ``DEMO-<PROFILE>`` when the demo data set is there (so that the demo's own records
  and the live kiosk agree), else the machine's host name.

The kiosk stands on the site named by ``site`` in the settings, else on the Smart Corner site;
a brand-new empty database gets a placeholder site that an import later completes.
"""

from __future__ import annotations

import logging
import re
import socket
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Kiosk, Site
from kiosk.settings import Profile, Settings

log = logging.getLogger(__name__)

DEMO_PREFIX = "DEMO-"
PLACEHOLDER_SITE = "SITE"


@dataclass(frozen=True)
class KioskRef:
    """What the rest of the application needs to know of this kiosk."""

    id: int
    code: str
    name: str
    profile: Profile
    site_id: int
    site_name: str


class UnknownSiteError(LookupError):
    """The settings name a site code that the database does not hold."""


def host_code(hostname: str | None = None) -> str:
    """The host name as a kiosk code: upper case, letters, digits and '-' only, 32 at most."""
    name = (hostname or socket.gethostname()).split(".")[0].upper()
    return re.sub(r"[^A-Z0-9-]+", "-", name).strip("-")[:32] or "KIOSK"


def ensure_kiosk(session: Session, settings: Settings, now: datetime) -> KioskRef:
    """Find this kiosk's row (creating it, and a site if there is none) in ``session``'s
    transaction; the caller commits. Name and profile follow the settings on every start."""
    code = settings.kiosk_code or _default_code(session, settings.profile)
    kiosk = session.scalar(select(Kiosk).where(Kiosk.code == code))
    if kiosk is None:
        kiosk = Kiosk(
            code=code,
            name=settings.kiosk_name,
            profile=settings.profile,
            site=_site(session, settings.site),
            created_at=now,
        )
        session.add(kiosk)
    else:
        if settings.kiosk_code:  # a configured kiosk follows its settings; the demo keeps its own
            kiosk.name = settings.kiosk_name
            kiosk.profile = settings.profile
        if settings.site and kiosk.site.code != settings.site:
            kiosk.site = _site(session, settings.site)
    session.flush()
    return KioskRef(
        id=kiosk.id,
        code=kiosk.code,
        name=kiosk.name,
        profile=kiosk.profile,
        site_id=kiosk.site.id,
        site_name=kiosk.site.name,
    )


def register_kiosk(sessions: sessionmaker[Session], settings: Settings, now: datetime) -> KioskRef:
    """:func:`ensure_kiosk` in a transaction of its own. Kiosks starting together on one new
    shared database may both create the placeholder site (or the same kiosk row): the loser
    of that race meets a unique constraint, and a second pass finds the winner's row."""
    try:
        with sessions.begin() as session:
            begin_as_writer(session)  # it reads, then writes: wait behind another writer
            return ensure_kiosk(session, settings, now)
    except IntegrityError as exc:
        log.info("another kiosk registered the same site or kiosk meanwhile (%s): again",
                 exc.orig)  # fmt: skip
    with sessions.begin() as session:
        begin_as_writer(session)
        return ensure_kiosk(session, settings, now)


def find_kiosk_id(session: Session, settings: Settings) -> int | None:
    """This kiosk's row id if it is registered already; reads only (``smartcorner selftest``)."""
    code = settings.kiosk_code or _default_code(session, settings.profile)
    return session.scalar(select(Kiosk.id).where(Kiosk.code == code))


def _default_code(session: Session, profile: Profile) -> str:
    demo = f"{DEMO_PREFIX}{profile.value.upper()}"
    if session.scalar(select(Kiosk.id).where(Kiosk.code == demo)) is not None:
        return demo
    return host_code()


def _site(session: Session, code: str) -> Site:
    if code:
        site = session.scalar(select(Site).where(Site.code == code))
        if site is None:
            raise UnknownSiteError(f"site {code!r} (setting 'site') is not in the database")
        return site
    site = session.scalar(select(Site).order_by(Site.is_smart_corner.desc(), Site.id).limit(1))
    if site is None:
        site = Site(
            code=PLACEHOLDER_SITE,
            name="Smart Corner",
            town="",
            address="",
            is_smart_corner=True,
        )
        session.add(site)
    return site
