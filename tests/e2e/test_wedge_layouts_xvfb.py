"""Every character a Smart Corner code can hold, typed by scanners of both layouts on both hosts.

Ticket (``SCA.``), order (``SOA.``) and receipt (``SRA.``) codes are Base32 upper case with
digits 2-7 and dots: on the screen's keyboard, letters that keep their place (B, C…), letters
that swap between QWERTY and AZERTY (A/Q, Z/W), M (next to L on AZERTY, on the comma key
for QWERTY), the digits (Shift on AZERTY, 2 and 7 are é and è there) and the dot (Shift+; on
AZERTY). None of them needs AltGr on either layout, and the keys a scanner of either setting
presses for them are not dead keys on the other (the dead ^ ¨ of AZERTY sit on QWERTY's [
key, outside the alphabet): this types them all to prove it, with Caps Lock off and on, into
a focused text field (where the input method, which composes dead keys, sees every key).

Real X key events (``xdotool`` sending the scanner's key *codes*, Shift pressed around the
characters its layout shifts), the kiosk's own wedge filter and layout repair in a small
window (``tests/helpers/wedge_window.py``); one Xvfb and one window per host layout.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from hardware.wedge import TICKET_ALPHABET
from tests.e2e.test_wedge_xvfb import World, XKiosk, fr_scanner, us_scanner
from tests.e2e.test_wedge_xvfb import pytestmark as wedge_marks

pytestmark = wedge_marks

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567."
PREFIXES = ("SCA.", "SOA.", "SRA.")  # tickets, orders, receipts (kiosk.codes, kiosk.collect)
RETURN = "36"
SCANNERS = {"us": us_scanner, "fr": fr_scanner}


def scanned(window: XKiosk) -> list[str]:
    lines = Path(window.log.name).read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("scanned: ") for line in lines if line.startswith("scanned: ")]


def test_the_alphabet_is_every_character_a_code_can_hold() -> None:
    assert set(ALPHABET) == TICKET_ALPHABET


@pytest.mark.parametrize("host", ["us", "fr"])
def test_every_code_character_reads_back_exactly_from_either_scanner_setting(
    host: str, tmp_path: Path
) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    world = World(clean, tmp_path, [], 0)
    window = XKiosk(
        world, host, tmp_path, command=[sys.executable, "-m", "tests.helpers.wedge_window"]
    )
    try:
        window.wait_for(lambda: "ready" in Path(window.log.name).read_text(), "the window")
        expected: list[str] = []
        for scanner, keys in SCANNERS.items():
            for caps_lock in (False, True):
                if caps_lock:
                    window.xdotool("key", "Caps_Lock")
                for prefix in PREFIXES:
                    code = prefix + ALPHABET + ALPHABET[::-1]  # each character, in two orders
                    window.keys([*keys(code), RETURN])
                    expected.append(code)
                    count = len(expected)
                    seen = window.wait_for(
                        lambda n=count: len(scanned(window)) >= n and scanned(window),
                        f"the scan of {prefix} by a {scanner} scanner (Caps Lock {caps_lock})",
                    )
                    assert seen == expected, f"{scanner} scanner, Caps Lock {caps_lock}"
                if caps_lock:
                    window.xdotool("key", "Caps_Lock")
        assert "field: " not in Path(window.log.name).read_text()  # not a key leaked into it
    finally:
        window.close()
