"""Every French text of the screens follows French typography.

The catalogue's sources are the French texts (French is the source language), and
tests/ui/test_translations.py keeps the catalogue equal to what lupdate extracts from ui/: so
checking each ``<source>`` of the .ts checks every string a visitor can read in French.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[2] / "assets" / "translations" / "smartcorner_en.ts"
NNBSP = "\u202f"
# Code inside a text, not French: format fields, Qt's %1, markup, entities, URLs.
CODE = re.compile(r"\{[^{}]*\}|%L?\d|<[^<>]*>|&#?\w+;|\b[a-z]+://\S+")
# : ; ! ? punctuating a clause: followed by a space, the end of the text or a closing sign.
CLAUSE_MARK = re.compile(r"(.?)([:;!?])(?=[\s)»…!?]|$)")


def typography_faults(text: str) -> list[str]:
    """What breaks French typography in ``text``, its code parts set aside."""
    prose = CODE.sub("\ue000", text)  # one visible sign per code part: "{name} !" is checked
    faults = [f"straight apostrophe at {m.start()}" for m in re.finditer("'", prose)]
    for m in CLAUSE_MARK.finditer(prose):
        before = m[1]
        if m.start(2) > 0 and before != NNBSP and before not in ":;!?":
            faults.append(f"{m[2]!r} after {before!r}, not a narrow no-break space")
    faults += [f"« then {m[1]!r}" for m in re.finditer(r"«(.?)", prose) if m[1] != NNBSP]
    faults += [f"{m[1]!r} then »" for m in re.finditer(r"(.?)»", prose) if m[1] != NNBSP]
    faults += [f"ordinal {m[0]!r}" for m in re.finditer(r"(?:\d|\ue000)(?:e|er|ème)\b", prose)]
    return faults


def _sources() -> list[str]:
    texts = {m.findtext("source") or "" for m in ET.parse(TS).getroot().iter("message")}
    return sorted(texts)


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("Besoin d'aide\u202f?", "straight apostrophe"),
        ("Besoin d’aide ?", "after ' '"),
        ("Besoin d’aide\u00a0?", "after '\\xa0'"),
        ("Bienvenue, {name}!", "after '\\ue000'"),
        ("Touchez « Oui »", "« then ' '"),
        ("%1e trimestre", "ordinal"),
        ("1er trimestre", "ordinal"),
    ],
)
def test_the_check_finds_each_fault(text: str, fault: str) -> None:
    assert any(fault in found for found in typography_faults(text)), typography_faults(text)


@pytest.mark.parametrize(
    "text",
    [
        "Besoin d’aide\u202f?",
        "Bienvenue, {name}\u202f!",
        "Touchez «\u202fOui\u202f»",
        "Ouvert de 9:30 à 17:00",  # hours, not punctuation
        "Voir https://example.org/a?b=1 ou {value:.1f}",  # code parts
        "%1ᵉ trimestre, 1ᵉʳ trimestre",
        "Quoi\u202f?!",
    ],
)
def test_the_check_passes_good_typography(text: str) -> None:
    assert typography_faults(text) == []


def test_every_french_source_string_follows_french_typography() -> None:
    sources = _sources()
    assert len(sources) > 400  # the whole catalogue was read
    faults = {text: typography_faults(text) for text in sources if typography_faults(text)}
    assert faults == {}, "run tools/typography.py"
