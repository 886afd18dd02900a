"""A search stopped by a newer keystroke answers nothing, never a list cut short, and the
stop reaches no other search: on a real index file, with the search held in the middle of a
statement (its first body read) while another thread stops it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.documents import index as index_module
from kiosk.documents.catalogue import DocumentKind, DocumentSummary, SearchInterrupted
from kiosk.documents.index import DocumentIndex, IndexedDocument
from tests.kiosk.documents.test_search import CORPUS

DEADLINE_S = 10


def build(path: Path) -> None:
    """The search tests' corpus, in an index file at ``path``."""
    index = DocumentIndex(path)
    index.upsert(
        IndexedDocument(
            n,
            DocumentSummary(
                slug=slug,
                kind=kind,
                title=title,
                summary=summary,
                theme=theme,
                tags=tuple(tags.split(",")) if tags else (),
                published_on=date(2026, 1, n),
                reading_minutes=3,
                page_count=len(pages) or None,
                content_hash=None,
                url=None,
            ),
            "\n".join(pages),
            pages,
            f"fp{n}",
        )
        for n, (slug, kind, theme, title, summary, tags, pages) in enumerate(CORPUS, 1)
    )
    index.close()


class BodyGate:
    """Holds the first body the index reads (a snippet being cut) until released: a search
    caught in the middle of a statement, as a slow one would be on a big catalogue."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.armed = False

    def inflate(self, data: bytes | None) -> str | None:
        if self.armed:
            self.armed = False
            self.entered.set()
            self.release.wait(DEADLINE_S)
        return index_module.inflate(data)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    build(tmp_path / "index.sqlite3")
    return tmp_path / "index.sqlite3"


@pytest.fixture
def index(path: Path) -> Iterator[DocumentIndex]:
    opened = DocumentIndex(path)
    yield opened
    opened.close()


@pytest.fixture
def gate() -> BodyGate:
    return BodyGate()


@pytest.fixture
def gated(path: Path, gate: BodyGate, monkeypatch: pytest.MonkeyPatch) -> Iterator[DocumentIndex]:
    """The same file opened a second time, its body reads going through the gate."""
    monkeypatch.setattr(index_module, "inflate", gate.inflate)
    opened = DocumentIndex(path)  # registers the gate as its SQL "inflate"
    monkeypatch.undo()
    yield opened
    opened.close()


def test_a_search_stopped_mid_statement_answers_nothing_then_the_index_answers_in_full(
    index: DocumentIndex, gated: DocumentIndex, gate: BodyGate
) -> None:
    expected = index.search("signalez")  # the same file, no gate; found by its body only
    assert [h.document.slug for h in expected.hits] == ["phishing"]
    token = object()
    outcome: dict[str, object] = {}

    def search() -> None:
        try:
            with gated.interruptible(token):
                outcome["results"] = gated.search("signalez")
        except SearchInterrupted as exc:
            outcome["interrupted"] = exc.__cause__

    gate.armed = True
    thread = threading.Thread(target=search)
    thread.start()
    assert gate.entered.wait(DEADLINE_S)  # inside the snippet statement, reading the body
    assert gated.interrupt(token)
    gate.release.set()
    thread.join(DEADLINE_S)
    assert not thread.is_alive()
    assert list(outcome) == ["interrupted"]  # no list at all, not a shorter one
    cause = outcome["interrupted"]
    assert isinstance(cause, sqlite3.OperationalError)  # the statement itself stopped
    assert gated.search("signalez") == expected  # and the next search is not hit


def test_a_search_stopped_between_two_statements_answers_nothing(index: DocumentIndex) -> None:
    expected = index.search("rgpd")
    token = object()
    with index.interruptible(token):
        assert index.interrupt(token)  # no statement running: SQLite alone would forget it
        with pytest.raises(SearchInterrupted):
            index.search("rgpd")
    assert index.search("rgpd") == expected


def test_only_the_search_of_the_token_is_stopped(index: DocumentIndex) -> None:
    expected = index.search("rgpd", kind=DocumentKind.ARTICLE)
    assert expected.hits
    finished, running = object(), object()
    with index.interruptible(finished):
        assert index.search("rgpd", kind=DocumentKind.ARTICLE) == expected
    assert not index.interrupt(finished)  # over: nothing to stop, nothing left behind
    with index.interruptible(running):
        assert not index.interrupt(finished)  # another search's token
        assert index.search("rgpd", kind=DocumentKind.ARTICLE) == expected
    assert not index.interrupt(None)
    assert index.search("rgpd", kind=DocumentKind.ARTICLE) == expected


def test_themes_are_counted_again_once_the_index_changed(tmp_path: Path) -> None:
    """The counts are kept between searches (one that finds nothing offers themes, on a
    keystroke), but not past a change, made here or by another process (a sync apart)."""
    path = tmp_path / "index.sqlite3"
    kiosk, sync = DocumentIndex(path), DocumentIndex(path)
    try:
        assert kiosk.themes() == []
        summary = DocumentSummary(
            slug="one", kind=DocumentKind.PDF, title="Un", summary="", theme="Accessibilité",
            tags=(), published_on=date(2026, 1, 1), reading_minutes=3, page_count=None,
            content_hash=None, url=None,
        )  # fmt: skip
        sync.upsert([IndexedDocument(1, summary, "Un corps.", (), "fp1")])
        assert [(t.theme, t.count) for t in kiosk.themes()] == [("Accessibilité", 1)]
        kiosk.remove([1])
        assert kiosk.themes() == []
    finally:
        kiosk.close()
        sync.close()
