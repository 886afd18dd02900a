"""Text as people type it and as the kiosk compares it: one folding for every search.

Used by the name searches (people, door mode), the Kiosque numérique's index and queries, and
the imports' matching, so that « Cœur », « CŒUR » and « coeur » are the same word everywhere.
And numbers as a French reader writes them (the statistics, the screens' figures).
"""

from __future__ import annotations

import unicodedata
from typing import Final

NBSP: Final = "\u00a0"  # French typography: a non-breaking space before % and between groups
MINUS: Final = "\u2212"

# Letters that NFKD does not decompose but a French reader spells with two letters.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l"})


def fold(text: str) -> str:
    """No case, accents or ligatures: "Cœur" -> "coeur", "ﬁchier" -> "fichier", "3ᵉ" -> "3e".

    NFKC first (the typographic ligatures of pdfLaTeX, superscripts, full-width forms become
    plain letters), then case folding (ß -> ss), then œ/æ spelled out and accents dropped.
    Punctuation is kept: callers that need words split them.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_words(text: str) -> str:
    """:func:`fold`, with every run of punctuation and spaces made one space:
    "Lefèvre-d'Ornano" -> "lefevre d ornano"."""
    return " ".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def ascii_only(text: str) -> str:
    """The same text in ASCII, case kept (file names): "Réunion Œnologie" -> "Reunion OEnologie"."""
    text = unicodedata.normalize("NFKC", text).translate(_LIGATURES)
    text = text.replace("Œ", "OE").replace("Æ", "AE")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def format_number(value: float, decimals: int = 0) -> str:
    """``12 345`` / ``12 345,6``: French grouping (non-breaking space) and decimal comma."""
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return (MINUS if value < 0 and float(text.replace(NBSP, "").replace(",", ".")) else "") + text


def format_percent(percent: float | None, *, signed: bool = True) -> str:
    """``+123 %``, ``−4,5 %``, ``n/a``: one decimal under 10 %, whole numbers above."""
    if percent is None:
        return "n/a"
    decimals = 1 if abs(percent) < 10 else 0
    number = format_number(percent, decimals)
    if signed and not number.startswith(MINUS) and round(percent, decimals) != 0:
        number = "+" + number
    return f"{number}{NBSP}%"
