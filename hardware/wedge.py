"""Keyboard-wedge scans, pure: telling a scanner's burst from typing, and undoing layout mangling.

A keyboard-wedge scanner "types" its payload, a key every few milliseconds, and ends with
Enter or Tab; a person leaves 80 ms or more between keys. :class:`WedgeBurstDetector` looks
only at the timing of keys it is fed (the Qt filter in ``ui/input/wedge_filter.py`` feeds it).

A scanner emulates a keyboard *layout*, and the machine has its own: a US-layout scanner on a
French AZERTY machine types ``SCQ:QZé&`` for ``SCA.AW21`` (A and Q, Z and W swap, digits come out
unshifted as ``&é"'(-è_çà``, ``M`` as ``?``, ``.`` as ``:``), and a French-layout scanner on a
US machine types ``SCQ<QZ@!`` (digits as ``!@#$%^&``, ``M`` as ``:``, ``.`` as ``<``). Ticket
codes use an alphabet that survives this (Base32 upper case, digits 2-7 and ``.``, DESIGN.md),
and :class:`LayoutRepair` maps what arrived back to it: the ticket prefix ``SCA.`` (its A and
dot differ under each mismatch) says which mangling happened; otherwise the characters
that only one mangling produces do, and a scanner's mangling, once known for sure, is
remembered for payloads that give no clue (letters only).
"""

from __future__ import annotations

import enum
import string
from dataclasses import dataclass, field

from kiosk.settings import Settings

TICKET_ALPHABET = frozenset(string.ascii_uppercase + "234567.")
# kiosk.codes.VERSION: the signed ticket codes; then kiosk.codes.REFERENCE_PREFIX: the sign-up
# slips' references. Written out, not imported: kiosk.codes loads cryptography, 50 ms before
# the attract screen's first paint (tests/hardware/test_wedge.py keeps them equal).
TICKET_PREFIXES = ("SCA.", "SCR.")

MAX_GAP_MS = 50  # between two keys of a burst (scanners: 1-40 ms; people: 80 ms and more)
MIN_LENGTH = 6  # shorter bursts are not scans (a fast double key, a shortcut)


class WedgeSuffix(enum.StrEnum):
    """What the scanner is programmed to send after the code (its "suffix")."""

    RETURN_OR_TAB = "return_or_tab"  # the factory setting of most scanners is one of the two
    RETURN = "return"
    TAB = "tab"
    NONE = "none"  # nothing: the burst ends when the keys stop coming


@dataclass(frozen=True)
class WedgeConfig:
    """How the scanner is programmed; the defaults fit a scanner out of its box."""

    prefix: str = ""  # characters the scanner sends before each code ("" = none)
    suffix: WedgeSuffix = WedgeSuffix.RETURN_OR_TAB
    max_gap_ms: int = MAX_GAP_MS
    min_length: int = MIN_LENGTH

    @classmethod
    def from_settings(cls, settings: Settings) -> WedgeConfig:
        return cls(
            prefix=settings.scanner_prefix,
            suffix=WedgeSuffix(settings.scanner_suffix),
            max_gap_ms=settings.scanner_max_gap_ms,
        )

    @property
    def hold_ms(self) -> int:
        """How long a key is held back: a little more than a gap, to see the next key come."""
        return self.max_gap_ms + 15

    def ends_with(self, terminator: str) -> bool:
        """Whether ``terminator`` ("return" or "tab") ends a scan under this suffix."""
        return self.suffix is WedgeSuffix.RETURN_OR_TAB or self.suffix.value == terminator

    def strip_prefix(self, payload: str) -> str | None:
        """The code without the prefix; None when a prefix is expected and missing."""
        if not self.prefix:
            return payload
        if not payload.startswith(self.prefix):
            return None
        return payload[len(self.prefix) :]


class WedgeLayout(enum.StrEnum):
    MATCHING = "matching"  # the scanner emulates the machine's layout: nothing to undo
    US_ON_AZERTY = "us_on_azerty"  # US-layout scanner, French AZERTY machine
    AZERTY_ON_US = "azerty_on_us"  # French-layout scanner, US QWERTY machine


_SWAPS = {"A": "Q", "Q": "A", "Z": "W", "W": "Z"}
# What arrives, for what the scanner meant (upper-case letters, digits, '.').
_TYPED: dict[WedgeLayout, dict[str, str]] = {
    WedgeLayout.MATCHING: {},
    WedgeLayout.US_ON_AZERTY: {
        **_SWAPS,
        "M": "?",
        ".": ":",
        **dict(zip("1234567890", "&é\"'(-è_çà", strict=True)),
    },
    WedgeLayout.AZERTY_ON_US: {
        **_SWAPS,
        "M": ":",
        ".": "<",
        **dict(zip("1234567890", "!@#$%^&*()", strict=True)),
    },
}
# A few more that arrive when the case is inverted (Caps Lock on): unshifted punctuation keys.
_TYPED_UNSHIFTED: dict[WedgeLayout, dict[str, str]] = {
    WedgeLayout.MATCHING: {},
    WedgeLayout.US_ON_AZERTY: {"M": ",", ".": ";", "2": "É", "7": "È"},
    WedgeLayout.AZERTY_ON_US: {"M": ";", ".": ","},
}
_MEANT = {
    layout: {typed: meant for meant, typed in _TYPED_UNSHIFTED[layout].items()}
    | {typed: meant for meant, typed in _TYPED[layout].items()}
    for layout in WedgeLayout
}
_PLAIN = frozenset(string.ascii_uppercase + string.digits + ".")


def typed_as(payload: str, layout: WedgeLayout) -> str:
    """What a scanner with this mismatch types for ``payload`` (tests and the prefix check)."""
    table = _TYPED[layout]
    return "".join(table.get(c, c) for c in payload)


def undo(typed: str, layout: WedgeLayout) -> str | None:
    """``typed`` read back through ``layout``'s mangling, upper case; None if it cannot be."""
    table = _MEANT[layout]
    out = []
    for c in typed:
        meant = table.get(c) or table.get(c.upper()) or c.upper()
        if meant not in _PLAIN:
            return None
        out.append(meant)
    return "".join(out)


@dataclass
class LayoutRepair:
    """Maps a wedge payload back to what the scanner read; remembers a scanner's mangling."""

    prefixes: tuple[str, ...] = TICKET_PREFIXES
    known: WedgeLayout | None = None  # the mangling last proven by a prefix or a telltale char
    _order: tuple[WedgeLayout, ...] = field(default=tuple(WedgeLayout), repr=False)

    def repair(self, typed: str) -> str:
        typed = typed.strip()
        readings = {
            layout: text for layout in self._order if (text := undo(typed, layout)) is not None
        }
        if not readings:
            return typed  # not a code of ours (or a mangling we do not know): leave it alone
        for layout, text in readings.items():
            if any(text.startswith(p) for p in self.prefixes):
                self.known = layout
                return text
        if len(readings) == 1:
            (layout, text), *_ = readings.items()
            if layout is not WedgeLayout.MATCHING:
                self.known = layout  # only this mangling makes sense of it: proof enough
            return text
        if len(set(readings.values())) == 1:
            return next(iter(readings.values()))  # every reading agrees

        def score(layout: WedgeLayout) -> tuple[int, bool, bool]:
            text = readings[layout]
            return (
                sum(c in TICKET_ALPHABET for c in text),
                layout is self.known,
                layout is WedgeLayout.MATCHING,
            )

        return readings[max(readings, key=score)]


def repair_layout(typed: str, prefixes: tuple[str, ...] = TICKET_PREFIXES) -> str:
    """One-off :meth:`LayoutRepair.repair` with no memory of earlier scans."""
    return LayoutRepair(prefixes).repair(typed)


@dataclass
class WedgeBurstDetector:
    """Feed it every printable key and every Enter/Tab with their times; it says when a scan ends.

    A burst is at least ``min_length`` characters, each at most ``max_gap_ms`` after the one
    before, ended by Enter or Tab that comes as quickly. A slow key starts a new candidate.
    """

    max_gap_ms: int = MAX_GAP_MS
    min_length: int = MIN_LENGTH
    _chars: list[str] = field(default_factory=list, repr=False)
    _last_ms: int | None = field(default=None, repr=False)

    @classmethod
    def for_config(cls, config: WedgeConfig) -> WedgeBurstDetector:
        return cls(config.max_gap_ms, config.min_length + len(config.prefix))

    def feed(self, text: str, timestamp_ms: int, is_terminator: bool) -> str | None:
        """The payload when this key ends a burst, else None."""
        quick = self._last_ms is not None and 0 <= timestamp_ms - self._last_ms <= self.max_gap_ms
        self._last_ms = timestamp_ms
        if is_terminator:
            payload = "".join(self._chars)
            self.reset()
            return payload if quick and len(payload) >= self.min_length else None
        if not quick:
            self._chars.clear()
        self._chars.append(text)
        return None

    def silence(self) -> str | None:
        """The keys stopped coming: the payload if they made a burst (scanners with no suffix)."""
        payload = "".join(self._chars)
        self.reset()
        return payload if len(payload) >= self.min_length else None

    @property
    def pending(self) -> str:
        return "".join(self._chars)

    def reset(self) -> None:
        self._chars.clear()
        self._last_ms = None
