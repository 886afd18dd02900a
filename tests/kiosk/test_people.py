"""Agent search for the badge simulator: accents, case and word order do not matter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Direction, Person
from kiosk.domain import PersonKind, Role
from kiosk.people import AgentSummary, search_agents

NOW = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    db_session = session_factory()
    direction = Direction(code="DSI", name="Direction du numérique")
    db_session.add(direction)
    db_session.flush()

    def agent(first: str, last: str, active: bool = True, **kw: object) -> Person:
        return Person(
            kind=PersonKind.AGENT, first_name=first, last_name=last, role=Role.AGENT,
            created_at=NOW, active=active, **kw,
        )  # fmt: skip

    db_session.add_all(
        [
            agent("Hélène", "Martin", direction_id=direction.id, matricule="A1"),
            agent("Jean-Luc", "Bérard", matricule="A2"),
            agent("Hélène", "Abadie", active=False, matricule="A3"),
            agent("Zoé", "Martin", matricule="A4"),
            Person(kind=PersonKind.VISITOR, first_name="Hélène", last_name="Martinez",
                   created_at=NOW, organisation="Préfecture"),
        ]
    )  # fmt: skip
    db_session.commit()
    yield db_session
    db_session.close()


def names(found: list[AgentSummary]) -> list[str]:
    return [f"{a.first_name} {a.last_name}" for a in found]


def test_active_agents_by_last_then_first_name(people: Session) -> None:
    assert names(search_agents(people, "", 10)) == [
        "Jean-Luc Bérard",
        "Hélène Martin",
        "Zoé Martin",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("helene", ["Hélène Martin"]),  # not the inactive one, not the visitor
        ("MARTIN zoe", ["Zoé Martin"]),
        ("berard jean", ["Jean-Luc Bérard"]),
        ("mart", ["Hélène Martin", "Zoé Martin"]),
        ("dupont", []),
    ],
)
def test_every_word_anywhere_in_the_name(people: Session, query: str, expected: list[str]) -> None:
    assert names(search_agents(people, query, 10)) == expected


def test_limit_and_what_a_summary_holds(people: Session) -> None:
    found = search_agents(people, "martin", 1)
    assert len(found) == 1
    assert found[0].direction == "Direction du numérique"
    assert isinstance(found[0].person_id, int)
    assert search_agents(people, "", 0) == []
