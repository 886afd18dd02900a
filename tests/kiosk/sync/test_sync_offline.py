"""Requests and sign-ups made at the Smart Tour kiosk offline, replayed at the central base on
SQLite: decided again there, once each by their nonce, the central word pulled back down."""

from __future__ import annotations

from tests.kiosk.sync import offline_world as scenario
from tests.kiosk.sync.conftest import Tour


def test_a_request_made_offline_keeps_its_reference_centrally(sqlite_tour: Tour) -> None:
    scenario.an_accepted_request_keeps_its_reference(sqlite_tour)


def test_the_tour_and_the_store_racing_for_the_last_unit_one_wins(sqlite_tour: Tour) -> None:
    scenario.race_for_the_last_unit(sqlite_tour)


def test_the_tour_and_the_store_racing_for_the_last_place_one_wins(sqlite_tour: Tour) -> None:
    scenario.race_for_the_last_place(sqlite_tour)


def test_a_sign_up_and_its_cancellation_offline_are_replayed_in_order(sqlite_tour: Tour) -> None:
    scenario.sign_up_then_cancel_offline(sqlite_tour)


def test_a_sign_up_refused_outright_centrally_is_refused_on_the_tour(sqlite_tour: Tour) -> None:
    scenario.refused_outright(sqlite_tour)


def test_a_visitor_signed_up_offline_goes_up_once_and_the_slip_admits(sqlite_tour: Tour) -> None:
    scenario.visitor_signs_up_offline(sqlite_tour)


def test_a_visitor_sign_up_to_an_agents_only_event_is_refused_and_the_slip_no_longer_admits(
    sqlite_tour: Tour,
) -> None:
    scenario.visitor_refused_when_not_open_to_visitors(sqlite_tour)


def test_a_request_from_long_ago_declined_centrally_comes_back_declined(sqlite_tour: Tour) -> None:
    scenario.a_request_from_long_ago_declined_comes_back_declined(sqlite_tour)


def test_a_request_made_while_the_sync_runs_is_not_lost(sqlite_tour: Tour) -> None:
    scenario.a_request_made_while_the_sync_runs_is_not_lost(sqlite_tour)
