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


def test_a_sign_up_refused_outright_centrally_is_refused_on_the_tour(pg_tour: Tour) -> None:
    scenario.refused_outright(pg_tour)


def test_a_visitor_signed_up_offline_goes_up_once_and_the_slip_admits(pg_tour: Tour) -> None:
    scenario.visitor_signs_up_offline(pg_tour)


def test_a_visitor_sign_up_to_an_agents_only_event_is_refused(pg_tour: Tour) -> None:
    scenario.visitor_refused_when_not_open_to_visitors(pg_tour)


def test_a_request_from_long_ago_declined_centrally_comes_back_declined(pg_tour: Tour) -> None:
    scenario.a_request_from_long_ago_declined_comes_back_declined(pg_tour)
