"""Who a badge belongs to, without ever storing its UID.

A card UID identifies a card, it is not a secret (it can be read and cloned), but it is
personal data: the kiosk keeps only ``HMAC-SHA256(site key, UID)`` (RGPD minimisation, the
CNIL's advice for badges). Without the site key a stolen database does not even say which
card numbers it knows.

**The site key** is 32 random bytes in a file, hex-encoded on one line:

- setting ``site_key_file`` (``SMARTCORNER_SITE_KEY_FILE``), default ``<data dir>/site.key``;
- created on first use with mode 0600 when absent (:func:`load_site_key`);
- every kiosk of a site that shares one database (PostgreSQL) must hold the *same* file:
  copy it from the first kiosk (``install -m 600``) before linking badges on another one,
  otherwise badges linked on one kiosk are "unknown" on the others;
- losing it only means badges must be linked again: it protects, it does not encrypt.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db.models import Badge, Person

log = logging.getLogger(__name__)

SITE_KEY_BYTES: Final = 32
BADGE_HASH_LENGTH: Final = 64  # hex of HMAC-SHA256
DEMO_UID_LENGTH: Final = 7


class SiteKeyError(RuntimeError):
    """The site key file exists but cannot be used (unreadable, damaged, too open)."""


class BadgeLinkError(ValueError):
    """A badge cannot be linked: it already belongs to someone else, or the person is unknown."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code  # "linked_to_other" | "unknown_person" | "inactive_person"


def load_site_key(path: Path, *, create: bool = True) -> bytes:
    """The site key from ``path``, created (0600, atomically) when absent and ``create``."""
    try:
        return _read_key(path)
    except FileNotFoundError:
        if not create:
            raise SiteKeyError(f"{path}: site key file not found") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(SITE_KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return _read_key(path)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    log.warning("created a new site key in %s: copy it to every kiosk of this site", path)
    return key


def _read_key(path: Path) -> bytes:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SiteKeyError(
            f"{path}: the site key must be readable by its owner only (chmod 600 {path})"
        )
    text = path.read_text(encoding="ascii").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        raise SiteKeyError(f"{path}: not a hex-encoded key") from None
    if len(key) != SITE_KEY_BYTES:
        raise SiteKeyError(f"{path}: expected {SITE_KEY_BYTES} bytes, found {len(key)}")
    return key


def badge_hash(key: bytes, uid: bytes) -> str:
    """HMAC-SHA256(key, uid) in hex: the only form in which a badge is stored or compared."""
    if not uid:
        raise ValueError("empty badge UID")
    return hmac.new(key, uid, hashlib.sha256).hexdigest()


def demo_badge_uid(person_id: int) -> bytes:
    """A stable 7-byte UID for a demo person's badge: 0x04 first, like NXP cards.

    The demo seed links these to the demo agents, so the badge simulator (and tests) can tap
    a known person's card. Never a random-ID UID (4 bytes starting 0x08).
    """
    digest = hashlib.sha256(f"smartcorner-demo-badge:{person_id}".encode()).digest()
    return b"\x04" + digest[: DEMO_UID_LENGTH - 1]


def person_for_badge(session: Session, hash_: str) -> Person | None:
    """The person a badge is linked to (inactive people included: callers decide), or None."""
    return session.scalar(
        select(Person).join(Badge, Badge.person_id == Person.id).where(Badge.hash == hash_)
    )


@dataclass(frozen=True)
class LinkedBadge:
    badge_id: int
    person_id: int
    created: bool  # False: the badge was already linked to this person (nothing changed)


def link_badge(
    session: Session,
    hash_: str,
    person_id: int,
    *,
    now: datetime,
    nonce: str,
    kiosk_id: int | None = None,
    linked_by_id: int | None = None,
) -> LinkedBadge:
    """Link a badge (by hash) to a person; idempotent for the same person.

    Flushes but does not commit: the caller's transaction decides. A person may hold several
    badges (a replacement card); a badge belongs to one person only — relinking it to someone
    else raises :class:`BadgeLinkError` (``linked_to_other``) rather than silently moving it.
    """
    if len(hash_) != BADGE_HASH_LENGTH:
        raise ValueError("link_badge takes a badge hash (see badge_hash), not a UID")
    person = session.get(Person, person_id)
    if person is None:
        raise BadgeLinkError("unknown_person", f"no person with id {person_id}")
    if not person.active:
        raise BadgeLinkError("inactive_person", f"person {person_id} is inactive")
    existing = session.scalar(select(Badge).where(Badge.hash == hash_))
    if existing is not None:
        if existing.person_id != person_id:
            raise BadgeLinkError("linked_to_other", "this badge is already linked to someone")
        return LinkedBadge(existing.id, person_id, created=False)
    badge = Badge(
        hash=hash_,
        person_id=person_id,
        linked_at=now,
        kiosk_id=kiosk_id,
        linked_by_id=linked_by_id,
        nonce=nonce,
    )
    session.add(badge)
    session.flush()
    return LinkedBadge(badge.id, person_id, created=True)
