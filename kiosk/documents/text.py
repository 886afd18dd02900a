"""French text as the search sees it: folded accents and case, elisions, stems, stop words,
synonyms.

One normalisation for everything the search compares, :func:`term`: the shared folding
(:func:`kiosk.text.fold`: NFKC, case, œ/æ/ß spelled out, accents dropped), then the Snowball
French stemmer. The local index (``kiosk.documents.index``) stores :func:`index_form` of every
text (each word replaced by its term, word for word, so that FTS5 finds its highlights back in
the original text), and queries are made of the same terms. FTS5's own ``unicode61
remove_diacritics 2`` folding does not know « œ », « æ » or the ligature glyphs of pdfLaTeX
(« ﬁ », « ﬂ », « ﬀ »), and SQLite has no French stemmer: hence the work here, in Python. This
module turns what a visitor types into an FTS5 query that agrees with the index:

- the same folding and stemming, so that « usager » finds « usagers » and « mise en œuvre »
  typed with « oe » finds « œuvre »;
- French elisions removed ("l'", "d'", "qu'", "jusqu'"... with ' or ’), so that
  "l'hameçonnage" and "hameconnage" are one word;
- stop words dropped unless they are all there is ("de la" alone still searches);
- the last word searched as a prefix while the visitor is still typing it;
- synonyms of a curated lexicon OR-ed in as phrases ("RGPD" also finds "données personnelles").

Every word is quoted in the FTS5 query, so nothing a visitor types is taken as FTS5 syntax.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import Stemmer

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
# A word just begun after others (« mot de pa », « mot de ») waits for its third letter, or
# for a letter past a stop word: « pa* » or « de* » is in nearly every document, so it narrows
# nothing, reorders little, and costs the most (a merge of the lists of every word it begins:
# 10 of the 16 ms of « mot de » at 20,000 documents, bench/documents.py); the list stays that
# of the words before it until then, instead of jumping at each letter.
NEXT_PREFIX_MIN_CHARS: Final = 3
_WORD = re.compile(r"[0-9a-z]+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


# The combining accents that FTS5's ``unicode61`` keeps inside a word (and removes): « é »
# written as « e » + U+0301 is one word. Its other marks separate words, like punctuation.
_UNICODE61_DIACRITICS: Final = (
    "\u0300-\u0304\u0306-\u030c\u030f\u0311\u031b\u0323-\u0328\u032d\u032e\u0330\u0331"
)
# A word as ``unicode61`` splits text: letters and numbers (``\w`` once "_" is made a space),
# private-use characters, those accents; a word of accents alone is no word at all. One
# character class: twice as fast as an alternation on a catalogue's worth of text.
_INDEX_TOKEN: Final = re.compile(
    f"[\\w{_UNICODE61_DIACRITICS}\\ue000-\\uf8ff\\U000f0000-\\U0010fffd]+"
)
_FRENCH: Final = Stemmer.Stemmer("french")
# What the terms depend on besides this code: an index built under others is built again (its
# rows could not even be deleted, FTS5 being told terms it never indexed).
TERMS_VERSION: Final = f"unicode {unicodedata.unidata_version}, snowball {Stemmer.version()}"


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball French stem of a folded word, a plural « s » dropped first: Snowball leaves
    « usagers » as « usager » but takes « usager » to « usag »."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return str(_FRENCH.stemWord(word))


def _index_words(text: str) -> list[str]:
    return _INDEX_TOKEN.findall(text.replace("_", " "))


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of ``text`` as FTS5's ``unicode61`` splits it."""
    return [m.span() for m in _INDEX_TOKEN.finditer(text.replace("_", " "))]


@lru_cache(maxsize=200_000)
def _analysed(token: str) -> tuple[str, str]:
    """(folded word, term) of one word as written; cached: a catalogue repeats its words."""
    folded = "".join(_index_words(fold(token))).replace("_", "")  # "½" folds to "1⁄2"
    return folded, stem(folded) if folded else ""


def term(token: str) -> str:
    """What the index stores for one word as written: « Œuvres » -> « oeuvr », « ﬁchier » ->
    « fichi »; "" for a word of accents alone (FTS5 drops it too)."""
    return _analysed(token)[1]


def index_form(text: str) -> str:
    """``text`` as the index stores it: one term per word, in order, nothing else.

    Word for word, as FTS5's ``unicode61`` tokenizer splits the original text: the index is an
    external-content FTS5 table whose snippets and highlights re-read the original text and find
    the n-th word there, so the n-th term must come from the n-th word.
    """
    return analyse(text)[0]


def analyse(text: str) -> tuple[str, set[str]]:
    """:func:`index_form` of ``text`` and its folded words (for spelling suggestions and
    prefixes typed past a stem), in one pass."""
    pairs = list(map(_analysed, _index_words(text)))
    return " ".join([t for _, t in pairs if t]), {f for f, _ in pairs if f}


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


Expansion = Callable[[str], Sequence[str]]


def _no_expansion(prefix: str) -> Sequence[str]:
    return ()


@dataclass(frozen=True)
class Term:
    """One thing a document must match: any of several phrases, each maybe a prefix."""

    alternatives: tuple[tuple[Phrase, bool], ...]  # (folded words, match as a prefix)

    def fts(self, expand: Expansion = _no_expansion) -> str:
        """The FTS5 expression over the index's terms (:func:`term`).

        A finished word is matched by its stem. The word being typed is matched as a prefix of
        the stems (« usa » -> « usag »), as its own stem (« usagers » -> « usag ») and as the
        stems ``expand`` gives: those of indexed words starting with it whose stem is shorter
        than it (« fichie » -> « fichi », from « fichier »).
        """
        parts: list[str] = []
        for phrase, prefix in self.alternatives:
            head = [stem(w) for w in phrase[:-1]]
            last = phrase[-1]
            if not prefix:
                parts.append(_quoted([*head, stem(last)]))
                continue
            parts.append(_quoted([*head, last]) + "*")
            for whole in dict.fromkeys((stem(last), *expand(last))):
                if not whole.startswith(last):  # already matched by the prefix
                    parts.append(_quoted([*head, whole]))
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _quoted(terms: Sequence[str]) -> str:
    return '"' + " ".join(terms) + '"'


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        return not self.terms

    def fts(self, expand: Expansion = _no_expansion) -> str:
        """The FTS5 MATCH expression (terms AND-ed)."""
        return " AND ".join(t.fts(expand) for t in self.terms)

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
        elif (
            open_word
            and i > 0
            and not keep_stop_words
            and (len(tokens[i]) < NEXT_PREFIX_MIN_CHARS or tokens[i] in STOP_WORDS)
        ):
            pass  # just begun after other words: see NEXT_PREFIX_MIN_CHARS
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
