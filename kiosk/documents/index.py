"""The kiosk's own full-text index of the catalogue: a SQLite FTS5 file in the data dir.

Local on purpose: a kiosk on the central PostgreSQL database still answers each keystroke from
its own disk, and the Smart Tour searches with no network at all. It is a cache: rebuilt or
brought up to date from the main database by :func:`kiosk.documents.library.sync_index`
(fingerprints say which documents changed), and safe to delete.

What FTS5 indexes is not the text but its terms, computed in Python
(:func:`kiosk.documents.text.index_form`: NFKC, case, « œ », « æ », « ß » and ligature glyphs
spelled out, accents dropped, Snowball French stems), word for word. The original text is kept
once, and the FTS5 tables read it as their *external content*: the short fields (title, summary,
tags, theme) from ``docs`` itself, the bodies from ``bodies``, deflated (a third of the size of
French text), through the ``docs_text`` view. ``snippet()`` and ``highlight()`` read it back
and, because the tokenizer (``unicode61``) splits it into as many words as it split the terms,
light up the original words (« Œuvres », not « oeuvr »). A PDF's pages are not stored apart:
their lengths place the highlights of the body on pages (in-document search). Two FTS5 tables:
``docs_fts`` over everything, ranked by ``bm25`` with titles weighing most, and ``heads_fts``
over the short fields alone, a twentieth of its size, the first ranking tier (see
:meth:`DocumentIndex._ranked`) and all that one or two letters typed so far search. Prefix queries
(``prefix='2 3'`` keeps short prefixes fast) serve the word being typed, the ``words`` table
(every folded word with its stem) spelling suggestions and prefixes longer than a stem.

Why terms computed in Python rather than a tokenizer registered in SQLite: Python's ``sqlite3``
cannot register one; ``apsw`` can, but brings its own SQLite and calls back into Python for
every column value indexed and every snippet. Measured (``bench/documents_terms.py``: 1,500
bodies of 600 words, same machine, same folding and stemming): unicode61 alone 1.5 s, terms in
Python before the insert 7.8 to 8.9 s, the same work as an apsw tokenizer 12.8 to 13.0 s. The
stdlib driver stays, queries stay plain FTS5, and the cost falls on imports and syncs (worker
threads), never on a keystroke.

One connection, used by one thread at a time (a lock makes sure of it), so callers may use it
from whichever worker thread the pool hands them; the one call meant for another thread while
a search runs is :meth:`DocumentIndex.interrupt` (a newer keystroke stopping it).
"""

from __future__ import annotations

import difflib
import logging
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from kiosk.documents.catalogue import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    MAX_SNIPPET_ROWS,
    SNIPPET_ROWS,
    THEMES,
    DocumentKind,
    DocumentSummary,
    PageHit,
    SearchHit,
    SearchInterrupted,
    SearchResults,
    ThemeCount,
)
from kiosk.documents.text import (
    PREFIX_MIN_CHARS,
    TERMS_VERSION,
    Lexicon,
    analyse,
    index_form,
    parse_query,
    stem,
    word_spans,
    words,
)
from kiosk.text import fold

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 6
MIN_SQLITE: Final = (3, 27, 0)  # remove_diacritics 2
# Column weights for bm25: title, summary, tags, theme, body.
WEIGHTS: Final = (10.0, 4.0, 6.0, 3.0, 1.0)
SNIPPET_TOKENS: Final = 16
RANK_CANDIDATES: Final = 300  # matches ranked by bm25 at most, the newest (see _ranked)
SHORT_CANDIDATES: Final = 200  # the same for one or two letters (only titles, tags, themes)
PAGE_SNIPPET_WORDS: Final = 14
# Bodies are kept deflated: French text shrinks to about a third, and only the snippets of the
# rows shown, in-document search and deletes read it back (through a SQL function).
BODY_COMPRESSION: Final = 6
SHORT_PREFIX: Final = 2  # a prefix this short searches titles, tags and themes only
NO_SYNONYMS: Final = Lexicon.build(())
COUNT_CAP: Final = 1000  # results counted beyond the shown ones, at most
RESULTS_LIMIT: Final = 30  # a visitor reads a handful; the total says how many more
THEME_LIST_LIMIT: Final = 200  # a theme's documents, newest first

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    theme TEXT NOT NULL,
    tags TEXT NOT NULL,
    published_on TEXT NOT NULL,
    reading_minutes INTEGER NOT NULL,
    page_count INTEGER,
    content_hash TEXT,
    url TEXT,
    fingerprint TEXT NOT NULL,
    title_en TEXT NOT NULL,
    summary_en TEXT NOT NULL,
    theme_en TEXT NOT NULL
);
CREATE INDEX docs_published ON docs (published_on DESC);
CREATE INDEX docs_theme ON docs (theme, published_on DESC);
CREATE TABLE bodies (id INTEGER PRIMARY KEY, deflated BLOB NOT NULL, page_lengths TEXT);
CREATE VIEW docs_text (id, title, summary, tags, theme, body) AS
SELECT docs.id, title, summary, tags, theme, inflate(deflated)
FROM docs JOIN bodies ON bodies.id = docs.id;
CREATE VIRTUAL TABLE docs_fts USING fts5(
    title, summary, tags, theme, body, content = 'docs_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO docs_fts (docs_fts, rank) VALUES ('rank', 'bm25({", ".join(map(str, WEIGHTS))})');
CREATE VIRTUAL TABLE docs_vocab USING fts5vocab(docs_fts, 'row');
CREATE VIRTUAL TABLE heads_fts USING fts5(
    title, summary, tags, theme, content = 'docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO heads_fts (heads_fts, rank) VALUES ('rank', 'bm25({", ".join(map(str, WEIGHTS[:4]))})');
CREATE TABLE words (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
"""


class IndexUnavailable(RuntimeError):
    """This machine's SQLite cannot build the index (too old, or built without FTS5)."""


@dataclass(frozen=True)
class IndexedDocument:
    """Everything the index stores about one document."""

    id: int  # the catalogue's id (only meaningful in the database it came from)
    summary: DocumentSummary
    body: str  # plain text (PDF pages joined, article text)
    pages: tuple[str, ...]  # PDF pages' text, for in-document search
    fingerprint: str


def check_sqlite() -> None:
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise IndexUnavailable(f"SQLite {sqlite3.sqlite_version} is older than 3.27 (FTS5 folding)")
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')"
        )
    except sqlite3.OperationalError as exc:
        raise IndexUnavailable(f"SQLite has no usable FTS5: {exc}") from exc
    finally:
        probe.close()


def open_index(path: Path) -> DocumentIndex:
    """The index at ``path``; a damaged file (a disk error, a copy cut short) is set aside as
    ``*.damaged`` and a new index is built: it is a cache of the catalogue, which the database
    holds, so the next sync fills it again. Only :class:`IndexUnavailable` and errors of the
    disk itself (``OSError``) reach the caller."""
    try:
        return DocumentIndex(path)
    except (IndexUnavailable, sqlite3.OperationalError):
        raise  # no FTS5; locked, unreadable, a full disk: setting the file aside would not help
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        damaged = path.with_name(path.name + ".damaged")
        log.error("the document index %s is damaged (%s): set aside as %s, building it again",
                  path, exc, damaged)  # fmt: skip
        path.replace(damaged)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        return DocumentIndex(path)


class DocumentIndex:
    def __init__(self, path: Path | str) -> None:
        check_sqlite()
        self.path = Path(path) if str(path) != ":memory:" else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._writes = 0  # writes through this connection (data_version counts the others')
        self._themes: tuple[tuple[int, int], list[ThemeCount]] | None = None
        # The search that :meth:`interrupt` may stop, and whether it was told to (see there).
        self._interrupt_lock = threading.Lock()
        self._searching: object | None = None
        self._interrupted = False
        self._db = sqlite3.connect(
            str(path), check_same_thread=False, isolation_level=None, cached_statements=64
        )
        self._db.create_function("inflate", 1, inflate, deterministic=True)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: rebuilt if a crash loses it
        self._ensure_schema()

    # --- lifecycle ------------------------------------------------------------------------
    def _ensure_schema(self) -> None:
        with self._lock:
            meta: dict[str, str] = {}
            with suppress(sqlite3.OperationalError):
                meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
            wanted = {"schema": str(SCHEMA_VERSION), "terms": TERMS_VERSION}
            if all(meta.get(k) == v for k, v in wanted.items()):
                return
            log.info("building a new document index in %s", self.path or ":memory:")
            self._drop_all()
            # free pages go back to the disk: an older index's now (the file is empty: quick),
            # those an optimize leaves later (incremental_vacuum)
            self._db.execute("PRAGMA auto_vacuum = INCREMENTAL")
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.executescript(_SCHEMA)
            self._db.executemany("INSERT INTO meta VALUES (?, ?)", wanted.items())

    def _drop_all(self) -> None:
        for name in ("docs_vocab", "docs_fts", "heads_fts", "pages_fts", "docs_text", "pages",
                     "bodies", "words", "docs", "meta"):  # fmt: skip
            kind = self._db.execute("SELECT type FROM sqlite_master WHERE name = ?", (name,))
            for (what,) in kind.fetchall():  # a table or a view, depending on the version
                self._db.execute(f"DROP {'VIEW' if what == 'view' else 'TABLE'} {name}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._writes += 1
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # --- writing --------------------------------------------------------------------------
    def fingerprints(self) -> dict[int, str]:
        with self._lock:
            return dict(self._db.execute("SELECT id, fingerprint FROM docs").fetchall())

    def upsert(self, documents: Iterable[IndexedDocument]) -> int:
        count = 0
        with self._write() as db:
            # Words outlive the documents that brought them (a cache: a stale one only adds an
            # alternative to a prefix or a suggestion that finds nothing).
            known = {str(r[0]) for r in db.execute("SELECT word FROM words")}
            for doc in documents:
                self._delete(db, [doc.id])
                s = doc.summary
                db.execute(
                    "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc.id, s.slug, s.kind.value, s.title, s.summary, s.theme,
                        ", ".join(s.tags), s.published_on.isoformat(), s.reading_minutes,
                        s.page_count, s.content_hash, s.url, doc.fingerprint,
                        s.title_en, s.summary_en, s.theme_en,
                    ),
                )  # fmt: skip
                heads = [analyse(f) for f in (s.title, s.summary, ", ".join(s.tags), s.theme)]
                lengths = None
                if doc.pages and doc.body == "\n".join(doc.pages):  # a PDF: its pages, once
                    lengths = ",".join(str(len(page)) for page in doc.pages)
                    pages = [analyse(text) for text in doc.pages if text]
                    body = (" ".join(f for f, _ in pages if f),
                            set().union(*(w for _, w in pages)))  # fmt: skip
                else:
                    body = analyse(doc.body)
                db.execute("INSERT INTO bodies VALUES (?, ?, ?)",
                           (doc.id, deflate(doc.body), lengths))  # fmt: skip
                db.execute(
                    "INSERT INTO docs_fts (rowid, title, summary, tags, theme, body) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (doc.id, *(form for form, _ in heads), body[0]),
                )
                db.execute(
                    "INSERT INTO heads_fts (rowid, title, summary, tags, theme) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (doc.id, *(form for form, _ in heads)),
                )
                new_words = set().union(body[1], *(w for _, w in heads)) - known
                db.executemany(
                    "INSERT OR IGNORE INTO words (word, stem) VALUES (?, ?)",
                    [(w, stem(w)) for w in new_words],
                )
                known |= new_words
                count += 1
        return count

    def remove(self, ids: Sequence[int]) -> None:
        with self._write() as db:
            self._delete(db, ids)

    @staticmethod
    def _delete(db: sqlite3.Connection, ids: Sequence[int]) -> None:
        for doc_id in ids:
            row = db.execute("SELECT * FROM docs_text WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                continue  # not indexed: nothing to find (and no scan to pay for)
            # External content: FTS5 forgets a row only when told the terms it indexed, so the
            # text is read (through the view) before its rows go.
            forms = [index_form(v or "") for v in row[1:]]
            db.execute(
                "INSERT INTO docs_fts (docs_fts, rowid, title, summary, tags, theme, body) "
                "VALUES ('delete', ?, ?, ?, ?, ?, ?)",
                (doc_id, *forms),
            )
            db.execute(
                "INSERT INTO heads_fts (heads_fts, rowid, title, summary, tags, theme) "
                "VALUES ('delete', ?, ?, ?, ?, ?)",
                (doc_id, *forms[:4]),
            )
            db.execute("DELETE FROM docs WHERE id = ?", (doc_id,))
            db.execute("DELETE FROM bodies WHERE id = ?", (doc_id,))

    def optimize(self) -> None:
        """Merge the FTS b-trees (after a big build: faster queries, smaller file)."""
        with self._write() as db:
            db.execute("INSERT INTO docs_fts (docs_fts) VALUES ('optimize')")
            db.execute("INSERT INTO heads_fts (heads_fts) VALUES ('optimize')")
            db.execute("PRAGMA incremental_vacuum").fetchall()  # the old segments' pages

    # --- reading --------------------------------------------------------------------------
    @contextmanager
    def interruptible(self, token: object) -> Iterator[None]:
        """The searches run inside may be stopped by :meth:`interrupt` with the same ``token``,
        from another thread; one that is raises :class:`SearchInterrupted`."""
        with self._interrupt_lock:
            self._searching, self._interrupted = token, False
        try:
            yield
        except sqlite3.OperationalError as exc:  # "interrupted", from a statement of the search
            self._check_interrupted(exc)
            raise
        finally:
            with self._interrupt_lock:
                self._searching, self._interrupted = None, False

    def interrupt(self, token: object) -> bool:
        """Stop the search running under ``token`` now (from any thread; it does not wait).

        ``sqlite3_interrupt`` makes the statement under way fail at its next step; a search
        between two statements stops at the next check of :meth:`_check_interrupted`. Only the
        search of ``token`` is stopped: once it is over, this does nothing (SQLite forgets an
        interrupt as soon as no statement runs, so the next one, whoever's, is not hit)."""
        with self._interrupt_lock:
            if self._searching is not token or token is None:
                return False
            self._interrupted = True
            self._db.interrupt()
            return True

    def _check_interrupted(self, exc: BaseException | None = None) -> None:
        if self._interrupted:
            raise SearchInterrupted from exc

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def search(
        self,
        text: str,
        *,
        theme: str | None = None,
        kind: DocumentKind | None = None,
        limit: int = 50,
        typing: bool = True,
        suggest: bool = True,
        snippets: int = SNIPPET_ROWS,
    ) -> SearchResults:
        """Documents matching ``text``, best first, with a highlighted snippet each: one
        complete answer per keystroke, its work bounded (see :meth:`_ranked`).

        A quick first look at the short fields used to come before it while a short word was
        typed; once the ranking was bounded, the complete answer cost no more than that look
        (``bench/documents.py``: 2 to 8 ms), and the second list painted under the visitor's
        finger only delayed it. ``suggest``: when nothing matches, look for a spelling that
        does (one round: the suggestion's own search suggests nothing). ``snippets``: how many
        of the first rows may get a snippet cut from their body (the rows the screen shows;
        only those found by their body get one, see :meth:`_ranked`; the others show their
        summary, highlighted where it matches).
        """
        self._check_interrupted()
        query = parse_query(text, typing=typing)
        if query.empty:
            return SearchResults(text, (), 0, theme, kind)
        with self._lock:
            match = query.fts(self._longer_than_stem)
        where, params = _filters(theme, kind)
        with self._lock:
            try:
                table = "heads_fts"  # the short fields' own index
                if _only_short_prefix(query.words(), text, typing):
                    # one or two letters: every body has such words; titles, tags, themes only
                    match = "{title tags theme}: (" + match + ")"
                    rows = self._heads(match, where, params, limit, candidates=SHORT_CANDIDATES)
                else:
                    rows, from_heads = self._ranked(match, where, params, limit, snippets)
                    table = "docs_fts"
                total = len(rows)
                if total == limit and table == "docs_fts" and from_heads == limit:
                    total = self._count_from_heads(match, where, params)
                elif total == limit:  # counted up to COUNT_CAP: "1000+"
                    total = self._count(table, match, where, params)
            except sqlite3.OperationalError as exc:  # should not happen: every word is quoted
                self._check_interrupted(exc)  # a newer keystroke's: not a failure
                log.error("search %r (%s) failed: %s", text, match, exc)
                return SearchResults(text, (), 0, theme, kind)
        # SQLite checks an interrupt between rows: one that came after the last row of the
        # last statement would be forgotten, so it is checked here too.
        self._check_interrupted()
        hits = []
        for row in rows:
            body_snippet, summary_snippet, score = row[-3], row[-2], row[-1]  # after docs.*
            snippet = body_snippet if HIGHLIGHT_START in body_snippet else summary_snippet
            if HIGHLIGHT_START not in snippet:
                snippet = row[4]  # matched on the title or tags: the summary says the most
            hits.append(SearchHit(_summary(row), snippet, float(score)))
        if hits or not suggest:
            return SearchResults(text, tuple(hits), total, theme, kind)
        did_you_mean = self.did_you_mean(text)
        better = (
            self.search(did_you_mean, theme=theme, kind=kind, limit=20, typing=False, suggest=False)
            if did_you_mean
            else None
        )
        if better is not None and not better.hits:
            did_you_mean, better = None, None  # a spelling that finds nothing helps nobody
        return SearchResults(text, (), 0, theme, kind, self.suggest_themes(better), did_you_mean)

    def _heads(
        self,
        match: str,
        where: str,
        params: list[object],
        limit: int,
        *,
        candidates: int = RANK_CANDIDATES,
    ) -> list[Any]:
        """Documents whose short fields (title, summary, tags, theme) match, from their own
        small index: the best of the newest ``candidates``."""
        bound = self._newest_bound("heads_fts", match, where, params, candidates)
        sql = (
            "SELECT docs.*, '', snippet(heads_fts, 1, ?, ?, '…', ?), rank "
            "FROM heads_fts JOIN docs ON docs.id = heads_fts.rowid "
            f"WHERE heads_fts MATCH ? AND heads_fts.rowid >= ?{where} ORDER BY rank LIMIT ?"
        )
        marks = (HIGHLIGHT_START, HIGHLIGHT_END, SNIPPET_TOKENS)
        return self._db.execute(sql, (*marks, match, bound, *params, limit)).fetchall()

    def _newest_bound(
        self, table: str, match: str, where: str, params: list[object], candidates: int
    ) -> int:
        """The smallest id among the newest ``candidates`` documents matching in ``table`` (0
        when fewer match): bm25 then ranks those, not every match (reading the matches in id
        order costs little; ranking them is what costs)."""
        row = self._db.execute(
            f"SELECT {table}.rowid FROM {_source(table, where)} "
            f"WHERE {table} MATCH ?{where} ORDER BY {table}.rowid DESC LIMIT 1 OFFSET ?",
            (match, *params, candidates - 1),
        ).fetchone()
        return int(row[0]) if row is not None else 0

    def _ranked(
        self, match: str, where: str, params: list[object], limit: int, snippets: int
    ) -> tuple[list[Any], int]:
        """The best ``limit`` documents: those whose short fields match first, ranked on them,
        then those that match only with their body, ranked with it.

        A word being typed (« int ») is found in thousands of bodies, and ranking them all
        with bm25 is what a keystroke cannot afford. So the work is bounded: the short fields
        are a small index, and a document that says the words in its title, tags or summary is
        the better answer anyway; the bodies are ranked only when the short fields give fewer
        than ``limit``; each ranking looks at the newest :data:`RANK_CANDIDATES` matches at
        most; and only the rows a screen shows first (``snippets``) that were found by their
        body (or have no summary) get a snippet cut from it. A document found by its title,
        summary or tags shows its summary, lit where it says the words: the title shows why it
        came up, and the summary says what the document is better than a sentence from page
        12 would. Nor does a body snippet come cheap: cutting one reads the body's matches from
        ``docs_fts``, and a word typed past the prefix indexes (« inte ») has that statement
        merge thousands of terms' lists: 3.7 ms of an 11 ms keystroke at 20,000 documents
        (``bench/documents.py``). Returns the rows and how many of them the short fields gave.
        """
        rows = self._heads(match, where, params, limit)
        from_heads = len(rows)
        if len(rows) < limit:
            found = ", ".join(str(int(r[0])) for r in rows) or "0"  # ids from the index itself
            bound = self._newest_bound("docs_fts", match, where, params, RANK_CANDIDATES)
            rows += self._db.execute(  # (a snippet reads the body: only for rows shown)
                "SELECT docs.*, '', '', rank FROM docs_fts JOIN docs ON docs.id = docs_fts.rowid "
                f"WHERE docs_fts MATCH ? AND docs_fts.rowid >= ?{where} "
                f"AND docs_fts.rowid NOT IN ({found}) ORDER BY rank LIMIT ?",
                (match, bound, *params, limit - len(rows)),
            ).fetchall()
        shown = [  # docs.*: id, slug, kind, title, summary...
            int(r[0])
            for n, r in enumerate(rows[: max(0, min(snippets, MAX_SNIPPET_ROWS))])
            if n >= from_heads or not r[4]
        ]
        if not shown:
            return rows, from_heads
        ids = ", ".join(map(str, shown))
        cut = dict(self._db.execute(
            "SELECT rowid, snippet(docs_fts, 4, ?, ?, '…', ?) FROM docs_fts "
            "WHERE docs_fts MATCH ? AND rowid BETWEEN ? AND ? "
            # "+ 0": one pass over the matches, not one whole query per id looked up
            f"AND rowid + 0 IN ({ids})",
            (HIGHLIGHT_START, HIGHLIGHT_END, SNIPPET_TOKENS, match, min(shown), max(shown)),
        ).fetchall())  # fmt: skip
        # docs.*, then the body snippet, the summary snippet and the rank
        return [(*r[:-3], cut.get(r[0], ""), *r[-2:]) for r in rows], from_heads

    def _count(self, table: str, match: str, where: str, params: list[object]) -> int:
        """Documents matching in ``table``, counted up to :data:`COUNT_CAP` (no ranking)."""
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM {_source(table, where)} "
            f"WHERE {table} MATCH ?{where} LIMIT ?)"
        )
        return int(self._db.execute(sql, (match, *params, COUNT_CAP)).fetchone()[0])

    def _count_from_heads(self, match: str, where: str, params: list[object]) -> int:
        """Documents matching anywhere, counted up to :data:`COUNT_CAP`, when the short fields
        alone gave a full page: their own index first. Every document it counts matches in
        ``docs_fts`` too (the same fields are there), so when it reaches the cap that is the
        answer; a word typed past the prefix indexes (« inte ») costs ``docs_fts`` a merge of
        thousands of terms' lists for each statement (4 ms at 20,000 documents), the short
        fields' index a fifth of it."""
        heads = self._count("heads_fts", match, where, params)
        return heads if heads >= COUNT_CAP else self._count("docs_fts", match, where, params)

    def _longer_than_stem(self, prefix: str) -> list[str]:
        """Stems of indexed words that start with ``prefix`` but do not start with it: the word
        being typed has gone past the stem (« fichie », of « fichier », stem « fichi ») or the
        stem ends otherwise (« intelligenc », of « intelligence », stem « intelligent »)."""
        if len(prefix) <= PREFIX_MIN_CHARS + 1:  # shorter stems are rare; the scan is not
            return []
        with self._lock:
            rows = self._db.execute(
                "SELECT DISTINCT stem FROM words WHERE word >= ? AND word < ? "
                "AND substr(stem, 1, ?) <> ? LIMIT 20",
                (prefix, prefix + "\U0010ffff", len(prefix), prefix),
            ).fetchall()
        return [str(r[0]) for r in rows]

    def listing(
        self,
        text: str,
        *,
        theme: str | None = None,
        kind: DocumentKind | None = None,
        snippets: int = SNIPPET_ROWS,
    ) -> SearchResults:
        """What the search page lists for ``text`` and the filters: the results, or the newest
        documents when the text is blank. One function for the screen and for
        ``smartcorner documents search``, so that an operator sees what visitors see."""
        if text.strip():
            return self.search(text, theme=theme, kind=kind, limit=RESULTS_LIMIT, snippets=snippets)
        docs = self.latest(THEME_LIST_LIMIT, theme=theme, kind=kind)
        hits = tuple(SearchHit(d, d.summary, 0.0) for d in docs)
        return SearchResults("", hits, len(docs), theme, kind)

    def did_you_mean(self, text: str) -> str | None:
        """The query with unknown words replaced by the closest frequent indexed word (a word
        is known when its stem is: « usagers » is not corrected into « usager »)."""
        original = words(text)
        if not original:
            return None
        changed = False
        out = []
        with self._lock:
            for word in original:
                known = self._db.execute(
                    "SELECT doc FROM docs_vocab WHERE term = ?", (stem(word),)
                ).fetchone()
                if known is not None or len(word) < 4:
                    out.append(word)
                    continue
                candidates = dict(
                    self._db.execute(
                        "SELECT word, coalesce(doc, 0) FROM words "
                        "LEFT JOIN docs_vocab ON docs_vocab.term = words.stem "
                        "WHERE word >= ? AND word < ?",
                        (word[0], chr(ord(word[0]) + 1)),
                    ).fetchall()
                )
                close = difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.75)
                if not close:
                    out.append(word)
                    continue
                out.append(max(close, key=lambda t: (difflib.SequenceMatcher(None, word, t)
                                                     .ratio(), candidates[t])))  # fmt: skip
                changed = True
        return " ".join(out) if changed else None

    def suggest_themes(
        self, better: SearchResults | None = None, limit: int = 4
    ) -> tuple[str, ...]:
        """Themes to offer when nothing matched: those of the corrected query, else the biggest."""
        picked: list[str] = []
        for hit in better.hits if better is not None else ():
            if hit.document.theme not in picked:
                picked.append(hit.document.theme)
        for t in sorted(self.themes(), key=lambda t: -t.count):
            if t.theme not in picked:
                picked.append(t.theme)
        return tuple(picked[:limit])

    def _version(self) -> tuple[int, int]:
        """Changes the moment the index does, here or in another process (a sync apart)."""
        return self._writes, int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def themes(self) -> list[ThemeCount]:
        """Every theme with its number of documents: the editorial ones first, in their order.

        Kept until the index changes: counting reads every document (50 ms at 20,000), and a
        search that finds nothing offers themes, on a keystroke ("h" typed first)."""
        with self._lock:
            version = self._version()
            if self._themes is not None and self._themes[0] == version:
                return list(self._themes[1])
            rows = self._db.execute(
                "SELECT theme, count(*), max(theme_en) FROM docs GROUP BY theme"
            ).fetchall()
            counts = {str(t): (int(n), str(en or "")) for t, n, en in rows}  # en: any one given
            order = {name: i for i, (name, _) in enumerate(THEMES)}
            names = sorted(counts, key=lambda t: (order.get(t, len(order)), fold(t)))
            self._themes = (version, [ThemeCount(t, *counts[t]) for t in names])
            return list(self._themes[1])

    def latest(self, limit: int = 12, *, theme: str | None = None,
               kind: DocumentKind | None = None) -> list[DocumentSummary]:  # fmt: skip
        where, params = _filters(theme, kind)
        sql = "SELECT docs.* FROM docs WHERE 1" + where
        sql += " ORDER BY published_on DESC, id DESC LIMIT ?"
        with self._lock:
            return [_summary(r) for r in self._db.execute(sql, (*params, limit))]

    def document(self, slug: str) -> DocumentSummary | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM docs WHERE slug = ?", (slug,)).fetchone()
        return _summary(row) if row else None

    def document_id(self, slug: str) -> int | None:
        with self._lock:
            row = self._db.execute("SELECT id FROM docs WHERE slug = ?", (slug,)).fetchone()
        return int(row[0]) if row else None

    def find_in_document(
        self, slug: str, text: str, limit: int = 100, *, typing: bool = True
    ) -> list[PageHit]:
        """Pages of one PDF that contain ``text`` (accent- and case-insensitive), in order.

        No synonyms here: inside a document the visitor looks for the words they typed (a
        synonym of "hameçonnage" would light up every page about "courriel piégé"). The
        catalogue's own index answers, one word at a time (a page must hold them all): its
        highlights of the document's body fall on pages by their lengths, so the pages need no
        index of their own (that second index of every body weighed as much as the first).
        """
        query = parse_query(text, typing=typing, lexicon=NO_SYNONYMS)
        doc_id = self.document_id(slug)
        if query.empty or doc_id is None:
            return []
        with self._lock:
            row = self._db.execute(
                "SELECT inflate(deflated), page_lengths FROM bodies WHERE id = ?", (doc_id,)
            ).fetchone()
            if row is None or row[1] is None:
                return []  # not a PDF: no pages to go to
            body, lengths = str(row[0]), [int(n) for n in str(row[1]).split(",")]
            found: list[list[tuple[int, int]]] = []
            for term in query.terms:
                match = "{body} : (" + term.fts(self._longer_than_stem) + ")"
                row = self._db.execute(
                    "SELECT highlight(docs_fts, 4, ?, ?) FROM docs_fts "
                    "WHERE docs_fts MATCH ? AND rowid = ?",
                    (HIGHLIGHT_START, HIGHLIGHT_END, match, doc_id),
                ).fetchone()
                if row is None:
                    return []  # a word the document lacks: no page has them all
                found.append(_highlighted_ranges(str(row[0])))
        hits = []
        start = 0
        for number, length in enumerate(lengths, 1):
            end = start + length
            page_text = body[start:end]
            on_page = [[(a - start, b - start) for a, b in ranges if start <= a < end]
                       for ranges in found]  # fmt: skip
            start = end + 1  # the pages are joined with a line break
            if all(on_page):
                marks = sorted(set().union(*on_page))
                hits.append(PageHit(number, _snippet(page_text, marks), len(marks)))
                if len(hits) == limit:
                    break
        return hits


def deflate(text: str) -> bytes:
    return zlib.compress(text.encode(), BODY_COMPRESSION)


def inflate(data: bytes | None) -> str | None:
    """The body as written (the SQL function the content view reads it through)."""
    return zlib.decompress(data).decode() if data is not None else None


def _highlighted_ranges(highlighted: str) -> list[tuple[int, int]]:
    """(start, end) of the highlighted words in the text without its marks."""
    ranges = []
    parts = highlighted.split(HIGHLIGHT_START)
    pos = len(parts[0])
    for part in parts[1:]:
        word, _, rest = part.partition(HIGHLIGHT_END)
        ranges.append((pos, pos + len(word)))
        pos += len(word) + len(rest)
    return ranges


def _snippet(text: str, marks: list[tuple[int, int]]) -> str:
    """About :data:`PAGE_SNIPPET_WORDS` words of ``text`` around its first mark, the marks
    highlighted, « … » where the text goes on (as FTS5's ``snippet()`` writes them)."""
    spans = word_spans(text)
    first = next((n for n, (_, end) in enumerate(spans) if end > marks[0][0]), 0)
    lo = max(0, min(first - 2, len(spans) - PAGE_SNIPPET_WORDS))
    hi = min(len(spans), lo + PAGE_SNIPPET_WORDS)
    begin, stop = spans[lo][0], spans[hi - 1][1]
    out = ["…" if lo else ""]
    pos = begin
    for a, b in marks:
        if a >= begin and b <= stop:
            out += [text[pos:a], HIGHLIGHT_START, text[a:b], HIGHLIGHT_END]
            pos = b
    out += [text[pos:stop], "…" if hi < len(spans) else ""]
    return "".join(out)


def _only_short_prefix(query_words: list[str], text: str, typing: bool) -> bool:
    """One or two letters typed so far: every body has words starting with them (a finished
    short word, « 3ᵉ », « IA », is searched everywhere)."""
    return (
        typing
        and not text[-1:].isspace()
        and len(query_words) == 1
        and len(query_words[0]) <= SHORT_PREFIX
    )


def _source(table: str, where: str) -> str:
    """``table``, joined to ``docs`` only when filters need it: a pass over thousands of
    matches looks each one up there otherwise (six times slower)."""
    return f"{table} JOIN docs ON docs.id = {table}.rowid" if where else table


def _filters(theme: str | None, kind: DocumentKind | None) -> tuple[str, list[object]]:
    where, params = "", list[object]()
    if theme:
        where += " AND docs.theme = ?"
        params.append(theme)
    if kind:
        where += " AND docs.kind = ?"
        params.append(kind.value)
    return where, params


def _summary(row: Sequence[object]) -> DocumentSummary:
    tags = str(row[6])
    return DocumentSummary(
        slug=str(row[1]),
        kind=DocumentKind(str(row[2])),
        title=str(row[3]),
        summary=str(row[4]),
        theme=str(row[5]),
        tags=tuple(t.strip() for t in tags.split(",") if t.strip()),
        published_on=date.fromisoformat(str(row[7])),
        reading_minutes=int(row[8]),  # type: ignore[call-overload]
        page_count=int(row[9]) if row[9] is not None else None,  # type: ignore[call-overload]
        content_hash=str(row[10]) if row[10] is not None else None,
        url=str(row[11]) if row[11] is not None else None,
        title_en=str(row[13]),
        summary_en=str(row[14]),
        theme_en=str(row[15]),
    )
