"""The catalogue's vocabulary and the read models the screens show (no database code here)."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Final


class DocumentKind(enum.StrEnum):
    PDF = "pdf"
    ARTICLE = "article"  # rich text (HTML) shown in the kiosk
    VIDEO = "video"
    LINK = "link"  # a web page: the kiosk shows its card and the QR code to open it


# The editorial themes, in the order of the themes grid, with the Tabler icon of each.
# Imported documents may bring other themes: they are shown after these, with a generic icon.
THEMES: Final[tuple[tuple[str, str], ...]] = (
    ("Cybersécurité", "shield-lock"),
    ("Intelligence artificielle", "sparkles"),
    ("Numérique responsable", "leaf"),
    ("Accessibilité", "accessible"),
    ("Outils collaboratifs", "users-group"),
    ("Innovation managériale", "bulb"),
    ("Données et RGPD", "database"),
    ("Travail hybride", "home-signal"),
)
THEME_ICON: Final = dict(THEMES)
DEFAULT_THEME_ICON: Final = "books"
WORDS_PER_MINUTE: Final = 200  # an adult reading French on a screen


def theme_icon(theme: str) -> str:
    return THEME_ICON.get(theme, DEFAULT_THEME_ICON)


def reading_minutes(word_count: int) -> int:
    return max(1, round(word_count / WORDS_PER_MINUTE)) if word_count else 0


def fingerprint(*parts: object) -> str:
    """A hash of everything the local index holds about a document: it re-indexes on change."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode())
        h.update(b"\x1f")
    return h.hexdigest()


def split_tags(tags: str | Iterable[str]) -> list[str]:
    items = tags.split(",") if isinstance(tags, str) else list(tags)
    seen: list[str] = []
    for tag in (" ".join(t.split()) for t in items):
        if tag and tag.lower() not in (s.lower() for s in seen):
            seen.append(tag)
    return seen


@dataclass(frozen=True)
class DocumentSummary:
    """What a result row, a "Nouveautés" card and the document card show."""

    slug: str
    kind: DocumentKind
    title: str
    summary: str
    theme: str
    tags: tuple[str, ...]
    published_on: date
    reading_minutes: int
    page_count: int | None
    content_hash: str | None
    url: str | None
    title_en: str = ""  # the manifest's optional English; empty: the French stands in
    summary_en: str = ""
    theme_en: str = ""

    def title_in(self, english: bool) -> str:
        """The title in the kiosk's language, the French one when none was given."""
        return self.title_en if english and self.title_en else self.title

    def summary_in(self, english: bool) -> str:
        return self.summary_en if english and self.summary_en else self.summary

    def theme_in(self, english: bool) -> str:
        return self.theme_en if english and self.theme_en else self.theme


@dataclass(frozen=True)
class SearchHit:
    document: DocumentSummary
    snippet: str  # plain text with matches between HIGHLIGHT_START and HIGHLIGHT_END
    score: float  # bm25: lower is better


# Rows of a result list that may get a snippet cut from their body, if they were found by it
# (the others show their summary):
# what a screen shows once the keyboard is down. A search screen asks for its own number
# (from a landscape panel's four to a portrait totem's nine); this is for the others (the
# command line) and the most any may ask for.
SNIPPET_ROWS: Final = 8
MAX_SNIPPET_ROWS: Final = 12
HIGHLIGHT_START: Final = "\x02"
HIGHLIGHT_END: Final = "\x03"


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...]
    total: int  # matches, not only the ones returned
    theme: str | None = None
    kind: DocumentKind | None = None
    suggested_themes: tuple[str, ...] = ()  # when nothing matched
    did_you_mean: str | None = None


class SearchInterrupted(Exception):
    """A newer keystroke made this search moot: it stopped where it was and answers nothing
    (no list cut short: the caller has the newer search to run)."""


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    count: int
    theme_en: str = ""  # its English name from the imports' manifests; empty: none given


@dataclass(frozen=True)
class PageHit:
    page_number: int  # 1-based
    snippet: str
    occurrences: int
