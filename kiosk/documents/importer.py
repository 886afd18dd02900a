"""``smartcorner import documents FOLDER``: the folder is the catalogue.

Each supported file becomes a document (PDF, article in HTML or text, video); an optional
manifest (CSV or TOML) gives metadata by file path and may add links that have no file. Without
a manifest, the title comes from the file itself (PDF information, HTML <title>/<h1>), the theme
from the sub-folder the file sits in, the summary from its first words.

Importing again brings the catalogue in line with the folder: changed files (by SHA-256) are
updated, a renamed or moved file keeps its document (same content: same slug, same statistics,
same public link), files gone from the folder are removed. A file that cannot be read (a broken
PDF) is reported and skipped, and a previous good version of it stays.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.documents.catalogue import DocumentKind, split_tags
from kiosk.documents.library import DocumentInput, delete_documents, save_document
from kiosk.documents.pdftext import BrokenPdf, extract
from kiosk.documents.tables import Document
from kiosk.documents.text import strip_html
from kiosk.exchange.csv_files import PARIS, CsvProblem, decode_text, parse_moment
from kiosk.exchange.tables import table_rows

log = logging.getLogger(__name__)

KIND_OF_SUFFIX: Final = {
    ".pdf": DocumentKind.PDF,
    ".html": DocumentKind.ARTICLE,
    ".htm": DocumentKind.ARTICLE,
    ".txt": DocumentKind.ARTICLE,
    ".mp4": DocumentKind.VIDEO,
    ".webm": DocumentKind.VIDEO,
    ".mkv": DocumentKind.VIDEO,
    ".ogv": DocumentKind.VIDEO,
}
MEDIA_TYPES: Final = {
    ".pdf": "application/pdf",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mkv": "video/x-matroska",
    ".ogv": "video/ogg",
}
MANIFEST_NAMES: Final = ("manifest.toml", "manifest.csv", "manifest.xlsx")
DEFAULT_THEME: Final = "Divers"
SUMMARY_WORDS: Final = 45
LINK_PREFIX: Final = "link:"


class ImportError_(ValueError):
    """The folder or the manifest cannot be used at all (nothing was changed)."""


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old source, new source)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, why)

    def lines(self) -> list[str]:
        out = [
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.renamed)} renamed, "
            f"{self.unchanged} unchanged, {len(self.removed)} removed, "
            f"{len(self.skipped)} skipped"
        ]
        out += [f"  skipped {src}: {why}" for src, why in self.skipped]
        out += [f"  renamed {old} -> {new}" for old, new in self.renamed]
        return out


@dataclass(frozen=True)
class ManifestEntry:
    key: str  # a file path relative to the folder, or "link:<url>"
    fields: dict[str, Any]


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Entries by file path (``file``) or, for links, by ``url``. CSV or Excel workbook (read as
    every importer reads them: UTF-8 or Windows-1252, ``,`` ``;`` or tab, first sheet): one row
    per document; TOML: ``[[document]]`` tables. Columns: file, url, title, summary, theme,
    tags, published (YYYY-MM-DD or DD/MM/YYYY), kind, language, and the optional English
    title_en, summary_en, theme_en (empty: the French one is shown in English too)."""
    try:
        if path.suffix.lower() == ".toml":
            with path.open("rb") as fh:
                rows = tomllib.load(fh).get("document", [])
        else:
            rows = _table_manifest(path)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ImportError_(f"{path}: cannot read the manifest ({exc})") from exc
    entries: dict[str, ManifestEntry] = {}
    for n, row in enumerate(rows, 1):
        fields = {str(k).strip().lower(): v for k, v in row.items() if k and v not in (None, "")}
        file = str(fields.get("file", "")).strip()
        url = str(fields.get("url", "")).strip()
        if not file and not url:
            raise ImportError_(f"{path}: entry {n} has neither 'file' nor 'url'")
        key = Path(file).as_posix() if file else LINK_PREFIX + url
        entries[key] = ManifestEntry(key, fields)
    return entries


def _table_manifest(path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for line, row in table_rows(path.read_bytes(), filename=path.name, one_of=("file", "url")):
        if isinstance(row, CsvProblem):
            raise ImportError_(f"{path}: cannot read the manifest (line {line}: {row.reason})")
        rows.append(row)
    return rows


def import_folder(
    session: Session, folder: Path, now: datetime, manifest: Path | None = None
) -> ImportReport:
    if not folder.is_dir():
        raise ImportError_(f"{folder}: not a folder")
    if manifest is None:
        manifest = next((folder / n for n in MANIFEST_NAMES if (folder / n).is_file()), None)
    entries = read_manifest(manifest) if manifest is not None else {}
    report = ImportReport()

    files = {
        p.relative_to(folder).as_posix(): p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix.lower() in KIND_OF_SUFFIX and not p.name.startswith(".")
    }
    existing = {
        d.source: d for d in session.scalars(select(Document).where(Document.source.is_not(None)))
    }
    by_hash: dict[str, list[Document]] = {}
    for doc in existing.values():
        if doc.content_hash and doc.source not in files:
            by_hash.setdefault(doc.content_hash, []).append(doc)
    kept: set[int] = set()

    for source, path in files.items():
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        current = existing.get(source)
        renamed_from = None
        if current is None and by_hash.get(digest):
            current = by_hash[digest].pop(0)
            renamed_from = current.source
        if current is not None:
            kept.add(current.id)
        entry = entries.get(source)
        try:
            incoming = _document_from_file(source, path, data, entry, now, folder)
        except (BrokenPdf, UnicodeDecodeError, ValueError) as exc:
            log.warning("import: %s skipped: %s", source, exc)
            report.skipped.append((source, str(exc)))
            continue
        if current is None:
            save_document(session, incoming, now)
            report.added.append(source)
        elif renamed_from is not None:
            save_document(session, incoming, now, current)
            report.renamed.append((renamed_from, source))
        elif _changed(current, incoming):
            save_document(session, incoming, now, current)
            report.updated.append(source)
        else:
            report.unchanged += 1

    for key, entry in entries.items():
        if not key.startswith(LINK_PREFIX):
            if key not in files:
                report.skipped.append((key, "in the manifest but not in the folder"))
            continue
        current = existing.get(key)
        if current is not None:
            kept.add(current.id)
        try:
            incoming = _link(key, entry, now)
        except ValueError as exc:
            report.skipped.append((key, str(exc)))
            continue
        if current is None:
            save_document(session, incoming, now)
            report.added.append(key)
        elif _changed(current, incoming):
            save_document(session, incoming, now, current)
            report.updated.append(key)
        else:
            report.unchanged += 1

    # Gone from the folder (and not a broken file we kept the old version of).
    skipped = {src for src, _ in report.skipped}
    gone = [d for s, d in existing.items() if d.id not in kept and s not in skipped]
    report.removed = sorted(str(d.source) for d in gone)
    delete_documents(session, (d.id for d in gone))
    session.flush()
    return report


def _changed(current: Document, doc: DocumentInput) -> bool:
    from kiosk.documents.library import _fingerprint

    return current.fingerprint != _fingerprint(doc, current.slug, doc.content_hash)


def _document_from_file(
    source: str, path: Path, data: bytes, entry: ManifestEntry | None, now: datetime, root: Path
) -> DocumentInput:
    suffix = path.suffix.lower()
    kind = KIND_OF_SUFFIX[suffix]
    meta = dict(entry.fields) if entry else {}
    title: str | None = None
    body = ""
    pages: tuple[str, ...] = ()
    file_data: bytes | None = data
    if kind is DocumentKind.PDF:
        text = extract(data)
        pages = text.pages
        title = text.title
        plain = " ".join(pages)
    elif kind is DocumentKind.ARTICLE:
        raw = decode_text(data)  # Notepad's "ANSI" is Windows-1252
        if suffix == ".txt":
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
            title = paragraphs[0].splitlines()[0].strip() if paragraphs else None
            body = "".join(f"<p>{_escape(p)}</p>" for p in paragraphs[1:] or paragraphs)
        else:
            body = _html_body(raw)
            title = _html_title(raw)
        plain = strip_html(body)
        file_data = None  # an article lives in the database as rich text
    else:
        plain = ""
    mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
    theme = str(meta.get("theme") or _theme_from_folder(source) or DEFAULT_THEME)
    return DocumentInput(
        kind=DocumentKind(str(meta.get("kind", kind.value))),
        title=str(meta.get("title") or title or _title_from_name(path)),
        theme=theme,
        published_on=_date(meta.get("published"), mtime),
        summary=str(meta.get("summary") or _first_words(plain)),
        tags=_tags(meta.get("tags")),
        language=str(meta.get("language", "fr")),
        body=body,
        url=str(meta["url"]) if meta.get("url") else None,
        source=source,
        data=file_data,
        media_type=MEDIA_TYPES.get(suffix, "text/html" if kind is DocumentKind.ARTICLE else None),
        pages=pages,
        title_en=_english(meta, "title_en"),
        summary_en=_english(meta, "summary_en"),
        theme_en=_english(meta, "theme_en"),
    )


def _link(key: str, entry: ManifestEntry, now: datetime) -> DocumentInput:
    meta = entry.fields
    url = key[len(LINK_PREFIX) :]
    if not re.match(r"^https?://", url):
        raise ValueError(f"not a web address: {url!r}")
    if not meta.get("title"):
        raise ValueError("a link needs a title in the manifest")
    return DocumentInput(
        kind=DocumentKind(str(meta.get("kind", "link"))),
        title=str(meta["title"]),
        theme=str(meta.get("theme") or DEFAULT_THEME),
        published_on=_date(meta.get("published"), now.date()),
        summary=str(meta.get("summary", "")),
        tags=_tags(meta.get("tags")),
        language=str(meta.get("language", "fr")),
        url=url,
        source=key,
        title_en=_english(meta, "title_en"),
        summary_en=_english(meta, "summary_en"),
        theme_en=_english(meta, "theme_en"),
    )


def _english(meta: dict[str, Any], column: str) -> str:
    """One of the manifest's optional English columns; empty: the French is shown in English."""
    return str(meta.get(column) or "").strip()


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return split_tags([str(v) for v in value])
    return split_tags(str(value).replace(";", ","))


def _date(value: Any, default: date) -> date:
    if value is None:
        return default
    if isinstance(value, date):
        return value
    try:  # 2026-11-23, or 23/11/2026 as a French spreadsheet writes it
        return parse_moment(str(value)).astimezone(PARIS).date()
    except ValueError:
        raise ValueError(f"published: {value!r} is not a date (YYYY-MM-DD)") from None


def _theme_from_folder(source: str) -> str | None:
    parts = source.split("/")
    return parts[0].replace("_", " ") if len(parts) > 1 else None


def _title_from_name(path: Path) -> str:
    name = re.sub(r"[_-]+", " ", path.stem).strip()
    return name[:1].upper() + name[1:] if name else path.name


def _first_words(text: str, n: int = SUMMARY_WORDS) -> str:
    found = text.split()
    return " ".join(found[:n]) + ("…" if len(found) > n else "")


def _escape(text: str) -> str:
    import html

    return html.escape(text).replace("\n", "<br>")


def _html_title(raw: str) -> str | None:
    for pattern in (r"(?is)<title[^>]*>(.*?)</title>", r"(?is)<h1[^>]*>(.*?)</h1>"):
        m = re.search(pattern, raw)
        if m:
            title = strip_html(m.group(1)).strip()
            if title:
                return title
    return None


def _html_body(raw: str) -> str:
    """The article's body without scripts, styles or the page's <head>."""
    m = re.search(r"(?is)<body[^>]*>(.*)</body>", raw)
    body = m.group(1) if m else raw
    return re.sub(r"(?is)<(script|style|iframe|object|embed)\b.*?</\1>", "", body).strip()
