"""Requests and sign-ups made at the Smart Tour kiosk offline, replayed at a real PostgreSQL
server: the tour and a Smart Store kiosk racing for the last unit and the last place, one wins;
a batch sent again changes nothing."""

from __future__ import annotations

import pytest

from tests.kiosk.sync import offline_world as scenario
from tests.kiosk.sync.conftest import Tour

pytestmark = pytest.mark.slow


def test_the_tour_and_the_store_racing_for_the_last_unit_one_wins(pg_tour: Tour) -> None:
    scenario.race_for_the_last_unit(pg_tour)


def test_the_tour_and_the_store_racing_for_the_last_place_one_wins(pg_tour: Tour) -> None:
    scenario.race_for_the_last_place(pg_tour)


def test_a_sign_up_and_its_cancellation_offline_are_replayed_in_order(pg_tour: Tour) -> None:
    scenario.sign_up_then_cancel_offline(pg_tour)


def test_the_push_and_an_online_request_at_the_same_instant_never_both_get_the_unit(
    pg_tour: Tour,
) -> None:
    scenario.push_and_request_at_once(pg_tour)
