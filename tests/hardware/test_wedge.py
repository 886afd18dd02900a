"""Wedge scans, pure: bursts told from typing by timing, and AZERTY/QWERTY mangling undone."""

from __future__ import annotations

import pytest

from hardware.wedge import (
    MAX_GAP_MS,
    TICKET_ALPHABET,
    TICKET_PREFIXES,
    LayoutRepair,
    WedgeBurstDetector,
    WedgeLayout,
    repair_layout,
    typed_as,
    undo,
)

TICKET = "SCA.MZWAQ234567XY.ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BARE = "MZWAQ234567"  # no prefix: only the characters can tell the mangling


def feed_all(detector: WedgeBurstDetector, text: str, gap_ms: int, end_gap_ms: int) -> list[str]:
    out, t = [], 1000
    for c in text:
        t += gap_ms
        if (payload := detector.feed(c, t, is_terminator=False)) is not None:
            out.append(payload)
    t += end_gap_ms
    if (payload := detector.feed("", t, is_terminator=True)) is not None:
        out.append(payload)
    return out


@pytest.mark.parametrize("gap", [0, 1, 8, MAX_GAP_MS])
def test_a_fast_burst_ending_in_enter_is_a_scan(gap: int) -> None:
    assert feed_all(WedgeBurstDetector(), TICKET, gap, gap) == [TICKET]


@pytest.mark.parametrize("gap", [MAX_GAP_MS + 1, 80, 250])
def test_human_speed_is_not(gap: int) -> None:
    assert feed_all(WedgeBurstDetector(), TICKET, gap, 5) == []


def test_a_slow_enter_after_a_fast_burst_is_not_a_scan() -> None:
    assert feed_all(WedgeBurstDetector(), TICKET, 5, 200) == []


def test_too_short_is_not_a_scan() -> None:
    assert feed_all(WedgeBurstDetector(), "ABCDE", 2, 2) == []
    assert feed_all(WedgeBurstDetector(), "ABCDEF", 2, 2) == ["ABCDEF"]


def test_a_pause_starts_a_new_burst_and_the_detector_is_reusable() -> None:
    detector = WedgeBurstDetector()
    t = 0
    for c in "xyz":  # a person, slowly
        t += 150
        detector.feed(c, t, is_terminator=False)
    t += 150
    for c in "SCA.ABCD":  # then the scanner
        t += 3
        detector.feed(c, t, is_terminator=False)
    assert detector.pending == "SCA.ABCD"
    assert detector.feed("", t + 3, is_terminator=True) == "SCA.ABCD"
    assert detector.pending == ""
    assert feed_all(detector, "SCA.EFGH", 3, 3) == ["SCA.EFGH"]


def test_clock_going_backwards_is_not_fast() -> None:
    detector = WedgeBurstDetector()
    detector.feed("A", 1000, is_terminator=False)
    detector.feed("B", 10, is_terminator=False)
    assert detector.pending == "B"


def test_mangled_forms_are_what_the_reference_measured() -> None:
    assert typed_as("KQ1.", WedgeLayout.US_ON_AZERTY) == "KA&:"
    assert typed_as("KQ1.", WedgeLayout.AZERTY_ON_US) == "KA!<"
    assert typed_as("234567", WedgeLayout.US_ON_AZERTY) == "é\"'(-è"
    assert typed_as("M", WedgeLayout.US_ON_AZERTY) == "?"
    assert typed_as("WAZQ", WedgeLayout.AZERTY_ON_US) == "ZQWA"


def test_the_prefixes_are_the_ticket_codes_version_and_the_slips_reference() -> None:
    from kiosk.codes import REFERENCE_PREFIX, VERSION

    assert (f"{VERSION}.", REFERENCE_PREFIX) == TICKET_PREFIXES
    # each comes out differently under each mismatch (its A, its dot): it tells them apart
    for prefix in TICKET_PREFIXES:
        typed = {typed_as(prefix, layout) for layout in WedgeLayout}
        assert len(typed) == len(WedgeLayout), prefix


def test_a_slips_reference_code_is_repaired_under_each_mismatch() -> None:
    from kiosk.codes import reference_code

    code = reference_code("AB89ZQ")  # Base32 of the reference: letters, 2-7 and the dot
    for layout in WedgeLayout:
        assert repair_layout(typed_as(code, layout)) == code, layout


@pytest.mark.parametrize("layout", list(WedgeLayout))
@pytest.mark.parametrize("caps_lock", [False, True])
def test_a_prefixed_ticket_comes_back_intact_whatever_the_mismatch(
    layout: WedgeLayout, caps_lock: bool
) -> None:
    typed = typed_as(TICKET, layout)
    if caps_lock:
        typed = typed.swapcase()
    repair = LayoutRepair()
    assert repair.repair(typed) == TICKET
    assert repair.known is layout


@pytest.mark.parametrize("layout", [WedgeLayout.US_ON_AZERTY, WedgeLayout.AZERTY_ON_US])
def test_without_a_prefix_the_telltale_characters_decide(layout: WedgeLayout) -> None:
    assert repair_layout(typed_as(BARE, layout)) == BARE


def test_letters_only_follow_the_layout_a_previous_scan_proved() -> None:
    letters = "ZAWQMXYZ"
    typed = typed_as(letters, WedgeLayout.US_ON_AZERTY)  # "WQZA?XYZ": "?" gives it away
    repair = LayoutRepair()
    assert repair.repair("ZAWQXY") == "ZAWQXY"  # nothing known yet: taken as typed
    assert repair.repair(typed) == letters
    assert repair.known is WedgeLayout.US_ON_AZERTY
    assert repair.repair(typed_as("ZAWQXY", WedgeLayout.US_ON_AZERTY)) == "ZAWQXY"


def test_a_clean_payload_is_left_alone_and_case_is_folded() -> None:
    assert repair_layout("SCA.ABC234") == "SCA.ABC234"
    assert repair_layout("sca.abc234") == "SCA.ABC234"
    assert repair_layout("  SCA.ABC \n") == "SCA.ABC"


def test_what_no_layout_explains_is_returned_as_it_came() -> None:
    assert repair_layout("https://example.org/x?y=1") == "https://example.org/x?y=1"


def test_every_alphabet_character_survives_both_mismatches() -> None:
    payload = "SCA." + "".join(sorted(TICKET_ALPHABET))
    for layout in WedgeLayout:
        assert undo(typed_as(payload, layout), layout) == payload
        assert repair_layout(typed_as(payload, layout)) == payload


def test_the_wedge_knows_the_prefixes_of_the_codes_the_kiosk_makes() -> None:
    """Written out in hardware.wedge (importing kiosk.codes cost the first paint 50 ms)."""
    from hardware.wedge import TICKET_PREFIXES
    from kiosk.codes import REFERENCE_PREFIX, VERSION

    assert TICKET_PREFIXES == (VERSION + ".", REFERENCE_PREFIX)
