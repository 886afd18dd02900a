"""French text as the search sees it: folded accents and case, elisions, stop words, synonyms.

The local index (``kiosk.documents.index``) stores text with SQLite FTS5's ``unicode61
remove_diacritics 2`` tokenizer, which already folds case and accents and splits
"l'hameçonnage" into "l" + "hameconnage". This module turns what a visitor types into an FTS5
query that agrees with it:

- the same folding, done here in Python so that synonyms and stop words compare equal;
- French elisions removed ("l'", "d'", "qu'", "jusqu'"... with ' or ’), so that
  "l'hameçonnage" and "hameconnage" are one word;
- stop words dropped unless they are all there is ("de la" alone still searches);
- the last word searched as a prefix while the visitor is still typing it;
- synonyms of a curated lexicon OR-ed in as phrases ("RGPD" also finds "données personnelles").

Every word is quoted in the FTS5 query, so nothing a visitor types is taken as FTS5 syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from kiosk.text import fold

ELISIONS: Final = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
)
STOP_WORDS: Final = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "cet",
        "cette",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "est",
        "et",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lui",
        "ma",
        "mais",
        "me",
        "mes",
        "mon",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "y",
    ]
)

# Groups of words or phrases that mean the same to a visitor. Written naturally (accents,
# capitals); folded when the lexicon is built.
SYNONYM_GROUPS: Final[tuple[tuple[str, ...], ...]] = (
    ("RGPD", "données personnelles", "protection des données", "GDPR"),
    ("IA", "intelligence artificielle", "AI"),
    ("IA générative", "ChatGPT", "LLM", "modèle de langage"),
    ("hameçonnage", "phishing", "courriel piégé"),
    ("cybersécurité", "sécurité informatique", "cyber"),
    ("rançongiciel", "ransomware"),
    ("mot de passe", "mdp", "authentification"),
    ("double authentification", "MFA", "2FA", "authentification forte"),
    ("numérique responsable", "sobriété numérique", "green IT", "écoconception"),
    ("accessibilité", "RGAA", "handicap", "inclusion numérique"),
    ("FALC", "facile à lire et à comprendre"),
    ("télétravail", "travail à distance", "travail hybride"),
    ("visioconférence", "visio", "réunion à distance"),
    ("outils collaboratifs", "travail collaboratif", "espace partagé"),
    ("management", "manager", "encadrement"),
    ("innovation managériale", "nouvelles pratiques managériales"),
    ("données ouvertes", "open data"),
    ("cloud", "informatique en nuage"),
    ("courriel", "mail", "e-mail", "messagerie"),
)

PREFIX_MIN_CHARS: Final = 2  # a one-letter prefix matches half the language
_WORD = re.compile(r"[0-9a-z]+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


def words(text: str) -> list[str]:
    """Folded words of ``text``, elisions removed ("L’Hameçonnage" -> ["hameconnage"])."""
    out: list[str] = []
    for raw in fold(text.translate(_APOSTROPHES)).split("'"):
        out.extend(_WORD.findall(raw))
    # An elided article is always followed by its word; drop it only where it was glued on.
    return [w for w, glued in _with_glue(text, out) if not (glued and w in ELISIONS)]


def _with_glue(text: str, tokens: list[str]) -> Iterable[tuple[str, bool]]:
    """Pairs (token, followed by an apostrophe in the original text)."""
    folded = fold(text.translate(_APOSTROPHES))
    pos = 0
    for token in tokens:
        start = folded.find(token, pos)
        end = start + len(token)
        pos = end
        yield token, folded[end : end + 1] == "'"


@dataclass(frozen=True)
class Lexicon:
    """Synonym phrases by their folded words."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]
    longest: int

    @classmethod
    def build(cls, groups: Sequence[Sequence[str]] = SYNONYM_GROUPS) -> Lexicon:
        folded = tuple(tuple(tuple(words(phrase)) for phrase in group) for group in groups)
        longest = max((len(p) for g in folded for p in g), default=1)
        return cls(folded, longest)

    def group_of(self, phrase: tuple[str, ...]) -> tuple[tuple[str, ...], ...] | None:
        for group in self.groups:
            if phrase in group:
                return group
        return None


DEFAULT_LEXICON: Final = Lexicon.build()


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """One thing a document must match: any of several phrases, each maybe a prefix."""

    alternatives: tuple[tuple[Phrase, bool], ...]  # (folded words, match as a prefix)

    def fts(self) -> str:
        parts = [
            '"' + " ".join(p) + '"' + ("*" if prefix else "") for p, prefix in self.alternatives
        ]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        return not self.terms

    def fts(self) -> str:
        """The FTS5 MATCH expression (terms AND-ed)."""
        return " AND ".join(t.fts() for t in self.terms)

    def words(self) -> list[str]:
        """Every folded word the query may match (for page search)."""
        return sorted({w for t in self.terms for p, _ in t.alternatives for w in p})


def parse_query(
    text: str, *, typing: bool = True, lexicon: Lexicon = DEFAULT_LEXICON
) -> ParsedQuery:
    """The query for ``text``; ``typing``: the last word may be unfinished (prefix search)."""
    tokens = words(text)
    if not tokens:
        return ParsedQuery(())
    still_typing = typing and not text[-1:].isspace() and text[-1:] not in {"'", "’"}
    keep_stop_words = all(t in STOP_WORDS for t in tokens)
    terms: list[Term] = []
    i = 0
    while i < len(tokens):
        size, group = _synonyms_at(tokens, i, lexicon)
        ends = i + size == len(tokens)
        open_word = ends and still_typing  # the visitor may still be typing its last word
        if group is not None:
            phrase = tuple(tokens[i : i + size])
            terms.append(Term(((phrase, open_word), *((p, False) for p in group if p != phrase))))
        elif open_word and len(tokens[i]) < PREFIX_MIN_CHARS:
            if len(tokens) == 1:  # a single first letter: exact (finds "a", "3"...)
                terms.append(Term((((tokens[i],), False),)))
        elif tokens[i] not in STOP_WORDS or keep_stop_words or open_word:
            terms.append(Term((((tokens[i],), open_word),)))
        i += size
    return ParsedQuery(tuple(terms))


def _synonyms_at(
    tokens: list[str], i: int, lexicon: Lexicon
) -> tuple[int, tuple[Phrase, ...] | None]:
    """The longest synonym phrase starting at ``tokens[i]``: (its length, its group)."""
    for size in range(min(lexicon.longest, len(tokens) - i), 0, -1):
        group = lexicon.group_of(tuple(tokens[i : i + size]))
        if group is not None:
            return size, group
    return 1, None


def strip_html(html: str) -> str:
    """Visible text of a simple article (tags dropped, entities decoded, blocks on lines)."""
    import html as html_module

    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    text = re.sub(r"(?i)<br\s*/?>|</(p|h[1-6]|li|div|tr)>", "\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html_module.unescape(text)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def slugify(text: str, max_len: int = 60) -> str:
    slug = "-".join(_WORD.findall(fold(text.translate(_APOSTROPHES))))
    return slug[:max_len].rstrip("-") or "document"
