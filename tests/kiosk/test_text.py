"""One folding for every search: names, documents, imports."""

import pytest

from kiosk.text import ascii_only, fold, fold_words


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Cœur", "coeur"),
        ("CŒUR", "coeur"),
        ("mise en œuvre", "mise en oeuvre"),
        ("ex æquo", "ex aequo"),
        ("ﬁchier efﬁcace", "fichier efficace"),  # pdfLaTeX's ligature glyphs
        ("3ᵉ trimestre", "3e trimestre"),
        ("Straße", "strasse"),
        ("Hélène ÉLODIE", "helene elodie"),
        ("ｆｕｌｌ", "full"),
    ],
)
def test_fold_spells_out_accents_case_and_ligatures(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_fold_words_also_turns_punctuation_into_single_spaces() -> None:
    assert fold_words("Lefèvre-d'Ornano  ÉLODIE") == "lefevre d ornano elodie"


def test_ascii_only_keeps_case_for_file_names() -> None:
    assert ascii_only("Réunion Œnologie à Nice") == "Reunion OEnologie a Nice"
