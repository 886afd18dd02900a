"""Finding agents by name: the demo's badge simulator lists them to tap a badge for.

The search ignores case, accents and word order ("helene mar" finds Hélène MARTIN), which
SQL ``LIKE`` cannot do portably on SQLite and PostgreSQL; the active agents' names are few
(thousands) and short, so they are matched here, on the caller's worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.db.models import Direction, Person
from kiosk.domain import PersonKind
from kiosk.text import fold, fold_words


@dataclass(frozen=True)
class AgentSummary:
    person_id: int
    first_name: str
    last_name: str
    direction: str  # the direction's name, "" when unknown


def search_agents(session: Session, query: str, limit: int) -> list[AgentSummary]:
    """Active agents whose names hold every word of ``query``, by last then first name."""
    if limit <= 0:
        return []
    rows = session.execute(
        select(Person.id, Person.first_name, Person.last_name, Direction.name)
        .outerjoin(Direction, Direction.id == Person.direction_id)
        .where(Person.kind == PersonKind.AGENT, Person.active.is_(True))
        .order_by(Person.last_name, Person.first_name, Person.id)
    ).all()
    words = fold(query).split()
    found: list[AgentSummary] = []
    for person_id, first, last, direction in rows:
        name = fold(f"{first} {last}")
        if all(word in name for word in words):
            found.append(AgentSummary(person_id, first, last, direction or ""))
            if len(found) == limit:
                break
    return found


@dataclass(frozen=True)
class VisitorForm:
    """What an external visitor types at the kiosk (the door's pass, a sign-up): e-mail optional."""

    first_name: str
    last_name: str
    organisation: str
    email: str


def find_or_create_visitor(
    session: Session,
    *,
    first_name: str,
    last_name: str,
    organisation: str,
    email: str | None,
    now: datetime,
) -> int:
    """An external visitor's id: the same e-mail, or the same name and organisation, is reused."""
    first_name, last_name, organisation = (
        " ".join(first_name.split()),
        " ".join(last_name.split()),
        " ".join(organisation.split()),
    )
    if not first_name or not last_name or not organisation:
        raise ValueError("a visitor needs a first name, a last name and an organisation")
    email = email.strip().lower() if email and email.strip() else None
    visitors = select(Person).where(Person.kind == PersonKind.VISITOR)
    if email:
        found = session.scalar(visitors.where(func.lower(Person.email) == email).limit(1))
        if found is not None:
            return found.id
    wanted = (fold_words(first_name), fold_words(last_name), fold_words(organisation))
    for person in session.scalars(
        visitors.where(func.lower(Person.last_name) == last_name.lower())
    ):
        if (
            fold_words(person.first_name),
            fold_words(person.last_name),
            fold_words(person.organisation or ""),
        ) == wanted:
            return person.id
    person = Person(
        kind=PersonKind.VISITOR,
        first_name=first_name,
        last_name=last_name,
        organisation=organisation,
        email=email,
        created_at=now,
        active=True,
    )
    session.add(person)
    session.flush()
    return person.id
