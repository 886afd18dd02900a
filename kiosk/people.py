"""Finding agents by name: the demo's badge simulator lists them to tap a badge for.

The search ignores case, accents and word order ("helene mar" finds Hélène MARTIN), which
SQL ``LIKE`` cannot do portably on SQLite and PostgreSQL; the active agents' names are few
(thousands) and short, so they are matched here, on the caller's worker thread.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db.models import Direction, Person
from kiosk.domain import PersonKind


@dataclass(frozen=True)
class AgentSummary:
    person_id: int
    first_name: str
    last_name: str
    direction: str  # the direction's name, "" when unknown


def folded(text: str) -> str:
    """``text`` without case or accents, for matching what someone types."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
    words = folded(query).split()
    found: list[AgentSummary] = []
    for person_id, first, last, direction in rows:
        name = folded(f"{first} {last}")
        if all(word in name for word in words):
            found.append(AgentSummary(person_id, first, last, direction or ""))
            if len(found) == limit:
                break
    return found
