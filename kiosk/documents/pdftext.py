"""Title and per-page text of a PDF file, in pure Python (pypdf): the import runs without Qt.

A file pypdf cannot read raises :class:`BrokenPdf`, which the import reports and skips. A
restricted PDF (an owner password that only forbids printing or copying, common in
administrations) opens with the empty user password, like in any reader, and is read; only a PDF
that needs a password to open raises :class:`PasswordRequired`.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


class BrokenPdf(ValueError):
    """The file is not a PDF we can read (truncated, not a PDF at all, locked)."""


class PasswordRequired(BrokenPdf):
    """The PDF opens only with a password (a user password): nobody at the kiosk has it."""


@dataclass(frozen=True)
class PdfText:
    title: str | None  # from the document information, when it has a real one
    pages: tuple[str, ...]


def extract(data: bytes) -> PdfText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns about every odd xref
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):  # restricted only: opens as is
            raise PasswordRequired("the PDF needs a password to open")
        pages = tuple(" ".join((page.extract_text() or "").split()) for page in reader.pages)
        meta = reader.metadata
        raw_title = meta.title if meta is not None else None
    except BrokenPdf:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise BrokenPdf(f"{type(exc).__name__}: {exc}") from exc
    if not pages:
        raise BrokenPdf("no pages")
    title = " ".join(str(raw_title).split()) if raw_title else None
    if title and (title.lower().startswith(("microsoft word", "untitled")) or len(title) < 3):
        title = None  # what office suites put there when nobody gave a title
    return PdfText(title, pages)
