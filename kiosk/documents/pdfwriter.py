"""A small PDF writer for real, text-searchable French documents (demo data, benchmarks).

Base-14 Helvetica in WinAnsiEncoding: every French letter (é è ê à ç œ « » …) is a single byte
of CP1252, so no font needs embedding, any PDF reader (pdfium in QtPdf, pypdf) shows and
extracts the text, and a 60-page document weighs a few dozen kilobytes. Not a layout engine:
titles, headings, wrapped paragraphs, a coloured band and page numbers are all it draws.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

A4: Final = (595.0, 842.0)
MARGIN: Final = 60.0

# Helvetica advance widths (1/1000 em) for ASCII 32..126, from Adobe's AFM.
_ASCII_WIDTHS: Final = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_BOLD_FACTOR: Final = 1.06  # Helvetica-Bold is about this much wider on French text
_OTHER_WIDTHS: Final = {"œ": 944, "Œ": 1000, "æ": 889, "—": 1000, "–": 556, "…": 1000,
                        "«": 556, "»": 556, "’": 222, "‘": 222, "€": 556, "\u00a0": 278,
                        "•": 350, "°": 400}  # fmt: skip


def char_width(ch: str) -> int:
    code = ord(ch)
    if 32 <= code <= 126:
        return _ASCII_WIDTHS[code - 32]
    if ch in _OTHER_WIDTHS:
        return _OTHER_WIDTHS[ch]
    import unicodedata

    base = unicodedata.normalize("NFD", ch)[:1]
    return _ASCII_WIDTHS[ord(base) - 32] if base and 32 <= ord(base) <= 126 else 556


def text_width(text: str, size: float, bold: bool = False) -> float:
    width = sum(char_width(c) for c in text) * size / 1000
    return width * _BOLD_FACTOR if bold else width


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _pdf_string(text: str) -> bytes:
    """A literal string in WinAnsi (CP1252); characters it lacks become '?'."""
    raw = text.encode("cp1252", errors="replace")
    out = bytearray(b"(")
    for b in raw:
        if b in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += f"\\{b:03o}".encode()
        else:
            out.append(b)
    return bytes(out + b")")


def _info_string(text: str) -> bytes:
    """A document-information string (UTF-16BE with BOM: any character)."""
    data = b"\xfe\xff" + text.encode("utf-16-be")
    return b"<" + data.hex().upper().encode() + b">"


@dataclass
class _Page:
    ops: list[bytes] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def _rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    return int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255


class PdfBuilder:
    """Flows headings and paragraphs onto A4 pages; ``build()`` returns the file's bytes."""

    def __init__(self, title: str, author: str = "", accent: str = "#3558A2") -> None:
        self.title = title
        self.author = author
        self.accent = accent
        self._pages: list[_Page] = []
        self._y = 0.0
        self._text_width = A4[0] - 2 * MARGIN

    # --- flow -----------------------------------------------------------------------------
    def new_page(self) -> None:
        self._pages.append(_Page())
        self._y = A4[1] - MARGIN

    def _need(self, height: float) -> None:
        if not self._pages or self._y - height < MARGIN + 24:
            self.new_page()

    def text_line(self, text: str, size: float, *, bold: bool = False, x: float = MARGIN,
                  colour: str = "#161616") -> None:  # fmt: skip
        self._need(size * 1.4)
        self._y -= size * 1.4
        self._put(text, x, self._y, size, bold=bold, colour=colour)

    def _put(self, text: str, x: float, y: float, size: float, *, bold: bool = False,
             colour: str = "#161616") -> None:  # fmt: skip
        r, g, b = _rgb(colour)
        font = b"/F2" if bold else b"/F1"
        self._pages[-1].texts.append(text)
        self._pages[-1].ops.append(
            b"BT %s %.1f Tf %.3f %.3f %.3f rg %.2f %.2f Td %s Tj ET"
            % (font, size, r, g, b, x, y, _pdf_string(text))
        )

    def band(self, height: float, colour: str | None = None) -> None:
        """A full-width coloured band at the top of a new page (a cover)."""
        self.new_page()
        r, g, b = _rgb(colour or self.accent)
        self._pages[-1].ops.append(
            b"%.3f %.3f %.3f rg 0 %.2f %.2f %.2f re f" % (r, g, b, A4[1] - height, A4[0], height)
        )

    def heading(self, text: str, size: float = 15) -> None:
        lines = wrap(text, size, self._text_width, bold=True)
        self._need(size * 1.4 * len(lines) + 40)
        self._y -= size * 0.6
        for line in lines:
            self.text_line(line, size, bold=True, colour=self.accent)
        self._y -= size * 0.3

    def paragraph(self, text: str, size: float = 11, *, bold: bool = False) -> None:
        for line in wrap(text, size, self._text_width, bold):
            self.text_line(line, size, bold=bold)
        self._y -= size * 0.7

    def cover(self, kicker: str, summary: str, date_line: str) -> None:
        """First page: a band with the title in white, then the summary."""
        self.band(300)
        y = A4[1] - 90
        self._put(kicker.upper(), MARGIN, y, 12, bold=True, colour="#FFFFFF")
        y -= 24
        for line in wrap(self.title, 28, self._text_width, bold=True)[:5]:
            y -= 34
            self._put(line, MARGIN, y, 28, bold=True, colour="#FFFFFF")
        self._y = A4[1] - 340
        self.paragraph(summary, 14)
        self.text_line(date_line, 11, colour="#555555")

    # --- output ---------------------------------------------------------------------------
    def page_texts(self) -> list[str]:
        """What each page says, as a text extractor would find it (without the page footer)."""
        return [" ".join(" ".join(page.texts).split()) for page in self._pages]

    def build(self, created: datetime | None = None) -> bytes:
        if not self._pages:
            self.new_page()
        total = len(self._pages)
        for n, page in enumerate(self._pages, 1):
            label = f"{self.title[:70]} — page {n} / {total}"
            r, g, b = _rgb("#555555")
            page.ops.append(
                b"BT /F1 8 Tf %.3f %.3f %.3f rg %.2f 30 Td %s Tj ET"
                % (r, g, b, MARGIN, _pdf_string(label))
            )
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        catalog = add(b"")  # filled in once the page tree's number is known
        pages_id = add(b"")
        font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")  # fmt: skip
        bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                   b"/Encoding /WinAnsiEncoding >>")  # fmt: skip
        kids: list[int] = []
        for page in self._pages:
            stream = zlib.compress(b"\n".join(page.ops), 6)
            content = add(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
                % (len(stream), stream)
            )
            kids.append(
                add(
                    b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
                    % (pages_id, A4[0], A4[1], content, font, bold)
                )
            )
        objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
        objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in kids),
            len(kids),
        )
        info_parts = [b"/Title " + _info_string(self.title), b"/Producer (Smart Corner)"]
        if self.author:
            info_parts.append(b"/Author " + _info_string(self.author))
        if created is not None:
            info_parts.append(b"/CreationDate (D:%s)" % created.strftime("%Y%m%d%H%M%S").encode())
        info = add(b"<< " + b" ".join(info_parts) + b" >>")

        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(objects) + 1,
            catalog,
            info,
            xref,
        )
        return bytes(out)
