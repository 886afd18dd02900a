"""The check-in world (people, events, kiosks) that the check-in and programme tests share."""

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.helpers.checkin_world import World, build_world


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return build_world(session_factory)
