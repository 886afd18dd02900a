"""The documents' French search applied to the projects: the same query parsing, folding and
stemming (:mod:`kiosk.documents.text`), matched in memory.

A council has tens of projects, not thousands: no index, each project's text is analysed
once per search, and a query matches a project where the documents' FTS5 index would match
a document made of that text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kiosk.documents.text import ParsedQuery, analyse, parse_query, stem


@dataclass(frozen=True)
class SearchableText:
    terms: tuple[str, ...]  # the index form, word for word
    folded: frozenset[str]  # the folded words, for a word typed past its stem

    @classmethod
    def of(cls, *parts: str) -> SearchableText:
        index_form, folded = analyse("\n".join(parts))
        return cls(tuple(index_form.split()), frozenset(folded))


def matches(query: ParsedQuery, text: SearchableText) -> bool:
    """Every term of the query is in the text (terms AND-ed, alternatives OR-ed)."""
    return all(
        any(_phrase_in(phrase, prefix, text) for phrase, prefix in term.alternatives)
        for term in query.terms
    )


def _phrase_in(phrase: Sequence[str], prefix: bool, text: SearchableText) -> bool:
    head = [stem(w) for w in phrase[:-1]]
    last = phrase[-1]
    wanted = {stem(last)}
    if prefix:
        wanted |= {stem(w) for w in text.folded if w.startswith(last)}
    size = len(phrase)
    for i in range(len(text.terms) - size + 1):
        if list(text.terms[i : i + size - 1]) == head:
            candidate = text.terms[i + size - 1]
            if candidate in wanted or (prefix and candidate.startswith(last)):
                return True
    return False


def search[T](items: Iterable[tuple[T, SearchableText, SearchableText]], typed: str) -> list[T]:
    """Items whose text matches ``typed``, those whose title matches first, else in order.

    ``items``: (item, its title, its whole text). An empty query keeps everything.
    """
    query = parse_query(typed)
    if query.empty:
        return [item for item, _, _ in items]
    found = [(not matches(query, title), n, item)
             for n, (item, title, whole) in enumerate(items) if matches(query, whole)]  # fmt: skip
    return [item for _, _, item in sorted(found, key=lambda f: (f[0], f[1]))]
