"""The results list while a visitor types: each answer changes the rows in place, and a
snippet already laid out is not laid out again."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.documents.catalogue import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    DocumentKind,
    DocumentSummary,
    SearchHit,
)
from ui.documents.document_list import DocumentListView, HitRole
from ui.theme import ThemeController


def hit(slug: str, word: str = "sobriété") -> SearchHit:
    doc = DocumentSummary(
        slug=slug, kind=DocumentKind.PDF, title=f"Titre {slug}", summary="", theme="Divers",
        tags=(), published_on=date(2026, 1, 1), reading_minutes=2, page_count=3,
        content_hash=None, url=None,
    )  # fmt: skip
    return SearchHit(doc, f"Le mot {HIGHLIGHT_START}{word}{HIGHLIGHT_END} de {slug}.", -1.0)


def listing(qtbot: Any, qapp: QApplication) -> DocumentListView:
    theme = ThemeController(qapp)
    theme.apply()
    view = DocumentListView(theme)
    qtbot.addWidget(view)
    view.resize(900, 1200)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_new_answer_changes_the_rows_in_place(qtbot: Any, qapp: QApplication) -> None:
    view = listing(qtbot, qapp)
    model = view.list_model
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: events.append(f"+{first}-{last}"))
    model.rowsRemoved.connect(lambda _p, first, last: events.append(f"-{first}-{last}"))
    model.dataChanged.connect(lambda a, b: events.append(f"~{a.row()}-{b.row()}"))

    view.set_hits([hit("a"), hit("b"), hit("c")])
    view.set_hits([hit("a"), hit("d"), hit("c"), hit("e")])  # one row differs, one more
    view.set_hits([hit("a")])
    view.set_hits([hit("a")])  # the same answer again: nothing to do

    assert events == ["+0-2", "+3-3", "~1-1", "-1-3"]
    assert [model.hit(n).document.slug for n in range(model.rowCount())] == ["a"]


def test_a_snippet_laid_out_once_is_reused_on_another_row(qtbot: Any, qapp: QApplication) -> None:
    view = listing(qtbot, qapp)
    delegate = view.delegate
    painted: list[str] = []
    paint = delegate.paint
    delegate.paint = lambda p, o, i: (
        painted.append(i.data(HitRole).document.slug),  # type: ignore[method-assign]
        paint(p, o, i),
    )
    view.set_hits([hit("a"), hit("b")])
    qtbot.waitUntil(lambda: {"a", "b"} <= set(painted))
    laid_out = dict(delegate._layouts)
    assert len(laid_out) == 2

    painted.clear()
    view.set_hits([hit("b"), hit("a")])  # the next keystroke swapped them
    qtbot.waitUntil(lambda: {"a", "b"} <= set(painted))
    assert delegate._layouts == laid_out  # the same QTextLayout objects, none made anew
