"""Search as you type on a real index file: a keystroke's search that the next keystroke makes
moot is stopped and shows nothing, and the list left on the page is always the last
keystroke's complete, ranked list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.documents import index as index_module
from kiosk.documents.catalogue import DocumentKind, SearchHit, SearchInterrupted, SearchResults
from kiosk.documents.index import DocumentIndex
from tests.kiosk.documents.test_search_interrupt import DEADLINE_S, BodyGate, build
from ui.documents.desk import DocumentDesk
from ui.documents.search import SearchPage
from ui.tasks import BackgroundExecutor

FIRST = "signalez"  # "Signalez l'hameçonnage", in the guide's body only: a body snippet
TYPED = "signalez hameçon"


class WatchedIndex(DocumentIndex):
    """The kiosk's index, noting the searches a newer keystroke stopped."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.stopped: list[str] = []

    def search(self, text: str, **kw: Any) -> SearchResults:
        try:
            return super().search(text, **kw)
        except SearchInterrupted:
            self.stopped.append(text)
            raise


class Typing:
    """The search page, its desk and the index, as the kiosk wires them."""

    def __init__(self, qapp: Any, path: Path, gate: BodyGate, monkeypatch: Any) -> None:
        from ui.theme import ThemeController

        monkeypatch.setattr(index_module, "inflate", gate.inflate)
        self.index = WatchedIndex(path)  # its SQL "inflate" is the gate
        monkeypatch.undo()
        self.reference = DocumentIndex(path)  # the same file, read straight
        self.executor = BackgroundExecutor()
        self.desk = DocumentDesk(None, None, None, self.executor,  # type: ignore[arg-type]
                                 open_index=lambda: self.index)  # fmt: skip
        theme = ThemeController(qapp)
        theme.apply(accessible=False)
        self.page = SearchPage(theme)
        self.page.show_keyboard(False)  # results with their snippets, as after « Rechercher »
        self.page.request_changed.connect(self.desk.search)
        self.desk.results.connect(self.page.show_results)
        self.shown: list[tuple[str, list[str]]] = []
        self.desk.results.connect(lambda r: self.shown.append((r.query, slugs(r))))
        self.failures: list[str] = []
        self.desk.unavailable.connect(self.failures.append)

    def idle(self) -> bool:
        return self.desk.pending == 0

    def hits(self) -> list[SearchHit]:
        model = self.page.results.list_model
        return [model.hit(n) for n in range(model.rowCount())]

    def close(self) -> None:
        self.desk.shutdown()  # waits for the worker, closes the index
        self.reference.close()


def slugs(results: SearchResults) -> list[str]:
    return [h.document.slug for h in results.hits]


@pytest.fixture
def typing(qtbot: QtBot, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[Typing]:  # fmt: skip
    build(tmp_path / "index.sqlite3")
    gate = BodyGate()
    world = Typing(qapp, tmp_path / "index.sqlite3", gate, monkeypatch)
    world.gate = gate  # type: ignore[attr-defined]
    qtbot.addWidget(world.page)
    yield world
    gate.release.set()
    world.close()


def test_a_search_made_moot_is_stopped_and_the_last_keystroke_shows(
    qtbot: QtBot, typing: Typing
) -> None:
    gate: BodyGate = typing.gate  # type: ignore[attr-defined]
    gate.armed = True
    typing.page.field.setText(FIRST)  # its snippet is cut from the guide's body...
    assert gate.entered.wait(DEADLINE_S)  # ...where the search is held
    for n in range(len(FIRST) + 1, len(TYPED) + 1):
        typing.page.field.setText(TYPED[:n])  # typed on meanwhile, one key at a time
    gate.release.set()
    qtbot.waitUntil(typing.idle, timeout=DEADLINE_S * 1000)
    assert typing.index.stopped == [FIRST]  # stopped, not left to run its course
    expected = typing.reference.listing(TYPED)
    assert slugs(expected) == ["phishing"]
    # nothing of the stopped search, nor of the keystrokes typed while it ran, was shown
    assert typing.shown == [(TYPED, ["phishing"])]
    assert typing.hits() == list(expected.hits)  # ranked, with their snippets
    assert typing.page.count.text() == "1 résultat"
    assert typing.failures == []


def test_a_burst_of_keystrokes_ends_on_the_last_ones_complete_list(
    qtbot: QtBot, typing: Typing
) -> None:
    """No waiting between keys: whatever ran, was stopped or dropped on the way, the page
    ends with the complete list of the text in the field, and nothing older comes after it."""
    texts = [t[:n] for t in ("rgpd", "données perso", "cyber") for n in range(1, len(t) + 1)]
    for text in texts:
        typing.page.field.setText(text)
    typing.page.formats.button(1 + list(DocumentKind).index(DocumentKind.LINK)).click()
    qtbot.waitUntil(typing.idle, timeout=DEADLINE_S * 1000)
    expected = typing.reference.listing("cyber", kind=DocumentKind.LINK)
    assert slugs(expected) == ["cyber-fr"]
    last = typing.shown[-1]
    assert last == ("cyber", ["cyber-fr"])
    assert typing.hits() == list(expected.hits)
    assert all(query in texts for query, _ in typing.shown)
    assert typing.failures == []


def test_the_idle_reset_stops_the_last_visitors_search(qtbot: QtBot, typing: Typing) -> None:
    gate: BodyGate = typing.gate  # type: ignore[attr-defined]
    gate.armed = True
    typing.page.field.setText(FIRST)
    assert gate.entered.wait(DEADLINE_S)
    typing.desk.forget_visitor()  # the visitor left while it ran
    gate.release.set()
    qtbot.waitUntil(typing.idle, timeout=DEADLINE_S * 1000)
    assert typing.index.stopped == [FIRST]
    assert typing.shown == []  # nothing of theirs shows for the next visitor
    assert typing.failures == []
