"""A paper receipt's layout in character columns.

Pure: no device import. Check-in passes, pickup receipts and help tickets build a
:class:`~kiosk.ports.Receipt`; a printer adapter renders :func:`layout`'s blocks (ESC/POS, an
on-screen preview, plain text in logs) without knowing which of them it is printing.
"""

from __future__ import annotations

import enum
import textwrap
from dataclasses import dataclass

from kiosk.ports import Receipt

MAX_MAGNIFICATION = 4  # the big number is printed up to 4x wide and 4x high


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class TextBlock:
    """Lines already wrapped to fit ``columns // size`` characters."""

    lines: tuple[str, ...]
    align: Align = Align.LEFT
    bold: bool = False
    size: int = 1  # character magnification, both ways


@dataclass(frozen=True)
class QrBlock:
    payload: str


@dataclass(frozen=True)
class CutBlock:
    pass


type Block = TextBlock | QrBlock | CutBlock


def wrap(text: str, width: int) -> list[str]:
    """Wrap on spaces, keep the text's own line breaks, split words longer than a line."""
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    out: list[str] = []
    for paragraph in text.splitlines() or [""]:
        out.extend(
            textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False) or [""]
        )
    return out


def label_value(label: str, value: str, width: int) -> list[str]:
    """``Label    value`` on one line if both fit, else the label, then the value at the right."""
    label, value = " ".join(label.split()), " ".join(value.split())
    if len(label) + 1 + len(value) <= width:
        return [label + " " * (width - len(label) - len(value)) + value]
    return wrap(label, width) + [v.rjust(width) for v in wrap(value, width - 2)]


def big_number_size(text: str, columns: int) -> int:
    """The largest magnification at which ``text`` still fits on one line."""
    for size in range(MAX_MAGNIFICATION, 1, -1):
        if len(text) * size <= columns:
            return size
    return 1


def layout(receipt: Receipt, columns: int) -> tuple[Block, ...]:
    """The receipt as blocks for a printer with ``columns`` characters per line (font A)."""
    blocks: list[Block] = [
        TextBlock(tuple(wrap(receipt.organisation, columns)), Align.CENTER, bold=True),
        TextBlock(tuple(wrap(receipt.kiosk, columns)), Align.CENTER),
    ]
    if receipt.printed_at is not None:
        blocks.append(TextBlock((receipt.printed_at.strftime("%d/%m/%Y %H:%M"),), Align.CENTER))
    blocks.append(TextBlock(("-" * columns,)))
    blocks.append(
        TextBlock(tuple(wrap(receipt.title, max(1, columns // 2))), Align.CENTER, True, 2)
    )
    if receipt.big_number:
        size = big_number_size(receipt.big_number, columns)
        number = tuple(wrap(receipt.big_number, columns // size))
        blocks.append(TextBlock(number, Align.CENTER, bold=True, size=size))
    if receipt.lines:
        rows = [row for ln in receipt.lines for row in label_value(ln.label, ln.value, columns)]
        blocks.append(TextBlock(("",), Align.LEFT))
        blocks.append(TextBlock(tuple(rows)))
    if receipt.qr_payload:
        blocks.append(QrBlock(receipt.qr_payload))
    if receipt.footer:
        footer = [row for text in receipt.footer for row in wrap(text, columns)]
        blocks.append(TextBlock(("-" * columns, *footer), Align.CENTER))
    if receipt.cut:
        blocks.append(CutBlock())
    return tuple(blocks)


def plain_text(receipt: Receipt, columns: int) -> str:
    """The receipt as monospaced text (logs, previews without images); QR shown as [QR]."""
    out: list[str] = []
    for block in layout(receipt, columns):
        if isinstance(block, TextBlock):
            for line in block.lines:
                out.append(line.center(columns).rstrip() if block.align is Align.CENTER else line)
        elif isinstance(block, QrBlock):
            out.append("[QR]".center(columns).rstrip())
        else:
            out.append("--- cut ---")
    return "\n".join(out)
