"""A new answer while typing repaints the rows once: the rows keep their height, so a changed
hit is no reason to lay the whole list out again (QListView does so while painting, and the
list painted at once was then painted a second time)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtWidgets import QApplication

from tests.ui.documents.test_document_list import hit, listing
from ui.documents.document_list import HitRole


def test_a_changed_answer_paints_each_row_once(qtbot: Any, qapp: QApplication) -> None:
    view = listing(qtbot, qapp)
    delegate = view.delegate
    painted: Counter[str] = Counter()
    paint = delegate.paint
    delegate.paint = lambda p, o, i: (  # type: ignore[method-assign]
        painted.update([i.data(HitRole).document.slug]),
        paint(p, o, i),
    )
    view.set_hits([hit("a"), hit("b"), hit("c")])
    qtbot.waitUntil(lambda: set(painted) == {"a", "b", "c"})

    for _ in range(3):  # everything posted: updates, zero-delay layout timers
        qapp.processEvents()
    painted.clear()
    view.set_hits([hit("a", "numérique"), hit("d"), hit("c", "écran")])  # the next keystroke
    view.viewport().repaint()  # painted at once, as a frame would (and as the bench does)
    assert painted == Counter({"a": 1, "d": 1, "c": 1})
    for _ in range(3):
        qapp.processEvents()
    assert painted == Counter({"a": 1, "d": 1, "c": 1})
    shown = [view.list_model.hit(n).snippet for n in range(3)]
    assert ["numérique" in shown[0], "d." in shown[1], "écran" in shown[2]] == [True] * 3
