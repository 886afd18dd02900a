"""Putting up, listing and withdrawing announcements, and the ones a kiosk shows now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.announcements.tables import Announcement
from kiosk.domain import new_nonce
from kiosk.settings import Profile

MAX_TEXT: Final = 200  # one or two lines at arm's length: a banner, not a page


class AnnouncementRefused(ValueError):
    """What staff typed cannot be shown (empty, too long, ends before it starts...)."""


@dataclass(frozen=True)
class Banner:
    """What a screen shows of an announcement."""

    id: int
    text: str
    text_en: str
    starts_at: datetime
    ends_at: datetime
    profiles: tuple[Profile, ...]  # empty: every profile
    kiosks: tuple[str, ...]  # kiosk codes; empty: every kiosk

    def text_in(self, english: bool) -> str:
        """The text in the kiosk's language; the French one when no English was given."""
        return self.text_en if english and self.text_en else self.text

    def shown_at(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at

    def applies_to(self, profile: Profile, kiosk_code: str) -> bool:
        return (not self.profiles or profile in self.profiles) and (
            not self.kiosks or kiosk_code in self.kiosks
        )


def _banner(a: Announcement) -> Banner:
    return Banner(
        a.id,
        a.text,
        a.text_en,
        a.starts_at,
        a.ends_at,
        tuple(Profile(p) for p in a.profiles.split(",") if p),
        tuple(k for k in a.kiosks.split(",") if k),
    )


def announce(
    session: Session,
    text: str,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime,
    *,
    text_en: str = "",
    profiles: tuple[Profile, ...] = (),
    kiosks: tuple[str, ...] = (),
    created_by: str = "",
    nonce: str | None = None,
) -> Banner:
    """A new announcement in ``session``'s transaction (the caller commits); ``nonce`` only
    for data that must come out the same each time (the demo)."""
    text, text_en = " ".join(text.split()), " ".join(text_en.split())
    if not text:
        raise AnnouncementRefused("the text is empty")
    if len(text) > MAX_TEXT or len(text_en) > MAX_TEXT:
        raise AnnouncementRefused(f"the text is longer than {MAX_TEXT} characters")
    if ends_at <= starts_at:
        raise AnnouncementRefused("it ends before it starts")
    if ends_at <= now:
        raise AnnouncementRefused("it would end before anyone sees it")
    codes = tuple(sorted({k.strip().upper() for k in kiosks if k.strip()}))
    row = Announcement(
        nonce=nonce or new_nonce(), text=text, text_en=text_en, starts_at=starts_at,
        ends_at=ends_at,
        profiles=",".join(p.value for p in profiles), kiosks=",".join(codes), created_at=now,
        created_by=created_by[:64],
    )  # fmt: skip
    session.add(row)
    session.flush()
    return _banner(row)


def withdraw(session: Session, announcement_id: int, now: datetime) -> bool:
    """End an announcement now (kept, for the record and for the sync); False if it had ended
    already or does not exist."""
    row = session.get(Announcement, announcement_id)
    if row is None or row.ends_at <= now or row.ends_at <= row.starts_at:  # ended, or withdrawn
        return False
    row.ends_at = max(now, row.starts_at)
    session.flush()
    return True


def announcements(session: Session, now: datetime, *, ended: bool = False) -> list[Banner]:
    """Every announcement not ended yet (and the ended ones with ``ended``), soonest first."""
    query = select(Announcement).order_by(Announcement.starts_at, Announcement.id)
    if not ended:
        # a withdrawn one that had not started yet ends when it would have started
        query = query.where(
            Announcement.ends_at > now, Announcement.ends_at > Announcement.starts_at
        )
    return [_banner(a) for a in session.scalars(query)]


def banners_for(session: Session, now: datetime, profile: Profile, kiosk_code: str) -> list[Banner]:
    """What this kiosk may show from ``now`` on (the screens check each one's window as the
    clock moves: one that starts in an hour is read now and appears then)."""
    return [b for b in announcements(session, now) if b.applies_to(profile, kiosk_code)]
