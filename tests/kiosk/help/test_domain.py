"""The help queue's pure rules: ticket labels, the Paris day, service times, the wait."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk.help.domain import (
    DEFAULT_SERVICE_MINUTES,
    EstimateBasis,
    HelpReason,
    QueueItem,
    ServiceSample,
    TicketState,
    estimate_wait,
    service_day,
    service_times,
    ticket_label,
    ticket_receipt,
)
from kiosk.printing.layout import plain_text

MAIL, HW = HelpReason.MAIL, HelpReason.HARDWARE


def test_every_reason_has_its_own_letter() -> None:
    prefixes = [r.prefix for r in HelpReason]
    assert len(set(prefixes)) == len(prefixes)
    assert MAIL.prefix == "M"


@pytest.mark.parametrize(
    ("number", "label"), [(1, "M-001"), (42, "M-042"), (999, "M-999"), (1000, "M-1000")]
)
def test_ticket_label(number: int, label: str) -> None:
    assert ticket_label(MAIL, number) == label


def test_ticket_numbers_start_at_one() -> None:
    with pytest.raises(ValueError, match="start at 1"):
        ticket_label(MAIL, 0)


@pytest.mark.parametrize(
    ("utc", "day"),
    [
        (datetime(2026, 11, 23, 22, 59, 59, tzinfo=UTC), date(2026, 11, 23)),  # 23:59:59 Paris
        (datetime(2026, 11, 23, 23, 0, 0, tzinfo=UTC), date(2026, 11, 24)),  # midnight, UTC+1
        (datetime(2026, 7, 1, 21, 59, tzinfo=UTC), date(2026, 7, 1)),  # summer time, UTC+2
        (datetime(2026, 7, 1, 22, 0, tzinfo=UTC), date(2026, 7, 2)),
    ],
)
def test_the_service_day_turns_at_midnight_in_paris(utc: datetime, day: date) -> None:
    assert service_day(utc) == day


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        service_day(datetime(2026, 11, 23, 10))


def test_too_few_services_fall_back_to_the_defaults_and_say_so() -> None:
    times = service_times([ServiceSample(MAIL, 3.0), ServiceSample(MAIL, 4.0)])
    assert times.minutes[MAIL] == DEFAULT_SERVICE_MINUTES[MAIL]
    assert times.basis[MAIL] is EstimateBasis.DEFAULT
    assert times.samples == 2


def test_enough_services_of_any_reason_give_todays_median_to_every_reason() -> None:
    times = service_times(
        [ServiceSample(MAIL, 3.0), ServiceSample(HW, 5.0), ServiceSample(MAIL, 4.0)]
    )
    assert times.minutes[HelpReason.ACCOUNT] == 4.0
    assert times.basis[HelpReason.ACCOUNT] is EstimateBasis.TODAY


def test_a_reason_with_enough_services_uses_its_own_median_unmoved_by_one_long_case() -> None:
    samples = [ServiceSample(MAIL, m) for m in (4.0, 5.0, 6.0, 95.0)]
    samples += [ServiceSample(HW, 20.0)]
    times = service_times(samples)
    assert times.minutes[MAIL] == 5.5
    assert times.basis[MAIL] is EstimateBasis.TODAY_BY_REASON
    assert times.basis[HW] is EstimateBasis.TODAY


def _times(mail: float, hardware: float):  # type: ignore[no-untyped-def]
    return service_times([ServiceSample(MAIL, mail)] * 3 + [ServiceSample(HW, hardware)] * 3)


def test_an_empty_queue_means_no_wait() -> None:
    estimate = estimate_wait(MAIL, [], _times(5, 20), desks=1)
    assert (estimate.minutes, estimate.position) == (0, 1)


def test_the_wait_adds_each_ticket_ahead_at_its_own_reasons_time() -> None:
    ahead = [QueueItem(MAIL, TicketState.WAITING), QueueItem(HW, TicketState.WAITING)]
    estimate = estimate_wait(MAIL, ahead, _times(5, 20), desks=1)
    assert (estimate.minutes, estimate.position) == (25, 3)


def test_two_desks_share_the_queue_as_it_frees_up() -> None:
    # desk 1 takes the fault (20 min), desk 2 the two mails (5 + 5): the next is free at 10
    ahead = [QueueItem(HW, TicketState.WAITING)] + [QueueItem(MAIL, TicketState.WAITING)] * 2
    assert estimate_wait(MAIL, ahead, _times(5, 20), desks=2).minutes == 10


def test_a_service_in_progress_counts_for_what_is_left_of_it_and_never_less_than_a_minute() -> None:
    ahead = [QueueItem(HW, TicketState.SERVING, serving_minutes=15.0)]
    assert estimate_wait(MAIL, ahead, _times(5, 20), desks=1).minutes == 5
    overdue = [QueueItem(HW, TicketState.SERVING, serving_minutes=45.0)]
    estimate = estimate_wait(MAIL, overdue, _times(5, 20), desks=1)
    assert (estimate.minutes, estimate.position) == (1, 1)


def test_a_free_desk_takes_the_next_ticket_at_once() -> None:
    ahead = [QueueItem(HW, TicketState.SERVING, serving_minutes=2.0)]
    assert estimate_wait(MAIL, ahead, _times(5, 20), desks=2).minutes == 0


def test_the_printed_ticket_shows_number_reason_position_wait_time_and_kiosk() -> None:
    ahead = [QueueItem(MAIL, TicketState.WAITING)] * 2
    estimate = estimate_wait(MAIL, ahead, service_times([]), desks=1)
    at = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)
    text = plain_text(ticket_receipt("M-042", MAIL, estimate, at, "Smart Store CADAM"), 48)
    assert "M-042" in text
    assert "Messagerie" in text
    assert "Position" in text
    assert " 3" in text
    assert "environ 16 min" in text
    assert "14:05" in text  # Paris time
    assert "Smart Store CADAM" in text
    assert "trop tôt dans la journée" in text  # default service times: the ticket says so
    english = plain_text(ticket_receipt("M-042", MAIL, estimate, at, "Kiosk", "en"), 48)
    assert "Mailbox" in english
    assert "about 16 min" in english
