"""kiosk.printing.layout is pure; its tests live here next to the printer that renders it."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.ports import Receipt, ReceiptLine
from kiosk.printing.layout import (
    Align,
    CutBlock,
    QrBlock,
    TextBlock,
    big_number_size,
    label_value,
    layout,
    plain_text,
    wrap,
)


def test_wrap_keeps_line_breaks_and_splits_long_words() -> None:
    assert wrap("Retrait Click & Collect\nÀ l'accueil", 12) == [
        "Retrait",
        "Click &",
        "Collect",
        "À l'accueil",
    ]
    assert wrap("anticonstitutionnellement", 10) == ["anticonsti", "tutionnell", "ement"]
    assert wrap("", 10) == [""]
    with pytest.raises(ValueError, match="width"):
        wrap("x", 0)


def test_label_value_on_one_line_or_two() -> None:
    assert label_value("Motif", "Messagerie", 20) == ["Motif     Messagerie"]
    assert label_value("Attente estimée", "environ 12 minutes", 20) == [
        "Attente estimée",
        "  environ 12 minutes",
    ]


@pytest.mark.parametrize(
    ("text", "size"), [("M-042", 4), ("M-042000000", 3), ("X" * 20, 2), ("X" * 30, 1)]
)
def test_big_number_takes_the_largest_size_that_fits(text: str, size: int) -> None:
    assert big_number_size(text, 42) == size


def test_layout_order() -> None:
    receipt = Receipt(
        title="Retrait",
        kiosk="Smart Store",
        lines=(ReceiptLine("Article", "Casque"),),
        big_number="C-007",
        qr_payload="KQ1.ABC",
        footer=("Merci",),
        printed_at=datetime(2025, 1, 2, 9, 30),
    )
    blocks = layout(receipt, 32)
    assert blocks[0] == TextBlock(("Smart Corner",), Align.CENTER, bold=True)
    assert blocks[2] == TextBlock(("02/01/2025 09:30",), Align.CENTER)
    assert blocks[4] == TextBlock(("Retrait",), Align.CENTER, bold=True, size=2)
    assert blocks[5] == TextBlock(("C-007",), Align.CENTER, bold=True, size=4)
    assert blocks[7] == TextBlock(("Article" + " " * 19 + "Casque",))
    assert blocks[-3:-1] == (QrBlock("KQ1.ABC"), TextBlock(("-" * 32, "Merci"), Align.CENTER))
    assert blocks[-1] == CutBlock()
    assert layout(Receipt("t", "k", cut=False), 32)[-1] != CutBlock()


def test_every_text_line_fits_its_magnified_width() -> None:
    receipt = Receipt(
        title="Atelier technologique : initiation à l'intelligence artificielle générative",
        kiosk="Smart Room",
        lines=(ReceiptLine("Lieu", "Smart Class, bâtiment B, deuxième étage, salle 204"),),
        big_number="A-123456789",
        footer=("Conservez ce ticket jusqu'à la fin de l'atelier, merci.",),
    )
    for columns in (32, 42, 48):
        for block in layout(receipt, columns):
            if isinstance(block, TextBlock):
                assert all(len(line) * block.size <= columns for line in block.lines)
    assert "[QR]" not in plain_text(receipt, 42)
